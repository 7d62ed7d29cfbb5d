import type { GuardVerdict } from '../messaging/guard';
import type { HoldAction } from '../../components/guard/HoldDialog';
import { AdapterError, type ComposerHandle, type ComposerSnapshot, type SendTrigger, type SiteAdapter } from './adapter';
import type { GuardAsk } from './ask';
import type { HoldUi, InactiveBadge, MarkerUi, MountHold, ShowBadge, ShowMarker } from './hold-ui';
import type { HoldView } from '../../components/guard/HoldDialog';
import type { Lang } from '../../components/guard/strings';
import type { TabState } from './status';
import type { EventRecorder } from './pending-events';

// What the parts of one guard (composer registry, verdict cache, interception, hold flow, sent-watch)
// share: the options as resolved once, the watched composers, and each other. startGuard wires them.

export type ComposerState = 'checking' | 'clean' | 'held' | 'inactive';
export const stateAttribute = 'data-outreach-guard-state';

export interface GuardOptions {
  adapter: SiteAdapter;
  ask: GuardAsk;
  signal: AbortSignal;
  /** the document to watch (default: document) */
  doc?: Document;
  lang?: Lang;
  /** wait this long after the last change before asking for a verdict (ms) */
  debounceMs?: number;
  /** a verdict that takes longer than this counts as "could not check" (ms) */
  checkTimeoutMs?: number;
  /** show the "checking…" dialog when a held check takes longer than this (ms) */
  checkingDialogAfterMs?: number;
  /** how the hold dialog is shown (default: in this document; the content script uses its frame) */
  mountHold?: MountHold;
  /** how the "not active here" badge is shown (default: in this document; the content script uses its frame) */
  showBadge?: ShowBadge;
  /** how the composer marker is shown (default: in this document; the content script uses its frame) */
  showMarker?: ShowMarker;
  /** loads the hold's UI ahead once a draft would be held, so Send only renders it (the content script's frame) */
  preloadHold?: (doc: Document) => void;
  onTabState?: (state: TabState, detail?: string) => void;
  /** outlives `signal` across in-page navigation: watching whether a sent message really left (default: signal) */
  sentSignal?: AbortSignal;
  /** how long a precomputed "allow" may be trusted at send time (ms) */
  allowTtlMs?: number;
  /** records ledger events, queueing them while the background is away (default: a queue in memory) */
  recorder?: EventRecorder;
  /** how long a released send from a self-closing window may wait for its provisional record (ms) */
  provisionalWaitMs?: number;
}

export type Entry = {
  status: 'pending' | 'done' | 'failed';
  verdict?: GuardVerdict;
  error?: string;
  at: number;
  promise: Promise<void>;
};

export interface Hold {
  trigger: SendTrigger;
  event: Event;
  /** where the held event was aimed (re-issued there when no adapter handle can re-send it) */
  target: EventTarget | null;
  snapshot: ComposerSnapshot | null;
  key: string | null;
  view: HoldView;
  ui: HoldUi | null;
  busy: boolean;
  error?: string;
  hint?: string;
  /** no handle: re-issue the held event itself */
  fallback: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** the adapter could not re-send it: the dialog says so and the rep's next Send passes */
  resendFailed?: boolean;
  /** the draft key whose "send anyway" is already in the ledger (a retried re-send must not record it twice) */
  overriddenFor?: string | null;
  /** opened from the composer's marker: nothing was held, so nothing is ever sent from it */
  explain?: boolean;
}

/** Lets the released send (our re-issue, or the rep's next click) pass our listener unchecked. */
export interface Release {
  key: string | null;
  until: number;
  /** its "did it leave" watch has started: a second pass is the same send, not another one */
  watched: boolean;
}

/** Watches whether one send left; `stored`: its provisional record is stored (null: none). */
export interface SentWatch {
  stored: Promise<unknown> | null;
  /** the send did not go after all (the re-send failed): stop watching and record nothing */
  abandon(): void;
}

