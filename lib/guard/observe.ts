// The one observer primitive (style.md §4): reports elements that match any of `selectors` as they appear,
// in the document, inside open shadow roots (LinkedIn's #interop-outlet) and same-origin iframes; tells
// when a reported element leaves; stops on an AbortSignal; warns when a selector never matched.
//
// Cost on busy pages (issue #4/#5 benchmarks, ≤ +2 % main-thread time): every watched root (document, shadow
// root, frame document) has ONE MutationObserver shared by all observe() calls. Each mutation batch (one
// microtask) is handled once: text nodes are skipped, nodes a subscriber asks to skip (inside a composer it
// already knows) are skipped, a leaf element costs one matches(), an element subtree one combined
// querySelectorAll over every subscriber's selectors, declared shadow hosts and iframes, and a parent that
// got many children at once one such query for all of them. Shadow roots of undeclared hosts are found in a
// full walk at start (and after parsing) and on a host inserted on its own, not inside bulk insertions.

export type Cleanup = () => void;

export interface ObserveOptions {
  signal: AbortSignal;
  /** where to start (default: document) */
  root?: Document | ShadowRoot;
  /**
   * Hosts whose shadow root may be attached after the host is inserted (e.g. '#interop-outlet'). They are
   * looked for in every inserted subtree and re-checked until the root exists.
   */
  shadowHosts?: readonly string[];
  /** warn after this long when a selector has matched nothing (ms, default 15 000; 0 = never) */
  warnAfterMs?: number;
  /** how to warn (default console.warn) */
  onNeverMatched?: (selector: string) => void;
  /**
   * Inserted nodes for which this says true are not searched (e.g. typing inside a composer that is already
   * known). A node is skipped only when every observe() call on the same root agrees.
   */
  skipInside?: (node: Element) => boolean;
}

/** One observe() call. */
interface Subscriber {
  selectors: readonly string[];
  /** selectors.join(','), without the ones the engine cannot parse */
  combined: string;
  hostsCombined: string;
  skipInside?: (node: Element) => boolean;
  /** an element at or below an inserted node matched `combined` or a declared host, or is an iframe */
  found(el: Element): void;
  /** a shadow root turned up on an inserted element */
  shadow(root: ShadowRoot): void;
  checkRemoved(): void;
  aborted(): boolean;
}

/** The shared MutationObserver of one root. */
interface Hub {
  subscribers: Set<Subscriber>;
  /** union of every subscriber's selectors and hosts, plus iframes */
  combined: string;
  mo: MutationObserver;
}

const hubs = new WeakMap<Node, Hub>();

function hubOf(root: Document | ShadowRoot): Hub {
  const existing = hubs.get(root);
  if (existing) return existing;
  const view = (root as Document).defaultView ?? root.ownerDocument?.defaultView ?? globalThis;
  const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
  const hub: Hub = { subscribers: new Set(), combined: 'iframe', mo: null as unknown as MutationObserver };
  hub.mo = new MO((records) => onRecords(hub, records));
  hub.mo.observe(root, { childList: true, subtree: true });
  hubs.set(root, hub);
  return hub;
}

function recombine(hub: Hub) {
  const parts = new Set<string>(['iframe']);
  for (const s of hub.subscribers) {
    if (s.combined) parts.add(s.combined);
    if (s.hostsCombined) parts.add(s.hostsCombined);
  }
  hub.combined = [...parts].join(',');
}

function join(hub: Hub, sub: Subscriber) {
  hub.subscribers.add(sub);
  recombine(hub);
}

function leave(root: Node, sub: Subscriber) {
  const hub = hubs.get(root);
  if (!hub) return;
  hub.subscribers.delete(sub);
  if (hub.subscribers.size === 0) {
    hub.mo.disconnect();
    hubs.delete(root);
  } else recombine(hub);
}

