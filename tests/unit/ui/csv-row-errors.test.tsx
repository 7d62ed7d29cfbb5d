// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { tableTranslator, type I18n, type Lang } from '../../../components/i18n';
import { rowErrorText, skippedReport } from '../../../entrypoints/options/pages/CsvSection';
import { planCsvImport } from '../../../lib/csv/import';
import { csvRowErrorCodeSchema } from '../../../lib/model/csv';

// A CSV row's problem reaches the page as a code with the cell's value; the page words it in the rep's
// language (issue 15.1: "errors arrive in English in the Dutch UI").

// Only the language's own table: a missing Dutch text must show up as a raw key here, not as English.
const i18n = (lang: Lang): I18n => ({ lang, t: tableTranslator(lang === 'nl' ? nl : en) });
const plan = (csv: string, badRows: 'refuse' | 'skip' = 'skip', maxErrors?: number) =>
  planCsvImport(csv, { today: '2026-12-08', badRows, ...(maxErrors ? { maxErrors } : {}) });

describe('CSV row errors in the rep’s language', () => {
  test('every code has words in Dutch and English (plural forms where it counts)', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const code of csvRowErrorCodeSchema.options) {
        const text = rowErrorText(i18n(lang), { code, params: { value: 'x', count: 3, expected: 2, max: 300, detail: 'd' }, message: 'english' });
        expect(text, `${lang} ${code}`).not.toMatch(/⟦|ioCsvRowErr/);
        expect(text).not.toBe('english');
      }
    }
  });

  test('a bad e-mail, phone and date: named with the cell’s value, in Dutch and in English, without the row repeated', () => {
    const { errors } = plan('Naam;E-mail;Telefoon;Verkregen op\nPiet;piet@;0612345678;01-01-2026\nAnna;anna@acme.nl;nummer?;morgen\n');
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'E-mail', 'badEmail'],
      [3, 'Telefoon', 'badPhone'],
      [3, 'Verkregen op', 'badDate'],
    ]);
    const nlTexts = errors.map((e) => rowErrorText(i18n('nl'), e));
    expect(nlTexts).toEqual([
      '“piet@” is geen geldig e-mailadres.',
      '“nummer?” is geen geldig telefoonnummer.',
      '“morgen” is geen datum (gebruik dd-mm-jjjj, d-m-jj of jjjj-mm-dd).',
    ]);
    expect(rowErrorText(i18n('en'), errors[0]!)).toBe('“piet@” is not a valid e-mail address.');
  });

  test('a name longer than the ledger keeps names the limit in the rep’s words', () => {
    const { errors } = plan(`Naam;E-mail\n${'A'.repeat(301)};a@acme.nl\n`);
    expect(errors[0]?.code).toBe('tooLong');
    expect(rowErrorText(i18n('nl'), errors[0]!)).toBe('Langer dan de 300 tekens die je register bewaart.');
    expect(rowErrorText(i18n('en'), errors[0]!)).toBe('Longer than the 300 characters your ledger keeps.');
  });

  test('counted notices use the right plural form in both languages', () => {
    const many = `Naam;E-mail\n${Array.from({ length: 4 }, (_, i) => `P${i};bad${i}@`).join('\n')}\n`;
    const more = plan(many, 'skip', 2).errors.at(-1)!;
    expect(more.code).toBe('moreNotListed');
    expect(rowErrorText(i18n('nl'), more)).toBe('Nog 2 fouten in latere rijen staan niet in de lijst; die rijen zijn ook overgeslagen.');
    const one = plan(`Naam;E-mail\n${Array.from({ length: 3 }, (_, i) => `P${i};bad${i}@`).join('\n')}\n`, 'skip', 2).errors.at(-1)!;
    expect(rowErrorText(i18n('en'), one)).toBe('1 more error in a later row is not listed; that row was skipped too.');
    const stopped = plan(many, 'refuse', 2).errors.at(-1)!;
    expect(rowErrorText(i18n('nl'), stopped)).toBe('Gestopt na 2 fouten; controleer het scheidingsteken en de kolomindeling.');
  });

  test('the skipped-rows report gives the column and the reason in the rep’s language beside the row as the file had it', () => {
    const text = 'Naam;E-mail\nGoed;goed@acme.nl\nFout;fout@\n';
    const report = skippedReport(i18n('nl'), text, plan(text).errors);
    expect(report).toContain('E-mail: “fout@” is geen geldig e-mailadres.');
    expect(report).toContain('Fout;fout@');
    expect(report).not.toContain('Goed;');
  });
});
