import { AdapterError, type ComposerHandle, type ComposerSnapshot, type SendTrigger, type SentOutcome } from '../../guard/adapter';
import type { LinkedInRef, PageRecipient } from '../../messaging/common';
import { cleanText, originOf, pageUrlsOf, requireIn } from './dom';
import { isSalesNavLead, salesNavLeadIdOf } from './detect';
import { insertIntoTextarea } from './insert';
import { degreeOf, keyOf, mentionsDeclinedInMail } from './recipients';
import { describe, selectors } from './selectors';
import { queryAll, queryFirst } from '../shared/dom';
import { clickAgain, enterKeydown, isEnterKey, matches, waitFor } from './send';

// ------------------------------------------------------------------------------------------------------
// Sales Navigator: textarea composer, subject required for InMail

export class SalesNavComposer implements ComposerHandle {
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

