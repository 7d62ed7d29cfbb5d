// @vitest-environment jsdom
import { AdapterError, type ComposerHandle, type SendTrigger } from '@/lib/guard/adapter';
import { linkedInAdapter } from '@/lib/sites/linkedin/adapter';
import { inviteNoteLimit } from '@/lib/sites/linkedin/invite-composer';
import { loadFixture, queryTrees, type Loaded } from './fixtures';

// What the guard gets from the LinkedIn adapter on each fixture: recipients, channel, subject and body;
// which events are sends; how a held send is re-issued; text insertion; proof that a send went out.

function handles(loaded: Loaded): ComposerHandle[] {
  return linkedInAdapter.composerRootSelectors
    .flatMap((s) => queryTrees(loaded.trees, s))
    .map((root) => linkedInAdapter.composerFor(root));
}

function only(name: string): { loaded: Loaded; handle: ComposerHandle } {
  const loaded = loadFixture(name);
  const all = handles(loaded);
  expect(all, `${name} should have exactly one composer`).toHaveLength(1);
  return { loaded, handle: all[0]! };
}

/** Dispatches an event the way the page would and asks the handle from a capture listener (as the guard does). */
function triggerOf(loaded: Loaded, handle: ComposerHandle, target: Element, event: Event): SendTrigger | null {
  let seen: SendTrigger | null | undefined;
  const listener = (e: Event) => {
    seen = handle.sendTriggerOf(e);
    e.preventDefault(); // keep jsdom from navigating on submit
  };
  loaded.window.addEventListener(event.type, listener, true);
  target.dispatchEvent(event);
  loaded.window.removeEventListener(event.type, listener, true);
  if (seen === undefined) throw new Error(`${event.type} never reached the window capture listener`);
  return seen;
}

const click = (l: Loaded) => new l.window.MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
const key = (l: Loaded, init: KeyboardEventInit) => new l.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...init });
const q = (root: Element | ParentNode, s: string) => {
  const el = root.querySelector(s);
  if (!el) throw new Error(`fixture lacks ${s}`);
  return el as HTMLElement;
};

function type(editor: HTMLElement, ...lines: string[]) {
  editor.innerHTML = lines.map((l) => `<p>${l}</p>`).join('');
}

const DANA_MEMBER = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0';

