import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ask, badgeOfPage, fixturesDir, GuardedComposer, HoldDialog, launchExtension, protocolPage, routeSite, seedWith, tabGuardState, type Extension } from '../harness';
import type { Page } from 'playwright-core';

// The shared hold flow in a real Chromium with the built extension and its real background (ledger +
// rules engine), on the Gmail compose fixture (its harness.js imitates Gmail's own send in the bubble
// phase and records what left in window.__fixture).
// The fixture's draft is a cold commercial e-mail to Jan Jansen and info@bakkerij-devries.nl; with an empty
// ledger the engine blocks it (NL-EM-01: no consent and no customer relationship for commercial e-mail).

const url = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

/** The fixture's draft turned into a plain service message (NC-01: not commercial). */
const invoiceDraft = (html: string) =>
  html
    .replace(/value="Kennismaking:[^"]*"/, 'value="Factuur maart"')
    .replace(
      /(<div id=":q6"[^>]*>)[\s\S]*?(<span class="gmail_signature_prefix">)/,
      '$1<div>Beste Jan,</div><div><br></div><div>Hierbij de factuur van maart, zoals besproken.</div><div><br></div><div>Met vriendelijke groet,</div><div><br></div>$2',
    );

async function gmailPage(ext: Extension, transform: (html: string) => string = (h) => h): Promise<Page> {
  const harnessJs = await readFile(path.join(fixturesDir, 'gmail', 'harness.js'), 'utf8');
  await routeSite(ext.context, 'https://mail.google.com/**', { file: 'gmail/gmail-new-compose.html' }, {
    transform: (html) => transform(html).replace('</body>', `<script>${harnessJs}</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

const sentCount = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);

/** Codes of the findings the dialog shows (each finding carries data-code). */
const dialogCodes = (page: Page) =>
  new HoldDialog(page).host.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));

describe('hold flow on a Gmail compose', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('a cold pitch to people not in the ledger is blocked (NL-EM-01); cancel sends nothing; send anyway sends exactly once', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    // The verdict is worked out before Send: the composer shows "held" already.
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('held');

    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await dialogCodes(page)).toContain('NL-EM-01');
    expect(await dialog.actions()).toEqual(expect.arrayContaining(['cancel', 'insert-disclosure', 'send-anyway']));
    expect(await sentCount(page)).toBe(0);
    expect(await tabGuardState(ext, page)).toBe('held');

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

    // The override is in the audit log with its reason and codes.
    const ext_ = await protocolPage(ext);
    const audit = JSON.stringify(await ask(ext_, { type: 'audit/list' }));
    expect(audit).toContain('"action":"override"');
    await ext_.close();
    await page.close();
  });

  test('Ctrl+Enter is held like the Send button', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('held');
    await page.locator('div.M9 [g_editable="true"]').first().click();
    await page.keyboard.press('Control+Enter');
    const dialog = await composer.holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await sentCount(page)).toBe(0);
    await page.keyboard.press('Escape');
    await composer.holdDialog().waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });

  test('while the dialog is open the toolbar badge and the tab state say "held"', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    await composer.waitForState('held');
    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    let badge = await badgeOfPage(ext, page);
    for (let i = 0; i < 20 && badge.text !== '⏸'; i++) {
      await page.waitForTimeout(100);
      badge = await badgeOfPage(ext, page);
    }
    expect(badge.text).toBe('⏸');
    expect(badge.title).toContain('held');
    // The popup asks the same through the protocol.
    const ext_ = await protocolPage(ext);
    expect(await ask(ext_, { type: 'guard/tab-state', tabId: badge.tabId })).toMatchObject({ state: 'held', site: 'gmail' });
    await ext_.close();

    await dialog.button('cancel').click();
    await dialog.waitGone();
    // The draft would still be held, so the composer (and the tab) stay "held" until it is fixed.
    expect(await composer.state()).toBe('held');
    await page.close();
  });

  test('leaving Gmail for a site the guard does not run on clears the toolbar: it does not claim to guard that page', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    await composer.waitForState('held');
    let badge = await badgeOfPage(ext, page);
    for (let i = 0; i < 20 && !badge.title.includes('active'); i++) {
      await page.waitForTimeout(100);
      badge = await badgeOfPage(ext, page);
    }
    expect(badge.title).toContain('active on this page');
    await routeSite(ext.context, 'https://www.example.org/**', '<!doctype html><title>Elders</title><p>Geen webmail</p>');
    await page.goto('https://www.example.org/');
    const ext_ = await protocolPage(ext);
    let state = await ask(ext_, { type: 'guard/tab-state', tabId: badge.tabId });
    for (let i = 0; i < 20 && (state as { state: string }).state !== 'none'; i++) {
      await page.waitForTimeout(100);
      state = await ask(ext_, { type: 'guard/tab-state', tabId: badge.tabId });
    }
    expect(state).toEqual({ state: 'none' });
    badge = await badgeOfPage(ext, page);
    expect(badge.text).toBe('');
    expect(badge.title).not.toContain('active');
    await ext_.close();
    await page.close();
  });

  test("typing a reason in the dialog does not trigger Gmail's keyboard shortcuts", async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    await composer.waitForState('held');
    // Gmail's shortcuts listen in the capture phase on window and document.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __shortcutKeys: string[] }).__shortcutKeys = []);
      window.addEventListener('keydown', (e) => seen.push(e.key), true);
      document.addEventListener('keydown', (e) => seen.push(e.key), true);
    });
    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    await dialog.button('send-anyway').click();
    await dialog.reasonField().click();
    await page.keyboard.type('c#r');
    expect(await dialog.reasonField().inputValue()).toBe('c#r');
    expect(await page.evaluate(() => (window as unknown as { __shortcutKeys: string[] }).__shortcutKeys)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });
});

describe('a clean send with the real background', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
    const page = await protocolPage(ext);
    const today = new Date().toISOString().slice(0, 10);
    const customer = (name: string, email: string) => ({
      type: 'contacts/save',
      contact: {
        name,
        emails: [email],
        company: { name: 'Bakkerij De Vries B.V.', domain: email.split('@')[1] },
        recipientKind: 'natural_professional',
        provenance: { source: 'data_subject', detail: 'klant sinds 2025', obtainedAt: today },
        basis: { type: 'customer', entity: 'Demo Sales B.V.', product: 'Jaarabonnement', saleDate: '2025-06-01', informedAtCollection: true, optOutOfferedAtCollection: true, evidenceIds: [] },
      },
    });
    await seedWith(page, [
      {
        type: 'settings/save',
        settings: {
          organisation: { legalName: 'Demo Sales B.V.', contact: 'sales@demosales.nl', privacyUrl: 'https://demosales.nl/privacy', optOutMethod: 'afmelden@demosales.nl', dpo: '', country: 'NL', exempt2026: false },
        },
      },
      customer('Jan Jansen', 'jan.jansen@acme.nl'),
      customer('Bakkerij De Vries', 'info@bakkerij-devries.nl'),
    ]);
    await page.close();
  });
  afterAll(async () => ext?.close());

  test('an invoice e-mail to two customers goes through untouched: state clean, no dialog, sent exactly once', async () => {
    const page = await gmailPage(ext, invoiceDraft);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('clean');
    // Any dialog that appears at all, even for a moment, is noticed.
    await page.evaluate(() => {
      const w = window as unknown as { __dialogs: number };
      w.__dialogs = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if ((n as Element).matches?.('[data-outreach-guard="hold"]')) w.__dialogs++;
      }).observe(document.documentElement, { childList: true, subtree: true });
    });
    await page.locator('div.M9 .aoO[role=button]').first().click();
    await page.waitForFunction(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length > 0, undefined, { timeout: 2000 });
    await page.waitForTimeout(500);
    expect(await sentCount(page)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __dialogs: number }).__dialogs)).toBe(0);
    const sent = await page.evaluate(() => (window as unknown as { __fixture: { sent: { to: string[]; text: string }[] } }).__fixture.sent[0]!);
    expect(sent.to).toEqual(['jan.jansen@acme.nl', 'info@bakkerij-devries.nl']);
    expect(sent.text).toContain('Hierbij de factuur van maart');
    expect(await tabGuardState(ext, page)).toBe('active');
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
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('held');
    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await dialog.button('cancel').innerText()).toBe('Annuleren');
    expect(await dialog.button('send-anyway').innerText()).toBe('Toch versturen');
    await page.keyboard.press('Escape');
    await dialog.waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });
});
