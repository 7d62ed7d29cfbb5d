import { AUDIT_HEAD_KEY, GENESIS_HASH, verifyAuditChain, type AuditAnchor, type AuditHead, type AuditHeadInfo, type AuditVerifyResult } from '../audit';
import type { AuditEntry } from '../../model/audit';
import type { ContactStore } from './contacts';
import type { LedgerCore } from './core';

// Reading the audit log: the list with its filters, the chain check, the export, and a person's access report
// (Art. 15). Entries are appended by the stores' writes (audit.ts).

/** kv key of the device's own copies of the anchors it made (lib/sync/anchors.ts). Never part of a backup. */
export const AUDIT_ANCHORS_KEY = 'audit-anchors';

export class AuditLogStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly contacts: ContactStore,
  ) {}

  async listAudit(q: { action?: string; contactId?: string; from?: string; to?: string; offset?: number; limit?: number }) {
    return this.core.read(['audit'], async (db) => {
      let coll = q.contactId ? db.audit.where('contactId').equals(q.contactId) : db.audit.orderBy('seq');
      if (q.action || q.from || q.to) {
        coll = coll.filter((e) => (!q.action || e.action === q.action) && (!q.from || e.at >= q.from) && (!q.to || e.at <= `${q.to}\uffff`));
      }
      const all = await coll.toArray();
      all.sort((a, b) => b.seq - a.seq);
      const offset = q.offset ?? 0;
      return { total: all.length, items: all.slice(offset, offset + (q.limit ?? 50)) };
    });
  }
  /**
   * Checks the whole chain, its recorded head, the device's own anchor copies and the `anchors` given (the
   * team server's, a head the rep kept); says which entry was edited or deleted.
   */
  async verifyAudit(anchors: readonly AuditAnchor[] = []): Promise<AuditVerifyResult> {
    return this.core.read(['audit', 'kv'], async (db) => {
      const entries = await db.audit.orderBy('seq').toArray();
      const head = (await db.kv.get(AUDIT_HEAD_KEY))?.value as AuditHead | undefined;
      return verifyAuditChain(entries, head, GENESIS_HASH, 1, [...localAnchorsOf((await db.kv.get(AUDIT_ANCHORS_KEY))?.value), ...anchors]);
    });
  }
  /** The newest entry of the chain (null for an empty log). */
  async auditHead(): Promise<AuditHeadInfo | null> {
    const last = await this.core.read(['audit'], (db) => db.audit.orderBy('seq').last());
    return last ? { seq: last.seq, hash: last.hash, at: last.at } : null;
  }
  /** Entries from `from` on, at most `limit`, in order (for making anchors). */
  async auditFrom(from: number, limit: number): Promise<AuditEntry[]> {
    return this.core.read(['audit'], (db) => db.audit.where('seq').aboveOrEqual(from).limit(limit).toArray());
  }
  async localAnchors(): Promise<AuditAnchor[]> {
    return this.core.read(['kv'], async (db) => localAnchorsOf((await db.kv.get(AUDIT_ANCHORS_KEY))?.value));
  }
  /** Keeps the device's copy of anchors it made (an anchor already kept is not added twice). */
  async keepAnchors(anchors: readonly AuditAnchor[]): Promise<void> {
    await this.core.writeTables(['kv'], async (db) => {
      const kept = localAnchorsOf((await db.kv.get(AUDIT_ANCHORS_KEY))?.value);
      const seen = new Set(kept.map((a) => `${a.from}:${a.seq}:${a.hash}`));
      for (const a of anchors) if (!seen.has(`${a.from}:${a.seq}:${a.hash}`)) kept.push({ ...a, where: 'local' });
      await db.kv.put({ key: AUDIT_ANCHORS_KEY, value: kept });
    });
  }
  async exportAudit(): Promise<AuditEntry[]> {
    return this.core.read(['audit'], (db) => db.audit.orderBy('seq').toArray());
  }
  /** Everything held about one person (Art. 15), as JSON; evidence files as metadata and hashes. */
  async accessExport(contactId: string) {
    const page = await this.contacts.contactPage(contactId);
    const audit = await this.core.read(['audit'], (db) => db.audit.where('contactId').equals(contactId).toArray());
    return { ...page, audit, auditHead: await this.auditHead(), exportedAt: this.core.nowIso() };
  }
}

/** The stored copies, skipping anything that is not an anchor (the kv row is written by this store only). */
function localAnchorsOf(value: unknown): AuditAnchor[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (a): a is AuditAnchor =>
      Boolean(a) && typeof a === 'object' && Number.isInteger(a.from) && Number.isInteger(a.seq) && typeof a.hash === 'string' && Array.isArray(a.fingerprints),
  ).map((a) => ({ ...a, where: 'local' as const }));
}
