import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTeamService, type TeamService } from '@/lib/sync/engine';
import { memoryTeamStore, type TeamStore } from '@/lib/sync/store';
import { blindId, deriveTeamKeys, generateTeamKey, sealEntry } from '@/lib/sync/crypto';
import { parseInvite } from '@/lib/sync/invite';
import { TeamSyncError } from '@/lib/sync/errors';
import { LedgerDb } from '@/lib/ledger/db';
import { dexieTeamStore } from '@/lib/sync/team-store';
import { ADMIN, memoryConfig, startCouch, type TestCouch } from './couch-server';

// Every test here talks to a real pouchdb-server (CouchDB protocol) on 127.0.0.1; nothing is mocked.

interface Member {
  service: TeamService;
  store: TeamStore;
  config: ReturnType<typeof memoryConfig>;
  user: { username: string; password: string };
}

function member(user: { username: string; password: string }, extra: Partial<Parameters<typeof createTeamService>[0]> = {}): Member {
  const store = extra.store ?? memoryTeamStore();
  const config = memoryConfig();
  return { service: createTeamService({ store, config, ...extra }), store, config, user };
}

let dbCounter = 0;
/** A fresh team on `couch`: the lead (server admin) creates it and two rep accounts, both reps join. */
async function makeTeam(couch: TestCouch) {
  const db = `team-${++dbCounter}-${Date.now()}`;
  const lead = member(ADMIN);
  const inviteCode = await lead.service.create({ serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db });
  const repA = member({ username: `${db}-anna`, password: 'anna-pw' });
  const repB = member({ username: `${db}-bram`, password: 'bram-pw' });
  for (const rep of [repA, repB]) {
    await lead.service.createRep(rep.user);
    await rep.service.join({ inviteCode, ...rep.user });
  }
  return { db, inviteCode, lead, repA, repB };
}

const objection = { reason: 'Bezwaar per telefoon', scope: 'all' as const, level: 'person' as const, label: 'Jan Jansen (Acme)' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TeamSyncError) return error.code;
    throw error;
  }
  throw new Error('expected a TeamSyncError');
}