function onRecords(hub: Hub, records: MutationRecord[]) {
  let subs: Subscriber[] | null = null;
  for (const s of hub.subscribers) if (!s.aborted()) (subs ??= []).push(s);
  if (!subs) return;
  let removed = false;
  // A parent that got many children at once (a list appended to or re-rendered) is searched once, without
  // touching each new child from script (every node handed to the content script's world costs a wrapper).
  const bulk = new Set<Node>();
  const single: Element[] = [];
  for (const record of records) {
    if (record.removedNodes.length) removed = true;
    const added = record.addedNodes;
    const count = added.length;
    if (count === 0) continue;
    const parent = record.target as Node & ParentNode;
    if (count >= 8 && parent.childElementCount <= Math.max(count * 4, 5000)) {
      bulk.add(parent);
      continue;
    }
    for (let i = 0; i < count; i++) if (added[i]!.nodeType === 1) single.push(added[i] as Element); // text: typing, never a composer
  }
  const wantedFor = (node: Element): Subscriber[] => subs.filter((s) => !s.skipInside?.(node));
  for (const parent of bulk) {
    if (!parent.isConnected) continue; // inserted and removed again within the batch
    // the new children are inside a known composer exactly when their parent is (or is that composer)
    const wanted = parent.nodeType === 1 ? wantedFor(parent as Element) : subs;
    if (wanted.length === 0) continue;
    for (const el of safeQueryAll(parent as ParentNode, hub.combined)) for (const s of wanted) s.found(el); // old matches: reported once only
  }
  for (const node of single) {
    if (!node.isConnected) continue;
    const wanted = wantedFor(node);
    if (wanted.length === 0) continue;
    if (node.shadowRoot) for (const s of wanted) s.shadow(node.shadowRoot);
    if (safeMatches(node, hub.combined)) for (const s of wanted) s.found(node);
    if (node.firstElementChild === null) continue;
    for (const el of safeQueryAll(node, hub.combined)) for (const s of wanted) s.found(el);
  }
  if (removed) for (const s of subs) s.checkRemoved();
}

/** Drops selectors the engine cannot parse (one bad entry must not silence the others) and joins the rest. */
function combine(selectors: readonly string[], probe: ParentNode): string {
  return selectors
    .filter((sel) => {
      try {
        probe.querySelector(sel);
        return true;
      } catch {
        console.warn(`[outreach-guard] invalid selector ignored: "${sel}"`);
        return false;
      }
    })
    .join(',');
}

/**
 * Calls onAppear(element) once per matching element. onAppear may return a cleanup, called when the element
 * is removed from its document or when `signal` aborts.
 */
