import { z } from 'zod';
import { fromBase64Url, teamKeySchema, toBase64Url } from './crypto';

// The invite code a team lead hands to reps (text or QR): versioned base64url JSON. It carries the team
// key, so it is a secret: whoever has it and an account on the server can read the team list.

/** CouchDB database names: lower-case letter first, then a-z 0-9 _ $ ( ) + - / */
export const couchDbNameSchema = z
  .string()
  .min(1)
  .max(238)
  .regex(/^[a-z][a-z0-9_$()+/-]*$/, 'a database name starts with a-z and contains only a-z, 0-9 and _$()+-/');

export const serverUrlSchema = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'the server address must be an http(s) URL without user name, password, query or fragment');

export const inviteSchema = z.object({
  v: z.literal(1),
  serverUrl: serverUrlSchema,
  db: couchDbNameSchema,
  teamKey: teamKeySchema,
});
export type Invite = z.infer<typeof inviteSchema>;

export class InvalidInviteError extends Error {
  constructor(readonly detail: string) {
    super('invalid invite code');
    this.name = 'InvalidInviteError';
  }
}

/** The server URL without a trailing slash, so `${serverUrl}/${db}` is always right. */
export function canonicalServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function encodeInvite(invite: Omit<Invite, 'v'>): string {
  const checked = inviteSchema.parse({ v: 1, ...invite, serverUrl: canonicalServerUrl(invite.serverUrl) });
  return toBase64Url(new TextEncoder().encode(JSON.stringify(checked)));
}

/** Parses a pasted invite code (surrounding white space and line breaks from e-mail clients are ignored). */
export function parseInvite(code: string): Invite {
  const compact = code.replace(/\s+/g, '');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(compact)));
  } catch {
    throw new InvalidInviteError('not base64url JSON');
  }
  const parsed = inviteSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInviteError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'shape'}`);
  }
  return { ...parsed.data, serverUrl: canonicalServerUrl(parsed.data.serverUrl) };
}

/**
 * The host-permission pattern for a team server (`https://couch.acme.nl/*`). An options page calls
 * `browser.permissions.request({ origins: [pattern] })` in the click handler of "Join" (a user gesture is
 * required) before it sends `team/join`; the background only checks `permissions.contains`.
 */
export function serverOriginPattern(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/*`;
}

/** The same for an invite code; null when the code is invalid (the join then reports "invalid invite code"). */
export function inviteOriginPattern(inviteCode: string): string | null {
  try {
    return serverOriginPattern(parseInvite(inviteCode).serverUrl);
  } catch {
    return null;
  }
}
