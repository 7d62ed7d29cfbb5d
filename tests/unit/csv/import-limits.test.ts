import { describe, expect, test } from 'vitest';
import { planCsvImport } from '../../../lib/csv/import';
import { companySchema, contactSchema } from '../../../lib/model/contact';
import { managementBackground } from '../management/setup';

// The ledger schema's field limits apply to CSV rows: a row the ledger would refuse is named by row and
// column here, instead of being stored and then breaking every later backup restore (issue 14, item 5).

const today = '2026-03-01';
const NAME_MAX = contactSchema.shape.name.maxLength!;
const NOTES_MAX = contactSchema.shape.notes.unwrap().maxLength!;
const COMPANY_MAX = companySchema.shape.name.unwrap().maxLength!;

const csv = (rows: string[][]) => ['naam;email;bedrijf;notities;rechtsvorm', ...rows.map((r) => r.join(';'))].join('\n');

describe('CSV rows against the ledger\u2019s field limits', () => {
  test.each([
    ['a name', [['x'.repeat(NAME_MAX + 1), 'a@acme.nl', 'Acme', '', '']], 'naam', NAME_MAX],
    ['notes', [['Jan', 'a@acme.nl', 'Acme', 'n'.repeat(NOTES_MAX + 1), '']], 'notities', NOTES_MAX],
    ['a company name', [['Jan', 'a@acme.nl', 'c'.repeat(COMPANY_MAX + 1), '', '']], 'bedrijf', COMPANY_MAX],
    ['a legal form', [['Jan', 'a@acme.nl', 'Acme', '', 'f'.repeat(101)]], 'rechtsvorm', 100],
  ])('%s one character over the limit is refused by row and column', (_what, rows, column, max) => {
    const plan = planCsvImport(csv(rows), { today });
    expect(plan.rows).toEqual([]);
    expect(plan.errors).toEqual([{ row: 2, field: column, message: `Row 2, column "${column}": longer than the ${max} characters the ledger keeps.` }]);
    expect(plan.badRowCount).toBe(1);
  });

  test('values exactly at the limits are kept', () => {
    const plan = planCsvImport(csv([['x'.repeat(NAME_MAX), 'a@acme.nl', 'c'.repeat(COMPANY_MAX), 'n'.repeat(NOTES_MAX), 'B.V.']]), { today });
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0]!.contact).toMatchObject({ name: 'x'.repeat(NAME_MAX), notes: 'n'.repeat(NOTES_MAX), company: { name: 'c'.repeat(COMPANY_MAX), legalForm: 'B.V.' } });
  });

  test('"skip bad rows": every row is checked, the good ones are planned and each bad one is reported', () => {
    const rows = [
      ['Jan', 'jan@acme.nl', 'Acme', '', ''],
      ['x'.repeat(NAME_MAX + 1), 'te-lang@acme.nl', '', '', ''],
      ['Piet', 'piet@', '', '', ''],
      ['Anna', 'anna@acme.nl', '', '', ''],
    ];
    const refuse = planCsvImport(csv(rows), { today });
    expect(refuse.errors.map((e) => [e.row, e.field])).toEqual([[3, 'naam'], [4, 'email']]);
    const skip = planCsvImport(csv(rows), { today, badRows: 'skip' });
    expect(skip.rows.map((r) => r.contact.name)).toEqual(['Jan', 'Anna']);
    expect(skip.errors.map((e) => [e.row, e.field])).toEqual([[3, 'naam'], [4, 'email']]);
    expect(skip.badRowCount).toBe(2);
  });

  test('"skip bad rows" past the error cap still checks and plans every later row, and says how many errors went unlisted', () => {
    const rows = Array.from({ length: 30 }, (_, i) => (i % 2 ? [`Goed ${i}`, `goed${i}@acme.nl`, '', '', ''] : [`Fout ${i}`, 'geen-adres', '', '', '']));
    const skip = planCsvImport(csv(rows), { today, badRows: 'skip', maxErrors: 5 });
    expect(skip.rows).toHaveLength(15);
    expect(skip.badRowCount).toBe(15);
    expect(skip.errors).toHaveLength(6);
    expect(skip.errors[5]!.message).toMatch(/^10 more error\(s\) in later rows/);
    // Refusing stops at the cap (a wrong separator would otherwise list every row).
    const refuse = planCsvImport(csv(rows), { today, maxErrors: 5 });
    expect(refuse.errors.at(-1)!.message).toMatch(/Stopped after 5 errors/);
  });
});

describe('CSV import through the background with "skip bad rows"', () => {
  test('imports the good rows, reports each skipped row by row and column; without the choice nothing is imported', async () => {
    const file = 'naam;email;notities\nJan;jan@acme.nl;\nTe lang;lang@acme.nl;' + 'n'.repeat(NOTES_MAX + 1) + '\nPiet;piet@;\nAnna;anna@acme.nl;\n';
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    const names = async () => (await bg.ok({ type: 'contacts/list' })).items.map((c: { name: string }) => c.name).sort();

    const refused = await bg.jobs.settled((await bg.importCsv(file)).jobId);
    expect(refused.state).toBe('failed');
    expect(await names()).toEqual([]);

    const { jobId } = await bg.importCsv(file, { badRows: 'skip' });
    await bg.jobs.settled(jobId);
    const status = await bg.ok({ type: 'jobs/status', jobId });
    expect(status).toMatchObject({ state: 'done', result: { rows: 2, created: 2, skipped: 2 } });
    expect(status.skipped.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[3, 'notities'], [4, 'email']]);
    expect(await names()).toEqual(['Anna', 'Jan']);
    // What was stored restores: a full backup of it goes back in.
    const { backup } = await bg.ok({ type: 'backup/export' });
    expect((await bg.ask({ type: 'backup/import', backup, mode: 'replace' })).ok).toBe(true);
  });
});
