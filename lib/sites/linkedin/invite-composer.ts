import { AdapterError, type ComposerHandle, type ComposerSnapshot, type SendTrigger, type SentOutcome } from '../../guard/adapter';
import type { LinkedInRef, PageRecipient } from '../../messaging/common';
import { cleanText, documentsOf, isShown, originOf, pageUrlsOf } from './dom';
import { inviteVanityOf, isProfile, profileRefOf } from './detect';
import { insertIntoTextarea } from './insert';
import { readTopCard } from './profile';
import { keyOf } from './recipients';
import { describe, selectors, texts } from './selectors';
import { queryFirst } from '../shared/dom';
import { clickAgain, matches, waitFor } from './send';

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

export class InviteComposer implements ComposerHandle {
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
