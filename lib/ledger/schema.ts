import { z } from 'zod';
import {
  addressKindSchema as rulesAddressKindSchema,
  consentChannelSchema as rulesConsentChannelSchema,
  sourceSchema as rulesSourceSchema,
} from '../rules/input';
import { productSchema, type ProductInput } from '../rules/products';
import { rulePolicySchema } from '../rules/policy';

// The ledger's records, as Zod schemas: they check what comes in through messages, backups and CSV, and
// `settings` is repaired on read with them. Field names follow docs/research/legal-rules.md §2.7 and §5 and the rules
// engine's input (lib/rules/input.ts) so the verdict service maps facts without guessing.

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** An ISO date (2026-03-01) or date-time (2026-03-01T10:00:00.000Z). */
export const isoDate = z
  .string()
  .regex(ISO, 'expected a date such as 2026-03-01')
  .refine((s) => !Number.isNaN(new Date(s.length === 10 ? `${s}T00:00:00Z` : s).getTime()), 'not a real date');

const text = (max = 2000) => z.string().max(max);
const id = z.string().min(1).max(200);

export const recipientKinds = ['natural_consumer', 'natural_professional', 'legal_person', 'unknown'] as const;
export const recipientKindSchema = z.enum(recipientKinds);

// Address and source kinds are the engine's own (docs/research/legal-rules.md §2.2 and §5): the ledger stores what the
// rules read, so the two lists cannot drift apart.
export const addressKindSchema = rulesAddressKindSchema;
export type AddressKind = z.infer<typeof addressKindSchema>;

export const sourceKindSchema = rulesSourceSchema;
export const sourceKinds = rulesSourceSchema.options;
export type SourceKind = z.infer<typeof sourceKindSchema>;

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

// --- lawful bases and relationships -----------------------------------------------------------------

const basisCommon = {
  id,
  contactId: id,
  recordedAt: isoDate,
  recordedBy: text(300),
  note: text(5000).optional(),
  evidenceIds: z.array(id).max(50).default([]),
};

/** A consent's channels: a channel, a channel family, or 'any' (the engine's list). */
export const consentChannelSchema = rulesConsentChannelSchema;

export const consentFields = z.object({
  /** the identified person who gave consent */
  who: text(300).min(1, 'who gave consent'),
  when: isoDate,
  how: z.enum(['form', 'recording', 'written_note', 'email', 'event_note', 'verbal', 'checkbox', 'other']),
  what: z.object({
    entity: text(300).min(1, 'the legal entity the consent names'),
    products: z.array(text(500)).max(100).default([]),
    channels: z.array(consentChannelSchema).min(1, 'at least one channel').max(20),
  }),
  shownText: text(10_000).default(''),
  shownTextVersion: text(100).optional(),
  capturedBy: text(300).min(1, 'who captured it'),
  verifiedBeforeCall: z.boolean().optional(),
  linkedTo: z.enum(['person', 'phone_number']).optional(),
  obtainedVia: z.enum(['data_subject', 'lead_vendor', 'partner_clause', 'referrer']).optional(),
  withdrawnAt: isoDate.optional(),
});

