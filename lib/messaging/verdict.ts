import { z } from 'zod';
import { resultOf, siteSchema } from './common';
import { localizedSchema } from '../model/localized';
import { channelSchema } from '../model/vocabulary';
import { decisionSchema, findingSchema } from '../rules/verdict';
import { recipientVerdictSchema } from './guard';

// Verdict look-ups for extension pages (popup, options): a person by identifier, a call check, and the
// guard state of a tab. Served by the background's verdict service.

export const lookupVerdictRequest = z.object({
  type: z.literal('lookup/verdict'),
  email: z.string().max(500).optional(),
  phone: z.string().max(100).optional(),
  linkedinUrl: z.string().max(2000).optional(),
  // the channels a rep checks a person for by hand: all but automated calls
  channel: channelSchema.exclude(['automated_call']),
});

export const lookupResultSchema = z.object({
  decision: decisionSchema,
  findings: z.array(findingSchema),
  label: z.string(),
  known: z.boolean(),
  contactId: z.string().optional(),
});

export const callCheckRequest = z.object({
  type: z.literal('call/check'),
  phone: z.string().max(100).optional(),
  contactId: z.string().max(200).optional(),
  /** what the call is about, for the opening ("onze planningssoftware") */
  purpose: z.string().max(500).optional(),
  callerName: z.string().max(200).optional(),
  /** the rep's answer to "who picks up?" when the ledger does not know the kind of recipient */
  answeredBy: z.enum(['legal_person', 'natural_person']).optional(),
});

export const callCheckResultSchema = lookupResultSchema.extend({
  phoneE164: z.string().optional(),
  /** a mobile number belongs to a person; a landline may be a company's switchboard */
  line: z.enum(['mobile', 'landline']).optional(),
  /** the ledger (or the rep's answer) says whether a natural or a legal person is called */
  recipientKind: z.enum(['natural_consumer', 'natural_professional', 'legal_person', 'unknown']),
  /** the ledger holds where the number came from, so the opening can name it */
  sourceKnown: z.boolean(),
  /** the compliant opening to read out: who, for which company, purpose, source of the number, right to object */
  opening: localizedSchema,
});

export const tabStateRequest = z.object({ type: z.literal('guard/tab-state'), tabId: z.number().int() });
export const tabStateSchema = z.object({
  state: z.enum(['active', 'inactive', 'held', 'none']),
  site: siteSchema.optional(),
  detail: z.string().optional(),
});

/** The side panel asks who is in a tab and their status now; extension pages only (not a content request). */
export const tabPeopleRequest = z.object({ type: z.literal('panel/tab-people'), tabId: z.number().int() });
/** One person of the tab: the verdict plus what the ledger holds, so the panel can say why without a second ask. */
export const panelPersonSchema = recipientVerdictSchema.extend({
  contactId: z.string().optional(),
  /** the recorded bases, newest first (the type only: the panel links to the contact page for the rest) */
  bases: z.array(z.object({ type: z.string(), recordedAt: z.string() })),
  evidenceCount: z.number().int(),
  objections: z.array(z.object({ level: z.enum(['person', 'company']), scope: z.string(), recordedAt: z.string() })),
  erased: z.boolean(),
  /** where the rep records a basis for this person: the contact page when known, else the prefilled form */
  recordBasisUrl: z.string(),
});
export type PanelPerson = z.infer<typeof panelPersonSchema>;

/** The session-storage key the background sets when a tab's people change; the side panel then asks again. */
export const TAB_PEOPLE_CHANGED_KEY = 'tab-people-changed';

export const tabPeopleSchema = z.object({
  site: siteSchema.optional(),
  people: z.array(panelPersonSchema),
  /** where the rep records a basis for the first person (the contact form, prefilled) */
  recordBasisUrl: z.string().optional(),
});

export const verdictRequests = [lookupVerdictRequest, callCheckRequest, tabStateRequest, tabPeopleRequest] as const;

export const verdictResponses = {
  'lookup/verdict': resultOf(lookupResultSchema),
  'call/check': resultOf(callCheckResultSchema),
  'guard/tab-state': resultOf(tabStateSchema),
  'panel/tab-people': resultOf(tabPeopleSchema),
} as const;
