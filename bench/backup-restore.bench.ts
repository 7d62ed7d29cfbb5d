// Benchmark (issue 14 item 3): a backup of 100 000 contacts (each with provenance, a consent and an evidence
// note) and 1 000 000 do-not-contact keys, in Chromium with the built extension, through the messages the
// options page sends (backup/restore-part for each file, backup/restore-start, backup/restore-status).
//  1. restore (replace) of the synthetic backup in numbered parts into an empty ledger. Target ≤ 30 s, from
//     the first file read to the restore reported done (files read and parsed by the page, staged, checked,
//     written in chunks).
//  2. export of that ledger in parts (backup/export-part), each part under the one file limit.
//  3. the exported parts restored again: merge into the same ledger (everything known: nothing doubles),
//     then replace; both must give back the same counts (the round trip).
// Usage: npx tsx bench/backup-restore.bench.ts   (OG_OUT_DIR=build folder (default .output-bench-backup), SKIP_BUILD=1,
//        BENCH_CONTACTS=100000, BENCH_SUPPRESSIONS=1000000, BENCH_ROUND_TRIP=0 to time only the first restore)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BACKUP_PART_BUDGET } from '../lib/backup/format';
import { hashOfEntry, GENESIS_HASH } from '../lib/ledger/audit';
import { sha256Hex } from '../lib/ledger/sha256';
import { IMPORT_FILE_MAX_BYTES } from '../lib/messaging/common';

process.env.OG_OUT_DIR ??= '.output-bench-backup';
const { launchExtension, repoRoot, extensionDir } = await import('../tests/e2e/harness');

const contacts = Number(process.env.BENCH_CONTACTS ?? 100_000);
const suppressions = Number(process.env.BENCH_SUPPRESSIONS ?? 1_000_000);
const roundTrip = process.env.BENCH_ROUND_TRIP !== '0';
const TARGET_MS = 30_000;
const at = '2026-02-01T10:00:00.000Z';

