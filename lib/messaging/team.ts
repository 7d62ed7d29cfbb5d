import { z } from 'zod';
import { resultOf } from './common';

// Team do-not-contact sync requests (issue #7). `team/join` and `team/sync-now` are fixed names.

export const teamJoinRequest = z.object({
  type: z.literal('team/join'),
  inviteCode: z.string().min(1).max(10_000),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});
export const teamSyncNowRequest = z.object({ type: z.literal('team/sync-now') });

export const teamRequests = [teamJoinRequest, teamSyncNowRequest] as const;

export const teamResponses = {
  'team/join': resultOf(z.object({ joined: z.boolean() })),
  'team/sync-now': resultOf(z.object({ pulled: z.number(), pushed: z.number() })),
} as const;
