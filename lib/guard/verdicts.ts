import type { ComposerSnapshot } from './adapter';
import { withTimeout } from './ask';
import { keyOf, type Entry, type GuardCore, type Watched, type VerdictCache } from './core';

// The verdict cache: one verdict per draft (recipients, subject, body), asked for while the rep types
// (debounced) so that a clean send passes at once; the composer's state shows the draft's verdict.

export function createVerdictCache(core: GuardCore): VerdictCache {
  const { adapter, ask, watched, checkTimeoutMs, debounceMs } = core;
  const { setState, setInactive, clearInactive } = bind(core);

  const ensureVerdict = (w: Watched, snapshot: ComposerSnapshot, key: string, fresh = false): Entry => {
    const existing = w.cache.get(key);
    if (existing && !fresh && existing.status !== 'failed') return existing;
    const entry: Entry = { status: 'pending', at: Date.now(), promise: Promise.resolve() };
    entry.promise = withTimeout(
      ask({
        type: 'verdict/for-recipients',
        site: adapter.site,
        channel: snapshot.channel,
        recipients: snapshot.recipients,
        message: {
          ...(snapshot.subject !== undefined ? { subject: snapshot.subject.slice(0, 2000) } : {}),
          body: snapshot.body.slice(0, 200_000),
          ...(w.products ? { products: w.products } : {}),
        },
      }),
      checkTimeoutMs,
    ).then(
      (verdict) => {
        entry.status = 'done';
        entry.verdict = verdict;
        entry.at = Date.now();
      },
      (error: unknown) => {
        entry.status = 'failed';
        entry.error = (error as Error)?.message ?? String(error);
      },
    );
    w.cache.delete(key);
    w.cache.set(key, entry);
    while (w.cache.size > 8) w.cache.delete(w.cache.keys().next().value as string);
    void entry.promise.then(() => settleState(w));
    return entry;
  };

  /** The composer's state for its current draft, when no send is held. */
  const settleState = (w: Watched) => {
    if (w.hold || w.failure || !w.lastKey || watched.get(w.root) !== w) return;
    const entry = w.cache.get(w.lastKey);
    if (!entry || entry.status === 'pending') setState(w, 'checking');
    // A draft that would be held shows as held already, so the rep sees it before pressing Send.
    else if (entry.status === 'done' && entry.verdict?.decision === 'allow') setState(w, 'clean');
    else setState(w, 'held');
  };

  const schedulePrecompute = (w: Watched) => {
    if (w.timer) clearTimeout(w.timer);
    if (w.ac.signal.aborted) return;
    w.timer = setTimeout(() => precompute(w), debounceMs);
  };

  const precompute = (w: Watched) => {
    if (w.ac.signal.aborted) return;
    if (!w.handle) {
      // A composer that was still rendering may be usable now.
      try {
        w.handle = adapter.composerFor(w.matched);
      } catch (error) {
        setInactive(w, error);
        return;
      }
    }
    let snapshot: ComposerSnapshot;
    try {
      snapshot = w.handle.read();
    } catch (error) {
      setInactive(w, error);
      return;
    }
    clearInactive(w);
    const key = keyOf(snapshot);
    w.lastKey = key;
    ensureVerdict(w, snapshot, key);
    settleState(w);
  };

  return { ensureVerdict, settleState, schedulePrecompute, precompute };
}

/** the registry's calls, looked up when called (the parts are wired after they are made) */
function bind(core: GuardCore) {
  return {
    setState: (...a: Parameters<GuardCore['composers']['setState']>) => core.composers.setState(...a),
    setInactive: (w: Watched, error: unknown) => core.composers.setInactive(w, error),
    clearInactive: (w: Watched) => core.composers.clearInactive(w),
  };
}