if (!process.env.SKIP_BUILD || !existsSync(path.join(extensionDir(), 'manifest.json'))) {
  const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: repoRoot, env: process.env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The synthetic backup as version-2 part files, split like the export splits (rows by JSON size). */
function syntheticParts(): string[] {
  const settings = { organisation: { legalName: 'Bench B.V.', contact: 'bench@bench.nl', privacyUrl: '', optOutMethod: '', dpo: '', country: 'NL', exempt2026: false }, language: 'auto', rep: { name: 'Bench', email: '' } };
  const audit: Record<string, unknown>[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= 1000; seq++) {
    const base = { seq, at, actor: 'bench', action: 'contact-created', detail: { n: seq }, prevHash };
    const hash = hashOfEntry(base);
    audit.push({ ...base, hash });
    prevHash = hash;
  }
  type Table = 'contacts' | 'provenance' | 'bases' | 'evidence' | 'suppressions' | 'audit';
  const parts: string[] = [];
  const totals: Record<string, number> = { contacts: 0, bases: 0, evidence: 0, provenance: 0, events: 0, suppressions: 0, assessments: 0, audit: 0 };
  let data: Record<Table, string[]> = { contacts: [], provenance: [], bases: [], evidence: [], suppressions: [], audit: [] };
  let used = 0;
  const flush = (last: boolean) => {
    const head = { format: 'outreach-guard-backup', version: 2, exportedAt: at, backupId: 'bench-synthetic', part: parts.length + 1, last, ...(last ? { totals } : {}) };
    const tables = Object.entries(data).map(([t, rows]) => `"${t}":[${rows.join(',')}]`);
    if (parts.length === 0) tables.push(`"settings":${JSON.stringify(settings)}`);
    parts.push(`${JSON.stringify(head).slice(0, -1)},"data":{${tables.join(',')}}}`);
    data = { contacts: [], provenance: [], bases: [], evidence: [], suppressions: [], audit: [] };
    used = 0;
  };
  const add = (rows: [Table, unknown][]) => {
    const json = rows.map(([t, r]) => [t, JSON.stringify(r)] as const);
    const cost = json.reduce((s, [, j]) => s + j.length + 1, 0);
    if (used + cost > BACKUP_PART_BUDGET) flush(false);
    for (const [t, j] of json) {
      data[t].push(j);
      totals[t]!++;
    }
    used += cost;
  };
  for (let i = 0; i < contacts; i++) {
    const id = `c${i}`;
    add([
      ['contacts', { id, name: `Persoon ${i} Achternaam${i % 997}`, emails: [`persoon${i}@bedrijf${i % 5000}.nl`], phones: [`+3161${String(i).padStart(7, '0')}`], linkedin: { memberIds: [], vanities: [`persoon-${i}`], leadIds: [] }, company: { name: `Bedrijf ${i % 5000}`, domain: `bedrijf${i % 5000}.nl` }, recipientKind: 'natural_professional', addresses: [], createdAt: at, updatedAt: at }],
      ['provenance', { id: `p${i}`, contactId: id, source: 'event_list', obtainedAt: '2026-01-01', recordedAt: at, recordedBy: 'bench' }],
    ]);
  }
  for (let i = 0; i < contacts; i++) {
    add([['bases', { id: `b${i}`, contactId: `c${i}`, type: 'consent', who: `Persoon ${i}`, when: '2026-01-01', how: 'form', what: { entity: 'Bench B.V.', products: ['software'], channels: ['email'] }, shownText: 'Ja, mail mij', capturedBy: 'webform', recordedAt: at, recordedBy: 'bench', note: '', evidenceIds: [`e${i}`] }]]);
  }
  for (let i = 0; i < contacts; i++) add([['evidence', { id: `e${i}`, contactId: `c${i}`, kind: 'note', date: '2026-01-01', title: 'Formulier', text: `Ingevuld op de beurs, stand ${i % 300}`, recordedAt: at, recordedBy: 'bench' }]]);
  for (let i = 0; i < suppressions; i++) {
    add([['suppressions', { id: `s${i}`, keyHash: sha256Hex(`email:blocked${i}@elders${i % 20000}.nl`), keyKind: 'email', level: 'person', scope: 'all', reason: 'bezwaar', recordedBy: 'bench', recordedAt: at, source: 'personal', label: `b…@elders${i % 20000}.nl` }]]);
  }
  for (const e of audit) add([['audit', e]]);
  flush(true);
  return parts;
}

interface RestoreTiming {
  totalMs: number;
  stageMs: number;
  applyMs: number;
  result: Record<string, number>;
  statusPolls: number;
}

/** Restores the parts as the options page does; the page fetches each file (served by the bench). */
async function restoreInPage(page: Page, count: number, mode: 'merge' | 'replace', urlOf: (i: number) => string): Promise<RestoreTiming> {
  const urls = Array.from({ length: count }, (_x, i) => urlOf(i));
  return page.evaluate(
    async ({ urls, mode }) => {
      const send = (globalThis as any).__send; // eslint-disable-line @typescript-eslint/no-explicit-any
      const t0 = performance.now();
      let restoreId: string | undefined;
      for (const url of urls) {
        const text = await (await fetch(url)).text();
        const r = await send({ type: 'backup/restore-part', mode, part: JSON.parse(text), ...(restoreId ? { restoreId } : {}) });
        restoreId = r.restoreId;
      }
      const t1 = performance.now();
      await send({ type: 'backup/restore-start', restoreId });
      let polls = 0;
      for (;;) {
        const s = await send({ type: 'backup/restore-status', restoreId });
        polls++;
        if (s.state === 'done') return { totalMs: Math.round(performance.now() - t0), stageMs: Math.round(t1 - t0), applyMs: Math.round(performance.now() - t1), result: s.result, statusPolls: polls };
        if (s.state === 'failed' || s.message) throw new Error(`restore ${s.state}: ${s.message}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    { urls, mode },
  );
}

const ext = await launchExtension({ args: ['--js-flags=--max-old-space-size=4096'] });
try {
  console.log(`Generating ${contacts} contacts (with provenance, consent, evidence note) and ${suppressions} do-not-contact keys…`);
  const parts = syntheticParts();
  console.log(`  ${parts.length} part files, ${(parts.reduce((s, p) => s + p.length, 0) / 1024 / 1024).toFixed(0)} MB in all`);
  let served: string[] = parts;
  const page = await ext.extensionPage('/manifest.json');
  await page.route('https://bench.outreach-guard.test/**', (route) => {
    const i = Number(new URL(route.request().url()).pathname.match(/(\d+)/)![1]);
    return route.fulfill({ body: served[i]!, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' } });
  });
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`globalThis.__send = async (req) => {
    const r = await chrome.runtime.sendMessage(req);
    if (!r || !r.ok) throw new Error(req.type + ': ' + JSON.stringify(r && r.error));
    return r.result;
  }`);
  const url = (i: number) => `https://bench.outreach-guard.test/part-${i}.json`;

  const first = await restoreInPage(page, parts.length, 'replace', url);
  console.log(`1. restore (replace) into an empty ledger: ${first.totalMs} ms (files read and staged ${first.stageMs} ms, checked and written ${first.applyMs} ms)  target ≤ ${TARGET_MS} ms  ${first.totalMs <= TARGET_MS ? 'PASS' : 'FAIL'}`);
  console.log('   counts:', first.result);
  const check = await page.evaluate(async (n) => {
    const send = (globalThis as any).__send; // eslint-disable-line @typescript-eslint/no-explicit-any
    return {
      total: (await send({ type: 'contacts/list', query: '', filters: {}, offset: 0, limit: 1 })).total,
      lastContact: (await send({ type: 'lookup/person', query: `persoon${n - 1}@bedrijf${(n - 1) % 5000}.nl` })).found,
      blocked: (await send({ type: 'lookup/person', query: 'blocked999999@elders19999.nl' })).suppressed,
      audit: (await send({ type: 'audit/verify' })).ok,
    };
  }, contacts);
  console.log('   after the restore:', check);
  if (check.total !== contacts || !check.lastContact || check.audit !== true) throw new Error(`the restored ledger is not whole: ${JSON.stringify(check)}`);

  const result: Record<string, unknown> = { at: new Date().toISOString(), contacts, suppressions, parts: parts.length, restore: first };
  let ok = first.totalMs <= TARGET_MS;
  if (roundTrip) {
    const exported = await page.evaluate(async () => {
      const texts: string[] = [];
      const t0 = performance.now();
      let exportId: string | undefined;
      for (;;) {
        const r = await (globalThis as any).__send({ type: 'backup/export-part', ...(exportId ? { exportId } : {}) }); // eslint-disable-line @typescript-eslint/no-explicit-any
        texts.push(r.text);
        exportId = r.exportId;
        if (r.last) break;
      }
      const ms = Math.round(performance.now() - t0);
      (globalThis as { __exported?: string[] }).__exported = texts;
      return { ms, sizes: texts.map((t) => new Blob([t]).size) };
    });
    const biggest = Math.max(...exported.sizes);
    console.log(`2. export in parts: ${exported.ms} ms, ${exported.sizes.length} files, largest ${(biggest / 1024 / 1024).toFixed(1)} MB (limit ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB)  ${biggest <= IMPORT_FILE_MAX_BYTES ? 'PASS' : 'FAIL'}`);
    ok &&= biggest <= IMPORT_FILE_MAX_BYTES;
    // The exported files go back through the same route, as files the rep picked.
    served = await page.evaluate(() => (globalThis as { __exported?: string[] }).__exported!);
    await page.evaluate(() => delete (globalThis as { __exported?: string[] }).__exported);
    const merge = await restoreInPage(page, served.length, 'merge', url);
    console.log(`3a. the exported parts merged into the same ledger: ${merge.totalMs} ms`, merge.result);
    const replace = await restoreInPage(page, served.length, 'replace', url);
    console.log(`3b. the exported parts replacing the ledger: ${replace.totalMs} ms`, replace.result);
    const same = merge.result.mergedContacts === contacts && merge.result.suppressions === 0 && replace.result.contacts === contacts && replace.result.suppressions === suppressions;
    console.log(`   round trip: ${same ? 'same ledger' : 'DIFFERENT'}`);
    ok &&= same;
    Object.assign(result, { export: exported, mergeAgain: merge, replaceAgain: replace, roundTripSame: same });
  }
  mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'bench', 'results', 'backup-restore.json'), JSON.stringify(result, null, 2));
  process.exitCode = ok ? 0 : 1;
} finally {
  await ext.close();
}
