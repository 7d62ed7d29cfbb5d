import { AdapterError, type ComposerHandle, type ComposerSnapshot, type SendTrigger, type SentOutcome } from '../../guard/adapter';
import { cleanText, editorText, isShown, originOf, requireIn } from './dom';
import { isMessagingThread } from './detect';
import { insertIntoEditor } from './insert';
import { conversationRecipients } from './recipients';
import { describe, selectors } from './selectors';
import { queryAll, queryFirst } from '../shared/dom';
import { clickAgain, enterKeydown, isEnterKey, matches, SENT_TIMEOUT_MS, waitFor } from './send';

// ------------------------------------------------------------------------------------------------------
// Flagship messaging: overlay bubble, thread page, "New message"

export class MessageComposer implements ComposerHandle {
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
