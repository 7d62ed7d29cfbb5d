import { z } from 'zod';
import { addressKindSchema, CHANNELS, consentChannelSchema, sourceKindSchema } from '../model/vocabulary';
import { rulePolicySchema } from './policy';
import { productSchema } from './products';

// The engine's input: one outreach action with every fact the rules of docs/research/legal-rules.md §3 read.
// Designed from docs/research/legal-rules.md §2.2, §2.7, §5 and issue #3. Every fact that can be unknown is optional:
// the engine answers an unknown fact with the strict outcome plus a MISSING-* finding (see docs/rules.md).
// Contract: after 21:30 only optional fields are added here.

export { CHANNELS };
export const ruleChannelSchema = z.enum(CHANNELS);
export type RuleChannel = z.infer<typeof ruleChannelSchema>;

// month 01-12, day 01-31, hour 00-23, minute 00-59: checked by the pattern itself (no Date parsing per field)
const ISO_DATE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date ('2026-03-01') or date-time ('2026-03-01T10:00:00Z'); the clock is always an input. */
export const isoDateSchema = z.string().regex(ISO_DATE, 'expected an ISO date such as 2026-03-01 or 2026-03-01T10:00:00Z');

/** ISO 3166-1 alpha-2; 'UK' is accepted and read as GB. */
export const countrySchema = z.string().regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code such as NL');

const text = (max = 2000) => z.string().max(max);

export const recipientKindSchema = z.enum(['natural_consumer', 'natural_professional', 'legal_person']);
export type RecipientKind = z.infer<typeof recipientKindSchema>;

export { addressKindSchema };
export type AddressKind = z.infer<typeof addressKindSchema>;

/** Where the contact details were published *for* proposals or such calls (NL-EM-04, NL-TM-07). */
export const designationEvidenceSchema = z.object({
  url: text().optional(),
  quote: text().optional(),
  capturedAt: isoDateSchema.optional(),
  /** what the address was published for, e.g. "partnership proposals" */
  purpose: text().optional(),
});

export const recipientSchema = z.object({
  kind: recipientKindSchema.optional(),
  /** KvK / register legal form as written: "eenmanszaak", "B.V.", "Ltd", … (drives kind inference) */
  legalForm: text(200).optional(),
  country: countrySchema.optional(),
  address: z
    .object({
      /** the e-mail address, phone number or LinkedIn URL the action goes to */
      value: text(500).optional(),
      kind: addressKindSchema.optional(),
      designationEvidence: designationEvidenceSchema.optional(),
      /** a role or designated address that names a person ("jan.inkoop@"): personal data for the GDPR all the same */
      namesPerson: z.boolean().optional(),
    })
    .default({}),
  /**
   * What the page showed: `unreadable` — a recipient whose address could not be read; `none` — no recipient at
   * all. Either way nobody could be checked: the engine holds (MISSING-ADDRESS, MISSING-RECIPIENT).
   */
  pageStatus: z.enum(['unreadable', 'none']).optional(),
  /** only a name was visible, no address: an objection cannot be matched (OB-01 name-only) */
  nameOnly: z.boolean().optional(),
  /** the name the page showed, for the finding's text */
  displayName: text(300).optional(),
  /** a phone number known for the person (country inference, call rules) when the address is not a phone */
  phone: text(100).optional(),
  /** results of register screening; undefined = not screened */
  phoneRegisters: z
    .object({
      tps: z.boolean().optional(),
      ctps: z.boolean().optional(),
      /** Belgium's Bel-me-niet-meer / Ne m'appelez plus list */
      beDncm: z.boolean().optional(),
    })
    .optional(),
  linkedin: z
    .object({
      degree: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      openTo: z.array(z.enum(['work', 'hiring', 'services', 'proposals', 'other'])).max(10).optional(),
      declinedInMail: z.boolean().optional(),
      /** the member publicly asked for vendors or proposals on this topic (LI-06) */
      publicRequestTopic: text(500).optional(),
      restrictedVisibility: z.boolean().optional(),
    })
    .optional(),
});

export const sourceSchema = sourceKindSchema;
export type Source = z.infer<typeof sourceSchema>;

