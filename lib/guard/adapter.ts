import type { PageRecipient, Site } from '../messaging/common';
import type { Channel } from '../model/vocabulary';

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
  /**
   * The element whose bottom-right corner the composer marker sits in: the message editor, where no control
   * of the site is (Send and the toolbars are elsewhere). Defaults to root.
   */
  markerAnchor?(): Element;
  /**
   * True when this composer's window closes itself once the send is accepted (Gmail's and Outlook's pop-out
   * compose windows): waitForSent may then never answer, so the guard writes a provisional "sent" record to
   * the persistent queue before the send goes, and confirms or drops it when waitForSent does answer.
   */
  closesOnSend?(): boolean;
}

export interface SiteAdapter {
  readonly site: Site;
  /** the channel of a send whose composer could not be read (its "send anyway" is still logged) */
  readonly defaultChannel: Channel;
  /**
   * attributes (beyond value, aria-label, href) whose change means a recipient changed, e.g. Gmail's chip
   * address; per site, so they are watched also before a composer could be read
   */
  readonly changeAttributes?: readonly string[];
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
   * Shadow hosts that can hold a composer (LinkedIn's '#interop-outlet'): the guard's observer looks for them
   * in every inserted subtree and waits for a root attached after insertion. Undeclared shadow roots are found
   * only at start and when the host itself is inserted with its root (a per-element walk of every insertion
   * costs too much on busy pages); a composer in one is still picked up from the send event's path.
   */
  readonly shadowHostSelectors?: readonly string[];
  /**
   * For a click/keydown/extra event whose path touches no composer root: the composer root it belongs to, or
   * null. Sites that render a composer's menus outside it (Gmail's Schedule send menu outside .M9) attribute
   * such events here; the guard then treats the event as that composer's (sendTriggerOf, resend). Called for
   * every such event on the page: keep it to a closest() on the target before anything else. null means "not
   * a composer's event"; throw (an AdapterError) for a send whose composer cannot be told, so the guard holds it.
   */
  composerOfEvent?(event: Event): Element | null;
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
