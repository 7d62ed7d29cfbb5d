import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ask, launchExtension, protocolPage, type Extension } from '../harness';
import { ADMIN, startCouch, type TestCouch } from '../../unit/sync/couch-server';
import type { Page } from 'playwright-core';
import { WebmailPage } from '../webmail/webmail-pages';

// Two extension instances (two Chromium profiles) in one team on a real CouchDB-protocol server
// (pouchdb-server on 127.0.0.1). Rep A records an objection; rep B's background must have it within a
// minute, through its own alarm-driven sync, without anyone pressing "sync now" on B, and B's send to
// that person in Gmail is held.

interface TeamStatus {
  inTeam: boolean;
  entries: number;
  pendingUploads: number;
  lastSyncAt: string | null;
  lastError: { code: string; nl: string; en: string } | null;
}

async function allowServer(ext: Extension, couch: TestCouch) {
  // The harness aborts all http(s) traffic; the team server on 127.0.0.1 is the one exception.
  await ext.context.route(`${couch.url}/**`, (route) => route.continue());
}

describe('team sync between two browsers', () => {
  let couch: TestCouch;
  let a: Extension;
  let b: Extension;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    couch = await startCouch();
    a = await launchExtension();
    b = await launchExtension();
    await allowServer(a, couch);
    await allowServer(b, couch);
    pageA = await protocolPage(a);
    pageB = await protocolPage(b);
  }, 90_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await couch?.dispose();
  });

  test('a lead creates the team, reps join in two browsers; A\u2019s objection holds B\u2019s send to that person within 60 s', async () => {
    // Browser A is the lead's first (server admin) and creates the team and two rep accounts.
    const { inviteCode } = await ask<{ inviteCode: string }>(pageA, {
      type: 'team/create',
      serverUrl: couch.url,
      username: ADMIN.username,
      password: ADMIN.password,
      db: 'team-e2e',
    });
    await ask(pageA, { type: 'team/create-rep', username: 'rep-anna', password: 'anna-wachtwoord' });
    await ask(pageA, { type: 'team/create-rep', username: 'rep-bram', password: 'bram-wachtwoord' });
    await ask(pageA, { type: 'team/join', inviteCode, username: 'rep-anna', password: 'anna-wachtwoord' });
    expect(await ask(pageB, { type: 'team/join', inviteCode, username: 'rep-bram', password: 'bram-wachtwoord' })).toEqual({ joined: true });
    await expect(ask(pageB, { type: 'team/join', inviteCode: 'garbage', username: 'rep-bram', password: 'x' })).rejects.toThrow(/invalid invite code/);
    await expect(ask(pageB, { type: 'team/join', inviteCode, username: 'rep-bram', password: 'wrong' })).rejects.toThrow(/wrong-password/);

    // Let B finish its first sync, so what follows can only arrive through a later (alarm) sync.
    await expect.poll(async () => (await ask<TeamStatus>(pageB, { type: 'team/status' })).lastSyncAt, { timeout: 20_000 }).not.toBeNull();
    expect((await ask<TeamStatus>(pageB, { type: 'team/status' })).entries).toBe(0);

    // Before A's objection, B's check of Jan finds no objection.
    const before = await ask<{ findings: { code: string }[] }>(pageB, { type: 'lookup/verdict', email: 'jan.jansen@acme.nl', channel: 'email' });

    // A records a personal objection in the composer's way; being in a team, it is shared at once.
    const recordedAt = Date.now();
    await ask(pageA, {
      type: 'suppression/add-for-recipients',
      recipients: [{ key: 'to:Jan.Jansen@acme.nl', email: 'Jan.Jansen@acme.nl' }],
      scope: 'all',
      reason: 'Bezwaar per telefoon',
    });
    await expect.poll(async () => (await ask<TeamStatus>(pageA, { type: 'team/status' })).entries, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await ask<TeamStatus>(pageA, { type: 'team/status' })).pendingUploads, { timeout: 15_000 }).toBe(0);

    // B gets it through its own alarm-driven sync (every 30 s), without anyone pressing "sync now".
    await expect
      .poll(async () => (await ask<TeamStatus>(pageB, { type: 'team/status' })).entries, { timeout: 60_000, interval: 1000 })
      .toBe(1);
    const after = await ask<{ decision: string; findings: { code: string }[] }>(pageB, { type: 'lookup/verdict', email: 'jan.jansen@acme.nl', channel: 'email' });
    const newCodes = after.findings.map((f) => f.code).filter((c) => !before.findings.some((f) => f.code === c));
    expect(newCodes.length, 'the team objection adds a finding for B').toBeGreaterThan(0);
    expect(after.decision).toBe('block');

    // And B's mail to Jan in Gmail is held, and nothing leaves.
    const mail = await WebmailPage.gmail(b, 'gmail-new-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await mail.sent()).toHaveLength(0);
    expect(Date.now() - recordedAt, 'held within 60 s of the objection').toBeLessThan(60_000);
    const statusB = await ask<TeamStatus>(pageB, { type: 'team/status' });
    expect(statusB).toMatchObject({ inTeam: true, pendingUploads: 0, lastError: null });

    // The server holds no plaintext.
    const dump = JSON.stringify((await couch.admin('GET', 'team-e2e/_all_docs?include_docs=true')).json).toLowerCase();
    expect(dump).not.toContain('jansen');
    expect(dump).not.toContain('acme');
  }, 150_000);
});