describe('reading who a message goes to, per surface', () => {
  test('classic overlay bubble: member-id header link, 1st degree from the profile card, empty draft', () => {
    const { handle } = only('messaging-overlay.html');
    expect(handle.read()).toEqual({
      channel: 'linkedin_dm',
      recipients: [
        {
          key: `li-member:${DANA_MEMBER}`,
          displayName: 'Dana Whitfield',
          linkedin: { memberId: DANA_MEMBER, profileUrl: `https://www.linkedin.com/in/${DANA_MEMBER}/` },
          signals: { degree: 1 },
        },
      ],
      body: '',
    });
  });

  test('thread page: vanity header link and the exact name from h2.msg-entity-lockup__entity-title', () => {
    const { handle } = only('messaging-thread.html');
    const { recipients, channel } = handle.read();
    expect(channel).toBe('linkedin_dm');
    expect(recipients).toEqual([
      { key: 'li-vanity:dana-whitfield-4b1a27', displayName: 'Dana Whitfield', linkedin: { vanity: 'dana-whitfield-4b1a27', profileUrl: 'https://www.linkedin.com/in/dana-whitfield-4b1a27/' } },
    ]);
  });

  test('bubble inside #interop-outlet shadow root is found and read (2nd degree)', () => {
    const { handle } = only('overlay-interop-shadow.html');
    expect(handle.root.getRootNode()).not.toBe(handle.root.ownerDocument);
    const [r] = handle.read().recipients;
    expect(r?.key).toBe(`li-member:${DANA_MEMBER}`);
    expect(r?.signals).toEqual({ degree: 2 });
  });

  test('bubble in the /preload/?_bprMode=vanilla frame document', () => {
    const { handle } = only('preload-frame-overlay.html');
    expect(handle.read().recipients.map((r) => r.key)).toEqual([`li-member:${DANA_MEMBER}`]);
  });

  test('several bubbles at once: each composer reads its own recipient', () => {
    const loaded = loadFixture('overlay-several-bubbles.html');
    const read = handles(loaded).map((h) => h.read().recipients.map((r) => [r.key, r.displayName, r.signals?.degree, r.weakMatch]));
    expect(read).toEqual([
      [[`li-member:${DANA_MEMBER}`, 'Dana Whitfield', 1, undefined]],
      [['li-vanity:lee-okafor-77', 'Lee Okafor', 2, undefined]],
      // a compose pill without any /in/ link for that name: name only, weak match for the ledger
      [['name:0:Ana Costa', 'Ana Costa', undefined, true]],
    ]);
  });

  test('"New message" from a profile: the single pill gets the member id from recipient=', () => {
    const { handle } = only('compose-new-message.html');
    expect(handle.read().recipients).toEqual([
      { key: `li-member:${DANA_MEMBER}`, displayName: 'Dana Whitfield', linkedin: { memberId: DANA_MEMBER, profileUrl: `https://www.linkedin.com/in/${DANA_MEMBER}/` } },
    ]);
  });

  test('"New message" with several pills: every pill is a recipient, identified where the page links the name', () => {
    const { handle } = only('compose-pills-several.html');
    expect(handle.read().recipients.map((r) => [r.key, r.weakMatch ?? false])).toEqual([
      ['name:0:Dana Whitfield', true],
      ['li-vanity:lee-okafor-77', false],
      ['name:2:Ana Costa', true],
    ]);
  });

  test('a group of 20 pills gives 20 distinct recipients', () => {
    const { handle } = only('compose-group-20.html');
    const { recipients } = handle.read();
    expect(recipients).toHaveLength(20);
    expect(new Set(recipients.map((r) => r.key)).size).toBe(20);
    expect(recipients[19]?.displayName).toBe('Sven van Dijk');
  });

  test('a "New message" without any pill yet has no recipients (LinkedIn cannot send it either)', () => {
    const { handle } = only('compose-group-20.html');
    for (const pill of handle.root.querySelectorAll('button.artdeco-pill')) pill.remove();
    expect(handle.read().recipients).toEqual([]);
  });

  test('group thread: named participants, identified by their message links, plus an unreadable "2 more"', () => {
    const { handle } = only('thread-group.html');
    expect(handle.read().recipients).toEqual([
      { key: 'li-vanity:dana-whitfield-4b1a27', displayName: 'Dana Whitfield', linkedin: { vanity: 'dana-whitfield-4b1a27', profileUrl: 'https://www.linkedin.com/in/dana-whitfield-4b1a27/' } },
      {
        key: 'li-member:ACoAAC2y3lRCd0wAu4MnQr1tX2zVf5SgHiKlMn1',
        displayName: 'Lee Okafor',
        linkedin: { memberId: 'ACoAAC2y3lRCd0wAu4MnQr1tX2zVf5SgHiKlMn1', profileUrl: 'https://www.linkedin.com/in/ACoAAC2y3lRCd0wAu4MnQr1tX2zVf5SgHiKlMn1/' },
      },
      { key: 'name:2:Ana Costa', displayName: 'Ana Costa', weakMatch: true },
      { key: 'group:unlisted', displayName: '2 more', unreadable: 'group conversation: 2 participant(s) are not named on the page' },
    ]);
  });

  test('Premium InMail in the overlay: subject field → linkedin_inmail with the subject', () => {
    const { handle } = only('overlay-inmail.html');
    q(handle.root, 'input[name="subject"]').setAttribute('value', 'Spend analytics');
    (q(handle.root, 'input[name="subject"]') as HTMLInputElement).value = 'Spend analytics';
    type(q(handle.root, '.msg-form__contenteditable'), 'Hello Noor,', 'a short question.');
    const snap = handle.read();
    expect(snap.channel).toBe('linkedin_inmail');
    expect(snap.subject).toBe('Spend analytics');
    expect(snap.body).toBe('Hello Noor,\na short question.');
    expect(snap.recipients[0]?.signals?.degree).toBe(3);
  });

  test('a thread where the recipient declined an earlier InMail sets signals.declinedInMail', () => {
    const { handle } = only('thread-declined-inmail.html');
    expect(handle.read().recipients[0]?.signals).toEqual({ declinedInMail: true });
  });

  test('the same thread without that notice does not', () => {
    const { handle } = only('thread-declined-inmail.html');
    q(handle.root, '.msg-s-event-listitem__system-message').remove();
    expect(handle.read().recipients[0]?.signals).toBeUndefined();
  });

  test('Sales Navigator InMail: lead id from a[href^="/sales/lead/"], subject required, textarea body', () => {
    const { handle } = only('salesnav-inmail.html');
    (q(handle.root, 'input[aria-label="Subject (required)"]') as HTMLInputElement).value = 'Supplier risk';
    (q(handle.root, 'textarea[name="message"]') as HTMLTextAreaElement).value = '  Hi Dana  ';
    expect(handle.read()).toEqual({
      channel: 'linkedin_inmail',
      subject: 'Supplier risk',
      body: 'Hi Dana',
      recipients: [
        {
          key: 'li-lead:ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0',
          displayName: 'Dana Whitfield',
          linkedin: { salesNavLeadId: 'ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0', profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0' },
          signals: { degree: 2 },
        },
      ],
    });
  });

  // SN markup for a declined InMail is not captured: these rows are added to the salesnav-dm fixture.
  const snRow = (loaded: Loaded, html: string) => {
    const list = q(loaded.document, '._message-list_guess');
    list.insertAdjacentHTML('beforeend', html);
  };

  test.each([
    ['the rep\'s own message', '<article><span aria-label="Message from you"></span><p>No worries if Acme isn\'t interested at this time.</p></article>'],
    ['the lead\'s message', '<article><span aria-label="Message from Lee Okafor"></span><p>My colleague declined your message, not me.</p></article>'],
  ])('Sales Navigator: declined-InMail wording in %s is message text, not a decline', (_who, row) => {
    const { loaded, handle } = only('salesnav-dm.html');
    snRow(loaded, row);
    expect(handle.read().recipients[0]?.signals).toEqual({ degree: 1 });
  });

  test('Sales Navigator: a system row without a sender saying the lead declined sets signals.declinedInMail', () => {
    const { loaded, handle } = only('salesnav-dm.html');
    snRow(loaded, '<article><p>Lee Okafor declined your InMail</p></article>');
    expect(handle.read().recipients[0]?.signals).toEqual({ degree: 1, declinedInMail: true });
  });

  test('Sales Navigator message to a 1st-degree lead (no subject) is a DM', () => {
    const { handle } = only('salesnav-dm.html');
    const snap = handle.read();
    expect(snap.channel).toBe('linkedin_dm');
    expect(snap.subject).toBeUndefined();
    expect(snap.recipients[0]).toMatchObject({ key: 'li-lead:ACwAAC2y3lRCd0wAu4MnQr1tX2zVf5SgHiKlMn1', signals: { degree: 1 } });
  });
});

describe('invitations', () => {
  test('modal in the profile page shadow root: person from the URL and the top card; limit 300 read off the page', () => {
    const { handle } = only('profile-invite-note.html');
    (q(handle.root, 'textarea#custom-message') as HTMLTextAreaElement).value = 'We met at the supply-chain fair.';
    expect(handle.read()).toEqual({
      channel: 'linkedin_connect_note',
      body: 'We met at the supply-chain fair.',
      recipients: [
        {
          key: `li-member:${DANA_MEMBER}`,
          displayName: 'Dana Whitfield',
          linkedin: { vanity: 'dana-whitfield-4b1a27', memberId: DANA_MEMBER, profileUrl: 'https://www.linkedin.com/in/dana-whitfield-4b1a27/' },
          // the visible badge says 2nd; the hidden duplicate says 3rd and must be ignored
          signals: { degree: 2 },
        },
      ],
    });
    expect(inviteNoteLimit(handle.root)).toBe(300);
    expect((handle as unknown as { noteLimit: number }).noteLimit).toBe(300);
  });

  test('Basic account: the limit is 200, from the sentence; from the "0/200" counter when the sentence is gone', () => {
    const { handle } = only('invite-note-basic.html');
    expect(inviteNoteLimit(handle.root)).toBe(200);
    q(handle.root, '.visually-hidden').remove();
    expect(inviteNoteLimit(handle.root)).toBe(200);
    expect(handle.read().recipients[0]?.key).toBe('li-vanity:lee-okafor-77');
  });

  test('landing step: "Send without a note" is a send with an empty note to the person in ?vanityName=', () => {
    const { loaded, handle } = only('invite-landing.html');
    const button = q(handle.root, 'button[aria-label="Send without a note"]');
    expect(triggerOf(loaded, handle, button.querySelector('span')!, click(loaded))).toBe('send-without-note');
    expect(handle.read()).toMatchObject({ channel: 'linkedin_connect_note', body: '', recipients: [{ key: 'li-vanity:dana-whitfield-4b1a27' }] });
    expect(triggerOf(loaded, handle, q(handle.root, 'button[aria-label="Add a note"]'), click(loaded))).toBeNull();
  });

  test('the note\'s Send is a send; Enter in the note is a new line', () => {
    const { loaded, handle } = only('profile-invite-note.html');
    const send = q(handle.root, 'button[aria-label="Send invitation"]');
    send.removeAttribute('disabled');
    expect(triggerOf(loaded, handle, send, click(loaded))).toBe('button');
    expect(triggerOf(loaded, handle, q(handle.root, 'textarea'), key(loaded, {}))).toBeNull();
    expect(triggerOf(loaded, handle, q(handle.root, 'button[aria-label="Cancel adding a note"]'), click(loaded))).toBeNull();
  });

  test('an invite modal on a page that does not name the person fails loudly', () => {
    const loaded = loadFixture('invite-landing.html', 'https://www.linkedin.com/search/results/people/?keywords=x');
    const [handle] = handles(loaded);
    expect(() => handle!.read()).toThrow(AdapterError);
    expect(() => handle!.read()).toThrow(/invitation recipient/);
  });
});

describe('send paths', () => {
  test('Click-Send mode: the Send button is a send; Enter is a new line; Ctrl/Cmd+Enter is guarded; Shift+Enter never sends', () => {
    const { loaded, handle } = only('messaging-thread.html');
    const editor = q(handle.root, '.msg-form__contenteditable');
    const send = q(handle.root, 'button.msg-form__send-button');
    send.removeAttribute('disabled');
    expect(triggerOf(loaded, handle, send, click(loaded))).toBe('button');
    expect(triggerOf(loaded, handle, editor, key(loaded, {}))).toBeNull();
    expect(triggerOf(loaded, handle, editor, key(loaded, { ctrlKey: true }))).toBe('ctrl-enter');
    expect(triggerOf(loaded, handle, editor, key(loaded, { metaKey: true }))).toBe('ctrl-enter');
    expect(triggerOf(loaded, handle, editor, key(loaded, { shiftKey: true }))).toBeNull();
    expect(triggerOf(loaded, handle, editor, key(loaded, { key: 'a' }))).toBeNull();
    expect(triggerOf(loaded, handle, q(handle.root, 'button.msg-form__send-toggle'), click(loaded))).toBeNull();
  });

  test('Press-Enter-to-Send mode (no Send button): Enter sends, Shift+Enter is a new line, IME Enter is not a send', () => {
    const { loaded, handle } = only('thread-enter-to-send.html');
    const editor = q(handle.root, '.msg-form__contenteditable');
    expect(triggerOf(loaded, handle, editor, key(loaded, {}))).toBe('enter');
    expect(triggerOf(loaded, handle, editor, key(loaded, { shiftKey: true }))).toBeNull();
    expect(triggerOf(loaded, handle, editor, key(loaded, { isComposing: true }))).toBeNull();
  });

  test('Enter mode is also recognised when the Send button is only hidden', () => {
    const { loaded, handle } = only('messaging-thread.html');
    q(handle.root, 'button.msg-form__send-button').style.display = 'none';
    expect(triggerOf(loaded, handle, q(handle.root, '.msg-form__contenteditable'), key(loaded, {}))).toBe('enter');
  });

  test('form submit is a send unless it is the Send click already reported', () => {
    const { loaded, handle } = only('messaging-thread.html');
    const form = q(handle.root, 'form.msg-form');
    const send = q(handle.root, 'button.msg-form__send-button');
    expect(triggerOf(loaded, handle, form, new loaded.window.SubmitEvent('submit', { bubbles: true, cancelable: true }))).toBe('submit');
    expect(triggerOf(loaded, handle, form, new loaded.window.SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: send }))).toBeNull();
  });

  test('a quick reply is a send whose body is the canned text', () => {
    const { loaded, handle } = only('messaging-thread.html');
    type(q(handle.root, '.msg-form__contenteditable'), 'half-written draft');
    const reply = q(handle.root, 'button.conversations-quick-replies__reply-button');
    expect(triggerOf(loaded, handle, reply.querySelector('span')!, click(loaded))).toBe('quick-reply');
    expect(handle.read().body).toBe('Sounds good!');
    // the next ordinary send reads the draft again
    const send = q(handle.root, 'button.msg-form__send-button');
    send.removeAttribute('disabled');
    triggerOf(loaded, handle, send, click(loaded));
    expect(handle.read().body).toBe('half-written draft');
  });

  test('quick reply inside the overlay bubble (text from the a11y label when the content span is missing)', () => {
    const { loaded, handle } = only('messaging-overlay.html');
    const reply = q(handle.root, 'button.conversations-quick-replies__reply-button');
    reply.querySelector('.conversations-quick-replies__reply-content')!.remove();
    reply.setAttribute('aria-label', 'Reply to conversation with “Thanks, Dana”');
    expect(triggerOf(loaded, handle, reply, click(loaded))).toBe('quick-reply');
    expect(handle.read().body).toBe('Thanks, Dana');
  });

  test('clicks inside the shadow-root bubble are recognised through composedPath (a document listener sees #interop-outlet)', () => {
    const { loaded, handle } = only('overlay-interop-shadow.html');
    const send = q(handle.root, 'button.msg-form__send-button');
    send.removeAttribute('disabled');
    let retargeted: EventTarget | null = null;
    loaded.document.addEventListener('click', (e) => (retargeted = e.target), { capture: true, once: true });
    expect(triggerOf(loaded, handle, send, click(loaded))).toBe('button');
    expect((retargeted as Element | null)?.id).toBe('interop-outlet');
  });

  test('an event in another bubble is not this composer\'s send', () => {
    const loaded = loadFixture('overlay-several-bubbles.html');
    const [dana, lee] = handles(loaded);
    const leeSend = q(lee!.root, 'button.msg-form__send-button');
    expect(triggerOf(loaded, dana!, leeSend, click(loaded))).toBeNull();
    expect(triggerOf(loaded, lee!, leeSend, click(loaded))).toBe('button');
  });

  test('Sales Navigator: Send button; plain Enter is a new line; Ctrl+Enter guarded; submit from the button not double-counted', () => {
    const { loaded, handle } = only('salesnav-inmail.html');
    const textarea = q(handle.root, 'textarea[name="message"]');
    const send = q(handle.root, 'button[type="submit"]');
    send.removeAttribute('disabled');
    expect(triggerOf(loaded, handle, send, click(loaded))).toBe('button');
    expect(triggerOf(loaded, handle, textarea, key(loaded, {}))).toBeNull();
    expect(triggerOf(loaded, handle, textarea, key(loaded, { ctrlKey: true }))).toBe('ctrl-enter');
    const form = q(handle.root, 'form');
    expect(triggerOf(loaded, handle, form, new loaded.window.SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: send }))).toBeNull();
    expect(triggerOf(loaded, handle, form, new loaded.window.SubmitEvent('submit', { bubbles: true, cancelable: true }))).toBe('submit');
  });
});

