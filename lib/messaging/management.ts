import { z } from 'zod';
import { auditHeadSchema, auditVerifyResultSchema } from './audit-anchors';
import { backupRequests, backupResponses } from './backup';
import { resultOf } from './common';
import {
  basesDeleteRequest,
  basesSaveRequest,
  contactPageSchema,
  contactsDeleteRequest,
  contactsGetRequest,
  contactsListRequest,
  contactsSaveRequest,
  contactSummarySchema,
  evidenceAddFileRequest,
  evidenceAddNoteRequest,
  evidenceDeleteRequest,
  evidenceGetFileRequest,
  pageFields,
  provenanceAddRequest,
  suppressionViewSchema,
} from './management-contacts';
import { csvExportRequest, csvImportRequest, csvPreviewRequest, csvPreviewSchema } from './management-csv';
import { assessmentSchema } from '../model/assessment';
import { auditEntrySchema } from '../model/audit';
import { isoDate, recordId as cid } from '../model/fields';
import { settingsSchema } from '../model/settings';
import { suppressionScopeSchema } from '../model/suppression';

// Requests only extension pages (options, popup, side panel) may make; the contact pages' are in
// management-contacts.ts, the CSV page's in management-csv.ts, and the table below lists them all. Owned by the ledger work (issue #2/#6).
// The record schemas come from lib/model (pure Zod, no Dexie) so the page and the background
// check the same shapes. `backup/export` and `backup/import` are fixed names (outside acceptance suites).

export const backupExportRequest = z.object({ type: z.literal('backup/export') });
export const backupImportRequest = z.object({
  type: z.literal('backup/import'),
  backup: z.unknown(),
  mode: z.enum(['merge', 'replace']),
});

const page = pageFields;

// --- assessments ------------------------------------------------------------------------------------

export const assessmentInputSchema = assessmentSchema.omit({ id: true, version: true, createdAt: true }).extend({
  /** absent for a new assessment; present to save a new version of an existing one */
  id: z.string().max(200).optional(),
});
export type AssessmentInput = z.input<typeof assessmentInputSchema>;
export const assessmentsListRequest = z.object({ type: z.literal('assessments/list') });
export const assessmentsGetRequest = z.object({ type: z.literal('assessments/get'), id: cid, version: z.number().int().min(1).optional() });
export const assessmentsSaveRequest = z.object({ type: z.literal('assessments/save'), assessment: assessmentInputSchema });

// --- suppressions (do-not-contact) ---------------------------------------------------------------------

export const suppressionsListRequest = z.object({ type: z.literal('suppressions/list'), ...page });
export const suppressionsAddRequest = z.object({
  type: z.literal('suppressions/add'),
  /** what `value` is: an e-mail, phone, LinkedIn URL/slug, a company (domain, e-mail or name) or a domain */
  by: z.enum(['email', 'phone', 'linkedin', 'company', 'domain']),
  value: z.string().min(1, 'enter what to block').max(2000),
  scope: suppressionScopeSchema.default('all'),
  reason: z.string().max(2000).default(''),
});
export const suppressionsRemoveRequest = z.object({ type: z.literal('suppressions/remove'), id: cid });

// --- rights requests, clean-up, jobs -------------------------------------------------------------------

export const rightsAccessExportRequest = z.object({ type: z.literal('rights/access-export'), contactId: cid });
export const rightsEraseRequest = z.object({ type: z.literal('rights/erase'), contactId: cid, reason: z.string().max(2000).default('') });

export const cleanupCategorySchema = z.enum(['no_provable_basis', 'consent_too_old', 'retention_exceeded', 'art14_passed']);
export type CleanupCategory = z.infer<typeof cleanupCategorySchema>;
export const cleanupScanRequest = z.object({ type: z.literal('cleanup/scan') });
export const cleanupEraseRequest = z.object({
  type: z.literal('cleanup/erase'),
  ids: z.array(cid).min(1).max(200_000),
  reason: z.string().max(2000).default(''),
});

