import { keysOfContact } from '../../identity/keys';
import type { LedgerDb } from '../db';
import { addToKeyFilter, fingerprintOfHash } from '../key-filter';
import type { Contact } from '../../model/contact';
import type { SuppressionRow } from '../../model/suppression';
import { contactsByKeys, singleOwner, whereAnyOf } from './shared';

// The two restore steps that look at what the ledger already holds: where each incoming contact goes, and
// which do-not-contact entries are new (used by lib/ledger/stores/backup-restore.ts).

/** Where each incoming contact goes (remap) and how many merge or are new; throws on a conflict. */
export async function planContacts(db: LedgerDb, incoming: readonly Contact[], mode: 'merge' | 'replace'): Promise<{ remap: Record<string, string>; merged: number; added: number }> {
  const byId = new Map<string, Contact>();
  const holders = new Map<string, string[]>();
  const hold = (id: string, keys: readonly string[]) => {
    for (const k of keys) {
      const list = holders.get(k);
      if (!list) holders.set(k, [id]);
      else if (!list.includes(id)) list.push(id);
    }
  };
  if (mode === 'merge') {
    const found = await contactsByKeys(db, incoming.flatMap((c) => keysOfContact(c)), await db.contacts.count());
    for (const c of found.contacts.values()) byId.set(c.id, c);
    for (const c of await db.contacts.bulkGet(incoming.map((c) => c.id))) if (c) byId.set(c.id, c);
    for (const c of byId.values()) hold(c.id, c.keys ?? keysOfContact(c));
  }
  const remap: Record<string, string> = {};
  let merged = 0;
  let added = 0;
  for (const c of incoming) {
    const keys = keysOfContact(c);
    const owner = singleOwner((k) => (holders.get(k) ?? []).filter((id) => id !== c.id), (id) => byId.get(id)?.name ?? id, keys, c, `contact ${c.name}: `);
    if (owner) {
      remap[c.id] = owner;
      merged++;
    } else if (byId.has(c.id)) merged++;
    else added++;
    const into = owner ?? c.id;
    // What the merged contact will hold, so a later contact of the backup that shares one of them finds it.
    if (!byId.has(into)) byId.set(into, c);
    hold(into, keys);
  }
  return { remap, merged, added };
}

/**
 * Adds do-not-contact entries, one per key hash, scope and level: existing entries are looked up only for
 * hashes already on the list; repeats inside the chunk are caught in memory. Returns how many were new.
 */
export async function addSuppressions(db: LedgerDb, rows: readonly SuppressionRow[]): Promise<number> {
  const hashes = [...new Set(rows.map((s) => s.keyHash))];
  const known = await db.suppressedKeys.bulkGet(hashes);
  const countOf = new Map<string, number>();
  hashes.forEach((h, i) => countOf.set(h, known[i]?.count ?? 0));
  const existing = new Map<string, SuppressionRow>();
  for (const row of await whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', hashes.filter((h) => countOf.get(h)! > 0))) existing.set(`${row.keyHash}|${row.scope}|${row.level}`, row);
  const fresh: SuppressionRow[] = [];
  const erasedLater = new Set<string>();
  const newHashes: string[] = [];
  for (const s of rows) {
    const slot = `${s.keyHash}|${s.scope}|${s.level}`;
    const dup = existing.get(slot);
    if (dup) {
      // An erasure in the backup sticks to the entry already there.
      if (s.erased && !dup.erased) {
        dup.erased = true;
        erasedLater.add(dup.id);
      }
      continue;
    }
    existing.set(slot, s);
    fresh.push(s);
    countOf.set(s.keyHash, countOf.get(s.keyHash)! + 1);
    newHashes.push(s.keyHash);
  }
  await db.suppressions.bulkPut(fresh);
  for (const id of erasedLater) await db.suppressions.update(id, { erased: true });
  const changed = [...new Set(newHashes)];
  await db.suppressedKeys.bulkPut(changed.map((keyHash) => ({ keyHash, count: countOf.get(keyHash)! })));
  await addToKeyFilter(db, 's', newHashes.map(fingerprintOfHash));
  return fresh.length;
}
