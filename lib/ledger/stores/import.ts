import { keysOfContact } from '../../identity/keys';
import { normalizeIdentities, mergeContacts } from '../contact-input';
import { deriveContactIndex } from '../derive';
import { newId } from '../ids';
import { fingerprintOfHash, fingerprintOfKey, fingerprintOfWords, KeyFilter } from '../key-filter';
import type { BasisRecord } from '../../model/basis';
import type { Contact } from '../../model/contact';
import type { LedgerEvent } from '../../model/event';
import { hexOfWords, sha256Hex, sha256Words } from '../sha256';
import { dropListSnapshot } from '../list-snapshot';
import type { ContactListStore } from './contact-list';
import { addToContactCount, CONTACT_COUNT_KEY, putRows, storedCount, type LedgerCore } from './core';
import { checkBasis, contactFields, contactsByKeys, singleOwner } from './shared';
import type { ImportRow } from './types';

// CSV import into the ledger: many contacts in one transaction, merged with the stored ones and each other.

/** Rows per chunk of a CSV import's database work (progress is reported after each). */
const IMPORT_CHUNK = 2000;

export class ImportStore {
  /** milliseconds per phase of the last CSV import (the benchmark reports them) */
  lastImportPhases: Record<string, number> = {};

  constructor(
    private readonly core: LedgerCore,
    private readonly list: ContactListStore,
  ) {}

