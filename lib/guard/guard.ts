import type { GuardVerdict } from '../messaging/guard';
import type { PageRecipient } from '../messaging/common';
import { AdapterError, type ComposerHandle, type ComposerSnapshot, type SendTrigger, type SiteAdapter } from './adapter';
import { withTimeout, type GuardAsk } from './ask';
import { observe, watchChanges } from './observe';
import { mountHoldDialog, showInactiveBadge, type HoldUi, type InactiveBadge, type MountHold } from './hold-ui';
import { langOfView, type HoldAction, type HoldView } from '../../components/guard/HoldDialog';
import { strings, type Lang } from '../../components/guard/strings';
import { bodyFingerprint, containsText } from './fingerprint';
import { tabStateOf, type TabState } from './status';
import { createEventRecorder, isRefusal, memoryPendingStore, type EventRecorder } from './pending-events';

// The site-independent guard (issue #4 "The hold"): finds composers through the adapter, works out the
// verdict while the rep types, and at send time either lets the send through untouched (verdict ready and
// allow) or holds it, checks, and then re-sends or shows the hold dialog. Never an unchecked send; never a
// dropped or doubled one.

export type ComposerState = 'checking' | 'clean' | 'held' | 'inactive';
export const stateAttribute = 'data-outreach-guard-state';
const ownerAttribute = 'data-outreach-guard-owner';

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
  mountHold?: MountHold;
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

type Entry = {
  status: 'pending' | 'done' | 'failed';
  verdict?: GuardVerdict;
  error?: string;
  at: number;
  promise: Promise<void>;
};

interface Hold {
  trigger: SendTrigger;
  event: Event;
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
}

/** Lets the released send (our re-issue, or the rep's next click) pass our listener unchecked. */
interface Release {
  key: string | null;
  until: number;
  /** its "did it leave" watch has started: a second pass is the same send, not another one */
  watched: boolean;
}

/** Watches whether one send left; `stored`: its provisional record is stored (null: none). */
interface SentWatch {
  stored: Promise<unknown> | null;
  /** the send did not go after all (the re-send failed): stop watching and record nothing */
  abandon(): void;
}

interface Watched {
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
  timer?: ReturnType<typeof setTimeout>;
}

export interface GuardController {
  /** composers currently watched (for tests and the demo) */
  composers(): readonly { root: Element; state: ComposerState; held: boolean }[];
}

const baseEvents = ['click', 'keydown', 'submit'] as const;
const sendWords = /\b(send|verzend|verzenden|versturen|verstuur|senden|envoyer|enviar|invia)\b/i;

