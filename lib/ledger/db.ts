import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Assessment } from '../model/assessment';
import type { AuditEntry } from '../model/audit';
import type { BasisRecord } from '../model/basis';
import type { Contact, Provenance } from '../model/contact';
import type { LedgerEvent } from '../model/event';
import type { EvidenceRow } from '../model/evidence';
import type { SuppressionRow } from '../model/suppression';
import { deriveContactIndex } from './derive';
import { keysOfContact, withoutKeys } from '../identity/keys';
import { rebuildKeyFilters, type KeyFilterRow } from './key-filter';
import { ContactListIndex } from './list-index';
import { saveListSnapshot, type ListChunkRow, type ListJournalRow } from './list-snapshot';

// The ledger's IndexedDB schema. Opened only in the background service worker (the extension's origin):
// a content script's IndexedDB belongs to the web page. One `version(n)` per released schema; an upgrade
// runs through its transaction argument and never calls browser.* or fetch.

export const LEDGER_DB_NAME = 'outreach-guard-ledger';

/** identity key (email:…, phone:…, li-member:…) → the contact it belongs to (the v1/v2 identities table) */
export interface IdentityRow {
  key: string;
  contactId: string;
}
export type AssessmentRow = Assessment;
export interface SettingsRow {
  key: 'settings';
  value: unknown;
}
/** A team do-not-contact entry as pulled from the team database (owned by lib/sync/team-store.ts). */
export interface TeamEntryRow {
  /** blinded document id */
  id: string;
  keyKind: string;
  [field: string]: unknown;
}
export interface TeamOutboxRow {
  seq?: number;
  [field: string]: unknown;
}
export interface SuppressedKeyRow {
  keyHash: string;
  count: number;
}
export interface KvRow {
  key: string;
  value: unknown;
}

/** Version 1 (first release) stored one e-mail, one phone and flat LinkedIn/company fields per contact. */
export interface ContactV1 {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  linkedinVanity?: string;
  linkedinMemberId?: string;
  companyName?: string;
  companyDomain?: string;
  recipientKind?: string;
  country?: string;
  notes?: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export const schemaV1 = {
  contacts: 'id, name, email, phone, updatedAt',
  identities: 'key, contactId',
  bases: 'id, contactId, type',
  evidence: 'id, contactId',
  provenance: 'id, contactId, source',
  events: 'id, contactId, kind, at, bodyFingerprint',
  suppressions: 'id, keyHash',
  assessments: '[id+version], id',
  settings: 'key',
  audit: 'seq, action, at, contactId',
  teamEntries: 'id, keyKind',
  teamOutbox: '++seq',
  kv: 'key',
};

/**
 * Version 2: contacts hold lists of e-mails and phones and structured LinkedIn/company identities, plus
 * derived fields for a list that stays fast at 100 000 contacts (sortName, searchTokens, *flags, art14DueAt); events are indexed by identity key and by fingerprint+time (bulk-send check, LI-04).
 */
export const schemaV2 = {
  ...schemaV1,
  /** keyHash → how many suppression entries have it: a primary-key existence check (bulkGet) for bulk work */
  suppressedKeys: 'keyHash',
  // searchTokens is stored but not indexed: the list searches its in-memory index (list-index.ts), and a
  // multi-entry index of ~15 tokens per contact would make every contact write (and a 50 000-row import) slower.
  // (updatedAt and provenance.source were indexed in v1 but never queried: each unused index costs every write.)
  contacts: 'id, sortName, *flags, art14DueAt',
  provenance: 'id, contactId',
  events: 'id, contactId, kind, at, *keys, [bodyFingerprint+at]',
  suppressions: 'id, keyHash, recordedAt',
};

/**
 * Version 3: a 50 000-row CSV import took ~39 s in Chromium, nearly all of it per-row IndexedDB requests
 * (~80 µs each on a 2-core machine, whatever the row's size) and index entries (~10–17 µs each). So:
 * - the identities table (one row per key) became the contacts' multi-entry `*keys` index;
 * - provenance rows moved onto their contact (`contact.provenance`): always read with it, never alone;
 * - the `*flags` and `art14DueAt` indexes went: the list and My list read the in-memory list index
 *   index (list-index.ts), which holds both.
 */
export const schemaV3 = {
  ...schemaV2,
  contacts: 'id, sortName, *keys',
  identities: null,
  provenance: null,
};

/**
 * Version 4: the import's "is this key already known / on the do-not-contact list" checks went from one
 * request per key (~50–60 µs each, ~7.8 s for 50 000 rows against 100 000 contacts and 1 000 000
 * suppression keys) to reading fingerprint buckets (key-filter.ts). The upgrade builds them from the data.
 */
export const schemaV4 = {
  ...schemaV3,
  keyFilter: 'id',
};

/**
 * Version 5: the contacts list's search index is persisted (list-snapshot.ts): the first search after a cold
 * start at 100 000 contacts read every contact to build it (1.5–3.5 s). The upgrade builds it from the data.
 */
export const schemaV5 = {
  ...schemaV4,
  listChunks: 'id',
  listJournal: 'id',
};

export class LedgerDb extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  bases!: EntityTable<BasisRecord, 'id'>;
  evidence!: EntityTable<EvidenceRow, 'id'>;
  events!: EntityTable<LedgerEvent, 'id'>;
  suppressions!: EntityTable<SuppressionRow, 'id'>;
  assessments!: Table<AssessmentRow, [string, number]>;
  settings!: EntityTable<SettingsRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  teamEntries!: EntityTable<TeamEntryRow, 'id'>;
  teamOutbox!: Table<TeamOutboxRow, number>;
  kv!: EntityTable<KvRow, 'key'>;
  suppressedKeys!: EntityTable<SuppressedKeyRow, 'keyHash'>;
  keyFilter!: EntityTable<KeyFilterRow, 'id'>;
  listChunks!: EntityTable<ListChunkRow, 'id'>;
  listJournal!: EntityTable<ListJournalRow, 'id'>;

