import { z } from 'zod';

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

/**
 * The one size limit for a file the rep imports (backup or CSV), checked by the page before reading it and
 * by the background on arrival. A file reaches the background in one runtime message, and Chromium refuses
 * messages over 64 MiB; a CSV file travels as a JSON string, where quotes and line breaks take two
 * characters each, so 50 MiB leaves room for that.
 */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024;

/** What the rep reads when a file is over the limit: its size and the limit, Dutch first. */
export function fileTooLargeMessage(size: number): string {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return `Het bestand is ${mb(size)}; Outreach Guard leest bestanden tot ${mb(IMPORT_FILE_MAX_BYTES)}. (The file is ${mb(size)}; Outreach Guard reads files up to ${mb(IMPORT_FILE_MAX_BYTES)}.)`;
}
