import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ADMIN, startCouch, type TestCouch } from '../../unit/sync/couch-server';
import { ask, byLabel, go, launch, openOptions } from './pages';

// The team list on the do-not-contact page, against a real CouchDB-protocol server: the lead creates a
// team, records an objection for the team, sees it listed (who, when, not yet / now on the server) and
// retracts it behind a confirmation; a retract while the server is down fails in plain words.

/** Stands in for the user pressing "Allow" on the browser's permission prompt (headless has no prompt UI). */
async function approvePermissionPrompts(page: Page) {
  await page.evaluate(() => {
    const g = globalThis as unknown as { chrome: { permissions: { request: (p: unknown) => Promise<boolean> } } };
    g.chrome.permissions.request = async () => true;
  });
}

interface ListItem {
  ids: string[];
  label?: string;
  synced: boolean;
}

describe('team entries on the do-not-contact page', () => {
  let couch: TestCouch;
  let ext: Extension;
  let page: Page;
  const DB = 'dnc-team';
  /** What the server holds that still counts: a retraction leaves a tombstone (docs/team-sync.md), which is not an entry. */
  const allDocs = async () => {
    const all = (await couch.admin('GET', `${DB}/_all_docs?include_docs=true`)).json as { rows: { doc?: { retracted?: boolean } }[] };
    const rows = all.rows.filter((r) => r.doc?.retracted !== true);
    return { total_rows: rows.length, rows };
  };

  beforeAll(async () => {
    couch = await startCouch();
    ext = await launch('en-US');
    await ext.context.route(`${couch.url}/**`, (route) => route.continue());
    page = await openOptions(ext, '#/team');
    await approvePermissionPrompts(page);
    await byLabel(page, 'Server address').fill(couch.url);
    await byLabel(page, 'Database name').fill(DB);
    await byLabel(page, 'Admin user name').fill(ADMIN.username);
    await page.getByRole('form', { name: 'Create a team (team lead)' }).getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the team' }).click();
    await page.getByText('Team created. Give the invite code to your reps.').waitFor({ timeout: 30_000 });
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
    await couch?.dispose();
  });

  test('an objection shared with the team is listed with who recorded it, and reaches the server', async () => {
    await go(page, '#/dnc');
    const team = page.getByRole('region', { name: 'Team list' });
    await team.getByText('The team list is empty.').waitFor();
    await byLabel(page, 'E-mail address').fill('jan.jansen@acme.nl');
    await byLabel(page, 'Reason').fill('Objected by phone');
    await page.getByText('In a team, every entry also goes to the team list', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(/^Added \(\d+ keys\) and shared with the team\.$/).waitFor();

    const row = team.locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.first().textContent();
    expect(text).toContain('j•••@acme.nl'); // a masked label: every rep can read the team list
    expect(text).toContain('Objected by phone');
    expect(text).toContain('by admin');
    // The page looks again until the sync has delivered the entry.
    await team.getByText('not yet on the server').waitFor({ state: 'detached', timeout: 30_000 });
    const { items } = await ask<{ items: ListItem[] }>(page, { type: 'team/list-entries', offset: 0, limit: 10 });
    expect(items).toEqual([expect.objectContaining({ label: 'j•••@acme.nl', synced: true })]);
    const docs = await allDocs();
    expect(docs.total_rows).toBe(2); // the entry and the design doc
    expect(JSON.stringify(docs.rows)).not.toContain('jan.jansen');
  });

  test('the lead retracts it after confirming; it is gone from the list and from the server', async () => {
    const team = page.getByRole('region', { name: 'Team list' });
    await team.getByRole('button', { name: 'Retract j•••@acme.nl from the team list' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('j•••@acme.nl will be removed from the team list on the server', { exact: false }).waitFor();
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await allDocs()).total_rows).toBe(2);

    await team.getByRole('button', { name: 'Retract j•••@acme.nl from the team list' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Retract', exact: true }).click();
    await team.getByText('Retracted from the team list.').waitFor();
    await team.getByText('The team list is empty.').waitFor();
    expect((await allDocs()).total_rows).toBe(1);
    // The personal entry stays: retracting is about the team list only.
    expect((await ask<{ suppressed: boolean }>(page, { type: 'lookup/person', query: 'jan.jansen@acme.nl' })).suppressed).toBe(true);
  });

  test('a retract while the server is down says so in plain words and keeps the entry', async () => {
    await byLabel(page, 'Block by').selectOption('domain');
    await byLabel(page, 'Domain, e.g. acme.nl').fill('concurrent.nl');
    await byLabel(page, 'Reason').fill('Client of a partner');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const team = page.getByRole('region', { name: 'Team list' });
    await team.getByText('concurrent.nl').waitFor();
    await team.getByText('not yet on the server').waitFor({ state: 'detached', timeout: 30_000 });
    expect((await allDocs()).total_rows).toBe(2);

    await couch.stop();
    await team.getByRole('button', { name: 'Retract concurrent.nl from the team list' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Retract', exact: true }).click();
    const error = team.getByText(/^Could not retract the entry: /);
    await error.waitFor({ timeout: 30_000 });
    // Plain words (Dutch, then English), no raw network error. Headless Chromium cannot really grant the
    // host permission (the prompt is stubbed), so the background explains it as missing access.
    expect(await error.textContent()).toMatch(/team ?server/i);
    expect(await error.textContent()).not.toMatch(/fetch|TypeError|ECONN/);
    expect(await team.locator('tbody tr').count()).toBe(1);
    expect(await team.getByText('not yet on the server').count()).toBe(0);
  });
});
