import { z } from 'zod';
import { IMPORT_FILE_MAX_BYTES } from '../messaging/common';
import { LINKEDIN_PROFILE_URL, normalizeDomain, normalizeEmail, normalizeLinkedIn, normalizePhone } from '../identity/normalize';
import { assessmentSchema } from '../model/assessment';
import { auditEntrySchema } from '../model/audit';
import { basisRecordSchema } from '../model/basis';
import { contactSchema, provenanceSchema } from '../model/contact';
import { eventSchema } from '../model/event';
import { evidenceSchema } from '../model/evidence';
import { settingsSchema } from '../model/settings';
import { suppressionSchema } from '../model/suppression';

// The backup file format, version 1 (docs/backup-format.md). Everything in the ledger except the team-sync
// cache and its credentials: contacts, bases, evidence with files as base64, provenance, events,
// suppressions, assessments, settings and the complete audit chain.

export const BACKUP_FORMAT = 'outreach-guard-backup';
export const BACKUP_VERSION = 1;
/** The one file limit of the product (lib/messaging/common.ts): larger backups are refused before parsing. */
export const BACKUP_MAX_CHARS = IMPORT_FILE_MAX_BYTES;

/**
 * Contacts in a backup leave out the derived index fields; they are recomputed on import. Their
 * identities must be in the normal form the forms store (a backup is no way around their checks).
 */
export const backupContactSchema = contactSchema
  .omit({ sortName: true, searchTokens: true, flags: true, art14DueAt: true, obtainedAt: true, keys: true, provenance: true })
  .superRefine((c, ctx) => {
    const bad = (path: (string | number)[], value: string, what: string) =>
      ctx.addIssue({ code: 'custom', path, message: `${JSON.stringify(value.slice(0, 80))} is not ${what}` });
    c.emails.forEach((e, i) => normalizeEmail(e) !== e && bad(['emails', i], e, 'an e-mail address'));
    c.phones.forEach((p, i) => normalizePhone(p) !== p && bad(['phones', i], p, 'a phone number in E.164 form (+31612345678)'));
    c.linkedin.memberIds.forEach((m, i) => normalizeLinkedIn({ memberId: m }).memberId !== m && bad(['linkedin', 'memberIds', i], m, 'a LinkedIn member id'));
    c.linkedin.vanities.forEach((v, i) => normalizeLinkedIn({ vanity: v }).vanity !== v && bad(['linkedin', 'vanities', i], v, 'a LinkedIn profile name'));
    c.linkedin.leadIds.forEach((l, i) => normalizeLinkedIn({ salesNavLeadId: l }).salesNavLeadId !== l && bad(['linkedin', 'leadIds', i], l, 'a Sales Navigator lead id'));
    const url = c.linkedin.profileUrl;
    if (url !== undefined) {
      const n = normalizeLinkedIn({ profileUrl: url });
      if (!LINKEDIN_PROFILE_URL.test(url) || !(n.memberId || n.vanity || n.salesNavLeadId)) bad(['linkedin', 'profileUrl'], url, 'a https://www.linkedin.com/ profile address');
    }
    const domain = c.company?.domain;
    if (domain !== undefined && normalizeDomain(domain) !== domain) bad(['company', 'domain'], domain, 'a domain');
  });

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

/**
 * Version 2: a backup in numbered parts, each a file under the one file limit (docs/backup-format.md). Every
 * part names its backup and its number; the last part says it is the last and counts the whole backup. A
 * contact's provenance rows travel in the contact's part. The settings are in part 1.
 */
export const BACKUP_PARTS_VERSION = 2;
/**
 * What export puts in one part, in characters: under the 50 MB file limit even when every character outside
 * ASCII takes three bytes in UTF-8, and under Chromium's 64 MiB message limit when quotes are escaped in transit.
 */
export const BACKUP_PART_BUDGET = 40 * 1024 * 1024;

const count = z.number().int().min(0);
export const backupPartTotalsSchema = z.object({
  contacts: count,
  bases: count,
  evidence: count,
  provenance: count,
  events: count,
  suppressions: count,
  assessments: count,
  audit: count,
});

export const backupPartV2Schema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_PARTS_VERSION),
    exportedAt: z.string(),
    app: z.object({ name: z.string(), version: z.string() }).optional(),
    schemaVersion: z.number().int().optional(),
    backupId: z.string().min(1).max(100),
    part: z.number().int().min(1).max(100_000),
    last: z.boolean(),
    totals: backupPartTotalsSchema.optional(),
    data: z.object({
      contacts: z.array(backupContactSchema).default([]),
      bases: z.array(basisRecordSchema).default([]),
      evidence: z.array(backupEvidenceSchema).default([]),
      provenance: z.array(provenanceSchema).default([]),
      events: z.array(eventSchema).default([]),
      suppressions: z.array(suppressionSchema).default([]),
      assessments: z.array(assessmentSchema).default([]),
      settings: settingsSchema.optional(),
      audit: z.array(auditEntrySchema).default([]),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.last && !p.totals) ctx.addIssue({ code: 'custom', path: ['totals'], message: 'the last part counts the whole backup' });
    if (p.part === 1 && !p.data.settings) ctx.addIssue({ code: 'custom', path: ['data', 'settings'], message: 'part 1 holds the settings' });
  });
export type BackupPartV2 = z.infer<typeof backupPartV2Schema>;
