import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { LedgerDb, schemaV1 } from '../../../lib/ledger/db';
import { Ledger } from '../../../lib/ledger/repository';

describe('schema upgrade v1 → v2', () => {
  test('real v1 data is split into lists, indexed and still found by identity', async () => {
    const name = `migrate-${Date.now()}`;
    // A database as the first release wrote it.
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaV1);
    await v1.open();
    await v1.table('contacts').bulkAdd([
      {
        id: 'c1',
        name: 'Jan Jansen',
        email: 'jan@acme.nl',
        phone: '+31612345678',
        linkedinVanity: 'jan-jansen',
        companyName: 'Acme B.V.',
        companyDomain: 'acme.nl',
        recipientKind: 'natural_professional',
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
      { id: 'c2', name: 'Önder Yıldız', email: 'onder@beta.nl', createdAt: '2025-02-01T00:00:00.000Z', updatedAt: '2025-02-01T00:00:00.000Z' },
    ]);
    await v1.table('identities').bulkAdd([
      { key: 'email:jan@acme.nl', contactId: 'c1' },
      { key: 'email:onder@beta.nl', contactId: 'c2' },
    ]);
    await v1.table('bases').add({
      id: 'b1',
      contactId: 'c1',
      type: 'consent',
      who: 'Jan Jansen',
      when: '2025-01-01',
      how: 'form',
      what: { entity: 'Acme B.V.', products: [], channels: ['email'] },
      shownText: '',
      capturedBy: 'form',
      evidenceIds: [],
      recordedAt: '2025-01-01T00:00:00.000Z',
      recordedBy: 'x',
    });
    await v1.table('provenance').add({ id: 'p2', contactId: 'c2', source: 'legacy_import', obtainedAt: '2025-02-01', recordedAt: '2025-02-01', recordedBy: 'x' });
    await v1.table('events').add({ id: 'e1', contactId: 'c1', kind: 'outbound', at: '2025-03-01T00:00:00.000Z', channel: 'email', bodyFingerprint: 'fp' });
    await v1.table('suppressions').add({ id: 's1', keyHash: 'a'.repeat(64), keyKind: 'email', level: 'person', scope: 'all', reason: 'r', recordedBy: 'x', recordedAt: '2025-01-01' });
    v1.close();

    // Open with the current schema: the upgrade runs.
    const ledger = new Ledger({ name, now: () => new Date('2026-03-01T00:00:00Z') });
    const c1 = await ledger.getContact('c1');
    expect(c1).toMatchObject({
      emails: ['jan@acme.nl'],
      phones: ['+31612345678'],
      linkedin: { vanities: ['jan-jansen'], memberIds: [], leadIds: [] },
      company: { name: 'Acme B.V.', domain: 'acme.nl' },
      recipientKind: 'natural_professional',
    });
    expect(c1).not.toHaveProperty('email');
    expect(c1!.flags).toEqual(expect.arrayContaining(['basis:consent']));
    expect(c1!.flags).not.toContain('first_contact_pending');
    // The phone and LinkedIn slug were not indexed in v1; after the upgrade they find the contact.
    expect((await ledger.findContactByIdentityKeys(['phone:+31612345678']))?.id).toBe('c1');
    expect((await ledger.findContactByIdentityKeys(['li-vanity:jan-jansen']))?.id).toBe('c1');
    // v1 events get their contact's keys, so lookups by key see the earlier message.
    const facts = await ledger.factsForRecipient(['li-vanity:jan-jansen']);
    expect(facts.events.outboundCount).toBe(1);
    // The list search and filters work on migrated data.
    expect((await ledger.listContacts({ query: 'onder' })).items.map((c) => c.id)).toEqual(['c2']);
    expect((await ledger.listContacts({ filters: { basis: 'no_provable_basis' } })).items.map((c) => c.id)).toEqual(['c2']);
    expect((await ledger.listContacts({ filters: { art14Passed: true } })).items.map((c) => c.id)).toEqual(['c2']);
    // The new existence index over suppression hashes is built from the v1 suppressions.
    expect(await ledger.db.suppressedKeys.get('a'.repeat(64))).toEqual({ keyHash: 'a'.repeat(64), count: 1 });
    expect(ledger.db.verno).toBe(2);
    ledger.close();
  });

  test('a fresh database opens at the current version', async () => {
    const db = new LedgerDb(`fresh-${Date.now()}`);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['assessments', 'audit', 'bases', 'contacts', 'events', 'evidence', 'identities', 'kv', 'provenance', 'settings', 'suppressedKeys', 'suppressions', 'teamEntries', 'teamOutbox'].sort(),
    );
    db.close();
  });
});
