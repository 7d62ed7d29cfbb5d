import { z } from 'zod';
import { auditHeadSchema, auditVerifyResultSchema } from './audit-anchors';
import { fileTooLargeMessage, IMPORT_FILE_MAX_BYTES, resultOf } from './common';
import {
  addressSchema,
  assessmentSchema,
  auditEntrySchema,
  basisRecordSchema,
  companySchema,
  consentChannelSchema,
  contactSchema,
  EVIDENCE_MAX_BYTES,
  evidenceSchema,
  eventSchema,
  isoDate,
  provenanceSchema,
  recipientKindSchema,
  settingsSchema,
  sourceKindSchema,
  suppressionScopeSchema,
  suppressionSchema,
} from '../ledger/schema';

// Requests only extension pages (options, popup, side panel) may make. Owned by the ledger work (issue #2/#6).
// The record schemas come from lib/ledger/schema.ts (pure Zod, no Dexie) so the page and the background
// check the same shapes. `backup/export` and `backup/import` are fixed names (outside acceptance suites).

export const backupExportRequest = z.object({ type: z.literal('backup/export') });
export const backupImportRequest = z.object({
  type: z.literal('backup/import'),
  backup: z.unknown(),
  mode: z.enum(['merge', 'replace']),
});

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) };
const cid = z.string().min(1).max(200);

// --- contacts ---------------------------------------------------------------------------------------

export const contactFiltersSchema = z.object({
  /** a basis/relationship type, or 'no_provable_basis' for contacts without one */
  basis: z.union([z.enum(basisRecordSchema.options.map((o) => o.shape.type.value) as [string, ...string[]]), z.literal('no_provable_basis')]).optional(),
  source: sourceKindSchema.optional(),
  /** has an objection (a suppression or objection event) */
  objection: z.boolean().optional(),
  /** no outbound message yet */
  firstContactPending: z.boolean().optional(),
  /** obtained more than a month ago and no Art. 13/14 information given (Art. 14(3)(a)) */
  art14Passed: z.boolean().optional(),
  /** saved from LinkedIn ("My list") */
  savedFromLinkedIn: z.boolean().optional(),
});
export type ContactFilters = z.infer<typeof contactFiltersSchema>;

