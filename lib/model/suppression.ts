import { z } from 'zod';
import { isoDate, recordId as id, text } from './fields';

// A personal do-not-contact entry: only the hash of the identity key is kept.

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
