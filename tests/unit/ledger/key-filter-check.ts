import { fingerprintOfHash, fingerprintOfKey, KeyFilter } from '../../../lib/ledger/key-filter';
import type { Ledger } from '../../../lib/ledger/repository';

/**
 * The key filters' promise: every identity key a stored contact holds, and every stored suppression key,
 * is in its filter (an import that missed one would duplicate a person or miss an objection). Returns what
 * is missing, as readable strings.
 */
export async function keysMissingFromFilters(ledger: Ledger): Promise<string[]> {
  const db = ledger.db;
  return db.transaction('r', [db.contacts, db.suppressedKeys, db.keyFilter], async () => {
    const contacts = await db.contacts.toArray();
    const hashes = (await db.suppressedKeys.toCollection().primaryKeys()) as string[];
    const c = await KeyFilter.load(db, 'c', 'all');
    const s = await KeyFilter.load(db, 's', 'all');
    return [
      ...contacts.flatMap((x) => (x.keys ?? []).filter((k) => !c.mayHave(fingerprintOfKey(k))).map((k) => `contact ${x.id}: ${k}`)),
      ...hashes.filter((h) => !s.mayHave(fingerprintOfHash(h))).map((h) => `suppression ${h}`),
    ];
  });
}
