import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, go, launch, listContacts, openOptions, seedContact } from './pages';

// Contacts: add with validation (nothing half-saved), search, the contact page with evidence.

describe('contacts', () => {
  let ext: Extension;
  let page: Page;
  beforeAll(async () => {
    ext = await launch('en-US');
    page = await openOptions(ext, '#/contacts');
  });
  afterAll(async () => ext?.close());

  test('bad input gets inline messages and nothing is stored', async () => {
    await go(page, '#/contacts/new');
    await byLabel(page, 'E-mail addresses').fill('jan@acme.nl, piet@');
    await byLabel(page, 'Source').selectOption('company_website');
    await byLabel(page, 'Obtained on').fill('2099-01-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.field-invalid .error').allTextContents()).toEqual([
      'This field is required.',
      'Not a valid e-mail address: piet@',
      'This date is in the future.',
    ]);
    // Keyboard users land on the first problem.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    expect((await listContacts(page)).total).toBe(0);
  });

  test('a valid contact is saved with its source and basis, and opens on its own page', async () => {
    await byLabel(page, 'Name').fill('Jan Jansen');
    await byLabel(page, 'E-mail addresses').fill('jan@acme.nl');
    await byLabel(page, 'Phone numbers').fill('06 12345678');
    await byLabel(page, 'Obtained on').fill('2026-11-01');
    await byLabel(page, 'Basis').selectOption('consent');
    await byLabel(page, 'Who gave consent').fill('Jan Jansen');
    await byLabel(page, 'When').fill('2026-11-02');
    await byLabel(page, 'For which legal entity').fill('Acme B.V.');
    await byLabel(page, 'Recorded by').fill('Sanne');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('main h1', { hasText: 'Jan Jansen' }).waitFor();
    const { items } = await listContacts(page, 'jansen');
    expect(items.map((c) => c.name)).toEqual(['Jan Jansen']);
    const detail = await ask<{ bases: Array<{ type: string; who?: string }>; provenance: Array<{ source: string; obtainedAt: string }> }>(page, {
      type: 'contacts/get',
      id: items[0]!.id,
    });
    expect(detail.bases).toMatchObject([{ type: 'consent', who: 'Jan Jansen' }]);
    expect(detail.provenance).toMatchObject([{ source: 'company_website', obtainedAt: '2026-11-01' }]);
  });

  test('a dated note and a file become evidence with a hash; a file over the limit is refused inline', async () => {
    const noteForm = page.getByRole('form', { name: 'Add a dated note' });
    await byLabel(noteForm, 'Note').fill('Consent confirmed by phone.');
    await noteForm.getByRole('button', { name: 'Add a dated note' }).click();
    await page.getByText('Evidence saved.').waitFor();

    const input = page.getByRole('form', { name: 'Attach a file' }).locator('input[type=file]'); // the basis form has its own
    // A real file on disk (a buffer this size is slow to push through the protocol): 26 MB, just over the limit.
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const big = `${await mkdtemp(`${tmpdir()}/og-ui-`)}/too-big.mp3`;
    await writeFile(big, Buffer.alloc(26 * 1024 * 1024));
    await input.setInputFiles(big);
    await page.getByText('The file is 26 MB; the limit is 25 MB. Nothing was saved.').waitFor();

    await input.setInputFiles({ name: 'call.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('ID3 fake recording') });
    await page.getByRole('button', { name: 'Attach a file' }).click();
    await page.getByRole('button', { name: 'Open call.mp3' }).waitFor();

    const id = decodeURIComponent(page.url().split('#/contacts/')[1]!);
    const detail = await ask<{ evidence: Array<{ kind: string; fileName?: string; sha256?: string; text?: string }> }>(page, { type: 'contacts/get', id });
    expect(detail.evidence.map((e) => e.kind).sort()).toEqual(['file', 'note']);
    const file = detail.evidence.find((e) => e.kind === 'file')!;
    expect(file.fileName).toBe('call.mp3');
    // SHA-256 of the bytes we attached, computed independently here.
    const { createHash } = await import('node:crypto');
    expect(file.sha256).toBe(createHash('sha256').update(Buffer.from('ID3 fake recording')).digest('hex'));
  });

  test('editing a contact changes it in place, without a new contact', async () => {
    const id = decodeURIComponent(page.url().split('#/contacts/')[1]!);
    await page.getByRole('link', { name: 'Edit' }).click();
    await byLabel(page, 'Name').waitFor();
    expect(await byLabel(page, 'E-mail addresses').inputValue()).toBe('jan@acme.nl');
    await byLabel(page, 'Name').fill('Jan W. Jansen');
    await byLabel(page, 'Job title').fill('Facility manager');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('main h1', { hasText: 'Jan W. Jansen' }).waitFor();
    const { items, total } = await listContacts(page);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ id, name: 'Jan W. Jansen' });
  });

  test('search narrows the list as you type, and a filter shows contacts without a provable basis', async () => {
    await seedContact(page, { name: 'Piet Pieters', emails: ['piet@example.nl'], source: 'legacy_import', legacy: true });
    await go(page, '#/contacts');
    await page.getByTestId('contacts-count').filter({ hasText: 'Number of contacts: 2' }).waitFor();
    await byLabel(page, 'Search name, e-mail, phone, company').fill('piet');
    await page.getByTestId('contacts-count').filter({ hasText: 'Number of contacts: 1' }).waitFor();
    expect(await page.locator('.vrow').first().textContent()).toContain('Piet Pieters');
    await byLabel(page, 'Search name, e-mail, phone, company').fill('');
    // Wait for each state in turn: the search above also left "1" showing, so a count alone proves nothing.
    await page.getByTestId('contacts-count').filter({ hasText: 'Number of contacts: 2' }).waitFor();
    await byLabel(page, 'Basis').selectOption('no_provable_basis');
    await page.getByTestId('contacts-count').filter({ hasText: 'Number of contacts: 1' }).waitFor();
    await page.locator('.vrow').first().filter({ hasText: 'Piet Pieters' }).waitFor();
    // Keyboard: focus the list, Enter opens the active contact.
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Piet Pieters' }).waitFor();
  });

  test('numbers in names sort as a person counts: 1, 2, 10, 100', async () => {
    for (const n of ['100', '10', '2', '1']) await seedContact(page, { name: `Vestiging ${n}`, emails: [`vestiging${n}@keten.nl`] });
    await go(page, '#/contacts');
    await byLabel(page, 'Search name, e-mail, phone, company').fill('vestiging');
    await page.getByTestId('contacts-count').filter({ hasText: 'Number of contacts: 4' }).waitFor();
    const names = await page.locator('.vrow .crow-name').allTextContents();
    expect(names).toEqual(['Vestiging 1', 'Vestiging 2', 'Vestiging 10', 'Vestiging 100']);
  });
});
