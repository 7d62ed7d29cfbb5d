import { z } from 'zod';
import { resultOf } from './common';

// Requests only extension pages (options, popup, side panel) may make. Owned by the ledger work (issue #2/#6):
// add one schema per request here and its response in `managementResponses`.

export const backupExportRequest = z.object({ type: z.literal('backup/export') });
export const backupImportRequest = z.object({
  type: z.literal('backup/import'),
  backup: z.unknown(),
  mode: z.enum(['merge', 'replace']),
});

export const managementRequests = [backupExportRequest, backupImportRequest] as const;

export const managementResponses = {
  'backup/export': resultOf(z.object({ backup: z.unknown() })),
  'backup/import': resultOf(z.object({ imported: z.record(z.string(), z.number()) })),
} as const;
