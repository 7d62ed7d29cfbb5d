import { CouchClient, type ChangeRow, type Seq } from './couch';
import { isAnchorId } from './anchors';
import { openEntry, teamTombstoneSchema, UndecryptableEntryError, type TeamDoc, type TeamKeys } from './crypto';
import { TeamSyncError } from './errors';
import type { TeamConfig } from './config';
import type { StatusRecords } from './status';
import type { TeamEntryRow, TeamStore } from './store';

// One sync run's traffic: push queued entries with _bulk_docs, then pull _changes since the stored
// checkpoint in pages with include_docs. Each stored page carries its checkpoint in the same transaction,
// so a worker killed mid-sync resumes where it stopped; an upload stays in the outbox until the server
// confirmed it, so nothing recorded offline is lost.

const MAX_IGNORED_IDS = 200;

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

export interface ReplicationDeps {
  store: TeamStore;
  status: StatusRecords;
  /** documents per _changes page */
  pageSize: number;
  /** documents per _bulk_docs request */
  pushBatch: number;
}

export function createReplication({ store, status, pageSize, pushBatch }: ReplicationDeps) {
  const { readStatus, writeStatus } = status;

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

  return { push, pull };
}
