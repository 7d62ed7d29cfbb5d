import { keysOfContact } from '../../identity/keys';
import { AUDIT_HEAD_KEY, type AuditHead } from '../audit';
import { mergeContacts } from '../contact-input';
import { addToKeyFilter, fingerprintOfHash, KeyFilter } from '../key-filter';
import type { Contact, Provenance } from '../../model/contact';
import type { SuppressionRow } from '../../model/suppression';
import { dropListSnapshot } from '../list-snapshot';
import type { ContactListStore } from './contact-list';
import { addToContactCount, CONTACT_COUNT_KEY, readSettingsRow, type LedgerCore } from './core';
import { contactsByKeys, refreshDerived, refreshDerivedMany, singleOwner, whereAnyOf } from './shared';
import type { BackupData } from './types';

// The whole ledger out (backup) and back in (restore, replacing or merging), each in one transaction.

export class BackupStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly list: ContactListStore,
  ) {}

  /** Every ledger table as plain rows (evidence with its Blob), for the backup. Team sync state is not included. */
  async dumpForBackup() {
    return this.core.read(['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments', 'settings', 'audit', 'kv'], async (db) => {
      const stored = await db.contacts.toArray();
      // The backup format keeps provenance as rows of its own (docs/backup-format.md); `keys` is derived.
      const contacts = stored.map(({ provenance: _p, keys: _k, ...c }) => c as Contact);
      return {
        contacts,
        bases: await db.bases.toArray(),
        evidence: await db.evidence.toArray(),
        provenance: stored.flatMap((c) => c.provenance ?? []),
        events: await db.events.toArray(),
        suppressions: await db.suppressions.toArray(),
        assessments: await db.assessments.toArray(),
        settings: await readSettingsRow(db),
        audit: await db.audit.orderBy('seq').toArray(),
        auditHead: (await db.kv.get(AUDIT_HEAD_KEY))?.value as AuditHead | undefined,
      };
    });
  }
  /**
   * Restores validated backup data in one transaction. `replace` swaps the ledger for the backup (its audit
   * chain included); `merge` adds it, merging contacts that share an identity and keeping the local audit chain.
   */
  async restoreFromBackup(data: BackupData, mode: 'merge' | 'replace'): Promise<Record<string, number>> {
    const result = await this.core.write(async (db) => {
      // The persisted list index no longer holds: rebuilt from the contacts on next use.
      await dropListSnapshot(db);
      const actor = await this.core.actor(db);
      const counts: Record<string, number> = {};
      if (mode === 'replace') {
        for (const t of ['contacts', 'bases', 'evidence', 'events', 'suppressions', 'suppressedKeys', 'keyFilter', 'assessments', 'settings', 'audit'] as const) {
          await db.table(t).clear();
        }
        await db.kv.delete(AUDIT_HEAD_KEY);
        await db.audit.bulkAdd(data.audit);
        const last = data.audit[data.audit.length - 1];
        if (last) await db.kv.put({ key: AUDIT_HEAD_KEY, value: { seq: last.seq, hash: last.hash } });
      }
      // Contacts: an incoming contact whose identity is already known merges into that contact. Resolved in
      // memory over the stored contacts the backup's keys and ids touch, then written in bulk: one request
      // per contact cost ~5 ms each, too slow for a service worker at 100 000 contacts.
      const remap = new Map<string, string>();
      const added = new Set<string>();
      let merged = 0;
      const provenanceOf = new Map<string, Provenance[]>();
      for (const p of data.provenance) {
        const list = provenanceOf.get(p.contactId);
        if (list) list.push(p);
        else provenanceOf.set(p.contactId, [p]);
      }
      const incoming = data.contacts.map((backupContact): Contact => {
        const { keys: _k, ...rest } = backupContact;
        return { ...rest, provenance: provenanceOf.get(backupContact.id) ?? [] };
      });
      const byId = new Map<string, Contact>();
      const holders = new Map<string, string[]>();
      const hold = (c: Contact) => {
        for (const k of c.keys ?? keysOfContact(c)) {
          const list = holders.get(k);
          if (!list) holders.set(k, [c.id]);
          else if (!list.includes(c.id)) list.push(c.id);
        }
      };
      if (mode === 'merge') {
        const allKeys = incoming.flatMap((c) => keysOfContact(c));
        const found = await contactsByKeys(db, allKeys, await db.contacts.count());
        for (const c of found.contacts.values()) byId.set(c.id, c);
        for (const c of await db.contacts.bulkGet(incoming.map((c) => c.id))) if (c) byId.set(c.id, c);
        for (const c of byId.values()) hold(c);
      }
      const withKeys = (x: Contact): Contact => ({ ...x, keys: keysOfContact(x) });
      for (const c of incoming) {
        const keys = keysOfContact(c);
        const owner = singleOwner((k) => (holders.get(k) ?? []).filter((id) => id !== c.id), (id) => byId.get(id)?.name ?? id, keys, c, `contact ${c.name}: `);
        const sameId = byId.get(c.id);
        let written: Contact;
        if (owner) {
          written = withKeys(mergeContacts(byId.get(owner)!, c) as Contact);
          remap.set(c.id, owner);
          merged++;
        } else if (sameId) {
          written = withKeys(mergeContacts(sameId, c) as Contact);
          remap.set(c.id, c.id);
          merged++;
        } else {
          written = withKeys(c);
          remap.set(c.id, c.id);
          added.add(c.id);
        }
        byId.set(written.id, written);
        hold(written);
      }
      const touched = [...new Set(remap.values())];
      await db.contacts.bulkPut(touched.map((id) => byId.get(id)!));
      const cid = <T extends { contactId?: string }>(r: T): T => (r.contactId && remap.has(r.contactId) ? { ...r, contactId: remap.get(r.contactId)! } : r);
      await db.bases.bulkPut(data.bases.map(cid));
      await db.evidence.bulkPut(data.evidence.map(cid));
      await db.events.bulkPut(data.events.map(cid));
      // Suppressions: one entry per key hash, scope and level. Existing entries are looked up only for the
      // hashes already on the list (none after 'replace'); the backup's own repeats are caught in memory.
      let supAdded = 0;
      const newHashes: string[] = [];
      const hashes = [...new Set(data.suppressions.map((s) => s.keyHash))];
      const counts0 = await db.suppressedKeys.bulkGet(hashes);
      const countOf = new Map<string, number>();
      hashes.forEach((h, i) => countOf.set(h, counts0[i]?.count ?? 0));
      const existing = new Map<string, SuppressionRow>();
      for (const row of await whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', hashes.filter((h) => countOf.get(h)! > 0))) existing.set(`${row.keyHash}|${row.scope}|${row.level}`, row);
      const fresh: SuppressionRow[] = [];
      const erasedLater: string[] = [];
      for (const s of data.suppressions) {
        const slot = `${s.keyHash}|${s.scope}|${s.level}`;
        const dup = existing.get(slot);
        if (dup) {
          if (s.erased && !dup.erased) {
            dup.erased = true;
            erasedLater.push(dup.id);
          }
          continue;
        }
        existing.set(slot, s);
        fresh.push(s);
        countOf.set(s.keyHash, countOf.get(s.keyHash)! + 1);
        newHashes.push(s.keyHash);
        supAdded++;
      }
      await db.suppressions.bulkPut(fresh);
      for (const id of new Set(erasedLater)) await db.suppressions.update(id, { erased: true });
      const changedHashes = [...new Set(newHashes)];
      await db.suppressedKeys.bulkPut(changedHashes.map((keyHash) => ({ keyHash, count: countOf.get(keyHash)! })));
      await addToKeyFilter(db, 's', newHashes.map(fingerprintOfHash));
      await db.assessments.bulkPut(data.assessments);
      if (mode === 'replace' || !(await db.settings.get('settings'))) await db.settings.put({ key: 'settings', value: data.settings });
      // One read and one write of the key filter for the whole backup, not one per contact.
      const contactFilter = remap.size > 50 ? await KeyFilter.load(db, 'c', 'all') : undefined;
      if (touched.length > 50) await refreshDerivedMany(this.core, db, touched, contactFilter!);
      else for (const id of touched) await refreshDerived(this.core, db, id, contactFilter);
      await contactFilter?.save(db);
      // After 'replace' the table holds exactly the added contacts; 'merge' only adds.
      if (mode === 'replace') await db.kv.put({ key: CONTACT_COUNT_KEY, value: added.size });
      else await addToContactCount(db, added.size);
      counts.contacts = data.contacts.length;
      counts.mergedContacts = merged;
      counts.bases = data.bases.length;
      counts.evidence = data.evidence.length;
      // Rows attached to a contact of the backup (a row naming no contact has no place to live now).
      const backupIds = new Set(data.contacts.map((c) => c.id));
      counts.provenance = data.provenance.filter((p) => backupIds.has(p.contactId)).length;
      counts.events = data.events.length;
      counts.suppressions = supAdded;
      counts.assessments = data.assessments.length;
      counts.audit = mode === 'replace' ? data.audit.length : 0;
      await this.core.audit(db, {
        actor,
        action: 'backup-imported',
        detail: { mode, ...counts, importedAuditHead: data.audit[data.audit.length - 1]?.hash ?? null },
      });
      return counts;
    });
    this.list.invalidateList();
    return result;
  }
}