export const relationshipSchema = z.discriminatedUnion('type', [
  /** met, talked or corresponded in person (NL-EM-06; EV-02 when it is the basis) */
  z.object({ type: z.literal('met_in_person'), date: isoDateSchema.optional(), event: text().optional(), agreed: text().optional() }),
  /** earlier personal correspondence or a call (NL-EM-06) */
  z.object({ type: z.literal('prior_contact'), date: isoDateSchema.optional(), note: text().optional() }),
  z.object({ type: z.literal('referral'), by: text().optional(), date: isoDateSchema.optional(), refereeConfirmed: z.boolean().optional() }),
  /** a warm introduction: the recipient solicited contact in the thread (NC-03) */
  z.object({ type: z.literal('introduced'), threadRef: text().optional(), date: isoDateSchema.optional() }),
  z.object({ type: z.literal('inbound_request'), date: isoDateSchema.optional(), subject: text().optional() }),
  z.object({
    type: z.literal('customer'),
    entity: text().optional(),
    productCategory: text().optional(),
    saleDate: isoDateSchema.optional(),
    endedAt: isoDateSchema.optional(),
    /** the customer is this person's employer, not the person (GD-03) */
    viaEmployer: z.boolean().optional(),
  }),
  z.object({ type: z.literal('newsletter_subscriber'), scope: text().optional() }),
  z.object({ type: z.literal('free_account'), entity: text().optional(), paidTiers: z.boolean().optional(), optoutAtSignup: z.boolean().optional() }),
  z.object({ type: z.literal('linkedin_connection'), since: isoDateSchema.optional() }),
  z.object({ type: z.literal('linkedin_signal'), signal: text(200).optional(), observedAt: isoDateSchema.optional() }),
  z.object({ type: z.literal('public_request'), url: text().optional(), topic: text(500).optional(), date: isoDateSchema.optional() }),
  /** DE-TM-02: a concrete circumstance that suggests a business is interested (presumed consent) */
  z.object({ type: z.literal('presumed_interest'), reason: text().optional(), date: isoDateSchema.optional() }),
]);
export type Relationship = z.infer<typeof relationshipSchema>;

export { consentChannelSchema };

export const consentBasisSchema = z.object({
  type: z.literal('consent'),
  /** the identified person who consented */
  who: text().optional(),
  /** when (ISO date) */
  when: isoDateSchema.optional(),
  /** how: form, recording, written note, e-mail, event note, … */
  how: z.enum(['form', 'recording', 'written_note', 'email', 'event_note', 'verbal', 'checkbox', 'other']).optional(),
  what: z
    .object({
      /** the legal entity the consent names */
      entity: text().optional(),
      products: z.array(text(500)).max(100).optional(),
      channels: z.array(consentChannelSchema).max(20).optional(),
    })
    .optional(),
  shownText: text(10_000).optional(),
  capturedBy: text().optional(),
  evidenceRefs: z.array(text()).max(50).optional(),
  /** ACM 2025: telemarketing consent verified before the call (NL-TM-05) */
  verifiedBeforeCall: z.boolean().optional(),
  /** consent recorded only against a phone number, not the person (NL-TM-05) */
  linkedTo: z.enum(['person', 'phone_number']).optional(),
  /** who collected it: the person directly, a lead vendor, a partner clause, a referrer's say-so (NL-EM-09, GD-14) */
  obtainedVia: z.enum(['data_subject', 'lead_vendor', 'partner_clause', 'referrer']).optional(),
  withdrawnAt: isoDateSchema.optional(),
});

export const customerBasisSchema = z.object({
  type: z.literal('customer'),
  /** the legal entity that made the sale */
  entity: text().optional(),
  productCategory: text().optional(),
  saleDate: isoDateSchema.optional(),
  /** when the customer relationship ended (NL-TM-02's 3-year window) */
  endedAt: isoDateSchema.optional(),
  /** the contact details were obtained in the context of the sale */
  obtainedAtSale: z.boolean().optional(),
  informedAtCollection: z.boolean().optional(),
  optoutOfferedAtCollection: z.boolean().optional(),
  /** the rep states the message is about similar products of the same entity (else compared by product) */
  similarProduct: z.boolean().optional(),
  /** the customer is the person's employer, not the person */
  viaEmployer: z.boolean().optional(),
});

export const assessmentSchema = z.object({
  id: text(200),
  version: text(100).optional(),
  date: isoDateSchema.optional(),
  retentionMonths: z.number().int().min(0).max(600).optional(),
  expired: z.boolean().optional(),
});

export const basisSchema = z.discriminatedUnion('type', [
  consentBasisSchema,
  customerBasisSchema,
  z.object({ type: z.literal('legitimate_interest'), assessment: assessmentSchema.optional() }),
  z.object({
    type: z.literal('contract_request'),
    ref: text().optional(),
    date: isoDateSchema.optional(),
    /** who asked for the quote or contract: the person, or their employer (GD-03) */
    requestedBy: z.enum(['data_subject', 'employer']).optional(),
  }),
  /** "it's on the internet": never a basis (GD-01) */
  z.object({ type: z.literal('public_source'), detail: text().optional() }),
  /** a referral claimed as the basis (GD-14) */
  z.object({ type: z.literal('referral'), by: text().optional(), refereeConfirmed: z.boolean().optional() }),
  z.object({ type: z.literal('none') }),
]);
export type Basis = z.infer<typeof basisSchema>;
export type ConsentBasis = z.infer<typeof consentBasisSchema>;
export type CustomerBasis = z.infer<typeof customerBasisSchema>;