export function startGuard(options: GuardOptions): GuardController {
  const { adapter, ask, signal } = options;
  const doc = options.doc ?? document;
  const lang = options.lang ?? 'en';
  const debounceMs = options.debounceMs ?? 250;
  const checkTimeoutMs = options.checkTimeoutMs ?? 10_000;
  const checkingAfter = options.checkingDialogAfterMs ?? 150;
  const allowTtl = options.allowTtlMs ?? 5 * 60_000;
  // the longest a released send waits for its provisional record to be stored
  const provisionalWaitMs = options.provisionalWaitMs ?? 1000;
  const mountHold = options.mountHold ?? mountHoldDialog;
  const owner = Math.random().toString(36).slice(2);
  const watched = new Map<Element, Watched>();
  const handledEvents = new WeakSet<Event>();
  const listening = new WeakSet<EventTarget>();
  const eventTypes = [...baseEvents, ...(adapter.extraSendEvents ?? [])];
  const loggedFailures = new Set<string>();
  const plainEnterMaySend = adapter.plainEnterMaySend ?? true;
  const recorder = options.recorder ?? createEventRecorder({ ask, signal: options.sentSignal ?? signal, store: memoryPendingStore() });

  // ---- listeners --------------------------------------------------------------------------------------

  const listenOn = (target: EventTarget | null | undefined) => {
    if (!target || listening.has(target)) return;
    listening.add(target);
    for (const type of eventTypes) target.addEventListener(type, onEvent, { capture: true, signal });
  };

  /** window + document + every shadow root between the composer and its document (submit does not cross). */
  const listenAround = (root: Element) => {
    let node: Node = root;
    for (;;) {
      const rn = node.getRootNode();
      if (rn.nodeType === 11 && (rn as ShadowRoot).host) {
        listenOn(rn);
        node = (rn as ShadowRoot).host;
        continue;
      }
      if (rn.nodeType === 9) {
        listenOn((rn as Document).defaultView);
        listenOn(rn);
      }
      return;
    }
  };

  function onEvent(event: Event) {
    if (handledEvents.has(event)) return; // seen already at an outer level
    handledEvents.add(event);
    const path = event.composedPath();
    for (const w of watched.values()) {
      if (!path.includes(w.root)) continue;
      onComposerEvent(w, event);
      return;
    }
    // Safety net: a composer the observer has not reported yet (it appeared in this very task, or in a
    // shadow root we could not see into) is picked up from the event itself.
    for (const node of path) {
      if ((node as Node).nodeType !== 1) continue;
      const el = node as Element;
      if (!adapter.composerRootSelectors.some((sel) => safeMatches(el, sel))) continue;
      addComposer(el, false);
      const w = [...watched.values()].find((x) => x.matched === el);
      if (w && path.includes(w.root)) onComposerEvent(w, event);
      return;
    }
    // A composer's control rendered outside it (Gmail's Schedule send menu): the adapter says whose it is.
    if (!adapter.composerOfEvent) return;
    let owning: Element | null = null;
    try {
      owning = adapter.composerOfEvent(event);
    } catch (error) {
      // A send control of some composer (Gmail's Schedule send menu with several composes open) whose owner
      // cannot be told: letting it through would be an unchecked send. With none of ours open it is not ours.
      if (watched.size > 0 && maySend(event)) holdOwnerless(event, error);
      return;
    }
    if (!owning) return;
    const find = () => [...watched.values()].find((x) => x.root === owning || x.matched === owning);
    if (!find()) addComposer(owning, false);
    const w = find();
    if (w) onComposerEvent(w, event);
  }

  // ---- composer life cycle ----------------------------------------------------------------------------

  const setState = (w: Watched, state: ComposerState) => {
    w.state = state;
    if (w.root.getAttribute(stateAttribute) !== state) w.root.setAttribute(stateAttribute, state);
  };

  const reportTab = () => {
    const states = [...watched.values()].map((w) => (w.hold ? 'held' : w.failure ? 'inactive' : 'active'));
    const failure = [...watched.values()].find((w) => w.failure)?.failure ?? undefined;
    options.onTabState?.(tabStateOf(states, false), failure);
  };

  const describe = (error: unknown) =>
    error instanceof AdapterError ? `${error.site}: ${error.what} not found (${error.selector})` : `unexpected error: ${(error as Error)?.message ?? String(error)}`;

  const setInactive = (w: Watched, error: unknown) => {
    const failure = describe(error);
    if (!loggedFailures.has(failure)) {
      loggedFailures.add(failure);
      console.warn(`[outreach-guard] guard not active on a composer — ${failure}`, error);
    }
    w.failure = failure;
    setState(w, 'inactive');
    if (!w.badge) {
      let anchor: Element = w.root;
      try {
        anchor = w.handle?.badgeAnchor?.() ?? w.root;
      } catch {
        anchor = w.root;
      }
      w.badge = showInactiveBadge(anchor, lang, failure);
    }
    reportTab();
  };

  const clearInactive = (w: Watched) => {
    if (!w.failure) return;
    w.failure = null;
    w.badge?.remove();
    w.badge = null;
    reportTab();
  };

  const claimedByOther = (el: Element) => {
    const current = el.getAttribute(ownerAttribute);
    return current !== null && current !== owner;
  };

  const addComposer = (el: Element, fromExpected: boolean): (() => void) | void => {
    if (signal.aborted || claimedByOther(el)) return;
    const known = [...watched.values()].find((x) => x.matched === el || x.root === el);
    // Picked up from an event before the observer saw it: the observer still tracks its removal.
    if (known) return () => dispose(known);
    // A looser "expected" match that a real composer root turned up in (or around) gives way to it.
    for (const other of [...watched.values()]) {
      if (other.fromExpected && !fromExpected && (other.matched.contains(el) || el.contains(other.matched))) dispose(other);
    }
    let handle: ComposerHandle | null = null;
    let error: unknown = null;
    try {
      handle = adapter.composerFor(el);
    } catch (e) {
      error = e;
    }
    const root = handle?.root ?? el;
    if (watched.has(root) || claimedByOther(root)) return;
    const w: Watched = {
      matched: el,
      root,
      handle,
      failure: null,
      fromExpected,
      cache: new Map(),
      lastKey: null,
      state: 'checking',
      hold: null,
      release: null,
      sentWatches: new Map(),
      ac: new AbortController(),
      badge: null,
    };
    root.setAttribute(ownerAttribute, owner);
    watched.set(root, w);
    listenAround(root);
    setState(w, 'checking');
    signal.addEventListener('abort', () => w.ac.abort(), { once: true, signal: w.ac.signal });
    watchChanges(root, () => schedulePrecompute(w), w.ac.signal, adapter.changeAttributes ?? []);
    if (error) setInactive(w, error);
    else precompute(w);
    reportTab();
    return () => dispose(w);
  };

  const dispose = (w: Watched) => {
    if (watched.get(w.root) !== w) return;
    watched.delete(w.root);
    if (w.timer) clearTimeout(w.timer);
    w.ac.abort();
    // The composer went away during a check or with the dialog open: nothing is left to send.
    if (w.hold) {
      if (w.hold.timer) clearTimeout(w.hold.timer);
      w.hold.ui?.close();
      w.hold = null;
    }
    w.badge?.remove();
    if (w.root.getAttribute(ownerAttribute) === owner) {
      w.root.removeAttribute(ownerAttribute);
      w.root.removeAttribute(stateAttribute);
    }
    reportTab();
  };

  // ---- verdicts ---------------------------------------------------------------------------------------

  const keyOf = (s: ComposerSnapshot) => JSON.stringify(s);

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

  // ---- send interception ------------------------------------------------------------------------------

  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    event.stopPropagation();
  };

  /** A send nobody can check (its composer is unknown): it stays swallowed; the dialog says why. */
  let ownerless: HoldUi | null = null;
  const holdOwnerless = (event: Event, error: unknown) => {
    swallow(event);
    console.warn('[outreach-guard] held a send whose composer could not be told', error);
    if (ownerless) return;
    const close = () => {
      ownerless?.close();
      ownerless = null;
      signal.removeEventListener('abort', close);
    };
    signal.addEventListener('abort', close, { once: true });
    ownerless = mountHold(doc, {
      lang,
      view: { kind: 'failed', message: describe(error) },
      canRemoveRecipient: false,
      // nothing to re-send it to and no recipients to record an override for
      canOverride: false,
      hint: strings[lang].ownerUnknownHint,
      onAction: (action) => {
        if (action.kind === 'cancel') close();
      },
    });
  };

  const releaseActive = (w: Watched, key: string | null) =>
    !!w.release && Date.now() < w.release.until && (w.release.key === null || key === null || w.release.key === key);

  function onComposerEvent(w: Watched, event: Event) {
    if (!w.handle) {
      // A composer that was still rendering when it appeared may be complete now (its debounced re-check
      // may not have run yet): try once more before treating the send as unreadable.
      try {
        w.handle = adapter.composerFor(w.matched);
      } catch {
        w.handle = null;
      }
    }
    if (!w.handle) {
      const trigger = fallbackTriggerOf(event, plainEnterMaySend);
      if (!trigger) return;
      if (releaseActive(w, null)) return;
      swallow(event);
      if (w.hold) return;
      startHold(w, trigger, event, null, null, w.failure ?? 'the composer could not be read', true);
      return;
    }
    let trigger: SendTrigger | null;
    try {
      trigger = w.handle.sendTriggerOf(event);
    } catch (error) {
      // Cannot tell whether this is a send: hold only what looks like one.
      trigger = fallbackTriggerOf(event, plainEnterMaySend);
      if (trigger) console.warn('[outreach-guard] sendTriggerOf failed', error);
    }
    if (!trigger) return;
    let snapshot: ComposerSnapshot | null = null;
    let key: string | null = null;
    let readError: string | null = null;
    try {
      snapshot = w.handle.read();
      key = keyOf(snapshot);
    } catch (error) {
      readError = describe(error);
      setInactive(w, error);
    }
    if (releaseActive(w, key)) {
      // our re-issue (already watched), or the rep's own Send after a re-issue that failed or was ignored
      if (w.hold?.resendFailed) closeHold(w, w.hold);
      if (snapshot && w.release && !w.release.watched) {
        w.release.watched = true;
        afterSend(w, snapshot, null);
      }
      return;
    }
    if (w.hold) {
      swallow(event); // one hold per composer: the dialog or the check is already there
      return;
    }
    if (snapshot && key) {
      const entry = w.cache.get(key);
      if (entry?.status === 'done' && entry.verdict?.decision === 'allow' && Date.now() - entry.at < allowTtl) {
        afterSend(w, snapshot, entry.verdict);
        return; // clean: untouched, no delay
      }
    }
    swallow(event);
    startHold(w, trigger, event, snapshot, key, readError, false);
  }

  function startHold(
    w: Watched,
    trigger: SendTrigger,
    event: Event,
    snapshot: ComposerSnapshot | null,
    key: string | null,
    readError: string | null,
    fallback: boolean,
  ) {
    const hold: Hold = { trigger, event, snapshot, key, view: { kind: 'checking' }, ui: null, busy: false, fallback };
    w.hold = hold;
    setState(w, 'held');
    reportTab();
    if (!snapshot || !key || readError) {
      hold.view = { kind: 'failed', message: readError ?? 'the composer could not be read' };
      paint(w, hold);
      return;
    }
    hold.timer = setTimeout(() => {
      if (w.hold === hold && !hold.ui && w.root.isConnected) paint(w, hold);
    }, checkingAfter);
    void decideHold(w, hold, snapshot, key);
  }

  /** Awaits the verdict for the held draft; if the rep kept typing meanwhile, checks the new text too. */
  async function decideHold(w: Watched, hold: Hold, snapshot: ComposerSnapshot, key: string, round = 0): Promise<void> {
    const cached = w.cache.get(key);
    // A verdict that is still coming is awaited; an older "not allowed" is asked again (the ledger may have changed).
    const fresh = cached?.status === 'pending' || (cached?.status === 'done' && Date.now() - cached.at < 1000);
    const entry = fresh && cached ? cached : ensureVerdict(w, snapshot, key, true);
    await entry.promise;
    if (w.hold !== hold || w.ac.signal.aborted) return; // cancelled, or the composer went away
    if (!w.root.isConnected) {
      dispose(w); // removed during the check: abort cleanly, nothing left to send
      return;
    }
    let now: ComposerSnapshot | null = null;
    try {
      now = w.handle?.read() ?? null;
    } catch {
      now = null;
    }
    const nowKey = now ? keyOf(now) : key;
    if (now && nowKey !== key && round < 3) {
      hold.snapshot = now;
      hold.key = nowKey;
      return decideHold(w, hold, now, nowKey, round + 1);
    }
    clearTimeout(hold.timer);
    if (entry.status === 'done' && entry.verdict?.decision === 'allow' && nowKey === key) {
      release(w, hold, entry.verdict);
      return;
    }
    hold.view = entry.status === 'done' && entry.verdict ? { kind: 'verdict', verdict: entry.verdict } : { kind: 'failed', message: entry.error ?? 'no answer' };
    paint(w, hold);
  }

  const paint = (w: Watched, hold: Hold) => {
    if (w.hold !== hold) return;
    const props = {
      lang,
      view: hold.view,
      canRemoveRecipient: typeof w.handle?.removeRecipient === 'function',
      ...(hold.snapshot ? { channel: hold.snapshot.channel } : {}),
      busy: hold.busy,
      error: hold.error,
      hint: hold.hint,
      onAction: (action: HoldAction) => void onAction(w, hold, action),
    };
    if (hold.ui) hold.ui.update(props);
    else hold.ui = mountHold(w.root.ownerDocument, props);
  };

  const closeHold = (w: Watched, hold: Hold) => {
    if (hold.timer) clearTimeout(hold.timer);
    hold.ui?.close();
    if (w.hold === hold) w.hold = null;
    settleState(w);
    if (w.failure) setState(w, 'inactive');
    reportTab();
  };

  /**
   * Lets the held send go: exactly one re-issue, which our own listener lets pass. The hold ends only once
   * the adapter re-sent it: a re-send that throws (the quick-reply button or the compose is gone) keeps the
   * hold with a visible error instead of a closed dialog the rep would take for a sent message.
   */
  function release(w: Watched, hold: Hold, verdict: GuardVerdict | null) {
    let snapshot = hold.snapshot;
    let key = hold.key;
    try {
      if (w.handle) {
        snapshot = w.handle.read();
        key = keyOf(snapshot);
      }
    } catch {
      key = null;
    }
    // Without a handle the re-issue may be ignored by the site; the rep's next click then passes.
    const pass: Release = { key, until: Date.now() + (hold.fallback ? 10_000 : 1500 + provisionalWaitMs), watched: false };
    w.release = pass;
    hold.resendFailed = false;
    // The dialog goes first: the re-send finds the page (and focus) as the rep's own Send would.
    if (hold.timer) clearTimeout(hold.timer);
    hold.ui?.close();
    hold.ui = null;
    // Watched from before the re-send, so the site's reaction to it cannot be missed.
    const watch = snapshot && w.handle && !hold.fallback ? afterSend(w, snapshot, verdict) : null;
    pass.watched = !!watch;
    const resend = () => {
      if (w.hold !== hold) {
        watch?.abandon(); // the composer went away meanwhile: nothing left to send
        return;
      }
      try {
        if (w.handle && !hold.fallback) w.handle.resend(hold.trigger, hold.event);
        else reissue(hold.event);
      } catch (error) {
        console.error('[outreach-guard] could not re-send the held message; press Send again', error);
        watch?.abandon();
        resendFailed(w, hold, pass, verdict);
        return;
      }
      closeHold(w, hold);
      if (verdict?.decision === 'allow') setState(w, 'clean');
    };
    // A window that closes itself on Send takes this page with it: the provisional record must be stored
    // first. A storage that does not answer quickly does not keep the send back.
    if (!watch?.stored) {
      resend();
      return;
    }
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(t);
      resend();
    };
    const t = setTimeout(go, provisionalWaitMs);
    void watch.stored.then(go, go);
  }

  /** The re-send failed: the dialog comes back saying so, and the rep's next Send of this draft passes. */
  function resendFailed(w: Watched, hold: Hold, pass: Release, verdict: GuardVerdict | null) {
    hold.resendFailed = true;
    // a clean draft released straight from the check never showed its verdict: the dialog offers Send
    if (verdict) hold.view = { kind: 'verdict', verdict };
    hold.busy = false;
    hold.error = strings[langOfView(hold.view, lang)].resendFailed;
    // time to read the dialog, close it and press the site's Send (the draft key still has to match)
    pass.until = Date.now() + 60_000;
    pass.watched = false;
    paint(w, hold);
    reportTab();
  }

  async function onAction(w: Watched, hold: Hold, action: HoldAction) {
    if (w.hold !== hold) return;
    const verdict = hold.view.kind === 'verdict' ? hold.view.verdict : null;
    const run = async (work: () => Promise<void> | void) => {
      hold.busy = true;
      hold.error = undefined;
      paint(w, hold);
      try {
        await work();
      } catch (error) {
        hold.error = (error as Error)?.message ?? String(error);
      }
      hold.busy = false;
      paint(w, hold);
    };
    switch (action.kind) {
      case 'cancel':
        closeHold(w, hold);
        return;
      case 'send': {
        if (verdict?.decision !== 'allow') return;
        let current: string | null = null;
        try {
          current = w.handle ? keyOf(w.handle.read()) : null;
        } catch {
          current = null;
        }
        // The draft changed since it was found clean: check what would really leave.
        if (current !== hold.key) await run(() => recheck(w, hold));
        else release(w, hold, verdict);
        return;
      }
      case 'recheck':
        await run(() => recheck(w, hold));
        return;
      case 'insert-disclosure':
        await run(async () => {
          const text = verdict?.disclosure?.[lang];
          if (!text || !w.handle) throw new Error('no disclosure text');
          w.handle.insertText(text);
          await recheck(w, hold);
        });
        return;
      case 'remove-recipient':
        await run(async () => {
          if (!w.handle?.removeRecipient?.(action.key)) throw new Error(lang === 'nl' ? 'ontvanger kon niet worden verwijderd' : 'the recipient could not be removed');
          await recheck(w, hold);
        });
        return;
      case 'do-not-contact':
        await run(async () => {
          // the dialog names one person, a scope (all channels unless the rep narrowed it) and a reason
          const recipients = action.key ? (hold.snapshot?.recipients.filter((r) => r.key === action.key) ?? []) : recipientsOffering(verdict, hold.snapshot, 'do-not-contact');
          if (recipients.length === 0 || !hold.snapshot) throw new Error('no recipient');
          await ask({ type: 'suppression/add-for-recipients', recipients, scope: action.scope ?? scopeOf(hold.snapshot.channel), reason: action.reason ?? 'Marked do-not-contact in the hold dialog' });
          await recheck(w, hold);
        });
        return;
      case 'record-basis':
        await run(async () => {
          const recipients = action.key ? (hold.snapshot?.recipients.filter((r) => r.key === action.key) ?? []) : recipientsOffering(verdict, hold.snapshot, 'record-basis');
          if (recipients.length === 0) throw new Error('no recipient');
          await ask({ type: 'ui/open-record-basis', recipients });
          hold.hint = strings[langOfView(hold.view, lang)].recordBasisHint;
        });
        return;
      case 'open-setup':
        await run(async () => {
          // no notice with gaps: the organisation's details come first
          await ask({ type: 'ui/open-setup' });
          hold.hint = strings[langOfView(hold.view, lang)].setupHint;
        });
        return;
      case 'send-anyway': {
        const decision: 'warn' | 'block' = verdict?.decision === 'warn' ? 'warn' : 'block';
        if (verdict && !verdict.overridesAllowed) return;
        const snapshot = hold.snapshot;
        const codes = verdict ? [...verdict.findings, ...verdict.recipients.flatMap((r) => r.findings)].map((f) => f.code) : ['GUARD-UNCHECKED'];
        hold.busy = true;
        paint(w, hold);
        // a retry after a failed re-send: this draft's override is in the ledger already
        const recorded = hold.overriddenFor !== undefined && hold.overriddenFor === hold.key;
        // Also when the composer could not be read (no snapshot): the override and its reason are logged.
        if (!recorded) {
          const event = {
            kind: 'send-anyway' as const,
            site: adapter.site,
            channel: snapshot?.channel ?? adapter.defaultChannel,
            recipients: snapshot?.recipients.slice(0, 500) ?? [],
            codes: [...new Set(codes)].slice(0, 200),
            reason: action.reason.slice(0, 2000),
            decision,
          };
          try {
            // A background that hangs counts as away (below), not as a dialog that stays busy for ever.
            await withTimeout(ask({ type: 'ledger/record-event', event }), checkTimeoutMs);
          } catch (error) {
            if (isRefusal(error)) {
              // The background answered and says no to the override (policy, reason): do not send — also when
              // the check itself failed, since the policy does not depend on the check.
              hold.busy = false;
              hold.error = (error as Error)?.message ?? String(error);
              paint(w, hold);
              return;
            }
            // The background is away (or never talked to this frame): the override is queued in storage.local
            // and retried — by this page, or by the next one once this one is gone — and the send goes.
            await recorder.queue(event);
          }
          hold.overriddenFor = hold.key;
        }
        if (w.hold !== hold) return;
        release(w, hold, null);
        return;
      }
    }
  }

  async function recheck(w: Watched, hold: Hold) {
    if (!w.handle) throw new Error(hold.view.kind === 'failed' ? hold.view.message : 'no composer');
    const snapshot = w.handle.read();
    const key = keyOf(snapshot);
    // a hint belongs to the verdict it was given for
    hold.hint = undefined;
    hold.snapshot = snapshot;
    hold.key = key;
    w.lastKey = key;
    const entry = ensureVerdict(w, snapshot, key, true);
    await entry.promise;
    if (w.hold !== hold) return;
    hold.view = entry.status === 'done' && entry.verdict ? { kind: 'verdict', verdict: entry.verdict } : { kind: 'failed', message: entry.error ?? 'no answer' };
  }

  // ---- after the send ---------------------------------------------------------------------------------

  /**
   * Watches whether the send really left and records it. In a window that may close itself on Send (pop-out
   * compose) a provisional record is stored first (`stored` settles once it is). It is confirmed or dropped
   * when waitForSent answers; without an answer (the page went, the watch timed out) it stands as sent — a
   * missing "sent" would let the rules undercount contacts. One watch per send: a second send from the same
   * composer while the first one's proof is pending gets its own (LinkedIn composers stay open); the same
   * draft again while its watch runs is a double click on Send, not a second message.
   */
  function afterSend(w: Watched, snapshot: ComposerSnapshot, verdict: GuardVerdict | null): SentWatch | null {
    const key = keyOf(snapshot);
    if (w.sentWatches.has(key) || !w.handle || snapshot.recipients.length === 0) return null;
    const ac = new AbortController();
    // Not tied to the composer: Gmail closes the compose window when the mail leaves.
    const stop = () => ac.abort();
    const lifetime = options.sentSignal ?? signal;
    if (lifetime.aborted) return null;
    w.sentWatches.set(key, ac);
    const pass = w.release;
    let abandoned = false;
    lifetime.addEventListener('abort', stop, { once: true });
    const timeout = setTimeout(stop, 120_000);
    const disclosure = verdict?.disclosure ?? [...w.cache.values()].find((e) => e.verdict?.disclosure)?.verdict?.disclosure;
    const disclosureIncluded = containsText(snapshot.body, disclosure?.nl) || containsText(snapshot.body, disclosure?.en);
    const handle = w.handle;
    const event = bodyFingerprint(snapshot.body, snapshot.recipients).then((fingerprint) => ({
      kind: 'outbound-sent' as const,
      site: adapter.site,
      channel: snapshot.channel,
      recipients: snapshot.recipients.slice(0, 500),
      disclosureIncluded,
      bodyFingerprint: fingerprint,
    }));
    const provisional = closesOnSend(handle) ? event.then((e) => recorder.provisional(e)) : null;
    void handle
      .waitForSent(ac.signal)
      .then(async (outcome) => {
        const record = await provisional;
        if (abandoned) return record?.drop();
        if (ac.signal.aborted) return record?.stand(); // no answer before the watch ended
        if (outcome !== 'sent') return record?.drop();
        if (record) return record.confirm();
        await recorder.record(await event);
      })
      .catch(async (error: unknown) => {
        if (!ac.signal.aborted) console.warn('[outreach-guard] could not tell whether the message left', error);
        const record = await provisional?.catch(() => null);
        await (abandoned ? record?.drop() : record?.stand());
      })
      .finally(() => {
        clearTimeout(timeout);
        lifetime.removeEventListener('abort', stop);
        if (w.sentWatches.get(key) === ac) w.sentWatches.delete(key);
        // this send's pass is used up; an abandoned one stays for the rep's next Send
        if (!abandoned && w.release === pass) w.release = null;
      });
    return {
      stored: provisional,
      abandon: () => {
        abandoned = true;
        ac.abort();
        // at once, not only when waitForSent notices the abort: a pop-out closing now must not leave it standing
        void provisional?.then((record) => record.drop(), () => undefined);
      },
    };
  }

  /** the adapter knows; without a word from it, a window another page opened may be closed by it */
  const closesOnSend = (handle: ComposerHandle): boolean => {
    try {
      return handle.closesOnSend?.() ?? !!doc.defaultView?.opener;
    } catch {
      return true; // cannot tell: the provisional record costs one storage write
    }
  };

  // ---- start ------------------------------------------------------------------------------------------

  listenOn(doc.defaultView);
  listenOn(doc);
  // Typing and chips inside a composer we already watch cannot bring a new composer (they do not nest; the
  // event safety net above would still catch one): the observer does not search those insertions. A looser
  // "expected" match is no such composer: the real root may still render inside it.
  const insideKnownComposer = (node: Element) => {
    for (const w of watched.values()) if (!w.fromExpected && w.root !== node && w.root.contains(node)) return true;
    return false;
  };
  observe(adapter.composerRootSelectors, (el) => addComposer(el, false), {
    signal,
    root: doc,
    shadowHosts: adapter.shadowHostSelectors,
    warnAfterMs: 0, // no composer open is normal
    skipInside: insideKnownComposer,
  });
  if (adapter.expectedComposerSelectors?.length) {
    observe(
      adapter.expectedComposerSelectors,
      (el) => {
        // Give the site a moment to render the composer inside before calling it broken.
        let cleanup: (() => void) | void;
        const t = setTimeout(() => {
          if (!el.isConnected || signal.aborted) return;
          for (const w of watched.values()) if (w.root.contains(el) || el.contains(w.root)) return;
          // guarded by the content script of the frame it lives in
          if (el.closest(`[${ownerAttribute}]`) || el.querySelector(`[${ownerAttribute}]`)) return;
          cleanup = addComposer(el, true);
        }, 1000);
        return () => {
          clearTimeout(t);
          cleanup?.();
        };
      },
      // an expected element inside a watched composer is ignored above anyway
      { signal, root: doc, shadowHosts: adapter.shadowHostSelectors, skipInside: insideKnownComposer },
    );
  }
  signal.addEventListener('abort', () => {
    for (const w of [...watched.values()]) dispose(w);
  }, { once: true });

  return {
    composers: () => [...watched.values()].map((w) => ({ root: w.root, state: w.state, held: !!w.hold })),
  };
}