export interface Watched {
  matched: Element;
  root: Element;
  handle: ComposerHandle | null;
  failure: string | null;
  fromExpected: boolean;
  cache: Map<string, Entry>;
  lastKey: string | null;
  state: ComposerState;
  hold: Hold | null;
  release: Release | null;
  /** one watch per send still waiting for its "sent" proof, by draft key (LinkedIn composers stay open) */
  sentWatches: Map<string, AbortController>;
  ac: AbortController;
  badge: InactiveBadge | null;
  /** the quiet marker beside the composer: the state the guard already worked out */
  marker?: MarkerUi;
  timer?: ReturnType<typeof setTimeout>;
  /** the catalogue products the rep said this composer's draft is about (in the hold); sent with every check */
  products?: string[];
}

/** The options of one guard, resolved once (defaults filled in). */
export interface GuardConfig {
  options: GuardOptions;
  adapter: SiteAdapter;
  ask: GuardAsk;
  signal: AbortSignal;
  doc: Document;
  lang: Lang;
  debounceMs: number;
  checkTimeoutMs: number;
  checkingAfter: number;
  allowTtl: number;
  /** the longest a released send waits for its provisional record to be stored */
  provisionalWaitMs: number;
  mountHold: MountHold;
  showBadge: ShowBadge;
  showMarker: ShowMarker;
  plainEnterMaySend: boolean;
  recorder: EventRecorder;
  /** the composers this guard watches, by root */
  watched: Map<Element, Watched>;
}

// The parts' faces, declared here beside GuardCore: each part takes a GuardCore and returns its face, so the
// parts import this file and it imports none of them.

export interface ComposerRegistry {
  /** capture listeners for every send event on this target (once per target) */
  listenOn(target: EventTarget | null | undefined): void;
  setState(w: Watched, state: ComposerState): void;
  reportTab(): void;
  setInactive(w: Watched, error: unknown): void;
  clearInactive(w: Watched): void;
  /** starts watching `el` (a root match, or a looser "expected" one); returns how to stop */
  addComposer(el: Element, fromExpected: boolean): (() => void) | void;
  dispose(w: Watched): void;
  /** is `el` (or an element around it, or in it) guarded by another guard — the content script of its own frame */
  ownedElsewhere(el: Element): boolean;
}

export interface VerdictCache {
  /** the verdict entry for this draft, asked for when missing, failed or `fresh` */
  ensureVerdict(w: Watched, snapshot: ComposerSnapshot, key: string, fresh?: boolean): Entry;
  /** the composer's state for its current draft, when no send is held */
  settleState(w: Watched): void;
  schedulePrecompute(w: Watched): void;
  precompute(w: Watched): void;
}

export interface Interception {
  onEvent(event: Event): void;
  /** stops the event from reaching the site (its send does not happen) */
  swallow(event: Event): void;
}

export interface HoldFlow {
  startHold(w: Watched, trigger: SendTrigger, event: Event, snapshot: ComposerSnapshot | null, key: string | null, readError: string | null, fallback: boolean): void;
  paint(w: Watched, hold: Hold): void;
  closeHold(w: Watched, hold: Hold): void;
  release(w: Watched, hold: Hold, verdict: GuardVerdict | null): void;
  /** reads the draft again and asks for a fresh verdict; the dialog shows it */
  recheck(w: Watched, hold: Hold): Promise<void>;
  /** the marker was pressed: the explanation of the current draft, with nothing that sends */
  explain(w: Watched): void;
}

export interface HoldActions {
  onAction(w: Watched, hold: Hold, action: HoldAction): Promise<void>;
}

export interface SentWatcher {
  afterSend(w: Watched, snapshot: ComposerSnapshot, verdict: GuardVerdict | null): SentWatch | null;
}

/** One guard: its configuration and its parts, which call each other through it. */
export interface GuardCore extends GuardConfig {
  composers: ComposerRegistry;
  verdicts: VerdictCache;
  intercept: Interception;
  holds: HoldFlow;
  actions: HoldActions;
  sent: SentWatcher;
}

/** The key of a draft: equal snapshots, equal keys. */
export const keyOf = (s: ComposerSnapshot) => JSON.stringify(s);

/** A site error in words a log (and the "not active" badge) can show. */
export const describe = (error: unknown) =>
  error instanceof AdapterError ? `${error.site}: ${error.what} not found (${error.selector})` : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
