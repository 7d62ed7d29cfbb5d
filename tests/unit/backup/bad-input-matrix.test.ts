import { describe, expect, test } from 'vitest';
import type { LedgerDb } from '../../../lib/ledger/db';
import { companySchema, contactSchema } from '../../../lib/model/contact';
import { createTeamService } from '../../../lib/sync/engine';
import { deriveTeamKeys, generateTeamKey, toBase64Url } from '../../../lib/sync/crypto';
import { dexieTeamStore } from '../../../lib/sync/team-store';
import { managementBackground } from '../management/setup';

// One set of field limits (the ledger schema's) and one set of identity checks for every way in: the
// forms' requests, CSV import, backup import and team-sync documents. Each bad input is refused, names
// where, and leaves every stored table exactly as it was.

const NAME_MAX = contactSchema.shape.name.maxLength!;
const NOTES_MAX = contactSchema.shape.notes.unwrap().maxLength!;
const COMPANY_MAX = companySchema.shape.name.unwrap().maxLength!;

/** Every table of the ledger database, as JSON (files as their size). */
async function snapshot(db: LedgerDb, skip: string[] = []): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) if (!skip.includes(table.name)) out[table.name] = await table.toArray();
  return JSON.stringify(out, (_k, v: unknown) => (v instanceof Blob ? `blob:${v.size}` : v));
}

async function seeded() {
  const bg = managementBackground('2026-03-01T10:00:00.000Z');
  const { id } = await bg.ok({
    type: 'contacts/save',
    contact: {
      name: 'Jan Jansen',
      emails: ['jan@acme.nl'],
      phones: ['0612345678'],
      linkedin: ['https://www.linkedin.com/in/jan-jansen/'],
      company: { name: 'Acme', domain: 'acme.nl' },
      provenance: { source: 'data_subject', obtainedAt: '2026-01-01' },
    },
  });
  await bg.ok({ type: 'evidence/add-note', contactId: id, date: '2026-01-01', text: 'Op de beurs' });
  await bg.ok({ type: 'suppressions/add', by: 'domain', value: 'beta.nl', scope: 'all', reason: 'asked' });
  return { bg, id };
}

// The same bad values, written the way each entry point takes them.
const badValues = [
  { what: `a name of ${NAME_MAX + 1} characters`, form: { name: 'x'.repeat(NAME_MAX + 1) }, csv: { naam: 'x'.repeat(NAME_MAX + 1) }, field: 'name' },
  { what: `notes of ${NOTES_MAX + 1} characters`, form: { notes: 'n'.repeat(NOTES_MAX + 1) }, csv: { notities: 'n'.repeat(NOTES_MAX + 1) }, field: 'notes' },
  { what: `a company name of ${COMPANY_MAX + 1} characters`, form: { company: { name: 'c'.repeat(COMPANY_MAX + 1) } }, csv: { bedrijf: 'c'.repeat(COMPANY_MAX + 1) }, field: 'company.name' },
  { what: 'an e-mail with a display name and no real domain', form: { emails: ['Not An Email <x@y>'] }, csv: { email: 'Not An Email <x@y>' }, field: 'emails.0' },
  { what: 'a phone that is no number', form: { phones: ['garbage-phone'] }, csv: { telefoon: 'garbage-phone' }, field: 'phones.0' },
  { what: 'javascript: as a LinkedIn profile', form: { linkedin: ['javascript:alert(1)'] }, csv: { linkedin: 'javascript:alert(1)' }, field: 'linkedin.0' },
];