  /**
   * Imports contacts in one transaction: a failure anywhere leaves the ledger as it was. Rows whose
   * identities match an existing contact, or each other, are merged. Rows must already be valid.
   *
   * In Chromium the contact writes (~0.12 ms each) are nearly all of an import's time, so everything the
   * merge needs from the database is read first; then the browser stores one chunk while this merges and
   * derives the next. (Requests in a transaction run in order: a read in between would wait for every
   * write queued before it.) A contact a later row merges into is simply written again.
   */
  async importContacts(rows: readonly ImportRow[], onProgress?: (done: number, total: number) => void): Promise<{ created: number; merged: number }> {
    // Milliseconds per kind of work, summed over the chunks (the benchmark reports them).
    const phases: Record<string, number> = {};
    let t = performance.now();
    const mark = (name: string) => {
      const now = performance.now();
      phases[name] = Math.round((phases[name] ?? 0) + now - t);
      t = now;
    };
    const bases = rows.map((r) => (r.basis ? checkBasis(r.basis, 'x', this.core.nowIso(), `row ${r.row}: basis.`) : undefined));
    const now = this.core.nowIso();
    const endBulk = this.list.beginBulk();
    /** every contact as last written, for the list index once the import committed */
    const writtenContacts = new Map<string, Contact>();
    let result: { created: number; merged: number };
    try {
      result = await this.core.write(async (db) => {
      // The persisted list index no longer holds: written again after commit (applyBulk).
      await dropListSnapshot(db);
      const actor = await this.core.actor(db);
      const storedContacts = storedCount(await db.kv.get(CONTACT_COUNT_KEY));
      // A big file needs nearly every bucket: read them all while the rows are normalised.
      const big = rows.length > 500;
      const filtersRead = big ? Promise.all([KeyFilter.load(db, 'c', 'all'), KeyFilter.load(db, 's', 'all')]) : undefined;
      const normalized = rows.map((r) => normalizeIdentities(r.contact, `row ${r.row}: `, 'NL', r.addressesNormalized));
      mark('normalize');
      const allKeys = [...new Set(normalized.flatMap((ids) => keysOfContact(ids)))];
      const allFps = allKeys.map(fingerprintOfKey);
      const [contactFilter, suppressionFilter] = filtersRead ? await filtersRead : [await KeyFilter.load(db, 'c', allFps), await KeyFilter.load(db, 's', [])];
      // Which identities are already known, and by whom. The filter rules out nearly every new key without
      // a request of its own; the ones it may hold are looked up exactly, with the records of those contacts.
      const candidates = allKeys.filter((_, i) => contactFilter.mayHave(allFps[i]!));
      const found = await contactsByKeys(db, candidates, storedContacts);
      const storedIds = [...found.contacts.keys()];
      const [oldBases, oldEvents] = storedIds.length
        ? await Promise.all([db.bases.where('contactId').anyOf(storedIds).toArray(), db.events.where('contactId').anyOf(storedIds).toArray()])
        : [[], []];
      mark('identityKeys');
      const addTo = <T>(m: Map<string, T[]>, id: string, x: T) => {
        const list = m.get(id);
        if (list) list.push(x);
        else m.set(id, [x]);
      };
      /** every contact this file creates or merges into, as it stands so far */
      const working = new Map<string, Omit<Contact, 'sortName' | 'searchTokens' | 'flags'>>(found.contacts);
      const stored = new Set(storedIds);
      /** the stored contacts a row merged into */
      const touched = new Set<string>();
      /** key → its contact: stored owners as found, then as the file assigns them */
      const owners = found.ownerOf;
      const basesBy = new Map<string, BasisRecord[]>();
      const eventsBy = new Map<string, LedgerEvent[]>();
      for (const x of oldBases) addTo(basesBy, x.contactId, x);
      for (const x of oldEvents) if (x.contactId) addTo(eventsBy, x.contactId, x);
      /** people on the do-not-contact list, and the flag each was last written with */
      const suppressedIds = new Set<string>();
      const writtenFlag = new Map<string, boolean>();
      let created = 0;
      let merged = 0;
      let written = 0;
      const report = () => onProgress?.(Math.min(rows.length, Math.round((merged + written) / 2)), rows.length);
      const requests: Promise<unknown>[] = [];
      const pending = (p: Promise<unknown>) => {
        // A failure later in the file aborts the transaction, and these then reject: nobody is left to hear it.
        p.catch(() => undefined);
        requests.push(p);
      };
      const derive = (id: string) => {
        const c = working.get(id)!;
        writtenFlag.set(id, suppressedIds.has(id));
        const derived = deriveContactIndex(c, basesBy.get(id) ?? [], c.provenance ?? [], eventsBy.get(id) ?? [], suppressedIds.has(id));
        writtenContacts.set(id, derived);
        return derived;
      };
      // Owners as the file has merged them so far, plus every stored holder of a key (a stored conflict).
      const holders = (k: string) => {
        const own = owners.get(k);
        const more = found.ownersOf.get(k) ?? [];
        return own === undefined ? more : more.includes(own) ? more : [own, ...more];
      };
      // A contact this file created exists only as its row: a conflict names the row, the file is what to edit.
      const firstRowOf = new Map<string, number>();
      const nameOf = (id: string) => (firstRowOf.has(id) ? `the contact from row ${firstRowOf.get(id)}` : (working.get(id)?.name ?? id));
      for (let at = 0; at < rows.length; at += IMPORT_CHUNK) {
        const changed = new Set<string>();
        const chunkBases: BasisRecord[] = [];
        for (let i = at; i < Math.min(rows.length, at + IMPORT_CHUNK); i++) {
          const r = rows[i]!;
          const ids = normalized[i]!;
          const keys = keysOfContact(ids);
          const known = keys.some((k) => owners.has(k) || found.ownersOf.has(k));
          const owner = known ? singleOwner(holders, nameOf, keys, ids, `row ${r.row}: `) : undefined;
          const draft = {
            id: owner ?? newId(),
            ...contactFields(r.contact),
            ...ids,
            addresses: r.contact.addresses ?? [],
            recipientKind: r.contact.recipientKind ?? ('unknown' as const),
            createdAt: now,
            updatedAt: now,
          };
          let id: string;
          if (owner) {
            id = owner;
            working.set(id, { ...mergeContacts(working.get(id)!, draft), updatedAt: now });
            if (stored.has(id)) touched.add(id);
          } else {
            id = draft.id;
            working.set(id, draft);
            firstRowOf.set(id, r.row);
            created++;
          }
          const into = working.get(id)!;
          for (const k of keysOfContact(into)) owners.set(k, id);
          if (r.provenance) into.provenance = [...(into.provenance ?? []), { id: newId(), contactId: id, ...r.provenance, recordedAt: now, recordedBy: actor }];
          const b = bases[i];
          if (b) {
            const basis: BasisRecord = { ...b, id: newId(), contactId: id, recordedBy: actor };
            chunkBases.push(basis);
            addTo(basesBy, id, basis);
          }
          changed.add(id);
        }
        merged = Math.min(rows.length, at + IMPORT_CHUNK);
        mark('merge');
        if (chunkBases.length) pending(db.bases.bulkAdd(chunkBases));
        // Which of these people are on the do-not-contact list (the list's objection flag): the filter
        // answers for nearly every key. The hashes it may hold are looked up exactly without waiting; a
        // person found there is written again with the flag once the answer is in.
        const keysOf: Array<[string, string]> = [];
        for (const id of changed) if (!suppressedIds.has(id)) for (const k of keysOfContact(working.get(id)!)) keysOf.push([id, k]);
        // (A no-op for a big file, whose buckets are all read: no request waits behind the queued writes.)
        if (!big) await suppressionFilter.loadMore(db, keysOf.map(([, k]) => fingerprintOfHash(sha256Hex(k))));
        const maybe: string[] = [];
        const maybeOwner: string[] = [];
        for (const [id, k] of keysOf) {
          const words = sha256Words(k);
          if (!suppressionFilter.mayHave(fingerprintOfWords(words))) continue;
          maybe.push(hexOfWords(words));
          maybeOwner.push(id);
        }
        if (maybe.length) pending(db.suppressedKeys.bulkGet(maybe).then((hits) => hits.forEach((hit, j) => hit && suppressedIds.add(maybeOwner[j]!))));
        mark('suppressedKeys');
        const chunk = [...changed].map(derive);
        const chunkSize = Math.min(rows.length, at + IMPORT_CHUNK) - at;
        pending(
          putRows(db, 'contacts', chunk).then(() => {
            written += chunkSize;
            report();
          }),
        );
        report();
        mark('deriveAndQueue');
      }
      // The written contacts' keys join the filter, for the next import (queued behind the writes).
      const writtenFps = [...working.entries()].filter(([id]) => !stored.has(id) || touched.has(id)).flatMap(([, c]) => keysOfContact(c).map(fingerprintOfKey));
      if (!big) await contactFilter.loadMore(db, writtenFps);
      contactFilter.add(writtenFps);
      pending(contactFilter.save(db));
      mark('keyFilter');
      await Promise.all(requests);
      const reflag = [...suppressedIds].filter((id) => writtenFlag.get(id) === false);
      if (reflag.length) await db.contacts.bulkPut(reflag.map(derive));
      mark('writeContacts');
      await addToContactCount(db, created);
      await this.core.audit(db, { actor, action: 'contacts-imported', detail: { rows: rows.length, created, merged: rows.length - created } });
      return { created, merged: rows.length - created };
    });
    } catch (error) {
      endBulk();
      throw error;
    }
    mark('commit');
    this.lastImportPhases = phases;
    try {
      this.list.applyBulk([...writtenContacts.values()]);
    } finally {
      endBulk();
    }
    return result;
  }
  /** All contacts in name order (CSV export). */
  async allContacts(): Promise<Contact[]> {
    return this.core.read(['contacts'], (db) => db.contacts.orderBy('sortName').toArray());
  }
}
