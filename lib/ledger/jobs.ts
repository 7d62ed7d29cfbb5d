import type { CsvRowErrorCode, CsvRowErrorParams } from '../model/csv';

// Long jobs (CSV import, bulk erase) run in the background and report progress through `jobs/status`.
// Kept in memory: a service worker that is stopped mid-job loses the progress report, not the data (each
// job writes in transactions that either complete or leave the ledger unchanged).

export interface JobError {
  row?: number;
  field?: string;
  /** a CSV row's problem as a code the page words (lib/model/csv.ts); `message` is the English */
  code?: CsvRowErrorCode;
  params?: CsvRowErrorParams;
  message: string;
}

export interface Job {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message?: string;
  result?: Record<string, number>;
  errors?: JobError[];
  /** rows an import skipped ("skip bad rows"), each with its reason; the job itself succeeded */
  skipped?: JobError[];
  startedAt: number;
}

const MAX_JOBS = 50;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  /** Starts `work` without waiting for it; the job records its progress, result or failure. */
  start(
    kind: string,
    total: number,
    work: (progress: (done: number, total?: number) => void) => Promise<{ result?: Record<string, number>; errors?: JobError[]; skipped?: JobError[]; message?: string }>,
  ): Job {
    const job: Job = { id: crypto.randomUUID(), kind, state: 'running', done: 0, total, startedAt: Date.now() };
    this.jobs.set(job.id, job);
    this.prune();
    const progress = (done: number, t?: number) => {
      job.done = done;
      if (t !== undefined) job.total = t;
    };
    void work(progress).then(
      (out) => {
        // Errors with a result are rows an import skipped on purpose; errors alone mean nothing was done.
        const failed = (out.errors?.length ?? 0) > 0 && !out.result;
        Object.assign(job, { state: failed ? 'failed' : 'done', done: failed ? job.done : job.total }, out);
      },
      (error: unknown) => {
        job.state = 'failed';
        job.message = error instanceof Error ? error.message : String(error);
        const where = (error as { where?: string }).where;
        if (where) job.errors = [{ field: where, message: job.message }];
      },
    );
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Resolves when the job has finished (tests and callers that want to wait). */
  async settled(id: string, pollMs = 5): Promise<Job> {
    for (;;) {
      const j = this.jobs.get(id);
      if (!j) throw new Error(`no job ${id}`);
      if (j.state !== 'running') return j;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private prune() {
    if (this.jobs.size <= MAX_JOBS) return;
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running').sort((a, b) => a.startedAt - b.startedAt);
    for (const j of finished.slice(0, this.jobs.size - MAX_JOBS)) this.jobs.delete(j.id);
  }
}
