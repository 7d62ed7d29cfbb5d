import { AdapterError, type SentOutcome } from '../../guard/adapter';
import { originOf } from './dom';
import { describe } from './selectors';

// Re-issuing a held send on LinkedIn and watching whether it left: shared by the three composers.

/** How long a released send may take to show up in the thread before we call it not sent. */
export const SENT_TIMEOUT_MS = 20_000;

export const matches = (el: Element, variants: readonly string[]) => variants.some((v) => el.matches(v));

export function isEnterKey(event: Event): event is KeyboardEvent {
  const e = event as KeyboardEvent;
  // 229 / isComposing: an IME is committing text; that Enter is not a send
  return event.type === 'keydown' && e.key === 'Enter' && !e.isComposing && e.keyCode !== 229;
}

export function enterKeydown(target: Element, held: Event): void {
  const view = target.ownerDocument.defaultView;
  const h = held as KeyboardEvent;
  const KeyboardEventCtor = view?.KeyboardEvent ?? KeyboardEvent;
  target.dispatchEvent(
    new KeyboardEventCtor('keydown', {
      key: 'Enter', code: 'Enter', keyCode: 13, which: 13,
      ctrlKey: !!h.ctrlKey, metaKey: !!h.metaKey, shiftKey: false, altKey: false,
      bubbles: true, cancelable: true, composed: true,
    }),
  );
}

export function clickAgain(held: Event, fallback: () => Element | null, what: string, variants: readonly string[]): void {
  const original = originOf(held)?.closest('button');
  const button = original?.isConnected ? original : fallback();
  if (!button) throw new AdapterError('linkedin', what, describe(variants));
  (button as HTMLElement).click();
}

/**
 * Waits for proof of a send: `isNewProof` sees a new element, `onGone` decides when the root disappears.
 * One MutationObserver on the root's own tree (a shadow root is observed from inside it), torn down on
 * settle, abort or timeout.
 */
export function waitFor(root: Element, signal: AbortSignal, isSent: () => boolean, onGone: () => SentOutcome): Promise<SentOutcome> {
  const view = root.ownerDocument.defaultView;
  return new Promise((resolve) => {
    if (signal.aborted) return resolve('not-sent');
    const tree = root.getRootNode();
    let settled = false;
    const settle = (outcome: SentOutcome) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      view?.clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      resolve(outcome);
    };
    const check = () => {
      if (isSent()) settle('sent');
      else if (!root.isConnected) settle(onGone());
    };
    const abort = () => settle('not-sent');
    const observer = new (view?.MutationObserver ?? MutationObserver)(check);
    observer.observe(tree, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden', 'style'] });
    const timer = (view ?? globalThis).setTimeout(() => settle('not-sent'), SENT_TIMEOUT_MS);
    signal.addEventListener('abort', abort, { once: true });
  });
}

