import { z } from 'zod';
import { TeamSyncError } from './errors';

// A minimal CouchDB 3 HTTP client: only what the team list needs (no PouchDB, no revision trees).
// Every server answer is validated before use; HTTP failures become TeamSyncError in plain words.

export interface CouchAuth {
  username: string;
  password: string;
}

export interface CouchClientOptions {
  serverUrl: string;
  auth?: CouchAuth;
  fetch?: typeof fetch;
  /** per request; a page of 10 000 changes with docs takes about 1 s on a local server */
  timeoutMs?: number;
}

export const DESIGN_DOC_ID = '_design/outreach-guard';

/**
 * Members may add entries; nobody but a database admin (the team lead, by name or role) or a server
 * admin may change, retract or delete one. Live entries carry ciphertext.
 *
 * Retractions stick: a lead retracts by replacing the entry with a tombstone `{v: 1, retracted: true,
 * past: [iv, …]}` that lists the IV of every version ever retracted under this id. Over a tombstone
 * anyone may put a new entry (a person may object again), but only one whose IV the tombstone does not
 * list and that carries the list on: an old revision put back (same IV and ciphertext, the only valid
 * entries a rep without the team key has) is refused. Only someone with the team key can make a fresh
 * ciphertext under a new IV. A write that names a revision of its own without a stored parent (a
 * replicated branch, `new_edits: false`) is refused for reps, so the old revision cannot come back as a
 * conflicting branch that wins either.
 *
 * Audit anchors (`anchor:<member>:<seq>`, lib/sync/anchors.ts) are append-only for everyone, leads and
 * server admins included: a new one must be well formed and name its own place; an existing one can be
 * neither changed nor deleted, and none can be written as a revision of its own (a replayed branch).
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (typeof newDoc._id === 'string' && newDoc._id.indexOf('anchor:') === 0) {
    if (oldDoc || newDoc._deleted) throw({forbidden: 'an audit anchor cannot be changed or deleted'});
    if (newDoc._rev) throw({forbidden: 'an audit anchor cannot be replayed'});
    var m = /^anchor:([0-9a-f]{64}):([0-9]{12})$/.exec(newDoc._id);
    var fp = newDoc.fingerprints;
    var hex = /^[0-9a-f]{64}$/;
    if (!m || newDoc.v !== 1 || newDoc.kind !== 'audit-anchor' || newDoc.member !== m[1] || newDoc.seq !== parseInt(m[2], 10) ||
        typeof newDoc.from !== 'number' || newDoc.from < 1 || newDoc.from > newDoc.seq || newDoc.seq - newDoc.from >= 5000 ||
        typeof newDoc.hash !== 'string' || !hex.test(newDoc.hash) || typeof newDoc.at !== 'string' || typeof newDoc.anchoredAt !== 'string' ||
        !Array.isArray(fp) || fp.length !== newDoc.seq - newDoc.from + 1 || fp[fp.length - 1] !== newDoc.hash.slice(0, 16)) {
      throw({forbidden: 'an audit anchor is {v: 1, kind, member, from, seq, hash, at, anchoredAt, fingerprints} at anchor:<member>:<seq>'});
    }
    for (var f = 0; f < fp.length; f++) if (typeof fp[f] !== 'string' || !/^[0-9a-f]{16}$/.test(fp[f])) throw({forbidden: 'an anchor fingerprint is 16 hex digits'});
    return;
  }
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};
  var isAdmin = roles.indexOf('_admin') !== -1 ||
    (admins.names || []).indexOf(userCtx.name) !== -1 ||
    (admins.roles || []).some(function (r) { return roles.indexOf(r) !== -1; });
  function list(d) { return d && Array.isArray(d.past) ? d.past : []; }
  function keepsAll(d, ivs) {
    var past = list(d);
    for (var i = 0; i < ivs.length; i++) if (past.indexOf(ivs[i]) === -1) return false;
    return true;
  }
  if (newDoc._deleted) {
    if (!isAdmin) throw({forbidden: 'only team leads may retract entries'});
    return;
  }
  var live = oldDoc && !oldDoc._deleted ? oldDoc : null;
  if (newDoc.retracted === true) {
    if (!isAdmin) throw({forbidden: 'only team leads may retract entries'});
    var gone = list(live).concat(live && live.retracted !== true && typeof live.iv === 'string' ? [live.iv] : []);
    if (newDoc.v !== 1 || !keepsAll(newDoc, gone)) throw({forbidden: 'a retraction keeps the IV of every retracted version'});
    return;
  }
  if (newDoc.v !== 1 || typeof newDoc.ct !== 'string' || typeof newDoc.iv !== 'string') {
    throw({forbidden: 'an entry is {v: 1, iv, ct} (encrypted)'});
  }
  if (!live) {
    if (!oldDoc && newDoc._rev && !isAdmin) throw({forbidden: 'reps may not write revisions of their own'});
    return;
  }
  if (live.retracted === true) {
    if (list(live).indexOf(newDoc.iv) !== -1) throw({forbidden: 'a retracted entry cannot be put back'});
    if (!keepsAll(newDoc, list(live))) throw({forbidden: 'a new entry over a retraction keeps its list'});
    return;
  }
  if (!isAdmin) throw({forbidden: 'reps may only add entries'});
}`;

export const securityObjectSchema = z.object({
  admins: z.object({ names: z.array(z.string()).default([]), roles: z.array(z.string()).default([]) }).partial().default({}),
  members: z.object({ names: z.array(z.string()).default([]), roles: z.array(z.string()).default([]) }).partial().default({}),
});
export type SecurityObject = z.infer<typeof securityObjectSchema>;

/** Role names for one team database (one database per team). */
export function teamRoles(db: string) {
  return { lead: `${db}-lead`, rep: `${db}-rep` };
}

