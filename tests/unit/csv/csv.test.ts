import { describe, expect, test } from 'vitest';
import { parseDutchDate } from '../../../lib/csv/dates';
import { neutralizeCell, toCsv } from '../../../lib/csv/export';
import { planCsvImport } from '../../../lib/csv/import';
import { CsvError, detectDelimiter, parseCsv } from '../../../lib/csv/parse';
import { managementBackground } from '../management/setup';

const today = '2026-03-01';

describe('parseCsv', () => {
  test('reads Dutch Excel: BOM, semicolons, quoted fields with ; "" and line breaks, CRLF', () => {
    const text = '\ufeffnaam;e-mail;notitie\r\n"Jansen; Jan";jan@acme.nl;"zei ""ja""\r\nop de beurs"\r\n\r\nPiet;piet@acme.nl;\r\n';
    const p = parseCsv(text);
    expect(p.delimiter).toBe(';');
    expect(p.rows).toEqual([
      ['naam', 'e-mail', 'notitie'],
      ['Jansen; Jan', 'jan@acme.nl', 'zei "ja"\r\nop de beurs'],
      ['Piet', 'piet@acme.nl', ''],
    ]);
    expect(p.lines).toEqual([1, 2, 5]);
  });
  test('detects comma and tab separators', () => {
    expect(detectDelimiter('name,email\nx,y')).toBe(',');
    expect(detectDelimiter('name\temail\nx\ty')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
  });
  test('an unclosed quote is an error naming the line', () => {
    expect(() => parseCsv('naam;email\n"Jan;jan@acme.nl\n')).toThrow(/line 2.*never closed/);
  });
  test('binary data is refused', () => {
    expect(() => parseCsv('PK\u0003\u0004\u0000\u0000')).toThrow(CsvError);
  });
});

describe('parseDutchDate', () => {
  test.each([
    ['31-12-2025', '2025-12-31'],
    ['1-2-25', '2025-02-01'],
    ['01/02/1999', '1999-02-01'],
    ['5.6.2024', '2024-06-05'],
    ['2025-12-31', '2025-12-31'],
    ['31-12-2025 14:30', '2025-12-31'],
    ['1-1-80', '1980-01-01'],
  ])('%s → %s', (raw, iso) => expect(parseDutchDate(raw)).toBe(iso));
  test.each([['31-02-2025'], ['12/31/2025'], ['gisteren'], ['2025-13-01'], ['']])('rejects %s', (raw) => expect(parseDutchDate(raw)).toBeNull());
});

describe('planCsvImport', () => {
  test('guesses Dutch headers and builds rows with provenance and basis', () => {
    const plan = planCsvImport(
      'Voornaam;Achternaam;E-mailadres;Telefoon;Bedrijf;Bron;Verkregen op;Grondslag;Datum toestemming\nJan;Jansen;Jan@Acme.nl;06-12345678;Acme;beurs;15-1-26;toestemming;15-01-2026\n',
      { today },
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0]).toMatchObject({
      row: 2,
      contact: { name: 'Jan Jansen', emails: ['jan@acme.nl'], phones: ['+31612345678'], company: { name: 'Acme' } },
      provenance: { source: 'event_list', obtainedAt: '2026-01-15' },
      basis: { type: 'consent', when: '2026-01-15' },
    });
  });
  test('bad rows are reported by row and column', () => {
    const plan = planCsvImport(
      'naam,email,telefoon,verkregen op\nJan,jan@acme.nl,0612345678,1-1-2026\nPiet,piet@,,\nKlaas,klaas@acme.nl,12,\nAnna,anna@acme.nl,,31-12-2099\nBert,,,\n',
      { today },
    );
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'email'],
      [4, 'telefoon'],
      [5, 'verkregen op'],
      [6, undefined],
    ]);
    expect(plan.errors[0]!.message).toMatch(/Row 3, column "email": "piet@" is not a valid e-mail address/);
    expect(plan.errors[2]!.message).toMatch(/in the future/);
  });
  test('a website that is no domain is reported in the preview, by row and column; a good one is kept as its domain', () => {
    const plan = planCsvImport('naam;email;website\nJan;jan@acme.nl;https://www.Acme.nl/contact\nPiet;piet@beta.nl;geen website\n', { today });
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([[3, 'website']]);
    expect(plan.errors[0]!.message).toMatch(/Row 3, column "website": "geen website" is not a web address or domain/);
    expect(plan.rows.map((r) => r.contact.company?.domain)).toEqual(['acme.nl']);
  });
  test('a file without any identity column says which columns it found', () => {
    expect(() => planCsvImport('foo;bar\n1;2\n', { today })).toThrow(/columns found: foo, bar/);
  });
  test('an explicit mapping overrides the guess', () => {
    const plan = planCsvImport('wie,adres\nJan,jan@acme.nl\n', { today, mapping: { wie: 'name', adres: 'email' } });
    expect(plan.rows[0]!.contact).toMatchObject({ name: 'Jan', emails: ['jan@acme.nl'] });
  });
});