describe('re-issuing a held send', () => {
  function heldEvent(loaded: Loaded, handle: ComposerHandle, target: Element, event: Event): Event {
    const kept = event;
    triggerOf(loaded, handle, target, kept);
    return kept;
  }

  test('button: clicks the same Send button again', () => {
    const { loaded, handle } = only('messaging-thread.html');
    const send = q(handle.root, 'button.msg-form__send-button');
    send.removeAttribute('disabled');
    const held = heldEvent(loaded, handle, send, click(loaded));
    const clicks: EventTarget[] = [];
    send.addEventListener('click', (e) => {
      clicks.push(e.target!);
      e.preventDefault();
    });
    handle.resend('button', held);
    expect(clicks).toEqual([send]);
  });

  test('quick-reply and send-without-note click their own button', () => {
    for (const [name, selector, trigger] of [
      ['messaging-thread.html', 'button.conversations-quick-replies__reply-button', 'quick-reply'],
      ['invite-landing.html', 'button[aria-label="Send without a note"]', 'send-without-note'],
    ] as const) {
      const { loaded, handle } = only(name);
      const button = q(handle.root, selector);
      const held = heldEvent(loaded, handle, button, click(loaded));
      let clicked = 0;
      button.addEventListener('click', () => clicked++);
      handle.resend(trigger, held);
      expect(clicked, `${name}: ${trigger}`).toBe(1);
    }
  });

  test('submit: requestSubmit on the message form', () => {
    const { loaded, handle } = only('messaging-thread.html');
    const form = q(handle.root, 'form.msg-form');
    const held = heldEvent(loaded, handle, form, new loaded.window.SubmitEvent('submit', { bubbles: true, cancelable: true }));
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    handle.resend('submit', held);
    expect(submitted).toBe(1);
  });

  test('enter / ctrl-enter: a synthetic Enter keydown on the editor with the same modifiers', () => {
    const { loaded, handle } = only('thread-enter-to-send.html');
    const editor = q(handle.root, '.msg-form__contenteditable');
    const plain = heldEvent(loaded, handle, editor, key(loaded, {}));
    const ctrl = heldEvent(loaded, handle, editor, key(loaded, { ctrlKey: true }));
    const seen: string[] = [];
    editor.addEventListener('keydown', (e) => seen.push(`${e.key}${e.ctrlKey ? '+ctrl' : ''}${e.shiftKey ? '+shift' : ''}`));
    handle.resend('enter', plain);
    handle.resend('ctrl-enter', ctrl);
    expect(seen).toEqual(['Enter', 'Enter+ctrl']);
  });

  test('a path the composer does not have fails loudly', () => {
    const { loaded, handle } = only('invite-landing.html');
    expect(() => handle.resend('submit', click(loaded))).toThrow(AdapterError);
  });
});