export function teamSecurityObject(db: string, leadName: string): SecurityObject {
  const roles = teamRoles(db);
  return {
    admins: { names: [leadName], roles: [roles.lead] },
    members: { names: [], roles: [roles.rep, roles.lead] },
  };
}

const sessionSchema = z.object({
  userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }),
});

const changeRowSchema = z.object({
  id: z.string(),
  // CouchDB 2+ seqs are opaque strings, PouchDB's are numbers: stored and resent verbatim.
  seq: z.union([z.string(), z.number()]).optional(),
  deleted: z.boolean().optional(),
  changes: z.array(z.object({ rev: z.string() })).optional(),
  // Checked by openEntry (teamDocSchema) where it is used; validating 100 000 docs twice costs a second.
  doc: z.unknown().optional(),
});
const changesSchema = z.object({
  results: z.array(changeRowSchema),
  last_seq: z.union([z.string(), z.number()]),
});
export type ChangeRow = z.infer<typeof changeRowSchema>;
export type Seq = string | number;

const bulkResultSchema = z.array(
  z.object({
    id: z.string(),
    ok: z.boolean().optional(),
    rev: z.string().optional(),
    error: z.string().optional(),
    reason: z.string().optional(),
  }),
);
export type BulkResult = z.infer<typeof bulkResultSchema>[number];

const okSchema = z.object({ ok: z.boolean() }).passthrough();

function basicAuth(auth: CouchAuth): string {
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

function dbPath(db: string): string {
  return encodeURIComponent(db);
}

function docPath(id: string): string {
  return id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id);
}

