import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixturesDir, GuardedComposer, launchExtension, routeSite, type Extension } from '../harness';
import type { Page } from 'playwright-core';

// The shared hold flow in a real Chromium with the built extension, on the Gmail compose fixture (its
// harness.js imitates Gmail's own send in the bubble phase and records what left in window.__fixture).
// The recipients are not in the ledger, so whatever the background answers (a verdict that is not clean,
// or no verdict at all) the send must be held and leave only when the rep says so.

const url = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

async function gmailPage(ext: Extension): Promise<Page> {
  const harnessJs = await readFile(path.join(fixturesDir, 'gmail', 'harness.js'), 'utf8');
  await routeSite(ext.context, 'https://mail.google.com/**', { file: 'gmail/gmail-new-compose.html' }, {
    transform: (html) => html.replace('</body>', `<script>${harnessJs}</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

const sentCount = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);

describe('hold flow on a Gmail compose', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('a send to people not in the ledger is held; cancel sends nothing; send anyway sends exactly once', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('held');

    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    expect(await dialog.decision()).toMatch(/^(block|warn)$/);
    expect(await sentCount(page)).toBe(0);
    expect(await page.locator('html').getAttribute('data-outreach-guard-status')).toBe('held');

    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await sentCount(page)).toBe(0);

    await page.locator('div.M9 .aoO[role=button]').first().click();
    await dialog.waitVisible();
    await dialog.sendAnyway('Bestaande klant, belde zelf om deze offerte');
    await page.waitForFunction(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length > 0);
    await page.waitForTimeout(300);
    expect(await sentCount(page)).toBe(1);
    expect(await dialog.isOpen()).toBe(false);
    await page.close();
  });

  test('Ctrl+Enter is held like the Send button', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    await composer.waitForState(['held', 'clean', 'inactive']);
    await page.locator('div.M9 [g_editable="true"]').first().click();
    await page.keyboard.press('Control+Enter');
    await composer.holdDialog().waitVisible();
    expect(await sentCount(page)).toBe(0);
    await page.keyboard.press('Escape');
    await composer.holdDialog().waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });
});

describe('in a Dutch browser', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'nl-NL' });
  });
  afterAll(async () => ext?.close());

  test('the hold dialog speaks Dutch and Esc cancels it', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    await composer.waitForState(['held', 'clean', 'inactive']);
    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    expect(await dialog.button('cancel').innerText()).toBe('Annuleren');
    expect(await dialog.button('send-anyway').innerText()).toBe('Toch versturen');
    await page.keyboard.press('Escape');
    await dialog.waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });
});
