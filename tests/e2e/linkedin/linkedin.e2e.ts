import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { GuardedComposer, HoldDialog, launchExtension, protocolPage, repoRoot, routeSite, seedWith, type Extension } from '../harness';

// Every LinkedIn surface in a real Chromium with the built extension: a recipient with an objection is
// held (block) and nothing leaves; cancel keeps the draft; a recipient with a basis goes through.
// linkedin-sim.js plays LinkedIn's part (records each send in window.__li.sent, in the bubble phase).
// Each test uses its own person (the transform renames the fixture's ids) so ledger seeds do not mix.

const L = 'https://www.linkedin.com';
const DANA_MEMBER = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0';
const today = new Date().toISOString().slice(0, 10);

let sim = '';
const inject = (html: string) => html.replace('</body>', `<script>${sim}</script></body>`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function serve(ext: Extension, url: string, file: string, rename: Record<string, string> = {}): Promise<void> {
  const u = new URL(url);
  // match this path (and its query) exactly; later routes win, so each test's page is its own
  const pattern = new RegExp(`^${escape(u.origin + u.pathname)}(\\?.*)?$`);
  await routeSite(ext.context, pattern, { file: `linkedin/${file}` }, {
    transform: (html) => inject(Object.entries(rename).reduce((h, [from, to]) => h.split(from).join(to), html)),
  });
}

async function open(ext: Extension, url: string, file: string, rename: Record<string, string> = {}): Promise<Page> {
  await serve(ext, url, file, rename);
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

const sent = (frame: Page | Frame) => frame.evaluate(() => (window as unknown as { __li: { sent: { kind: string; text: string }[] } }).__li.sent);

async function suppress(ext: Extension, value: string) {
  const page = await protocolPage(ext);
  await seedWith(page, [{ type: 'suppressions/add', by: 'linkedin', value, scope: 'all', reason: 'asked not to be contacted (e2e)' }]);
  await page.close();
}

async function withConsent(ext: Extension, name: string, profileUrl: string) {
  const page = await protocolPage(ext);
  await seedWith(page, [
    {
      type: 'contacts/save',
      contact: {
        name,
        linkedin: [profileUrl],
        recipientKind: 'natural_professional',
        provenance: { source: 'linkedin_manual', obtainedAt: today, url: profileUrl },
        basis: {
          type: 'consent',
          who: name,
          when: today,
          how: 'written_note',
          what: { entity: 'Acme BV', products: [], channels: ['linkedin_dm', 'linkedin'] },
          capturedBy: 'Sam Rivera',
          shownText: 'May we keep in touch on LinkedIn about procurement analytics?',
        },
      },
    },
  ]);
  await page.close();
}

async function typeInto(editor: Locator, text: string) {
  await editor.click();
  await editor.pressSequentially(text);
}

async function expectBlockedNothingSent(page: Page, frame: Page | Frame, dialog: HoldDialog) {
  await dialog.waitVisible();
  expect(await dialog.decision()).toBe('block');
  expect(await sent(frame)).toEqual([]);
  void page;
}

describe('LinkedIn guard in Chromium', () => {
  let ext: Extension;
  beforeAll(async () => {
    sim = await readFile(path.join(repoRoot, 'tests/e2e/linkedin/linkedin-sim.js'), 'utf8');
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('overlay bubble (classic page): objection → held with block, nothing sent; cancel keeps the draft', async () => {
    await suppress(ext, `${L}/in/${DANA_MEMBER}/`);
    const page = await open(ext, `${L}/notifications/`, 'messaging-overlay.html');
    const root = page.locator('div.msg-overlay-conversation-bubble');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking', 'inactive']);
    expect(await composer.state()).not.toBe('inactive');
    const editor = root.locator('.msg-form__contenteditable');
    await typeInto(editor, 'Hi Dana, a quick offer for your team.');
    await root.locator('button.msg-form__send-button').click();
    const dialog = composer.holdDialog();
    await expectBlockedNothingSent(page, page, dialog);
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await sent(page)).toEqual([]);
    expect(await editor.innerText()).toContain('a quick offer for your team.');
    await page.close();
  });

  test('thread page, recipient with consent: goes through once, no dialog', async () => {
    await withConsent(ext, 'Dana Whitfield', `${L}/in/clean-dana/`);
    const page = await open(ext, `${L}/messaging/thread/2-Y2xlYW4=/`, 'messaging-thread.html', { 'dana-whitfield-4b1a27': 'clean-dana' });
    const root = page.locator('div.msg-thread');
    const composer = new GuardedComposer(page, root);
    await typeInto(root.locator('.msg-form__contenteditable'), 'Thanks for the call today, see you on Tuesday.');
    await composer.waitForState('clean', 15_000);
    await root.locator('button.msg-form__send-button').click();
    await page.waitForFunction(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent.length > 0);
    await page.waitForTimeout(300);
    expect(await sent(page)).toEqual([{ kind: 'message', text: 'Thanks for the call today, see you on Tuesday.' }]);
    expect(await composer.holdDialog().isOpen()).toBe(false);
    await page.close();
  });

  test('bubble inside #interop-outlet shadow root: objection → held, nothing sent', async () => {
    const member = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUeSHADOW000001';
    await suppress(ext, `${L}/in/${member}/`);
    const page = await open(ext, `${L}/in/shadow-dana/`, 'overlay-interop-shadow.html', { [DANA_MEMBER]: member, 'dana-whitfield-4b1a27': 'shadow-dana' });
    const root = page.locator('#interop-outlet div.msg-overlay-conversation-bubble');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking']);
    await typeInto(root.locator('.msg-form__contenteditable'), 'Hello Dana, our offer.');
    await root.locator('button.msg-form__send-button').click();
    await expectBlockedNothingSent(page, page, composer.holdDialog());
    await page.close();
  });

  test('bubble in the /preload/?_bprMode=vanilla iframe: objection → held, nothing sent', async () => {
    const member = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUeFRAME0000001';
    await suppress(ext, `${L}/in/${member}/`);
    await serve(ext, `${L}/preload/`, 'preload-frame-overlay.html', { [DANA_MEMBER]: member });
    const page = await open(ext, `${L}/in/frame-dana/`, 'preload-frame-host.html', { [DANA_MEMBER]: member, 'dana-whitfield-4b1a27': 'frame-dana' });
    const frameEl = await page.waitForSelector('iframe[data-testid="interop-iframe"]');
    const frame = (await frameEl.contentFrame())!;
    await frame.waitForFunction(() => !!(window as unknown as { __li?: unknown }).__li);
    const root = frame.locator('div.msg-overlay-conversation-bubble');
    await frame.waitForFunction(() => !!document.querySelector('div.msg-overlay-conversation-bubble[data-outreach-guard-state]'), undefined, { timeout: 10_000 });
    await typeInto(root.locator('.msg-form__contenteditable'), 'Hello Dana, our offer.');
    await root.locator('button.msg-form__send-button').click();
    const host = frame.locator('[data-outreach-guard="hold"]').or(page.locator('[data-outreach-guard="hold"]'));
    await host.first().locator('[role="alertdialog"]').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await host.first().getAttribute('data-decision')).toBe('block');
    expect(await sent(frame)).toEqual([]);
    await page.close();
  });

  test('"Press Enter to Send": Enter is held like the Send button, nothing sent', async () => {
    await suppress(ext, `${L}/in/enter-dana/`);
    const page = await open(ext, `${L}/messaging/thread/2-ZW50ZXI=/`, 'thread-enter-to-send.html', { 'dana-whitfield-4b1a27': 'enter-dana' });
    const root = page.locator('div.msg-thread');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking']);
    await typeInto(root.locator('.msg-form__contenteditable'), 'Hello Dana, our offer.');
    await page.keyboard.press('Enter');
    await expectBlockedNothingSent(page, page, composer.holdDialog());
    await page.keyboard.press('Escape');
    await composer.holdDialog().waitGone();
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  test('quick reply (one click sends a canned text): held, nothing sent', async () => {
    await suppress(ext, `${L}/in/qr-dana/`);
    const page = await open(ext, `${L}/messaging/thread/2-cXI=/`, 'messaging-thread.html', { 'dana-whitfield-4b1a27': 'qr-dana' });
    const root = page.locator('div.msg-thread');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking']);
    await root.locator('button.conversations-quick-replies__reply-button').click();
    await expectBlockedNothingSent(page, page, composer.holdDialog());
    await page.close();
  });

  test('"New message" from a profile (recipient= in the URL): held, nothing sent', async () => {
    const member = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUeCOMPOSE00001';
    await suppress(ext, `${L}/in/${member}/`);
    const url = `${L}/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3A${member}&recipient=${member}`;
    const page = await open(ext, url, 'compose-new-message.html');
    const root = page.locator('div.msg-thread');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking']);
    await typeInto(root.locator('.msg-form__contenteditable'), 'Hello Dana, our offer.');
    await root.locator('button.msg-form__send-button').click();
    await expectBlockedNothingSent(page, page, composer.holdDialog());
    await page.close();
  });

  test('invitation "Send without a note": held, no invitation sent, the modal stays', async () => {
    await suppress(ext, `${L}/in/inv-dana/`);
    const page = await open(ext, `${L}/preload/custom-invite/?vanityName=inv-dana`, 'invite-landing.html');
    const root = page.locator('div.send-invite');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking']);
    await root.locator('button[aria-label="Send without a note"]').click();
    await expectBlockedNothingSent(page, page, composer.holdDialog());
    await composer.holdDialog().button('cancel').click();
    await composer.holdDialog().waitGone();
    expect(await root.count()).toBe(1);
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  test('Sales Navigator InMail: held, nothing sent, the draft stays', async () => {
    const lead = 'ACwAAB7x2kQBc9vZt3LmPq0sW1yUeSALESNAV001';
    await suppress(ext, `${L}/sales/lead/${lead}`);
    const page = await open(ext, `${L}/sales/lead/${lead},NAME_SEARCH,Xy7Q`, 'salesnav-inmail.html', { ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0: lead });
    const root = page.locator('section[role="dialog"]');
    const composer = new GuardedComposer(page, root);
    await composer.waitForState(['clean', 'held', 'checking']);
    await root.locator('input[aria-label="Subject (required)"]').fill('Supplier risk');
    await root.locator('textarea[name="message"]').fill('Hi Dana, our offer.');
    await root.locator('button[type="submit"]').click();
    await expectBlockedNothingSent(page, page, composer.holdDialog());
    await composer.holdDialog().button('cancel').click();
    await composer.holdDialog().waitGone();
    expect(await root.locator('textarea[name="message"]').inputValue()).toBe('Hi Dana, our offer.');
    expect(await sent(page)).toEqual([]);
    await page.close();
  });
});
