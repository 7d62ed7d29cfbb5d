import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { HoldDialog, launchExtension, protocolPage, repoRoot, routeSite, seedWith, type Extension } from '../harness';
import { L, surfaces, type Surface } from './surfaces';

// Every LinkedIn surface in a real Chromium with the built extension. linkedin-sim.js plays LinkedIn's
// part (in the bubble phase, after the guard's capture listeners) and records each send in window.__li.sent.
//  · a person not in the ledger: held (the guard never lets an unchecked first contact out), nothing leaves,
//    cancel keeps the draft;
//  · a person with an objection (do-not-contact): held with decision "block", nothing leaves;
//  · a person with consent: goes through once, no dialog.

let sim = '';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function serve(ext: Extension, url: string, file: string, rename: Record<string, string>) {
  const u = new URL(url);
  await routeSite(ext.context, new RegExp(`^${escape(u.origin + u.pathname)}(\\?.*)?$`), { file: `linkedin/${file}` }, {
    transform: (html) =>
      Object.entries(rename)
        .reduce((h, [from, to]) => h.split(from).join(to), html)
        .replace('</body>', `<script>${sim}</script></body>`),
  });
}

async function openSurface(ext: Extension, s: Surface): Promise<{ page: Page; frame: Page | Frame }> {
  for (const extra of s.also ?? []) await serve(ext, extra.url, extra.file, s.rename);
  await serve(ext, s.url, s.file, s.rename);
  const page = await ext.context.newPage();
  await page.goto(s.url);
  const frame = s.frame ? await s.frame(page) : page;
  // the guard marks every composer it watches; 'inactive' would mean the adapter could not read it
  await frame.waitForFunction(
    (sel) => [...document.querySelectorAll('*')].some((el) => {
      const find = (root: ParentNode): boolean => !!root.querySelector(`${sel}[data-outreach-guard-state]`) || [...root.querySelectorAll('*')].some((e) => !!e.shadowRoot && find(e.shadowRoot));
      return el === document.documentElement && find(document);
    }),
    rootSelectorOf(s),
    { timeout: 10_000 },
  );
  return { page, frame };
}

function rootSelectorOf(s: Surface): string {
  if (s.file.startsWith('invite')) return 'div.send-invite';
  if (s.file.startsWith('salesnav')) return 'section[role="dialog"]';
  if (s.file.startsWith('thread') || s.file.startsWith('compose') || s.file === 'messaging-thread.html') return 'div.msg-thread';
  return 'div.msg-overlay-conversation-bubble';
}

const sentIn = (frame: Page | Frame) => frame.evaluate(() => (window as unknown as { __li: { sent: { kind: string; text: string }[] } }).__li.sent);

/** The hold dialog of the frame the composer is in (the guard runs in that frame's content script). */

async function stateOf(s: Surface, frame: Page | Frame) {
  return s.root(frame).getAttribute('data-outreach-guard-state');
}

