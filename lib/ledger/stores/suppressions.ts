import { kindOfKey, companyKeysOf, keysOfContact, personKeysOf } from '../../identity/keys';
import type { LedgerDb } from '../db';
import { LedgerError } from '../errors';
import { newId } from '../ids';
import { addToKeyFilter, fingerprintOfHash, removeFromKeyFilter } from '../key-filter';
import type { Contact } from '../../model/contact';
import type { SuppressionRow } from '../../model/suppression';
import { sha256Hex } from '../sha256';
import type { ContactListStore } from './contact-list';
import type { LedgerCore } from './core';
import { contactsByKeys, refreshDerived, whereAnyOf } from './shared';
import type { SuppressionOptions } from './types';

// The do-not-contact list: entries store only the SHA-256 of an identity key; `suppressedKeys` counts the
// entries per hash and the 's' key filter lets a CSV import rule out most keys without a request.

/** A masked label for a suppressed key that a list can show without revealing the whole identifier. */
export function maskKey(key: string): string {
  const kind = kindOfKey(key) ?? key.slice(0, key.indexOf(':'));
  const v = key.slice(key.indexOf(':') + 1);
  if (kind === 'email') {
    const at = v.lastIndexOf('@');
    return `${v.slice(0, 1)}…@${v.slice(at + 1)}`;
  }
  if (kind === 'phone') return `${v.slice(0, 4)}…${v.slice(-2)}`;
  if (kind === 'domain' || kind === 'company') return v;
  return `${v.slice(0, 3)}…`;
}

export class SuppressionStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly list: ContactListStore,
  ) {}

  /**
   * Do-not-contact for these identity keys. Person level stores each key's hash; company level stores the
   * hashes of the domain/company keys they imply. Returns how many new entries were written.
   */
  async addSuppressionForKeys(keys: readonly string[], options: SuppressionOptions): Promise<number> {
    return this.core.write(async (db) => {
      const n = await this.addSuppressionsInTx(db, keys, options);
      await this.core.audit(db, {
        actor: options.recordedBy ?? (await this.core.actor(db)),
        action: 'suppression-added',
        detail: { level: options.level, scope: options.scope, reason: options.reason, keyHashes: n.hashes },
      });
      return n.added;
    });
  }
  async addSuppressionsInTx(db: LedgerDb, keys: readonly string[], options: SuppressionOptions): Promise<{ added: number; hashes: string[] }> {
    const target = options.level === 'company' ? companyKeysOf(keys) : personKeysOf(keys);
    const recordedBy = options.recordedBy ?? (await this.core.actor(db));
    let added = 0;
    const hashes: string[] = [];
    const newHashes: string[] = [];
    for (const key of new Set(target)) {
      const keyHash = sha256Hex(key);
      hashes.push(keyHash);
      const existing = await db.suppressions.where('keyHash').equals(keyHash).toArray();
      const same = existing.find((s) => s.scope === options.scope && s.level === options.level);
      if (same) {
        if (options.erased && !same.erased) await db.suppressions.update(same.id, { erased: true });
        continue;
      }
      await db.suppressions.add({
        id: newId(),
        keyHash,
        keyKind: kindOfKey(key) ?? 'company',
        level: options.level,
        scope: options.scope,
        reason: options.reason,
        recordedBy,
        recordedAt: this.core.nowIso(),
        source: 'personal',
        ...(options.erased ? { erased: true } : { label: maskKey(key) }),
      });
      await db.suppressedKeys.put({ keyHash, count: existing.length + 1 });
      newHashes.push(keyHash);
      added++;
    }
    await addToKeyFilter(db, 's', newHashes.map(fingerprintOfHash));
    // The contacts list's "objection" filter reads a derived flag: refresh the people these keys belong to.
    const owners = (await contactsByKeys(db, keys)).contacts.keys();
    for (const id of owners) await refreshDerived(this.core, db, id);
    return { added, hashes };
  }
  async listSuppressions(offset = 0, limit = 50): Promise<{ total: number; items: SuppressionRow[] }> {
    return this.core.read(['suppressions'], async (db) => ({
      total: await db.suppressions.count(),
      items: await db.suppressions.orderBy('recordedAt').reverse().offset(offset).limit(limit).toArray(),
    }));
  }
  async removeSuppression(id: string): Promise<boolean> {
    // The entry stores only a hash, so its people are found among the contacts flagged as objecting (read
    // before the write: the list index has its own transactions).
    const flagged = (await this.list.contactListIndex()).query([], { objection: true }, this.core.nowIso().slice(0, 10), 0, Number.MAX_SAFE_INTEGER).ids;
    return this.core.write(async (db) => {
      const s = await db.suppressions.get(id);
      if (!s) return false;
      if (s.erased) throw new LedgerError('erased', 'This entry is what remains of an erased person; it cannot be removed.');
      await db.suppressions.delete(id);
      const left = await db.suppressions.where('keyHash').equals(s.keyHash).count();
      if (left) await db.suppressedKeys.put({ keyHash: s.keyHash, count: left });
      else {
        await db.suppressedKeys.delete(s.keyHash);
        await removeFromKeyFilter(db, 's', [fingerprintOfHash(s.keyHash)]);
      }
      // Their "objection" flag is derived: recompute it for the people this entry covered.
      const covered = (await db.contacts.bulkGet(flagged)).filter((c): c is Contact => !!c && keysOfContact(c).some((k) => sha256Hex(k) === s.keyHash));
      for (const c of covered) await refreshDerived(this.core, db, c.id);
      await this.core.audit(db, { actor: await this.core.actor(db), action: 'suppression-removed', detail: { keyHash: s.keyHash, level: s.level, scope: s.scope } });
      return true;
    });
  }
  /** Whether these keys are suppressed (any level) or were erased, without a contact. */
  async suppressionStatus(keys: readonly string[]): Promise<{ suppressed: boolean; erased: boolean }> {
    const all = [...keys, ...companyKeysOf(keys)];
    const rows = await this.core.read(['suppressions'], (db) => whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', all.map(sha256Hex)));
    return { suppressed: rows.length > 0, erased: rows.some((r) => r.erased) };
  }
}