/** Every kind of basis or relationship record. `type` names it as lib/rules/input.ts does. */
export const basisRecordSchema = z.discriminatedUnion('type', [
  z.object({ ...basisCommon, type: z.literal('consent'), ...consentFields.shape }),
  z.object({
    ...basisCommon,
    type: z.literal('customer'),
    entity: text(300),
    product: text(500).optional(),
    saleDate: isoDate,
    endDate: isoDate.optional(),
    obtainedAtSale: z.boolean().optional(),
    informedAtCollection: z.boolean(),
    optOutOfferedAtCollection: z.boolean(),
    viaEmployer: z.boolean().optional(),
  }),
  z.object({ ...basisCommon, type: z.literal('legitimate_interest'), assessmentId: id, assessmentVersion: z.number().int().min(1).optional() }),
  z.object({
    ...basisCommon,
    type: z.literal('contract_request'),
    ref: text().optional(),
    date: isoDate.optional(),
    requestedBy: z.enum(['data_subject', 'employer']).optional(),
  }),
  z.object({ ...basisCommon, type: z.literal('inbound_request'), date: isoDate.optional(), subject: text().optional() }),
  z.object({ ...basisCommon, type: z.literal('referral'), by: text(300).optional(), date: isoDate.optional(), refereeConfirmed: z.boolean().optional() }),
  z.object({ ...basisCommon, type: z.literal('met_in_person'), date: isoDate.optional(), event: text().optional(), agreed: text().optional() }),
  z.object({ ...basisCommon, type: z.literal('prior_contact'), date: isoDate.optional() }),
  z.object({ ...basisCommon, type: z.literal('introduced'), threadRef: text().optional(), date: isoDate.optional() }),
  z.object({ ...basisCommon, type: z.literal('newsletter_subscriber'), scope: text().optional() }),
  z.object({ ...basisCommon, type: z.literal('linkedin_connection'), since: isoDate.optional() }),
  z.object({ ...basisCommon, type: z.literal('public_request'), url: text().optional(), topic: text(500).optional(), date: isoDate.optional() }),
  z.object({ ...basisCommon, type: z.literal('public_source'), detail: text().optional() }),
  z.object({ ...basisCommon, type: z.literal('none') }),
]);
export type BasisRecord = z.infer<typeof basisRecordSchema>;
export type BasisType = BasisRecord['type'];
export const basisTypes = basisRecordSchema.options.map((o) => o.shape.type.value) as BasisType[];

/** The kinds that are a lawful basis on their own (the rest only describe a relationship). */
export const provableBasisTypes: ReadonlySet<BasisType> = new Set(['consent', 'customer', 'legitimate_interest', 'contract_request', 'inbound_request']);

// --- evidence, provenance, events, suppressions -------------------------------------------------------

export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

export const evidenceSchema = z.object({
  id,
  contactId: id,
  basisId: id.optional(),
  kind: z.enum(['note', 'file']),
  /** when the thing it proves happened (the rep's date), not when it was stored */
  date: isoDate,
  title: text(300).default(''),
  text: text(100_000).optional(),
  fileName: text(300).optional(),
  mime: text(200).optional(),
  size: z.number().int().min(0).max(EVIDENCE_MAX_BYTES).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  recordedAt: isoDate,
  recordedBy: text(300),
});
export type EvidenceMeta = z.infer<typeof evidenceSchema>;
/** What the evidence table holds: the metadata plus the file itself. */
export type EvidenceRow = EvidenceMeta & { blob?: Blob };


export const eventKinds = ['outbound', 'reply', 'call', 'objection', 'override', 'declined_inmail', 'meeting'] as const;
export const eventSchema = z.object({
  id,
  contactId: id.optional(),
  kind: z.enum(eventKinds),
  at: isoDate,
  channel: text(40).optional(),
  site: text(40).optional(),
  disclosureIncluded: z.boolean().optional(),
  bodyFingerprint: text(200).optional(),
  /** the identity keys the event was about (an outbound event to an unknown recipient has no contact) */
  keys: z.array(text(600)).max(50).default([]),
  outcome: text(100).optional(),
  codes: z.array(text(100)).max(200).optional(),
  reason: text(2000).optional(),
  decision: text(20).optional(),
  note: text(5000).optional(),
  recordedBy: text(300).optional(),
});
export type LedgerEvent = z.infer<typeof eventSchema>;