export class CouchClient {
  readonly serverUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: CouchClientOptions) {
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    // Bound: a detached `fetch` throws "Illegal invocation" in a service worker.
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Sends one request; returns status and parsed JSON (null for an empty body). Throws TeamSyncError. */
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.options.auth) headers.Authorization = basicAuth(this.options.auth);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.serverUrl}/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TeamSyncError('unreachable', `${method} /${path}: ${(error as Error)?.message ?? String(error)}`);
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  /** Like request, but maps every non-2xx status to a TeamSyncError (except those in `allow`). */
  async call(method: string, path: string, body?: unknown, allow: number[] = []): Promise<{ status: number; json: unknown }> {
    const res = await this.request(method, path, body);
    if ((res.status >= 200 && res.status < 300) || allow.includes(res.status)) return res;
    const reason = (res.json as { reason?: unknown } | null)?.reason;
    const detail = `${method} /${path} → ${res.status}${typeof reason === 'string' ? `: ${reason}` : ''}`;
    if (res.status === 401) throw new TeamSyncError('wrong-password', detail);
    if (res.status === 403) throw new TeamSyncError('forbidden', detail);
    if (res.status === 404) throw new TeamSyncError('not-found', detail);
    throw new TeamSyncError('server-error', detail);
  }

  /** Who the server takes us for; a wrong password is a 401 here. */
  async session(): Promise<{ name: string | null; roles: string[] }> {
    const { json } = await this.call('GET', '_session');
    const parsed = sessionSchema.safeParse(json);
    if (!parsed.success) throw new TeamSyncError('server-error', 'GET /_session: not a CouchDB answer');
    // CouchDB answers 200 with name null for a failed Basic login in some setups: that is a wrong password.
    if (this.options.auth && parsed.data.userCtx.name === null) throw new TeamSyncError('wrong-password', 'anonymous session');
    return { name: parsed.data.userCtx.name, roles: parsed.data.userCtx.roles };
  }

  /** Creates a database; false when it already exists. */
  async createDb(db: string): Promise<boolean> {
    const { status } = await this.call('PUT', dbPath(db), undefined, [412]);
    return status !== 412;
  }

  async dbExists(db: string): Promise<boolean> {
    const { status } = await this.call('GET', dbPath(db), undefined, [404]);
    return status !== 404;
  }

  async getSecurity(db: string): Promise<SecurityObject> {
    const { json } = await this.call('GET', `${dbPath(db)}/_security`);
    const parsed = securityObjectSchema.safeParse(json ?? {});
    if (!parsed.success) throw new TeamSyncError('server-error', 'GET _security: unexpected shape');
    return parsed.data;
  }

  async putSecurity(db: string, security: SecurityObject): Promise<void> {
    await this.call('PUT', `${dbPath(db)}/_security`, security);
  }

  /** A document, or null when it does not exist (or was deleted). */
  async getDoc(db: string, id: string): Promise<Record<string, unknown> | null> {
    const { status, json } = await this.call('GET', `${dbPath(db)}/${docPath(id)}`, undefined, [404]);
    if (status === 404) return null;
    const parsed = z.record(z.string(), z.unknown()).safeParse(json);
    if (!parsed.success) throw new TeamSyncError('server-error', `GET ${id}: not a document`);
    return parsed.data;
  }

  /** Creates or updates a document; returns the new rev. A 409 is thrown as server-error with detail "conflict". */
  async putDoc(db: string, doc: { _id: string; [k: string]: unknown }): Promise<string> {
    const { json } = await this.call('PUT', `${dbPath(db)}/${docPath(doc._id)}`, doc);
    const rev = (json as { rev?: unknown } | null)?.rev;
    if (typeof rev !== 'string') throw new TeamSyncError('server-error', `PUT ${doc._id}: no rev`);
    return rev;
  }

  async deleteDoc(db: string, id: string, rev: string): Promise<void> {
    await this.call('DELETE', `${dbPath(db)}/${docPath(id)}?rev=${encodeURIComponent(rev)}`);
  }

  /** One page of the changes feed, oldest first. */
  async changes(db: string, options: { since?: Seq; limit: number; includeDocs: boolean }) {
    const q = new URLSearchParams({ limit: String(options.limit), since: String(options.since ?? 0) });
    if (options.includeDocs) q.set('include_docs', 'true');
    const { json } = await this.call('GET', `${dbPath(db)}/_changes?${q}`);
    const parsed = changesSchema.safeParse(json);
    if (!parsed.success) throw new TeamSyncError('server-error', '_changes: unexpected shape');
    return parsed.data;
  }

  /** Writes documents; each one succeeds or fails on its own (conflict, forbidden by the VDU). */
  async bulkDocs(db: string, docs: readonly object[]): Promise<BulkResult[]> {
    const { json } = await this.call('POST', `${dbPath(db)}/_bulk_docs`, { docs });
    const parsed = bulkResultSchema.safeParse(json);
    if (!parsed.success) throw new TeamSyncError('server-error', '_bulk_docs: unexpected shape');
    return parsed.data;
  }

  /** Creates a user account in `_users` (needs a server admin). */
  async createUser(name: string, password: string, roles: string[]): Promise<void> {
    const id = `org.couchdb.user:${name}`;
    const res = await this.call('PUT', `_users/${encodeURIComponent(id)}`, { _id: id, name, password, roles, type: 'user' }, [409]);
    if (res.status === 409) throw new TeamSyncError('user-exists', name);
    if (!okSchema.safeParse(res.json).success) throw new TeamSyncError('server-error', 'PUT _users: unexpected answer');
  }
}
