import { VALIDATE_DOC_UPDATE } from './couch';
import { blindId, sealEntry, teamPayloadSchema, teamDocSchema, type TeamKeyKind, type TeamPayload, type TeamTombstone } from './crypto';
import { plainWords, TeamSyncError, type TeamErrorCode } from './errors';
import type { TeamConfig, TeamConfigStorage } from './config';
import { createTeamContext } from './context';
import { createMembership } from './membership';
import { createReplication, type PullStats, type SyncResult } from './replicate';
import { statusRecords, type TeamStatus } from './status';
import type { TeamEntryRow, TeamStore } from './store';
import { groupTeamEntries } from './team-list';
import type { TeamListItem } from '../model/team';

// The team sync engine (issue #7), run by the background: one service per team configuration that syncs
// (lib/sync/replicate.ts moves the documents), joins, creates and leaves a team, queues and retracts entries,
// and answers the verdict's team look-ups.

export const TEAM_SYNC_ALARM = 'team-sync';
export { teamConfigSchema, type TeamConfig, type TeamConfigStorage } from './config';



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
  const status = statusRecords(store);
  const { readStatus, writeStatus } = status;
  const { push, pull } = createReplication({ store, status, pageSize, pushBatch });
  const context = createTeamContext(deps);
  const { keysFor, clientFor, requireConfig, explainUnreachable, checkKey, upgradeValidation } = context;
  const membership = createMembership(context, { config, store, status });
  let running: Promise<SyncResult> | null = null;
  let queued: Promise<SyncResult> | null = null;



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

    ...membership,

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
      const items = groupTeamEntries(await store.allEntries());
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

