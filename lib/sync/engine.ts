import { z } from 'zod';
import { isAnchorId } from './anchors';
import { CouchClient, DESIGN_DOC_ID, teamRoles, teamSecurityObject, VALIDATE_DOC_UPDATE, type ChangeRow, type Seq } from './couch';
import {
  blindId,
  deriveTeamKeys,
  generateTeamKey,
  openEntry,
  sealEntry,
  teamPayloadSchema,
  teamDocSchema,
  teamTombstoneSchema,
  UndecryptableEntryError,
  type TeamDoc,
  type TeamTombstone,
  type TeamKeyKind,
  type TeamKeys,
  type TeamPayload,
} from './crypto';
import { plainWords, TeamSyncError, type TeamErrorCode } from './errors';
import { legacyTeamConfig, type TeamConfig, type TeamConfigStorage } from './config';
import { canonicalServerUrl, couchDbNameSchema, encodeInvite, InvalidInviteError, parseInvite } from './invite';
import { KV_STATUS, type TeamEntryRow, type TeamStore } from './store';
import type { TeamListItem } from '../messaging/team';

// The team sync engine (issue #7), run by the background: push queued entries with _bulk_docs, then
// pull _changes since the stored checkpoint in pages with include_docs. Each stored page carries its
// checkpoint in the same transaction, so a worker killed mid-sync resumes where it stopped; an upload
// stays in the outbox until the server confirmed it, so nothing recorded offline is lost.

export const TEAM_SYNC_ALARM = 'team-sync';
const MAX_IGNORED_IDS = 200;

export { teamConfigSchema, type TeamConfig, type TeamConfigStorage } from './config';

const statusRecordSchema = z.object({
  lastSyncAt: z.string().nullable().default(null),
  lastAttemptAt: z.string().nullable().default(null),
  lastError: z.object({ code: z.string(), nl: z.string(), en: z.string(), at: z.string(), detail: z.string().optional() }).nullable().default(null),
  consecutiveFailures: z.number().default(0),
  nextAttemptAt: z.string().nullable().default(null),
  /** blinded ids of documents that did not decrypt (tampered or written under another key) */
  ignoredIds: z.array(z.string()).default([]),
  /** uploads the server refused for good (its validation said no) */
  rejectedUploads: z.number().default(0),
  lastRun: z
    .object({ pulled: z.number(), pushed: z.number(), durationMs: z.number(), pages: z.number(), fetchWaitMs: z.number(), decryptMs: z.number(), storeWaitMs: z.number() })
    .nullable()
    .default(null),
});
type StatusRecord = z.infer<typeof statusRecordSchema>;

export interface TeamStatus {
  inTeam: boolean;
  role: 'lead' | 'rep' | null;
  serverUrl: string | null;
  db: string | null;
  username: string | null;
  lastSyncAt: string | null;
  entries: number;
  pendingUploads: number;
  ignoredEntries: number;
  rejectedUploads: number;
  lastError: { code: string; nl: string; en: string; at: string } | null;
  nextAttemptAt: string | null;
  /** the last successful run: how much it moved and where its time went */
  lastRun: { pulled: number; pushed: number; durationMs: number; pages: number; fetchWaitMs: number; decryptMs: number; storeWaitMs: number } | null;
}

/** A team do-not-contact hit for one of the looked-up identity keys. */
export interface TeamSuppression extends TeamPayload {
  identityKey: string;
  /** false while the entry was recorded here and not yet confirmed by the server */
  synced: boolean;
}

export interface TeamServiceDeps {
  store: TeamStore;
  /** the team's secrets: trusted contexts only (ledgerConfigStorage in the background) */
  config: TeamConfigStorage;
  fetch?: typeof fetch;
  now?: () => Date;
  /** whether the extension holds the host permission for an origin (the page asks for it) */
  hasHostPermission?: (origin: string) => Promise<boolean>;
  /** documents per _changes page */
  pageSize?: number;
  /** documents per _bulk_docs request */
  pushBatch?: number;
}

export interface SyncResult {
  pulled: number;
  pushed: number;
  /** where the pull spent its time (for the benchmark; pages ignore it) */
  stats?: PullStats;
}

