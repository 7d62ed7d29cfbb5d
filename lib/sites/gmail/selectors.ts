// Gmail compose DOM, as data. Each entry is one variant with the reason it exists; sources are in
// docs/research/webmail-dom.md (§1-§2). Only language-independent hooks (classes, name, role, data-*)
// come first; translated labels appear only as the last fallback of a list. Every selector is tested
// against every fixture in tests/unit/sites/gmail/selectors.test.ts.

export type RecipientField = 'to' | 'cc' | 'bcc';
export const recipientFields: readonly RecipientField[] = ['to', 'cc', 'bcc'];

export const gmailSelectors = {
  /** the compose core: the same element in floating, pop-out, full-screen and inline composes */
  composeRoot: [
    'div.M9', // every PeopleKit-era compose (ISDK, gmail.js `closest("div.M9")`, Briskine)
  ],
  /** a compose should be here: a Gmail editor outside any .M9 means our root selector has drifted */
  expectedCompose: [
    '.Ap [g_editable="true"]', // the compose body editor (ISDK getMaybeBodyElement); .Ap keeps settings' signature editor out
  ],
  /** kinds of compose, found from the root upwards */
  floatingDialog: [
    'div.nH.Hd[role=dialog]', // floating "New message" mole (ISDK ComposeView element, EB)
  ],
  fullscreenContainer: [
    'div.aSt', // body > div.aSs > div.aSt holds the full-screen compose dialog (ISDK)
  ],
  inlineReplyContainer: [
    'div.ip', // the reply box under a message; gets .adB while open (ISDK gmail-message-view)
    'div.gA', // reply box in other views (FlowCrypt)
  ],
  /** standalone pop-out window (?view=cm): the page body carries these classes */
  standaloneBody: [
    'body.xE.xp', // ISDK isStandaloneComposeWindow
  ],
  /** reply / reply-all / forward marker in the compose's type menu (FlowCrypt) */
  replyTypeIcon: {
    reply: ['.J-JN-M-I-Jm img.mL'],
    replyAll: ['.J-JN-M-I-Jm img.mK'],
    forward: ['.J-JN-M-I-Jm img.mI'],
  },

  /** one recipient field; never look for chips outside it (suggestions and From also carry hovercards) */
  field: (field: RecipientField): readonly string[] => [
    `.anm[name="${field}"]`, // PeopleKit row (ISDK page-parser, gmail.js `div[name=to]`)
  ],
  /** chips inside a field; the address is data-hovercard-id, the name data-name (ISDK get-recipients) */
  chip: [
    '[role=listbox] [role=option]', // PeopleKit chip (ISDK exact path ends in [role=option][data-name])
  ],
  chipAddressAttribute: 'data-hovercard-id',
  chipNameAttribute: 'data-name',
  /** the ✕ on a chip (Mailvelope test `.afV > .afW > .af6 > .afX`, ISDK set-recipients) */
  chipRemove: [
    '.afX[role=button]', // 2021-2026 chip remove button
    '.afX', // same, should Gmail drop the role
  ],
  /** the box where an address is typed before it becomes a chip (VN dump, ISDK, gmail.js) */
  typingInput: [
    'input[peoplekit-id]', // PeopleKit input (peoplekit-id="BbVjBd")
    'input[role=combobox]', // same input should the peoplekit-id change
  ],
  /** the classic (pre-2021) recipient UI, still handled by InboxSDK: chips with hidden inputs */
  classicChip: (field: RecipientField): readonly string[] => [
    `.vR input[type=hidden][name="${field}"]`, // value "Name <addr>" (ISDK getOldRecipientRowForType)
  ],
  classicTyping: (field: RecipientField): readonly string[] => [
    `textarea.vO[name="${field}"]`, // classic typing box (EB)
  ],
  /** recipient rows collapsed while the body has focus; the summary line re-opens them (ISDK, Briskine) */
  recipientRows: ['.fX.aiL'],
  recipientSummary: ['.aoD.hl'],

  subject: [
    'input[name=subjectbox]', // visible subject (ISDK, gmail.js, EB, VN)
  ],
  /** inline replies hide the subject box; the real "Re: …" subject is a hidden form field (Briskine) */
  hiddenSubject: ['input[type=hidden][name=subject]'],

  body: [
    '.Ap [g_editable="true"]', // ISDK getMaybeBodyElement
    '[g_editable="true"][role=textbox]', // same editor outside the .Ap cell (layout change)
    'div[contenteditable=true][role=textbox][aria-multiline=true]', // role-only fallback
    'div[contenteditable=true][aria-label="Message Body"]', // label fallback, en (EB)
    'div[contenteditable=true][aria-label="Berichttekst"]', // label fallback, nl (one source, unverified)
  ],
  /** quoted history inside the body; the rep did not write it (LINK config, Gmail output) */
  quoted: [
    '.gmail_quote_container', // wrapper Gmail adds around the quote (2024+ output)
    '.gmail_quote', // reply and forward quotes
    'blockquote.gmail_quote', // same, when Gmail keeps only the blockquote
  ],
  /** where the disclosure goes when there is no quoted text: above the signature */
  signature: [
    '.gmail_signature_prefix', // the "-- " line before the signature
    '.gmail_signature', // signature block
    '[data-smartmail="gmail_signature"]', // same block, by data attribute
  ],

  /** Send (not Send & archive, not the ▾ menu) (ISDK getSendButton) */
  sendButton: [
    '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])', // ISDK getSendButton
    'div.T-I.aoO[role=button]', // gmail.js send_button / EB class list
    '[role=button][jslog^="32601;"]', // Send's jslog id in 2019 and 2024 dumps (observation)
    'div[role=button][data-tooltip^="Send"]', // label fallback, en
    'div[role=button][data-tooltip^="Verzenden"]', // label fallback, nl (unverified)
  ],
  /** Send & archive, shown in replies when enabled (ISDK) */
  sendAndArchiveButton: ['.IZ .Up div > div[role=button].Uo'],
  /** the ▾ next to Send that opens Schedule send (ISDK getMoreSendOptionsButton, SCH) */
  moreSendOptions: ['.IZ .Up .hG[role=button]', 'div.hG[role=button][aria-haspopup=true]'],
  /** the Schedule send menu item; `selector` is language-independent (ISDK, SCH) */
  scheduleSendItem: ['[role=menuitem][selector="scheduledSend"]'],

  /** the status badge sits next to Send */
  badgeAnchor: ['.IZ .Up'],
  /** Gmail refused the send (e.g. an invalid address): an alert dialog appears (ISDK presending) */
  sendErrorDialog: ['[role=alertdialog]'],
  /**
   * The "Message sent · Undo · View message" notice. The ids are what Gmail has used for years
   * (link_undo / link_vsm); unverified in the research sources, hence the role-based fallback.
   */
  sentNotice: ['#link_vsm', '#link_undo', '[role=alert] .bAq'],
  undoLink: ['#link_undo'],
} as const;