describe('insertText', () => {
  /** A minimal stand-in for the browser's editing commands: inserts at the caret like Chromium does. */
  function installExecCommand(loaded: Loaded, calls: string[]) {
    const doc = loaded.document as Document & { execCommand: (c: string, u?: boolean, v?: string) => boolean };
    doc.execCommand = (command: string, _ui?: boolean, value?: string) => {
      const range = doc.getSelection()!.getRangeAt(0);
      const block = (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement)!.closest('p')!;
      calls.push(`${command}${value ? `:${value}` : ''}`);
      if (command === 'insertText') {
        block.querySelector('br')?.remove();
        block.append(value ?? '');
      } else if (command === 'insertParagraph') {
        const p = doc.createElement('p');
        p.append(doc.createElement('br'));
        block.after(p);
        range.selectNodeContents(p);
        range.collapse(false);
      } else return false;
      return true;
    };
  }

  test('flagship: caret to the end, then execCommand insertText line by line after a blank line', () => {
    const { loaded, handle } = only('messaging-thread.html');
    const editor = q(handle.root, '.msg-form__contenteditable');
    type(editor, 'Hi Dana,', 'short question.');
    const calls: string[] = [];
    installExecCommand(loaded, calls);
    let inputs = 0;
    editor.addEventListener('input', () => inputs++);
    handle.insertText('Sam Rivera, Acme BV\nReply "stop" and I will not write again.');
    expect(calls).toEqual(['insertParagraph', 'insertParagraph', 'insertText:Sam Rivera, Acme BV', 'insertParagraph', 'insertText:Reply "stop" and I will not write again.']);
    expect(handle.read().body).toBe('Hi Dana,\nshort question.\n\nSam Rivera, Acme BV\nReply "stop" and I will not write again.');
    expect(inputs).toBe(1);
  });

  test('flagship, empty draft: the text replaces the empty line, no blank line in front', () => {
    const { loaded, handle } = only('messaging-overlay.html');
    const calls: string[] = [];
    installExecCommand(loaded, calls);
    handle.insertText('Disclosure');
    expect(calls).toEqual(['insertText:Disclosure']);
    expect(q(handle.root, '.msg-form__contenteditable').innerHTML).toBe('<p>Disclosure</p>');
  });

  test('without execCommand (or when it inserts nothing) the draft is kept and the text appended as <p> lines', () => {
    const { handle } = only('messaging-thread.html');
    const editor = q(handle.root, '.msg-form__contenteditable');
    type(editor, 'Hi Dana,');
    handle.insertText('line one\nline two');
    expect(handle.read().body).toBe('Hi Dana,\n\nline one\nline two');
  });

  test('Sales Navigator textarea: the prototype value setter (not the instance one React tracks) plus input', () => {
    const { loaded, handle } = only('salesnav-inmail.html');
    const textarea = q(handle.root, 'textarea[name="message"]') as HTMLTextAreaElement;
    const proto = Object.getOwnPropertyDescriptor(loaded.window.HTMLTextAreaElement.prototype, 'value')!;
    const instanceSets: string[] = [];
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get: () => proto.get!.call(textarea),
      set: (v: string) => instanceSets.push(v),
    });
    proto.set!.call(textarea, 'Hi Dana');
    const events: string[] = [];
    textarea.addEventListener('input', () => events.push('input'));
    textarea.addEventListener('change', () => events.push('change'));
    handle.insertText('Sam, Acme BV');
    expect(instanceSets).toEqual([]);
    expect(proto.get!.call(textarea)).toBe('Hi Dana\n\nSam, Acme BV');
    expect(events).toEqual(['input', 'change']);
  });

  test('invitation note: appended through the value setter; on the landing step there is no note to insert into', () => {
    const { handle } = only('profile-invite-note.html');
    handle.insertText('Hello');
    expect(handle.read().body).toBe('Hello');
    const landing = only('invite-landing.html').handle;
    expect(() => landing.insertText('x')).toThrow(/Add a note/);
  });
});

