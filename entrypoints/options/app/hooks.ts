import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ask, errorText, type JobStatus } from './api';

/** Loads data once (and again on `reload()` or when deps change); errors are kept to show inline. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await load();
      if (mine === seq.current) {
        setData(value);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}

/** Runs an action with a busy flag and an error message; returns undefined when it failed. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

/** Polls a background job (import, bulk erase) until it is done or failed. */
export async function followJob(jobId: string, onProgress: (s: JobStatus) => void, intervalMs = 250): Promise<JobStatus> {
  for (;;) {
    const status = await ask({ type: 'jobs/status', jobId });
    onProgress(status);
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function today(): Date {
  return new Date();
}
