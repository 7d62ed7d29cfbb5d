import { z } from 'zod';

// The words the stored records, the messages and the rules engine share: channels, the kind of a person
// and of an address, where data came from (docs/research/legal-rules.md §2.2 and §5). One list each, so
// what the ledger stores is what the rules read.

/** The channels a message or call goes out on. */
export const CHANNELS = [
  'email',
  'linkedin_dm',
  'linkedin_inmail',
  'linkedin_connect_note',
  'sms',
  'whatsapp',
  'call',
  'automated_call',
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** A consent's channels: a channel, a channel family, or 'any'. */
export const consentChannelSchema = z.enum([...CHANNELS, 'linkedin', 'phone', 'any']);
export type ConsentChannel = z.infer<typeof consentChannelSchema>;

export const addressKindSchema = z.enum([
  'role_designated',
  'role_generic',
  'personal_business',
  'personal_private',
  'phone_switchboard',
  'phone_direct',
  'phone_mobile',
  'linkedin_member',
]);
export type AddressKind = z.infer<typeof addressKindSchema>;

/** Where contact data came from (the Art. 14 source, and what the rules weigh). */
export const sourceKindSchema = z.enum([
  'data_subject',
  'company_website',
  'linkedin_manual',
  'linkedin_tool',
  'kvk',
  'referral',
  'lead_vendor',
  'event_list',
  'legacy_import',
  'public_web',
  'scraping',
  'colleague',
  'unknown',
]);
export const sourceKinds = sourceKindSchema.options;
export type SourceKind = z.infer<typeof sourceKindSchema>;

/** A stored contact's kind of person; `unknown` until the rep says (the engine then assumes the strict case). */
export const recipientKinds = ['natural_consumer', 'natural_professional', 'legal_person', 'unknown'] as const;
export const recipientKindSchema = z.enum(recipientKinds);
export type StoredRecipientKind = z.infer<typeof recipientKindSchema>;
