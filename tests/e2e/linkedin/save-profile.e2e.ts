import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extensionDir, launchExtension, routeSite, waitForGuardFrame, type Extension } from '../harness';

// "Save to my list" on profile and Sales Navigator lead pages, in Chromium with the built extension.
// The control is mounted by mountSaveProfile(ctx) (lib/sites/linkedin/save-profile.ts), which the
// linkedin content script must call; these tests are skipped, saying so, on a build that does not.

const L = 'https://www.linkedin.com';

async function open(ext: Extension, url: string, file: string): Promise<Page> {
  await routeSite(ext.context, url, { file: `linkedin/${file}` });
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

/** The control's content, in the guard's own frame (the page holds only its host element). */
const control = async (page: Page) => {
  await page.locator('[data-outreach-guard="save-profile"]').waitFor({ state: 'attached', timeout: 10_000 });
  return (await waitForGuardFrame(page, 'save')).locator('body');
};

describe('Save to my list', () => {
  let ext: Extension;
  let wired = false;
  beforeAll(async () => {
    const script = await readFile(path.join(extensionDir(), 'content-scripts', 'linkedin.js'), 'utf8').catch(() => '');
    wired = script.includes('save-profile');
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('profile page: pick a basis, save, and the profile shows as saved after a reload', async (ctx) => {
    if (!wired) ctx.skip(); // the content script does not call mountSaveProfile yet
    const page = await open(ext, `${L}/in/lee-okafor-77/`, 'profile.html');
    await (await control(page)).locator('[data-action="open-save"]').click();
    await (await control(page)).locator('input[data-basis="consent"]').check();
    await (await control(page)).locator('textarea[data-field="note"]').fill('Asked at the fair to stay in touch');
    await (await control(page)).locator('[data-action="save"]').click();
    await expect.poll(async () => (await control(page)).locator('[data-field="message"]').innerText(), { timeout: 10_000 }).toMatch(/Saved to your list|Opgeslagen/);
    await page.reload();
    await expect.poll(async () => (await control(page)).locator('.og').innerText(), { timeout: 10_000 }).toMatch(/Already in your list|Staat al in je lijst/);
    await page.close();
  });

  test('restricted profile ("LinkedIn Member", out of network): says so and offers no save', async (ctx) => {
    if (!wired) ctx.skip();
    const page = await open(ext, `${L}/in/ACoAAE1a2b3c4d5e6f7g8h9i0jKlMnOpQrStUvW/`, 'profile-restricted.html');
    await expect.poll(async () => (await control(page)).locator('.og').innerText(), { timeout: 10_000 }).toMatch(/limits who may see it|beperkt wie het mag zien/);
    expect(await (await control(page)).locator('[data-action="open-save"]').count()).toBe(0);
    await page.close();
  });

  test('markup in the name is shown as text and never runs', async (ctx) => {
    if (!wired) ctx.skip();
    const page = await open(ext, `${L}/in/mallory-x/`, 'profile-markup-name.html');
    await expect.poll(async () => (await control(page)).locator('[data-field="name"]').innerText(), { timeout: 10_000 }).toBe('<img src=x onerror="window.__pwned=1">Mallory');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  test('Sales Navigator lead page: the control saves with a quote request as the basis', async (ctx) => {
    if (!wired) ctx.skip();
    const page = await open(ext, `${L}/sales/lead/ACwAAC3z4mSEf2yCw6OpSt3vZ4bXh7UjKlMnOp3,NAME_SEARCH,Ab1C`, 'salesnav-lead.html');
    await expect.poll(async () => (await control(page)).locator('[data-field="name"]').innerText(), { timeout: 10_000 }).toBe('Ana Costa');
    await (await control(page)).locator('[data-action="open-save"]').click();
    await (await control(page)).locator('input[data-basis="contract_request"]').check();
    await (await control(page)).locator('[data-action="save"]').click();
    await expect.poll(async () => (await control(page)).locator('[data-field="message"]').innerText(), { timeout: 10_000 }).toMatch(/Saved to your list|Opgeslagen/);
    await page.close();
  });
});
