import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ADMIN, startCouch, type TestCouch } from '../../unit/sync/couch-server';
import { ask, byLabel, go, launch, openOptions, seedContact } from './pages';

// The audit page against the built extension and a real CouchDB-protocol server (pouchdb-server on
// 127.0.0.1): a log rewritten whole — one entry changed, every later hash and the head recomputed, the
// device's anchor copies wiped — passes the chain check alone, but the anchor on the team server names
// the entry. Without a team, a head kept elsewhere does the same.

/**
 * The attacker's edit, done the way anyone with access to this profile could: straight in IndexedDB,
 * recomputing every hash after the changed entry exactly as the extension computes them (audit.ts).
 */
async function rewriteEntry(page: Page, seq: number, actor: string) {
  await page.evaluate(
    async ({ seq, actor }) => {
      const canonical = (v: unknown): string => {
        if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
        if (Array.isArray(v)) return `[${v.map((x) => canonical(x === undefined ? null : x)).join(',')}]`;
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
      };
      const sha = async (text: string) =>
        [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('outreach-guard-ledger');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const all = <T>(req: IDBRequest<T>) => new Promise<T>((ok, fail) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => fail(req.error))));
      type Entry = { seq: number; at: string; actor: string; action: string; contactId?: string; detail: unknown; prevHash: string; hash: string };
      const entries = (await all(db.transaction('audit').objectStore('audit').getAll())) as Entry[];
      entries.sort((a, b) => a.seq - b.seq);
      let prev = '0'.repeat(64);
      for (const e of entries) {
        if (e.seq === seq) e.actor = actor;
        e.prevHash = prev;
        e.hash = await sha(prev + canonical({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, contactId: e.contactId, detail: e.detail }));
        prev = e.hash;
      }
      const tx = db.transaction(['audit', 'kv'], 'readwrite');
      for (const e of entries) tx.objectStore('audit').put(e);
      tx.objectStore('kv').put({ key: 'audit-head', value: { seq: entries.at(-1)!.seq, hash: prev } });
      tx.objectStore('kv').delete('audit-anchors');
      await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error))));
      db.close();
    },
    { seq, actor },
  );
}

/** Presses "Verify the chain" and waits for this check's answer (the previous one stays until it comes). */
async function verify(page: Page, expected: RegExp) {
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid="verify-result"]')?.textContent ?? ''), expected.source);
  return page.getByTestId('verify-result').textContent();
}

describe('audit anchors on the audit page', () => {
  let couch: TestCouch;
  let ext: Extension;
  let page: Page;
  beforeAll(async () => {
    couch = await startCouch();
    ext = await launch('en-US');
    // The harness aborts all http(s) traffic; the team server on 127.0.0.1 is the one exception.
    await ext.context.route(`${couch.url}/**`, (route) => route.continue());
    page = await openOptions(ext, '#/contacts');
  }, 90_000);
  afterAll(async () => {
    await ext?.close();
    await couch?.dispose();
  });

  test('without a team: the head is shown, and a kept head catches a rewrite the chain alone misses', async () => {
    for (const name of ['Anna Bakker', 'Bram de Wit', 'Carla Jansen']) await seedContact(page, { name, emails: [`${name.split(' ')[0]!.toLowerCase()}@acme.nl`] });
    await go(page, '#/audit');
    const panel = page.getByTestId('audit-head');
    await panel.getByTestId('head-hash').waitFor();
    const seq = Number(await panel.getByTestId('head-seq').textContent());
    const hash = (await panel.getByTestId('head-hash').textContent())!;
    expect(seq).toBeGreaterThanOrEqual(3);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    await rewriteEntry(page, 2, 'someone else');
    await verify(page, /^The chain is intact/);
    await byLabel(page, 'A head you kept').fill(`entry ${seq} ${hash}`);
    await page.getByRole('button', { name: 'Check against this head' }).click();
    await page.getByText(`An entry after entry 0, up to entry ${seq}, was changed since you kept this head.`).waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toBe(`The chain is BROKEN at entry ${seq}: the log was changed.`);
  });

  test('in a team: the export anchors the log on the server, and a rewrite of the whole chain is named entry by entry', async () => {
    const { inviteCode } = await ask<{ inviteCode: string }>(page, { type: 'team/create', serverUrl: couch.url, username: ADMIN.username, password: ADMIN.password, db: `anchors-e2e-${Date.now()}` });
    await ask(page, { type: 'team/create-rep', username: 'rep-anna', password: 'anna-wachtwoord' });
    await ask(page, { type: 'team/join', inviteCode, username: 'rep-anna', password: 'anna-wachtwoord' });
    await seedContact(page, { name: 'Dirk Visser', emails: ['dirk@acme.nl'] });
    await go(page, '#/contacts');
    await go(page, '#/audit');
    await page.getByTestId('audit-head').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')) as { head: { seq: number } };
    await page.getByTestId('anchoring').getByText(`Anchored up to entry ${exported.head.seq}`).waitFor();
    await verify(page, /^The chain is intact/);
    await page.getByTestId('verify-anchors').waitFor();

    // Entry 1 (Anna added) is changed once more and the whole chain rehashed after it was anchored.
    const entry = 1;
    await rewriteEntry(page, entry, 'iemand anders');
    expect(await verify(page, /BROKEN/)).toBe(`The chain is BROKEN at entry ${entry}: the log was changed.`);
    expect(await page.getByTestId('verify-problem').textContent()).toContain(`Entry ${entry} no longer matches the anchor of`);
    expect(await page.getByTestId('verify-entry').textContent()).toMatch(new RegExp(`^First entry that no longer matches: entry ${entry}, .+, Contact added\\.$`));
    await page.getByText('Caught by the anchor on the team server.').waitFor();
  });
});
