import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import type { LedgerDb } from '../ledger/db';
import type { Seq } from './couch';
import { teamDocSchema, teamPayloadSchema } from './crypto';
import { KV_CONFIG, LEGACY_CONFIG_KEY, legacyTeamConfig, teamConfigSchema, type TeamConfigStorage } from './config';
import { KV_CHECKPOINT, type TeamEntryRow, type TeamOutboxRow, type TeamStore } from './store';

// The team list's storage in the ledger database (tables teamEntries, teamOutbox and the `team.*` keys
// of kv). Owned by the team-sync work (issue #7). A pulled page and its checkpoint are written in one
// transaction: that is what lets a killed service worker resume exactly where it stopped.

/** Retries once after the worker woke up with a closed connection (style.md §10). */
async function withReopen<T>(db: LedgerDb, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as Error | null)?.name !== Dexie.errnames.DatabaseClosed) throw error;
    if (!db.isOpen()) await db.open();
    return work();
  }
}

function entryFromRow(row: Record<string, unknown> | undefined): TeamEntryRow | undefined {
  if (!row) return undefined;
  // Our own rows, but checked on read: a damaged row must not turn into a wrong suppression.
  const payload = teamPayloadSchema.safeParse(row.payload);
  if (!payload.success || typeof row.id !== 'string') return undefined;
  return { id: row.id, keyKind: payload.data.keyKind, payload: payload.data, ...(typeof row.rev === 'string' && row.rev ? { rev: row.rev } : {}) };
}

export function dexieTeamStore(db: LedgerDb): TeamStore {
  return {
    getCheckpoint: () =>
      withReopen(db, async () => {
        const row = await db.kv.get(KV_CHECKPOINT);
        const value = row?.value;
        return typeof value === 'string' || typeof value === 'number' ? (value as Seq) : undefined;
      }),

    applyPage: (put, remove, checkpoint) =>
      withReopen(db, () =>
        db.transaction('rw', db.teamEntries, db.kv, async () => {
          if (put.length) await db.teamEntries.bulkPut(put.map((r) => ({ ...r })));
          if (remove.length) await db.teamEntries.bulkDelete([...remove]);
          await db.kv.put({ key: KV_CHECKPOINT, value: checkpoint });
        }),
      ),

    getEntries: (ids) =>
      withReopen(db, async () => (await db.teamEntries.bulkGet([...ids])).map((r) => entryFromRow(r as Record<string, unknown> | undefined))),

    countEntries: () => withReopen(db, () => db.teamEntries.count()),

    allEntries: () =>
      withReopen(db, async () =>
        (await db.teamEntries.toArray()).flatMap((r) => entryFromRow(r as unknown as Record<string, unknown>) ?? []),
      ),

    removeEntries: (ids) => withReopen(db, () => db.teamEntries.bulkDelete([...ids])),

    queue: (entries, docs, queuedAt) =>
      withReopen(db, () =>
        db.transaction('rw', db.teamEntries, db.teamOutbox, async () => {
          if (entries.length) await db.teamEntries.bulkPut(entries.map((r) => ({ ...r })));
          if (docs.length) await db.teamOutbox.bulkAdd(docs.map((doc) => ({ doc, queuedAt })));
        }),
      ),

    peekOutbox: (limit) =>
      withReopen(db, async () => {
        const rows = await db.teamOutbox.limit(limit).toArray();
        const out: TeamOutboxRow[] = [];
        for (const row of rows) {
          const doc = teamDocSchema.safeParse(row.doc);
          if (doc.success && typeof row.seq === 'number') out.push({ seq: row.seq, doc: doc.data, queuedAt: String(row.queuedAt ?? '') });
        }
        return out;
      }),

    dropOutbox: (seqs) => withReopen(db, () => db.teamOutbox.bulkDelete([...seqs])),

    countOutbox: () => withReopen(db, () => db.teamOutbox.count()),

    getKv: (key) => withReopen(db, async () => (await db.kv.get(key))?.value),

    setKv: (key, value) => withReopen(db, async () => void (await db.kv.put({ key, value }))),

    clear: () =>
      withReopen(db, () =>
        db.transaction('rw', db.teamEntries, db.teamOutbox, db.kv, async () => {
          await db.teamEntries.clear();
          await db.teamOutbox.clear();
          await db.kv.where('key').startsWith('team.').delete();
        }),
      ),
  };
}

/**
 * The team configuration in the ledger database's kv table, validated on read (a damaged value counts as
 * no team). On first use it moves a configuration an older version left in storage.local: written here
 * first, removed there only after that write, so an upgrade never loses the team.
 */
export function ledgerConfigStorage(db: LedgerDb): TeamConfigStorage {
  let migrated: Promise<void> | null = null;
  const migrate = () =>
    (migrated ??= (async () => {
      const legacy = await legacyTeamConfig();
      const raw = await browser.storage.local.get(LEGACY_CONFIG_KEY);
      if (legacy) {
        const current = await withReopen(db, () => db.kv.get(KV_CONFIG));
        if (!teamConfigSchema.safeParse(current?.value).success) await withReopen(db, () => db.kv.put({ key: KV_CONFIG, value: legacy }));
      }
      if (LEGACY_CONFIG_KEY in raw) await browser.storage.local.remove(LEGACY_CONFIG_KEY);
    })().catch((error: unknown) => {
      migrated = null; // try again next time rather than run without the team
      throw error;
    }));
  return {
    async get() {
      await migrate();
      const row = await withReopen(db, () => db.kv.get(KV_CONFIG));
      const parsed = teamConfigSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },
    async set(config) {
      await migrate();
      const value = teamConfigSchema.parse(config);
      await withReopen(db, () => db.kv.put({ key: KV_CONFIG, value }));
    },
    async clear() {
      await migrate();
      await withReopen(db, () => db.kv.delete(KV_CONFIG));
    },
  };
}
