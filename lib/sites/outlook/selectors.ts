// Outlook on the web (new Outlook: Fluent UI v9 + roosterjs) compose DOM, as data. One entry per variant
// with the reason it exists; sources in docs/research/webmail-dom.md §4. Ids, data-*, roles and the
// roosterjs/Fluent class names come first; translated labels only as the last fallback. Every selector is
// tested against every fixture in tests/unit/sites/outlook/selectors.test.ts.

export type OutlookField = 'to' | 'cc' | 'bcc';
export const outlookFields: readonly OutlookField[] = ['to', 'cc', 'bcc'];

const suffix: Record<OutlookField, string> = { to: '_TO', cc: '_CC', bcc: '_BCC' };

export const outlookSelectors = {
  composeRoot: [
    '[id^="docking_InitVisiblePart"]', // compose docked in the reading pane, also inline replies (BR, AUTO, LINK)
    '[data-app-section="Form_Content"]', // compose popped out into its own window (BR, LINK)
  ],
  /** the popped-out compose window, which closes itself once the send is accepted */
  popoutRoot: ['[data-app-section="Form_Content"]'],
  /** an Outlook editor exists: if no compose root holds it, our root selectors have drifted */
  expectedCompose: [
    '[id^="editorParent_"] [contenteditable="true"][role="textbox"]', // the body editor (CN)
  ],
  /** the To/Cc/Bcc group; MSG_<draft>_TO etc., language-independent (DLP, BR, OWA-DOC) */
  field: (field: OutlookField): readonly string[] => [
    `[id^="MSG_"][id$="${suffix[field]}"]`, // new Outlook 2024-2026
  ],
  /** the recipient editor inside a field group */
  fieldEditor: [
    '[contenteditable="true"]', // roosterjs well (DLP, OWA-DOC, BR)
  ],
  /** a resolved recipient: a roosterjs entity (BMAIL, ROO, CN, PASTE) */
  chip: [
    '._EType_RECIPIENT_ENTITY', // roosterjs entity class, 2024-2026
    '[contenteditable="false"][id^="REK"]', // the same chip by its UIA id, should the entity class change (AUTO)
  ],
  /** the visible text of a chip: a name, an address or "Name <addr>" (BR, BMAIL) */
  chipText: [
    '[class*="textContainer-"]', // hashed Fluent class prefix (BR)
    '[class*="individualText-"]', // same text, other class (BMAIL)
  ],
  /** the draft id carrier: the subject input's id is MSG_<draft>_SUBJECT (OWA-DOC) */
  subject: [
    'input[id^="MSG_"][id$="_SUBJECT"]', // 2024-2026
    'input[aria-label="Subject"]', // label fallback, en
    'input[aria-label="Add a subject"]', // label fallback, older OWA (2021-2023)
    'input[aria-label="Onderwerp"]', // label fallback, nl (unverified)
  ],
  body: [
    '[id^="editorParent_"] [contenteditable="true"][role="textbox"]', // roosterjs editor (CN, BMAIL)
    '[contenteditable="true"][role="textbox"][aria-multiline="true"]', // the only multi-line textbox (BR)
    '[contenteditable="true"][aria-label="Message body"]', // label fallback, en (OWA-DOC)
    '[contenteditable="true"][aria-label="Message body, press Alt+F10 to exit"]', // older label (AUTO)
    '[contenteditable="true"][aria-label="Berichttekst"]', // label fallback, nl (one source)
  ],
  /** where quoted history starts in a reply or forward; everything from here down is not the rep's text */
  quoteStart: [
    '#appendonsend', // marker before the reply separator (OWAMAIL, LINK)
    '#divRplyFwdMsg', // "From: … Sent: …" header block (OWAMAIL, LINK)
    '#mail-editor-reference-message-container', // the quoted message container (LINK)
    '[id^="x_divRplyFwdMsg"]', // same header block when the quote itself was quoted
  ],
  signature: [
    '#Signature', // OWA signature block (OWAMAIL, LINK)
    '[id^="x_Signature"]', // a quoted signature (rare as first anchor, kept for order)
  ],
  /** paragraph class new Outlook gives typed lines; our inserted text matches it (OWAMAIL) */
  paragraphClass: 'elementToProof',

  sendButton: [
    '[data-testid="ComposeSendButton"] button[id$="__primaryActionButton"]', // Send split button (OWA-DOC, DLP, FUI)
    '[data-testid="ComposeSendButton"] button.fui-SplitButton__primaryActionButton', // same, by class
    'button[id$="__primaryActionButton"][title*="Ctrl+Enter"]', // without the test id wrapper (DLP, CN)
    'button[title*="Ctrl+Enter"]', // any button advertising the send shortcut (CN)
    'button[aria-label="Send"]', // label fallback, en (OWA-DOC)
    'button[aria-label="Verzenden"]', // label fallback, nl (unverified)
    'button[name="Send"]', // older OWA (≤2022) (TOGGL)
  ],
  /** the ▾ half of the Send split button; opens Schedule send (FUI) */
  sendMenuButton: ['[data-testid="ComposeSendButton"] .fui-SplitButton__menuButton'],
  discardButton: ['#discardCompose'],
  popoutButton: ['#popoutCompose'],
  /** Outlook refused the send (unresolved name, no recipients): a dialog appears */
  sendErrorDialog: ['[role=alertdialog]'],
} as const;
