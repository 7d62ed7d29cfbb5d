import { exportBackup, importBackup, parseBackupPart } from '../backup/backup';
import { BackupExporter } from '../backup/export-parts';
import type { Ledger } from '../ledger/repository';
import { RestoreStore } from '../ledger/stores/backup-restore';
import type { Handler } from './router';

// The background's backup handlers: the single-file requests (`backup/export`, `backup/import`, fixed names)
// and the export and restore in parts that the options page uses (docs/backup-format.md).

type BackupRequestType = 'backup/export' | 'backup/import' | 'backup/export-part' | 'backup/restore-part' | 'backup/restore-start' | 'backup/restore-status';

/** `beforeExport` anchors the audit chain's head on the team server at each export (lib/background/audit-anchors.ts). */
export function backupHandlers(ledger: Ledger, beforeExport: () => Promise<void> = async () => undefined): { [T in BackupRequestType]: Handler<T> } {
  const exporter = new BackupExporter(ledger);
  const restore = ledger.backup.restore;
  return {
    'backup/export': async () => {
      await beforeExport();
      return { backup: await exportBackup(ledger) };
    },
    'backup/import': async (req) => ({ imported: await importBackup(ledger, req.backup, req.mode) }),
    'backup/export-part': async (req) => {
      if (!req.exportId) await beforeExport(); // a new export in parts starts
      return exporter.nextPart(req.exportId);
    },
    'backup/restore-part': async (req) => {
      const part = parseBackupPart(req.part);
      const rec = await restore.stagePart(part, req.mode, req.restoreId);
      return { restoreId: rec.id, part: part.part, missing: RestoreStore.missing(rec) };
    },
    'backup/restore-start': async (req) => {
      // Runs on while the page follows backup/restore-status; a failure lands in that status.
      void restore.run(req.restoreId).catch((error: unknown) => console.error('[outreach-guard] the restore stopped', error));
      return { restoreId: req.restoreId };
    },
    'backup/restore-status': (req) => restore.status(req.restoreId),
  };
}

/** At start-up: a restore a stopped worker left half-way continues from its last committed chunk. */
export function resumeBackupRestore(ledger: Ledger): Promise<string | undefined> {
  return ledger.backup.restore.resumePending();
}
