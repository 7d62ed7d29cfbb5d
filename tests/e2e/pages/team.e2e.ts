import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ADMIN, startCouch, type TestCouch } from '../../unit/sync/couch-server';
import { ask, byLabel, launch, openOptions } from './pages';

// The team screen against a real CouchDB-protocol server: the lead creates the team and sees the invite
// code as text and QR; a bad invite code gets a plain-words message; joining shows the sync status.

/** Stands in for the user pressing "Allow" on the browser's permission prompt (headless has no prompt UI). */
async function approvePermissionPrompts(page: Page) {
  await page.evaluate(() => {
    const g = globalThis as unknown as { chrome: { permissions: { request: (p: unknown) => Promise<boolean> } } };
    (globalThis as unknown as { __permissionAsks: unknown[] }).__permissionAsks = [];
    g.chrome.permissions.request = async (p: unknown) => {
      (globalThis as unknown as { __permissionAsks: unknown[] }).__permissionAsks.push(p);
      return true;
    };
  });
}

describe('team screen', () => {
  let couch: TestCouch;
  let ext: Extension;
  let page: Page;
  beforeAll(async () => {
    couch = await startCouch();
    ext = await launch('en-US');
    await ext.context.route(`${couch.url}/**`, (route) => route.continue());
    page = await openOptions(ext, '#/team');
    await approvePermissionPrompts(page);
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
    await couch?.dispose();
  });

  test('a garbled invite code is refused in plain words before anything is sent', async () => {
    await byLabel(page, 'Invite code').fill('not-a-code');
    await byLabel(page, 'User name').first().fill('rep');
    await byLabel(page, 'Password').first().fill('secret');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('This invite code is not valid. Ask your team lead for a new one.').waitFor();
    expect((await ask<{ inTeam: boolean }>(page, { type: 'team/status' })).inTeam).toBe(false);
  });

  test('the lead creates the team and gets the invite code as text and as a QR code', async () => {
    await byLabel(page, 'Server address').fill(couch.url);
    await byLabel(page, 'Database name').fill('ui-team');
    await byLabel(page, 'Admin user name').fill(ADMIN.username);
    await page.getByRole('form', { name: 'Create a team (team lead)' }).getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the team' }).click();
    await page.getByText('Team created. Give the invite code to your reps.').waitFor({ timeout: 30_000 });
    const code = await page.locator('#invite-text').inputValue();
    expect(code.length).toBeGreaterThan(40);
    expect(await page.locator('.qr svg').count()).toBe(1);
    // The permission was asked for exactly the server's origin.
    const asks = await page.evaluate(() => (globalThis as unknown as { __permissionAsks: unknown[] }).__permissionAsks);
    expect(asks).toEqual([{ origins: [`${new URL(couch.url).origin}/*`] }]);
    const status = await ask<{ inTeam: boolean; role: string }>(page, { type: 'team/status' });
    expect(status).toMatchObject({ inTeam: true, role: 'lead' });
    await page.getByRole('heading', { name: 'Sync status' }).waitFor();
  });

  test('the lead adds a rep account on the server; a short password is refused inline', async () => {
    const form = page.getByRole('form', { name: 'Add a rep account' });
    await form.getByLabel(/^User name/).fill('rep-anna');
    await form.getByLabel(/^Password/).fill('kort');
    await form.getByRole('button', { name: 'Create the account' }).click();
    await form.getByText('At least 8 characters.').waitFor();
    await form.getByLabel(/^Password/).fill('anna-wachtwoord');
    await form.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('Account rep-anna created.', { exact: false }).waitFor();
    const user = await couch.admin('GET', '_users/org.couchdb.user:rep-anna');
    expect(user.status).toBe(200);
  });
});
