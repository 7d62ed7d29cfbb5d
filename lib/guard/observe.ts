// The one observer primitive (style.md §4): reports elements that match any of `selectors` as they appear,
// in the document, inside open shadow roots (LinkedIn's #interop-outlet) and same-origin iframes; tells
// when a reported element leaves; stops on an AbortSignal; warns when a selector never matched.

export type Cleanup = () => void;

export interface ObserveOptions {
  signal: AbortSignal;
  /** where to start (default: document) */
  root?: Document | ShadowRoot;
  /**
   * Hosts whose shadow root may be attached after the host is inserted (e.g. '#interop-outlet'). They are
   * re-checked until the root exists; any other element's shadow root is found when the element appears.
   */
  shadowHosts?: readonly string[];
  /** warn after this long when a selector has matched nothing (ms, default 15 000; 0 = never) */
  warnAfterMs?: number;
  /** how to warn (default console.warn) */
  onNeverMatched?: (selector: string) => void;
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
  const seen = new WeakSet<Element>();
  const live = new Map<Element, Cleanup | undefined>();
  const matched = new Set<string>();
  const watchedRoots = new WeakSet<Node>();
  const observers: MutationObserver[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const report = (el: Element) => {
    if (seen.has(el) || !el.isConnected) return; // inserted and removed again within one batch
    seen.add(el);
    let cleanup: Cleanup | void = undefined;
    try {
      cleanup = onAppear(el);
    } catch (error) {
      console.error('[outreach-guard] observer callback failed', error);
    }
    live.set(el, cleanup ?? undefined);
  };

  const scan = (node: ParentNode & Node) => {
    if (node instanceof Element || isElementLike(node)) {
      const el = node as Element;
      for (const sel of selectors) {
        if (safeMatches(el, sel)) {
          matched.add(sel);
          report(el);
        }
      }
    }
    for (const sel of selectors) {
      const found = safeQueryAll(node, sel);
      if (found.length) matched.add(sel);
      for (const el of found) report(el);
    }
  };

  /** finds shadow roots and iframes at or below `node` (only what was just inserted is walked) */
  const descend = (node: Node) => {
    if (!isElementLike(node)) return;
    const doc = node.ownerDocument;
    if (!doc) return;
    const walker = doc.createTreeWalker(node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.shadowRoot) watch(el.shadowRoot);
      else if (options.shadowHosts?.some((s) => safeMatches(el!, s))) waitForShadow(el);
      if (el.tagName === 'IFRAME') watchFrame(el as HTMLIFrameElement);
    }
  };

  const waitForShadow = (host: Element, attempt = 0) => {
    // The page attaches the root some time after inserting the host; check a few times, backing off.
    if (signal.aborted || attempt > 12) return;
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
    // A frame that navigates gets a new document; watch that one too.
    frame.addEventListener('load', tryDoc, { signal });
  };

  const checkRemoved = () => {
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

  function watch(root: Document | ShadowRoot) {
    if (watchedRoots.has(root) || signal.aborted) return;
    watchedRoots.add(root);
    const view = (root as Document).defaultView ?? root.ownerDocument?.defaultView ?? globalThis;
    const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
    const mo = new MO((records) => {
      let removed = false;
      for (const record of records) {
        if (record.removedNodes.length) removed = true;
        for (const node of record.addedNodes) {
          if (!isElementLike(node)) continue;
          scan(node as Element);
          descend(node);
        }
      }
      if (removed && live.size) checkRemoved();
    });
    mo.observe(root, { childList: true, subtree: true });
    observers.push(mo);
    scan(root);
    // Shadow roots and frames already inside (a shadow root has no documentElement: walk its children).
    const doc = root as Document;
    if (doc.documentElement) descend(doc.documentElement);
    else for (const child of Array.from(root.children)) descend(child);
  }

  watch(options.root ?? document);

  // Declarative shadow roots (<template shadowrootmode>) are attached while parsing, after the host was
  // reported as inserted: sweep once more when the document is parsed.
  const rootDoc = options.root && 'documentElement' in options.root ? options.root : (options.root?.ownerDocument ?? document);
  if (rootDoc.readyState === 'loading') {
    rootDoc.addEventListener('DOMContentLoaded', () => descend(rootDoc.documentElement), { signal, once: true });
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
      for (const mo of observers) mo.disconnect();
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
export function watchChanges(root: Element, onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const view = root.ownerDocument.defaultView ?? globalThis;
  const MO = (view as typeof globalThis).MutationObserver ?? MutationObserver;
  const mo = new MO(() => onChange());
  mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'data-hovercard-id', 'aria-label', 'href'] });
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

function safeQueryAll(node: ParentNode, selector: string): Element[] {
  try {
    return Array.from(node.querySelectorAll(selector));
  } catch {
    return [];
  }
}
