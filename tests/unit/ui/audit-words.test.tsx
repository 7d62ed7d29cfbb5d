// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { tableTranslator, type I18n } from '../../../components/i18n';
import { actorName, auditActions, describeAudit } from '../../../components/audit/auditWords';
import type { AuditEntry } from '../../../lib/model/audit';
import { managementBackground } from '../management/setup';

const i18n = (lang: 'nl' | 'en'): I18n => ({ lang, t: tableTranslator(lang === 'nl' ? nl : en, en) });
const entry = (action: string, detail: Record<string, unknown>, contactId?: string): AuditEntry => ({
  seq: 1,
  at: '2026-11-20T10:00:00.000Z',
  actor: 'local user',
  action,
  ...(contactId ? { contactId } : {}),
  detail,
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
});

describe('the audit log in words', () => {
  test('every action the ledger writes is in the filter list, and nothing else', () => {
    const root = path.resolve(import.meta.dirname, '../../../lib/ledger/stores');
    const written = new Set<string>();
    for (const f of readdirSync(root)) {
      for (const m of readFileSync(path.join(root, f), 'utf8').matchAll(/action:[^,\n]*/g)) {
        for (const a of m[0].matchAll(/'([a-z][a-z-]+)'/g)) written.add(a[1]!);
      }
    }
    expect([...written].sort()).toEqual([...auditActions].sort());
  });

  test.each([
    ['nl', 'Bezwaar vastgelegd voor j…@acme.nl (E-mailadres)'],
    ['en', 'Objection recorded for j…@acme.nl (E-mail address)'],
  ] as const)('an objection names the person by masked label and the kind of identifier (%s)', (lang, text) => {
    const people = { contacts: {}, keys: { ['b'.repeat(64)]: { kind: 'email', label: 'j…@acme.nl' } } };
    const words = describeAudit(i18n(lang), entry('suppression-added', { level: 'person', scope: 'all', reason: 'belde zelf', keyHashes: ['b'.repeat(64)] }), people);
    expect(words.summary).toBe(text);
    expect(words.details.map(([, v]) => v)).toContain('belde zelf');
  });

  test('an override names its recipients, not "recipients: 1"', () => {
    const people = { contacts: { c1: 'Jan de Vries' }, keys: {} };
    const words = describeAudit(i18n('nl'), entry('override', { channel: 'email', codes: ['NL-EM-01'], reason: 'klant belde', decision: 'block', contactIds: ['c1'], recipients: 1 }), people);
    expect(words.summary).toBe('Toch verstuurd ondanks de controle, via E-mail aan Jan de Vries');
    expect(JSON.stringify(words)).not.toMatch(/recipients|contactIds|keyHashes/);
  });

  test('an erased person is never named, and "local user" reads as the rep', () => {
    const words = describeAudit(i18n('nl'), entry('erased', { reason: 'verzoek', keyHashes: ['c'.repeat(64)] }, 'gone'), { contacts: {}, keys: {} });
    expect(words.summary).toBe('Gegevens gewist op verzoek van een gewiste persoon');
    expect(actorName(i18n('nl'), 'local user')).toBe('Jij (geen naam ingesteld)');
    expect(actorName(i18n('en'), 'Sanne')).toBe('Sanne');
  });

  test('the background names the contacts and keys of the page it lists', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    await bg.ok({ type: 'contacts/save', contact: { name: 'Jan de Vries', emails: ['jan@acme.nl'], provenance: { source: 'kvk', obtainedAt: '2026-01-01' } } });
    await bg.ok({ type: 'suppressions/add', by: 'email', value: 'piet@acme.nl', scope: 'all', reason: 'belde zelf' });
    const page = await bg.ok({ type: 'audit/list' });
    const created = page.items.find((e: AuditEntry) => e.action === 'contact-created');
    expect(page.people.contacts[created.contactId]).toBe('Jan de Vries');
    const sup = page.items.find((e: AuditEntry) => e.action === 'suppression-added');
    const words = describeAudit(i18n('nl'), sup, page.people);
    expect(words.summary).toMatch(/^Bezwaar vastgelegd voor p.*@acme\.nl \(E-mailadres\)$/);
  });
});
