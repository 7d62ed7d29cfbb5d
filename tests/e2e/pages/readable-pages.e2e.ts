import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, go, launch, listContacts, openOptions, seedContact } from './pages';

// Issue 15, in both languages: CSV encodings and empty files, counts in words, skipping bad rows; the call
// check for landlines; the audit log and the access report in words; numbered steps; readable contact names.

const words = {
  nl: {
    locale: 'nl',
    encodingLabel: 'Tekenset',
    empty: 'is leeg (0 bytes)',
    headerOnly: 'alleen een kopregel',
    rowsOne: '1 contactrij, kolommen gescheiden door puntkomma’s (;).',
    importOne: '1 rij importeren',
    importTwo: '2 rijen importeren',
    skip: 'Rijen met fouten overslaan',
    skippedOne: '1 rij met fouten is overgeslagen.',
    badEmail: '“fout@” is geen geldig e-mailadres.',
    report: 'Rapport van de overgeslagen rijen downloaden (CSV)',
    created: 'Import klaar: 1 nieuw contact, 0 samengevoegd met bestaande contacten.',
    phone: 'Telefoonnummer',
    check: 'Gesprek controleren',
    depends: 'Hangt af van wie opneemt',
    company: 'De centrale of een bedrijfslijn van een rechtspersoon',
    notAllowed: 'Niet toegestaan',
    auditAction: 'Actie',
    objectionFilter: 'Bezwaar vastgelegd (niet benaderen)',
    showReport: 'Leesbaar overzicht tonen',
    website: 'Bedrijfswebsite',
    legend: 'Stap 1 van 4: Het belang',
    erased: (day: string) => `Deze persoon heeft op ${day} om wissing gevraagd.`,
    needsBasis: 'Kies de grondslag waarmee je deze persoon opnieuw mag toevoegen.',
    addAgain: 'Opnieuw toevoegen met deze grondslag',
    save: 'Opslaan',
    form: { name: 'Naam', emails: 'E-mailadressen', source: 'Bron', obtained: 'Verkregen op', basis: 'Grondslag', email: 'E-mail', entity: 'Voor welke rechtspersoon', by: 'Vastgelegd door' },
    dateLocale: 'nl-NL',
    mobile: 'Dit is een mobiel nummer: dat hoort bij een persoon',
    sourceUnknown: 'Je register weet niet waar dit nummer vandaan komt.',
    sayTheSource: '[zeg waar u dit nummer vandaan hebt]',
    messageFixes: /Privacytekst invoegen|Bericht aanpassen|Afmeldregel toevoegen/,
  },
  en: {
    locale: 'en-US',
    encodingLabel: 'Character encoding',
    empty: 'is empty (0 bytes)',
    headerOnly: 'only a header row',
    rowsOne: '1 contact row, columns separated by semicolons (;).',
    importOne: 'Import 1 row',
    importTwo: 'Import 2 rows',
    skip: 'Skip rows with errors',
    skippedOne: '1 row with errors was skipped.',
    badEmail: '“fout@” is not a valid e-mail address.',
    report: 'Download the report of the skipped rows (CSV)',
    created: 'Import done: 1 new contact, 0 merged into existing contacts.',
    phone: 'Phone number',
    check: 'Check the call',
    depends: 'Depends on who answers',
    company: 'A legal person’s switchboard or company line',
    notAllowed: 'Not allowed',
    auditAction: 'Action',
    objectionFilter: 'Objection recorded (do not contact)',
    showReport: 'Show a readable report',
    website: 'Company website',
    legend: 'Step 1 of 4: The interest',
    erased: (day: string) => `This person asked to be erased on ${day}.`,
    needsBasis: 'Choose the lawful basis that allows adding this person again.',
    addAgain: 'Add again with this basis',
    save: 'Save',
    form: { name: 'Name', emails: 'E-mail addresses', source: 'Source', obtained: 'Obtained on', basis: 'Basis', email: 'E-mail', entity: 'For which legal entity', by: 'Recorded by' },
    dateLocale: 'en-GB',
    mobile: 'This is a mobile number: it belongs to a person',
    sourceUnknown: 'Your ledger does not know where this number came from.',
    sayTheSource: '[say where you got this number]',
    messageFixes: /Insert the disclosure|Edit the message|Add an opt-out line/,
  },
} as const;

// "Özdemir;o.ozdemir@acme.nl" as Dutch Excel's "CSV" saves it: Ö is the single byte 0xD6.
const windows1252 = Buffer.from([...Buffer.from('Naam;E-mail\r\n', 'latin1'), 0xd6, ...Buffer.from('zdemir;o.ozdemir@acme.nl\r\n', 'latin1')]);

