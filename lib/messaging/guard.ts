import { z } from 'zod';
import { linkedInRefSchema, pageRecipientSchema, resultOf, siteSchema } from './common';
import { localizedSchema } from '../model/localized';
import { channelSchema } from '../model/vocabulary';
import { decisionSchema, findingSchema } from '../rules/verdict';
import { productRefSchema } from '../rules/products';
import { overrideJustificationKindSchema } from '../rules/policy';

// Requests a content script may send. They are narrow on purpose: a verdict for these recipients,
// record this event. Nothing here lists or dumps the ledger (a page's scripts could be listening).

const MAX_RECIPIENTS = 500;
const MAX_BODY = 200_000;

export const messageDraftSchema = z.object({
  subject: z.string().max(2000).optional(),
  body: z.string().max(MAX_BODY),
  /** the rep overrode the engine's message classification, with a reason (issue #3) */
  classificationOverride: z
    .object({ as: z.enum(['commercial', 'non_commercial', 'mixed']), reason: z.string().min(3).max(2000) })
    .optional(),
  /**
   * catalogue product names the rep picked or corrected in the hold; they replace what the engine found.
   * An empty list: the rep said the draft is about none of the catalogue's products.
   */
  products: z.array(z.string().max(200)).max(20).optional(),
  /** the composer is a reply in a thread where the recipient wrote last (the site adapter reads it) */
  replyToRecipient: z.boolean().optional(),
});

export const verdictForRecipientsRequest = z.object({
  type: z.literal('verdict/for-recipients'),
  site: siteSchema,
  channel: channelSchema,
  recipients: z.array(pageRecipientSchema).max(MAX_RECIPIENTS),
  message: messageDraftSchema,
});

export const recipientVerdictSchema = z.object({
  key: z.string(),
  decision: decisionSchema,
  findings: z.array(findingSchema),
  /** a short label for the dialog: name or address; never more than what the page already showed */
  label: z.string(),
  known: z.boolean(),
  weakMatch: z.boolean(),
  /** "Send anyway" may be offered for this recipient (false on an objection, erasure or a rule the policy blocks) */
  overridable: z.boolean().optional(),
});
export type RecipientVerdict = z.infer<typeof recipientVerdictSchema>;

export const guardVerdictSchema = z.object({
  decision: decisionSchema,
  recipients: z.array(recipientVerdictSchema),
  /** findings about the message itself, not one recipient (e.g. missing opt-out line) */
  findings: z.array(findingSchema),
  /** the first-contact disclosure to insert, in the rep's language and the other */
  disclosure: localizedSchema.optional(),
  overridesAllowed: z.boolean(),
  overrideNeedsReason: z.boolean(),
  /**
   * "Send anyway" may be offered for this send: false when an objection or erasure fired for any recipient
   * (remove that recipient instead) or the organisation's policy blocks a finding that holds. Always set by the
   * background; optional only so older fixtures still parse.
   */
  overridable: z.boolean().optional(),
  /** an override needs a justification from the list plus text (some holding finding's policy says `override`) */
  justificationRequired: z.boolean().optional(),
  /** the catalogue products the draft is about (the hold lets the rep pick or correct them) */
  products: z.array(productRefSchema).optional(),
  /** the names the rep can pick from in the hold (the organisation's catalogue); absent without a catalogue */
  catalogue: z.array(z.string().max(200)).max(500).optional(),
  /** the products are the rep's choice (`products` absent or empty: "none of these") */
  productsChosen: z.boolean().optional(),
  /** the rep's language setting ('auto' leaves it to the page's guess): the hold speaks it */
  lang: z.enum(['nl', 'en']).optional(),
  /** the organisation is not set up: no notice can be written yet; the hold offers the setup */
  setupNeeded: z.boolean().optional(),
});
export type GuardVerdict = z.infer<typeof guardVerdictSchema>;

export const outboundEventSchema = z.object({
  kind: z.literal('outbound-sent'),
  site: siteSchema,
  channel: channelSchema,
  recipients: z.array(pageRecipientSchema).min(1).max(MAX_RECIPIENTS),
  disclosureIncluded: z.boolean(),
  /** the text itself is not stored; a fingerprint lets the engine see bulk sending (LI-04) */
  bodyFingerprint: z.string().max(200),
});

