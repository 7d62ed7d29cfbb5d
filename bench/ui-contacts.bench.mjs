// Benchmark (issue #6): the contacts list with 100 000 contacts, in Chromium against the real background.
//  1. first render: options page opened on #/contacts → the first screenful of rows is painted.
//     Target: ≤ 500 ms.
//  2. search keystroke: typing into the search field → the list shows matching rows. Target: p95 ≤ 100 ms.
//  3. first search after a cold start: the service worker is stopped (CDP), then one contacts/list search
//     wakes it and is timed to its answer (index loaded from its persisted snapshot). Target: ≤ 200 ms.
// The ledger is seeded the way a user would fill it: one CSV import of 100 000 rows (csv/import), so the
// numbers include the real IndexedDB indexes, the message round trip and the Preact render.
// Usage: node bench/ui-contacts.bench.mjs   (OG_OUT_DIR=build folder (default .output-bench-ui), SKIP_BUILD=1,
//        BENCH_CONTACTS=100000, BENCH_RUNS=60, BENCH_PROFILE=dir to keep the seeded browser profile between runs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OG_OUT_DIR ?? '.output-bench-ui';
const extensionDir = path.resolve(root, outDir, 'chrome-mv3');
const contacts = Number(process.env.BENCH_CONTACTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 60);

if (!process.env.SKIP_BUILD || !existsSync(path.join(extensionDir, 'manifest.json'))) {
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: root,
    env: { ...process.env, OG_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const r = (x) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]) };
}

function syntheticCsv(n) {
  const lines = ['name,email,phone,company,source,obtainedAt'];
  for (let i = 0; i < n; i++) {
    lines.push(`Persoon ${i} Achternaam${i % 997},persoon${i}@bedrijf${i % 5000}.nl,+3161${String(i).padStart(7, '0')},Bedrijf ${i % 5000},event_list,2026-01-01`);
  }
  return lines.join('\n');
}

async function send(page, request) {
  return page.evaluate(async (req) => globalThis.chrome.runtime.sendMessage(req), request);
}