export function observe(
  selectors: readonly string[],
  onAppear: (element: Element) => Cleanup | void,
  options: ObserveOptions,
): void {
  const { signal } = options;
  if (signal.aborted || selectors.length === 0) return;
  const start = options.root ?? document;
  const startDoc = (start as Document).documentElement ? (start as Document) : (start.ownerDocument ?? document);
  const probe = startDoc.createDocumentFragment();
  const combined = combine(selectors, probe);
  const hosts = options.shadowHosts ?? [];
  const hostsCombined = hosts.length ? combine(hosts, probe) : '';
  const seen = new WeakSet<Element>();
  const live = new Map<Element, Cleanup | undefined>();
  const matched = new Set<string>();
  const joined: Node[] = [];
  const watchedRoots = new WeakSet<Node>();
  const watchedFrames = new WeakSet<Element>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const report = (el: Element) => {
    if (seen.has(el) || !el.isConnected) return;
    seen.add(el);
    // which selectors have matched, for the "never matched" warning (only while some have not)
    if (matched.size < selectors.length) for (const sel of selectors) if (!matched.has(sel) && safeMatches(el, sel)) matched.add(sel);
    let cleanup: Cleanup | void = undefined;
    try {
      cleanup = onAppear(el);
    } catch (error) {
      console.error('[outreach-guard] observer callback failed', error);
    }
    live.set(el, cleanup ?? undefined);
  };

  const found = (el: Element) => {
    if (combined && safeMatches(el, combined)) report(el);
    if (el.shadowRoot) watch(el.shadowRoot);
    else if (hostsCombined && safeMatches(el, hostsCombined)) waitForShadow(el);
    if (el.tagName === 'IFRAME') watchFrame(el as HTMLIFrameElement);
  };

  /** full walk for shadow roots and iframes: only at start and after parsing, never per mutation */
  const descend = (node: Node) => {
    if (!isElementLike(node)) return;
    const doc = node.ownerDocument;
    if (!doc) return;
    const walker = doc.createTreeWalker(node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.shadowRoot) watch(el.shadowRoot);
      else if (hostsCombined && safeMatches(el, hostsCombined)) waitForShadow(el);
      if (el.tagName === 'IFRAME') watchFrame(el as HTMLIFrameElement);
    }
  };

  const waiting = new WeakSet<Element>();
  const waitForShadow = (host: Element, attempt = 0) => {
    // The page attaches the root some time after inserting the host; check a few times, backing off.
    if (signal.aborted || attempt > 12) return;
    if (attempt === 0) {
      if (waiting.has(host)) return; // found again by a later search: one wait per host
      waiting.add(host);
    }
    const t = setTimeout(() => {
      timers.delete(t);
      if (host.shadowRoot) watch(host.shadowRoot);
      else waitForShadow(host, attempt + 1);
    }, Math.min(50 * 2 ** attempt, 5000));
    timers.add(t);
  };

  const watchFrame = (frame: HTMLIFrameElement) => {
    const tryDoc = () => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument; // null (or a throw) for a cross-origin frame: not ours to walk
      } catch {
        doc = null;
      }
      if (doc && doc.documentElement) watch(doc);
    };
    tryDoc();
    if (watchedFrames.has(frame)) return;
    watchedFrames.add(frame);
    // A frame that navigates gets a new document; watch that one too.
    frame.addEventListener('load', tryDoc, { signal });
  };

  const checkRemoved = () => {
    if (live.size === 0) return;
    for (const [el, cleanup] of live) {
      if (el.isConnected) continue;
      live.delete(el);
      seen.delete(el); // the same element re-inserted is a new appearance
      try {
        cleanup?.();
      } catch (error) {
        console.error('[outreach-guard] observer cleanup failed', error);
      }
    }
  };

  const sub: Subscriber = {
    selectors,
    combined,
    hostsCombined,
    skipInside: options.skipInside,
    found,
    shadow: (root) => watch(root),
    checkRemoved,
    aborted: () => signal.aborted,
  };

  function watch(root: Document | ShadowRoot) {
    if (watchedRoots.has(root) || signal.aborted) return;
    watchedRoots.add(root);
    join(hubOf(root), sub);
    joined.push(root);
    if (combined) for (const el of safeQueryAll(root, combined)) report(el);
    // Shadow roots and frames already inside (a shadow root has no documentElement: walk its children).
    const doc = root as Document;
    if (doc.documentElement) descend(doc.documentElement);
    else for (const child of Array.from(root.children)) descend(child);
  }

  watch(start);

  // Declarative shadow roots (<template shadowrootmode>) are attached while parsing, after the host was
  // reported as inserted: sweep once more when the document is parsed.
  if (startDoc.readyState === 'loading') {
    startDoc.addEventListener('DOMContentLoaded', () => descend(startDoc.documentElement), { signal, once: true });
  }

  const warnAfter = options.warnAfterMs ?? 15_000;
  if (warnAfter > 0) {
    const t = setTimeout(() => {
      for (const sel of selectors) {
        if (!matched.has(sel)) (options.onNeverMatched ?? defaultWarn)(sel);
      }
    }, warnAfter);
    timers.add(t);
  }

  signal.addEventListener(
    'abort',
    () => {
      for (const root of joined) leave(root, sub);
      for (const t of timers) clearTimeout(t);
      for (const [, cleanup] of live) {
        try {
          cleanup?.();
        } catch (error) {
          console.error('[outreach-guard] observer cleanup failed', error);
        }
      }
      live.clear();
    },
    { once: true },
  );
}

/**
 * Calls onChange (debounced by the caller) when anything inside `root` changes: typing, chips added or
 * removed, attributes. The same primitive family as observe(), for one element.
 */
export function watchChanges(root: Element, onChange: () => void, signal: AbortSignal, siteAttributes: readonly string[] = []): void {
  if (signal.aborted) return;
  const view = root.ownerDocument.defaultView ?? globalThis;
  const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
  const mo = new MO(() => onChange());
  mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'aria-label', 'href', ...siteAttributes] });
  // Form fields change their value without a mutation.
  root.addEventListener('input', onChange, { signal, capture: true });
  root.addEventListener('change', onChange, { signal, capture: true });
  signal.addEventListener('abort', () => mo.disconnect(), { once: true });
}

function defaultWarn(selector: string) {
  console.warn(`[outreach-guard] still waiting for "${selector}": it has matched nothing on this page. The site may have changed.`);
}

// Elements from another frame fail `instanceof Element` of this realm.
function isElementLike(node: unknown): node is Element {
  return !!node && (node as Node).nodeType === 1;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

const none: readonly Element[] = [];
function safeQueryAll(node: ParentNode, selector: string): ArrayLike<Element> & Iterable<Element> {
  try {
    return node.querySelectorAll(selector); // a NodeList: no array copy per inserted subtree
  } catch {
    return none;
  }
}
