import { z } from 'zod';
import { assessmentSchema } from '../model/assessment';
import { basisRecordSchema } from '../model/basis';
import { addressSchema, companySchema, contactSchema, provenanceSchema } from '../model/contact';
import { eventSchema } from '../model/event';
import { EVIDENCE_MAX_BYTES, evidenceSchema } from '../model/evidence';
import { isoDate, recordId as cid } from '../model/fields';
import { suppressionSchema } from '../model/suppression';
import { recipientKindSchema, sourceKindSchema } from '../model/vocabulary';

// The contact pages' requests (management, from extension pages only): the list and one contact with its
// bases, provenance and evidence, and what the contact page receives.

/** Paging of a list request. */
export const pageFields = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) };
const page = pageFields;

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
