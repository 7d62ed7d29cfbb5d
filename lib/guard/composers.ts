import type { ComposerHandle } from './adapter';
import { watchChanges } from './observe';
import { tabStateOf } from './status';
import type { MarkerState } from '../../components/guard/ComposerMarker';
import { describe, stateAttribute, type ComposerState, type GuardCore, type Watched, type ComposerRegistry } from './core';

// The composer registry: which composers this guard watches, their state attribute, the "not active here"
// badge, the listeners around each one, and the toolbar state they add up to.

/**
 * Which guard watches which composer root, kept in the content script's memory, never in the page's DOM:
 * a page that could set an owner marker could make the guard skip its composer. One map per window of
 * the composer, on that window as the content script sees it (the page's scripts see another object), so
 * the guards of a page and of its same-origin frames (each frame's own content script) see each other's.
 */
const ownersKey = '__outreachGuardOwners';
function ownersOf(el: Element): Map<Element, string> {
  const win = (el.ownerDocument.defaultView ?? globalThis) as unknown as Record<string, Map<Element, string> | undefined>;
  return (win[ownersKey] ??= new Map());
}
const baseEvents = ['click', 'keydown', 'submit'] as const;

export function createComposerRegistry(core: GuardCore): ComposerRegistry {
  const { adapter, signal, lang, watched } = core;
  const owner = Math.random().toString(36).slice(2);
  const listening = new WeakSet<EventTarget>();
  const eventTypes = [...baseEvents, ...(adapter.extraSendEvents ?? [])];
  const loggedFailures = new Set<string>();
  const onEvent = (event: Event) => core.intercept.onEvent(event);

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

  const setState = (w: Watched, state: ComposerState) => {
    const changed = w.state !== state || !w.marker;
    w.state = state;
    if (w.root.getAttribute(stateAttribute) !== state) w.root.setAttribute(stateAttribute, state);
    if (changed || state === 'held') showMarker(w);
    if (state === 'held' && !w.hold) core.options.preloadHold?.(w.root.ownerDocument);
  };

  /**
   * The marker follows the state this registry already sets (after the debounced check), so typing costs
   * nothing more. A composer the guard cannot read has the "not active here" badge instead.
   */
  const showMarker = (w: Watched) => {
    if (w.state === 'inactive' || watched.get(w.root) !== w) {
      w.marker?.remove();
      w.marker = undefined;
      return;
    }
    const entry = w.lastKey ? w.cache.get(w.lastKey) : undefined;
    const verdict = entry?.status === 'done' ? entry.verdict : undefined;
    const state: MarkerState =
      w.state === 'checking' ? 'checking' : w.state === 'clean' ? 'ok' : entry?.status === 'failed' ? 'unchecked' : 'attention';
    const count = verdict ? verdict.recipients.filter((r) => r.decision !== 'allow').length : 0;
    const props = { lang, state, count, onOpen: () => core.holds.explain(w) };
    if (w.marker) w.marker.update(props);
    else w.marker = core.showMarker(w.root, props, () => w.handle?.markerAnchor?.() ?? w.root);
  };

  const reportTab = () => {
    const states = [...watched.values()].map((w) => (w.hold && !w.hold.explain ? 'held' : w.failure ? 'inactive' : 'active'));
    const failure = [...watched.values()].find((w) => w.failure)?.failure ?? undefined;
    core.options.onTabState?.(tabStateOf(states, false), failure);
  };

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
      w.badge = core.showBadge(anchor, lang, failure);
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
    const current = ownersOf(el).get(el);
    return current !== undefined && current !== owner;
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
    ownersOf(root).set(root, owner);
    watched.set(root, w);
    listenAround(root);
    setState(w, 'checking');
    signal.addEventListener('abort', () => w.ac.abort(), { once: true, signal: w.ac.signal });
    watchChanges(root, () => core.verdicts.schedulePrecompute(w), w.ac.signal, adapter.changeAttributes ?? []);
    if (error) setInactive(w, error);
    else core.verdicts.precompute(w);
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
    w.marker?.remove();
    w.marker = undefined;
    const owners = ownersOf(w.root);
    if (owners.get(w.root) === owner) {
      owners.delete(w.root);
      w.root.removeAttribute(stateAttribute);
    }
    reportTab();
  };

  // guarded by the content script of the frame it lives in
  const ownedElsewhere = (el: Element) => {
    for (const root of ownersOf(el).keys()) if (root.contains(el) || el.contains(root)) return true;
    return false;
  };

  return { listenOn, setState, reportTab, setInactive, clearInactive, addComposer, dispose, ownedElsewhere };
}
