import type { PageRecipient } from '../../messaging/common';
import { AdapterError, type ComposerHandle, type SendTrigger, type SentOutcome, type SiteAdapter } from '../../guard/adapter';
import {
  INVISIBLE,
  addressIn,
  cap,
  addressOfEntry,
  closestOf,
  cutFrom,
  firstInOrder,
  insertParagraph,
  looksLikeAddress,
  queryFirst,
  simulateClick,
  splitTyped,
  visibleTextOf,
  waitUntil,
  eventTarget,
} from '../shared/dom';
import { isOutlookMail } from './detect';
import { outlookFields, outlookSelectors as S, type OutlookField } from './selectors';

// Outlook on the web: one ComposerHandle per compose (docked in the reading pane, inline reply, or popped
// out). React listens at its root container, so the guard's capture-phase listener on window runs first;
// a held send is re-issued by clicking the Send button again.

export interface OutlookAdapterOptions {
  /** how long Outlook may take to close the compose after Send */
  closeTimeoutMs?: number;
  /** Outlook's "Undo send" lasts at most 10 s; a draft that reopens within it was not sent */
  undoWindowMs?: number;
}

const defaults: Required<OutlookAdapterOptions> = { closeTimeoutMs: 15_000, undoWindowMs: 10_500 };

function fail(what: string, selectors: readonly string[]): never {
  throw new AdapterError('outlook', what, selectors.join(' | '));
}

const clean = (s: string | null | undefined) => (s ?? '').replace(INVISIBLE, '').trim();

function bodyOf(root: Element): HTMLElement {
  return queryFirst<HTMLElement>(root, S.body) ?? fail('the message body', S.body);
}

function editorsOf(root: Element, field: OutlookField): Element[] {
  return S.field(field)
    .flatMap((s) => Array.from(root.querySelectorAll(s)))
    .map((group) => queryFirst(group, S.fieldEditor) ?? group);
}

function chipsOf(editor: Element): Element[] {
  const all = S.chip.flatMap((s) => Array.from(editor.querySelectorAll(s)));
  return all.filter((c, i) => all.indexOf(c) === i && !all.some((o) => o !== c && o.contains(c)));
}

/** The address of a chip, by the fallback order in the research notes: label/title → display text. */
function chipAddress(chip: Element): { address: string | null; malformed: string | null } {
  const labelled = [chip, ...Array.from(chip.querySelectorAll('[aria-label*="@"], [title*="@"]'))];
  const candidates = [
    ...labelled.flatMap((e) => [e.getAttribute('aria-label'), e.getAttribute('title')]),
    chipDisplayText(chip),
  ].map(clean);
  let malformed: string | null = null;
  for (const c of candidates) {
    if (!c.includes('@')) continue;
    const a = addressIn(c);
    if (a && looksLikeAddress(a)) return { address: a, malformed: null };
    malformed ??= c;
  }
  return { address: null, malformed };
}

function chipDisplayText(chip: Element): string {
  return clean(queryFirst(chip, S.chipText)?.textContent ?? chip.textContent);
}