export const overrideEventSchema = z.object({
  kind: z.literal('send-anyway'),
  site: siteSchema,
  channel: channelSchema,
  /** may be empty: a send whose recipients the guard could not see is logged with its reason all the same */
  recipients: z.array(pageRecipientSchema).max(MAX_RECIPIENTS),
  codes: z.array(z.string()).max(200),
  reason: z.string().max(2000),
  /** the justification picked from the policy's list (the free text is `reason`) */
  justification: overrideJustificationKindSchema.optional(),
  decision: decisionSchema,
});

export const declinedInMailEventSchema = z.object({
  kind: z.literal('declined-inmail'),
  recipient: pageRecipientSchema,
});

export const recordEventRequest = z.object({
  type: z.literal('ledger/record-event'),
  event: z.discriminatedUnion('kind', [outboundEventSchema, overrideEventSchema, declinedInMailEventSchema]),
});

export const doNotContactForRecipientsRequest = z.object({
  type: z.literal('suppression/add-for-recipients'),
  recipients: z.array(pageRecipientSchema).min(1).max(MAX_RECIPIENTS),
  scope: z.enum(['all', 'email', 'phone', 'linkedin']),
  reason: z.string().max(2000),
});

export const savedProfileInputSchema = z.object({
  name: z.string().max(300),
  headline: z.string().max(500).optional(),
  company: z.string().max(300).optional(),
  profileUrl: z.string().max(2000),
  linkedin: linkedInRefSchema,
  restrictedVisibility: z.boolean(),
});

export const profileBasisChoiceSchema = z.object({
  kind: z.enum(['legitimate_interest', 'consent', 'customer', 'contract_request']),
  /** required for legitimate interest: which assessment covers this person */
  assessmentId: z.string().optional(),
  note: z.string().max(5000),
});

export const profileSaveRequest = z.object({
  type: z.literal('profile/save'),
  profile: savedProfileInputSchema,
  basis: profileBasisChoiceSchema,
});

export const profileStatusRequest = z.object({
  type: z.literal('profile/status'),
  linkedin: linkedInRefSchema,
});

/** Background → a tab's top frame: does a guard here report a state? (tab-state.ts) */
export const guardPingRequest = z.object({ type: z.literal('guard/ping') });
export const guardPingAnswer = z.object({ reported: z.boolean() });
export type GuardPingAnswer = z.infer<typeof guardPingAnswer>;

export const guardStatusRequest = z.object({
  type: z.literal('guard/status'),
  /** 'gone': the page (or frame) is being left; the toolbar must not keep speaking for it */
  state: z.enum(['active', 'inactive', 'held', 'gone']),
  /** which selector failed, for the "not active here" state */
  detail: z.string().max(1000).optional(),
  /** one random id per document: a late "gone" from the page before must not clear the next page's state */
  doc: z.string().max(64).optional(),
});

export const openRecordBasisRequest = z.object({
  type: z.literal('ui/open-record-basis'),
  recipients: z.array(pageRecipientSchema).min(1).max(MAX_RECIPIENTS),
});

/** The hold's "insert notice" before the organisation is set up: opens the first-run setup instead. */
export const openSetupRequest = z.object({ type: z.literal('ui/open-setup') });

/** Requests a content script may make. */
export const contentRequests = [
  verdictForRecipientsRequest,
  recordEventRequest,
  doNotContactForRecipientsRequest,
  profileSaveRequest,
  profileStatusRequest,
  guardStatusRequest,
  openRecordBasisRequest,
  openSetupRequest,
] as const;

export const contentResponses = {
  'verdict/for-recipients': resultOf(guardVerdictSchema),
  'ledger/record-event': resultOf(z.object({ recorded: z.number().int() })),
  'suppression/add-for-recipients': resultOf(z.object({ added: z.number().int() })),
  'profile/save': resultOf(z.object({ contactId: z.string() })),
  'profile/status': resultOf(
    z.object({ saved: z.boolean(), contactId: z.string().optional(), assessments: z.array(z.object({ id: z.string(), title: z.string() })) }),
  ),
  'guard/status': resultOf(z.object({})),
  'ui/open-record-basis': resultOf(z.object({})),
  'ui/open-setup': resultOf(z.object({})),
} as const;

export type SavedProfileInput = z.infer<typeof savedProfileInputSchema>;
export type ProfileBasisChoice = z.infer<typeof profileBasisChoiceSchema>;