export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  /** why it failed, fit to show */
  message: z.string().optional(),
  result: z.record(z.string(), z.number()).optional(),
  /** row-level errors of an import: nothing was changed when there are any, unless the result counts them as skipped */
  errors: z.array(z.object({ row: z.number().int().optional(), field: z.string().optional(), message: z.string() })).optional(),
  /** rows an import skipped because the user chose "skip bad rows", each with its reason */
  skipped: z.array(z.object({ row: z.number().int().optional(), field: z.string().optional(), message: z.string() })).optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const jobsStatusRequest = z.object({ type: z.literal('jobs/status'), jobId: cid });

// --- audit, settings -----------------------------------------------------------------------------------

export const auditListRequest = z.object({
  type: z.literal('audit/list'),
  action: z.string().max(100).optional(),
  contactId: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...page,
});
/** Who the listed audit entries are about, so the log can name them: contacts by name, keys by masked label. */
export const auditPeopleSchema = z.object({
  contacts: z.record(z.string(), z.string()),
  keys: z.record(z.string(), z.object({ kind: z.string(), label: z.string().optional(), erased: z.boolean().optional() })),
});
export type AuditPeople = z.infer<typeof auditPeopleSchema>;
export const auditExportRequest = z.object({ type: z.literal('audit/export') });
export const settingsGetRequest = z.object({ type: z.literal('settings/get') });
export const settingsSaveRequest = z.object({ type: z.literal('settings/save'), settings: settingsSchema });

// --- my list, popup lookup, call check ---------------------------------------------------------------

export const myListRequest = z.object({ type: z.literal('mylist/list'), ...page });
export const lookupPersonRequest = z.object({
  type: z.literal('lookup/person'),
  /** an e-mail address, a phone number or a LinkedIn URL; the background works out which */
  query: z.string().min(1, 'enter an e-mail, phone number or LinkedIn URL').max(2000),
});
export const callOutcomeSchema = z.enum(['no_answer', 'interested', 'not_interested', 'callback', 'objected', 'wrong_number', 'other']);
export const callLogOutcomeRequest = z.object({
  type: z.literal('call/log-outcome'),
  contactId: z.string().max(200).optional(),
  phone: z.string().min(1).max(100),
  outcome: callOutcomeSchema,
  note: z.string().max(5000).default(''),
  /** the opening with source and right to object was read out (NL-TM-04) */
  openingRead: z.boolean().default(false),
});

export const managementRequests = [
  backupExportRequest,
  backupImportRequest,
  ...backupRequests,
  contactsListRequest,
  contactsGetRequest,
  contactsSaveRequest,
  contactsDeleteRequest,
  basesSaveRequest,
  basesDeleteRequest,
  provenanceAddRequest,
  evidenceAddNoteRequest,
  evidenceAddFileRequest,
  evidenceGetFileRequest,
  evidenceDeleteRequest,
  assessmentsListRequest,
  assessmentsGetRequest,
  assessmentsSaveRequest,
  suppressionsListRequest,
  suppressionsAddRequest,
  suppressionsRemoveRequest,
  rightsAccessExportRequest,
  rightsEraseRequest,
  cleanupScanRequest,
  cleanupEraseRequest,
  jobsStatusRequest,
  auditListRequest,
  auditExportRequest,
  settingsGetRequest,
  settingsSaveRequest,
  csvPreviewRequest,
  csvImportRequest,
  csvExportRequest,
  myListRequest,
  lookupPersonRequest,
  callLogOutcomeRequest,
] as const;

// --- responses ---------------------------------------------------------------------------------------


export const assessmentListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number().int(),
  reviewDate: z.string(),
  createdAt: z.string(),
  /** review date passed */
  reviewDue: z.boolean(),
});

/** A printable section of the access export: heading plus label/value rows. */
export const printSectionSchema = z.object({
  heading: z.string(),
  rows: z.array(z.object({ label: z.string(), value: z.string() })),
});



