import type { Frame, Locator, Page } from 'playwright-core';

// One entry per LinkedIn surface: where it is served, which fixture, how to find the composer, how to write a
// draft and which send path to take. `rename` gives every test its own person (ids in the fixture replaced).

export const L = 'https://www.linkedin.com';
export const DANA_MEMBER = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0';

export interface Surface {
  name: string;
  url: string;
  file: string;
  /** extra pages to serve first (the /preload/ iframe document) */
  also?: { url: string; file: string }[];
  rename: Record<string, string>;
  /** what to put on the do-not-contact list for this person (a profile or lead URL) */
  objection: string;
  /** the same person as an identity key (li-member:/li-vanity:/li-lead:) */
  objectionKey: string;
  /** the frame the composer lives in (default: the page) */
  frame?: (page: Page) => Promise<Frame>;
  root: (frame: Page | Frame) => Locator;
  /** write a draft (nothing for a quick reply or "Send without a note") */
  draft: (root: Locator, frame: Page | Frame) => Promise<void>;
  /** take the send path */
  send: (root: Locator, frame: Page | Frame) => Promise<void>;
  /** what the draft looks like afterwards (cancel must keep it) */
  draftText?: (root: Locator) => Promise<string>;
}

const writeEditor = (text: string) => async (root: Locator) => {
  const editor = root.locator('.msg-form__contenteditable');
  await editor.click();
  await editor.pressSequentially(text);
};
const editorText = (root: Locator) => root.locator('.msg-form__contenteditable').innerText();
const clickSend = (root: Locator) => root.locator('button.msg-form__send-button').click();
const member = (tag: string) => `ACoAAB7x2kQBc9vZt3LmPq0sW1yUe${tag.toUpperCase().padEnd(11, '0').slice(0, 11)}`;

