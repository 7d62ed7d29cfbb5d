import { z } from 'zod';

/**
 * One team entry as the list shows it. Entries recorded together (one person's e-mail, LinkedIn and phone)
 * are one item: `ids` are all their blinded ids (retract them together), `id` the first of them.
 */
export const teamListItemSchema = z.object({
  id: z.string(),
  ids: z.array(z.string()),
  /** the identifier kinds the item covers (`email`, `li-member`, `domain`, …), never the identifiers */
  keyKinds: z.array(z.string()),
  label: z.string().optional(),
  reason: z.string(),
  scope: z.enum(['all', 'email', 'phone', 'linkedin']),
  level: z.enum(['person', 'company']),
  recordedBy: z.string(),
  /** ISO 8601 */
  recordedAt: z.string(),
  /** false while (part of) the item was recorded here and not yet confirmed by the server */
  synced: z.boolean(),
});
export type TeamListItem = z.infer<typeof teamListItemSchema>;
