import type { PageRecipient } from '../../messaging/common';
import { AdapterError, type ComposerHandle, type SendTrigger, type SentOutcome, type SiteAdapter } from '../../guard/adapter';
import { isGmailMail } from './detect';
import {
  addressIn,
  cap,
  addressOfEntry,
  closestOf,
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
import { gmailSelectors as S, recipientFields, type RecipientField } from './selectors';

// Gmail: one ComposerHandle per compose core (div.M9), whether it floats, fills the screen, lives in a
// pop-out window or sits under a message as an inline reply. Send interception follows InboxSDK's
// "presending": the guard cancels click/keydown in the capture phase; we re-send with a user-like click.

export type GmailComposeKind = 'floating' | 'fullscreen' | 'popout' | 'inline';
export type GmailReplyType = 'new' | 'reply' | 'reply-all' | 'forward';

export interface GmailAdapterOptions {
  /** how long Gmail may take to close the compose after Send */
  closeTimeoutMs?: number;
  /** how long after closing the "Message sent" notice may take to appear */
  noticeTimeoutMs?: number;
  /** the longest undo period Gmail offers is 30 s; after it the mail has left */
  undoWindowMs?: number;
}

const defaults: Required<GmailAdapterOptions> = { closeTimeoutMs: 15_000, noticeTimeoutMs: 10_000, undoWindowMs: 31_000 };

function fail(what: string, selectors: readonly string[]): never {
  throw new AdapterError('gmail', what, selectors.join(' | '));
}

export function composeKindOf(root: Element): GmailComposeKind {
  const body = root.ownerDocument.body;
  if (body && S.standaloneBody.some((s) => body.matches(s))) return 'popout';
  if (closestOf(root, S.fullscreenContainer)) return 'fullscreen';
  if (closestOf(root, S.floatingDialog)) return 'floating';
  return 'inline';
}

export function replyTypeOf(root: Element): GmailReplyType {
  if (queryFirst(root, S.replyTypeIcon.forward)) return 'forward';
  if (queryFirst(root, S.replyTypeIcon.replyAll)) return 'reply-all';
  if (queryFirst(root, S.replyTypeIcon.reply)) return 'reply';
  return 'new';
}

function bodyOf(root: Element): HTMLElement {
  return queryFirst<HTMLElement>(root, S.body) ?? fail('the message body', S.body);
}

function keyOf(field: RecipientField, address: string): string {
  return `${field}:${address.toLowerCase()}`;
}

/** A recipient from an address-or-"Name <addr>" entry someone typed but Gmail has not turned into a chip. */
function typedRecipient(field: RecipientField, entry: string): PageRecipient {
  const address = addressOfEntry(entry);
  if (address) {
    const name = entry.replace(/<[^>]*>/, '').replace(/"/g, '').trim();
    return { key: `${field}:typed:${address.toLowerCase()}`, email: address, field, ...(name && name !== address ? { displayName: name } : {}) };
  }
  return { key: cap(`${field}:typed:${entry.toLowerCase()}`), displayName: cap(entry), field, unreadable: `typed text is not an address: "${cap(entry, 200)}"` };
}

function chipsOf(fieldEl: Element): Element[] {
  const all = S.chip.flatMap((s) => Array.from(fieldEl.querySelectorAll(s)));
  // a chip never sits inside another chip; keep the outermost
  return all.filter((c, i) => all.indexOf(c) === i && !all.some((o) => o !== c && o.contains(c)));
}

/** Every recipient in To, Cc and Bcc: chips, classic chips and typed-but-not-chipped addresses. */
export function gmailRecipientsOf(root: Element): PageRecipient[] {
  const out: PageRecipient[] = [];
  const seen = new Set<string>();
  const push = (r: PageRecipient) => {
    if (seen.has(r.key)) return;
    seen.add(r.key);
    out.push(r);
  };
  let anyField = false;
  for (const field of recipientFields) {
    for (const fieldEl of S.field(field).flatMap((s) => Array.from(root.querySelectorAll(s)))) {
      anyField = true;
      chipsOf(fieldEl).forEach((chip, index) => {
        const address = chip.getAttribute(S.chipAddressAttribute)?.trim() ?? '';
        const name = chip.getAttribute(S.chipNameAttribute)?.trim() || chip.textContent?.trim() || '';
        if (address && looksLikeAddress(address)) {
          push({ key: keyOf(field, address), email: address, field, ...(name && name !== address ? { displayName: name } : {}) });
        } else {
          push({
            key: `${field}:chip:${index}`,
            field,
            ...(name || address ? { displayName: (name || address).slice(0, 500) } : {}),
            unreadable: address ? `malformed address "${address.slice(0, 200)}"` : 'chip without an address',
          });
        }
      });
      for (const input of S.typingInput.flatMap((s) => Array.from(fieldEl.querySelectorAll<HTMLInputElement>(s)))) {
        for (const entry of splitTyped(input.value)) push(typedRecipient(field, entry));
      }
    }
    // classic recipient UI (pre-2021), still served to some accounts
    for (const hidden of S.classicChip(field).flatMap((s) => Array.from(root.querySelectorAll<HTMLInputElement>(s)))) {
      anyField = true;
      const address = addressIn(hidden.value);
      if (address && looksLikeAddress(address)) push({ key: keyOf(field, address), email: address, field });
      else push({ key: cap(`${field}:classic:${hidden.value}`), field, displayName: cap(hidden.value), unreadable: 'chip without an address' });
    }
    for (const area of S.classicTyping(field).flatMap((s) => Array.from(root.querySelectorAll<HTMLTextAreaElement>(s)))) {
      anyField = true;
      for (const entry of splitTyped(area.value)) push(typedRecipient(field, entry));
    }
  }
  if (!anyField) fail('the recipient fields', S.field('to'));
  return out;
}

export function gmailSubjectOf(root: Element): string | undefined {
  const visible = queryFirst<HTMLInputElement>(root, S.subject)?.value.trim();
  if (visible) return visible;
  // inline replies hide the subject box; the hidden form field carries "Re: …"
  const hidden = queryFirst<HTMLInputElement>(root, S.hiddenSubject)?.value.trim();
  return hidden || undefined;
}

/** What the rep wrote: the body without quoted history (the signature stays: it carries identity lines). */
export function gmailBodyTextOf(root: Element): string {
  const clone = bodyOf(root).cloneNode(true) as Element;
  for (const s of S.quoted) clone.querySelectorAll(s).forEach((q) => q.remove());
  return visibleTextOf(clone);
}

function sendButtonOf(root: Element): Element | null {
  return queryFirst(root, S.sendButton);
}

function isSendButtonTarget(target: Element, root: Element): boolean {
  return closestOf(target, S.sendButton, root) !== null || closestOf(target, S.sendAndArchiveButton, root) !== null;
}

function findChip(root: Element, key: string): Element | null {
  const [field, ...rest] = key.split(':');
  if (!recipientFields.includes(field as RecipientField)) return null;
  const fieldEls = S.field(field as RecipientField).flatMap((s) => Array.from(root.querySelectorAll(s)));
  const chips = fieldEls.flatMap(chipsOf);
  if (rest[0] === 'chip') return chips[Number(rest[1])] ?? null;
  const address = rest.join(':');
  return chips.find((c) => c.getAttribute(S.chipAddressAttribute)?.trim().toLowerCase() === address) ?? null;
}

function removeTyped(root: Element, key: string): boolean {
  const [field, , ...rest] = key.split(':');
  const wanted = rest.join(':');
  if (!recipientFields.includes(field as RecipientField)) return false;
  const inputs = S.field(field as RecipientField)
    .flatMap((s) => Array.from(root.querySelectorAll(s)))
    .flatMap((f) => S.typingInput.flatMap((s) => Array.from(f.querySelectorAll<HTMLInputElement>(s))));
  for (const input of inputs) {
    const entries = splitTyped(input.value);
    const keep = entries.filter((e) => (addressIn(e) ?? e).toLowerCase() !== wanted && e.toLowerCase() !== wanted);
    if (keep.length === entries.length) continue;
    input.value = keep.join(', ');
    const win = input.ownerDocument.defaultView;
    input.dispatchEvent(new (win?.Event ?? Event)('input', { bubbles: true }));
    return true;
  }
  return false;
}

/**
 * Which compose a Schedule send menu belongs to. Gmail may render a compose's "More send options" menu outside
 * its .M9 (at the end of body, like its other popup menus), so the event's path names no compose.
 */
class MenuOwners {
  /** the compose whose ▾ was pressed last (told by GmailCompose.sendTriggerOf, which sees every click in it) */
  private last: WeakRef<Element> | null = null;

  opened(root: Element) {
    this.last = new WeakRef(root);
  }

  composerOf(event: Event): Element | null {
    const item = closestOf(eventTarget(event), S.scheduleSendItem);
    if (!item) return null; // the cheap test first: this runs for every click outside a compose
    const doc = item.ownerDocument;
    const composes = S.composeRoot.flatMap((s) => Array.from(doc.querySelectorAll(s)));
    const around = composes.find((c) => c.contains(item));
    if (around) return around;
    // 1. the compose whose ▾ says its menu is open (Closure menu buttons set aria-expanded)
    const expanded = composes.filter((c) => S.moreSendOptions.some((sel) => Array.from(c.querySelectorAll(sel)).some((b) => b.getAttribute('aria-expanded') === 'true')));
    if (expanded.length === 1) return expanded[0]!;
    // 2. the compose whose ▾ was pressed last; 3. the only compose on the page
    const last = this.last?.deref();
    if (last && last.isConnected && composes.includes(last)) return last;
    if (composes.length === 1) return composes[0]!;
    // A send whose compose cannot be told: the guard holds it and says so (returning null would let it pass).
    throw new AdapterError('gmail', 'the compose this Schedule send menu belongs to', S.composeRoot.join(' | '));
  }
}

class GmailCompose implements ComposerHandle {
  constructor(
    readonly root: Element,
    private readonly opts: Required<GmailAdapterOptions>,
    private readonly menus: MenuOwners,
  ) {
    bodyOf(root); // a compose without its editor is not usable yet: say so now
  }

  read() {
    return {
      channel: 'email' as const,
      recipients: gmailRecipientsOf(this.root),
      subject: gmailSubjectOf(this.root),
      body: gmailBodyTextOf(this.root),
    };
  }

  sendTriggerOf(event: Event): SendTrigger | null {
    const target = eventTarget(event);
    if (!target) return null;
    const inside = this.root.contains(target);
    // the Schedule send item: in this compose, or in its menu rendered outside it (composerOfEvent)
    const schedule = inside ? closestOf(target, S.scheduleSendItem, this.root) : this.menus.composerOf(event) === this.root ? closestOf(target, S.scheduleSendItem) : null;
    if (!inside && !schedule) return null;
    if (inside && (event.type === 'click' || event.type === 'keydown') && closestOf(target, S.moreSendOptions, this.root)) this.menus.opened(this.root);
    if (event.type === 'mouseup') {
      // Gmail's menu items act on mouseup (InboxSDK watches mousedown→mouseup on Schedule send)
      return schedule ? 'schedule' : null;
    }
    if (event.type === 'click') {
      if (inside && isSendButtonTarget(target, this.root)) return 'button';
      if (schedule) return 'schedule';
      return null;
    }
    if (event.type === 'keydown') {
      const k = event as KeyboardEvent;
      const enter = k.key === 'Enter' || k.keyCode === 13;
      if (inside && enter && (k.ctrlKey || k.metaKey)) return 'ctrl-enter';
      if (inside && (enter || k.key === ' ') && isSendButtonTarget(target, this.root)) return 'button';
      if ((enter || k.key === ' ') && schedule) return 'schedule';
    }
    return null;
  }

  resend(trigger: SendTrigger, heldEvent: Event): void {
    if (!this.root.isConnected) throw new AdapterError('gmail', 'the compose (it was closed during the check)', S.composeRoot.join(' | '));
    const held = eventTarget(heldEvent);
    if (trigger === 'schedule') {
      // the held item itself (it may sit in a menu outside the compose), else this compose's own item, else
      // open the menu again through this compose's ▾ and take the item it shows
      let item = (held?.isConnected ? closestOf(held, S.scheduleSendItem) : null) ?? queryFirst(this.root, S.scheduleSendItem);
      if (!item) {
        simulateClick(queryFirst(this.root, S.moreSendOptions) ?? fail('the More send options button', S.moreSendOptions));
        this.menus.opened(this.root);
        item = queryFirst(this.root, S.scheduleSendItem) ?? queryFirst(this.root.ownerDocument, S.scheduleSendItem);
      }
      simulateClick(item ?? fail('the Schedule send item', S.scheduleSendItem));
      return;
    }
    // Enter, Ctrl/Cmd+Enter and clicks all go out through the button Gmail itself listens to: synthetic
    // keystrokes are unreliable in Gmail (InboxSDK re-sends the same way).
    const same = held?.isConnected ? (closestOf(held, S.sendButton, this.root) ?? closestOf(held, S.sendAndArchiveButton, this.root)) : null;
    simulateClick(same ?? sendButtonOf(this.root) ?? fail('the Send button', S.sendButton));
  }

  insertText(text: string): void {
    const body = bodyOf(this.root);
    insertParagraph(body, text, firstInOrder(body, [...S.quoted, ...S.signature]));
  }

  removeRecipient(key: string): boolean {
    if (key.split(':')[1] === 'typed') return removeTyped(this.root, key);
    const chip = findChip(this.root, key);
    if (!chip) return false;
    const remove = queryFirst(chip, S.chipRemove);
    if (!remove) return false;
    // chips sit in rows Gmail hides while the body has focus; open them as a click on the summary would
    const rows = queryFirst<HTMLElement>(this.root, S.recipientRows);
    const summary = queryFirst<HTMLElement>(this.root, S.recipientSummary);
    if (rows && rows.style.display === 'none' && summary) simulateClick(summary);
    simulateClick(remove);
    return true;
  }

  async waitForSent(signal: AbortSignal): Promise<SentOutcome> {
    const doc = this.root.ownerDocument;
    const root = this.root;
    const draftId = root.querySelector<HTMLInputElement>('input[name=draft]')?.value ?? '';
    const errorsBefore = new Set(S.sendErrorDialog.flatMap((s) => Array.from(doc.querySelectorAll(s))));
    const newError = () => S.sendErrorDialog.some((s) => Array.from(doc.querySelectorAll(s)).some((e) => !errorsBefore.has(e)));
    const editorGone = () => !root.isConnected || !root.contains(queryFirst(root, S.body));

    const closed = await waitUntil(doc, () => editorGone() || newError(), this.opts.closeTimeoutMs, signal);
    if (!closed || !editorGone()) return 'not-sent';
    const noticed = await waitUntil(doc, () => queryFirst(doc, S.sentNotice) !== null, this.opts.noticeTimeoutMs, signal);
    if (!noticed) return 'not-sent';

    // The notice offers Undo for Gmail's undo period. Undo reopens the same draft.
    let undone = false;
    const onClick = (e: Event) => {
      const t = eventTarget(e);
      if (t && closestOf(t, S.undoLink)) undone = true;
    };
    doc.addEventListener('click', onClick, { capture: true });
    const reopened = () =>
      draftId !== '' &&
      S.composeRoot.some((s) =>
        // the compose closed before, so any open compose with this draft (new element or ours re-inserted) is it
        Array.from(doc.querySelectorAll(s)).some((c) => c.querySelector<HTMLInputElement>('input[name=draft]')?.value === draftId),
      );
    try {
      await waitUntil(doc, () => undone || reopened() || queryFirst(doc, S.undoLink) === null, this.opts.undoWindowMs, signal);
    } finally {
      doc.removeEventListener('click', onClick, { capture: true });
    }
    if (signal.aborted) return 'not-sent';
    return undone || reopened() ? 'not-sent' : 'sent';
  }

  badgeAnchor(): Element {
    return queryFirst(this.root, S.badgeAnchor) ?? this.root;
  }

  markerAnchor(): Element {
    return bodyOf(this.root);
  }

  /** the pop-out window (?view=cm) closes itself once Gmail accepted the send */
  closesOnSend(): boolean {
    return composeKindOf(this.root) === 'popout';
  }
}

export function createGmailAdapter(options: GmailAdapterOptions = {}): SiteAdapter {
  const opts = { ...defaults, ...options };
  const menus = new MenuOwners();
  return {
    site: 'gmail',
    defaultChannel: 'email',
    // a chip's address lives in this attribute: Gmail may fill it in after the chip appears
    changeAttributes: [S.chipAddressAttribute],
    isGuardedPage: isGmailMail,
    composerRootSelectors: S.composeRoot,
    expectedComposerSelectors: S.expectedCompose,
    extraSendEvents: ['mouseup'],
    // Enter in a Gmail body is a new line; only Ctrl/Cmd+Enter sends.
    plainEnterMaySend: false,
    composerFor: (root) => new GmailCompose(root, opts, menus),
    composerOfEvent: (event) => menus.composerOf(event),
  };
}

export const gmailAdapter: SiteAdapter = createGmailAdapter();