describe('LinkedIn guard in Chromium', () => {
  let ext: Extension;
  let managementReady = false;
  beforeAll(async () => {
    sim = await readFile(path.join(repoRoot, 'tests/e2e/linkedin/linkedin-sim.js'), 'utf8');
    ext = await launchExtension();
    const probe = await protocolPage(ext);
    managementReady = await seedWith(probe, [{ type: 'suppressions/list' }]).then(() => true, () => false);
    await probe.close();
  });
  afterAll(async () => ext?.close());

  describe.each(surfaces('u').map((s) => [s.name, s] as const))('%s, person not in the ledger', (_name, s) => {
    test('the send is held, nothing leaves, cancel keeps the draft', async () => {
      const { page, frame } = await openSurface(ext, s);
      expect(await stateOf(s, frame), 'the adapter could not read this composer').not.toBe('inactive');
      const root = s.root(frame);
      await s.draft(root, frame);
      const before = s.draftText ? await s.draftText(root) : '';
      await s.send(root, frame);
      const dialog = await new HoldDialog(frame).waitVisible();
      expect(await dialog.decision()).toMatch(/^(block|warn)$/);
      expect(await sentIn(frame)).toEqual([]);
      await dialog.button('cancel').click();
      await dialog.waitGone();
      expect(await sentIn(frame)).toEqual([]);
      expect(await root.count(), 'cancel must not close the composer').toBe(1);
      if (s.draftText) expect(await s.draftText(root)).toBe(before);
      await page.close();
    });
  });

  describe.each(surfaces('a').map((s) => [s.name, s] as const))('%s, send anyway', (_name, s) => {
    test('"send anyway" with a reason re-issues the same send path exactly once', async () => {
      const { page, frame } = await openSurface(ext, s);
      const root = s.root(frame);
      await s.draft(root, frame);
      await s.send(root, frame);
      const dialog = new HoldDialog(frame as Page);
      await dialog.waitVisible();
      await dialog.sendAnyway('Bestaande klant, vroeg zelf om dit bericht (e2e)');
      await frame.waitForFunction(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent.length > 0, undefined, { timeout: 5_000 });
      await page.waitForTimeout(300);
      expect(await sentIn(frame)).toHaveLength(1);
      await page.close();
    });
  });

  describe.each(surfaces('o').map((s) => [s.name, s] as const))('%s, person with an objection', (_name, s) => {
    test('held with decision "block"; the message did not leave', async (ctx) => {
      if (managementReady) {
        const seed = await protocolPage(ext);
        await seedWith(seed, [{ type: 'suppressions/add', by: 'linkedin', value: s.objection, scope: 'all', reason: 'asked not to be contacted (e2e)' }]);
        await seed.close();
      } else ctx.skip(); // this build answers no management requests yet: nothing can record an objection (reported)
      const { page, frame } = await openSurface(ext, s);
      const root = s.root(frame);
      await s.draft(root, frame);
      await s.send(root, frame);
      const dialog = await new HoldDialog(frame).waitVisible();
      expect(await dialog.decision()).toBe('block');
      // held because of the objection itself (a person without any basis is blocked too)
      expect(await dialog.text()).toMatch(/objected|bezwaar/i);
      expect(await sentIn(frame)).toEqual([]);
      await page.close();
    });
  });

  test('a bubble whose markup changed (no known root, editor still there): "not active" badge, and a send is still held', async () => {
    const s: Surface = { ...surfaces('x')[0]!, url: `${L}/notifications/?changed=1` };
    await serve(ext, s.url, s.file, { 'msg-overlay-conversation-bubble ': 'msg-overlay-conversation-bubble-v2 ' });
    const page = await ext.context.newPage();
    await page.goto(s.url);
    await page.locator('[data-outreach-guard="inactive-badge"]').first().waitFor({ state: 'attached', timeout: 10_000 });
    const root = page.locator('.msg-overlay-conversation-bubble-v2');
    await root.locator('.msg-form__contenteditable').click();
    await root.locator('.msg-form__contenteditable').pressSequentially('Hello Dana');
    await root.locator('button.msg-form__send-button').click();
    await new HoldDialog(page).waitVisible();
    expect(await sentIn(page)).toEqual([]);
    await page.close();
  });

  test('a quick reply that is no marketing ("Sounds good!") to a person not in the ledger leaves at once, without a dialog', async () => {
    const qr = surfaces('n').find((x) => x.name === 'thread page, quick reply')!;
    const s: Surface = { ...qr, rename: { 'dana-whitfield-4b1a27': 'plain-reply-dana' } };
    const { page, frame } = await openSurface(ext, s);
    await s.send(s.root(frame), frame);
    await frame.waitForFunction(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent.length > 0, undefined, { timeout: 5_000 });
    expect((await sentIn(frame)).map((m) => m.text)).toEqual(['Sounds good!']);
    expect(await new HoldDialog(frame).isOpen()).toBe(false);
    await page.close();
  });

  test('thread page, person with consent: the disclosure is inserted, then the message leaves once; the next one passes without a dialog', async (ctx) => {
    if (!managementReady) ctx.skip(); // this build answers no management requests yet: nothing can record a basis (reported)
    const today = new Date().toISOString().slice(0, 10);
    const profileUrl = `${L}/in/clean-dana/`;
    const seed = await protocolPage(ext);
    const [, saved] = (await seedWith(seed, [
      {
        type: 'settings/save',
        settings: {
          organisation: { legalName: 'Acme BV', contact: 'Keizersgracht 1, 1015 CJ Amsterdam, info@acme.example', privacyUrl: 'https://acme.example/privacy', optOutMethod: 'reply "stop"', dpo: '', country: 'NL', exempt2026: false },
          rep: { name: 'Sam Rivera', email: 'sam@acme.example' },
        },
      },
      {
        type: 'contacts/save',
        contact: {
          name: 'Dana Whitfield',
          linkedin: [profileUrl],
          recipientKind: 'natural_professional',
          provenance: { source: 'linkedin_manual', obtainedAt: today, url: profileUrl },
          basis: {
            type: 'consent',
            who: 'Dana Whitfield',
            when: today,
            how: 'written_note',
            what: { entity: 'Acme BV', products: [], channels: ['linkedin_dm', 'linkedin'] },
            capturedBy: 'Sam Rivera',
            shownText: 'May we keep in touch on LinkedIn about procurement analytics?',
          },
        },
      },
    ])) as [unknown, { id: string }];
    const [page0] = (await seedWith(seed, [{ type: 'contacts/get', id: saved.id }])) as [{ bases: { id: string }[] }];
    // a complete consent record has an evidence reference (EV-01)
    await seedWith(seed, [{ type: 'evidence/add-note', contactId: saved.id, basisId: page0.bases[0]!.id, date: today, title: 'Consent at the fair', text: 'Dana asked us to keep her informed on LinkedIn.' }]);
    await seed.close();
    const s: Surface = { ...surfaces('c')[4]!, url: `${L}/messaging/thread/2-clean/`, rename: { 'dana-whitfield-4b1a27': 'clean-dana' } };
    // an offer (a thank-you alone is not marketing and needs no notice)
    const text = 'Hi Dana, our procurement analytics offer for your team: 15% off this quarter.';
    const { page } = await openSurface(ext, s);
    const root = s.root(page);
    const editor = root.locator('.msg-form__contenteditable');
    await editor.click();
    await editor.pressSequentially(text);
    await root.locator('button.msg-form__send-button').click();
    // first contact: the engine asks for the sender identity, opt-out and privacy notice (the disclosure)
    const dialog = await new HoldDialog(page).waitVisible();
    expect(await sentIn(page)).toEqual([]);
    await dialog.button('insert-disclosure').click();
    // inserted at the end of the draft with execCommand, so LinkedIn's editor (here: the page) sees it
    await expect.poll(async () => (await editor.innerText()).length, { timeout: 10_000 }).toBeGreaterThan(text.length + 20);
    // innerText puts blank lines around every <p>; compare lines, not their spacing
    const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);
    const withDisclosure = (await editor.innerText()).trim();
    expect(withDisclosure.startsWith(text)).toBe(true);
    const why = async () => dialog.text().catch(() => '(no dialog)');
    await expect.poll(async () => dialog.button('send').count(), { timeout: 10_000, message: 'after the disclosure the verdict should be clean' }).toBe(1).catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${await why()}`);
    });
    await dialog.button('send').click();
    await page.waitForFunction(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent.length > 0, undefined, { timeout: 5_000 });
    await page.waitForTimeout(300);
    const sentNow = await sentIn(page);
    expect(sentNow).toHaveLength(1);
    expect(lines(sentNow[0]!.text)).toEqual(lines(withDisclosure));

    // the next message, written with the disclosure, is clean while typing and leaves without a dialog
    await editor.click();
    for (const [i, line] of lines(withDisclosure).entries()) {
      if (i > 0) await page.keyboard.press('Shift+Enter');
      if (line) await page.keyboard.insertText(line);
    }
    await page.waitForFunction(() => document.querySelector('div.msg-thread')?.getAttribute('data-outreach-guard-state') === 'clean', undefined, { timeout: 15_000 }).catch(async () => {
      await root.locator('button.msg-form__send-button').click();
      expect.fail(`a message with the disclosure to a person with consent was not clean:\n${await why()}`);
    });
    await root.locator('button.msg-form__send-button').click();
    await page.waitForFunction(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent.length > 1, undefined, { timeout: 5_000 });
    expect(await new HoldDialog(page).isOpen()).toBe(false);
    expect(await sentIn(page)).toHaveLength(2);
    await page.close();
  });
});
