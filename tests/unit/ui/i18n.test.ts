import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { langOfLocale, substitute, tableTranslator } from '../../../components/i18n';
import { basisKinds, sourceKinds } from '../../../components/contacts/ContactsList';
import { basisTypes } from '../../../lib/model/basis';
import { eventKinds } from '../../../lib/model/event';
import { sourceKinds as ledgerSourceKinds } from '../../../lib/model/vocabulary';
import { callOutcomeSchema, cleanupCategorySchema } from '../../../lib/messaging/management';
import { csvFieldSchema } from '../../../lib/model/csv';
import { channelSchema } from '../../../lib/model/vocabulary';
import { callOutcomes } from '../../../components/popup/CallCheck';
import { standardSafeguards } from '../../../components/assessments/LiaForm';
import { csvEncodings } from '../../../lib/csv/encoding';
import { auditActions } from '../../../components/audit/auditWords';

const root = path.resolve(import.meta.dirname, '../../..');
const uiDirs = ['components', 'entrypoints/options', 'entrypoints/popup', 'entrypoints/sidepanel'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const uiSource = uiDirs
  .flatMap((d) => sources(path.join(root, d)))
  // the guard's and the save button's own components have their own texts
  .filter((f) => !/components\/(guard|save-profile)\//.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('message tables', () => {
  test('Dutch and English have exactly the same keys', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  test('the manifest keys are still there', () => {
    expect(en.extName.message).toBe('Outreach Guard');
    expect(nl.extDescription.message).toMatch(/AVG/);
  });

  test('every key the pages use exists', () => {
    const used = new Set([...uiSource.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(200);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  test('every count in words has its singular and plural form in both languages', () => {
    const used = new Set([...uiSource.matchAll(/\bplural\(\s*\w+,\s*'([A-Za-z0-9_]+)/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].flatMap((k) => [`${k}_one`, `${k}_other`]).filter((k) => !(k in en) || !(k in nl));
    expect(missing).toEqual([]);
  });

  test.each([
    ['csvEncoding_', csvEncodings.map((e) => e.replace(/-/g, '_'))],
    ['auditDo_', auditActions.flatMap((a) => [a.replace(/-/g, '_'), `${a.replace(/-/g, '_')}_name`])],
    ['basis_', [...basisKinds, ...basisTypes]],
    ['source_', [...sourceKinds, ...ledgerSourceKinds]],
    ['channel_', channelSchema.options],
    ['event_', eventKinds],
    ['outcome_', [...callOutcomes, ...callOutcomeSchema.options]],
    ['csvField_', csvFieldSchema.options],
    ['cleanup_', cleanupCategorySchema.options],
    ['cleanupHint_', cleanupCategorySchema.options],
    ['liaSafeguard_', standardSafeguards.map((s) => s.replace(/-/g, '_'))],
  ])('every %s key a ledger value can need exists', (prefix, values) => {
    const missing = [...new Set(values)].map((v) => `${prefix}${v}`).filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  test('the UI lists of bases and sources match the ledger schema', () => {
    expect([...basisKinds].sort()).toEqual([...basisTypes].sort());
    expect([...sourceKinds].sort()).toEqual([...ledgerSourceKinds].sort());
  });

  test('no message uses a named $placeholder$ (Chrome would need a placeholders block for it)', () => {
    for (const table of [en, nl]) {
      for (const [key, { message }] of Object.entries(table as Record<string, { message: string }>)) {
        expect(message.replace(/\$\$/g, ''), key).not.toMatch(/\$[A-Za-z_][A-Za-z0-9_]*\$/);
      }
    }
  });

  test('substitution numbers match between the languages', () => {
    const subs = (m: string) => [...m.replace(/\$\$/g, '').matchAll(/\$([1-9])/g)].map((x) => x[1]).sort().join(',');
    for (const key of Object.keys(en)) {
      expect(subs((nl as Record<string, { message: string }>)[key]!.message), key).toBe(subs((en as Record<string, { message: string }>)[key]!.message));
    }
  });
});

describe('lookup', () => {
  test('substitutes $1…$9 like chrome.i18n and keeps $$ as a dollar', () => {
    expect(substitute('$1 of $2', [3, 10])).toBe('3 of 10');
    expect(substitute('costs $$5', [])).toBe('costs $5');
  });

  test('the chosen language wins; a missing key shows itself', () => {
    const t = tableTranslator(nl, en);
    expect(t('navContacts')).toBe('Contacten');
    expect(t('contactsCount', '100.000')).toBe('Aantal contacten: 100.000');
    expect(t('noSuchKey')).toBe('⟦noSuchKey⟧');
  });

  test.each([
    ['nl', 'nl'],
    ['nl-BE', 'nl'],
    ['en-US', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
  ])('browser language %s → %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });
});
