import { z } from 'zod';
import { isoDate, text } from './fields';

// One entry of the hash-chained audit log.

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