export interface PullStats {
  pages: number;
  /** waiting for the server's pages (not overlapped with our own work) */
  fetchWaitMs: number;
  decryptMs: number;
  /** waiting for IndexedDB to finish the previous page */
  storeWaitMs: number;
}

/** The team kind of an identity key, or null for keys the team list does not hold (`company:` names stay local). */
function teamKindOf(identityKey: string): TeamKeyKind | null {
  const parsed = teamPayloadSchema.shape.keyKind.safeParse(identityKey.slice(0, identityKey.indexOf(':')));
  return parsed.success ? parsed.data : null;
}

const TEAM_REASON_MAX = teamPayloadSchema.shape.reason.maxLength ?? 1000;

export type NewTeamEntry = Omit<TeamPayload, 'keyKind' | 'recordedBy' | 'recordedAt'> & {
  recordedBy?: string;
  recordedAt?: string;
};

export function createTeamService(deps: TeamServiceDeps) {
  const store = deps.store;
  const config = deps.config;
  const now = deps.now ?? (() => new Date());
  const pageSize = deps.pageSize ?? 5000;
  const pushBatch = deps.pushBatch ?? 500;
  const keyCache = new Map<string, Promise<TeamKeys>>();
  let running: Promise<SyncResult> | null = null;
  let queued: Promise<SyncResult> | null = null;

  function keysFor(teamKey: string): Promise<TeamKeys> {
    let keys = keyCache.get(teamKey);
    if (!keys) {
      keys = deriveTeamKeys(teamKey);
      keyCache.set(teamKey, keys);
    }
    return keys;
  }

  function clientFor(c: Pick<TeamConfig, 'serverUrl' | 'username' | 'password'>) {
    return new CouchClient({ serverUrl: c.serverUrl, auth: { username: c.username, password: c.password }, fetch: deps.fetch });
  }

  async function readStatus(): Promise<StatusRecord> {
    const parsed = statusRecordSchema.safeParse((await store.getKv(KV_STATUS)) ?? {});
    return parsed.success ? parsed.data : statusRecordSchema.parse({});
  }

  async function writeStatus(update: Partial<StatusRecord>) {
    await store.setKv(KV_STATUS, { ...(await readStatus()), ...update });
  }

  async function requireConfig(): Promise<TeamConfig> {
    const c = await config.get();
    if (!c) throw new TeamSyncError('not-in-team');
    return c;
  }

  /** A network failure without the host permission is most likely the missing permission (CORS). */
  async function explainUnreachable(error: unknown, serverUrl: string): Promise<never> {
    if (error instanceof TeamSyncError && error.code === 'unreachable' && deps.hasHostPermission) {
      const granted = await deps.hasHostPermission(new URL(serverUrl).origin).catch(() => true);
      if (!granted) throw new TeamSyncError('permission-missing', error.detail);
    }
    throw error;
  }

  /** The design doc names the team key it was made for; a different key means a wrong invite. */
  async function checkKey(client: CouchClient, db: string, keys: TeamKeys) {
    const ddoc = await client.getDoc(db, DESIGN_DOC_ID).catch((e: unknown) => {
      if (e instanceof TeamSyncError && e.code === 'not-found') return null;
      throw e;
    });
    if (!ddoc) throw new TeamSyncError('not-found', `${db}/${DESIGN_DOC_ID} missing: not an Outreach Guard team database`);
    if (ddoc.keyCheck !== keys.keyCheck) throw new TeamSyncError('key-mismatch');
    return ddoc;
  }

  /**
   * A team made by an older version has the older validation function (which deleted entries and so let
   * a retraction be undone). The lead, a database admin, installs the current one before retracting.
   */
  async function upgradeValidation(c: TeamConfig, client: CouchClient, keys: TeamKeys) {
    const ddoc = await checkKey(client, c.db, keys);
    if (ddoc.validate_doc_update === VALIDATE_DOC_UPDATE) return;
    await client.putDoc(c.db, { ...ddoc, _id: DESIGN_DOC_ID, validate_doc_update: VALIDATE_DOC_UPDATE });
  }

  /** Puts a fresh entry over a lead's tombstone (a person objecting again after a retraction). */
  async function reAdd(c: TeamConfig, client: CouchClient, doc: TeamDoc, tombstone: { _rev?: string; past: string[] }): Promise<'ok' | 'refused' | 'transient'> {
    try {
      await client.putDoc(c.db, { ...doc, _rev: tombstone._rev, past: tombstone.past });
      return 'ok';
    } catch (error) {
      if (error instanceof TeamSyncError && error.code === 'forbidden') return 'refused';
      return 'transient'; // a conflict (the lead wrote meanwhile) or the network: stays queued
    }
  }

  async function push(c: TeamConfig, client: CouchClient): Promise<number> {
    let pushed = 0;
    let rejected = 0;
    for (;;) {
      const batch = await store.peekOutbox(pushBatch);
      if (batch.length === 0) break;
      const results = await client.bulkDocs(c.db, batch.map((row) => row.doc));
      const byId = new Map(results.map((r) => [r.id, r]));
      const done: number[] = [];
      let transient = 0;
      for (const row of batch) {
        const r = byId.get(row.doc._id);
        if (r?.ok) {
          done.push(row.seq);
          pushed++;
        } else if (r?.error === 'conflict' || r?.error === 'forbidden') {
          // A conflict means the team already lists this person: that is delivered, too. PouchDB servers
          // run the VDU before the conflict check, so there "forbidden" may mean the same. Over a lead's
          // tombstone the person objects again: the entry goes on top of it, carrying its list.
          const existing = await client.getDoc(c.db, row.doc._id);
          const tombstone = teamTombstoneSchema.safeParse(existing);
          if (tombstone.success) {
            const outcome = await reAdd(c, client, row.doc, tombstone.data);
            if (outcome === 'transient') {
              transient++;
              continue;
            }
            if (outcome === 'ok') pushed++;
            else rejected++;
          } else if (!existing) rejected++;
          done.push(row.seq);
        } else {
          transient++;
        }
      }
      await store.dropOutbox(done);
      if (rejected) await writeStatus({ rejectedUploads: (await readStatus()).rejectedUploads + rejected });
      rejected = 0;
      if (transient) throw new TeamSyncError('server-error', `${transient} uploads failed and stay queued`);
    }
    return pushed;
  }

  async function pull(c: TeamConfig, client: CouchClient, keys: TeamKeys, stats: PullStats): Promise<number> {
    let pulled = 0;
    const clock = () => performance.now();
    const fetchPage = (since: Seq | undefined) => client.changes(c.db, { since, limit: pageSize, includeDocs: true });
    let next = fetchPage(await store.getCheckpoint());
    let storing: Promise<void> = Promise.resolve();
    const ignoredIds = new Set((await readStatus()).ignoredIds);
    for (;;) {
      let t = clock();
      const page = await next;
      stats.fetchWaitMs += clock() - t;
      stats.pages++;
      t = clock();
      // A full page means more may follow: ask for it now, so the server works while we decrypt and store.
      const more = page.results.length >= pageSize;
      if (more) {
        next = fetchPage(page.last_seq);
        next.catch(() => undefined); // observed when awaited; this only stops an unhandled-rejection report
      }
      const put: TeamEntryRow[] = [];
      const remove: string[] = [];
      const ignored: string[] = [];
      const healed: string[] = [];
      const opened = await Promise.all(
        page.results.map(async (row: ChangeRow) => {
          if (row.id.startsWith('_design/') || isAnchorId(row.id)) return null; // audit anchors: lib/sync/anchors.ts
          if (row.deleted) return { kind: 'deleted' as const, id: row.id };
          if ((row.doc as { retracted?: unknown } | null)?.retracted === true) {
            // A lead's retraction (only leads may write one, by the validation function).
            return teamTombstoneSchema.safeParse(row.doc).success ? { kind: 'deleted' as const, id: row.id } : { kind: 'ignored' as const, id: row.id };
          }
          try {
            const { id, rev, payload } = await openEntry(keys, row.doc);
            return { kind: 'entry' as const, row: { id, keyKind: payload.keyKind, payload, rev: rev ?? row.changes?.[0]?.rev ?? '' } };
          } catch (error) {
            if (error instanceof UndecryptableEntryError) return { kind: 'ignored' as const, id: row.id };
            throw error;
          }
        }),
      );
      stats.decryptMs += clock() - t;
      for (const o of opened) {
        if (!o) continue;
        if (o.kind === 'deleted') remove.push(o.id);
        else if (o.kind === 'ignored') ignored.push(o.id);
        else {
          put.push(o.row);
          healed.push(o.row.id);
        }
      }
      pulled += put.length + remove.length;
      // Store page N while page N+1 is decrypted; pages are stored strictly in order, each with its checkpoint.
      t = clock();
      await storing;
      stats.storeWaitMs += clock() - t;
      storing = (async () => {
        await store.applyPage(put, remove, page.last_seq);
        if (ignored.length || (ignoredIds.size && (healed.length || remove.length))) {
          for (const id of healed) ignoredIds.delete(id);
          for (const id of remove) ignoredIds.delete(id);
          for (const id of ignored) ignoredIds.add(id);
          await writeStatus({ ignoredIds: [...ignoredIds].slice(-MAX_IGNORED_IDS) });
        }
      })();
      storing.catch(() => undefined); // observed by the next await
      if (!more) break;
    }
    const t = clock();
    await storing;
    stats.storeWaitMs += clock() - t;
    return pulled;
  }

  async function runSync(): Promise<SyncResult> {
    const c = await requireConfig();
    const attemptAt = now();
    try {
      const client = clientFor(c);
      const keys = await keysFor(c.teamKey);
      const ddoc = await checkKey(client, c.db, keys).catch((e: unknown) => explainUnreachable(e, c.serverUrl));
      if (c.role === 'lead' && ddoc.validate_doc_update !== VALIDATE_DOC_UPDATE) {
        await upgradeValidation(c, client, keys).catch(() => undefined); // retried at the next sync and before a retraction
      }
      const pushed = await push(c, client);
      const stats: PullStats = { pages: 0, fetchWaitMs: 0, decryptMs: 0, storeWaitMs: 0 };
      const pulled = await pull(c, client, keys, stats);
      const round = (n: number) => Math.round(n);
      const result = { pulled, pushed, stats: { pages: stats.pages, fetchWaitMs: round(stats.fetchWaitMs), decryptMs: round(stats.decryptMs), storeWaitMs: round(stats.storeWaitMs) } };
      await writeStatus({
        lastRun: { pulled, pushed, durationMs: round(now().getTime() - attemptAt.getTime()), ...result.stats },
        lastSyncAt: now().toISOString(),
        lastAttemptAt: attemptAt.toISOString(),
        lastError: null,
        consecutiveFailures: 0,
        nextAttemptAt: null,
      });
      return result;
    } catch (error) {
      const status = await readStatus();
      const failures = status.consecutiveFailures + 1;
      // Exponential back-off: 1, 2, 4 … minutes, at most 30, so a down server is not hammered by every rep.
      const delayMs = Math.min(60_000 * 2 ** (failures - 1), 30 * 60_000);
      const code: TeamErrorCode = error instanceof TeamSyncError ? error.code : 'server-error';
      await writeStatus({
        lastAttemptAt: attemptAt.toISOString(),
        consecutiveFailures: failures,
        nextAttemptAt: new Date(attemptAt.getTime() + delayMs).toISOString(),
        lastError: {
          code,
          ...plainWords(code),
          at: attemptAt.toISOString(),
          detail: error instanceof TeamSyncError ? error.detail : String((error as Error)?.message ?? error),
        },
      });
      throw error instanceof TeamSyncError ? error : new TeamSyncError('server-error', String((error as Error)?.message ?? error));
    }
  }

  /**
   * Syncs now. One run at a time: a call during a run waits for it and then runs once more (all callers
   * meanwhile share that follow-up), so what was written before the call is always pulled. Throws TeamSyncError.
   */
  function syncNow(): Promise<SyncResult> {
    if (!running) {
      running = runSync().finally(() => {
        running = null;
      });
      return running;
    }
    if (!queued) {
      queued = running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return syncNow();
        });
    }
    return queued;
  }

  /** Syncs unless backing off after errors or not in a team; never throws (the status records errors). */
  async function syncIfDue(): Promise<SyncResult | null> {
    if (!(await config.get())) return null;
    const status = await readStatus();
    if (status.nextAttemptAt && Date.parse(status.nextAttemptAt) > now().getTime()) return null;
    return syncNow().catch(() => null);
  }

  /** Seals and queues entries for the given identity keys; keys the team already lists are skipped. */
  async function queueEntries(c: TeamConfig, identityKeys: readonly string[], entry: NewTeamEntry): Promise<number> {
    const keys = await keysFor(c.teamKey);
    const shared = identityKeys.filter((k) => teamKindOf(k) !== null);
    const ids = await Promise.all(shared.map((k) => blindId(keys, k)));
    const existing = await store.getEntries(ids);
    const rows: TeamEntryRow[] = [];
    const docs = [];
    const at = now().toISOString();
    // A local reason may be longer than the team document allows: the team gets its start.
    const reason = entry.reason.length > TEAM_REASON_MAX ? `${entry.reason.slice(0, TEAM_REASON_MAX - 1)}…` : entry.reason;
    for (let i = 0; i < shared.length; i++) {
      if (existing[i]) continue;
      const payload = teamPayloadSchema.parse({
        ...entry,
        reason,
        keyKind: teamKindOf(shared[i]!),
        recordedBy: entry.recordedBy ?? c.username,
        recordedAt: entry.recordedAt ?? at,
      });
      rows.push({ id: ids[i]!, keyKind: payload.keyKind, payload });
      docs.push(await sealEntry(keys, ids[i]!, payload));
    }
    if (rows.length) await store.queue(rows, docs, at);
    return rows.length;
  }

  /**
   * Replaces the documents on the server with tombstones (admins only, by the design doc), then removes
   * the local copy and any queued upload of each. Nothing local changes for an id until the server answered for it, so a failed
   * retract never loses an entry that was still waiting for upload.
   */
  async function retractIds(c: TeamConfig, ids: readonly string[]): Promise<number> {
    const client = clientFor(c);
    await upgradeValidation(c, client, await keysFor(c.teamKey)).catch((e: unknown) => explainUnreachable(e, c.serverUrl));
    let retracted = 0;
    for (const id of ids) {
      const doc = await client.getDoc(c.db, id).catch((e: unknown) => explainUnreachable(e, c.serverUrl));
      const entry = teamDocSchema.safeParse(doc);
      if (entry.success && entry.data._rev && (doc as { retracted?: unknown }).retracted !== true) {
        // A tombstone, not a deletion: a deleted entry could be put back by anyone holding its old revision.
        const tombstone: TeamTombstone = { _id: id, _rev: entry.data._rev, v: 1, retracted: true, past: [...(entry.data.past ?? []), entry.data.iv], at: now().toISOString() };
        await client.putDoc(c.db, tombstone);
        retracted++;
      }
      // An entry still waiting for upload must not come back with the next push.
      const queuedRows = (await store.peekOutbox(100_000)).filter((row) => row.doc._id === id);
      if (queuedRows.length) await store.dropOutbox(queuedRows.map((row) => row.seq));
      await store.removeEntries([id]);
    }
    return retracted;
  }

  return {
    syncNow,
    syncIfDue,

    /** A rep joins with an invite code and their own account. Checks password, access and team key first. */
    async join(input: { inviteCode: string; username: string; password: string }): Promise<void> {
      let invite;
      try {
        invite = parseInvite(input.inviteCode);
      } catch (error) {
        if (error instanceof InvalidInviteError) throw new TeamSyncError('invalid-invite', error.detail);
        throw error;
      }
      const client = clientFor({ serverUrl: invite.serverUrl, username: input.username, password: input.password });
      try {
        await client.session();
        await checkKey(client, invite.db, await keysFor(invite.teamKey));
      } catch (error) {
        await explainUnreachable(error, invite.serverUrl);
      }
      const previous = await config.get();
      if (previous && (previous.serverUrl !== invite.serverUrl || previous.db !== invite.db || previous.teamKey !== invite.teamKey)) {
        await store.clear(); // another team: its entries and outbox must not leak into this one
      }
      await config.set({ ...invite, v: 1, username: input.username, password: input.password, role: 'rep' });
      await writeStatus({ nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
    },

    /**
     * The lead creates a team with server-admin credentials: database, security object (lead = admin,
     * reps = members by role), design doc with the validation function and key check, and a new team key.
     * Returns the invite code.
     */
    async create(input: { serverUrl: string; username: string; password: string; db: string }): Promise<string> {
      const serverUrl = canonicalServerUrl(input.serverUrl);
      const db = couchDbNameSchema.parse(input.db);
      const client = clientFor({ serverUrl, username: input.username, password: input.password });
      const teamKey = generateTeamKey();
      const keys = await keysFor(teamKey);
      try {
        const session = await client.session();
        if (!session.roles.includes('_admin')) throw new TeamSyncError('not-server-admin');
        if (!(await client.createDb(db))) {
          const ddoc = await client.getDoc(db, DESIGN_DOC_ID);
          const firstChange = await client.changes(db, { limit: 1, includeDocs: false });
          // Reuse only an empty database; a team's existing list is never overwritten with a new key.
          if (ddoc || firstChange.results.length > 0) throw new TeamSyncError('db-exists', db);
        }
        await client.putSecurity(db, teamSecurityObject(db, input.username));
        await client.putDoc(db, { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE, keyCheck: keys.keyCheck, outreachGuard: { v: 1 } });
      } catch (error) {
        await explainUnreachable(error, serverUrl);
      }
      const previous = await config.get();
      if (previous) await store.clear();
      await config.set({ v: 1, serverUrl, db, teamKey, username: input.username, password: input.password, role: 'lead' });
      await writeStatus({ nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
      return encodeInvite({ serverUrl, db, teamKey });
    },

    /** The invite code of the current team (for the lead to show again). */
    async invite(): Promise<string> {
      const c = await requireConfig();
      if (c.role !== 'lead') throw new TeamSyncError('not-team-admin');
      return encodeInvite({ serverUrl: c.serverUrl, db: c.db, teamKey: c.teamKey });
    },

    /** The lead (a server admin) creates a rep account with the team's rep role. */
    async createRep(input: { username: string; password: string }): Promise<void> {
      const c = await requireConfig();
      if (c.role !== 'lead') throw new TeamSyncError('not-team-admin');
      const client = clientFor(c);
      const session = await client.session().catch((e: unknown) => explainUnreachable(e, c.serverUrl));
      if (!session.roles.includes('_admin')) throw new TeamSyncError('not-server-admin');
      await client.createUser(input.username, input.password, [teamRoles(c.db).rep]);
    },

    async leave(): Promise<void> {
      // Entries still waiting for upload would never reach the team after this: deliver them first when
      // the server answers (the page warns with their number before a rep leaves offline).
      if ((await config.get()) && (await store.countOutbox()) > 0) await syncNow().catch(() => undefined);
      await config.clear();
      await store.clear();
    },

    async status(): Promise<TeamStatus> {
      const c = await config.get();
      const s = await readStatus();
      return {
        inTeam: Boolean(c),
        role: c?.role ?? null,
        serverUrl: c?.serverUrl ?? null,
        db: c?.db ?? null,
        username: c?.username ?? null,
        lastSyncAt: s.lastSyncAt,
        entries: await store.countEntries(),
        pendingUploads: await store.countOutbox(),
        ignoredEntries: s.ignoredIds.length,
        rejectedUploads: s.rejectedUploads,
        lastError: s.lastError ? { code: s.lastError.code, nl: s.lastError.nl, en: s.lastError.en, at: s.lastError.at } : null,
        nextAttemptAt: s.nextAttemptAt,
        lastRun: s.lastRun,
      };
    },

    /** Queues a team entry per identity key (works offline); returns how many were new. */
    async addEntry(identityKeys: readonly string[], entry: NewTeamEntry): Promise<number> {
      return queueEntries(await requireConfig(), identityKeys, entry);
    },

    /** When not in a team: false and nothing queued. Used when a personal objection is recorded. */
    async queueIfInTeam(identityKeys: readonly string[], entry: NewTeamEntry): Promise<boolean> {
      const c = await config.get();
      if (!c) return false;
      try {
        await queueEntries(c, identityKeys, entry);
      } catch (error) {
        // The personal entry is already stored: the team not hearing of it must show in the team status.
        await writeStatus({ lastError: { code: 'not-queued', ...plainWords('not-queued'), at: now().toISOString(), detail: String((error as Error)?.message ?? error) } });
        throw error;
      }
      return true;
    },

    /** The lead retracts entries (online only: the server must accept the deletion). */
    async retract(identityKeys: readonly string[]): Promise<number> {
      const c = await requireConfig();
      if (c.role !== 'lead') throw new TeamSyncError('not-team-admin');
      const keys = await keysFor(c.teamKey);
      return retractIds(c, await Promise.all(identityKeys.map((k) => blindId(keys, k))));
    },

    /** The lead retracts listed entries by their blinded ids (the list has no identifiers to blind). */
    async retractIds(ids: readonly string[]): Promise<number> {
      const c = await requireConfig();
      if (c.role !== 'lead') throw new TeamSyncError('not-team-admin');
      return retractIds(c, ids);
    },

    /**
     * The team's entries for the list page, newest first: entries recorded together (same payload apart from
     * the identifier kind) are one item, so a person's e-mail and LinkedIn entries are shown and retracted as one.
     */
    async listEntries(offset: number, limit: number): Promise<{ total: number; items: TeamListItem[] }> {
      const groups = new Map<string, TeamListItem>();
      for (const row of await store.allEntries()) {
        const p = row.payload;
        const key = JSON.stringify([p.recordedAt, p.recordedBy, p.reason, p.scope, p.level, p.label ?? null]);
        const group = groups.get(key);
        if (group) {
          group.ids.push(row.id);
          if (!group.keyKinds.includes(p.keyKind)) group.keyKinds.push(p.keyKind);
          group.synced &&= Boolean(row.rev);
        } else {
          groups.set(key, {
            id: row.id,
            ids: [row.id],
            keyKinds: [p.keyKind],
            ...(p.label ? { label: p.label } : {}),
            reason: p.reason,
            scope: p.scope,
            level: p.level,
            recordedBy: p.recordedBy,
            recordedAt: p.recordedAt,
            synced: Boolean(row.rev),
          });
        }
      }
      const items = [...groups.values()];
      for (const item of items) {
        item.ids.sort();
        item.id = item.ids[0]!; // stable whatever order the store returned them in
      }
      items.sort((a, b) => (a.recordedAt === b.recordedAt ? (a.id < b.id ? -1 : 1) : a.recordedAt < b.recordedAt ? 1 : -1));
      return { total: items.length, items: items.slice(offset, offset + limit) };
    },

    /** Team do-not-contact entries for any of the identity keys (empty when not in a team). */
    async suppressionsFor(identityKeys: readonly string[]): Promise<TeamSuppression[]> {
      const c = await config.get();
      if (!c || identityKeys.length === 0) return [];
      const keys = await keysFor(c.teamKey);
      const ids = await Promise.all(identityKeys.map((k) => blindId(keys, k)));
      const rows = await store.getEntries(ids);
      const out: TeamSuppression[] = [];
      rows.forEach((row, i) => {
        if (row) out.push({ ...row.payload, identityKey: identityKeys[i]!, synced: Boolean(row.rev) });
      });
      return out;
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;

// The background registers its one service here (startTeamSync in lib/background/team-handlers.ts), so
// the verdict service and the ledger can reach the team list without knowing how it is stored.
let defaultService: TeamService | null = null;

export function setDefaultTeamService(service: TeamService | null) {
  defaultService = service;
}

/**
 * Team suppressions for a recipient's identity keys (`email:…`, `li-member:…`, `domain:…`). A hit fires
 * the same rule codes as a personal objection. Empty when team sync was never started and no team
 * configuration of an older version waits to be moved; throws when one does (a silent miss would let a
 * send through).
 */
export async function teamSuppressionsFor(identityKeys: string[]): Promise<TeamSuppression[]> {
  if (defaultService) return defaultService.suppressionsFor(identityKeys);
  if (!(await legacyTeamConfig())) return [];
  throw new Error('Team sync is not started: call startTeamSync() in the background first.');
}

/**
 * Queues a personal do-not-contact entry for the team too (no-op, false, when not in a team). The upload
 * happens at the next sync; call it after the personal objection is stored.
 */
export async function queueTeamEntry(identityKeys: string[], payload: NewTeamEntry): Promise<boolean> {
  if (defaultService) {
    const queued = await defaultService.queueIfInTeam(identityKeys, payload);
    if (queued) void defaultService.syncNow().catch(() => undefined); // errors land in the status
    return queued;
  }
  if (!(await legacyTeamConfig())) return false;
  throw new Error('Team sync is not started: call startTeamSync() in the background first.');
}
