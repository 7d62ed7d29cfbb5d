import { z } from 'zod';
import { linkedInRefSchema, resultOf } from './common';
import { localizedSchema } from '../model/localized';
import { teamListItemSchema } from '../model/team';

// Team do-not-contact sync requests (issue #7). `team/join` and `team/sync-now` are fixed names.
// All of them come from extension pages only (the router refuses them from content scripts).

export const teamJoinRequest = z.object({
  type: z.literal('team/join'),
  inviteCode: z.string().min(1).max(10_000),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});
export const teamSyncNowRequest = z.object({ type: z.literal('team/sync-now') });

/** The lead creates the team with server-admin credentials; the answer is the invite code for reps. */
export const teamCreateRequest = z.object({
  type: z.literal('team/create'),
  serverUrl: z.string().min(1).max(2000),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
  db: z.string().min(1).max(238),
});
export const teamStatusRequest = z.object({ type: z.literal('team/status') });
export const teamLeaveRequest = z.object({ type: z.literal('team/leave') });
/** The lead shows the invite code again (text and QR). */
export const teamInviteRequest = z.object({ type: z.literal('team/invite') });

/** Whom an entry is about, as a page knows it; the background normalises it to identity keys. */
export const teamIdentitySchema = z.object({
  emails: z.array(z.string().max(500)).max(20).optional(),
  phones: z.array(z.string().max(100)).max(20).optional(),
  linkedin: linkedInRefSchema.optional(),
  domains: z.array(z.string().max(300)).max(20).optional(),
});
export type TeamIdentity = z.infer<typeof teamIdentitySchema>;

export const teamAddEntryRequest = z.object({
  type: z.literal('team/add-entry'),
  identity: teamIdentitySchema,
  reason: z.string().min(1).max(1000),
  scope: z.enum(['all', 'email', 'phone', 'linkedin']),
  /** person: the person's own keys; company: the company's domain(s) */
  level: z.enum(['person', 'company']),
  label: z.string().max(300).optional(),
});
/** A team entry's blinded id (HMAC-SHA256, hex): what the team list shows instead of an identifier. */
export const teamEntryIdSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Team leads only: removes the team's entries from the server, named by identity (what a page knows of a
 * person) and/or by the blinded ids of listed entries (`team/list-entries`, which has no identifiers).
 */
export const teamRetractRequest = z.object({
  type: z.literal('team/retract'),
  identity: teamIdentitySchema.optional(),
  ids: z.array(teamEntryIdSchema).min(1).max(100).optional(),
});
/** The team's entries, newest first, in pages; extension pages only (never a content script). */
export const teamListEntriesRequest = z.object({
  type: z.literal('team/list-entries'),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(500),
});
/** Team leads that are server admins: creates a rep account with the team's rep role. */
export const teamCreateRepRequest = z.object({
  type: z.literal('team/create-rep'),
  username: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^_:][^:]*$/, 'a user name may not start with _ and may not contain :'),
  password: z.string().min(8).max(500),
});

export const teamRequests = [
  teamJoinRequest,
  teamSyncNowRequest,
  teamCreateRequest,
  teamStatusRequest,
  teamLeaveRequest,
  teamInviteRequest,
  teamAddEntryRequest,
  teamRetractRequest,
  teamCreateRepRequest,
  teamListEntriesRequest,
] as const;

export const teamStatusSchema = z.object({
  inTeam: z.boolean(),
  role: z.enum(['lead', 'rep']).nullable(),
  serverUrl: z.string().nullable(),
  db: z.string().nullable(),
  username: z.string().nullable(),
  /** ISO time of the last successful sync */
  lastSyncAt: z.string().nullable(),
  entries: z.number(),
  pendingUploads: z.number(),
  /** entries that did not decrypt (tampered, or another team key) and were ignored */
  ignoredEntries: z.number(),
  /** uploads the server refused for good */
  rejectedUploads: z.number(),
  /** the last error in plain words (nl first), with its code (`wrong-password`, `unreachable`, `key-mismatch`, …) */
  lastError: localizedSchema.extend({ code: z.string(), at: z.string() }).nullable(),
  /** when the next automatic attempt happens after errors (back-off) */
  nextAttemptAt: z.string().nullable(),
  /** the last successful sync: entries pulled and pushed, how long it took (and where the time went) */
  lastRun: z
    .object({
      pulled: z.number(),
      pushed: z.number(),
      durationMs: z.number(),
      pages: z.number(),
      fetchWaitMs: z.number(),
      decryptMs: z.number(),
      storeWaitMs: z.number(),
    })
    .nullable()
    .optional(),
});
export type TeamStatusResult = z.infer<typeof teamStatusSchema>;


export const teamResponses = {
  'team/join': resultOf(z.object({ joined: z.boolean() })),
  'team/sync-now': resultOf(z.object({ pulled: z.number(), pushed: z.number() })),
  'team/create': resultOf(z.object({ inviteCode: z.string() })),
  'team/status': resultOf(teamStatusSchema),
  'team/leave': resultOf(z.object({ left: z.boolean() })),
  'team/invite': resultOf(z.object({ inviteCode: z.string() })),
  'team/add-entry': resultOf(z.object({ queued: z.number() })),
  'team/retract': resultOf(z.object({ retracted: z.number() })),
  'team/create-rep': resultOf(z.object({ created: z.boolean() })),
  'team/list-entries': resultOf(z.object({ total: z.number(), items: z.array(teamListItemSchema) })),
} as const;
