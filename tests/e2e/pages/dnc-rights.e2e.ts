import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, go, launch, openOptions, seedContact } from './pages';

// Do-not-contact entries and rights requests (access export, erasure) as a user does them.

describe('do-not-contact and rights requests', () => {
  let ext: Extension;
  let page: Page;
  beforeAll(async () => {
    ext = await launch('en-US');
    page = await openOptions(ext, '#/dnc');
  });
  afterAll(async () => ext?.close());

  test('an e-mail and a whole domain are blocked; an invalid address is refused inline', async () => {
    await byLabel(page, 'E-mail address').fill('nee@example.nl');
    await byLabel(page, 'Reason').fill('Objected by phone');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(/^Added \(\d+ keys\)\.$/).waitFor();
    expect((await ask<{ suppressed: boolean }>(page, { type: 'lookup/person', query: 'NEE@example.nl' })).suppressed).toBe(true);

    await byLabel(page, 'Block by').selectOption('domain');
    await byLabel(page, 'Domain, e.g. acme.nl').fill('acme');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Not a valid domain, e.g. acme.nl').waitFor();
    await byLabel(page, 'Domain, e.g. acme.nl').fill('concurrent.nl');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await ask<{ total: number }>(page, { type: 'suppressions/list', offset: 0, limit: 50 })).total).toBe(2);
    // the page re-reads its list after the ledger answered: wait for the second row to be rendered
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
  });

  test('the access export downloads as JSON and shows as a readable page', async () => {
    const id = await seedContact(page, { name: 'Anna de Vries', emails: ['anna@klant.nl'], phones: ['+31201234567'] });
    await go(page, `#/rights/${id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
    const json = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(JSON.stringify(json)).toContain('anna@klant.nl');
    await page.getByRole('button', { name: 'Show a readable report' }).click();
    const report = page.locator('.access-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('anna@klant.nl');
    // Printing hides the navigation and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // Another person's page starts empty: never person A's report, nor A's data under B's file name.
    const bert = await seedContact(page, { name: 'Bert Bakker', emails: ['bert@klant.nl'] });
    await go(page, `#/rights/${bert}`);
    await page.locator('main h2', { hasText: 'Bert Bakker' }).waitFor();
    expect(await page.locator('.access-report').count()).toBe(0);
    const [bertDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
    const bertJson = JSON.stringify(JSON.parse(await readFile((await bertDownload.path())!, 'utf8')));
    expect(bertJson).toContain('bert@klant.nl');
    expect(bertJson).not.toContain('anna@klant.nl');
    await go(page, `#/rights/${id}`);
    await page.locator('main h2', { hasText: 'Anna de Vries' }).waitFor();
  });

  test('erasure asks first, then keeps only a suppression key', async () => {
    const url = page.url();
    const id = decodeURIComponent(url.split('#/rights/')[1]!);
    await page.getByRole('button', { name: 'Erase this person' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    // Focus starts on Cancel, so Enter alone never erases.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await dialog.getByRole('button', { name: 'Erase' }).click();
    await page.getByTestId('erased').waitFor();
    await expect(ask(page, { type: 'contacts/get', id })).rejects.toThrow();
    const after = await ask<{ found: boolean; suppressed: boolean }>(page, { type: 'lookup/person', query: 'anna@klant.nl' });
    expect(after).toMatchObject({ found: false, suppressed: true });
  });
});
