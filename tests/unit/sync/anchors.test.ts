import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUDIT_HEAD_KEY, GENESIS_HASH, hashOfEntry, verifyAuditChain } from '@/lib/ledger/audit';
import { AUDIT_ANCHORS_KEY } from '@/lib/ledger/stores/audit-log';
import type { Ledger } from '@/lib/ledger/repository';
import { anchorDocId, createAnchorService, type AnchorDoc } from '@/lib/sync/anchors';
import { createTeamService } from '@/lib/sync/engine';
import { dexieTeamStore } from '@/lib/sync/team-store';
import { memoryTeamStore } from '@/lib/sync/store';
import { freshLedger, setNow } from '../ledger/helpers';
import { ADMIN, memoryConfig, startCouch, type TestCouch } from './couch-server';

// Audit anchors against a real pouchdb-server (CouchDB protocol) on 127.0.0.1; nothing is mocked.

let teams = 0;
/** A team with its lead and one rep whose ledger has `entries` audit entries and an anchor service. */
async function repWithLedger(couch: TestCouch, entries = 3) {
  const db = `anchors-${++teams}-${Date.now()}`;
  const leadConfig = memoryConfig();
  const lead = createTeamService({ store: memoryTeamStore(), config: leadConfig });
  const inviteCode = await lead.create({ serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db });
  const user = { username: `${db}-anna`, password: 'anna-pw' };
  await lead.createRep(user);
  const config = memoryConfig();
  const ledger = freshLedger('2026-03-01T10:00:00.000Z');
  const team = createTeamService({ store: dexieTeamStore(ledger.db), config });
  await team.join({ inviteCode, ...user });
  for (let i = 1; i <= entries; i++) await ledger.saveContact({ name: `Persoon ${i}`, emails: [`p${i}@acme.nl`] });
  let clock = new Date('2026-03-01T12:00:00.000Z');
  const service = () =>
    createAnchorService({ config, ledger: ledger.auditLog, kv: dexieTeamStore(ledger.db), now: () => clock, chunk: 4 });
  return {
    db,
    user,
    ledger,
    config,
    team,
    lead: { service: lead, config: leadConfig },
    anchors: service(),
    /** a fresh service, as after the background was stopped and started again */
    restart: service,
    setClock(iso: string) {
      clock = new Date(iso);
      setNow(ledger, iso);
    },
  };
}

/**
 * The attack the anchors answer: change entry `seq` and recompute its hash and every later one, and the
 * recorded head, so the chain on its own verifies again. The device's anchor copies are wiped too.
 */
async function rewriteChain(ledger: Ledger, seq: number, patch: { actor?: string; detail?: Record<string, unknown> }) {
  const entries = await ledger.db.audit.orderBy('seq').toArray();
  let prev = GENESIS_HASH;
  for (const e of entries) {
    const base = { ...e, ...(e.seq === seq ? patch : {}), prevHash: prev };
    const { hash: _h, ...rest } = base;
    const hash = hashOfEntry(rest);
    await ledger.db.audit.put({ ...base, hash });
    prev = hash;
  }
  await ledger.db.kv.put({ key: AUDIT_HEAD_KEY, value: { seq: entries.at(-1)!.seq, hash: prev } });
  await ledger.db.kv.delete(AUDIT_ANCHORS_KEY);
}

async function serverAnchorDocs(couch: TestCouch, db: string): Promise<AnchorDoc[]> {
  const res = await couch.admin('GET', `${db}/_all_docs?include_docs=true&startkey=${encodeURIComponent('"anchor:"')}&endkey=${encodeURIComponent('"anchor:\ufff0"')}`);
  return (res.json as { rows: Array<{ doc: AnchorDoc }> }).rows.map((r) => r.doc);
}