/** "Jan Jansen <jan@acme.nl>" → "Jan Jansen"; an address alone gives no name. */
function nameOf(display: string, address: string | null): string | undefined {
  const name = clean(display.replace(/<[^>]*>/, '').replace(/"/g, ''));
  if (!name || name === address || name.includes('@')) return undefined;
  return name.slice(0, 500);
}

function typedEntriesOf(editor: Element): string[] {
  const clone = editor.cloneNode(true) as Element;
  chipsOf(clone).forEach((c) => c.remove());
  return splitTyped(visibleTextOf(clone).replace(/\n/g, ';'));
}

/** Every recipient in To, Cc and Bcc. Name-only chips are weak matches; empty chips are unreadable. */
export function outlookRecipientsOf(root: Element): PageRecipient[] {
  const out: PageRecipient[] = [];
  const seen = new Set<string>();
  const push = (r: PageRecipient) => {
    if (seen.has(r.key)) return;
    seen.add(r.key);
    out.push(r);
  };
  if (editorsOf(root, 'to').length === 0) fail('the To field', S.field('to'));
  for (const field of outlookFields) {
    for (const editor of editorsOf(root, field)) {
      chipsOf(editor).forEach((chip, index) => {
        const display = chipDisplayText(chip);
        const { address, malformed } = chipAddress(chip);
        const name = nameOf(display, address);
        if (address) push({ key: `${field}:${address.toLowerCase()}`, email: address, field, ...(name ? { displayName: name } : {}) });
        else if (malformed) push({ key: `${field}:chip:${index}`, field, displayName: malformed.slice(0, 500), unreadable: `malformed address "${malformed.slice(0, 200)}"` });
        else if (name) push({ key: cap(`${field}:name:${name.toLowerCase()}`), field, displayName: name, weakMatch: true });
        else push({ key: `${field}:chip:${index}`, field, unreadable: 'chip without an address or a name' });
      });
      for (const entry of typedEntriesOf(editor)) {
        const address = addressOfEntry(entry);
        if (address) {
          const name = nameOf(entry, address);
          push({ key: `${field}:typed:${address.toLowerCase()}`, email: address, field, ...(name ? { displayName: name } : {}) });
        } else if (entry.includes('@')) {
          push({ key: cap(`${field}:typed:${entry.toLowerCase()}`), field, displayName: cap(entry), unreadable: `typed text is not an address: "${cap(entry, 200)}"` });
        } else {
          // Outlook resolves a typed name against the address book when sending: a name-only recipient
          push({ key: cap(`${field}:typed:${entry.toLowerCase()}`), field, displayName: cap(entry), weakMatch: true });
        }
      }
    }
  }
  return out;
}

export function outlookSubjectOf(root: Element): string | undefined {
  return queryFirst<HTMLInputElement>(root, S.subject)?.value.trim() || undefined;
}

/** What the rep wrote: the body down to the first reply/forward marker (the signature stays). */
export function outlookBodyTextOf(root: Element): string {
  const clone = bodyOf(root).cloneNode(true) as Element;
  const start = firstInOrder(clone, S.quoteStart);
  if (start) cutFrom(clone, start);
  return visibleTextOf(clone);
}

/** The draft id in MSG_<draft>_SUBJECT / _TO: the same draft reopens after Undo send. */
function draftIdOf(root: Element): string {
  const el = root.querySelector('[id^="MSG_"]');
  return /^MSG_(.+)_[A-Z]+$/.exec(el?.id ?? '')?.[1] ?? '';
}

function findChip(root: Element, key: string): Element | null {
  const [field, kind, ...rest] = key.split(':');
  if (!outlookFields.includes(field as OutlookField) || kind === undefined) return null;
  const chips = editorsOf(root, field as OutlookField).flatMap(chipsOf);
  if (kind === 'chip') return chips[Number(rest[0])] ?? null;
  if (kind === 'name') return chips.find((c) => nameOf(chipDisplayText(c), null)?.toLowerCase() === rest.join(':')) ?? null;
  const address = [kind, ...rest].join(':');
  return chips.find((c) => chipAddress(c).address?.toLowerCase() === address) ?? null;
}

function removeTypedText(root: Element, key: string): boolean {
  const [field, , ...rest] = key.split(':');
  const wanted = rest.join(':');
  if (!outlookFields.includes(field as OutlookField)) return false;
  for (const editor of editorsOf(root, field as OutlookField)) {
    const walker = editor.ownerDocument.createTreeWalker(editor, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (S.chip.some((s) => text.parentElement?.closest(s))) continue;
      const at = text.data.toLowerCase().indexOf(wanted);
      if (at < 0) continue;
      text.data = text.data.slice(0, at) + text.data.slice(at + wanted.length).replace(/^\s*[;,]?\s*/, '');
      editor.dispatchEvent(new (editor.ownerDocument.defaultView?.Event ?? Event)('input', { bubbles: true }));
      return true;
    }
  }
  return false;
}

class OutlookCompose implements ComposerHandle {
  constructor(
    readonly root: Element,
    private readonly opts: Required<OutlookAdapterOptions>,
  ) {
    bodyOf(root);
  }

  read() {
    return {
      channel: 'email' as const,
      recipients: outlookRecipientsOf(this.root),
      subject: outlookSubjectOf(this.root),
      body: outlookBodyTextOf(this.root),
    };
  }

  sendTriggerOf(event: Event): SendTrigger | null {
    const target = eventTarget(event);
    if (!target || !this.root.contains(target)) return null;
    const onSend = closestOf(target, S.sendButton, this.root) !== null;
    if (event.type === 'click') return onSend ? 'button' : null;
    if (event.type === 'keydown') {
      const k = event as KeyboardEvent;
      const enter = k.key === 'Enter' || k.keyCode === 13;
      if (enter && (k.ctrlKey || k.metaKey)) return 'ctrl-enter';
      if ((enter || k.key === ' ') && onSend) return 'button';
    }
    return null;
  }

  resend(_trigger: SendTrigger, heldEvent: Event): void {
    if (!this.root.isConnected) throw new AdapterError('outlook', 'the compose (it was closed during the check)', S.composeRoot.join(' | '));
    const held = eventTarget(heldEvent);
    const same = held?.isConnected ? closestOf(held, S.sendButton, this.root) : null;
    // Ctrl+Enter is re-issued as a click too: React ignores synthetic keystrokes it did not see start
    simulateClick(same ?? queryFirst(this.root, S.sendButton) ?? fail('the Send button', S.sendButton));
  }

  insertText(text: string): void {
    const body = bodyOf(this.root);
    insertParagraph(body, text, firstInOrder(body, [...S.quoteStart, ...S.signature]), S.paragraphClass);
  }

  removeRecipient(key: string): boolean {
    if (key.split(':')[1] === 'typed') return removeTypedText(this.root, key);
    const chip = findChip(this.root, key);
    if (!chip) return false;
    const editor = (chip.parentElement?.closest('[contenteditable="true"]') as HTMLElement | null) ?? null;
    const doc = chip.ownerDocument;
    // Delete through the editor (as Backspace would) so roosterjs updates its model; by hand otherwise.
    let removed = false;
    if (editor && typeof doc.execCommand === 'function') {
      editor.focus();
      const range = doc.createRange();
      range.selectNode(chip);
      const sel = doc.defaultView?.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      try {
        removed = doc.execCommand('delete') && !chip.isConnected;
      } catch {
        removed = false;
      }
    }
    if (!removed) {
      const next = chip.nextSibling;
      if (next && next.nodeType === 3 && clean((next as Text).data) === '') next.remove();
      chip.remove();
      editor?.dispatchEvent(new (doc.defaultView?.InputEvent ?? InputEvent)('input', { bubbles: true, inputType: 'deleteContent' }));
    }
    return true;
  }

  async waitForSent(signal: AbortSignal): Promise<SentOutcome> {
    const doc = this.root.ownerDocument;
    const root = this.root;
    const draftId = draftIdOf(root);
    const errorsBefore = new Set(S.sendErrorDialog.flatMap((s) => Array.from(doc.querySelectorAll(s))));
    const newError = () => S.sendErrorDialog.some((s) => Array.from(doc.querySelectorAll(s)).some((e) => !errorsBefore.has(e)));
    const editorGone = () => !root.isConnected || !root.contains(queryFirst(root, S.body));

    const closed = await waitUntil(doc, () => editorGone() || newError(), this.opts.closeTimeoutMs, signal);
    if (!closed || !editorGone()) return 'not-sent';
    // Undo send brings the same draft back; otherwise the mail leaves when the undo period ends.
    const reopened = () =>
      draftId !== '' &&
      // the compose closed before, so any open compose with this draft id (a new element or ours re-inserted) is it
      S.composeRoot.some((s) => Array.from(doc.querySelectorAll(s)).some((c) => Array.from(c.querySelectorAll('[id^="MSG_"]')).some((e) => e.id.startsWith(`MSG_${draftId}_`))));
    const undone = await waitUntil(doc, reopened, this.opts.undoWindowMs, signal);
    if (signal.aborted) return 'not-sent';
    return undone ? 'not-sent' : 'sent';
  }

  badgeAnchor(): Element {
    return queryFirst(this.root, S.sendButton)?.parentElement ?? this.root;
  }

  markerAnchor(): Element {
    return bodyOf(this.root);
  }

  /** the popped-out window closes itself after Send: the guard records the send before it goes */
  closesOnSend(): boolean {
    return S.popoutRoot.some((sel) => this.root.matches(sel));
  }
}

export function createOutlookAdapter(options: OutlookAdapterOptions = {}): SiteAdapter {
  const opts = { ...defaults, ...options };
  return {
    site: 'outlook',
    defaultChannel: 'email',
    isGuardedPage: isOutlookMail,
    composerRootSelectors: S.composeRoot,
    // Enter in an Outlook body is a new line; only Ctrl+Enter sends.
    plainEnterMaySend: false,
    expectedComposerSelectors: S.expectedCompose,
    composerFor: (root) => new OutlookCompose(root, opts),
  };
}

export const outlookAdapter: SiteAdapter = createOutlookAdapter();