describe.each(['nl', 'en'] as const)('pages a rep can read (%s)', (lang) => {
  const w = words[lang];
  let ext: Extension;
  let page: Page;
  let dir: string;
  const file = async (name: string, content: string | Buffer) => {
    const p = `${dir}/${name}`;
    await writeFile(p, content);
    return p;
  };
  const csvInput = () => page.locator('input[type=file][accept^=".csv"]');

  beforeAll(async () => {
    ext = await launch(w.locale);
    page = await openOptions(ext, '#/import-export');
    dir = await mkdtemp(`${tmpdir()}/og-readable-`);
  });
  afterAll(async () => ext?.close());

  test('a Windows-1252 file is recognised, said so, and imports "Özdemir" intact', async () => {
    await csvInput().setInputFiles(await file('excel.csv', windows1252));
    const encoding = page.getByLabel(w.encodingLabel, { exact: true });
    await expect.poll(() => encoding.inputValue()).toBe('windows-1252');
    expect(await page.getByTestId('csv-rows').textContent()).toBe(w.rowsOne);
    expect(await page.locator('table.csv-mapping').textContent()).toContain('Özdemir');
    // Switching to UTF-8 shows what went wrong before: unreadable characters, counted.
    await encoding.selectOption('utf-8');
    await page.getByText('�').first().waitFor();
    await encoding.selectOption('windows-1252');
    await page.getByRole('button', { name: w.importOne }).click();
    expect(await page.getByTestId('csv-result').textContent()).toBe(w.created);
    expect((await listContacts(page, 'ozdemir')).items.map((c) => c.name)).toEqual(['Özdemir']);
    expect(await page.locator('progress').last().getAttribute('value')).toBe('100');
  });

  test('an empty file and a header-only file say so, with no import button', async () => {
    await csvInput().setInputFiles(await file('empty.csv', ''));
    await page.getByText(w.empty).waitFor();
    expect(await page.getByRole('button', { name: /import|importeren/i }).filter({ hasText: /\d/ }).count()).toBe(0);
    await csvInput().setInputFiles(await file('header.csv', 'Naam;E-mail\r\n'));
    await page.getByText(w.headerOnly).waitFor();
    expect(await page.getByRole('button', { name: /import|importeren/i }).filter({ hasText: /\d/ }).count()).toBe(0);
  });

  test('skip bad rows: the good row is imported, the bad one reported for download', async () => {
    await csvInput().setInputFiles(await file('mixed.csv', 'Naam;E-mail\nGoed Persoon;goed@acme.nl\nFout Persoon;fout@\n'));
    await page.getByLabel(w.skip).check();
    await page.getByRole('button', { name: w.importTwo }).click();
    await page.getByTestId('csv-result').waitFor();
    expect(await page.getByTestId('csv-result').textContent()).toContain(w.skippedOne);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: w.report }).click();
    const saved = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const report = await readFile(saved!, 'utf8');
    expect(report).toContain('Fout Persoon');
    expect(report).not.toContain('Goed Persoon');
    // the reason in the rep's language, in the report and on the page
    expect(report).toContain(w.badEmail);
    expect(await page.getByTestId('csv-errors').textContent()).toContain(w.badEmail);
    expect((await listContacts(page, 'goed')).total).toBe(1);
  });

  test('an unknown landline asks who answers; a company line may be called; a new number clears the verdict', async () => {
    await go(page, '#/call');
    await page.getByLabel(w.phone, { exact: true }).fill('020 123 4567');
    await page.getByRole('button', { name: w.check }).click();
    await page.getByText(w.depends).waitFor();
    expect(await page.locator('[data-decision="block"]').count()).toBe(0);
    await page.getByRole('button', { name: w.company }).click();
    await page.locator('.verdict[data-decision]:not([data-decision="ask"])').waitFor();
    expect(await page.locator('.verdict').getAttribute('data-decision')).not.toBe('block');
    await page.getByLabel(w.phone, { exact: true }).fill('06 1234');
    expect(await page.locator('.verdict').count()).toBe(0);
  });

  test('a mobile of an unknown person is not allowed; the opening names only a source the ledger holds; no message fixes', async () => {
    await go(page, '#/call');
    const phone = page.getByLabel(w.phone, { exact: true });
    await phone.fill('06 9876 5432');
    await page.getByRole('button', { name: w.check }).click();
    const verdict = page.locator('.verdict[data-decision]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-decision')).toBe('block');
    expect(await page.locator('main').textContent()).toContain(w.mobile);
    // Unknown source: the rep is told to say it, and the opening leaves a visible gap instead of inventing one.
    expect(await page.getByTestId('call-source-unknown').textContent()).toContain(w.sourceUnknown);
    expect(await page.locator('.opening blockquote').textContent()).toContain(w.sayTheSource);
    // A phone call has no text to edit: none of the message fixes is offered.
    expect(await page.locator('main').textContent()).not.toMatch(w.messageFixes);

    // A contact whose number came from the company website: the opening says so, with no placeholder.
    await seedContact(page, { name: 'Bel Bekend', phones: ['06 5555 1234'], source: 'company_website' });
    await phone.fill('06 5555 1234');
    expect(await page.locator('.opening').count(), 'the old result is gone once the number changes').toBe(0);
    await page.getByRole('button', { name: w.check }).click();
    await page.locator('.opening blockquote').waitFor();
    const opening = (await page.locator('.opening blockquote').textContent()) ?? '';
    expect(opening).not.toContain(w.sayTheSource);
    expect(opening.toLowerCase()).toContain('website');
    expect(await page.getByTestId('call-source-unknown').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(w.messageFixes);
  });

  test('the audit log reads in words and filters from the list of real actions', async () => {
    await ask(page, { type: 'suppressions/add', by: 'email', value: 'nee@concurrent.nl', scope: 'all', reason: 'x' });
    await go(page, '#/audit');
    const filter = page.getByLabel(w.auditAction, { exact: true });
    await filter.selectOption({ label: w.objectionFilter });
    await page.getByRole('button', { name: /^(Filteren|Filter)$/ }).click();
    await expect.poll(() => page.locator('tr[data-action]').count()).toBe(1);
    const text = await page.locator('table').textContent();
    expect(text).toMatch(lang === 'nl' ? /Bezwaar vastgelegd voor n.*@concurrent\.nl/ : /Objection recorded for n.*@concurrent\.nl/);
    expect(text).not.toMatch(/suppression-added|keyHashes|local user/);
  });

  test('the access report names the source in words', async () => {
    const id = await seedContact(page, { name: 'Rapport Persoon', emails: ['rapport@acme.nl'], source: 'company_website' });
    await go(page, `#/rights/${id}`);
    await page.getByRole('button', { name: w.showReport }).click();
    const report = page.getByTestId('access-report');
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain(w.website);
    expect(text).not.toMatch(/company_website|local user|form · email/);
  });

  test('assessment steps are numbered once', async () => {
    await go(page, '#/assessments/new');
    expect(await page.locator('legend').first().textContent()).toBe(w.legend);
    expect(await page.locator('.steps li').first().textContent()).not.toMatch(/\d/);
  });

  test('an erased person added again: the warning names the day of the erasure request and a basis is required first', async () => {
    const id = await seedContact(page, { name: 'Wim Gewist', emails: ['wim@gewist.nl'], source: 'company_website' });
    await ask(page, { type: 'rights/erase', contactId: id, reason: 'Verzoek per e-mail' });
    const day = await page.evaluate((locale) => new Date().toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' }), w.dateLocale);
    await go(page, '#/contacts/new');
    const form = page.locator('form.contact-form');
    await byLabel(form, w.form.name).fill('Wim Gewist');
    await byLabel(form, w.form.emails).fill('wim@gewist.nl');
    await byLabel(form, w.form.source).selectOption('data_subject');
    await byLabel(form, w.form.obtained).fill(await page.evaluate(() => new Date().toLocaleDateString('sv-SE')));
    await page.getByRole('button', { name: w.save, exact: true }).click();
    const warning = form.locator('.notice-warn');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(w.erased(day));
    expect((await listContacts(page, 'gewist')).total, 'nothing is saved on the first try').toBe(0);
    // "Record later" is no answer for an erased person: saving again without a basis is refused inline.
    await page.getByRole('button', { name: w.addAgain }).click();
    await form.getByText(w.needsBasis).waitFor();
    expect((await listContacts(page, 'gewist')).total).toBe(0);
    await byLabel(form, w.form.basis).selectOption('consent');
    await form.getByLabel(w.form.email, { exact: true }).check();
    // (No organisation or rep in this browser's settings, so nothing to pre-fill these two with.)
    await byLabel(form, w.form.entity).fill('Acme B.V.');
    await byLabel(form, w.form.by).fill('Sanne');
    await page.getByRole('button', { name: w.addAgain }).click();
    await page.locator('main h1', { hasText: 'Wim Gewist' }).waitFor();
    expect((await listContacts(page, 'gewist')).items.map((c) => c.name)).toEqual(['Wim Gewist']);
  });

  test.each([760, 320])('contact names stay readable at %i px', async (width) => {
    await seedContact(page, { name: 'Annemarie de Vries', emails: ['annemarie@acme.nl'], source: 'company_website' });
    await page.setViewportSize({ width, height: 800 });
    await go(page, '#/contacts');
    const name = page.locator('.crow-name', { hasText: 'Annemarie de Vries' }).first();
    await name.waitFor();
    const fits = await name.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
