import { AdapterError, type ComposerHandle, type ComposerSnapshot, type SendTrigger, type SentOutcome, type SiteAdapter } from '../../guard/adapter';
import type { LinkedInRef, PageRecipient } from '../../messaging/common';
import { cleanText, documentsOf, editorText, isShown, originOf, pageUrlsOf, requireIn } from './dom';
import { inviteVanityOf, isGuardedPage, isMessagingThread, isProfile, isSalesNavLead, profileRefOf, salesNavLeadIdOf } from './detect';
import { insertIntoEditor, insertIntoTextarea } from './insert';
import { readTopCard } from './profile';
import { conversationRecipients, degreeOf, keyOf, mentionsDeclinedInMail } from './recipients';
import { describe, selectors, texts } from './selectors';
import { queryAll, queryFirst } from '../shared/dom';

// The LinkedIn site adapter (issue #4): finds composers in the three renderings LinkedIn serves (classic
// Ember, Ember inside #interop-outlet's shadow root, the /preload/ iframe), reads who a message goes to,
// recognises every send path and re-issues it once the guard allows it.

/** How long a released send may take to show up in the thread before we call it not sent. */
export const SENT_TIMEOUT_MS = 20_000;

const matches = (el: Element, variants: readonly string[]) => variants.some((v) => el.matches(v));

function isEnterKey(event: Event): event is KeyboardEvent {
  const e = event as KeyboardEvent;
  // 229 / isComposing: an IME is committing text; that Enter is not a send
  return event.type === 'keydown' && e.key === 'Enter' && !e.isComposing && e.keyCode !== 229;
}