describe('the forms\u2019 requests (contacts/save)', () => {
  test.each(badValues)('$what is refused, naming the field, and nothing changes', async ({ form, field }) => {
    const { bg } = await seeded();
    const before = await snapshot(bg.ledger.db);
    const res = await bg.ask({ type: 'contacts/save', contact: { name: 'Piet', emails: ['piet@acme.nl'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' }, ...form } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.where ?? '').toContain(field.split('.')[0]);
    expect(await snapshot(bg.ledger.db)).toBe(before);
  });
});

describe('CSV import', () => {
  const headers = ['naam', 'email', 'telefoon', 'linkedin', 'bedrijf', 'notities'];
  test.each(badValues)('$what is refused by row and column, and nothing changes', async ({ csv }) => {
    const { bg } = await seeded();
    const before = await snapshot(bg.ledger.db);
    const good: Record<string, string> = { naam: 'Piet', email: 'piet@acme.nl' };
    const row: Record<string, string | undefined> = { ...good, ...csv };
    const file = [headers.join(';'), headers.map((h) => good[h] ?? '').join(';'), headers.map((h) => row[h] ?? '').join(';')].join('\n');
    const job = await bg.jobs.settled((await bg.importCsv(file)).jobId);
    const column = Object.keys(csv)[0]!;
    expect(job.state).toBe('failed');
    // (a cell of several words is read as several addresses: each is named)
    expect(job.errors!.length).toBeGreaterThan(0);
    expect(job.errors!.map((e) => [e.row, e.field])).toEqual(job.errors!.map(() => [3, column]));
    expect(await snapshot(bg.ledger.db)).toBe(before);
  });
});

describe('backup import', () => {
  type Rows = Record<string, unknown>[];
  type Backup = { data: { contacts: Rows; evidence: Rows; provenance: Rows } };
  const contactCases: [string, (c: Record<string, any>) => void, string][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    [`a name of ${NAME_MAX + 1} characters`, (c) => (c.name = 'x'.repeat(NAME_MAX + 1)), 'data.contacts.0.name'],
    [`notes of ${NOTES_MAX + 1} characters`, (c) => (c.notes = 'n'.repeat(NOTES_MAX + 1)), 'data.contacts.0.notes'],
    [`a company name of ${COMPANY_MAX + 1} characters`, (c) => (c.company.name = 'c'.repeat(COMPANY_MAX + 1)), 'data.contacts.0.company.name'],
    ['"Not An Email <x@y>" as an e-mail', (c) => (c.emails = ['Not An Email <x@y>']), 'data.contacts.0.emails.0'],
    ['an e-mail not in normal form', (c) => (c.emails = ['Jan@ACME.nl']), 'data.contacts.0.emails.0'],
    ['"garbage-phone" as a phone', (c) => (c.phones = ['garbage-phone']), 'data.contacts.0.phones.0'],
    ['a phone not in E.164 form', (c) => (c.phones = ['06 12345678']), 'data.contacts.0.phones.0'],
    ['javascript:alert(1) as a LinkedIn vanity', (c) => (c.linkedin.vanities = ['javascript:alert(1)']), 'data.contacts.0.linkedin.vanities.0'],
    ['javascript:alert(1) as the LinkedIn profile address', (c) => (c.linkedin.profileUrl = 'javascript:alert(1)'), 'data.contacts.0.linkedin.profileUrl'],
    ['a look-alike host as the LinkedIn profile address', (c) => (c.linkedin.profileUrl = 'https://www.linkedin.com.evil.example/in/jan-jansen/'), 'data.contacts.0.linkedin.profileUrl'],
    ['a LinkedIn member id that is none', (c) => (c.linkedin.memberIds = ['<img src=x>']), 'data.contacts.0.linkedin.memberIds.0'],
    ['a company domain that is none', (c) => (c.company.domain = 'not a domain'), 'data.contacts.0.company.domain'],
  ];
  const otherCases: [string, (b: Backup) => void, string][] = [
    ['evidence of a contact that is not in the backup', (b) => (b.data.evidence[0]!.contactId = 'c_missing'), 'data.evidence.0.contactId'],
    ['provenance of a contact that is not in the backup', (b) => (b.data.provenance[0]!.contactId = 'c_missing'), 'data.provenance.0.contactId'],
  ];
  const cases: [string, (b: Backup) => void, string][] = [...contactCases.map(([w, f, p]) => [w, (b: Backup) => f(b.data.contacts[0]!), p] as [string, (b: Backup) => void, string]), ...otherCases];

  test('the unchanged backup restores in both modes (the cases below differ from it only in the bad value)', async () => {
    const { bg } = await seeded();
    const { backup } = await bg.ok({ type: 'backup/export' });
    for (const mode of ['merge', 'replace']) expect((await managementBackground().ask({ type: 'backup/import', backup, mode })).ok).toBe(true);
  });

  test.each(cases.flatMap(([what, mutate, where]) => (['merge', 'replace'] as const).map((mode) => ({ what, mutate, where, mode }))))(
    '$mode: $what is refused at $where, and nothing changes',
    async ({ mutate, where, mode }) => {
      const { bg } = await seeded();
      const backup = structuredClone((await bg.ok({ type: 'backup/export' })).backup) as Backup;
      mutate(backup);
      const before = await snapshot(bg.ledger.db);
      const res = await bg.ask({ type: 'backup/import', backup: JSON.stringify(backup), mode });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.where).toBe(where);
        expect(res.error.message).toContain('Nothing was imported');
      }
      expect(await snapshot(bg.ledger.db)).toBe(before);
    },
  );
});

describe('team-sync documents', () => {
  test('documents over the limits (sealed under the team key, so they decrypt) are ignored and store nothing', async () => {
    const { bg } = await seeded();
    const teamKey = generateTeamKey();
    const keys = await deriveTeamKeys(teamKey);
    const seal = async (id: string, payload: unknown) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify(payload));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) }, keys.payloadKey, plain);
      return { _id: id, _rev: '1-a', v: 1, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
    };
    const base = { keyKind: 'email', reason: 'Bezwaar', scope: 'all', level: 'person', recordedBy: 'anna', recordedAt: '2026-03-01T10:00:00.000Z' };
    const docs = [
      await seal('1'.repeat(64), { ...base, label: 'l'.repeat(301) }),
      await seal('2'.repeat(64), { ...base, reason: 'r'.repeat(1001) }),
      await seal('3'.repeat(64), { ...base, keyKind: 'company' }),
      await seal('4'.repeat(64), { ...base, recordedBy: 'b'.repeat(201) }),
      { _id: '5'.repeat(64), _rev: '1-a', v: 1, iv: 'x', ct: 'y'.repeat(20_001) },
    ];
    const server = async (input: RequestInfo | URL) => {
      const url = String(input);
      const body = url.includes('_design') ? { _id: '_design/outreach-guard', keyCheck: keys.keyCheck } : { results: docs.map((doc, i) => ({ id: doc._id, seq: i + 1, changes: [{ rev: '1-a' }], doc })), last_seq: docs.length };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const config = { v: 1 as const, serverUrl: 'https://couch.example.nl', db: 'team-x', teamKey, username: 'anna', password: 'pw', role: 'rep' as const };
    const team = createTeamService({ store: dexieTeamStore(bg.ledger.db), config: { get: async () => config, set: async () => undefined, clear: async () => undefined }, fetch: server as typeof fetch });
    const before = await snapshot(bg.ledger.db, ['kv']); // kv: the sync's checkpoint and status move on, as they should
    await team.syncNow();
    expect(await snapshot(bg.ledger.db, ['kv'])).toBe(before);
    expect(await bg.ledger.db.teamEntries.count()).toBe(0);
    expect((await team.status()).ignoredEntries).toBe(docs.length);
  });
});