  constructor(name = LEDGER_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade(async (tx) => {
        const bases = await tx.table('bases').toArray();
        const provenance = await tx.table('provenance').toArray();
        const events = await tx.table('events').toArray();
        const byContact = <T extends { contactId?: string }>(rows: T[]) => {
          const map = new Map<string, T[]>();
          for (const r of rows) if (r.contactId) map.set(r.contactId, [...(map.get(r.contactId) ?? []), r]);
          return map;
        };
        const basesOf = byContact(bases), provOf = byContact(provenance), eventsOf = byContact(events);
        const upgraded = (await tx.table('contacts').toArray()).map((v1: ContactV1) =>
          deriveContactIndex(upgradeContactV1(v1), basesOf.get(v1.id) ?? [], provOf.get(v1.id) ?? [], eventsOf.get(v1.id) ?? [], false),
        );
        await tx.table('contacts').bulkPut(upgraded);
        // Rebuild the identity index from the contacts: v1 only indexed the single e-mail and phone.
        await tx.table('identities').clear();
        await tx.table('identities').bulkPut(upgraded.flatMap((c) => keysOfContact(c).map((key) => ({ key, contactId: c.id }))));
        const counts = new Map<string, number>();
        for (const sup of await tx.table('suppressions').toArray()) counts.set(sup.keyHash, (counts.get(sup.keyHash) ?? 0) + 1);
        await tx.table('suppressedKeys').bulkPut([...counts].map(([keyHash, count]) => ({ keyHash, count })));
        // v1 events had no identity keys: give them their contact's, so lookups by key find them.
        const contacts = new Map(upgraded.map((c) => [c.id, c]));
        await tx
          .table('events')
          .toCollection()
          .modify((e: LedgerEvent) => {
            const c = e.contactId ? contacts.get(e.contactId) : undefined;
            e.keys = e.keys ?? (c ? keysOfContact(c) : []);
          });
      });
    this.version(3)
      .stores(schemaV3)
      .upgrade(async (tx) => {
        // Dexie deletes the dropped tables after this runs, so their rows can still be read here.
        const provOf = new Map<string, Provenance[]>();
        for (const p of (await tx.table('provenance').toArray()) as Provenance[]) provOf.set(p.contactId, [...(provOf.get(p.contactId) ?? []), p]);
        // v2's identities table named one owner per key; a contact merged into another could still list a
        // key the table gave to that other one. The table decides: the loser gives the identity up, so no
        // key ends up on two contacts under the `*keys` index.
        const ownerOf = new Map(((await tx.table('identities').toArray()) as IdentityRow[]).map((r) => [r.key, r.contactId]));
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Contact) => {
            const lost = new Set(keysOfContact(c).filter((k) => ownerOf.has(k) && ownerOf.get(k) !== c.id));
            if (lost.size) Object.assign(c, withoutKeys(c, lost));
            c.keys = keysOfContact(c);
            c.provenance = provOf.get(c.id) ?? [];
          });
      });
    this.version(4)
      .stores(schemaV4)
      .upgrade((tx) => rebuildKeyFilters(tx));
    this.version(5)
      .stores(schemaV5)
      .upgrade(async (tx) => {
        const index = ContactListIndex.build(await tx.table('contacts').toArray());
        await saveListSnapshot(tx, index);
      });
  }
}

/** Splits a v1 contact's single fields into v2's lists and structures. */
export function upgradeContactV1(v1: ContactV1): Omit<Contact, 'sortName' | 'searchTokens' | 'flags'> {
  const { id, name, email, phone, linkedinVanity, linkedinMemberId, companyName, companyDomain, recipientKind, country, createdAt, updatedAt } = v1;
  const kind = recipientKind === 'natural_consumer' || recipientKind === 'natural_professional' || recipientKind === 'legal_person' ? recipientKind : 'unknown';
  const company = companyName || companyDomain ? { ...(companyName ? { name: companyName } : {}), ...(companyDomain ? { domain: companyDomain } : {}) } : undefined;
  return {
    id,
    name,
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    linkedin: { memberIds: linkedinMemberId ? [linkedinMemberId] : [], vanities: linkedinVanity ? [linkedinVanity] : [], leadIds: [] },
    ...(company ? { company } : {}),
    recipientKind: kind,
    ...(country ? { country } : {}),
    addresses: [],
    ...(v1.notes ? { notes: v1.notes } : {}),
    createdAt,
    updatedAt,
  };
}