describe('team sync against pouchdb-server', () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await startCouch();
  }, 30_000);
  afterAll(async () => {
    await couch?.dispose();
  });

  test('creating a team sets up database, security object and validation; the invite carries the key', async () => {
    const { db, inviteCode, lead } = await makeTeam(couch);
    const invite = parseInvite(inviteCode);
    expect(invite).toMatchObject({ serverUrl: couch.url, db });
    const sec = (await couch.admin('GET', `${db}/_security`)).json as { admins: { names: string[] }; members: { roles: string[] } };
    expect(sec.admins.names).toContain(ADMIN.username);
    expect(sec.members.roles).toContain(`${db}-rep`);
    const ddoc = (await couch.admin('GET', `${db}/_design/outreach-guard`)).json as { keyCheck: string; validate_doc_update: string };
    expect(ddoc.keyCheck).toBe((await deriveTeamKeys(invite.teamKey)).keyCheck);
    expect(ddoc.validate_doc_update).toContain('only team leads may retract');
    expect((await lead.service.status()).role).toBe('lead');
  });

  test("rep A's objection reaches rep B, and B's lookups find it under every identity key", async () => {
    const { repA, repB } = await makeTeam(couch);
    const keys = ['email:jan@acme.nl', 'li-member:ACoAAB1234567890'];
    expect(await repA.service.addEntry(keys, objection)).toBe(2);
    expect(await repB.service.suppressionsFor(['email:jan@acme.nl'])).toEqual([]);
    expect(await repA.service.syncNow()).toMatchObject({ pushed: 2, pulled: 2 });
    const result = await repB.service.syncNow();
    expect(result.pulled).toBe(2);
    const hits = await repB.service.suppressionsFor(['email:other@acme.nl', 'li-member:ACoAAB1234567890']);
    expect(hits).toEqual([
      expect.objectContaining({ identityKey: 'li-member:ACoAAB1234567890', reason: 'Bezwaar per telefoon', recordedBy: repA.user.username, synced: true, keyKind: 'li-member' }),
    ]);
    expect(await repB.service.status()).toMatchObject({ entries: 2, pendingUploads: 0, lastError: null, ignoredEntries: 0 });
  });

  test('a rep cannot delete or change a lead\u2019s entry: the server refuses with 403; the lead can retract', async () => {
    const { db, lead, repA, repB } = await makeTeam(couch);
    await lead.service.addEntry(['email:ceo@bigcorp.nl'], objection);
    await lead.service.syncNow();
    const id = await blindId(await deriveTeamKeys(lead.config.value!.teamKey), 'email:ceo@bigcorp.nl');
    const doc = (await couch.admin('GET', `${db}/${id}`)).json as { _rev: string; v: number; iv: string; ct: string };

    const del = await couch.as(repA.user, 'DELETE', `${db}/${id}?rev=${doc._rev}`);
    expect(del.status).toBe(403);
    const edit = await couch.as(repA.user, 'PUT', `${db}/${id}`, { ...doc, ct: doc.ct.slice(2) });
    expect(edit.status).toBe(403);
    const bulk = await couch.as(repA.user, 'POST', `${db}/_bulk_docs`, { docs: [{ _id: id, _rev: doc._rev, _deleted: true }] });
    expect(bulk.json).toEqual([expect.objectContaining({ id, error: 'forbidden' })]);
    const plain = await couch.as(repA.user, 'PUT', `${db}/${'9'.repeat(64)}`, { name: 'jan@acme.nl' });
    expect(plain.status).toBe(403);
    expect((await couch.admin('GET', `${db}/${id}`)).status).toBe(200);

    // Reps cannot retract through the extension either, and nothing is lost on their side.
    expect(await codeOf(repA.service.retract(['email:ceo@bigcorp.nl']))).toBe('not-team-admin');

    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:ceo@bigcorp.nl'])).toHaveLength(1);
    expect(await lead.service.retract(['email:ceo@bigcorp.nl'])).toBe(1);
    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:ceo@bigcorp.nl'])).toEqual([]);
    expect((await repB.service.status()).entries).toBe(0);
  });

  test('a rep may record the same person again after the lead retracted it (a new objection)', async () => {
    const { lead, repA, repB } = await makeTeam(couch);
    await repA.service.addEntry(['phone:+31612345678'], objection);
    await repA.service.syncNow();
    await lead.service.syncNow();
    await lead.service.retract(['phone:+31612345678']);
    await repA.service.syncNow();
    expect(await repA.service.addEntry(['phone:+31612345678'], { ...objection, reason: 'Opnieuw bezwaar' })).toBe(1);
    expect((await repA.service.syncNow()).pushed).toBe(1);
    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['phone:+31612345678'])).toEqual([expect.objectContaining({ reason: 'Opnieuw bezwaar' })]);
  });

  test('a retraction sticks: a rep holding the old revision cannot put it back in any way, a new objection still can', async () => {
    const { db, lead, repA, repB } = await makeTeam(couch);
    await lead.service.addEntry(['email:ceo@bigcorp.nl'], objection);
    await lead.service.syncNow();
    const id = await blindId(await deriveTeamKeys(lead.config.value!.teamKey), 'email:ceo@bigcorp.nl');
    type Doc = { _id: string; _rev: string; v: number; iv: string; ct: string; past?: string[]; retracted?: boolean };
    const current = async () => (await couch.admin('GET', `${db}/${id}`)).json as Doc;
    const first = await current(); // what every rep downloaded before the retraction
    const { _rev: _firstRev, ...firstBody } = first;
    expect(await lead.service.retract(['email:ceo@bigcorp.nl'])).toBe(1);
    const tombstone = await current();
    expect(tombstone).toMatchObject({ retracted: true, past: [first.iv] });
    expect(tombstone).not.toHaveProperty('ct');

    const replays = [
      await couch.as(repA.user, 'PUT', `${db}/${id}`, firstBody),
      await couch.as(repA.user, 'PUT', `${db}/${id}`, { ...firstBody, _rev: tombstone._rev, past: tombstone.past }),
      await couch.as(repA.user, 'PUT', `${db}/${id}`, { ...firstBody, _rev: tombstone._rev }),
      await couch.as(repA.user, 'DELETE', `${db}/${id}?rev=${tombstone._rev}`),
    ];
    expect(replays.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    // The old revision as a conflicting branch of its own (replication's new_edits: false), which would win.
    const branch = await couch.as(repA.user, 'POST', `${db}/_bulk_docs`, { new_edits: false, docs: [{ ...firstBody, _rev: '99-0123456789abcdef0123456789abcdef' }] });
    expect(JSON.stringify(branch.json)).toContain('forbidden');
    expect(await current()).toMatchObject({ retracted: true });

    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:ceo@bigcorp.nl'])).toEqual([]);

    // The person objects again: a fresh entry (new IV, sealed under the team key) goes over the tombstone.
    expect(await repA.service.addEntry(['email:ceo@bigcorp.nl'], { ...objection, reason: 'Opnieuw bezwaar' })).toBe(1);
    expect((await repA.service.syncNow()).pushed).toBe(1);
    const second = await current();
    expect(second.past).toEqual([first.iv]);
    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:ceo@bigcorp.nl'])).toEqual([expect.objectContaining({ reason: 'Opnieuw bezwaar' })]);

    // Retracted again: neither version can come back, and no client counts either.
    await lead.service.retract(['email:ceo@bigcorp.nl']);
    const again = await current();
    expect(again.past).toEqual([first.iv, second.iv]);
    const { _rev: _secondRev, ...secondBody } = second;
    for (const body of [firstBody, secondBody]) {
      expect((await couch.as(repB.user, 'PUT', `${db}/${id}`, { ...body, _rev: again._rev, past: again.past })).status).toBe(403);
    }
    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:ceo@bigcorp.nl'])).toEqual([]);
    expect((await repB.service.status()).ignoredEntries).toBe(0);
  });

  test('a team made with the older validation function (which deleted entries) gets the current one from its lead', async () => {
    const { db, lead, repA } = await makeTeam(couch);
    const ddoc = (await couch.admin('GET', `${db}/_design/outreach-guard`)).json as Record<string, unknown>;
    const older = `function (newDoc, oldDoc, userCtx, secObj) {
      var roles = userCtx.roles || []; var admins = (secObj && secObj.admins) || {};
      var isAdmin = roles.indexOf('_admin') !== -1 || (admins.names || []).indexOf(userCtx.name) !== -1;
      if (newDoc._deleted) { if (!isAdmin) throw({forbidden: 'only team leads may retract entries'}); return; }
      if (oldDoc && !oldDoc._deleted && !isAdmin) throw({forbidden: 'reps may only add entries'});
      if (newDoc.v !== 1 || typeof newDoc.ct !== 'string' || typeof newDoc.iv !== 'string') throw({forbidden: 'encrypted'});
    }`;
    expect((await couch.admin('PUT', `${db}/_design/outreach-guard`, { ...ddoc, validate_doc_update: older })).status).toBe(201);
    await repA.service.addEntry(['email:jan@acme.nl'], objection);
    await repA.service.syncNow();
    const id = await blindId(await deriveTeamKeys(lead.config.value!.teamKey), 'email:jan@acme.nl');
    const { _rev: _r, ...body } = (await couch.admin('GET', `${db}/${id}`)).json as { _rev: string };

    expect(await lead.service.retract(['email:jan@acme.nl'])).toBe(1);
    expect(((await couch.admin('GET', `${db}/_design/outreach-guard`)).json as { validate_doc_update: string }).validate_doc_update).toContain('a retracted entry cannot be put back');
    expect((await couch.as(repA.user, 'PUT', `${db}/${id}`, body)).status).toBe(403);
  });

  test('an entry the team already lists is not uploaded twice and the outbox empties', async () => {
    const { repA, repB } = await makeTeam(couch);
    await repA.service.addEntry(['email:jan@acme.nl'], objection);
    await repB.service.addEntry(['email:jan@acme.nl'], { ...objection, reason: 'Ook bij mij' });
    await repA.service.syncNow();
    const b = await repB.service.syncNow();
    expect(b.pushed).toBe(0); // refused by the server as a second write of an existing entry: delivered
    expect(await repB.service.status()).toMatchObject({ pendingUploads: 0, rejectedUploads: 0, entries: 1 });
  });

  test('tampered ciphertext and entries sealed under another key are ignored and reported', async () => {
    const { db, inviteCode, repA, repB } = await makeTeam(couch);
    const keys = await deriveTeamKeys(parseInvite(inviteCode).teamKey);
    await repA.service.addEntry(['email:good@acme.nl'], objection);
    await repA.service.syncNow();

    // A rogue member writes an entry under a key of its own; the server cannot tell, the clients can.
    const foreign = await deriveTeamKeys(generateTeamKey());
    const foreignId = await blindId(keys, 'email:victim@acme.nl');
    const foreignDoc = await sealEntry(foreign, foreignId, { ...objection, keyKind: 'email', recordedBy: 'x', recordedAt: new Date().toISOString() });
    expect((await couch.as(repA.user, 'PUT', `${db}/${foreignId}`, foreignDoc)).status).toBe(201);

    // Someone with server access flips ciphertext of a valid entry (an admin passes validation).
    const tamperedId = await blindId(keys, 'email:tampered@acme.nl');
    const sealed = await sealEntry(keys, tamperedId, { ...objection, keyKind: 'email', recordedBy: 'x', recordedAt: new Date().toISOString() });
    const flipped = sealed.ct.slice(0, 10) + (sealed.ct[10] === 'A' ? 'B' : 'A') + sealed.ct.slice(11);
    expect((await couch.admin('PUT', `${db}/${tamperedId}`, { ...sealed, ct: flipped })).status).toBe(201);

    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:good@acme.nl'])).toHaveLength(1);
    expect(await repB.service.suppressionsFor(['email:victim@acme.nl', 'email:tampered@acme.nl'])).toEqual([]);
    expect(await repB.service.status()).toMatchObject({ entries: 1, ignoredEntries: 2, lastError: null });
  });

  test('joining with a wrong team key, wrong password, invalid code or an unknown database fails in plain words', async () => {
    const { db, repA } = await makeTeam(couch);
    const stranger = member(repA.user);
    const wrongKey = (await import('@/lib/sync/invite')).encodeInvite({ serverUrl: couch.url, db, teamKey: generateTeamKey() });
    expect(await codeOf(stranger.service.join({ inviteCode: wrongKey, ...repA.user }))).toBe('key-mismatch');
    const right = (await import('@/lib/sync/invite')).encodeInvite({ serverUrl: couch.url, db, teamKey: repA.config.value!.teamKey });
    expect(await codeOf(stranger.service.join({ inviteCode: right, username: repA.user.username, password: 'nope' }))).toBe('wrong-password');
    expect(await codeOf(stranger.service.join({ inviteCode: 'not a code', ...repA.user }))).toBe('invalid-invite');
    const missing = (await import('@/lib/sync/invite')).encodeInvite({ serverUrl: couch.url, db: 'no-such-team', teamKey: generateTeamKey() });
    expect(await codeOf(stranger.service.join({ inviteCode: missing, ...ADMIN }))).toBe('not-found');
    expect(stranger.config.value).toBeNull();
    expect((await stranger.service.status()).inTeam).toBe(false);
  });

  test('a rep account cannot create a team or rep accounts', async () => {
    const { repA } = await makeTeam(couch);
    const other = member(repA.user);
    expect(await codeOf(other.service.create({ serverUrl: couch.url, ...repA.user, db: 'rogue-team' }))).toBe('not-server-admin');
    expect(await codeOf(repA.service.createRep({ username: 'x', password: 'y' }))).toBe('not-team-admin');
  });

  test('a team is never created over another team\u2019s database', async () => {
    const { db } = await makeTeam(couch);
    const lead2 = member(ADMIN);
    expect(await codeOf(lead2.service.create({ serverUrl: couch.url, ...ADMIN, db }))).toBe('db-exists');
  });

  test('the server stores no plaintext identifier, label, reason or user name', async () => {
    const { db, repA } = await makeTeam(couch);
    const secrets = ['jan.jansen@acme.nl', '+31612345678', 'jan-jansen-acme', 'ACoAAB9876543210', 'acme.nl', 'Jan Jansen', 'Bezwaar', repA.user.username];
    await repA.service.addEntry(['email:jan.jansen@acme.nl', 'phone:+31612345678', 'li-vanity:jan-jansen-acme', 'li-member:ACoAAB9876543210'], objection);
    await repA.service.addEntry(['domain:acme.nl'], { ...objection, level: 'company', label: 'Acme' });
    await repA.service.syncNow();
    const all = await couch.admin('GET', `${db}/_all_docs?include_docs=true`);
    const rows = (all.json as { rows: { id: string }[] }).rows.filter((r) => !r.id.startsWith('_design/'));
    expect(rows).toHaveLength(5);
    const dump = JSON.stringify(all.json).toLowerCase();
    for (const secret of secrets) expect(dump, `server holds "${secret}"`).not.toContain(secret.toLowerCase());
    const changes = JSON.stringify((await couch.admin('GET', `${db}/_changes?include_docs=true`)).json).toLowerCase();
    for (const secret of secrets) expect(changes).not.toContain(secret.toLowerCase());
  });

  test('sync resumes from its checkpoint after the worker dies mid-pull', async () => {
    const { repA, repB } = await makeTeam(couch);
    const keys = Array.from({ length: 25 }, (_, i) => `email:person${i}@acme.nl`);
    await repA.service.addEntry(keys, objection);
    await repA.service.syncNow();

    // First run: the "worker" is killed when it asks for the third page.
    let changesCalls = 0;
    const dying: typeof fetch = async (input, init) => {
      if (String(input).includes('/_changes') && ++changesCalls === 3) throw new TypeError('worker stopped');
      return fetch(input, init);
    };
    const firstRun = createTeamService({ store: repB.store, config: repB.config, fetch: dying, pageSize: 10 });
    await expect(firstRun.syncNow()).rejects.toThrow();
    // Two pages of 10 rows were stored (the design doc is one of those rows and is not an entry).
    const stored = await repB.store.countEntries();
    expect(stored).toBe(19);
    const checkpoint = await repB.store.getCheckpoint();
    expect(checkpoint).toBeDefined();

    // Second run: a new service over the same store starts at the checkpoint, not at 0.
    const sinces: string[] = [];
    const watching: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/_changes')) sinces.push(url.searchParams.get('since') ?? '');
      return fetch(input, init);
    };
    const secondRun = createTeamService({ store: repB.store, config: repB.config, fetch: watching, pageSize: 10 });
    expect((await secondRun.syncNow()).pulled).toBe(25 - stored);
    expect(sinces[0]).toBe(String(checkpoint));
    expect(await repB.store.countEntries()).toBe(25);
    expect(await secondRun.suppressionsFor(['email:person24@acme.nl'])).toHaveLength(1);
  });

  test('with the ledger database: a killed worker resumes from the checkpoint of its last stored page', async () => {
    const { inviteCode, repA, repB } = await makeTeam(couch);
    await repA.service.addEntry(Array.from({ length: 30 }, (_, i) => `phone:+3161234${String(i).padStart(4, '0')}`), objection);
    await repA.service.syncNow();
    const name = `engine-resume-${Date.now()}`;
    const config = memoryConfig();
    let db = new LedgerDb(name);
    let calls = 0;
    const dying: typeof fetch = async (input, init) => {
      if (String(input).includes('/_changes') && ++calls === 2) throw new TypeError('worker stopped');
      return fetch(input, init);
    };
    const first = createTeamService({ store: dexieTeamStore(db), config, fetch: dying, pageSize: 8 });
    await first.join({ inviteCode, ...repB.user });
    await expect(first.syncNow()).rejects.toThrow();
    db.close(); // the worker is gone; a new one opens the database again
    db = new LedgerDb(name);
    const store = dexieTeamStore(db);
    expect(await store.countEntries()).toBe(7); // one page of 8 rows, one of them the design doc
    const second = createTeamService({ store, config, pageSize: 8 });
    expect((await second.syncNow()).pulled).toBe(23);
    expect(await second.suppressionsFor(['phone:+31612340029'])).toHaveLength(1);
    db.close();
  });

  test('"sync now" during a running sync runs once more, so an entry written before the call is pulled', async () => {
    const { repA, repB } = await makeTeam(couch);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let answered!: () => void;
    const firstPageAnswered = new Promise<void>((r) => (answered = r));
    let first = true;
    const slow: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (first && String(input).includes('/_changes')) {
        first = false;
        answered();
        await gate; // the server has answered (without the new entry); we are still "processing"
      }
      return res;
    };
    const b = createTeamService({ store: repB.store, config: repB.config, fetch: slow });
    const running = b.syncNow();
    await firstPageAnswered;
    await repA.service.addEntry(['email:late@acme.nl'], objection);
    await repA.service.syncNow();
    const again = b.syncNow();
    release();
    expect((await running).pulled).toBe(0);
    expect((await again).pulled).toBe(1);
    expect(await b.suppressionsFor(['email:late@acme.nl'])).toHaveLength(1);
  });

  test('a company name stays local, a long reason reaches the team shortened, a queue failure shows in the status', async () => {
    const { repA } = await makeTeam(couch);
    expect(await repA.service.queueIfInTeam(['company:acme', 'email:jan@acme.nl'], { ...objection, reason: 'x'.repeat(1500) })).toBe(true);
    expect(await repA.service.status()).toMatchObject({ pendingUploads: 1, lastError: null });
    const [entry] = await repA.service.suppressionsFor(['email:jan@acme.nl']);
    expect((entry as { reason: string }).reason).toHaveLength(1000);
    // A store that cannot take the entry: the personal one is stored elsewhere; the team status must say so.
    const broken = member(repA.user, { store: { ...repA.store, queue: async () => Promise.reject(new Error('disk full')) } });
    broken.config.value = repA.config.value;
    await expect(broken.service.queueIfInTeam(['email:piet@acme.nl'], objection)).rejects.toThrow('disk full');
    expect((await broken.service.status()).lastError).toMatchObject({ code: 'not-queued', nl: expect.stringContaining('niet voor het team') });
  });

  test('leaving first delivers entries still waiting for upload, so the team does hear of them', async () => {
    const { repA, repB } = await makeTeam(couch);
    await repA.service.queueIfInTeam(['email:vertrek@acme.nl'], objection);
    await repA.service.leave();
    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:vertrek@acme.nl'])).toHaveLength(1);
  });

  test('leaving forgets the team: credentials, entries and lookups', async () => {
    const { repB, repA } = await makeTeam(couch);
    await repA.service.addEntry(['email:jan@acme.nl'], objection);
    await repA.service.syncNow();
    await repB.service.syncNow();
    await repB.service.leave();
    expect(repB.config.value).toBeNull();
    expect(await repB.service.suppressionsFor(['email:jan@acme.nl'])).toEqual([]);
    expect(await repB.service.status()).toMatchObject({ inTeam: false, entries: 0, pendingUploads: 0 });
    expect(await repB.service.queueIfInTeam(['email:x@y.nl'], objection)).toBe(false);
  });

  test('a missing host permission is named as such when the server cannot be reached', async () => {
    const { inviteCode, repA } = await makeTeam(couch);
    const closed = inviteCode; // same invite, but fetch fails as it does without the permission (CORS)
    const noAccess = member(repA.user, {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      hasHostPermission: async () => false,
    });
    expect(await codeOf(noAccess.service.join({ inviteCode: closed, ...repA.user }))).toBe('permission-missing');
  });
});

