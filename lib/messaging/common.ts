import { z } from 'zod';

/**
 * Channels the guard and the rules engine speak about. The same list as the engine's `ruleChannelSchema`,
 * written out here on purpose: importing lib/rules/input into content scripts costs ~3 KB gzip of the
 * 60 KB budget. tests/unit/messaging/channels.test.ts keeps the two equal.
 */
export const channelSchema = z.enum([
  'email',
  'linkedin_dm',
  'linkedin_inmail',
  'linkedin_connect_note',
  'sms',
  'whatsapp',
  'call',
  'automated_call',
]);
export type Channel = z.infer<typeof channelSchema>;

export const siteSchema = z.enum(['linkedin', 'gmail', 'outlook']);
export type Site = z.infer<typeof siteSchema>;

/** A LinkedIn identity as seen on a page: any subset; the background resolves them to one contact. */
export const linkedInRefSchema = z.object({
  vanity: z.string().min(1).max(200).optional(),
  /** member id as in /in/ACoAA…/ or urn:li:fsd_profile:ACoAA… (the bare id, no urn prefix) */
  memberId: z.string().min(1).max(200).optional(),
  salesNavLeadId: z.string().min(1).max(300).optional(),
  profileUrl: z.string().max(2000).optional(),
});
export type LinkedInRef = z.infer<typeof linkedInRefSchema>;

/** Signals a LinkedIn page shows about a member; they feed the engine (LI-02, LI-05, declined InMail). */
export const linkedInSignalsSchema = z.object({
  degree: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  openTo: z.array(z.enum(['work', 'hiring', 'services', 'proposals', 'other'])).max(10).optional(),
  declinedInMail: z.boolean().optional(),
  /** the profile limits who may see it (never save such a profile: Kaspr, CNIL 2024) */
  restrictedVisibility: z.boolean().optional(),
});
export type LinkedInSignals = z.infer<typeof linkedInSignalsSchema>;

/** One recipient as a site adapter read it off the page. Nothing here is trusted by the background. */
export const pageRecipientSchema = z.object({
  /** stable within the composer (address, member id, or chip index); used for "remove this recipient" */
  key: z.string().min(1).max(500),
  displayName: z.string().max(500).optional(),
  email: z.string().max(500).optional(),
  linkedin: linkedInRefSchema.optional(),
  field: z.enum(['to', 'cc', 'bcc']).optional(),
  /** only a display name could be read (Outlook without an address): the ledger match is weak */
  weakMatch: z.boolean().optional(),
  signals: linkedInSignalsSchema.optional(),
  /** the chip exists but its address could not be read; the guard must not pass it as clean */
  unreadable: z.string().max(500).optional(),
});
export type PageRecipient = z.infer<typeof pageRecipientSchema>;

export const localizedSchema = z.object({ nl: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** a field path, a CSV row, … when the error concerns one */
  where: z.string().optional(),
  /** `erased-identity`: the day (YYYY-MM-DD) the person's erasure was requested */
  erasedAt: z.string().optional(),
});
export type ProtocolError = z.infer<typeof errorSchema>;

/** Every response is either ok with a typed result, or an error the UI can show. */
export function resultOf<T extends z.ZodTypeAny>(result: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), result }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}
