import type { Channel, PageRecipient, Site } from '../messaging/common';

// The contract between the shared guard (lib/guard) and each site's adapter (lib/sites/<site>/adapter.ts).
// Adapters know the site's DOM and nothing of the law; the guard knows the hold flow and nothing of a site.

/** What a composer holds right now. */
export interface ComposerSnapshot {
  channel: Channel;
  recipients: PageRecipient[];
  subject?: string;
  /** the text the rep wrote, without quoted history (what the engine analyses) */
  body: string;
}

/** How a send was triggered; the guard re-issues the same path after approval. */
export type SendTrigger =
  | 'button'
  | 'enter'
  | 'ctrl-enter'
  | 'submit'
  | 'quick-reply'
  | 'schedule'
  | 'send-without-note';

export type SentOutcome = 'sent' | 'not-sent';

/**
 * Thrown by an adapter when a required element is missing. The guard shows "guard not active here"
 * and logs `selector` — never a silent pass.
 */
export class AdapterError extends Error {
  constructor(
    readonly site: Site,
    readonly what: string,
    readonly selector: string,
  ) {
    super(`[${site}] could not find ${what} (${selector})`);
    this.name = 'AdapterError';
  }
}

/** One composer on the page (a message form, an invitation modal, a mail compose window). */
export interface ComposerHandle {
  /** the element that carries data-outreach-guard-state and is watched for removal */
  readonly root: Element;
  /** read recipients, subject and body; throws AdapterError when a required part is missing */
  read(): ComposerSnapshot;
  /**
   * Called in the capture phase for click, keydown and submit events whose composed path touches root.
   * Returns which send path the event is, or null when it is not a send.
   */
  sendTriggerOf(event: Event): SendTrigger | null;
  /** Re-issue a held send after the guard allowed it (the guard lets this one through). */
  resend(trigger: SendTrigger, heldEvent: Event): void;
  /** Insert text where the site expects it (LinkedIn: end of draft; Gmail: above quoted text). */
  insertText(text: string): void;
  /** Remove one recipient from the composer (webmail). Returns false when the site offers no way. */
  removeRecipient?(key: string): boolean;
  /** Resolves when it is known whether the held-then-released (or clean) send really left. */
  waitForSent(signal: AbortSignal): Promise<SentOutcome>;
  /** where the small status badge goes (defaults to root) */
  badgeAnchor?(): Element;
}

export interface SiteAdapter {
  readonly site: Site;
  /** pure: does this URL show surfaces the guard must watch? */
  isGuardedPage(url: URL): boolean;
  /** CSS selectors of composer roots, each a separate array entry (no long comma-joined strings) */
  readonly composerRootSelectors: readonly string[];
  /** wrap a matched root; throws AdapterError when it is not a usable composer */
  composerFor(root: Element): ComposerHandle;
  /**
   * Selectors that mean "a composer should be here" (e.g. a messaging form without its editor). When one
   * matches but composerFor fails, the guard shows the inactive badge.
   */
  readonly expectedComposerSelectors?: readonly string[];
  /**
   * Shadow hosts whose open root the page attaches after inserting the host (LinkedIn's '#interop-outlet');
   * the guard's observer waits for their root. Other shadow roots are found when their host appears.
   */
  readonly shadowHostSelectors?: readonly string[];
  /**
   * Further event types (besides click, keydown, submit) that can send, e.g. 'mouseup' for Gmail's
   * Schedule send menu item. sendTriggerOf is then called for them too.
   */
  readonly extraSendEvents?: readonly string[];
  /**
   * Whether a plain Enter in a composer's editor can send on this site (LinkedIn's "Press Enter to Send").
   * In a composer the adapter cannot read, the guard then holds Enter without Shift in an editable field,
   * since it cannot tell which mode is on. Default true (an unchecked send is worse than a held newline);
   * sites where Enter only ever starts a new line (Gmail, Outlook) set false.
   */
  readonly plainEnterMaySend?: boolean;
}
