import { z } from 'zod';
import {
  assessmentSchema,
  auditEntrySchema,
  basisRecordSchema,
  contactSchema,
  eventSchema,
  evidenceSchema,
  provenanceSchema,
  settingsSchema,
  suppressionSchema,
} from '../ledger/schema';

// The backup file format, version 1 (docs/backup-format.md). Everything in the ledger except the team-sync
// cache and its credentials: contacts, bases, evidence with files as base64, provenance, events,
// suppressions, assessments, settings and the complete audit chain.

export const BACKUP_FORMAT = 'outreach-guard-backup';
export const BACKUP_VERSION = 1;
/** Larger backups are refused before parsing (Chrome's message limit is 64 MiB anyway). */
export const BACKUP_MAX_CHARS = 64 * 1024 * 1024;

/** Contacts in a backup leave out the derived index fields; they are recomputed on import. */
export const backupContactSchema = contactSchema.omit({ sortName: true, searchTokens: true, flags: true, art14DueAt: true, obtainedAt: true, keys: true, provenance: true });

export const backupEvidenceSchema = evidenceSchema.extend({
  /** the file, base64; present for kind "file" */
  data: z.string().optional(),
});

export const backupV1Schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }).optional(),
  /** the ledger schema version the data was written with (informational) */
  schemaVersion: z.number().int().optional(),
  data: z.object({
    contacts: z.array(backupContactSchema),
    bases: z.array(basisRecordSchema),
    evidence: z.array(backupEvidenceSchema),
    provenance: z.array(provenanceSchema),
    events: z.array(eventSchema),
    suppressions: z.array(suppressionSchema),
    assessments: z.array(assessmentSchema),
    settings: settingsSchema,
    audit: z.array(auditEntrySchema),
  }),
});
export type BackupV1 = z.infer<typeof backupV1Schema>;