/** One row of the contacts list. */
export const contactSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  linkedin: z.string().optional(),
  basisTypes: z.array(z.string()),
  source: sourceKindSchema.optional(),
  objection: z.boolean(),
  firstContactPending: z.boolean(),
  art14Passed: z.boolean(),
  updatedAt: z.string(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactsListRequest = z.object({
  type: z.literal('contacts/list'),
  /** free text: name, e-mail, phone, company, domain or LinkedIn slug (prefix match per word) */
  query: z.string().max(200).default(''),
  filters: contactFiltersSchema.default({}),
  ...page,
});

export const contactsGetRequest = z.object({ type: z.literal('contacts/get'), id: cid });

/** Input of a basis record: the stored shape without the fields the background fills in. */
export const basisInputSchema = z.discriminatedUnion(
  'type',
  basisRecordSchema.options.map((o) =>
    (o as unknown as z.ZodObject).omit({ id: true, contactId: true, recordedAt: true, recordedBy: true }).extend({ id: z.string().max(200).optional() }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<BasisInput>;
export type BasisInput = z.input<typeof basisRecordSchema> extends infer T
  ? T extends unknown
    ? Omit<T, 'id' | 'contactId' | 'recordedAt' | 'recordedBy'> & { id?: string }
    : never
  : never;

export const provenanceInputSchema = z.object({
  source: sourceKindSchema,
  detail: z.string().max(2000).optional(),
  url: z.string().max(2000).optional(),
  obtainedAt: isoDate,
});
export type ProvenanceInput = z.infer<typeof provenanceInputSchema>;

/** What the contact form sends. Identities arrive raw; the background normalises and names any bad field. */
export const contactInputSchema = z.object({
  id: z.string().max(200).optional(),
  // Limits are the ledger's own (one set for forms, CSV, backups and sync).
  name: z.string().trim().min(1, 'a name is required').max(contactSchema.shape.name.maxLength ?? 300),
  emails: z.array(z.string().max(500)).max(50).default([]),
  phones: z.array(z.string().max(100)).max(50).default([]),
  /** LinkedIn profile URLs, /in/ slugs or member ids */
  linkedin: z.array(z.string().max(2000)).max(20).default([]),
  company: companySchema.optional(),
  recipientKind: recipientKindSchema.default('unknown'),
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as NL').optional(),
  addresses: z.array(addressSchema).max(100).optional(),
  headline: contactSchema.shape.headline,
  notes: contactSchema.shape.notes,
  art13SentAt: isoDate.optional(),
  art14SentAt: isoDate.optional(),
  legacy: z.boolean().optional(),
  /** required for a new contact: where the data came from (docs/research/legal-rules.md §5) */
  provenance: provenanceInputSchema.optional(),
  /** optionally one basis record to add with a new contact */
  basis: basisInputSchema.optional(),
  /** the rep confirmed adding back a person who was erased (refused with `erased-identity` otherwise; needs `basis`) */
  confirmErased: z.boolean().optional(),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactsSaveRequest = z.object({ type: z.literal('contacts/save'), contact: contactInputSchema });
export const contactsDeleteRequest = z.object({ type: z.literal('contacts/delete'), id: cid });

export const basesSaveRequest = z.object({ type: z.literal('bases/save'), contactId: cid, basis: basisInputSchema });
export const basesDeleteRequest = z.object({ type: z.literal('bases/delete'), id: cid });
export const provenanceAddRequest = z.object({ type: z.literal('provenance/add'), contactId: cid, provenance: provenanceInputSchema });

// --- evidence -------------------------------------------------------------------------------------

/** base64 of 25 MB; longer strings are refused by the schema, before anything is decoded. */
const MAX_BASE64 = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4;
export const evidenceAddNoteRequest = z.object({
  type: z.literal('evidence/add-note'),
  contactId: cid,
  basisId: z.string().max(200).optional(),
  date: isoDate,
  title: z.string().max(300).default(''),
  text: z.string().min(1, 'the note is empty').max(100_000),
});
export const evidenceAddFileRequest = z.object({
  type: z.literal('evidence/add-file'),
  contactId: cid,
  basisId: z.string().max(200).optional(),
  date: isoDate,
  title: z.string().max(300).default(''),
  fileName: z.string().min(1).max(300),
  mime: z.string().max(200).default('application/octet-stream'),
  base64: z.string().max(MAX_BASE64, `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB, the limit for evidence files.`),
});
export const evidenceGetFileRequest = z.object({ type: z.literal('evidence/get-file'), id: cid });
export const evidenceDeleteRequest = z.object({ type: z.literal('evidence/delete'), id: cid });

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

// --- CSV ---------------------------------------------------------------------------------------------

/** Contact fields a CSV column can map to. */
export const csvFieldSchema = z.enum([
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'linkedin',
  'company',
  'domain',
  'legalForm',
  'kvk',
  'country',
  'recipientKind',
  'source',
  'obtainedAt',
  'basis',
  'consentDate',
  'notes',
  'ignore',
]);
export type CsvField = z.infer<typeof csvFieldSchema>;
/** The one file limit (about 250 000 rows of CSV): more is refused before parsing. */
export const CSV_MAX_CHARS = IMPORT_FILE_MAX_BYTES;
const csvText = z.string().superRefine((s, ctx) => {
  if (s.length > CSV_MAX_CHARS) ctx.addIssue({ code: 'custom', message: fileTooLargeMessage(s.length) });
});
export const csvPreviewRequest = z.object({ type: z.literal('csv/preview'), csv: csvText });
export const csvImportRequest = z.object({
  type: z.literal('csv/import'),
  csv: csvText,
  delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
  /** header text → field; unmapped headers are guessed from their names (Dutch and English) */
  mapping: z.record(z.string(), csvFieldSchema).default({}),
  /** the source recorded for rows without a source column */
  defaultSource: sourceKindSchema.default('legacy_import'),
  /** `refuse`: any bad row imports nothing; `skip`: good rows are imported, bad ones reported in the job's `skipped` */
  badRows: z.enum(['refuse', 'skip']).optional(),
});
export const csvExportRequest = z.object({ type: z.literal('csv/export') });

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

/** A stored contact as the page sees it (derived index fields left out). */
export const contactViewSchema = contactSchema.omit({ searchTokens: true, flags: true, sortName: true, keys: true, provenance: true });
export type ContactView = z.infer<typeof contactViewSchema>;
export const suppressionViewSchema = suppressionSchema;
export type SuppressionView = z.infer<typeof suppressionViewSchema>;

export const contactPageSchema = z.object({
  contact: contactViewSchema,
  bases: z.array(basisRecordSchema),
  evidence: z.array(evidenceSchema),
  provenance: z.array(provenanceSchema),
  events: z.array(eventSchema),
  suppressions: z.array(suppressionViewSchema),
  /** assessments the contact's legitimate-interest bases point at */
  assessments: z.array(assessmentSchema),
  summary: contactSummarySchema,
});
export type ContactPage = z.infer<typeof contactPageSchema>;

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


export const csvPreviewSchema = z.object({
  delimiter: z.string(),
  headers: z.array(z.string()),
  /** the field each header was guessed to be */
  suggestedMapping: z.record(z.string(), csvFieldSchema),
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
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

export { consentChannelSchema, auditVerifyResultSchema };
export type { Settings, Assessment, BasisRecord, EvidenceMeta, Provenance, LedgerEvent, AuditEntry, SourceKind } from '../ledger/schema';
