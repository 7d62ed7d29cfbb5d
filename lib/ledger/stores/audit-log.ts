import { AUDIT_HEAD_KEY, verifyAuditChain, type AuditHead, type AuditVerifyResult } from '../audit';
import type { AuditEntry } from '../../model/audit';
import type { ContactStore } from './contacts';
import type { LedgerCore } from './core';

// Reading the audit log: the list with its filters, the chain check, the export, and a person's access report
// (Art. 15). Entries are appended by the stores' writes (audit.ts).

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
  /** Checks the whole chain and its recorded head; says which entry was edited or deleted. */
  async verifyAudit(): Promise<AuditVerifyResult> {
    return this.core.read(['audit', 'kv'], async (db) => {
      const entries = await db.audit.orderBy('seq').toArray();
      const head = (await db.kv.get(AUDIT_HEAD_KEY))?.value as AuditHead | undefined;
      return verifyAuditChain(entries, head);
    });
  }
  async exportAudit(): Promise<AuditEntry[]> {
    return this.core.read(['audit'], (db) => db.audit.orderBy('seq').toArray());
  }
  /** Everything held about one person (Art. 15), as JSON; evidence files as metadata and hashes. */
  async accessExport(contactId: string) {
    const page = await this.contacts.contactPage(contactId);
    const audit = await this.core.read(['audit'], (db) => db.audit.where('contactId').equals(contactId).toArray());
    return { ...page, audit, exportedAt: this.core.nowIso() };
  }
}
