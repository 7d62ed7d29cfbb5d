import { z } from 'zod';
import { resultOf } from './common';

// The audit chain's check and its head (issue 14.7): what the audit page asks, and what it gets back about
// the anchors that the chain was compared with (lib/sync/anchors.ts, docs/audit-anchors.md).

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The chain's newest entry: number, hash and when it was written. */
export const auditHeadSchema = z.object({ seq: z.number().int().min(1), hash: hex64, at: z.string() });
export type AuditHeadView = z.infer<typeof auditHeadSchema>;

export const auditVerifyRequest = z.object({
  type: z.literal('audit/verify'),
  /** a head the rep kept elsewhere (printed by an export), to check the log against */
  kept: z.object({ seq: z.number().int().min(1), hash: hex64 }).optional(),
});
export const auditHeadRequest = z.object({ type: z.literal('audit/head') });

export const auditProblemCodeSchema = z.enum([
  'missing',
  'out-of-order',
  'unlinked',
  'changed',
  'tail-deleted',
  'head-mismatch',
  'anchor-changed',
  'anchor-missing',
  'anchor-range',
]);

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  /** the first entry that was edited, or after which one was deleted */
  brokenAtSeq: z.number().int().optional(),
  problem: z.string().optional(),
  code: auditProblemCodeSchema.optional(),
  /** that entry as it is stored now (absent when it was deleted) */
  entry: z.object({ seq: z.number().int(), at: z.string(), action: z.string() }).optional(),
  /** the anchor that caught it */
  anchor: z.object({ seq: z.number().int(), anchoredAt: z.string(), where: z.enum(['server', 'local', 'kept']) }).optional(),
  /** for a kept head: the change lies after this entry */
  afterSeq: z.number().int().optional(),
  anchors: z.object({ checked: z.number().int(), coveredToSeq: z.number().int(), lastAnchoredAt: z.string() }).optional(),
  /** the team server's anchors: null when not in a team, false when it could not be asked */
  server: z.object({ reachable: z.boolean().nullable(), count: z.number().int() }).optional(),
});
export type AuditVerifyView = z.infer<typeof auditVerifyResultSchema>;

/** Where anchoring to the team server stands. */
export const anchorStatusSchema = z.object({
  inTeam: z.boolean(),
  lastAnchoredAt: z.string().nullable(),
  anchoredToSeq: z.number().int(),
  pending: z.number().int(),
  refused: z.number().int(),
  lastError: z.object({ code: z.string(), at: z.string() }).nullable(),
});

export const auditAnchorRequests = [auditVerifyRequest, auditHeadRequest] as const;

export const auditAnchorResponses = {
  'audit/verify': resultOf(auditVerifyResultSchema),
  'audit/head': resultOf(z.object({ head: auditHeadSchema.nullable(), anchoring: anchorStatusSchema })),
} as const;
