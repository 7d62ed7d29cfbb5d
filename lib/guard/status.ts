import type { GuardAsk } from './ask';

// Tab state for the toolbar icon (guard/status). Nothing of it goes into the page's DOM: a page must not
// learn that the extension is there, or what it found (tests ask the background for the tab's state).

export type TabState = 'active' | 'inactive' | 'held';

/** The state the toolbar should show when composers are in these states: held beats inactive beats active. */
export function tabStateOf(composerStates: Iterable<string>, pageProblem: boolean): TabState {
  let inactive = pageProblem;
  for (const state of composerStates) {
    if (state === 'held') return 'held';
    if (state === 'inactive') inactive = true;
  }
  return inactive ? 'inactive' : 'active';
}

/**
 * Reports only changes (every report costs a message). Never throws: the toolbar icon is informative; the
 * hold itself never depends on this call.
 */
export function createStatusReporter(ask: GuardAsk) {
  let last: string | null = null;
  let lastReport: [TabState, string | undefined] | null = null;
  /** what the page said before it was left, for a return from the back/forward cache */
  let beforeLeaving: [TabState, string | undefined] | null = null;
  const docId = crypto.randomUUID();
  async function report(state: TabState, detail?: string): Promise<void> {
    const key = `${state}|${detail ?? ''}`;
    if (key === last) return;
    last = key;
    lastReport = [state, detail];
    try {
      await ask({ type: 'guard/status', state, doc: docId, ...(detail ? { detail: detail.slice(0, 1000) } : {}) });
    } catch {
      if (last === key) last = null; // try again on the next report
    }
  }
  return Object.assign(report, {
    /** The page is being left (pagehide): the toolbar forgets what this page said. Never throws. */
    left(): void {
      if (!lastReport) return;
      beforeLeaving = lastReport;
      lastReport = null;
      last = null;
      ask({ type: 'guard/status', state: 'gone', doc: docId }).catch(() => undefined);
    },
    /** What this page last told the toolbar (the background asks when a tab finished loading). */
    current(): TabState | null {
      return lastReport?.[0] ?? null;
    },
    /** The page came back from the back/forward cache: say again what it said before it was left. */
    back(): void {
      if (beforeLeaving) void report(...beforeLeaving);
    },
  });
}
