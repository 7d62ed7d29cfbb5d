import { browser } from 'wxt/browser';
import { z } from 'zod';
import { recordEventRequest } from '../messaging/guard';
import type { Site } from '../messaging/common';
import { GuardRequestFailed, withTimeout, type GuardAsk } from './ask';

// Ledger events the page could not hand to the background (it was asleep, crashed, or the extension was
// being updated) are never dropped: "send anyway" and "this message left" are written to a small queue in
// storage.local (reachable from content scripts without the background) and retried with backoff for the
// page's lifetime. A queue left behind by a closed page is picked up by the next guarded page that starts.
// Only an event the background answered "no" to (a refusal: policy, invalid) is dropped — retrying cannot
// change that answer, and keeping it would block every record queued behind it.

export type LedgerEvent = z.infer<typeof recordEventRequest>['event'];

export const pendingEventsKey = 'pending-events';

const entrySchema = z.object({
  id: z.string().min(1).max(100),
  /** the page instance retrying it; another page takes over once `claimedAt` is older than orphanAfterMs */
  owner: z.string().max(100),
  claimedAt: z.number(),
  queuedAt: z.number(),
  event: recordEventRequest.shape.event,
  /**
   * Written before a send from a window that may close itself (pop-out compose): its page confirms or drops
   * it once it knows whether the message left. When the page goes first, the record stands as sent.
   */
  provisional: z.boolean().optional(),
  /** a provisional record's page renews this while it lives; once it lapses the page is gone and any page adopts it */
  leaseUntil: z.number().optional(),
});
export type PendingEntry = z.infer<typeof entrySchema>;

/** Where the queue lives. storage.local by default; tests pass a memory store. */
export interface PendingStore {
  read(): Promise<unknown>;
  write(entries: PendingEntry[]): Promise<void>;
  /** calls back when another page changed the queue */
  watch?(onChange: () => void, signal: AbortSignal): void;
}

export const storageLocalPendingStore: PendingStore = {
  async read() {
    return (await browser.storage.local.get(pendingEventsKey))[pendingEventsKey];
  },
  async write(entries) {
    await browser.storage.local.set({ [pendingEventsKey]: entries });
  },
  watch(onChange, signal) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && pendingEventsKey in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  },
};

/** owner of an entry its page let go of (it closed): any page takes it over at once */
const released = '';

export function memoryPendingStore(initial: unknown = []): PendingStore & { value: unknown } {
  const watchers = new Set<() => void>();
  const store = {
    value: initial,
    read: async () => store.value,
    write: async (entries: PendingEntry[]) => {
      store.value = structuredClone(entries);
      for (const w of watchers) w();
    },
    watch(onChange: () => void, signal: AbortSignal) {
      watchers.add(onChange);
      signal.addEventListener('abort', () => watchers.delete(onChange), { once: true });
    },
  };
  return store;
}

/** Storage is shared with other pages and extension versions: only entries the schema accepts are kept. */
function validEntries(raw: unknown): PendingEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: PendingEntry[] = [];
  for (const item of raw.slice(0, 1000)) {
    const parsed = entrySchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else console.warn('[outreach-guard] dropped an unreadable pending ledger event', parsed.error.issues[0]?.message);
  }
  return out;
}

export type RecordOutcome = 'recorded' | 'queued' | 'queued-in-memory' | 'refused';

export interface EventRecorder {
  /** Records the event, or queues it when the background does not answer ('refused': it said no; not queued). Never rejects. */
  record(event: LedgerEvent): Promise<RecordOutcome>;
  /** Queues without trying first (the caller just saw the background fail). Never rejects. */
  queue(event: LedgerEvent): Promise<RecordOutcome>;
  /** Tries every queued event of this page, and those of closed pages, now. */
  flush(): Promise<void>;
  /** how many events this page still has to record */
  pending(): number;
  /**
   * Stores "this message left" before it is known (a pop-out compose window may close itself on Send, and
   * with it this page). Resolves once stored (or storing failed: then it lives in this page only). Settle it
   * with the returned handle; one never settled stands as sent.
   */
  provisional(event: LedgerEvent): Promise<ProvisionalRecord>;
  /** The page is going away (pagehide): unsettled provisional records stand, and any page takes them over now. */
  releaseProvisional(): void;
}

export interface ProvisionalRecord {
  /** it left: record it (unless another page already took it over and recorded it) */
  confirm(): Promise<void>;
  /** it did not leave: forget it */
  drop(): Promise<void>;
  /** still unknown while this page lives on (timeout, extension reloaded): it stands as sent */
  stand(): Promise<void>;
}