export function surfaces(tag: string): Surface[] {
  const t = (s: string) => `${s}-${tag}`;
  return [
    {
      name: 'overlay bubble on a classic page (Send button)',
      url: `${L}/notifications/?t=${tag}`,
      file: 'messaging-overlay.html',
      rename: { [DANA_MEMBER]: member(`ov${tag}`) },
      objection: `${L}/in/${member(`ov${tag}`)}/`,
      objectionKey: `li-member:${member(`ov${tag}`)}`,
      root: (f) => f.locator('div.msg-overlay-conversation-bubble'),
      draft: writeEditor('Hi Dana, a quick offer for your team.'),
      send: clickSend,
      draftText: editorText,
    },
    {
      name: 'overlay bubble inside #interop-outlet shadow root',
      url: `${L}/in/${t('shadow')}/`,
      file: 'overlay-interop-shadow.html',
      rename: { [DANA_MEMBER]: member(`sh${tag}`), 'dana-whitfield-4b1a27': t('shadow') },
      objection: `${L}/in/${member(`sh${tag}`)}/`,
      objectionKey: `li-member:${member(`sh${tag}`)}`,
      root: (f) => f.locator('#interop-outlet div.msg-overlay-conversation-bubble'),
      draft: writeEditor('Hello Dana, our offer.'),
      send: clickSend,
      draftText: editorText,
    },
    {
      name: 'overlay bubble in the /preload/?_bprMode=vanilla iframe',
      url: `${L}/in/${t('frame')}/`,
      file: 'preload-frame-host.html',
      also: [{ url: `${L}/preload/`, file: 'preload-frame-overlay.html' }],
      rename: { [DANA_MEMBER]: member(`fr${tag}`), 'dana-whitfield-4b1a27': t('frame') },
      objection: `${L}/in/${member(`fr${tag}`)}/`,
      objectionKey: `li-member:${member(`fr${tag}`)}`,
      frame: async (page) => {
        const el = await page.waitForSelector('iframe[data-testid="interop-iframe"]');
        const frame = await el.contentFrame();
        if (!frame) throw new Error('no /preload/ frame');
        await frame.waitForFunction(() => !!(window as unknown as { __li?: unknown }).__li);
        return frame;
      },
      root: (f) => f.locator('div.msg-overlay-conversation-bubble'),
      draft: writeEditor('Hello Dana, our offer.'),
      send: clickSend,
      draftText: editorText,
    },
    {
      name: 'thread page in "Press Enter to Send" mode (Enter)',
      url: `${L}/messaging/thread/2-${tag}-enter/`,
      file: 'thread-enter-to-send.html',
      rename: { 'dana-whitfield-4b1a27': t('enter') },
      objection: `${L}/in/${t('enter')}/`,
      objectionKey: `li-vanity:${t('enter')}`,
      root: (f) => f.locator('div.msg-thread'),
      draft: writeEditor('Hello Dana, our offer.'),
      send: async (root) => root.locator('.msg-form__contenteditable').press('Enter'),
      draftText: editorText,
    },
    {
      name: 'thread page, Ctrl+Enter',
      url: `${L}/messaging/thread/2-${tag}-ctrl/`,
      file: 'messaging-thread.html',
      rename: { 'dana-whitfield-4b1a27': t('ctrl') },
      objection: `${L}/in/${t('ctrl')}/`,
      objectionKey: `li-vanity:${t('ctrl')}`,
      root: (f) => f.locator('div.msg-thread'),
      draft: writeEditor('Hello Dana, our offer.'),
      send: async (root) => root.locator('.msg-form__contenteditable').press('Control+Enter'),
      draftText: editorText,
    },
    {
      name: 'thread page, quick reply',
      url: `${L}/messaging/thread/2-${tag}-qr/`,
      file: 'messaging-thread.html',
      // The fixture's "Sounds good!" is not marketing, and the guard rightly lets it go: a quick reply that pitches
      // is what tests the quick-reply send path.
      rename: { 'dana-whitfield-4b1a27': t('qr'), 'Sounds good!': 'Want our price list? 20% off this month.' },
      objection: `${L}/in/${t('qr')}/`,
      objectionKey: `li-vanity:${t('qr')}`,
      root: (f) => f.locator('div.msg-thread'),
      draft: async () => undefined,
      send: async (root) => root.locator('button.conversations-quick-replies__reply-button').click(),
    },
    {
      name: '"New message" from a profile (recipient= parameter, one pill)',
      url: `${L}/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3A${member(`cp${tag}`)}&recipient=${member(`cp${tag}`)}`,
      file: 'compose-new-message.html',
      rename: {},
      objection: `${L}/in/${member(`cp${tag}`)}/`,
      objectionKey: `li-member:${member(`cp${tag}`)}`,
      root: (f) => f.locator('div.msg-thread'),
      draft: writeEditor('Hello Dana, our offer.'),
      send: clickSend,
      draftText: editorText,
    },
    {
      name: 'Premium InMail in the overlay (subject field)',
      url: `${L}/notifications/?inmail=${tag}`,
      file: 'overlay-inmail.html',
      rename: { 'noor-el-amrani': t('noor') },
      objection: `${L}/in/${t('noor')}/`,
      objectionKey: `li-vanity:${t('noor')}`,
      root: (f) => f.locator('div.msg-overlay-conversation-bubble'),
      draft: async (root) => {
        await root.locator('input[name="subject"]').fill('Spend analytics');
        await writeEditor('Hello Noor, our offer.')(root);
      },
      send: clickSend,
      draftText: editorText,
    },
    {
      name: 'invitation: "Send without a note"',
      url: `${L}/preload/custom-invite/?vanityName=${t('inv')}`,
      file: 'invite-landing.html',
      rename: {},
      objection: `${L}/in/${t('inv')}/`,
      objectionKey: `li-vanity:${t('inv')}`,
      root: (f) => f.locator('div.send-invite'),
      draft: async () => undefined,
      send: async (root) => root.locator('button[aria-label="Send without a note"]').click(),
    },
    {
      name: 'invitation: note + Send',
      url: `${L}/preload/custom-invite/?vanityName=${t('note')}`,
      file: 'invite-note-basic.html',
      rename: {},
      objection: `${L}/in/${t('note')}/`,
      objectionKey: `li-vanity:${t('note')}`,
      root: (f) => f.locator('div.send-invite'),
      draft: async (root) => root.locator('textarea#custom-message').fill('We met at the fair; may I show you our tool?'),
      send: async (root) => root.locator('button[aria-label="Send invitation"]').click(),
      draftText: (root) => root.locator('textarea#custom-message').inputValue(),
    },
    {
      name: 'Sales Navigator InMail (textarea, subject required)',
      url: `${L}/sales/lead/ACwAA${tag}SALESNAV,NAME_SEARCH,Xy7Q`,
      file: 'salesnav-inmail.html',
      rename: { ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0: `ACwAA${tag}SALESNAV` },
      objection: `${L}/sales/lead/ACwAA${tag}SALESNAV`,
      objectionKey: `li-lead:ACwAA${tag}SALESNAV`,
      root: (f) => f.locator('section[role="dialog"]'),
      draft: async (root) => {
        await root.locator('input[aria-label="Subject (required)"]').fill('Supplier risk');
        await root.locator('textarea[name="message"]').fill('Hi Dana, our offer.');
      },
      send: async (root) => root.locator('button[type="submit"]').click(),
      draftText: (root) => root.locator('textarea[name="message"]').inputValue(),
    },
  ];
}
