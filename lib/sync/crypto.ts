import { z } from 'zod';

// Team do-not-contact entries are end-to-end encrypted (issue #7): the CouchDB server only ever sees
// blinded ids (HMAC of an identity key) and AES-GCM ciphertext. Both keys are derived from one random
// team key with HKDF, so the invite code carries a single secret.

const HKDF_SALT = new TextEncoder().encode('outreach-guard/team-sync/v1');
const KEY_CHECK_INPUT = 'outreach-guard key check v1';

/** What the team keeps about one do-not-contact entry; encrypted before it leaves the device. */
export const teamPayloadSchema = z.object({
  /** the identity-key kind this entry blinds (`email`, `phone`, `li-member`, …) */
  keyKind: z.enum(['email', 'phone', 'li-member', 'li-vanity', 'li-lead', 'domain']),
  reason: z.string().max(1000),
  scope: z.enum(['all', 'email', 'phone', 'linkedin']),
  level: z.enum(['person', 'company']),
  recordedBy: z.string().max(200),
  /** ISO 8601 */
  recordedAt: z.string().max(40),
  label: z.string().max(300).optional(),
});
export type TeamPayload = z.infer<typeof teamPayloadSchema>;
export type TeamKeyKind = TeamPayload['keyKind'];

/** The document as it is stored on the server: nothing in it names a person. */
export const teamDocSchema = z.object({
  _id: z.string().regex(/^[0-9a-f]{64}$/),
  _rev: z.string().optional(),
  v: z.literal(1),
  iv: z.string().max(64),
  ct: z.string().max(20_000),
  /** IVs of earlier versions of this id that a lead retracted (carried on from the tombstone) */
  past: z.array(z.string().max(64)).max(10_000).optional(),
});
export type TeamDoc = z.infer<typeof teamDocSchema>;

/** A lead's retraction: replaces the entry, and lists every retracted version's IV so none can be put back. */
export const teamTombstoneSchema = z.object({
  _id: z.string().regex(/^[0-9a-f]{64}$/),
  _rev: z.string().optional(),
  v: z.literal(1),
  retracted: z.literal(true),
  past: z.array(z.string().max(64)).max(10_000),
  at: z.string().max(40).optional(),
});
export type TeamTombstone = z.infer<typeof teamTombstoneSchema>;

export interface TeamKeys {
  /** HMAC-SHA256 key for blinded ids */
  idKey: CryptoKey;
  /** AES-GCM-256 key for payloads */
  payloadKey: CryptoKey;
  /** hex HMAC of a constant under a third derived key; stored in the design doc to detect a wrong team key */
  keyCheck: string;
}

/** Thrown when a document does not decrypt: tampered on the server, or written under another team key. */
export class UndecryptableEntryError extends Error {
  constructor(readonly id: string) {
    super(`Team entry ${id} could not be decrypted (wrong team key or tampered data).`);
    this.name = 'UndecryptableEntryError';
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function hex(bytes: ArrayBuffer): string {
  let out = '';
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A fresh 256-bit team key, base64url (43 characters). */
export function generateTeamKey(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes); // called on `crypto` itself: a detached call throws in Node
  return toBase64Url(bytes);
}

export const teamKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a team key is 32 bytes in base64url');

/** Derives the id, payload and key-check keys from a team key. */
export async function deriveTeamKeys(teamKey: string): Promise<TeamKeys> {
  const raw = fromBase64Url(teamKeySchema.parse(teamKey));
  const master = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: new TextEncoder().encode(info) });
  const idKey = await crypto.subtle.deriveKey(hkdf('blinded-id'), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const payloadKey = await crypto.subtle.deriveKey(hkdf('payload'), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const checkKey = await crypto.subtle.deriveKey(hkdf('key-check'), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const keyCheck = hex(await crypto.subtle.sign('HMAC', checkKey, new TextEncoder().encode(KEY_CHECK_INPUT)));
  return { idKey, payloadKey, keyCheck };
}

/** The blinded document id of an identity key (`email:jan@acme.nl` → 64 hex digits). */
export async function blindId(keys: TeamKeys, identityKey: string): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', keys.idKey, new TextEncoder().encode(identityKey)));
}

/** Encrypts a payload for document `id`; the id is bound as additional data so a ciphertext cannot be moved. */
export async function sealEntry(keys: TeamKeys, id: string, payload: TeamPayload): Promise<TeamDoc> {
  const iv = new Uint8Array(12);
  crypto.getRandomValues(iv);
  const plain = new TextEncoder().encode(JSON.stringify(teamPayloadSchema.parse(payload)));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) }, keys.payloadKey, plain);
  return { _id: id, v: 1, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/** Decrypts and validates a document; throws UndecryptableEntryError for anything that does not authenticate. */
export async function openEntry(keys: TeamKeys, doc: unknown): Promise<{ id: string; rev?: string; payload: TeamPayload }> {
  const parsed = teamDocSchema.safeParse(doc);
  const id = parsed.success ? parsed.data._id : String((doc as { _id?: unknown } | null)?._id ?? '?');
  if (!parsed.success) throw new UndecryptableEntryError(id);
  // A version the team retracted, served again (by a server that ignores its validation function).
  if (parsed.data.past?.includes(parsed.data.iv)) throw new UndecryptableEntryError(id);
  try {
    const iv = fromBase64Url(parsed.data.iv);
    const ct = fromBase64Url(parsed.data.ct);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) }, keys.payloadKey, ct);
    const payload = teamPayloadSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
    if (!payload.success) throw new Error('payload shape');
    return parsed.data._rev ? { id, rev: parsed.data._rev, payload: payload.data } : { id, payload: payload.data };
  } catch {
    throw new UndecryptableEntryError(id);
  }
}