export const myListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  headline: z.string().optional(),
  company: z.string().optional(),
  profileUrl: z.string().optional(),
  savedAt: z.string(),
  basisTypes: z.array(z.string()),
  restrictedVisibility: z.boolean(),
});

export const managementResponses = {
  'backup/export': resultOf(z.object({ backup: z.unknown() })),
  'backup/import': resultOf(z.object({ imported: z.record(z.string(), z.number()) })),
  ...backupResponses,
  'contacts/list': resultOf(z.object({ total: z.number().int(), items: z.array(contactSummarySchema) })),
  'contacts/get': resultOf(contactPageSchema),
  'contacts/save': resultOf(z.object({ id: z.string(), created: z.boolean(), mergedInto: z.string().optional() })),
  'contacts/delete': resultOf(z.object({ deleted: z.boolean() })),
  'bases/save': resultOf(z.object({ id: z.string() })),
  'bases/delete': resultOf(z.object({ deleted: z.boolean() })),
  'provenance/add': resultOf(z.object({ id: z.string() })),
  'evidence/add-note': resultOf(z.object({ id: z.string() })),
  'evidence/add-file': resultOf(z.object({ id: z.string(), sha256: z.string(), size: z.number().int() })),
  'evidence/get-file': resultOf(z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), sha256: z.string(), size: z.number().int() })),
  'evidence/delete': resultOf(z.object({ deleted: z.boolean() })),
  'assessments/list': resultOf(z.object({ items: z.array(assessmentListItemSchema) })),
  'assessments/get': resultOf(z.object({ assessment: assessmentSchema, versions: z.array(z.number().int()), contactCount: z.number().int() })),
  'assessments/save': resultOf(z.object({ id: z.string(), version: z.number().int() })),
  'suppressions/list': resultOf(z.object({ total: z.number().int(), items: z.array(suppressionViewSchema) })),
  'suppressions/add': resultOf(z.object({ added: z.number().int(), keys: z.array(z.string()) })),
  'suppressions/remove': resultOf(z.object({ removed: z.boolean() })),
  'rights/access-export': resultOf(
    z.object({ json: z.record(z.string(), z.unknown()), title: z.string(), sections: z.array(printSectionSchema) }),
  ),
  'rights/erase': resultOf(z.object({ erased: z.boolean(), suppressionKeys: z.number().int() })),
  'cleanup/scan': resultOf(
    z.object({
      categories: z.record(cleanupCategorySchema, z.object({ count: z.number().int(), ids: z.array(z.string()) })),
      total: z.number().int(),
    }),
  ),
  'cleanup/erase': resultOf(z.object({ jobId: z.string() })),
  'jobs/status': resultOf(jobStatusSchema),
  'audit/list': resultOf(z.object({ total: z.number().int(), items: z.array(auditEntrySchema), people: auditPeopleSchema.optional() })),
  'audit/export': resultOf(z.object({ entries: z.array(auditEntrySchema), verify: auditVerifyResultSchema, head: auditHeadSchema.nullable().optional() })),
  'settings/get': resultOf(z.object({ settings: settingsSchema })),
  'settings/save': resultOf(z.object({ settings: settingsSchema })),
  'csv/preview': resultOf(csvPreviewSchema),
  'csv/import': resultOf(z.object({ jobId: z.string() })),
  'csv/export': resultOf(z.object({ csv: z.string(), rows: z.number().int() })),
  'mylist/list': resultOf(z.object({ total: z.number().int(), items: z.array(myListItemSchema) })),
  'lookup/person': resultOf(
    z.object({
      /** the identity keys the query normalised to (empty: not an e-mail, phone or LinkedIn URL) */
      keys: z.array(z.string()),
      found: z.boolean(),
      contact: contactSummarySchema.optional(),
      suppressed: z.boolean(),
      erased: z.boolean(),
    }),
  ),
  'call/log-outcome': resultOf(z.object({ eventId: z.string(), suppressionAdded: z.boolean() })),
} as const;

export { auditVerifyResultSchema };
