// Keystrokes typed into our own UI (the hold dialog's reason field, the badges) must not reach the site's
// keyboard shortcuts: Gmail and Outlook listen in the capture phase on window/document, so a listener on
// our host element is too late ("c" would open a new compose, "#" would delete the thread). The content
// script runs at document_start, so this capture listener on window runs before any of the site's.

/** Hosts of our injected UI carry this attribute (hold dialog, inactive badge, pending-records notice). */
export const ourUiAttribute = 'data-outreach-guard';

const keyEvents = ['keydown', 'keyup', 'keypress'] as const;

function ourHostIn(path: readonly EventTarget[]): Element | null {
  for (const node of path) {
    if ((node as Node).nodeType === 1 && (node as Element).hasAttribute(ourUiAttribute)) return node as Element;
  }
  return null;
}

/**
 * Stops key events aimed at our UI from reaching the page's listeners (propagation only: the default action,
 * typing the character, still happens). Our own UI's handlers (Esc cancels, Tab keeps focus inside) sit
 * below window, so the event is handed to them as a copy that stays inside our shadow root.
 */
export function isolateOurKeystrokes(win: Window, signal: AbortSignal): void {
  const Keyboard = (win as Window & typeof globalThis).KeyboardEvent;
  const copies = new WeakSet<Event>();
  const onKey = (event: Event) => {
    if (!(event instanceof Keyboard) || copies.has(event)) return;
    const path = event.composedPath();
    const host = ourHostIn(path);
    if (!host) return;
    // Immediate: the site's own listeners on window come after ours (we run at document_start).
    event.stopImmediatePropagation();
    const target = path[0] as Node | undefined;
    // The copy may only travel inside our own shadow root; a target we cannot see into (closed root) or
    // one in the light DOM would hand the copy to the page's listeners after all.
    const rootNode = target?.getRootNode?.();
    if (!target || !rootNode || rootNode.nodeType !== 11 || !host.contains((rootNode as ShadowRoot).host)) return;
    const copy = new Keyboard(event.type, {
      key: event.key,
      code: event.code,
      location: event.location,
      repeat: event.repeat,
      isComposing: event.isComposing,
      ctrlKey: event.ctrlKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      bubbles: true,
      cancelable: true,
      composed: false, // stays inside our shadow root: the page never sees it
    });
    copies.add(copy);
    target.dispatchEvent(copy);
    if (copy.defaultPrevented) event.preventDefault();
  };
  for (const type of keyEvents) win.addEventListener(type, onKey, { capture: true, signal });
}