function enterKeydown(target: Element, held: Event): void {
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

function clickAgain(held: Event, fallback: () => Element | null, what: string, variants: readonly string[]): void {
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
function waitFor(root: Element, signal: AbortSignal, isSent: () => boolean, onGone: () => SentOutcome): Promise<SentOutcome> {
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

// ------------------------------------------------------------------------------------------------------
// Flagship messaging: overlay bubble, thread page, "New message"

class MessageComposer implements ComposerHandle {
  /** the canned text of a quick reply being sent (read() reports it as the body) */
  private quickReply: { text: string; at: number } | null = null;

  constructor(readonly root: Element) {
    this.form();
    this.editor();
  }

  private form(): Element {
    return requireIn(this.root, 'messageForm', 'message form');
  }

  private editor(): HTMLElement {
    return requireIn(this.form(), 'messageEditor', 'message editor') as HTMLElement;
  }

  private subject(): HTMLInputElement | null {
    // only InMail / message requests have a subject; a 1st-degree DM has none
    return queryFirst(this.root, selectors.messageSubject) as HTMLInputElement | null;
  }

  /** "Press Enter to Send": no Send button rendered (or hidden), or the option radio checked (research §1.1, §4.2). */
  enterSends(): boolean {
    const radio = queryFirst(this.root, selectors.enterToSendRadio) as HTMLInputElement | null;
    if (radio) return radio.checked;
    const button = queryFirst(this.form(), selectors.messageSendButton);
    return !button || !isShown(button);
  }

  read(): ComposerSnapshot {
    const editor = this.editor();
    const subject = this.subject();
    const pending = this.quickReply && Date.now() - this.quickReply.at < SENT_TIMEOUT_MS ? this.quickReply.text : null;
    return {
      channel: subject ? 'linkedin_inmail' : 'linkedin_dm',
      recipients: conversationRecipients(this.root),
      ...(subject ? { subject: subject.value } : {}),
      body: pending ?? editorText(editor),
    };
  }

  sendTriggerOf(event: Event): SendTrigger | null {
    const origin = originOf(event);
    if (!origin || !this.root.contains(origin)) return null;
    if (event.type === 'click') {
      const button = origin.closest('button');
      if (!button || !this.root.contains(button)) return null;
      if (matches(button, selectors.messageSendButton)) return this.clear('button');
      if (matches(button, selectors.quickReplyButton)) {
        this.quickReply = { text: quickReplyTextOf(button), at: Date.now() };
        return 'quick-reply';
      }
      return null;
    }
    if (isEnterKey(event)) {
      if (!origin.closest(selectors.messageEditor.join(','))) return null;
      if (event.ctrlKey || event.metaKey) return this.clear('ctrl-enter');
      if (event.shiftKey || event.altKey) return null; // Shift+Enter: a new line in both modes
      return this.enterSends() ? this.clear('enter') : null;
    }
    if (event.type === 'submit') {
      const submitter = (event as SubmitEvent).submitter;
      // a click on Send was already reported as 'button'; its submit is the same send
      if (submitter && matches(submitter, selectors.messageSendButton)) return null;
      return this.clear('submit');
    }
    return null;
  }

  private clear<T extends SendTrigger>(trigger: T): T {
    this.quickReply = null;
    return trigger;
  }

  resend(trigger: SendTrigger, heldEvent: Event): void {
    switch (trigger) {
      case 'button':
        return clickAgain(heldEvent, () => queryFirst(this.form(), selectors.messageSendButton), 'Send button', selectors.messageSendButton);
      case 'quick-reply':
        return clickAgain(heldEvent, () => null, 'quick-reply button', selectors.quickReplyButton);
      case 'submit': {
        const form = this.form();
        if (!(form instanceof (form.ownerDocument.defaultView?.HTMLFormElement ?? HTMLFormElement))) {
          throw new AdapterError('linkedin', 'a <form> to submit', describe(selectors.messageForm));
        }
        return form.requestSubmit();
      }
      case 'enter':
      case 'ctrl-enter':
        return enterKeydown(this.editor(), heldEvent);
      default:
        throw new AdapterError('linkedin', `send path "${trigger}" in a message composer`, describe(selectors.messageSendButton));
    }
  }

  insertText(text: string): void {
    insertIntoEditor(this.editor(), text);
  }

  waitForSent(signal: AbortSignal): Promise<SentOutcome> {
    const outbound = () => queryAll(this.root, selectors.messageItem).filter((item) => !item.classList.contains(selectors.inboundModifier));
    const before = new Set(outbound());
    const composing = queryFirst(this.root, selectors.recipientTypeahead) !== null || queryFirst(this.root, selectors.recipientPill) !== null;
    const doc = this.root.ownerDocument;
    return waitFor(
      this.root,
      signal,
      () => outbound().some((item) => !before.has(item)),
      // "New message" turns into the new thread after the first send: LinkedIn navigates to /messaging/thread/
      () => (composing && isMessagingThread(doc.defaultView?.location.href ?? '') ? 'sent' : 'not-sent'),
    ).finally(() => {
      this.quickReply = null;
    });
  }

  badgeAnchor(): Element {
    return this.form();
  }

  markerAnchor(): Element {
    return this.editor();
  }
}

function quickReplyTextOf(button: Element): string {
  const content = queryFirst(button, selectors.quickReplyText);
  if (content) return cleanText(content.textContent);
  // aria-label "Reply to conversation with “Sounds good!”"
  const label = cleanText(button.getAttribute('aria-label'));
  const m = /[“"](.*)[”"]\s*$/.exec(label);
  return m?.[1] ?? cleanText(button.textContent);
}

// ------------------------------------------------------------------------------------------------------
// Invitation modal: "Add a note" + Send, and "Send without a note"

/** The note's character limit as the page states it ("…limit personal note to 300 characters." or "0/300"). */
export function inviteNoteLimit(root: Element): number | null {
  const text = cleanText(root.textContent);
  for (const pattern of texts.noteLimitSentence) {
    const m = pattern.exec(text);
    if (m?.[1]) return Number(m[1]);
  }
  for (const el of root.querySelectorAll('span, div, p')) {
    if (el.children.length) continue;
    const m = texts.noteCounter.exec(el.textContent ?? '');
    if (m?.[2]) return Number(m[2]);
  }
  return null;
}

class InviteComposer implements ComposerHandle {
  private withoutNote = false;

  constructor(readonly root: Element) {
    this.controls();
  }

  private note(): HTMLTextAreaElement | null {
    // absent on the landing step (before "Add a note")
    return queryFirst(this.root, selectors.inviteNote) as HTMLTextAreaElement | null;
  }

  private controls(): Element {
    const found = queryFirst(this.root, selectors.inviteSend) ?? queryFirst(this.root, selectors.inviteSendWithoutNote);
    if (!found) throw new AdapterError('linkedin', 'invitation Send control', describe([...selectors.inviteSend, ...selectors.inviteSendWithoutNote]));
    return found;
  }

  /** the note once the rep chose "Add a note"; before that the invitation itself */
  markerAnchor(): Element {
    return this.note() ?? this.root;
  }

  /** the limit LinkedIn states for this account (300 Premium, reportedly 200 Basic); null when not shown */
  get noteLimit(): number | null {
    return inviteNoteLimit(this.root);
  }

  read(): ComposerSnapshot {
    this.controls();
    const note = this.note();
    return {
      channel: 'linkedin_connect_note',
      recipients: [inviteRecipient(this.root)],
      body: this.withoutNote || !note ? '' : note.value.trim(),
    };
  }

  sendTriggerOf(event: Event): SendTrigger | null {
    const origin = originOf(event);
    if (!origin || !this.root.contains(origin) || event.type !== 'click') return null;
    const button = origin.closest('button');
    if (!button) return null;
    if (matches(button, selectors.inviteSendWithoutNote)) {
      this.withoutNote = true;
      return 'send-without-note';
    }
    if (matches(button, selectors.inviteSend)) {
      this.withoutNote = false;
      return 'button';
    }
    return null; // Enter in the note is a new line; the modal has no form
  }

  resend(trigger: SendTrigger, heldEvent: Event): void {
    if (trigger === 'send-without-note') {
      return clickAgain(heldEvent, () => queryFirst(this.root, selectors.inviteSendWithoutNote), '"Send without a note"', selectors.inviteSendWithoutNote);
    }
    if (trigger === 'button') return clickAgain(heldEvent, () => queryFirst(this.root, selectors.inviteSend), 'invitation Send', selectors.inviteSend);
    throw new AdapterError('linkedin', `send path "${trigger}" in the invitation modal`, describe(selectors.inviteSend));
  }

  insertText(text: string): void {
    const note = this.note();
    if (!note) throw new AdapterError('linkedin', 'invitation note (press "Add a note" first)', describe(selectors.inviteNote));
    insertIntoTextarea(note, text);
  }

  waitForSent(signal: AbortSignal): Promise<SentOutcome> {
    // LinkedIn closes the modal once the invitation went out; a modal still open at the timeout did not send
    return waitFor(this.root, signal, () => this.root.isConnected && !isShown(this.root), () => 'sent').finally(() => {
      this.withoutNote = false;
    });
  }
}

function inviteRecipient(root: Element): PageRecipient {
  const urls = pageUrlsOf(root);
  let ref: LinkedInRef | null = null;
  for (const url of urls) {
    const vanity = inviteVanityOf(url);
    if (vanity) ref = { vanity, profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(vanity)}/` };
    else if (isProfile(url)) ref = profileRefOf(url.href);
    if (ref) break;
  }
  if (!ref) throw new AdapterError('linkedin', 'invitation recipient', 'page URL /in/<slug>/ or /preload/custom-invite/?vanityName=<slug>');
  // On a profile page the top card (this document, or the top one from the /preload/ iframe) adds name,
  // member id and degree; a directly loaded invite page has no card, so the vanity is all we know.
  const card = documentsOf(root).map((doc) => readTopCard(doc)).find((c) => c !== null) ?? null;
  const linkedin: LinkedInRef = { ...ref, ...(card?.memberId && !ref.memberId ? { memberId: card.memberId } : {}) };
  const signals = card ? { ...(card.degree ? { degree: card.degree } : {}), ...(card.openTo.length ? { openTo: card.openTo } : {}), ...(card.restrictedVisibility ? { restrictedVisibility: true } : {}) } : {};
  return {
    key: keyOf(linkedin, 'invite'),
    ...(card?.name ? { displayName: card.name } : {}),
    linkedin,
    ...(Object.keys(signals).length ? { signals } : {}),
  };
}

// ------------------------------------------------------------------------------------------------------
// Sales Navigator: textarea composer, subject required for InMail

class SalesNavComposer implements ComposerHandle {
  constructor(readonly root: Element) {
    this.textarea();
  }

  private form(): HTMLFormElement {
    return requireIn(this.root, 'salesNavForm', 'Sales Navigator compose form') as HTMLFormElement;
  }

  private textarea(): HTMLTextAreaElement {
    return requireIn(this.form(), 'salesNavBody', 'Sales Navigator message field') as HTMLTextAreaElement;
  }

  read(): ComposerSnapshot {
    const subject = queryFirst(this.form(), selectors.salesNavSubject) as HTMLInputElement | null;
    return {
      channel: subject ? 'linkedin_inmail' : 'linkedin_dm',
      recipients: [this.recipient()],
      ...(subject ? { subject: subject.value } : {}),
      body: this.textarea().value.trim(),
    };
  }

  private recipient(): PageRecipient {
    const link = queryFirst(this.root, selectors.salesNavLeadLink);
    let leadId = link ? salesNavLeadIdOf(link.getAttribute('href') ?? '') : null;
    // the composer opened on a lead page: the page URL names the lead when the dialog has no link
    leadId ??= pageUrlsOf(this.root).filter(isSalesNavLead).map((u) => salesNavLeadIdOf(u.href)).find(Boolean) ?? null;
    if (!leadId) throw new AdapterError('linkedin', 'Sales Navigator lead id', describe(selectors.salesNavLeadLink));
    const name = cleanText(link?.textContent) || cleanText(this.root.getAttribute('aria-label')).replace(/^Conversation with\s+/i, '');
    const degreeEl = queryFirst(this.root, selectors.salesNavDegree);
    const degree = degreeEl ? degreeOf(degreeEl.getAttribute('aria-label') ?? '') : undefined;
    // Only system rows count (README): a row that names its sender is a message, and the rep's own text
    // ("no worries if Acme isn't interested") would otherwise block the lead as having objected (GD-10).
    const declined = queryAll(this.root, selectors.salesNavMessage)
      .filter((row) => !queryFirst(row, selectors.salesNavMessageSender))
      .some((row) => mentionsDeclinedInMail(cleanText(row.textContent)));
    const signals = { ...(degree ? { degree } : {}), ...(declined ? { declinedInMail: true } : {}) };
    const linkedin: LinkedInRef = { salesNavLeadId: leadId, profileUrl: `https://www.linkedin.com/sales/lead/${leadId}` };
    return {
      key: keyOf(linkedin, 'lead'),
      ...(name ? { displayName: name } : {}),
      linkedin,
      ...(Object.keys(signals).length ? { signals } : {}),
    };
  }

  sendTriggerOf(event: Event): SendTrigger | null {
    const origin = originOf(event);
    if (!origin || !this.root.contains(origin)) return null;
    if (event.type === 'click') {
      const button = origin.closest('button');
      return button && this.form().contains(button) && matches(button, selectors.salesNavSend) ? 'button' : null;
    }
    if (isEnterKey(event)) {
      // plain Enter is a new line in this textarea (JOA); Ctrl/Cmd+Enter is what helpers bind to Send
      if (!origin.closest(selectors.salesNavBody.join(','))) return null;
      return event.ctrlKey || event.metaKey ? 'ctrl-enter' : null;
    }
    if (event.type === 'submit') {
      const submitter = (event as SubmitEvent).submitter;
      if (submitter && matches(submitter, selectors.salesNavSend)) return null; // counted as its click
      return 'submit';
    }
    return null;
  }

  resend(trigger: SendTrigger, heldEvent: Event): void {
    switch (trigger) {
      case 'button':
        return clickAgain(heldEvent, () => queryFirst(this.form(), selectors.salesNavSend), 'Sales Navigator Send', selectors.salesNavSend);
      case 'submit':
        return this.form().requestSubmit();
      case 'ctrl-enter':
      case 'enter':
        return enterKeydown(this.textarea(), heldEvent);
      default:
        throw new AdapterError('linkedin', `send path "${trigger}" in Sales Navigator`, describe(selectors.salesNavSend));
    }
  }

  insertText(text: string): void {
    insertIntoTextarea(this.textarea(), text);
  }

  waitForSent(signal: AbortSignal): Promise<SentOutcome> {
    const ours = () => queryAll(this.root, selectors.salesNavOutbound);
    const before = new Set(ours());
    return waitFor(this.root, signal, () => ours().some((el) => !before.has(el)), () => 'not-sent');
  }

  badgeAnchor(): Element {
    return this.form();
  }

  markerAnchor(): Element {
    return this.textarea();
  }
}

// ------------------------------------------------------------------------------------------------------

export const linkedInAdapter: SiteAdapter = {
  site: 'linkedin',
  defaultChannel: 'linkedin_dm',
  isGuardedPage: (url) => isGuardedPage(url),
  composerRootSelectors: selectors.composerRoots,
  shadowHostSelectors: selectors.shadowHosts,
  // "a composer is here" even when no root above matched (a renamed bubble, a moved modal). Each one holds
  // the editor AND its send controls, so the guard's fallback hold still sees the Send click.
  expectedComposerSelectors: [...selectors.messageForm, ...selectors.inviteModalOverlay, ...selectors.salesNavForm],
  composerFor(root: Element): ComposerHandle {
    if (root.matches('div.artdeco-modal.send-invite[role="dialog"]')) return new InviteComposer(root);
    if (root.matches('section[role="dialog"]')) return new SalesNavComposer(root);
    if (root.matches('div.msg-overlay-conversation-bubble') || root.matches('div.msg-thread')) return new MessageComposer(root);
    throw new AdapterError('linkedin', 'a known composer root', describe(selectors.composerRoots));
  },
};
