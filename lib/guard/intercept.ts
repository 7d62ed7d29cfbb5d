import type { ComposerSnapshot, SendTrigger } from './adapter';
import type { HoldUi } from './hold-ui';
import { strings } from '../../components/guard/strings';
import { describe, keyOf, type GuardCore, type Watched, type Interception } from './core';
import { isOurHost } from './our-hosts';

// Send interception: every click, keydown and submit (and the adapter's extra events) in the capture phase.
// A send from a composer whose draft is known clean passes untouched; any other send is swallowed and held.

const sendWords = /\b(send|verzend|verzenden|versturen|verstuur|senden|envoyer|enviar|invia)\b/i;

export function createInterception(core: GuardCore): Interception {
  const { adapter, signal, doc, lang, watched, allowTtl, plainEnterMaySend } = core;
  const handledEvents = new WeakSet<Event>();
  const addComposer = (el: Element, fromExpected: boolean) => core.composers.addComposer(el, fromExpected);
  const setInactive = (w: Watched, error: unknown) => core.composers.setInactive(w, error);

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
    if (!adapter.composerOfEvent) return holdDrifted(event);
    let owning: Element | null = null;
    try {
      owning = adapter.composerOfEvent(event);
    } catch (error) {
      // A send control of some composer (Gmail's Schedule send menu with several composes open) whose owner
      // cannot be told: letting it through would be an unchecked send. With none of ours open it is not ours.
      if (watched.size > 0 && maySend(event)) holdOwnerless(event, error);
      return;
    }
    if (!owning) return holdDrifted(event);
    const find = () => [...watched.values()].find((x) => x.root === owning || x.matched === owning);
    if (!find()) addComposer(owning, false);
    const w = find();
    if (w) onComposerEvent(w, event);
  }

  /**
   * Total drift (issue 14 item 2): a send — a Send button, Ctrl+Enter, a form submit — beside a draft
   * that no composer selector of the site matches any more. The draft's surroundings are taken as a
   * composer the adapter cannot read: the send is held ("cannot check"), the badge and the toolbar say
   * "not active", and the rep may still send it anyway with a reason.
   */
  const holdDrifted = (event: Event) => {
    const container = draftAround(event);
    if (!container) return;
    addComposer(container, true);
    const w = [...watched.values()].find((x) => x.matched === container);
    if (w) onComposerEvent(w, event);
  };

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
    ownerless = core.mountHold(doc, {
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
      core.holds.startHold(w, trigger, event, null, null, w.failure ?? 'the composer could not be read', true);
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
      if (w.hold?.resendFailed) core.holds.closeHold(w, w.hold);
      if (snapshot && w.release && !w.release.watched) {
        w.release.watched = true;
        core.sent.afterSend(w, snapshot, null);
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
        core.sent.afterSend(w, snapshot, entry.verdict);
        return; // clean: untouched, no delay
      }
    }
    swallow(event);
    core.holds.startHold(w, trigger, event, snapshot, key, readError, false);
  }

  return { onEvent, swallow };
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

/**
 * For a send-like event outside every known composer: the element around the draft it would send, or null
 * (not a send, or no draft with text near it). Plain Enter does not count here: outside a composer it is
 * a new line far more often (comment boxes, search fields) than a send. Gmail's Send button sits 12 levels
 * below the nearest element that also holds its editor: the walk goes up to 16.
 */
function draftAround(event: Event): Element | null {
  const trigger = fallbackTriggerOf(event, false);
  if (!trigger || trigger === 'enter' || event.composedPath().some(isOurHost)) return null;
  const start = event.composedPath()[0];
  if (!(start instanceof Element)) return null;
  let node: Element | null = start;
  for (let depth = 0; node && depth < 16; depth++, node = node.parentElement) {
    if (node === node.ownerDocument.body || node === node.ownerDocument.documentElement) return null;
    if (hasDraft(node)) return node;
  }
  return null;
}

const editableSelector = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

function hasDraft(el: Element): boolean {
  const editables = [...(el.matches(editableSelector) ? [el] : []), ...el.querySelectorAll(editableSelector)];
  return editables.some((e) => ((e as HTMLTextAreaElement).value ?? e.textContent ?? '').trim().length > 0);
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

