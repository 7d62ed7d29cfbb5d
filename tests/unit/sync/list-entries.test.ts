import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Handlers } from '@/lib/background/router';
import { keysForEntry, teamHandlers } from '@/lib/background/team-handlers';
import { LedgerDb } from '@/lib/ledger/db';
import { dexieTeamStore } from '@/lib/sync/team-store';
import { blindId, deriveTeamKeys, generateTeamKey, type TeamPayload } from '@/lib/sync/crypto';
import { createTeamService, type TeamConfig, type TeamConfigStorage } from '@/lib/sync/engine';
import { ADMIN, startCouch, type TestCouch } from './couch-server';

// team/list-entries and team/retract by listed ids, through the background's real router, over the
// ledger's team store on fake-indexeddb. Only the retract tests need a (real) CouchDB-protocol server.

function memoryConfig(value: TeamConfig | null = null): TeamConfigStorage {
  let current = value;
  return {
    get: async () => current,
    set: async (c) => void (current = structuredClone(c)),
    clear: async () => void (current = null),
  };
}

const EXT = { id: fakeBrowser.runtime.id, base: 'chrome-extension://test-id/' };
let n = 0;

function background(config: TeamConfigStorage) {
  const db = new LedgerDb(`team-list-${++n}`);
  const store = dexieTeamStore(db);
  let clock = new Date('2026-03-01T09:00:00Z');
  const team = createTeamService({ store, config, now: () => clock });
  const handlers = new Proxy(teamHandlers({ team }) as Handlers, {
    get: (target, type: string) => (target as Record<string, unknown>)[type] ?? (async () => ({})),
  });
  const route = createRouter(handlers, { extensionId: EXT.id, extensionBaseUrl: EXT.base });
  const ask = (message: unknown) =>
    route(message, { id: EXT.id, url: `${EXT.base}options.html` }) as Promise<{ ok: boolean; result?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return { ask, route, team, store, setClock: (iso: string) => void (clock = new Date(iso)) };
}

function leadConfig(teamKey = generateTeamKey()): TeamConfig {
  return { v: 1, serverUrl: 'http://127.0.0.1:9', db: 'sales', teamKey, username: 'lead-lisa', password: 'x', role: 'lead' };
}

describe('team/list-entries over the stored team list', () => {
  test('lists entries newest first, one item per recorded person, with who, when, scope, level and sync state', async () => {
    const config = leadConfig();
    const bg = background(memoryConfig(config));
    // Pulled from the server earlier (has a rev): recorded by a rep on 1 February.
    const keys = await deriveTeamKeys(config.teamKey);
    const pulledId = await blindId(keys, 'domain:concurrent.nl');
    const pulled: TeamPayload = { keyKind: 'domain', reason: 'Klant van partner', scope: 'all', level: 'company', recordedBy: 'rep-sanne', recordedAt: '2026-02-01T10:00:00.000Z', label: 'concurrent.nl' };
    await bg.store.applyPage([{ id: pulledId, keyKind: 'domain', payload: pulled, rev: '1-abc' }], [], 5);
    // Recorded here just now, still waiting for upload: one person with an e-mail and a LinkedIn profile.
    bg.setClock('2026-03-01T09:00:00Z');
    const added = await bg.ask({
      type: 'team/add-entry',
      identity: { emails: ['jan.jansen@acme.nl'], linkedin: { profileUrl: 'https://www.linkedin.com/in/jan-jansen-acme/' } },
      reason: 'Bezwaar per telefoon',
      scope: 'email',
      level: 'person',
      label: 'j•••@acme.nl',
    });
    expect(added).toMatchObject({ ok: true, result: { queued: 2 } });

    const res = await bg.ask({ type: 'team/list-entries', offset: 0, limit: 50 });
    expect(res.ok).toBe(true);
    expect(res.result.total).toBe(2);
    expect(res.result.items).toEqual([
      expect.objectContaining({
        label: 'j•••@acme.nl',
        reason: 'Bezwaar per telefoon',
        scope: 'email',
        level: 'person',
        recordedBy: 'lead-lisa',
        recordedAt: '2026-03-01T09:00:00.000Z',
        synced: false,
        keyKinds: expect.arrayContaining(['email', 'li-vanity']),
      }),
      expect.objectContaining({ id: pulledId, ids: [pulledId], label: 'concurrent.nl', recordedBy: 'rep-sanne', level: 'company', synced: true }),
    ]);
    expect(res.result.items[0].ids).toHaveLength(2);
    expect(res.result.items[0].ids).toContain(res.result.items[0].id);
    // The list carries blinded ids and the display label only, never an identifier.
    const text = JSON.stringify(res.result);
    expect(text).not.toContain('jan.jansen@acme.nl');
    expect(text).not.toContain('jan-jansen-acme');
  });

  test('pages through the list with offset and limit; the total counts every item', async () => {
    const bg = background(memoryConfig(leadConfig()));
    for (let day = 1; day <= 5; day++) {
      bg.setClock(`2026-04-0${day}T12:00:00Z`);
      await bg.team.addEntry(keysForEntry({ emails: [`persoon${day}@klant.nl`] }, 'person'), { reason: `bezwaar ${day}`, scope: 'all', level: 'person' });
    }
    const first = (await bg.ask({ type: 'team/list-entries', offset: 0, limit: 2 })).result;
    const second = (await bg.ask({ type: 'team/list-entries', offset: 2, limit: 2 })).result;
    const last = (await bg.ask({ type: 'team/list-entries', offset: 4, limit: 2 })).result;
    expect([first.total, second.total, last.total]).toEqual([5, 5, 5]);
    expect([...first.items, ...second.items, ...last.items].map((i: { reason: string }) => i.reason)).toEqual(['bezwaar 5', 'bezwaar 4', 'bezwaar 3', 'bezwaar 2', 'bezwaar 1']);
  });

  test('an empty list when not in a team', async () => {
    const bg = background(memoryConfig(null));
    expect(await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).toEqual({ ok: true, result: { total: 0, items: [] } });
  });

  test('a bad page request is refused by the schema', async () => {
    const bg = background(memoryConfig(leadConfig()));
    expect((await bg.ask({ type: 'team/list-entries', offset: -1, limit: 10 })).ok).toBe(false);
    expect((await bg.ask({ type: 'team/list-entries', offset: 0, limit: 100_000 })).ok).toBe(false);
  });

  test('a web page (content script) may not list the team\u2019s entries', async () => {
    const bg = background(memoryConfig(leadConfig()));
    await bg.team.addEntry(['email:jan@acme.nl'], { reason: 'x', scope: 'all', level: 'person' });
    const res = await bg.route(
      { type: 'team/list-entries', offset: 0, limit: 10 },
      { id: EXT.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3, url: 'https://mail.google.com/mail/u/0/' }, frameId: 0 },
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
  });

  test('a rep may not retract listed entries, and the entry stays', async () => {
    const bg = background(memoryConfig({ ...leadConfig(), role: 'rep', username: 'rep-sanne' }));
    await bg.team.addEntry(['email:jan@acme.nl'], { reason: 'x', scope: 'all', level: 'person' });
    const [item] = (await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result.items;
    const res = await bg.ask({ type: 'team/retract', ids: item.ids });
    expect(res).toMatchObject({ ok: false, error: { code: 'not-team-admin' } });
    expect((await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result.total).toBe(1);
  });

  test('a retract that cannot reach the server changes nothing: the queued entry and its upload stay', async () => {
    const bg = background(memoryConfig(leadConfig())); // the server address has nothing listening
    await bg.team.addEntry(['email:jan@acme.nl'], { reason: 'Bezwaar', scope: 'all', level: 'person' });
    const [item] = (await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result.items;
    const res = await bg.ask({ type: 'team/retract', ids: item.ids });
    expect(res).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(res.error.message).toMatch(/\(.+\)$/); // Dutch, then English in brackets
    expect((await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result.items).toEqual([item]);
    expect(await bg.store.countOutbox()).toBe(1);
  });

  test('a retract that names nothing is refused in plain words', async () => {
    const bg = background(memoryConfig(leadConfig()));
    const res = await bg.ask({ type: 'team/retract' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-identity' } });
    expect(res.error.message).toContain('Say which entry to retract');
  });
});

describe('the lead retracts a listed entry on a real CouchDB-protocol server', () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await startCouch();
  }, 30_000);
  afterAll(async () => couch?.dispose());

  test('a synced entry is retracted on the server (a tombstone) and leaves the list', async () => {
    const bg = background(memoryConfig());
    expect((await bg.ask({ type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'list-retract' })).ok).toBe(true);
    await bg.team.addEntry(keysForEntry({ emails: ['jan@acme.nl'], phones: ['0612345678'] }, 'person'), { reason: 'Bezwaar', scope: 'all', level: 'person' });
    await bg.team.addEntry(['domain:blijft.nl'], { reason: 'Blijft staan', scope: 'all', level: 'company' });
    await bg.team.syncNow();
    const before = (await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result;
    expect(before.items.map((i: { synced: boolean }) => i.synced)).toEqual([true, true]);
    const jan = before.items.find((i: { reason: string }) => i.reason === 'Bezwaar');

    expect(await bg.ask({ type: 'team/retract', ids: jan.ids })).toEqual({ ok: true, result: { retracted: 2 } });
    // A tombstone rather than a deletion, so that nobody can put the old revision back.
    for (const id of jan.ids) expect((await couch.admin('GET', `list-retract/${id}`)).json).toMatchObject({ retracted: true, past: [expect.any(String)] });
    await bg.team.syncNow(); // the retractions come back through _changes and must not resurrect anything
    const after = (await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result;
    expect(after.items.map((i: { reason: string }) => i.reason)).toEqual(['Blijft staan']);
  });

  test('an entry still waiting for upload is retracted and never reaches the server', async () => {
    const bg = background(memoryConfig());
    expect((await bg.ask({ type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'list-retract-queued' })).ok).toBe(true);
    await bg.team.addEntry(['email:vergissing@klant.nl'], { reason: 'Per ongeluk', scope: 'all', level: 'person' });
    const [item] = (await bg.ask({ type: 'team/list-entries', offset: 0, limit: 10 })).result.items;
    expect(item.synced).toBe(false);
    expect(await bg.ask({ type: 'team/retract', ids: item.ids })).toEqual({ ok: true, result: { retracted: 0 } });
    await bg.team.syncNow();
    expect((await bg.ask({ type: 'team/status' })).result).toMatchObject({ entries: 0, pendingUploads: 0 });
    const docs = (await couch.admin('GET', 'list-retract-queued/_all_docs')).json as { total_rows: number };
    expect(docs.total_rows).toBe(1); // the design doc only
  });
});