export const suppressionScopeSchema = z.enum(['all', 'email', 'phone', 'linkedin']);
export type SuppressionScope = z.infer<typeof suppressionScopeSchema>;
export const suppressionSchema = z.object({
  id,
  /** SHA-256 hex of the identity key (lib/identity/normalize.ts hashIdentityKey) */
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** which kind of key it was (email, phone, li-member, …); the key itself is not kept */
  keyKind: text(20),
  level: z.enum(['person', 'company']),
  scope: suppressionScopeSchema,
  reason: text(2000),
  recordedBy: text(300),
  recordedAt: isoDate,
  source: z.enum(['personal']).default('personal'),
  /** left after an erasure: the person's data is gone, only this key remains */
  erased: z.boolean().optional(),
  /** a label the user may see in the list (masked, e.g. "j…@acme.nl"); never the full key */
  label: text(300).optional(),
});
export type SuppressionRow = z.infer<typeof suppressionSchema>;

// --- assessments, settings, audit ----------------------------------------------------------------------

export const assessmentSchema = z.object({
  id,
  version: z.number().int().min(1),
  title: text(300).min(1, 'a title'),
  /** step 1: the legitimate interest pursued */
  interest: text(10_000).min(1, 'the interest (step 1)'),
  /** step 2: why the processing is necessary for it, and less intrusive means considered */
  necessity: text(10_000).min(1, 'the necessity (step 2)'),
  /** step 3: the balancing with the data subject's reasonable expectations */
  balancing: text(10_000).min(1, 'the balancing (step 3)'),
  reasonableExpectations: text(10_000).default(''),
  safeguards: z.array(text(1000)).max(50).default([]),
  optOutOffered: z.boolean().default(true),
  retentionMonths: z.number().int().min(1).max(600),
  reviewDate: isoDate,
  decidedBy: text(300).default(''),
  createdAt: isoDate,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const disclosureTemplateSchema = z.object({
  id: text(100),
  language: z.enum(['nl', 'en']),
  channel: z.enum(['email', 'linkedin', 'call']),
  text: text(5000),
});

export const settingsSchema = z.object({
  organisation: z
    .object({
      legalName: text(300).default(''),
      contact: text(1000).default(''),
      privacyUrl: text(2000).default(''),
      optOutMethod: text(1000).default(''),
      dpo: text(500).default(''),
      country: z.string().regex(/^[A-Z]{2}$/).default('NL'),
      /** charity, charity lottery or press publisher (NL-TM-02 after the cut-over) */
      exempt2026: z.boolean().default(false),
    })
    .default({ legalName: '', contact: '', privacyUrl: '', optOutMethod: '', dpo: '', country: 'NL', exempt2026: false }),
  policy: z
    .object({
      mode: z.enum(['strict', 'lenient']).default('strict'),
      consentMaxAgeMonths: z.number().int().min(1).max(600).default(24),
      retentionMonths: z.number().int().min(1).max(600).default(12),
      telemarketingCutover: isoDate.default('2026-07-01'),
      overridesAllowed: z.boolean().default(true),
      overrideNeedsReason: z.boolean().default(true),
      /** per rule code: block | override (with a justification) | warn; codes left out allow an override with a reason */
      rules: rulePolicySchema.default({}),
    })
    .default({
      mode: 'strict',
      consentMaxAgeMonths: 24,
      retentionMonths: 12,
      telemarketingCutover: '2026-07-01',
      overridesAllowed: true,
      overrideNeedsReason: true,
      rules: {},
    }),
  /** the organisation's product catalogue: what a draft is about (consent scope, the customer exception) */
  products: z.array(productSchema).max(500).default([]),
  language: z.enum(['auto', 'nl', 'en']).default('auto'),
  rep: z.object({ name: text(300).default(''), email: text(320).default('') }).default({ name: '', email: '' }),
  disclosureTemplates: z.array(disclosureTemplateSchema).max(50).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type CatalogueProduct = z.infer<typeof productSchema>;
export type CatalogueProductInput = ProductInput;

export const auditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: isoDate,
  actor: text(300),
  action: text(100),
  contactId: text(200).optional(),
  /** what was done, without personal data beyond what is needed to prove it (ids, counts, hashes) */
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
