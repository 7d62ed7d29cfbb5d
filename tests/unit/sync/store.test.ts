import { describe, expect, test } from 'vitest';
import { LedgerDb } from '@/lib/ledger/db';
import { dexieTeamStore } from '@/lib/sync/team-store';
import { memoryTeamStore, type TeamEntryRow, type TeamStore } from '@/lib/sync/store';
import type { TeamDoc } from '@/lib/sync/crypto';

// Both stores keep the same promises; the engine is tested over both.

let dbCounter = 0;
const stores: [string, () => { store: TeamStore; reopen?: () => TeamStore }][] = [
  ['memory', () => ({ store: memoryTeamStore() })],
  [
    'dexie (ledger database)',
    () => {
      const name = `team-store-test-${++dbCounter}`;
      const db = new LedgerDb(name);
      return {
        store: dexieTeamStore(db),
        reopen: () => {
          db.close();
          return dexieTeamStore(new LedgerDb(name));
        },
      };
    },
  ],
];

const row = (id: string, rev?: string): TeamEntryRow => ({
  id,
  keyKind: 'email',
  payload: { keyKind: 'email', reason: 'bezwaar', scope: 'all', level: 'person', recordedBy: 'anna', recordedAt: '2026-11-29T10:00:00.000Z' },
  ...(rev ? { rev } : {}),
});
const doc = (id: string): TeamDoc => ({ _id: id, v: 1, iv: 'aaaaaaaaaaaaaaaa', ct: 'bbbb' });
const hexId = (n: number) => n.toString(16).padStart(64, '0');

describe.each(stores)('team store: %s', (_name, make) => {
  test('a page and its checkpoint are stored together; deletions remove entries', async () => {
    const { store } = make();
    expect(await store.getCheckpoint()).toBeUndefined();
    await store.applyPage([row(hexId(1), '1-a'), row(hexId(2), '1-b')], [], '2-opaque-seq');
    expect(await store.getCheckpoint()).toBe('2-opaque-seq');
    await store.applyPage([], [hexId(1)], 7);
    expect(await store.getCheckpoint()).toBe(7);
    expect(await store.countEntries()).toBe(1);
    const [gone, kept, never] = await store.getEntries([hexId(1), hexId(2), hexId(3)]);
    expect(gone).toBeUndefined();
    expect(kept).toEqual(row(hexId(2), '1-b'));
    expect(never).toBeUndefined();
  });

  test('all entries, pulled and queued, are there for the list page', async () => {
    const { store } = make();
    await store.applyPage([row(hexId(1), '1-a')], [], 1);
    await store.queue([row(hexId(2))], [doc(hexId(2))], '2026-11-29T10:00:00.000Z');
    const all = await store.allEntries();
    expect(all.sort((a, b) => a.id.localeCompare(b.id))).toEqual([row(hexId(1), '1-a'), row(hexId(2))]);
  });

  test('queued entries are visible at once and their documents wait in order in the outbox', async () => {
    const { store } = make();
    await store.queue([row(hexId(5)), row(hexId(6))], [doc(hexId(5)), doc(hexId(6))], '2026-11-29T10:00:00.000Z');
    await store.queue([row(hexId(7))], [doc(hexId(7))], '2026-11-29T10:01:00.000Z');
    expect((await store.getEntries([hexId(6)]))[0]?.rev).toBeUndefined();
    expect(await store.countOutbox()).toBe(3);
    const first = await store.peekOutbox(2);
    expect(first.map((r) => r.doc._id)).toEqual([hexId(5), hexId(6)]);
    await store.dropOutbox(first.map((r) => r.seq));
    expect((await store.peekOutbox(10)).map((r) => r.doc._id)).toEqual([hexId(7)]);
  });

  test('clear forgets entries, outbox, checkpoint and team status', async () => {
    const { store } = make();
    await store.applyPage([row(hexId(1), '1-a')], [], 3);
    await store.queue([row(hexId(2))], [doc(hexId(2))], 'x');
    await store.setKv('team.status', { lastSyncAt: 'x' });
    await store.clear();
    expect(await store.countEntries()).toBe(0);
    expect(await store.countOutbox()).toBe(0);
    expect(await store.getCheckpoint()).toBeUndefined();
    expect(await store.getKv('team.status')).toBeUndefined();
  });

});

describe('team store: dexie', () => {
  test('what was stored survives a restart of the worker', async () => {
    const { store, reopen } = stores[1]![1]();
    await store.applyPage([row(hexId(1), '1-a')], [], '9-seq');
    await store.queue([row(hexId(2))], [doc(hexId(2))], 'x');
    const again = reopen!();
    expect(await again.getCheckpoint()).toBe('9-seq');
    expect(await again.countEntries()).toBe(2);
    expect((await again.peekOutbox(5)).map((r) => r.doc._id)).toEqual([hexId(2)]);
  });

  test('a connection closed under it (worker woke up after the database was closed) is reopened', async () => {
    const db = new LedgerDb(`team-store-closed-${Date.now()}`);
    const store = dexieTeamStore(db);
    await store.applyPage([row(hexId(1), '1-a')], [], 1);
    db.close();
    expect(await store.countEntries()).toBe(1);
    await store.applyPage([row(hexId(2), '1-b')], [], 2);
    expect(await store.getCheckpoint()).toBe(2);
  });
});
