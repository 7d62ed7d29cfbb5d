import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Handlers } from '@/lib/background/router';
import { keysForEntry, startTeamSync, teamHandlers } from '@/lib/background/team-handlers';
import { LedgerDb } from '@/lib/ledger/db';
import { queueTeamEntry, setDefaultTeamService, teamSuppressionsFor } from '@/lib/sync/default-service';
import { TEAM_SYNC_ALARM } from '@/lib/sync/engine';
import { generateTeamKey } from '@/lib/sync/crypto';
import { ADMIN, startCouch, type TestCouch } from './couch-server';

// The team/* requests through the background's real router, with WXT's fakeBrowser (storage, alarms),
// the ledger database on fake-indexeddb, and a real pouchdb-server.

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const EXT = { id: fakeBrowser.runtime.id, base: 'chrome-extension://test-id/' };
let n = 0;

function background() {
  const db = new LedgerDb(`team-handlers-${++n}`);
  const team = startTeamSync({ db });
  const handlers = new Proxy(teamHandlers({ team }) as Handlers, {
    get: (target, type: string) => (target as Record<string, unknown>)[type] ?? (async () => ({})),
  });
  const route = createRouter(handlers, { extensionId: EXT.id, extensionBaseUrl: EXT.base });
  const page = { id: EXT.id, url: `${EXT.base}options.html` };
  const ask = (message: unknown) => route(message, page) as Promise<{ ok: boolean; result?: any; error?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return { ask, route, team, db };
}

describe('team requests through the router', () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await startCouch();
  }, 30_000);
  afterAll(async () => {
    setDefaultTeamService(null);
    await couch?.dispose();
  });

  test('lead creates a team and a rep account; the rep joins with team/join and sees the lead\u2019s entries', async () => {
    const lead = background();
    const created = await lead.ask({ type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'sales-nl' });
    expect(created.ok).toBe(true);
    const inviteCode: string = created.result.inviteCode;
    expect((await lead.ask({ type: 'team/invite' })).result.inviteCode).toBe(inviteCode);
    expect((await lead.ask({ type: 'team/create-rep', username: 'rep-sanne', password: 'sanne-wachtwoord' })).ok).toBe(true);
    const added = await lead.ask({
      type: 'team/add-entry',
      identity: { emails: ['  Jan.Jansen@ACME.nl '], linkedin: { profileUrl: 'https://www.linkedin.com/in/jan-jansen-acme/' } },
      reason: 'Bezwaar via e-mail',
      scope: 'all',
      level: 'person',
    });
    expect(added).toEqual({ ok: true, result: { queued: 2 } });
    expect((await lead.ask({ type: 'team/sync-now' })).ok).toBe(true);

    fakeBrowser.reset(); // a second browser profile: its own storage
    const rep = background();
    const joined = await rep.ask({ type: 'team/join', inviteCode, username: 'rep-sanne', password: 'sanne-wachtwoord' });
    expect(joined).toEqual({ ok: true, result: { joined: true } });
    // Credentials are kept in the extension's IndexedDB (background only), never in storage.local,
    // which every content script can read and change.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await rep.db.kv.get('teamConfig'))?.value).toMatchObject({ username: 'rep-sanne', role: 'rep' });
    await rep.ask({ type: 'team/sync-now' });
    const status = await rep.ask({ type: 'team/status' });
    expect(status.result).toMatchObject({ inTeam: true, role: 'rep', entries: 2, pendingUploads: 0, lastError: null });
    expect(status.result.lastSyncAt).toEqual(expect.any(String));

    // The verdict service's lookup: normalised keys find the entry; other people do not.
    expect(await teamSuppressionsFor(['email:jan.jansen@acme.nl'])).toEqual([expect.objectContaining({ reason: 'Bezwaar via e-mail', level: 'person' })]);
    expect(await teamSuppressionsFor(['li-vanity:jan-jansen-acme'])).toHaveLength(1);
    expect(await teamSuppressionsFor(['email:piet@acme.nl'])).toEqual([]);

    // A rep may not retract.
    const retract = await rep.ask({ type: 'team/retract', identity: { emails: ['jan.jansen@acme.nl'] } });
    expect(retract.ok).toBe(false);
    expect(retract.error.code).toBe('not-team-admin');
  });

  test('a personal objection recorded while in a team is queued for the team and uploaded', async () => {
    const lead = background();
    const created = await lead.ask({ type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'sales-be' });
    expect(created.ok).toBe(true);
    expect(await queueTeamEntry(['email:boos@klant.nl'], { reason: 'Persoonlijk bezwaar', scope: 'email', level: 'person' })).toBe(true);
    expect(await teamSuppressionsFor(['email:boos@klant.nl'])).toEqual([expect.objectContaining({ scope: 'email' })]);
    await lead.ask({ type: 'team/sync-now' });
    const status = (await lead.ask({ type: 'team/status' })).result;
    expect(status).toMatchObject({ entries: 1, pendingUploads: 0 });
    const docs = (await couch.admin('GET', 'sales-be/_all_docs')).json as { total_rows: number };
    expect(docs.total_rows).toBe(2); // the entry and the design doc
  });

  test('not in a team: lookups are empty, a personal objection is not queued, sync says so in plain words', async () => {
    const solo = background();
    expect(await teamSuppressionsFor(['email:jan@acme.nl'])).toEqual([]);
    expect(await queueTeamEntry(['email:jan@acme.nl'], { reason: 'x', scope: 'all', level: 'person' })).toBe(false);
    const res = await solo.ask({ type: 'team/sync-now' });
    expect(res).toMatchObject({ ok: false, error: { code: 'not-in-team' } });
    expect(res.error.message).toMatch(/geen lid van een team/);
  });

  test('what a content script can do to storage.local (read, remove, clear) neither reveals nor removes the team', async () => {
    const lead = background();
    expect((await lead.ask({ type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'sales-cs' })).ok).toBe(true);
    await lead.ask({ type: 'team/add-entry', identity: { emails: ['bezwaar@klant.nl'] }, reason: 'Bezwaar', scope: 'all', level: 'person' });
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain(ADMIN.password);
    expect(everything).not.toContain('teamKey');
    await fakeBrowser.storage.local.remove('teamConfig');
    await fakeBrowser.storage.local.clear();
    expect((await lead.ask({ type: 'team/status' })).result).toMatchObject({ inTeam: true, role: 'lead', entries: 1 });
    expect(await teamSuppressionsFor(['email:bezwaar@klant.nl'])).toHaveLength(1);
  });

  test('an upgrade moves the configuration an older version kept in storage.local, without losing the team', async () => {
    const legacy = { v: 1, serverUrl: couch.url, db: 'sales-old', teamKey: generateTeamKey(), username: 'rep-oud', password: 'oud-wachtwoord', role: 'rep' };
    await fakeBrowser.storage.local.set({ teamConfig: legacy, 'pending-events': [] });
    const rep = background();
    expect((await rep.ask({ type: 'team/status' })).result).toMatchObject({ inTeam: true, role: 'rep', username: 'rep-oud', db: 'sales-old' });
    expect((await rep.db.kv.get('teamConfig'))?.value).toEqual(legacy);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'pending-events': [] }); // only the secret moved
    await fakeBrowser.storage.local.remove('pending-events');
  });

  test('an entry without a usable identifier is refused and names the field', async () => {
    const page = background();
    const res = await page.ask({ type: 'team/add-entry', identity: { emails: ['geen adres'] }, reason: 'x', scope: 'all', level: 'person' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-identity', where: 'identity' } });
  });

  test('an invalid invite code is refused with "invalid invite code"', async () => {
    const rep = background();
    const res = await rep.ask({ type: 'team/join', inviteCode: 'eyJ2IjoxfQ', username: 'a', password: 'b' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-invite' } });
    expect(res.error.message).toContain('invalid invite code');
  });

  test('a web page (content script) may not send team requests', async () => {
    const { route } = background();
    const res = await route({ type: 'team/status' }, { id: EXT.id, url: 'https://www.linkedin.com/feed/', tab: { id: 1, url: 'https://www.linkedin.com/feed/' }, frameId: 0 });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
  });

  test('the team-sync alarm runs twice a minute and syncs when it fires', async () => {
    const lead = background();
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 0.5 });
    await lead.ask({ type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: 'sales-de' });
    await lead.ask({ type: 'team/add-entry', identity: { domains: ['concurrent.de'] }, reason: 'Klant van partner', scope: 'all', level: 'company' });
    const status = async () => (await lead.ask({ type: 'team/status' })).result;
    await waitFor(async () => (await status()).lastSyncAt !== null); // the sync the add started
    expect(await status()).toMatchObject({ entries: 1, ignoredEntries: 0 });
    await couch.admin('PUT', `sales-de/${'a'.repeat(64)}`, { v: 1, iv: 'x', ct: 'y' }); // a change only an alarm-driven pull sees
    await fakeBrowser.alarms.onAlarm.trigger({ name: TEAM_SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 1 });
    await waitFor(async () => (await status()).ignoredEntries > 0);
    expect(await status()).toMatchObject({ entries: 1, ignoredEntries: 1, pendingUploads: 0 });
  });
});

describe('which identity keys an entry covers', () => {
  test('a person entry covers the person\u2019s own identifiers, never their company\u2019s domain', () => {
    const keys = keysForEntry({ emails: ['Jan@Acme.nl'], phones: ['06 12345678'], linkedin: { profileUrl: 'https://www.linkedin.com/in/jan-j/' }, domains: ['acme.nl'] }, 'person');
    expect(keys.sort()).toEqual(['email:jan@acme.nl', 'li-vanity:jan-j', 'phone:+31612345678']);
  });

  test('a company entry covers the domain, also when only an e-mail address was given', () => {
    expect(keysForEntry({ emails: ['inkoop@Bedrijf.NL'] }, 'company')).toEqual(['domain:bedrijf.nl']);
    expect(keysForEntry({ domains: ['https://www.bedrijf.nl/contact'], phones: ['0612345678'] }, 'company')).toEqual(['domain:bedrijf.nl']);
  });

  test('nothing usable gives no keys (the request is refused)', () => {
    expect(keysForEntry({ emails: ['not an address'] }, 'person')).toEqual([]);
  });
});