const keepProfile = !!process.env.BENCH_PROFILE;
const userDataDir = process.env.BENCH_PROFILE ?? mkdtempSync(path.join(tmpdir(), 'og-bench-ui-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-gpu', '--lang=en-US'],
  viewport: { width: 1280, height: 900 },
});
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(sw.url()).host}`;
  const seeder = await context.newPage();
  await seeder.goto(`${base}/manifest.json`);

  const already = (await send(seeder, { type: 'contacts/list', query: '', filters: {}, offset: 0, limit: 1 })).result?.total ?? 0;
  if (already < contacts) await seed();
  async function seed() {
  console.log(`Seeding ${contacts} contacts through csv/import…`);
  const seedStart = Date.now();
  const preview = await send(seeder, { type: 'csv/preview', csv: syntheticCsv(contacts), delimiter: ',' });
  if (!preview?.ok) throw new Error(`csv/preview refused: ${JSON.stringify(preview?.error)}`);
  const started = await send(seeder, { type: 'csv/import', planId: preview.result.planId, mapping: {}, defaultSource: 'event_list' });
  if (!started?.ok) throw new Error(`csv/import refused: ${JSON.stringify(started?.error)}`);
  for (;;) {
    const s = await send(seeder, { type: 'jobs/status', jobId: started.result.jobId });
    if (!s.ok) throw new Error(`jobs/status: ${JSON.stringify(s.error)}`);
    if (s.result.state === 'failed') throw new Error(`import failed: ${s.result.message} ${JSON.stringify(s.result.errors?.slice(0, 3))}`);
    if (s.result.state === 'done') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`  imported in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  }
  const total = (await send(seeder, { type: 'contacts/list', query: '', filters: {}, offset: 0, limit: 1 })).result.total;
  console.log(`  the ledger holds ${total} contacts`);
  if (total < contacts) throw new Error(`expected ${contacts} contacts, the ledger has ${total}`);

  // 3. First search after a cold start (measured first, before the page keeps the worker busy). One search
  // loads the index and lets the snapshot be written; then each round stops the worker and searches once.
  await send(seeder, { type: 'contacts/list', query: 'persoon 1', filters: {}, offset: 0, limit: 50 });
  await new Promise((r) => setTimeout(r, 5000));
  const cdp = await context.newCDPSession(seeder);
  await cdp.send('ServiceWorker.enable');
  const coldSearch = [];
  for (let i = 0; i < 6; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    const n = (i * 15401) % total;
    const r = await seeder.evaluate(async (q) => {
      const t0 = performance.now();
      const res = await globalThis.chrome.runtime.sendMessage({ type: 'contacts/list', query: q, filters: {}, offset: 0, limit: 50 });
      return { ms: performance.now() - t0, found: res?.result?.items?.some((c) => c.name.toLowerCase().includes(q.toLowerCase())) };
    }, `Persoon ${n} Achternaam${n % 997}`);
    if (!r.found) throw new Error(`cold search for Persoon ${n} found nobody`);
    coldSearch.push(r.ms);
  }
  const cs = stats(coldSearch);
  console.log(`first search after a cold start: p50 ${cs.p50} ms, max ${cs.max} ms (n=${cs.n})  target ≤ 200 ms  ${cs.max <= 200 ? 'PASS' : 'FAIL'}`);

  // 1. First render: a fresh page load each time; the clock starts at navigation (performance.timeOrigin).
  const firstRender = [];
  const page = await context.newPage();
  for (let i = 0; i < 12; i++) {
    // A real new document each time (going to the same URL with a hash would not reload it).
    await page.goto('about:blank');
    await page.goto(`${base}/options.html#/contacts`);
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const done = () => {
            const row = document.querySelector('.vrow .crow-name');
            if (row && row.textContent) {
              resolve(performance.now());
              return true;
            }
            return false;
          };
          if (done()) return;
          new MutationObserver((_m, obs) => done() && obs.disconnect()).observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
    );
    if (i >= 2) firstRender.push(ms); // the first loads warm the service worker and the disk cache
  }

  const fr = stats(firstRender);
  console.log(`first render (${total} contacts): p50 ${fr.p50} ms, p95 ${fr.p95} ms, max ${fr.max} ms (n=${fr.n})  target ≤ 500 ms  ${fr.p95 <= 500 ? 'PASS' : 'FAIL'}`);

  // 2. Search keystrokes: set the field, fire the input event, stop when the first row matches. Three kinds
  // of query, reported apart: one distinctive word (an e-mail or phone prefix), a name (a common first word
  // plus a distinctive one), and a company (a word most contacts share plus a number).
  const kinds = {
    'e-mail prefix': (n) => `persoon${n}@`,
    'first + last name': (n) => `Persoon ${n}`,
    'company name': (n) => `Bedrijf ${n % 5000}`,
  };
  page.on('console', (m) => m.type() === 'warning' && console.log(`  [page] ${m.text()}`));
  const search = [];
  const backgroundOnly = [];
  const perKind = {};
  for (let i = 0; i < runs; i++) {
    const n = Math.floor((i * 7919) % total);
    const [kind, make] = Object.entries(kinds)[i % 3];
    const query = make(n);
    const ms = await page.evaluate(
      (q) =>
        new Promise((resolve) => {
          const input = document.querySelector('input[name=contacts-search]');
          // The search matches word by word ("Persoon 2947" also finds "Persoon 12947 · Bedrijf 2947", which
          // sorts first), so the first row shows every word of the query, not necessarily the query as typed.
          const words = q.toLowerCase().replace(/@$/, '').split(/\s+/);
          const matches = () => {
            const text = document.querySelector('.vrow')?.textContent?.toLowerCase();
            return !!text && words.every((w) => text.includes(w));
          };
          const t0 = performance.now();
          let timer;
          const obs = new MutationObserver(() => {
            if (matches()) {
              obs.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - t0);
            }
          });
          obs.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // Recorded as 30 s when no match appears (kept in the numbers rather than dropped).
          timer = setTimeout(() => {
            obs.disconnect();
            // Say what the list showed instead, so a miss can be told from a slow answer.
            const shown = document.querySelector('.vrow')?.textContent ?? document.querySelector('main')?.textContent?.slice(0, 200);
            console.warn(`no row matching "${q}" after 30 s; the list shows: ${shown}`);
            resolve(30_000);
          }, 30_000);
        }),
      query,
    );
    search.push(ms);
    (perKind[kind] ??= []).push(ms);
    // The background's share: the same query as a bare contacts/list request.
    backgroundOnly.push(
      await seeder.evaluate(async (q) => {
        const t0 = performance.now();
        await globalThis.chrome.runtime.sendMessage({ type: 'contacts/list', query: q, filters: {}, offset: 0, limit: 100 });
        return performance.now() - t0;
      }, query),
    );
  }

  const bg = stats(backgroundOnly);
  const ks = stats(search);
  console.log(`search keystroke → results:      p50 ${ks.p50} ms, p95 ${ks.p95} ms, max ${ks.max} ms (n=${ks.n})  target p95 ≤ 100 ms  ${ks.p95 <= 100 ? 'PASS' : 'FAIL'}`);
  for (const [kind, samples] of Object.entries(perKind)) {
    const k = stats(samples);
    console.log(`  ${kind.padEnd(18)} p50 ${k.p50} ms, p95 ${k.p95} ms (n=${k.n})`);
  }
  console.log(`  contacts/list alone (same queries, no page): p50 ${bg.p50} ms, p95 ${bg.p95} ms, max ${bg.max} ms`);
  const kindStats = Object.fromEntries(Object.entries(perKind).map(([k, v]) => [k, stats(v)]));
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench', 'results', 'ui-contacts.json'),
    JSON.stringify({ at: new Date().toISOString(), contacts: total, firstRender: fr, firstSearchAfterColdStart: cs, search: ks, searchByKind: kindStats, contactsListAlone: bg }, null, 2),
  );
  process.exitCode = fr.p95 <= 500 && ks.p95 <= 100 && cs.max <= 200 ? 0 : 1;
} finally {
  await context.close();
  if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
}
