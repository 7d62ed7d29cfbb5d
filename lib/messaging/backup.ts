import { z } from 'zod';
import { resultOf } from './common';

// Backups in parts (docs/backup-format.md): the page asks for an export one part (one file) at a time, and
// hands a restore its files one message each; the background stages them, then restores in resumable
// chunks while the page follows `backup/restore-status`. Each message stays under the one file limit.

const id = z.string().min(1).max(200);

export const backupExportPartRequest = z.object({ type: z.literal('backup/export-part'), exportId: id.optional() });
export const backupRestorePartRequest = z.object({
  type: z.literal('backup/restore-part'),
  /** absent for the first file of a restore */
  restoreId: id.optional(),
  mode: z.enum(['merge', 'replace']),
  /** one backup file, parsed (checked by the background: lib/backup/backup.ts) */
  part: z.unknown(),
});
export const backupRestoreStartRequest = z.object({ type: z.literal('backup/restore-start'), restoreId: id });
export const backupRestoreStatusRequest = z.object({ type: z.literal('backup/restore-status'), restoreId: id });

export const backupRequests = [backupExportPartRequest, backupRestorePartRequest, backupRestoreStartRequest, backupRestoreStatusRequest] as const;

const missing = z.array(z.union([z.number().int(), z.literal('last')]));
export const restoreStatusSchema = z.object({
  state: z.enum(['staging', 'checking', 'applying', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  result: z.record(z.string(), z.number()).optional(),
  /** why it failed, or why it stopped (it continues when the background starts again) */
  message: z.string().optional(),
  where: z.string().optional(),
  /** parts still to give: numbers, or 'last' while the closing part has not been seen */
  missing: missing.optional(),
});
export type RestoreStatus = z.infer<typeof restoreStatusSchema>;

export const backupResponses = {
  'backup/export-part': resultOf(
    z.object({ exportId: z.string(), part: z.number().int(), last: z.boolean(), text: z.string(), done: z.number().int(), total: z.number().int() }),
  ),
  'backup/restore-part': resultOf(z.object({ restoreId: z.string(), part: z.number().int(), missing })),
  'backup/restore-start': resultOf(z.object({ restoreId: z.string() })),
  'backup/restore-status': resultOf(restoreStatusSchema),
};
