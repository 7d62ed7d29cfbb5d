import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixturesDir, GuardedComposer, HoldDialog, launchExtension, routeSite, waitForGuardFrame, type Extension } from '../harness';
import type { Page } from 'playwright-core';

// The quiet marker beside the Gmail composer, in a real Chromium with the built extension: it shows the state
// the guard worked out while the rep typed, and opens the same explanation as the hold without sending.
// The fixture's draft is a cold commercial e-mail that an empty ledger blocks (NL-EM-01).

async function gmailPage(ext: Extension): Promise<Page> {
  const harnessJs = await readFile(path.join(fixturesDir, 'gmail', 'harness.js'), 'utf8');
  await routeSite(ext.context, 'https://mail.google.com/**', { file: 'gmail/gmail-new-compose.html' }, {
    transform: (html) => html.replace('</body>', `<script>${harnessJs}</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
  return page;
}

const sentCount = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);

describe('the composer marker on a Gmail compose', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('shows "needs attention" for a blocked draft and opens the reasons without a send', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('held');
    // In the page: only the host with its hook; the words are in the guard's frame.
    expect(await page.locator('[data-outreach-guard="marker"]').count()).toBe(1);
    const frame = await waitForGuardFrame(page, 'marker');
    const marker = frame.locator('button[data-marker-state="attention"]');
    await marker.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await marker.getAttribute('aria-label')).toMatch(/aandacht|attention/);

    await marker.click();
    const dialog = await new HoldDialog(page).waitVisible();
    expect(await dialog.decision()).toBe('block');
    const codes = await dialog.host.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
    expect(codes).toContain('NL-EM-01');
    expect(await dialog.actions()).not.toContain('send-anyway');
    expect(await sentCount(page)).toBe(0);
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });
});