// ---- helpers without state --------------------------------------------------------------------------

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** For a send control whose composer is unknown: keystrokes other than Enter and Space never send. */
function maySend(event: Event): boolean {
  if (event.type !== 'keydown') return true;
  const k = event as KeyboardEvent;
  return k.key === 'Enter' || k.key === ' ';
}

function scopeOf(channel: string): 'all' | 'email' | 'phone' | 'linkedin' {
  if (channel === 'email') return 'email';
  if (channel.startsWith('linkedin')) return 'linkedin';
  if (channel === 'sms' || channel === 'call' || channel === 'automated_call' || channel === 'whatsapp') return 'phone';
  return 'all';
}

/** The page recipients whose findings offer this fix (all not-allowed recipients when none say so). */
function recipientsOffering(verdict: GuardVerdict | null, snapshot: ComposerSnapshot | null, fix: string): PageRecipient[] {
  if (!snapshot) return [];
  if (!verdict) return snapshot.recipients;
  const offering = new Set(verdict.recipients.filter((r) => r.findings.some((f) => f.fixes.some((x) => x.kind === fix))).map((r) => r.key));
  if (offering.size === 0) {
    for (const r of verdict.recipients) if (r.decision !== 'allow') offering.add(r.key);
  }
  const picked = snapshot.recipients.filter((r) => offering.has(r.key));
  return picked.length ? picked : snapshot.recipients;
}

