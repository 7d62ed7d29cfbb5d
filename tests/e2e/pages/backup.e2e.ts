import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { sha256Hex } from '../../../lib/ledger/sha256';
import { ask, byLabel, go, launch, openOptions } from './pages';

// The backup page in Chromium with the built extension: a ledger of a few thousand contacts is downloaded,
// wiped, and restored through the page to the same ledger; a restore whose service worker is stopped
// half-way continues from its last committed chunk when the worker starts again.

const CONTACTS = 3000;
const KEYS = 25_000;
const TABLES = ['contacts', 'bases', 'evidence', 'provenance', 'events', 'suppressions', 'assessments', 'settings'] as const;
type Data = Record<(typeof TABLES)[number] | 'audit', unknown[]>;

async function ledgerData(page: Page): Promise<Data> {
  return (await ask<{ backup: { data: Data } }>(page, { type: 'backup/export' })).backup.data;
}

async function seed(page: Page) {
  const { backup } = await ask<{ backup: { data: Record<string, unknown[]> } }>(page, { type: 'backup/export' });
  const at = '2026-02-01T10:00:00.000Z';
  for (let i = 0; i < CONTACTS; i++) {
    const id = `c_${i}`;
    backup.data.contacts!.push({ id, name: `Persoon ${i}`, emails: [`persoon${i}@bedrijf${i % 70}.nl`], phones: [], linkedin: { memberIds: [], vanities: [`persoon-${i}`], leadIds: [] }, recipientKind: 'natural_professional', addresses: [], createdAt: at, updatedAt: at });
    backup.data.provenance!.push({ id: `p_${i}`, contactId: id, source: 'event_list', obtainedAt: '2026-01-01', recordedAt: at, recordedBy: 'rep' });
    backup.data.evidence!.push({ id: `e_${i}`, contactId: id, kind: 'note', date: '2026-01-01', title: '', text: `Gesprek ${i}`, recordedAt: at, recordedBy: 'rep' });
  }
  for (let i = 0; i < KEYS; i++) {
    backup.data.suppressions!.push({ id: `s_${i}`, keyHash: sha256Hex(`email:weg${i}@elders.nl`), keyKind: 'email', level: 'person', scope: 'all', reason: 'bezwaar', recordedBy: 'rep', recordedAt: at, source: 'personal' });
  }
  await ask(page, { type: 'backup/import', backup, mode: 'replace' });
}

/** An empty ledger: a replace with a backup that holds nothing. */
async function wipe(page: Page) {
  const { backup } = await ask<{ backup: { data: Record<string, unknown> } }>(page, { type: 'backup/export' });
  for (const t of ['contacts', 'bases', 'evidence', 'provenance', 'events', 'suppressions', 'assessments', 'audit']) backup.data[t] = [];
  await ask(page, { type: 'backup/import', backup, mode: 'replace' });
  expect((await ask<{ total: number }>(page, { type: 'contacts/list', limit: 1 })).total).toBe(0);
}

function expectSameLedger(after: Data, before: Data) {
  for (const t of TABLES) expect(after[t], t).toEqual(before[t]);
  // The restored chain is the backup's, followed by the entries of the restore itself.
  expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
}

describe('backup page', () => {
  let ext: Extension;
  let page: Page;
  let dir: string;
  let file: string;
  let before: Data;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'og-backup-e2e-'));
    ext = await launch('en-US');
    page = await openOptions(ext, '#/import-export');
    await seed(page);
    before = await ledgerData(page);
  }, 300_000);
  afterAll(async () => {
    await ext?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('download, wipe, restore through the page: the same ledger', async () => {
    await go(page, '#/import-export');
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a backup' }).click();
    const download = await downloaded;
    // Small enough for one file: no part number in its name.
    expect(download.suggestedFilename()).toMatch(/^outreach-guard-backup-\d{4}-\d{2}-\d{2}\.json$/);
    file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 2, part: 1, last: true, totals: { contacts: CONTACTS + 0, suppressions: KEYS } });

    await wipe(page);
    await byLabel(page, 'Backup file, or all of its parts at once (.json)').setInputFiles(file);
    await byLabel(page, 'How').selectOption('replace');
    await page.getByRole('button', { name: 'Import the backup' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => page.getByTestId('backup-result').textContent(), { timeout: 90_000 }).toContain(`${CONTACTS.toLocaleString('en-US')} contacts`);
    expectSameLedger(await ledgerData(page), before);
    expect((await ask<{ ok: boolean }>(page, { type: 'audit/verify' })).ok).toBe(true);
  }, 180_000);

  test('a restore whose service worker is stopped half-way continues from its last committed chunk', async () => {
    await wipe(page);
    const part = JSON.parse(await readFile(file, 'utf8'));
    const { restoreId } = await ask<{ restoreId: string }>(page, { type: 'backup/restore-part', mode: 'replace', part });
    await ask(page, { type: 'backup/restore-start', restoreId });
    // Stop the worker as soon as the first chunks are committed.
    let half: { state: string; done: number; total: number } | undefined;
    for (let i = 0; i < 2000 && !half; i++) {
      const s = await ask<{ state: string; done: number; total: number }>(page, { type: 'backup/restore-status', restoreId });
      if (s.state === 'applying' && s.done >= 1) half = s;
      else if (s.state === 'done') throw new Error('the restore finished before the worker could be stopped');
    }
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(half).toMatchObject({ state: 'applying' });
    expect(half!.done).toBeLessThan(half!.total);

    // The next message wakes the worker; its start-up continues the restore.
    let status: { state: string; done: number; total: number; result?: Record<string, number> } | undefined;
    await expect
      .poll(
        async () => {
          status = await ask(page, { type: 'backup/restore-status', restoreId });
          return status!.state;
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe('done');
    expect(status!.result).toMatchObject({ contacts: CONTACTS, suppressions: KEYS });
    expectSameLedger(await ledgerData(page), before);
    expect((await ask<{ ok: boolean }>(page, { type: 'audit/verify' })).ok).toBe(true);
  }, 180_000);
});
