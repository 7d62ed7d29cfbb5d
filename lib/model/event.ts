import { z } from 'zod';
import { isoDate, recordId as id, text } from './fields';

// What happened with a person: sends, replies, calls, objections, overrides.

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