/**
 * For a composer the adapter could not read: what looks like a send, in any language. `plainEnterMaySend`:
 * Enter without Shift in an editable field counts too (LinkedIn's "Press Enter to Send" mode).
 */
export function fallbackTriggerOf(event: Event, plainEnterMaySend = false): SendTrigger | null {
  if (event.type === 'submit') return 'submit';
  if (event.type === 'keydown') {
    const k = event as KeyboardEvent;
    if (k.key !== 'Enter' || k.isComposing) return null; // Enter that ends an IME composition sends nothing
    if (k.ctrlKey || k.metaKey) return 'ctrl-enter';
    if (!plainEnterMaySend || k.shiftKey || k.altKey) return null;
    return inEditable(event) ? 'enter' : null;
  }
  if (event.type !== 'click') return null;
  for (const node of event.composedPath()) {
    if (!(node as Element).tagName) continue;
    const el = node as HTMLElement;
    const isButton = el.tagName === 'BUTTON' || el.getAttribute('role') === 'button' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'submit');
    if (!isButton) continue;
    if ((el as HTMLButtonElement).type === 'submit' && el.tagName !== 'DIV') return 'button';
    const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('data-tooltip') ?? ''} ${el.textContent ?? ''}`;
    return sendWords.test(label) ? 'button' : null;
  }
  return null;
}

/** Typed into a contenteditable editor (LinkedIn's message editor; its textareas never send on Enter). */
function inEditable(event: Event): boolean {
  for (const node of event.composedPath()) {
    if ((node as Node).nodeType !== 1) continue;
    const el = node as HTMLElement;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null) return editable !== 'false';
  }
  return false;
}

/** Re-issues a held event on its original target (used only when no adapter handle exists). */
function reissue(event: Event) {
  const target = event.composedPath()[0] as HTMLElement | undefined;
  if (!target) return;
  if (event.type === 'submit') {
    (target as HTMLFormElement).requestSubmit?.();
  } else if (event.type === 'click') {
    target.click();
  } else if (event.type === 'keydown') {
    const k = event as KeyboardEvent;
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k.key, code: k.code, ctrlKey: k.ctrlKey, metaKey: k.metaKey, shiftKey: k.shiftKey, bubbles: true, cancelable: true, composed: true }));
  }
}
