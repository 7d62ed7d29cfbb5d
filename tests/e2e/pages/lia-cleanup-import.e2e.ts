import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, go, launch, listContacts, openOptions, seedContact } from './pages';

// Legitimate-interest assessments, clean-up with bulk erase, and CSV import with row errors.

describe('assessments, clean-up and import', () => {
  let ext: Extension;
  let page: Page;
  beforeAll(async () => {
    ext = await launch('en-US');
    page = await openOptions(ext, '#/assessments/new');
  });
  afterAll(async () => ext?.close());

  test('an assessment is written in the three EDPB steps and saved as version 1, then version 2', async () => {
    await byLabel(page, 'Title').fill('Facility managers NL');
    await byLabel(page, 'The legitimate interest').fill('Acquiring B2B customers for our planning software among facility managers.');
    await page.getByLabel('The interest is lawful').check();
    await page.getByLabel('The interest is real and present, not speculative').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await byLabel(page, 'Why the processing is necessary').fill('Name, role and business e-mail only.');
    await page.getByRole('button', { name: 'Next' }).click();
    await byLabel(page, 'Reasonable expectations').fill('Facility managers expect such offers.');
    await byLabel(page, 'Balancing: impact and nature of the data').fill('Low impact; opt-out honoured at once.');
    await page.getByRole('button', { name: 'Next' }).click();
    await byLabel(page, 'Decided by').fill('Sanne de Vries');
    await byLabel(page, 'Review date').fill('2027-06-01');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByRole('button', { name: 'Write a new version' }).waitFor();
    const { items } = await ask<{ items: Array<{ id: string; title: string; version: number }> }>(page, { type: 'assessments/list' });
    expect(items).toMatchObject([{ title: 'Facility managers NL', version: 1 }]);

    await page.getByRole('button', { name: 'Write a new version' }).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next' }).click();
    await byLabel(page, 'Review date').fill('2027-12-01');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByRole('button', { name: 'Write a new version' }).waitFor();
    const got = await ask<{ assessment: { version: number; reviewDate: string }; versions: number[] }>(page, { type: 'assessments/get', id: items[0]!.id });
    expect(got.versions).toEqual([1, 2]);
    expect(got.assessment).toMatchObject({ version: 2, reviewDate: '2027-12-01' });
  });

  test('clean-up counts contacts without a provable basis and erases them after a confirmation that says how many', async () => {
    await seedContact(page, { name: 'Oud Contact 1', emails: ['oud1@example.nl'], source: 'legacy_import', legacy: true });
    await seedContact(page, { name: 'Oud Contact 2', emails: ['oud2@example.nl'], source: 'legacy_import', legacy: true });
    await seedContact(page, {
      name: 'Klant Met Basis',
      emails: ['klant@example.nl'],
      basis: { type: 'customer', entity: 'Acme B.V.', saleDate: '2026-01-01', informedAtCollection: true, optOutOfferedAtCollection: true, evidenceIds: [] },
    });
    await go(page, '#/cleanup');
    const count = page.getByTestId('count-no_provable_basis');
    await expect.poll(() => count.textContent()).toBe('2');
    await page.getByRole('region', { name: 'No provable basis' }).getByLabel('Include in the erase').check();
    await page.getByRole('button', { name: 'Erase 2 contacts…' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('2 contacts and their evidence will be deleted');
    await dialog.getByRole('button', { name: 'Erase 2 contacts' }).click();
    await page.getByText('2 contacts erased.').waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('2');
    await expect.poll(() => count.textContent()).toBe('0');
    expect((await listContacts(page)).items.map((c) => c.name)).toEqual(['Klant Met Basis']);
  });

  test('a CSV with a bad row imports nothing and names the row; a good one imports', async () => {
    await go(page, '#/import-export');
    const dir = await mkdtemp(`${tmpdir()}/og-ui-`);
    const bad = `${dir}/bad.csv`;
    await writeFile(bad, 'Naam;E-mail;Telefoon\nJan Jansen;jan@acme.nl;0612345678\nPiet;piet@;0612345679\n');
    await page.locator('input[type=file][accept^=".csv"]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    const errors = page.getByTestId('csv-errors');
    await errors.waitFor();
    // Piet's row: line 3 of the file, the E-mail column.
    const cells = await errors.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toEqual(['3', 'E-mail', '“piet@” is not a valid e-mail address.']);
    expect((await listContacts(page, 'jansen')).total).toBe(0);

    const good = `${dir}/good.csv`;
    await writeFile(good, '\uFEFFNaam;E-mail;Telefoon\nJan Jansen;jan@acme.nl;0612345678\nPiet Pieters;piet@acme.nl;0612345679\n');
    await page.locator('input[type=file][accept^=".csv"]').setInputFiles(good);
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByTestId('csv-result').waitFor();
    expect((await listContacts(page, 'acme')).total).toBe(2);
  });
});
