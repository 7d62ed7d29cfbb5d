import { describe, expect, test } from 'vitest';
import { sha256Hex } from '../../../lib/ledger/sha256';
import { managementBackground } from '../management/setup';

// A smaller version of the benchmark's restore (npm run bench: 100 000 contacts with evidence and
// 1 000 000 do-not-contact keys): thousands of contacts and keys round-trip in both modes, merge into
// stored contacts that share an identity, and keep one do-not-contact entry per key, scope and level.

const N = 1000;
const KEYS = 10_000;

async function bigBackup() {
  const bg = managementBackground('2026-03-01T10:00:00.000Z');
  await bg.ok({ type: 'contacts/save', contact: { name: 'Seed', emails: ['seed@acme.nl'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' } } });
  const { backup } = await bg.ok({ type: 'backup/export' });
  const at = '2026-02-01T10:00:00.000Z';
  const contacts = Array.from({ length: N }, (_, i) => ({
    id: `c_big_${i}`,
    name: `Persoon ${i}`,
    emails: [`persoon${i}@bedrijf${i % 50}.nl`],
    phones: [],
    linkedin: { memberIds: [], vanities: [`persoon-${i}`], leadIds: [] },
    recipientKind: 'natural_professional',
    addresses: [],
    createdAt: at,
    updatedAt: at,
  }));
  const evidence = contacts.map((c, i) => ({ id: `e_big_${i}`, contactId: c.id, kind: 'note', date: '2026-01-01', title: '', text: `Gesprek ${i}`, recordedAt: at, recordedBy: 'rep' }));
  const provenance = contacts.map((c, i) => ({ id: `p_big_${i}`, contactId: c.id, source: 'data_subject', obtainedAt: '2026-01-01', recordedAt: at, recordedBy: 'rep' }));
  const suppressions = Array.from({ length: KEYS }, (_, i) => ({
    id: `s_big_${i}`,
    keyHash: sha256Hex(`email:weg${i}@elders.nl`),
    keyKind: 'email',
    level: 'person',
    scope: 'all',
    reason: 'bezwaar',
    recordedBy: 'rep',
    recordedAt: at,
    source: 'personal',
  }));
  // The same key twice in the file (same scope and level) is one entry.
  suppressions.push({ ...suppressions[0]!, id: 's_big_repeat' });
  backup.data.contacts.push(...contacts);
  backup.data.evidence.push(...evidence);
  backup.data.provenance.push(...provenance);
  backup.data.suppressions.push(...suppressions);
  return backup;
}

describe('restoring a large backup', () => {
  test(`${N} contacts with evidence and ${KEYS} do-not-contact keys: replace, then merge into a ledger that knows some of them`, async () => {
    const backup = await bigBackup();

    const fresh = managementBackground('2026-03-02T10:00:00.000Z');
    const replaced = await fresh.ok({ type: 'backup/import', backup: JSON.stringify(backup), mode: 'replace' });
    expect(replaced.imported).toMatchObject({ contacts: N + 1, evidence: N, suppressions: KEYS, mergedContacts: 0 });
    expect((await fresh.ok({ type: 'contacts/list', limit: 1 })).total).toBe(N + 1);
    expect(await fresh.ok({ type: 'lookup/person', query: `persoon${N - 1}@bedrijf${(N - 1) % 50}.nl` })).toMatchObject({ found: true, suppressed: false });
    expect(await fresh.ok({ type: 'lookup/person', query: `weg${KEYS - 1}@elders.nl` })).toMatchObject({ suppressed: true });
    const page = await fresh.ok({ type: 'contacts/get', id: 'c_big_7' });
    expect(page.evidence.map((e: { text: string }) => e.text)).toEqual(['Gesprek 7']);
    expect((await fresh.ok({ type: 'contacts/list', query: 'Persoon 999' })).items.map((c: { id: string }) => c.id)).toContain('c_big_999');
    expect((await fresh.ok({ type: 'audit/verify' })).ok).toBe(true);

    // Merge: a stored contact with another id shares person 3's e-mail; a stored objection covers person 5.
    const local = managementBackground('2026-03-02T10:00:00.000Z');
    const { id: mine } = await local.ok({ type: 'contacts/save', contact: { name: 'Al bekend', emails: ['persoon3@bedrijf3.nl'], phones: ['0612345678'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' } } });
    await local.ok({ type: 'suppressions/add', by: 'email', value: 'persoon5@bedrijf5.nl', scope: 'all', reason: 'bezwaar' });
    await local.ok({ type: 'suppressions/add', by: 'email', value: 'weg0@elders.nl', scope: 'all', reason: 'al bekend' });
    const mergedResult = await local.ok({ type: 'backup/import', backup, mode: 'merge' });
    expect(mergedResult.imported).toMatchObject({ contacts: N + 1, mergedContacts: 1, suppressions: KEYS - 1 });
    expect((await local.ok({ type: 'contacts/list', limit: 1 })).total).toBe(N + 1);
    const merged = await local.ok({ type: 'contacts/get', id: mine });
    expect(merged.contact).toMatchObject({ name: 'Al bekend', emails: ['persoon3@bedrijf3.nl'], phones: ['+31612345678'] });
    expect(merged.contact.linkedin.vanities).toEqual(['persoon-3']);
    expect(merged.evidence.map((e: { text: string }) => e.text)).toEqual(['Gesprek 3']);
    // Person 5's derived "on the do-not-contact list" flag comes from the stored objection.
    expect((await local.ok({ type: 'lookup/person', query: 'persoon5@bedrijf5.nl' })).suppressed).toBe(true);
    expect((await local.ok({ type: 'audit/verify' })).ok).toBe(true);
  }, 120_000);
});