export interface RecorderOptions {
  ask: GuardAsk;
  signal: AbortSignal;
  store?: PendingStore;
  /** told whenever the number of events this page still has to record changes */
  onPending?: (count: number) => void;
  /** told once per event the background refused (it is dropped, not retried): the rep should see it */
  onRefused?: (event: LedgerEvent, message: string) => void;
  now?: () => number;
  /** an entry not retried by its page for this long is taken over (ms) */
  orphanAfterMs?: number;
  /** how long a provisional record's lease lasts; its page renews it at half that (ms) */
  leaseMs?: number;
  /**
   * take over records other pages released (a closed pop-out compose) as soon as they do, not only at start;
   * only one page per tab should (the top frame)
   */
  adoptReleased?: boolean;
  /**
   * the site this page is on: it takes over only records of that site. The queue is shared by every guarded
   * tab, and the background records the site the request came from (a Gmail send adopted by a LinkedIn tab
   * would land in the audit log as a LinkedIn send).
   */
  site?: Site;
  /** waits between retries (ms); the last one repeats */
  backoffMs?: readonly number[];
  /** an attempt not answered within this long counts as failed (ms) */
  timeoutMs?: number;
}

/**
 * The background answered and said no (policy, invalid input): retrying cannot help, the caller must show
 * it. Not a refusal: no answer, an answer this page cannot read, or a crash inside the background
 * ('internal', e.g. its database closed after a service-worker wake-up) — a retry may well succeed.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof GuardRequestFailed && !retriedCodes.has(error.code);
}

const retriedCodes = new Set(['unreachable', 'bad-response', 'internal']);

/** No answer at all: the background is away, so the events queued behind this one would fail too. */
function isAway(error: unknown): boolean {
  return !(error instanceof GuardRequestFailed) || error.code === 'unreachable' || error.code === 'bad-response';
}

/** The site a record belongs to (a declined InMail is LinkedIn's by nature). */
function siteOfEvent(event: LedgerEvent): Site {
  return 'site' in event ? event.site : 'linkedin';
}

