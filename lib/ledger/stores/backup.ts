import { keysOfContact } from '../../identity/keys';
import { AUDIT_HEAD_KEY, type AuditHead } from '../audit';
import { mergeContacts } from '../contact-input';
import { addToKeyFilter, fingerprintOfHash, KeyFilter } from '../key-filter';
import type { Contact, Provenance } from '../schema';
import { dropListSnapshot } from '../list-snapshot';
import type { ContactListStore } from './contact-list';
import { addToContactCount, CONTACT_COUNT_KEY, readSettingsRow, type LedgerCore } from './core';
import { contactsByKeys, refreshDerived, singleOwner } from './shared';
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
      // Contacts: an incoming contact whose identity is already known merges into that contact.
      const remap = new Map<string, string>();
      const added = new Set<string>();
      let merged = 0;
      const provenanceOf = new Map<string, Provenance[]>();
      for (const p of data.provenance) provenanceOf.set(p.contactId, [...(provenanceOf.get(p.contactId) ?? []), p]);
      // Each contact is written with its `keys`, so a later contact of the same backup that shares an identity
      // finds it through the index and merges into it (one owner per key, in both modes).
      const withKeys = (x: Contact): Contact => ({ ...x, keys: keysOfContact(x) });
      for (const backupContact of data.contacts) {
        const { keys: _k, ...rest } = backupContact;
        const c: Contact = { ...rest, provenance: provenanceOf.get(backupContact.id) ?? [] };
        const keys = keysOfContact(c);
        const found = await contactsByKeys(db, keys);
        const owner = singleOwner((k) => (found.ownersOf.get(k) ?? []).filter((id) => id !== c.id), (id) => found.contacts.get(id)?.name ?? id, keys, c, `contact ${c.name}: `);
        const sameId = await db.contacts.get(c.id);
        if (owner) {
          const into = (await db.contacts.get(owner))!;
          await db.contacts.put(withKeys(mergeContacts(into, c) as Contact));
          remap.set(c.id, owner);
          merged++;
        } else if (sameId) {
          await db.contacts.put(withKeys(mergeContacts(sameId, c) as Contact));
          remap.set(c.id, c.id);
          merged++;
        } else {
          await db.contacts.put(withKeys(c));
          remap.set(c.id, c.id);
          added.add(c.id);
        }
      }
      const cid = <T extends { contactId?: string }>(r: T): T => (r.contactId && remap.has(r.contactId) ? { ...r, contactId: remap.get(r.contactId)! } : r);
      await db.bases.bulkPut(data.bases.map(cid));
      await db.evidence.bulkPut(data.evidence.map(cid));
      await db.events.bulkPut(data.events.map(cid));
      // Suppressions: one entry per key hash, scope and level.
      let supAdded = 0;
      const newHashes: string[] = [];
      for (const s of data.suppressions) {
        const dup = (await db.suppressions.where('keyHash').equals(s.keyHash).toArray()).find((x) => x.scope === s.scope && x.level === s.level);
        if (dup) {
          if (s.erased && !dup.erased) await db.suppressions.update(dup.id, { erased: true });
          continue;
        }
        await db.suppressions.put(s);
        const n = (await db.suppressedKeys.get(s.keyHash))?.count ?? 0;
        await db.suppressedKeys.put({ keyHash: s.keyHash, count: n + 1 });
        newHashes.push(s.keyHash);
        supAdded++;
      }
      await addToKeyFilter(db, 's', newHashes.map(fingerprintOfHash));
      await db.assessments.bulkPut(data.assessments);
      if (mode === 'replace' || !(await db.settings.get('settings'))) await db.settings.put({ key: 'settings', value: data.settings });
      // One read and one write of the key filter for the whole backup, not one per contact.
      const contactFilter = remap.size > 50 ? await KeyFilter.load(db, 'c', 'all') : undefined;
      for (const id of new Set(remap.values())) await refreshDerived(this.core, db, id, contactFilter);
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
