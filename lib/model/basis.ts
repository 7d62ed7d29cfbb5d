import { z } from 'zod';
import { isoDate, recordId as id, text } from './fields';
import { consentChannelSchema } from './vocabulary';

// Lawful bases and relationships as stored: one record per basis, `type` naming it as the rules engine does.

const basisCommon = {
  id,
  contactId: id,
  recordedAt: isoDate,
  recordedBy: text(300),
  note: text(5000).optional(),
  evidenceIds: z.array(id).max(50).default([]),
};

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