export function createEventRecorder(options: RecorderOptions): EventRecorder {
  const { ask, signal } = options;
  const store = options.store ?? storageLocalPendingStore;
  const now = options.now ?? Date.now;
  const orphanAfter = options.orphanAfterMs ?? 120_000;
  const leaseMs = options.leaseMs ?? 8_000;
  let adoptTimer: ReturnType<typeof setTimeout> | undefined;
  const backoff = options.backoffMs ?? [3_000, 6_000, 15_000, 30_000, 60_000];
  const owner = `${now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** this page's entries (also when storage could not be written: then they live only here) */
  const mine = new Map<string, PendingEntry>();
  let lastReported = -1;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | null = null;
  let renewTimer: ReturnType<typeof setInterval> | undefined;
  // One read-modify-write at a time within this page.
  let chain: Promise<unknown> = Promise.resolve();

  const report = () => {
    if (mine.size === lastReported) return;
    lastReported = mine.size;
    options.onPending?.(mine.size);
  };

  const mutate = (change: (entries: PendingEntry[]) => PendingEntry[]): Promise<PendingEntry[]> => {
    const next = chain.then(async () => {
      const entries = change(validEntries(await store.read()));
      await store.write(entries);
      return entries;
    });
    chain = next.catch(() => undefined);
    return next;
  };

  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = (event: LedgerEvent) => withTimeout(ask({ type: 'ledger/record-event', event }), timeoutMs);

  const refused = (event: LedgerEvent, error: unknown) => {
    const message = (error as Error)?.message ?? String(error);
    console.error(`[outreach-guard] the background refused a ${event.kind} record; it is dropped, not retried: ${message}`, event);
    options.onRefused?.(event, message);
  };

  const schedule = () => {
    if (timer || signal.aborted || mine.size === 0) return;
    const wait = backoff[Math.min(attempt, backoff.length - 1)] ?? 60_000;
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, wait);
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearTimeout(adoptTimer);
    clearInterval(renewTimer);
  }, { once: true });

  async function queue(event: LedgerEvent): Promise<RecordOutcome> {
    const at = now();
    const entry: PendingEntry = { id: `${owner}-${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, owner, claimedAt: at, queuedAt: at, event };
    mine.set(entry.id, entry);
    report();
    schedule();
    try {
      await mutate((entries) => [...entries, entry]);
      return 'queued';
    } catch (error) {
      console.error('[outreach-guard] could not store a ledger event for later; retrying while this page is open', error);
      return 'queued-in-memory';
    }
  }

  async function record(event: LedgerEvent): Promise<RecordOutcome> {
    try {
      await send(event);
      return 'recorded';
    } catch (error) {
      if (isRefusal(error)) {
        refused(event, error);
        return 'refused';
      }
      console.warn('[outreach-guard] the background did not take a ledger event; queued for retry', error);
      return queue(event);
    }
  }

  async function runFlush(): Promise<void> {
    // Take over what closed pages left behind, and show other pages that ours are still being retried.
    let nextLapse = Infinity;
    try {
      const t = now();
      await mutate((entries) =>
        entries.map((e) => {
          // this page's own provisional records wait for their send's outcome, not for a retry
          if (e.owner === owner && e.provisional && provisionals.has(e.id)) return e;
          if (e.owner !== owner && options.site && siteOfEvent(e.event) !== options.site) return e;
          // another page's provisional record is adopted once its lease lapsed (that page is gone)
          const lapsed = e.provisional && e.owner !== owner && e.leaseUntil !== undefined ? e.leaseUntil < t : t - e.claimedAt > orphanAfter;
          if (e.provisional && !lapsed && e.owner !== released) {
            if (e.owner !== owner && e.leaseUntil !== undefined) nextLapse = Math.min(nextLapse, e.leaseUntil);
            return e;
          }
          if (e.owner === owner || e.owner === released || lapsed) {
            const { provisional: _standsAsSent, leaseUntil: _lease, ...rest } = e;
            const claimed = { ...rest, owner, claimedAt: t };
            mine.set(e.id, claimed);
            return claimed;
          }
          return e;
        }),
      );
    } catch (error) {
      console.warn('[outreach-guard] could not read the pending ledger events', error);
    }
    report();
    // the app window looks again when a pop-out's lease would lapse (the pop-out may close without a word)
    if (options.adoptReleased && nextLapse < Infinity && !signal.aborted) {
      clearTimeout(adoptTimer);
      adoptTimer = setTimeout(() => void flush(), Math.max(0, nextLapse - now()) + 500);
    }
    let failed = false;
    for (const entry of [...mine.values()]) {
      if (signal.aborted) return;
      try {
        await send(entry.event);
      } catch (error) {
        if (isRefusal(error)) {
          refused(entry.event, error);
        } else {
          failed = true;
          console.warn('[outreach-guard] a queued ledger event is still not recorded', error);
          if (isAway(error)) break; // the background is still away: try again later, in order
          continue; // it crashed on this one: retry it later, but let the others through
        }
      }
      mine.delete(entry.id);
      report();
      try {
        await mutate((entries) => entries.filter((e) => e.id !== entry.id));
      } catch (error) {
        console.warn('[outreach-guard] recorded (or dropped) a queued event but could not take it off the queue', error);
      }
    }
    if (!failed) attempt = 0;
    schedule();
  }

  function flush(): Promise<void> {
    flushing ??= runFlush().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  /** this page's unsettled provisional records */
  const provisionals = new Map<string, PendingEntry>();

  /** Takes the entry off the queue; says whether it was still there (nobody else took it over). */
  const takeBack = async (id: string): Promise<boolean> => {
    let present = false;
    try {
      await mutate((entries) => {
        present = entries.some((e) => e.id === id && e.owner === owner);
        return present ? entries.filter((e) => e.id !== id) : entries;
      });
    } catch (error) {
      console.warn('[outreach-guard] could not read the pending ledger events', error);
      return true; // unreadable storage: nobody else can have taken it either
    }
    return present;
  };

  /** keeps this page's provisional records leased while it lives: a page that vanishes stops renewing */
  const renew = () => {
    if (provisionals.size === 0 || signal.aborted) {
      clearInterval(renewTimer);
      renewTimer = undefined;
      return;
    }
    const until = now() + leaseMs;
    void mutate((entries) => entries.map((e) => (provisionals.has(e.id) && e.owner === owner ? { ...e, leaseUntil: until } : e))).catch(() => undefined);
  };

  async function provisional(event: LedgerEvent): Promise<ProvisionalRecord> {
    const at = now();
    const entry: PendingEntry = { id: `${owner}-${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, owner, claimedAt: at, queuedAt: at, event, provisional: true, leaseUntil: at + leaseMs };
    provisionals.set(entry.id, entry);
    renewTimer ??= setInterval(renew, leaseMs / 2);
    try {
      await mutate((entries) => [...entries, entry]);
    } catch (error) {
      console.error('[outreach-guard] could not store a provisional ledger event; it is kept by this page only', error);
    }
    let settled = false;
    const settle = async (how: 'confirm' | 'drop' | 'stand') => {
      if (settled) return;
      settled = true;
      provisionals.delete(entry.id);
      if (how === 'stand') {
        // an ordinary queued record of this page from now on: retried like any other
        const { provisional: _stands, leaseUntil: _lease, ...rest } = entry;
        mine.set(entry.id, rest);
        report();
        try {
          await mutate((entries) => entries.map((e) => (e.id === entry.id ? rest : e)));
        } catch {
          // it is in `mine`: this page retries it while it lives
        }
        void flush();
        return;
      }
      const ours = await takeBack(entry.id);
      if (how === 'confirm' && ours) await record(event);
    };
    return { confirm: () => settle('confirm'), drop: () => settle('drop'), stand: () => settle('stand') };
  }

  function releaseProvisional() {
    if (provisionals.size === 0) return;
    const ids = new Set(provisionals.keys());
    provisionals.clear();
    // Fire and forget: the page is going. Should the write not finish, the orphan rule still adopts them.
    void mutate((entries) => entries.map((e) => (ids.has(e.id) ? { ...e, owner: released, claimedAt: 0, provisional: false } : e))).catch(() => undefined);
  }

  if (options.adoptReleased && store.watch) {
    store.watch(() => {
      void (async () => {
        const entries = validEntries(await store.read());
        if (entries.some((e) => e.owner === released)) await flush();
      })().catch(() => undefined);
    }, signal);
  }

  return { record, queue, flush, pending: () => mine.size, provisional, releaseProvisional };
}