export const suppressionSchema = z.object({
  /** same values as the suppression scope in lib/messaging/guard.ts */
  scope: z.enum(['all', 'email', 'phone', 'linkedin']),
  level: z.enum(['person', 'company']),
  matchedOn: z.enum(['strong', 'fuzzy']),
  source: z.enum(['personal', 'team']),
  recordedAt: isoDateSchema.optional(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

export const ledgerFactsSchema = z.object({
  /** a ledger record exists for this person */
  known: z.boolean().default(false),
  source: sourceSchema.optional(),
  /** the referrer, site or event named in the source statement */
  sourceDetail: text().optional(),
  obtainedAt: isoDateSchema.optional(),
  /** imported or pre-GDPR record (GD-04) */
  legacy: z.boolean().optional(),
  relationships: z.array(relationshipSchema).max(100).default([]),
  bases: z.array(basisSchema).max(100).default([]),
  suppressions: z.array(suppressionSchema).max(1000).default([]),
  /** erasure executed or requested (GD-12) */
  erased: z.boolean().optional(),
  priorOutbound: z
    .object({
      count: z.number().int().min(0).optional(),
      lastAt: isoDateSchema.optional(),
      /** the first-contact disclosure was already given */
      disclosureGiven: z.boolean().optional(),
      art14SentAt: isoDateSchema.optional(),
      art13SentAt: isoDateSchema.optional(),
      followUpsWithoutArt13: z.number().int().min(0).optional(),
    })
    .optional(),
  /** last interaction of any kind (reply, meeting, click): GD-13 and GD-15 */
  lastInteractionAt: isoDateSchema.optional(),
  /** sends of the same or nearly the same text to other people in the last 24 h (LI-04) */
  recentSimilarSends: z.number().int().min(0).optional(),
});
export type LedgerFacts = z.infer<typeof ledgerFactsSchema>;

export const classificationSchema = z.enum(['commercial', 'non_commercial', 'mixed']);
export type Classification = z.infer<typeof classificationSchema>;

export const messageSchema = z.object({
  subject: text().optional(),
  /** the draft, or for calls the call script */
  body: text(200_000).optional(),
  recipientCount: z.number().int().min(0).optional(),
  /** sent by a tool, sequence or automation rather than by hand (LI-04, NL-EM-06) */
  automated: z.boolean().optional(),
  /** same shape as messageDraftSchema.classificationOverride in lib/messaging/guard.ts */
  classificationOverride: z.object({ as: classificationSchema, reason: z.string().min(3).max(2000) }).optional(),
  /** the product or product line the message is about (scope checks NL-EM-03/08) */
  product: text(500).optional(),
  /** catalogue product names the rep picked or corrected in the hold; they replace what the engine finds */
  products: z.array(text(200)).max(20).optional(),
  /** what the page knows about the conversation (the composer is a reply where the other person wrote last) */
  context: z
    .object({
      replyToRecipient: z.boolean().optional(),
      /** the thread has messages from the recipient */
      threadHasRecipientMessages: z.boolean().optional(),
    })
    .optional(),
  /** what the message is for; inferred from the text when absent (LI-02) */
  purpose: z.enum(['sales', 'recruitment', 'buy_services', 'partnership', 'service', 'other']).optional(),
  /** the topic the message is about (LI-06 / NC-03 scope) */
  topic: text(500).optional(),
});

export const policySchema = z.object({
  mode: z.enum(['strict', 'lenient']).default('strict'),
  consentMaxAgeMonths: z.number().int().min(1).max(600).default(24),
  retentionMonths: z.number().int().min(1).max(600).default(12),
  telemarketingCutover: isoDateSchema.default('2026-07-01'),
  overridesAllowed: z.boolean().default(true),
  /** per rule code: block | override | warn (objections and erasures are always hard holds) */
  rules: rulePolicySchema.optional(),
});
export type Policy = z.infer<typeof policySchema>;

export const outreachInputSchema = z.object({
  action: z.enum(['send_message', 'save_contact', 'import_contacts', 'call']),
  /** required for send_message and call; optional for save/import */
  channel: ruleChannelSchema.optional(),
  /** the clock: when the message goes out or the call is made */
  sendDate: isoDateSchema,
  sender: z.object({
    legalEntity: text(500).optional(),
    country: countrySchema.optional(),
    /** charity, charity lottery or press publisher: keeps the customer call route after the cut-over (NL-TM-02) */
    exempt2026: z.boolean().optional(),
  }),
  recipient: recipientSchema,
  ledger: ledgerFactsSchema.default({ known: false, relationships: [], bases: [], suppressions: [] }),
  message: messageSchema.optional(),
  /** the organisation's product catalogue (Settings) */
  products: z.array(productSchema).max(500).optional(),
  policy: policySchema.default({
    mode: 'strict',
    consentMaxAgeMonths: 24,
    retentionMonths: 12,
    telemarketingCutover: '2026-07-01',
    overridesAllowed: true,
  }),
});

/** What callers write (defaults may be left out). */
export type OutreachInput = z.input<typeof outreachInputSchema>;
/** What the engine works on after parsing (defaults filled in). */
export type ParsedOutreachInput = z.output<typeof outreachInputSchema>;

/** Thrown for invalid input: a ZodError whose message names each bad field. */
export function parseOutreachInput(input: unknown): ParsedOutreachInput {
  const r = outreachInputSchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`);
  r.error.message = `Invalid outreach input — ${lines.join('; ')}`;
  throw r.error;
}
