import { z } from 'zod';
import { isoDate, recordId as id, text } from './fields';
import { addressKindSchema, recipientKindSchema, sourceKindSchema } from './vocabulary';

// A contact as the ledger stores it, with where its data came from. Field names follow
// docs/research/legal-rules.md §2.7 and §5 and the rules engine's input, so the verdict maps facts without guessing.

export const companySchema = z.object({
  name: text(300).optional(),
  /** normalised registrable domain (lower-case, punycode) */
  domain: text(300).optional(),
  /** as written in the register: "B.V.", "eenmanszaak", "VOF", … (drives natural vs legal person) */
  legalForm: text(100).optional(),
  kvk: z.string().regex(/^\d{8}$/, 'a KvK number has 8 digits').optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as NL').optional(),
});
export type Company = z.infer<typeof companySchema>;

export const linkedInIdentitySchema = z.object({
  memberIds: z.array(text(200)).max(20).default([]),
  vanities: z.array(text(200)).max(20).default([]),
  leadIds: z.array(text(300)).max(20).default([]),
  profileUrl: text(2000).optional(),
});
export type LinkedInIdentity = z.infer<typeof linkedInIdentitySchema>;

export const addressSchema = z.object({
  /** the normalised address: e-mail, E.164 phone, or a li-… key */
  value: text(500),
  kind: addressKindSchema,
  designationEvidence: z
    .object({ url: text().optional(), quote: text().optional(), capturedAt: isoDate.optional(), purpose: text().optional() })
    .optional(),
});

export const provenanceSchema = z.object({
  id,
  contactId: id,
  source: sourceKindSchema,
  detail: text().optional(),
  url: text(2000).optional(),
  obtainedAt: isoDate,
  recordedAt: isoDate,
  recordedBy: text(300),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** A contact (data subject or company contact) as stored. `searchTokens`, `flags`, `sortName` are derived. */
export const contactSchema = z.object({
  id,
  name: text(300),
  emails: z.array(text(320)).max(50),
  phones: z.array(text(40)).max(50),
  linkedin: linkedInIdentitySchema,
  company: companySchema.optional(),
  recipientKind: recipientKindSchema,
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  addresses: z.array(addressSchema).max(100).default([]),
  headline: text(500).optional(),
  notes: text(20_000).optional(),
  /** Art. 13/14 information given (the first-contact disclosure) */
  art13SentAt: isoDate.optional(),
  art14SentAt: isoDate.optional(),
  firstContactAt: isoDate.optional(),
  lastInteractionAt: isoDate.optional(),
  /** imported or pre-GDPR record (GD-04) */
  legacy: z.boolean().optional(),
  /** saved from LinkedIn with the save-profile button ("My list") */
  savedFromLinkedIn: z.object({ at: isoDate, restrictedVisibility: z.boolean() }).optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
  // derived (see lib/ledger/derive.ts)
  sortName: z.string(),
  searchTokens: z.array(z.string()),
  flags: z.array(z.string()),
  /** first-contact/Art. 14 deadline: obtainedAt + 1 month while no Art. 13/14 information was given */
  art14DueAt: z.string().optional(),
  obtainedAt: isoDate.optional(),
  /** every identity key the contact answers to (keysOfContact): the `*keys` lookup index (schema v3) */
  keys: z.array(z.string()).optional(),
  /** where the data came from, kept on the contact (schema v3): an import writes one row per person, not two */
  provenance: z.array(provenanceSchema).optional(),
});
export type Contact = z.infer<typeof contactSchema>;