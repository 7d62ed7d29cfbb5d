import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchExtension, protocolPage, type Extension } from '../harness';
import { ADMIN, startCouch, type TestCouch } from '../../unit/sync/couch-server';
import { WebmailPage } from '../webmail/webmail-pages';

// The team key and server password are for trusted contexts only. A content script (the extension's own
// isolated world in a web page, with chrome.storage) and the page's own scripts (main world) both try
// to read the team configuration and to remove it; the team list must keep holding sends afterwards.

/** Runs `expression` in the extension's content-script world of `page` (found through the DevTools protocol). */
async function inContentScriptWorld(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => worlds.push(e.context));
  await cdp.send('Runtime.enable'); // reports every existing context
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Outreach Guard');
  if (!world) throw new Error(`no content-script world in ${page.url()}: ${worlds.map((w) => w.name).join(', ')}`);
  const res = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  await cdp.detach();
  if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
  return res.result.value;
}

describe('team secrets against page and content-script worlds', () => {
  let couch: TestCouch;
  let ext: Extension;
  let extPage: Page;

  beforeAll(async () => {
    couch = await startCouch();
    ext = await launchExtension();
    await ext.context.route(`${couch.url}/**`, (route) => route.continue()); // the one server the harness lets through
    extPage = await protocolPage(ext);
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
    await couch?.dispose();
  });

  test('a content script cannot read the team key or password, and removing storage does not switch the team list off', async () => {
    await ask(extPage, { type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'team-secrets' });
    await ask(extPage, { type: 'team/add-entry', identity: { emails: ['jan.jansen@acme.nl'] }, reason: 'Bezwaar', scope: 'all', level: 'person' });
    await expect.poll(async () => (await ask<{ pendingUploads: number }>(extPage, { type: 'team/status' })).pendingUploads, { timeout: 15_000 }).toBe(0);

    const mail = await WebmailPage.gmail(ext, 'gmail-new-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);

    // Everything the content-script world can see of extension storage holds no secret.
    const seen = (await inContentScriptWorld(mail.page, 'chrome.storage.local.get(null).then((all) => JSON.stringify(all))')) as string;
    expect(seen).not.toContain(ADMIN.password);
    expect(seen).not.toContain('teamKey');
    expect(seen).not.toContain('team-secrets');
    // storage.session is for trusted contexts only (Chromium's default): a content script cannot open it.
    await expect(inContentScriptWorld(mail.page, 'chrome.storage.session.get(null)')).rejects.toThrow(/access|not allowed|trusted/i);
    // The page's own scripts have no extension APIs at all.
    expect(await mail.page.evaluate(() => typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage)).toBe('undefined');

    // Removal: the old key and everything else a content script may remove.
    await inContentScriptWorld(mail.page, "chrome.storage.local.remove('teamConfig').then(() => chrome.storage.local.clear()).then(() => true)");

    expect(await ask(extPage, { type: 'team/status' })).toMatchObject({ inTeam: true, role: 'lead', entries: 1 });
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await mail.sent()).toHaveLength(0);
  }, 120_000);
});
