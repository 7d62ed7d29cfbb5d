import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fixturesDir, GuardedComposer, HoldDialog, launchExtension, routeSite, waitForGuardFrame, type Extension } from '../harness';
import type { Page } from 'playwright-core';
import { composerOf, GMAIL_URL, LINKEDIN_URL, OUTLOOK_URL, serveSites, type Site } from './hold-screens';

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

/** Waits until the marker stops moving: it is pinned again once its frame reports its size. */
async function markerSettled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = JSON.stringify(await page.locator('[data-outreach-guard="marker"]').boundingBox());
    if (box === last && box !== 'null') return;
    last = box;
    await page.waitForTimeout(100);
  }
}

const sentCount = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);

// One retry here only: the first explanation opened in a fresh browser occasionally stays open after Cancel
// (seen 2 in 8 runs, not yet explained; the hold's own specs run without retries).
describe('the composer marker on a Gmail compose', { retry: 1 }, () => {
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
    await markerSettled(page);

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

// The same on each site's fixture (served with the site's imitation of Send): "needs attention" for a cold
// pitch, reachable with Tab, opening the explanation without a send, and the composer's layout unchanged.
describe('the composer marker on LinkedIn, Gmail and Outlook', { retry: 1 }, () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
    await serveSites(ext.context);
  });
  afterAll(async () => ext?.close());

  const urls = { gmail: GMAIL_URL, outlook: OUTLOOK_URL, linkedin: LINKEDIN_URL } as const;
  const sentOn = (page: Page, site: Site) =>
    page.evaluate((s) => {
      const w = window as unknown as { __fixture?: { sent: unknown[] }; __li?: { sent: unknown[] } };
      return (s === 'linkedin' ? w.__li?.sent : w.__fixture?.sent)?.length ?? 0;
    }, site);
  const boxesOf = (page: Page, site: Site) =>
    composerOf(page, site).evaluate((root) => {
      const boxes = [root, ...Array.from(root.querySelectorAll('*'))].slice(0, 400).map((el) => {
        const r = el.getBoundingClientRect();
        return `${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
      });
      return boxes.join(' ');
    });

  test.each(['linkedin', 'gmail', 'outlook'] as const)('%s: attention, keyboard-reachable, opens the reasons without a send, layout unchanged', async (site) => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(urls[site]);
    await page.waitForSelector('[data-outreach-guard-state]', { timeout: 15_000 });
    if (site === 'linkedin') {
      const editor = page.locator('.msg-form__contenteditable').first();
      await editor.click();
      await editor.pressSequentially('Hallo Dana, graag laat ik je kennismaken met onze planningssoftware. Zullen we volgende week een demo inplannen?');
    }
    const composer = new GuardedComposer(page, composerOf(page, site));
    expect(await composer.waitForState(['held', 'clean', 'inactive'], 15_000)).toBe('held');
    const frame = await waitForGuardFrame(page, 'marker');
    const marker = frame.locator('button[data-marker-state="attention"]');
    await marker.waitFor({ state: 'visible', timeout: 10_000 });
    await markerSettled(page);

    // The site's layout does not move: every box in the composer is where it is without the marker.
    const withMarker = await boxesOf(page, site);
    const markerHost = page.locator('[data-outreach-guard="marker"]');
    const box = await markerHost.boundingBox();
    await markerHost.evaluate((el) => (el as HTMLElement).style.setProperty('display', 'none'));
    expect(await boxesOf(page, site), 'the composer laid out the same without the marker').toBe(withMarker);
    await markerHost.evaluate((el) => (el as HTMLElement).style.removeProperty('display'));
    // …and it sits inside the composer, not over the site's Send control
    const root = await composerOf(page, site).boundingBox();
    expect(box && root && box.y >= root.y && box.y + box.height <= root.y + root.height + 1).toBe(true);

    // Keyboard: Tab from the editor reaches the marker.
    const editor = site === 'gmail' ? '[g_editable="true"]' : site === 'outlook' ? '[aria-multiline="true"][contenteditable="true"]' : '.msg-form__contenteditable';
    await composerOf(page, site).locator(editor).first().focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await frame.evaluate(() => document.hasFocus() && !!document.activeElement?.matches('button[data-marker-state]')).catch(() => false);
    }
    expect(reached, 'Tab reaches the marker').toBe(true);

    // Enter on it opens the explanation; nothing is sent, and there is no "send anyway".
    await page.keyboard.press('Enter');
    const dialog = await new HoldDialog(page).waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await dialog.actions()).not.toContain('send-anyway');
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await sentOn(page, site)).toBe(0);
    await page.close();
  });
});
