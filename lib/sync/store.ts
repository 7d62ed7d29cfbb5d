import type { Seq } from './couch';
import type { TeamDoc, TeamKeyKind, TeamPayload } from './crypto';

// What the sync engine needs from local storage. The background uses the Dexie implementation in
// lib/sync/team-store.ts (tables teamEntries, teamOutbox, kv of the ledger database); tests may also
// use the in-memory one below, which keeps the same atomicity promises.

/** One decrypted team entry, keyed by its blinded id. */
export interface TeamEntryRow {
  id: string;
  keyKind: TeamKeyKind;
  payload: TeamPayload;
  /** the server revision; absent while the entry only exists locally (queued for upload) */
  rev?: string;
}

/** A sealed document waiting for upload. */
export interface TeamOutboxRow {
  seq: number;
  doc: TeamDoc;
  queuedAt: string;
}

export interface TeamStore {
  /** The `_changes` sequence up to which entries are stored; undefined before the first pull. */
  getCheckpoint(): Promise<Seq | undefined>;
  /** Stores one pulled page and its checkpoint in ONE transaction, so a killed worker resumes exactly here. */
  applyPage(put: readonly TeamEntryRow[], remove: readonly string[], checkpoint: Seq): Promise<void>;
  getEntries(ids: readonly string[]): Promise<(TeamEntryRow | undefined)[]>;
  countEntries(): Promise<number>;
  /** Every stored entry (for the team list page; the engine groups, sorts and pages them). */
  allEntries(): Promise<TeamEntryRow[]>;
  removeEntries(ids: readonly string[]): Promise<void>;
  /** Adds local entries and their sealed documents to the outbox in one transaction (never one without the other). */
  queue(entries: readonly TeamEntryRow[], docs: readonly TeamDoc[], queuedAt: string): Promise<void>;
  peekOutbox(limit: number): Promise<TeamOutboxRow[]>;
  dropOutbox(seqs: readonly number[]): Promise<void>;
  countOutbox(): Promise<number>;
  getKv(key: string): Promise<unknown>;
  setKv(key: string, value: unknown): Promise<void>;
  /** Forgets everything of the team (leaving it): entries, outbox, checkpoint and status. */
  clear(): Promise<void>;
}

/** Keys this module owns in the shared `kv` table. */
export const KV_CHECKPOINT = 'team.checkpoint';
export const KV_STATUS = 'team.status';

export function memoryTeamStore(): TeamStore {
  const entries = new Map<string, TeamEntryRow>();
  const outbox = new Map<number, TeamOutboxRow>();
  const kv = new Map<string, unknown>();
  let nextSeq = 1;
  // structuredClone: callers must not be able to change stored rows by mutating what they passed or got.
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    async getCheckpoint() {
      return kv.get(KV_CHECKPOINT) as Seq | undefined;
    },
    async applyPage(put, remove, checkpoint) {
      for (const row of put) entries.set(row.id, clone(row));
      for (const id of remove) entries.delete(id);
      kv.set(KV_CHECKPOINT, checkpoint);
    },
    async getEntries(ids) {
      return ids.map((id) => {
        const row = entries.get(id);
        return row && clone(row);
      });
    },
    async countEntries() {
      return entries.size;
    },
    async allEntries() {
      return [...entries.values()].map(clone);
    },
    async removeEntries(ids) {
      for (const id of ids) entries.delete(id);
    },
    async queue(rows, docs, queuedAt) {
      for (const row of rows) entries.set(row.id, clone(row));
      for (const doc of docs) {
        const seq = nextSeq++;
        outbox.set(seq, { seq, doc: clone(doc), queuedAt });
      }
    },
    async peekOutbox(limit) {
      return [...outbox.values()].slice(0, limit).map(clone);
    },
    async dropOutbox(seqs) {
      for (const s of seqs) outbox.delete(s);
    },
    async countOutbox() {
      return outbox.size;
    },
    async getKv(key) {
      return clone(kv.get(key));
    },
    async setKv(key, value) {
      kv.set(key, clone(value));
    },
    async clear() {
      entries.clear();
      outbox.clear();
      for (const key of [...kv.keys()]) if (key.startsWith('team.')) kv.delete(key);
    },
  };
}
