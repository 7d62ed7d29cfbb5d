// LinkedIn selectors as data (style.md §1): every entry is its own array element with a comment naming the
// variant it matches. Sources and confidence: docs/research/linkedin-dom.md §1 (tags in brackets).
// Never select on hashed class tokens (_93e2ccf0, _primary_ps32ck…): they change with every deploy.
//
// All selectors are plain CSS evaluated inside one tree. The guard's observer runs them in the document,
// in every open shadow root (#interop-outlet) and in same-origin frames (/preload/?_bprMode=vanilla), so no
// selector here needs to know which of the three renderings it is in.

export const selectors = {
  /** Roots the guard watches: one per conversation/modal (the element that carries data-outreach-guard-state). */
  composerRoots: [
    // overlay conversation bubble: classic page #msg-overlay, inside #interop-outlet's shadow root, or the
    // /preload/ iframe — the same Ember component in all three [SPF, OVL-EN, 1.5]
    'div.msg-overlay-conversation-bubble',
    // full messaging page thread, and /messaging/compose/ ("New message", class msg-compose-container) [CCL-SV-thread, CCL-SV-compose]
    'div.msg-thread',
    // invitation modal: light DOM at /preload/custom-invite/, or inside #interop-outlet's shadow root [CCL-SV-invite, BRAVE]
    'div.artdeco-modal.send-invite[role="dialog"]',
    // Sales Navigator conversation/InMail dialog [SN-TX]
    'section[role="dialog"][aria-label^="Conversation with "]',
  ],

  /** Hosts whose open shadow root LinkedIn attaches after inserting them (SDUI pages) [research §0]. */
  shadowHosts: [
    // Ember widgets (bubble, invite modal) on SDUI pages [BRAVE, BRK, two unnamed sources]
    'div#interop-outlet',
  ],

  /** The message form inside a flagship conversation (overlay or thread page). */
  messageForm: [
    // thread page and 2022/23 overlay: <form class="msg-form"> [CCL-SV-thread]
    'form.msg-form',
    // 2026 overlay bubble renders the compose area as a <div class="msg-form"> [DRAFT]
    'div.msg-form',
  ],
  /** The flagship editor (contenteditable; empty = <p><br></p>). */
  messageEditor: [
    // all flagship composers, measured 2026-10-04 [CCL-MSG, CCL-SV-sendopt]
    'div.msg-form__contenteditable[contenteditable="true"][role="textbox"]',
  ],
  /** Flagship Send button; absent (or hidden) in "Press Enter to Send" mode. */
  messageSendButton: [
    // type=submit, text "Send", disabled while empty [CCL-SV-sendopt]
    'button.msg-form__send-button',
  ],
  /** The send-options toggle: present in both send modes, so it proves the footer rendered. */
  messageSendToggle: [
    // "Open send options" [CCL-MSG, SPF]
    'button.msg-form__send-toggle',
    // data hook of the same toggle [CCL-SV-sendopt]
    'button[data-test-msg-ui-send-mode-toggle-presenter__button]',
  ],
  /** Send-mode radios when the options menu is open (GUESS markup, research §4.2). */
  enterToSendRadio: [
    // inferred hovercard markup: the checked radio of "Press Enter to Send"
    '.msg-form__hovercard input[type="radio"]#send-on-enter',
  ],
  /** InMail / message-request subject: present = InMail (Premium). */
  messageSubject: [
    // flagship overlay/thread InMail [BRK linkedin.js]
    'input[name="subject"]',
    // older Ember class [older Selenium scripts]
    'input.msg-form__subject',
  ],
  /** Quick replies: one click sends a canned message, bypassing the composer. */
  quickReplyButton: [
    // [CCL-S QUICK_REPLY_ARIA, SPF]
    'button.conversations-quick-replies__reply-button',
  ],
  quickReplyText: [
    // the visible canned text inside the button [SPF]
    '.conversations-quick-replies__reply-content',
  ],

  /** Thread contents. */
  messageEvent: [
    // one message (count these) [CCL-S THREAD_EVENT]
    'li.msg-s-message-list__event',
  ],
  messageItem: [
    // the message inside an event; --other = inbound [CCL-SV-thread]
    'div.msg-s-event-listitem',
  ],
  inboundModifier: 'msg-s-event-listitem--other',
  /** System notices in a thread (declined InMail and similar). GUESS markup: no capture exists. */
  threadNotice: [
    // system message row in the list (GUESS, research §6 gap)
    '.msg-s-event-listitem__system-message',
  ],

  /** Recipient header, full messaging page. */
  threadHeaderLink: [
    // a.msg-thread__link-to-profile[href^="https://www.linkedin.com/in/"] [CCL-SV-thread]
    'a.msg-thread__link-to-profile',
  ],
  threadHeaderName: [
    // exact name [CCL-MSG]
    'h2.msg-entity-lockup__entity-title',
  ],
  /** Recipient header, overlay bubble. */
  bubbleHeaderLink: [
    // h2 > a[href^="/in/"] > span; href may be /in/ACoAA…/ (member id) [SPF, 1.5]
    'h2.msg-overlay-bubble-header__title a',
  ],
  bubbleHeaderTitle: [
    // "New message" on a compose bubble; a name otherwise [OVL-EN, BRK]
    'h2.msg-overlay-bubble-header__title',
  ],
  /** 1:1 profile card at the top of a thread (degree lives here). */
  profileCardLink: [
    // [SPF, OVL-EN]
    '.msg-s-profile-card-one-to-one a.profile-card-one-to-one__profile-link',
  ],
  profileCardDegree: [
    // "· 1st" [SPF, OVL-EN]
    '.msg-s-profile-card .artdeco-entity-lockup__degree',
  ],
  profileCard: [
    // the card (Open-to text is searched here) [SPF]
    '.msg-s-profile-card',
  ],
  /** Senders of inbound messages (fallback identity for group threads). */
  inboundSenderLink: [
    // avatar link of an inbound message [CCL-SV-thread]
    '.msg-s-event-listitem--other a.msg-s-event-listitem__link',
  ],

  /** "New message": recipient pills. */
  recipientPill: [
    // one pill per recipient; aria-label "Remove <Full Name>" [CCL-MSG, OVL-EN]
    '.msg-connections-typeahead__added-recipients button.artdeco-pill',
  ],
  recipientPillText: [
    // [OVL-EN]
    '.artdeco-pill__text',
  ],
  recipientTypeahead: [
    // the recipient search field of "New message" [CCL-SV-compose]
    'input.msg-connections-typeahead__search-field',
  ],

  /** Invitation modal. */
  inviteModalOverlay: [
    // the overlay around the invite modal; holds the modal and all its buttons [CCL-SV-invite, CCL-S INVITE_MODAL]
    'div[data-test-modal-id="send-invite-modal"]',
  ],
  inviteNote: [
    // measured: textarea#custom-message[name=message], no maxlength [CCL-SV-invite]
    'textarea#custom-message',
    // same textarea by its Ember class [BRAVE]
    'textarea.connect-button-send-invite__custom-message',
  ],
  inviteSend: [
    // "Send invitation" (visible text "Send") [CCL-SV-invite, CCL-S]
    'button[aria-label="Send invitation"]',
  ],
  inviteSendWithoutNote: [
    // landing step; sends at once, no confirmation [CCL-S]
    'button[aria-label="Send without a note"]',
  ],
  inviteAddNote: [
    // landing step [CCL-S]
    'button[aria-label="Add a note"]',
  ],
  /** Where the invite modal may name its recipient (GUESS: some builds say "Invite <Name> to connect"). */
  inviteHeading: [
    // h2#send-invite-modal [CCL-SV-invite]
    'h2#send-invite-modal',
  ],

  /** Sales Navigator composer. */
  salesNavForm: [
    // [SN-TX, SN-PW]
    'form[data-x-conversation-widget="compose-form"]',
  ],
  salesNavBody: [
    // the composer is a <textarea>, not a contenteditable [SN-TX, JOA]
    'form[data-x-conversation-widget="compose-form"] textarea[name="message"]',
  ],
  salesNavSubject: [
    // "Subject (required)" = InMail [SN-TX]
    'form[data-x-conversation-widget="compose-form"] input[aria-label^="Subject"]',
    // id pattern of the subject input [SN-PW]
    'form[data-x-conversation-widget="compose-form"] input[id*="compose-form-subject"]',
  ],
  salesNavSend: [
    // the form's submit button ("Send") [SN-PW, SN-TX]
    'form[data-x-conversation-widget="compose-form"] button[type="submit"]',
    // Send carries data-sales-action [SN-PW]
    'form[data-x-conversation-widget="compose-form"] button[data-sales-action]',
  ],
  salesNavLeadLink: [
    // lead id from a[href^="/sales/lead/"] inside the dialog [SN-TX]
    'a[href^="/sales/lead/"]',
    // absolute form of the same link
    'a[href^="https://www.linkedin.com/sales/lead/"]',
  ],
  salesNavDegree: [
    // "Second-degree connection" etc. [SN-TX]
    '[aria-label$="-degree connection"]',
  ],
  salesNavOutbound: [
    // our messages: article with [aria-label="Message from you"] [SN-TX]
    'section[role="dialog"] article [aria-label="Message from you"]',
  ],
  salesNavMessage: [
    // each row of the SN thread, messages and any system notice [SN-TX]
    'section[role="dialog"] article',
  ],
  /** Who wrote a SN row: a row that names its sender is someone's message, never a system notice. */
  salesNavMessageSender: [
    // ours "Message from you" [SN-TX]; the lead's "Message from <name>" is a GUESS (salesnav-dm fixture)
    'section[role="dialog"] article [aria-label^="Message from "]',
  ],

  /** Profile page (SDUI). */
  profileTopCard: [
    // id com.linkedin.sdui.profile.card.ref<memberId>Topcard; match the suffix (the id holds dots) [CCL-S]
    'div[id$="Topcard"]',
  ],
  profileName: [
    // the top card's only h2 [CCL-PPL]
    'div[id$="Topcard"] h2',
  ],
  profileContactInfoLink: [
    // anchor to find the identity block; we never open it [CCL-PPL]
    'div[id$="Topcard"] a[href*="/overlay/contact-info/"]',
  ],
  profileCompanyIcon: [
    // the company pill's icon; the pill is its closest [role=button] [CCL-PPL]
    'div[id$="Topcard"] [role="button"] svg[id^="company-"]',
  ],
  profileBadgeParagraph: [
    // degree "· 2nd" is a bare <p> in the identity block; rendered twice, one hidden [CCL-S DEGREE_TEXT]
    'div[id$="Topcard"] p',
  ],

  /** Sales Navigator lead page. */
  salesNavLeadHeader: [
    // section whose class contains "header" (holds h1[data-anonymize="person-name"]) [three unnamed sources]
    'section[class*="header"]',
  ],
  salesNavLeadName: [
    // [three unnamed sources]
    '[data-anonymize="person-name"]',
  ],
  salesNavLeadHeadline: [
    // [three unnamed sources]
    '[data-anonymize="headline"]',
  ],
  salesNavLeadCompany: [
    // [three unnamed sources]
    '[data-anonymize="company-name"]',
  ],
} as const;