describe('CSV export', () => {
  test.each([['=HYPERLINK("x")'], ['+31612345678'], ['-2+3'], ['@SUM(A1)'], ['\tx'], ['\rx']])('neutralises %j', (v) => {
    expect(neutralizeCell(v)).toBe(`'${v}`);
  });
  test('plain values stay as they are and delimiters are quoted', () => {
    expect(neutralizeCell('Jan')).toBe('Jan');
    expect(toCsv([['a;b', 'c"d', 'e']])).toBe('\ufeff"a;b";"c""d";e\r\n');
  });
});

describe('CSV import and export through the background', () => {
  test('imports, merges duplicates with existing contacts and within the file, and exports safely', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    await bg.ok({ type: 'contacts/save', contact: { name: 'Jan', emails: ['jan@acme.nl'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' } } });
    const csv = 'naam;e-mail;telefoon\nJan Jansen;JAN@acme.nl;0612345678\n=cmd|calc;evil@x.nl;\nPiet;piet@acme.nl;\nPieter;piet@acme.nl;0201234567\n';
    const { jobId } = await bg.importCsv(csv);
    const job = await bg.jobs.settled(jobId);
    expect(job).toMatchObject({ state: 'done', result: { rows: 4, created: 2, merged: 2 } });
    const list = await bg.ok({ type: 'contacts/list' });
    expect(list.total).toBe(3);
    const jan = (await bg.ok({ type: 'lookup/person', query: '0612345678' })).contact;
    expect(jan.email).toBe('jan@acme.nl');
    const piet = (await bg.ok({ type: 'lookup/person', query: '020 123 4567' })).contact;
    expect(piet.email).toBe('piet@acme.nl');
    const exp = await bg.ok({ type: 'csv/export' });
    expect(exp.rows).toBe(3);
    expect(exp.csv).toContain("'=cmd|calc");
    expect(exp.csv).not.toMatch(/[;\n]=cmd/);
    expect((await bg.ok({ type: 'audit/verify' })).ok).toBe(true);
  });

  test('a file with one bad row imports nothing and reports the row', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    await bg.ok({ type: 'contacts/save', contact: { name: 'Existing', emails: ['e@acme.nl'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' } } });
    const { jobId } = await bg.importCsv('name,email\nA,a@acme.nl\nB,not-an-email\nC,c@acme.nl\n');
    const status = await bg.jobs.settled(jobId);
    expect(status.state).toBe('failed');
    expect(status.errors).toEqual([{ row: 3, field: 'email', message: expect.stringContaining('Row 3') }]);
    expect((await bg.ok({ type: 'jobs/status', jobId })).message).toMatch(/nothing was imported/);
    expect((await bg.ok({ type: 'contacts/list' })).items.map((c: { name: string }) => c.name)).toEqual(['Existing']);
  });

  test('malformed CSV is refused with a clear message', async () => {
    const bg = managementBackground();
    const r = await bg.ask({ type: 'csv/preview', csv: 'name;email\n"Jan;jan@acme.nl\n' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-csv', message: expect.stringMatching(/never closed/) } });
  });

  test('the import uses the file the preview checked: the page sends it once, and may change the mapping', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    const preview = await bg.ok({ type: 'csv/preview', csv: 'Naam;Kolom;Telefoon\nJan;jan@acme.nl;0612345678\nPiet;piet@acme.nl;\n' });
    expect(preview.suggestedMapping).toMatchObject({ Kolom: 'ignore' });
    // The rep maps the unrecognised column to e-mail: the kept file is planned again with that mapping.
    const { jobId } = await bg.ok({ type: 'csv/import', planId: preview.planId, mapping: { Kolom: 'email' } });
    expect(await bg.jobs.settled(jobId)).toMatchObject({ state: 'done', result: { rows: 2, created: 2 } });
    expect((await bg.ok({ type: 'lookup/person', query: 'piet@acme.nl' })).contact.name).toBe('Piet');
    expect((await bg.ok({ type: 'lookup/person', query: '06 12345678' })).contact.name).toBe('Jan');
  });

  test('an import naming no kept file is refused and asks for the file again', async () => {
    const bg = managementBackground();
    const r = await bg.ask({ type: 'csv/import', planId: 'gone' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/pick the file again/) } });
  });

  test('preview shows the separator, headers, guessed mapping and sample rows', async () => {
    const bg = managementBackground();
    const p = await bg.ok({ type: 'csv/preview', csv: '\ufeffNaam;E-mail;Kolom X\nJan;jan@acme.nl;x\n' });
    expect(p).toMatchObject({ delimiter: ';', headers: ['Naam', 'E-mail', 'Kolom X'], suggestedMapping: { Naam: 'name', 'E-mail': 'email', 'Kolom X': 'ignore' }, rowCount: 1 });
  });
});

describe('CSV size limit', () => {
  test('a file over the one file limit (50 MB) is refused before parsing, saying both sizes, and nothing changes', async () => {
    const bg = managementBackground();
    const r = await bg.ask({ type: 'csv/preview', csv: 'name;email\n' + 'x'.repeat(51 * 1024 * 1024) });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Het bestand is 52 MB; Outreach Guard leest bestanden tot 50 MB/) } });
    expect((await bg.ok({ type: 'contacts/list' })).total).toBe(0);
  });
});