describe('offline: the server is down', () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await startCouch({ inMemory: false });
  }, 30_000);
  afterAll(async () => {
    await couch?.dispose();
  });

  test('entries queue locally, back-off grows, and they are delivered when the server is back', async () => {
    const { repA, repB } = await makeTeam(couch);
    let clock = new Date('2026-11-30T09:00:00Z');
    const offline = createTeamService({ store: repA.store, config: repA.config, now: () => clock });

    await couch.stop();
    expect(await offline.addEntry(['email:jan@acme.nl'], objection)).toBe(1);
    // Local lookups see the entry at once, even before the team has it.
    expect(await offline.suppressionsFor(['email:jan@acme.nl'])).toEqual([expect.objectContaining({ synced: false })]);
    expect(await codeOf(offline.syncNow())).toBe('unreachable');
    let status = await offline.status();
    expect(status).toMatchObject({ pendingUploads: 1, lastError: expect.objectContaining({ code: 'unreachable' }) });
    expect(status.lastError!.nl).toMatch(/niet bereikbaar/);
    expect(status.nextAttemptAt).toBe('2026-11-30T09:01:00.000Z');

    // Within the back-off the alarm does not try; after it, it tries (and fails again: 2 minutes next).
    clock = new Date('2026-11-30T09:00:30Z');
    expect(await offline.syncIfDue()).toBeNull();
    expect((await offline.status()).lastError!.at).toBe('2026-11-30T09:00:00.000Z');
    clock = new Date('2026-11-30T09:01:05Z');
    expect(await offline.syncIfDue()).toBeNull();
    status = await offline.status();
    expect(status.nextAttemptAt).toBe('2026-11-30T09:03:05.000Z');
    expect(status.pendingUploads).toBe(1);

    await couch.start();
    clock = new Date('2026-11-30T09:03:10Z');
    expect(await offline.syncIfDue()).toMatchObject({ pushed: 1, pulled: 1 });
    expect(await offline.status()).toMatchObject({ pendingUploads: 0, lastError: null, nextAttemptAt: null, lastSyncAt: '2026-11-30T09:03:10.000Z' });
    await repB.service.syncNow();
    expect(await repB.service.suppressionsFor(['email:jan@acme.nl'])).toHaveLength(1);
  }, 60_000);
});