export type SelectorName = keyof typeof selectors;

/** Selector groups that are lists (the table the fixture test walks). */
export type SelectorList = { [K in SelectorName]: (typeof selectors)[K] extends readonly string[] ? K : never }[SelectorName];

/** The list as one string for error messages and logs (never used to query). */
export function describe(variants: readonly string[]): string {
  return variants.join(' | ');
}

// Text anchors (English and Dutch). Used only where no class/data hook exists; see research §6.6.
export const texts = {
  /** "Please limit personal note to 300 characters." [CCL-SV-invite]; Dutch wording is a GUESS */
  noteLimitSentence: [/limit personal note to (\d+) characters/i, /persoonlijke notitie (?:tot|van maximaal) (\d+) tekens/i],
  /** the "0/300" counter [CCL-S NOTE_COUNTER] */
  noteCounter: /^\s*(\d+)\s*\/\s*(\d+)\s*$/,
  /** a recipient declined an earlier InMail (GUESS wording; LinkedIn's CAN-SPAM page says "declined") */
  declinedInMail: [/declined your (?:InMail|message)/i, /isn[’']t interested(?: at this time)?/i, /heeft (?:je|uw) (?:InMail|bericht) afgewezen/i],
  /** "Open to" signals on a card (GUESS wording beyond "Open to work"/#OpenToWork) */
  openTo: [
    { kind: 'work', pattern: /#?open\s*to\s*work|open_to_work|staat open voor werk/i },
    { kind: 'hiring', pattern: /#?hiring\b|is aan het werven/i },
    { kind: 'services', pattern: /providing services|open to services|biedt diensten aan/i },
  ],
  /** a profile that limits who may see it: out of network / anonymised name (GUESS, see profile.ts) */
  restrictedName: /^(LinkedIn Member|LinkedIn-lid|Lid van LinkedIn)$/i,
  restrictedMarker: [/\bout of network\b/i, /\bbuiten (?:je|uw) netwerk\b/i, /this profile is not available/i, /profile is private/i, /dit profiel is (?:niet beschikbaar|privé)/i],
  /** a whole degree badge: "· 2nd", "3rd+", "1st degree connection", "Second-degree connection", "· 2e" */
  degree: /^\s*(?:·\s*)?(?:(1st|2nd|3rd)\+?(?:\s+degree(?:\s+connection)?)?|(First|Second|Third)-degree connection|(1e|2e|3e)\+?)\s*$/i,
} as const;
