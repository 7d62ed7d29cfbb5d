import { AUDIT_HEAD_KEY, type AuditHead } from '../audit';
import type { Contact, Provenance } from '../../model/contact';
import { RestoreStore } from './backup-restore';
import type { ContactListStore } from './contact-list';
import { readSettingsRow, type LedgerCore } from './core';
import type { BackupData } from './types';

/** The tables an export reads, in the order of its parts (contacts first: rows of a contact follow it). */
export const EXPORT_TABLES = ['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments', 'audit'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export type ExportKey = string | number | [string, number];

// The whole ledger out (backup) and back in (restore, replacing or merging; the chunked restore is in backup-restore.ts).

export class BackupStore {
  /** the chunked, resumable restore (backup-restore.ts) */
  readonly restore: RestoreStore;

  constructor(
    private readonly core: LedgerCore,
    list: ContactListStore,
  ) {
    this.restore = new RestoreStore(core, list);
  }

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
   * Up to `limit` rows of one table after primary key `after`, for an export in parts (each read its own
   * transaction, so a large ledger is never held in memory at once). `after` comes from the previous call.
   */
  async exportRows(table: ExportTable, after: ExportKey | undefined, limit: number): Promise<{ rows: Record<string, unknown>[]; after: ExportKey | undefined }> {
    return this.core.read([table], async (db) => {
      const t = db.table(table);
      const rows = (await (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(limit).toArray()) as Record<string, unknown>[];
      const last = rows[rows.length - 1];
      const key: ExportKey | undefined = last === undefined ? after : table === 'audit' ? (last.seq as number) : table === 'assessments' ? ([last.id as string, last.version as number] as [string, number]) : (last.id as string);
      return { rows, after: key };
    });
  }

  /** How many rows an export will read (for its progress), and the settings it writes into part 1. */
  async exportStart(): Promise<{ total: number; settings: Awaited<ReturnType<typeof readSettingsRow>>; schemaVersion: number }> {
    return this.core.read([...EXPORT_TABLES, 'settings'], async (db) => {
      let total = 0;
      for (const t of EXPORT_TABLES) total += await db.table(t).count();
      return { total, settings: await readSettingsRow(db), schemaVersion: db.verno };
    });
  }

  /**
   * Restores validated backup data (all of it, already in memory) through the chunked restore: `replace`
   * swaps the ledger for the backup (its audit chain included); `merge` adds it, merging contacts that share
   * an identity and keeping the local audit chain.
   */
  async restoreFromBackup(data: BackupData, mode: 'merge' | 'replace'): Promise<Record<string, number>> {
    const provenanceOf = new Map<string, Provenance[]>();
    for (const p of data.provenance) {
      const list = provenanceOf.get(p.contactId);
      if (list) list.push(p);
      else provenanceOf.set(p.contactId, [p]);
    }
    const contacts = data.contacts.map(({ keys: _k, ...c }): Contact => ({ ...c, provenance: provenanceOf.get(c.id) ?? [] }));
    const rec = await this.restore.stagePart(
      {
        backupId: `memory:${this.core.nowIso()}`,
        part: 1,
        last: true,
        settings: data.settings,
        rows: { audit: data.audit, assessments: data.assessments, suppressions: data.suppressions, contacts, bases: data.bases, evidence: data.evidence, events: data.events },
      },
      mode,
    );
    return this.restore.run(rec.id);
  }
}