describe('audit anchors on the team server', () => {
  let couch: TestCouch;
  beforeAll(async () => {
    couch = await startCouch();
  }, 30_000);
  afterAll(async () => {
    await couch?.dispose();
  });

  test('an export anchors the head and every entry up to it on the server, and keeps a copy on the device', async () => {
    const rep = await repWithLedger(couch, 6);
    const status = await rep.anchors.anchorNow();
    expect(status).toMatchObject({ inTeam: true, anchoredToSeq: 6, pending: 0, lastError: null, head: { seq: 6 } });
    const docs = await serverAnchorDocs(couch, rep.db);
    // Four entries per document in this test: 1–4 and 5–6.
    expect(docs.map((d) => [d.from, d.seq])).toEqual([
      [1, 4],
      [5, 6],
    ]);
    const head = await rep.ledger.auditLog.auditHead();
    expect(docs[1]).toMatchObject({ hash: head!.hash, at: head!.at, anchoredAt: '2026-03-01T12:00:00.000Z' });
    // Nothing in it names the rep: the member is a blinded id.
    expect(JSON.stringify(docs)).not.toContain(rep.user.username);
    expect(await rep.ledger.auditLog.localAnchors()).toHaveLength(2);
    // Nothing new: an export right after adds no anchor.
    await rep.anchors.anchorNow();
    expect(await serverAnchorDocs(couch, rep.db)).toHaveLength(2);
    const server = await rep.anchors.serverAnchors();
    expect(server.reachable).toBe(true);
    expect(await rep.ledger.verifyAudit(server.anchors)).toMatchObject({ ok: true, count: 6, anchors: { checked: 4, coveredToSeq: 6 } });
  });

  test('daily: nothing before a day has passed, then the new entries; a restarted background catches up', async () => {
    const rep = await repWithLedger(couch, 2);
    expect(await rep.anchors.anchorIfDue()).toMatchObject({ anchoredToSeq: 2 }); // never anchored: due at once
    await rep.ledger.saveContact({ name: 'Later', emails: ['later@acme.nl'] });
    rep.setClock('2026-03-02T11:00:00.000Z'); // 23 hours later
    expect(await rep.anchors.anchorIfDue()).toMatchObject({ anchoredToSeq: 2, head: { seq: 3 } });
    // The worker was stopped for days; the alarm missed its time. At start-up it catches up.
    rep.setClock('2026-03-05T09:00:00.000Z');
    const restarted = rep.restart();
    expect(await restarted.anchorIfDue()).toMatchObject({ anchoredToSeq: 3, lastAnchoredAt: '2026-03-05T09:00:00.000Z' });
    expect((await serverAnchorDocs(couch, rep.db)).map((d) => [d.from, d.seq])).toEqual([
      [1, 2],
      [3, 3],
    ]);
  });

  test('an edited entry with every later hash recomputed passes the chain alone, but verify names it against the server anchor', async () => {
    const rep = await repWithLedger(couch, 5);
    await rep.anchors.anchorNow();
    const original = (await rep.ledger.db.audit.get(2))!;
    await rewriteChain(rep.ledger, 2, { actor: 'iemand anders' });
    const entries = await rep.ledger.db.audit.orderBy('seq').toArray();
    expect(verifyAuditChain(entries).ok).toBe(true); // the attack works on the chain alone
    expect(await rep.ledger.verifyAudit()).toMatchObject({ ok: true }); // and on the device, its copies wiped
    const result = await rep.ledger.verifyAudit((await rep.anchors.serverAnchors()).anchors);
    expect(result).toMatchObject({
      ok: false,
      brokenAtSeq: 2,
      code: 'anchor-changed',
      entry: { seq: 2, action: 'contact-created', at: entries[1]!.at },
      anchor: { where: 'server', anchoredAt: '2026-03-01T12:00:00.000Z' },
    });
    // Entries after the last anchor are not covered: editing one of those goes unnoticed (docs/audit-anchors.md).
    await rep.ledger.saveContact({ name: 'Na het anker', emails: ['na@acme.nl'] });
    await rewriteChain(rep.ledger, 2, { actor: original.actor }); // undo: the anchored part matches again
    await rewriteChain(rep.ledger, 6, { actor: 'iemand anders' });
    expect(await rep.ledger.verifyAudit((await rep.anchors.serverAnchors()).anchors)).toMatchObject({ ok: true });
  });

  test('a deleted anchored entry is named, even when the rest was renumbered and rehashed', async () => {
    const rep = await repWithLedger(couch, 4);
    await rep.anchors.anchorNow();
    await rep.ledger.db.audit.delete(4);
    await rewriteChain(rep.ledger, 0, {});
    const result = await rep.ledger.verifyAudit((await rep.anchors.serverAnchors()).anchors);
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 4, code: 'anchor-missing' });
    expect(result.entry).toBeUndefined();
  });

  test('the server refuses to change, delete or replay an anchor, for reps and the lead alike', async () => {
    const rep = await repWithLedger(couch, 3);
    await rep.anchors.anchorNow();
    const [doc] = await serverAnchorDocs(couch, rep.db);
    const id = doc!._id;
    const path = `${rep.db}/${encodeURIComponent(id)}`;
    const forged = { ...doc, hash: 'f'.repeat(64), fingerprints: [...doc!.fingerprints.slice(0, -1), 'f'.repeat(16)] };
    for (const who of [rep.user, ADMIN]) {
      expect((await couch.as(who, 'PUT', path, forged)).status).toBe(403);
      expect((await couch.as(who, 'DELETE', `${path}?rev=${doc!._rev}`)).status).toBe(403);
      const bulk = await couch.as(who, 'POST', `${rep.db}/_bulk_docs`, { docs: [{ _id: id, _rev: doc!._rev, _deleted: true }] });
      expect(bulk.json).toEqual([expect.objectContaining({ error: 'forbidden' })]);
      // Replication's way in: a revision of its own, as a conflicting branch that could win.
      const branch = await couch.as(who, 'POST', `${rep.db}/_bulk_docs`, { new_edits: false, docs: [{ ...forged, _rev: '99-0123456789abcdef0123456789abcdef' }] });
      expect(branch.json).toEqual([expect.objectContaining({ error: 'forbidden' })]);
    }
    // The same anchor sent again (replayed) is refused: one anchor per member and entry.
    const { _rev: _r, ...again } = doc!;
    expect([403, 409]).toContain((await couch.as(rep.user, 'PUT', path, again)).status);
    // A malformed anchor, or one at a place its content does not name, is refused.
    const elsewhere = anchorDocId(doc!.member, 99);
    expect((await couch.as(rep.user, 'PUT', `${rep.db}/${encodeURIComponent(elsewhere)}`, { ...again, _id: elsewhere })).status).toBe(403);
    expect((await couch.as(rep.user, 'PUT', `${rep.db}/${encodeURIComponent(anchorDocId(doc!.member, 5))}`, { _id: anchorDocId(doc!.member, 5), v: 1 })).status).toBe(403);
    const stored = (await couch.admin('GET', path)).json as AnchorDoc;
    expect(stored).toEqual(doc);
    // The team list ignores anchors: they are not entries that failed to decrypt.
    await rep.team.syncNow();
    expect(await rep.team.status()).toMatchObject({ entries: 0, ignoredEntries: 0, lastError: null });
  });

  test('a rewritten log cannot re-anchor itself over the old anchors: the server refuses, the page counts it', async () => {
    const rep = await repWithLedger(couch, 4);
    await rep.anchors.anchorNow();
    await rewriteChain(rep.ledger, 3, { actor: 'iemand anders' });
    // The attacker also wipes the record of what was anchored, so the whole rewritten log is anchored again.
    for (const row of await rep.ledger.db.kv.toArray()) if (row.key.startsWith('audit-anchor.')) await rep.ledger.db.kv.delete(row.key);
    const status = await rep.restart().anchorNow();
    expect(status).toMatchObject({ pending: 0, refused: 1, lastError: null });
    const docs = await serverAnchorDocs(couch, rep.db);
    expect(docs).toHaveLength(1);
    expect(await rep.ledger.verifyAudit((await rep.anchors.serverAnchors()).anchors)).toMatchObject({ ok: false, brokenAtSeq: 3, anchor: { where: 'server' } });
  });

  test('a server that cannot be reached keeps the anchor waiting on the device; the next run sends it', async () => {
    const rep = await repWithLedger(couch, 2);
    const real = rep.config.value!;
    rep.config.value = { ...real, serverUrl: 'http://127.0.0.1:9' };
    const offline = await rep.anchors.anchorNow();
    expect(offline).toMatchObject({ anchoredToSeq: 2, pending: 1, lastError: { code: 'unreachable' } });
    expect(await rep.ledger.auditLog.localAnchors()).toHaveLength(1);
    rep.config.value = real;
    expect(await rep.anchors.anchorIfDue()).toMatchObject({ pending: 0, lastError: null });
    expect(await serverAnchorDocs(couch, rep.db)).toHaveLength(1);
  });
});