describe('waitForSent', () => {
  function appendEvent(root: Element, inbound: boolean, urn: string) {
    const list = root.querySelector('ul.msg-s-message-list-content')!;
    const li = root.ownerDocument.createElement('li');
    li.className = 'msg-s-message-list__event';
    li.innerHTML = `<div class="msg-s-event-listitem${inbound ? ' msg-s-event-listitem--other' : ''}" data-event-urn="${urn}"><p class="msg-s-event-listitem__body">x</p></div>`;
    list.querySelector('.msg-s-message-list__typing-indicator-container--without-seen-receipt')!.before(li);
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  test('sent when a new outbound item appears; an inbound one does not count', async () => {
    const { handle } = only('messaging-thread.html');
    const outcome = handle.waitForSent(new AbortController().signal);
    let settled: string | null = null;
    void outcome.then((o) => (settled = o));
    appendEvent(handle.root, true, 'urn:li:msg_message:(x,in)');
    await tick();
    expect(settled).toBeNull();
    appendEvent(handle.root, false, 'urn:li:msg_message:(x,out)');
    expect(await outcome).toBe('sent');
  });

  test('not sent when aborted (the guard gave up) or when the bubble is closed', async () => {
    const { handle } = only('messaging-overlay.html');
    const ctrl = new AbortController();
    const outcome = handle.waitForSent(ctrl.signal);
    ctrl.abort();
    expect(await outcome).toBe('not-sent');
    const removed = handle.waitForSent(new AbortController().signal);
    handle.root.remove();
    expect(await removed).toBe('not-sent');
  });

  test('inside a shadow root the new message is seen too', async () => {
    const { handle } = only('overlay-interop-shadow.html');
    const outcome = handle.waitForSent(new AbortController().signal);
    appendEvent(handle.root, false, 'urn:li:msg_message:(x,out)');
    expect(await outcome).toBe('sent');
  });

  test('invitation: sent when the modal closes after Send', async () => {
    const { loaded, handle } = only('profile-invite-note.html');
    const outcome = handle.waitForSent(new AbortController().signal);
    loaded.document.querySelector('#interop-outlet')!.shadowRoot!.querySelector('[data-test-modal-id="send-invite-modal"]')!.remove();
    expect(await outcome).toBe('sent');
  });

  test('Sales Navigator: sent when a new "Message from you" article appears', async () => {
    const { handle } = only('salesnav-dm.html');
    const outcome = handle.waitForSent(new AbortController().signal);
    const article = handle.root.ownerDocument.createElement('article');
    article.innerHTML = '<span aria-label="Message from you"></span><p>Thanks</p>';
    handle.root.querySelector('._message-list_guess')!.append(article);
    expect(await outcome).toBe('sent');
  });
});

describe('failing loudly and bad input', () => {
  test('a bubble without its editor is not a usable composer: AdapterError naming the selector', () => {
    const loaded = loadFixture('messaging-overlay.html');
    const root = loaded.document.querySelector('div.msg-overlay-conversation-bubble')!;
    root.querySelector('.msg-form__contenteditable')!.remove();
    expect(() => linkedInAdapter.composerFor(root)).toThrow(AdapterError);
    expect(() => linkedInAdapter.composerFor(root)).toThrow(/message editor.*msg-form__contenteditable/);
  });

  test('composer removed during the check: read() throws instead of returning an empty snapshot', () => {
    const { handle } = only('messaging-thread.html');
    handle.root.querySelector('form.msg-form')!.remove();
    expect(() => handle.read()).toThrow(/message form/);
  });

  test('a 1:1 thread whose header lost its link and name fails loudly', () => {
    const { handle } = only('messaging-thread.html');
    handle.root.querySelector('#thread-detail-jump-target')!.remove();
    expect(() => handle.read()).toThrow(/conversation recipient/);
  });

  test('Sales Navigator dialog without a lead link on a non-lead page fails loudly', () => {
    const { handle } = only('salesnav-dm.html');
    handle.root.querySelector('a[href^="/sales/lead/"]')!.remove();
    expect(() => handle.read()).toThrow(/lead id/);
  });

  test('markup in a pill name stays text', () => {
    const { handle } = only('compose-pills-several.html');
    handle.root.querySelector('.artdeco-pill__text')!.textContent = '<img src=x onerror=alert(1)>';
    expect(handle.read().recipients[0]?.displayName).toBe('<img src=x onerror=alert(1)>');
  });

  test('an element that is no composer root is refused', () => {
    const loaded = loadFixture('messaging-overlay.html');
    expect(() => linkedInAdapter.composerFor(loaded.document.body)).toThrow(AdapterError);
  });

  test('isGuardedPage is the detector', () => {
    expect(linkedInAdapter.isGuardedPage(new URL('https://www.linkedin.com/feed/'))).toBe(true);
    expect(linkedInAdapter.isGuardedPage(new URL('https://www.linkedin.com/uas/login'))).toBe(false);
  });
});

describe('expected composers (markup LinkedIn may change)', () => {
  test('every expected-composer selector holds both the editor and its send control, so a fallback hold sees the send', () => {
    for (const [name, editorSel, sendSel] of [
      ['messaging-thread.html', '.msg-form__contenteditable', 'button.msg-form__send-button'],
      ['overlay-interop-shadow.html', '.msg-form__contenteditable', 'button.msg-form__send-button'],
      ['invite-landing.html', 'button[aria-label="Send without a note"]', 'button[aria-label="Send without a note"]'],
      ['profile-invite-note.html', 'textarea#custom-message', 'button[aria-label="Send invitation"]'],
      ['salesnav-inmail.html', 'textarea[name="message"]', 'button[type="submit"]'],
    ] as const) {
      const { trees } = loadFixture(name);
      const expected = linkedInAdapter.expectedComposerSelectors!.flatMap((s) => queryTrees(trees, s));
      expect(expected.length, `${name}: no expected-composer element`).toBeGreaterThan(0);
      const holder = expected.find((el) => el.querySelector(editorSel) && el.querySelector(sendSel));
      expect(holder, `${name}: an expected-composer element must contain ${editorSel} and ${sendSel}`).toBeDefined();
    }
  });
});
