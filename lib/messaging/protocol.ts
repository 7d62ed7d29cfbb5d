import { z } from 'zod';
import { auditAnchorRequests, auditAnchorResponses } from './audit-anchors';
import { contentRequests, contentResponses } from './guard';
import { managementRequests, managementResponses } from './management';
import { teamRequests, teamResponses } from './team';
import { verdictRequests, verdictResponses } from './verdict';

// The one protocol between content scripts, extension pages and the background. Messages are `unknown`
// until `requestSchema` says otherwise; types come from z.infer so the check and the type cannot drift.

export const requestSchema = z.discriminatedUnion('type', [
  ...contentRequests,
  ...managementRequests,
  ...auditAnchorRequests,
  ...teamRequests,
  ...verdictRequests,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const responseSchemas = {
  ...contentResponses,
  ...managementResponses,
  ...auditAnchorResponses,
  ...teamResponses,
  ...verdictResponses,
} satisfies Record<
  RequestType,
  z.ZodTypeAny
>;
export type ResponseOf<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;
export type ResultOf<T extends RequestType> = Extract<ResponseOf<T>, { ok: true }>['result'];

/** The only requests a content script (a tab on a supported site) may make. */
export const contentRequestTypes: ReadonlySet<string> = new Set(contentRequests.map((s) => s.shape.type.value));
