import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { LedgerDb, schemaV1, schemaV2, schemaV3, schemaV4 } from '../../../lib/ledger/db';
import { deriveContactIndex } from '../../../lib/ledger/derive';
import { LIST_SNAPSHOT_KEY } from '../../../lib/ledger/list-snapshot';
import { sha256Hex } from '../../../lib/ledger/sha256';
import { keysMissingFromFilters } from './key-filter-check';
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
    expect(ledger.db.verno).toBe(5);
    // v1 provenance ends up on its contact (v3).
    expect((await ledger.contactPage('c2')).provenance.map((p) => p.source)).toEqual(['legacy_import']);
    ledger.close();
  });

  test('a fresh database opens at the current version', async () => {
    const db = new LedgerDb(`fresh-${Date.now()}`);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['assessments', 'audit', 'bases', 'contacts', 'events', 'evidence', 'keyFilter', 'kv', 'listChunks', 'listJournal', 'settings', 'suppressedKeys', 'suppressions', 'teamEntries', 'teamOutbox'].sort(),
    );
    db.close();
  });
});

describe('schema upgrade v2 → v3', () => {
  /** A database as the second release wrote it: identities and provenance in tables of their own. */
  async function v2Database(name: string) {
    const v2 = new Dexie(name);
    v2.version(1).stores(schemaV1);
    v2.version(2).stores(schemaV2);
    await v2.open();
    const contact = (id: string, name: string, email: string, phone: string | undefined, flags: string[], extra: Record<string, unknown> = {}) => ({
      id,
      name,
      emails: [email],
      phones: phone ? [phone] : [],
      linkedin: { memberIds: [], vanities: [], leadIds: [] },
      recipientKind: 'natural_professional',
      addresses: [],
      createdAt: '2025-05-01T00:00:00.000Z',
      updatedAt: '2025-05-01T00:00:00.000Z',
      sortName: name.toLowerCase(),
      searchTokens: [...name.toLowerCase().split(' '), email],
      flags,
      ...extra,
    });
    await v2.table('contacts').bulkAdd([
      contact('k1', 'Kees de Vries', 'kees@gamma.nl', '+31687654321', ['source:event_list', 'no_provable_basis', 'first_contact_pending'], { obtainedAt: '2025-05-01', art14DueAt: '2025-06-01' }),
      // Lotte still lists Kees's phone: v2 merged a contact into Kees and its identities table gave the phone
      // to him, but left it in her list.
      contact('k2', 'Lotte Bakker', 'lotte@delta.nl', '+31687654321', ['no_provable_basis', 'first_contact_pending', 'mylist'], {
        savedFromLinkedIn: { at: '2025-05-02T00:00:00.000Z', restrictedVisibility: false },
      }),
    ]);
    await v2.table('identities').bulkAdd([
      { key: 'email:kees@gamma.nl', contactId: 'k1' },
      { key: 'phone:+31687654321', contactId: 'k1' },
      { key: 'email:lotte@delta.nl', contactId: 'k2' },
    ]);
    await v2.table('provenance').bulkAdd([
      { id: 'p1', contactId: 'k1', source: 'event_list', detail: 'Beurs Utrecht', obtainedAt: '2025-05-01', recordedAt: '2025-05-01T00:00:00.000Z', recordedBy: 'x' },
      { id: 'p2', contactId: 'k1', source: 'referral', obtainedAt: '2025-05-03', recordedAt: '2025-05-03T00:00:00.000Z', recordedBy: 'x' },
    ]);
    await v2.table('kv').put({ key: 'contacts.count', value: 2 });
    v2.close();
  }

  test('identities become the contacts’ key index and provenance moves onto its contact, nothing lost', async () => {
    const name = `migrate-v2-${Date.now()}`;
    await v2Database(name);
    const ledger = new Ledger({ name, now: () => new Date('2026-03-01T00:00:00Z') });
    // Every identity still finds its person, through the new index.
    expect((await ledger.findContactByIdentityKeys(['phone:+31687654321']))?.id).toBe('k1');
    expect((await ledger.findContactByIdentityKeys(['email:lotte@delta.nl']))?.id).toBe('k2');
    const facts = await ledger.factsForRecipient(['email:kees@gamma.nl']);
    expect(facts.known).toBe(true);
    expect(facts.provenance.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(facts.keys).toEqual(expect.arrayContaining(['phone:+31687654321']));
    const page = await ledger.contactPage('k1');
    expect(page.provenance.map((p) => [p.id, p.detail ?? null])).toEqual([
      ['p1', 'Beurs Utrecht'],
      ['p2', null],
    ]);
    // My list and clean-up read the in-memory list index now that the flags/art14DueAt indexes are gone.
    expect((await ledger.myList()).items.map((c) => c.id)).toEqual(['k2']);
    const scan = await ledger.cleanupScan();
    expect(scan.categories.no_provable_basis.ids.sort()).toEqual(['k1', 'k2']);
    expect(scan.categories.art14_passed.ids).toEqual(['k1']);
    // The backup still lists provenance as rows of its own.
    const dump = await ledger.dumpForBackup();
    expect(dump.provenance.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(dump.contacts[0]).not.toHaveProperty('provenance');
    expect(dump.contacts[0]).not.toHaveProperty('keys');
    // A new contact cannot take an identity the upgrade indexed: it merges instead.
    const saved = await ledger.saveContact({ name: 'K. de Vries', emails: [], phones: ['0687654321'] });
    expect(saved).toMatchObject({ created: false, mergedInto: 'k1' });
    expect(ledger.db.verno).toBe(5);
    expect(ledger.db.tables.map((t) => t.name)).not.toContain('identities');
    // The v2 identities table decided who owns the phone: only Kees holds it now, Lotte keeps her e-mail.
    expect(await ledger.db.contacts.where('keys').equals('phone:+31687654321').primaryKeys()).toEqual(['k1']);
    expect((await ledger.getContact('k2'))!.phones).toEqual([]);
    expect((await ledger.getContact('k2'))!.emails).toEqual(['lotte@delta.nl']);
    ledger.close();
  });
});

describe('schema upgrade v3 → v4', () => {
  test('the key filters are built from the stored contacts and do-not-contact keys: an import merges and flags as before', async () => {
    const name = `migrate-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(schemaV1);
    v3.version(2).stores(schemaV2);
    v3.version(3).stores(schemaV3);
    await v3.open();
    await v3.table('contacts').bulkAdd(
      Array.from({ length: 300 }, (_, i) => ({
        id: `c${i}`,
        name: `Klant ${i}`,
        emails: [`klant${i}@bedrijf.nl`],
        phones: i === 42 ? ['+31612121212'] : [],
        linkedin: { memberIds: [], vanities: i === 7 ? ['klant-zeven'] : [], leadIds: [] },
        recipientKind: 'natural_professional',
        addresses: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        sortName: `klant ${i}`,
        searchTokens: ['klant', String(i)],
        flags: ['no_provable_basis'],
        keys: [`email:klant${i}@bedrijf.nl`, ...(i === 42 ? ['phone:+31612121212'] : []), ...(i === 7 ? ['li-vanity:klant-zeven'] : [])],
        provenance: [],
      })),
    );
    const blocked = sha256Hex('email:bezwaar@elders.nl');
    await v3.table('suppressions').add({ id: 's1', keyHash: blocked, keyKind: 'email', level: 'person', scope: 'all', reason: 'bezwaar', recordedBy: 'x', recordedAt: '2026-01-01', source: 'personal' });
    await v3.table('suppressedKeys').add({ keyHash: blocked, count: 1 });
    await v3.table('kv').put({ key: 'contacts.count', value: 300 });
    v3.close();

    const ledger = new Ledger({ name, now: () => new Date('2026-03-01T00:00:00Z') });
    const r = await ledger.importContacts([
      { row: 2, contact: { name: 'K. 42', phones: ['06 12121212'] } },
      { row: 3, contact: { name: 'Zeven', linkedin: ['https://www.linkedin.com/in/klant-zeven/'] } },
      { row: 4, contact: { name: 'Bezwaar', emails: ['bezwaar@elders.nl'] } },
      { row: 5, contact: { name: 'Nieuw', emails: ['nieuw@bedrijf.nl'] } },
    ]);
    expect(r).toEqual({ created: 2, merged: 2 });
    expect((await ledger.getContact('c42'))!.name).toBe('Klant 42');
    expect((await ledger.listContacts({ filters: { objection: true } })).items.map((c) => c.name)).toEqual(['Bezwaar']);
    expect(ledger.db.verno).toBe(5);
    expect(await keysMissingFromFilters(ledger)).toEqual([]);
    ledger.close();
  });
});

describe('schema upgrade v4 → v5', () => {
  test('the contacts list index is built and persisted by the upgrade: the first search finds every contact in natural order', async () => {
    const name = `migrate-v5-${Date.now()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(schemaV4);
    await v4.open();
    const now = '2026-01-01T00:00:00.000Z';
    const contacts = [12, 3, 100].map((i) =>
      deriveContactIndex(
        { id: `c${i}`, name: `Klant ${i}`, emails: [`klant${i}@bedrijf.nl`], phones: [], linkedin: { memberIds: [], vanities: [], leadIds: [] }, recipientKind: 'unknown', addresses: [], createdAt: now, updatedAt: now, provenance: [] },
        [],
        [],
        [],
        false,
      ),
    );
    await v4.table('contacts').bulkAdd(contacts);
    await v4.table('kv').put({ key: 'contacts.count', value: 3 });
    v4.close();

    const ledger = new Ledger({ name });
    expect((await ledger.listContacts({})).items.map((c) => c.name)).toEqual(['Klant 3', 'Klant 12', 'Klant 100']);
    expect(await ledger.db.kv.get(LIST_SNAPSHOT_KEY)).toMatchObject({ value: { size: 3 } });
    expect((await ledger.listContacts({ query: 'klant12@' })).items.map((c) => c.id)).toEqual(['c12']);
    ledger.close();
  });
});
