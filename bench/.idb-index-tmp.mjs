import { chromium } from 'playwright-core';
const context = await chromium.launchPersistentContext('/tmp/psync-idb-profile-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
await context.route('https://idb.bench/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
const page = await context.newPage();
await page.goto('https://idb.bench/');
const result = await page.evaluate(`(async () => {
  const N = 20000, B = 5000;
  const row = (i, v) => ({ id: i.toString(16).padStart(64, '0'), keyKind: 'email', rev: '1-' + 'a'.repeat(32), payload: { keyKind: 'email', reason: 'Bezwaar tegen direct marketing (telefonisch gemeld)', scope: 'all', level: 'person', recordedBy: 'rep-' + (i % 40), recordedAt: new Date().toISOString(), label: 'Contact ' + i + ', Bedrijf BV' } });
  async function run(name, index) {
    const db = await new Promise((ok, fail) => { const r = indexedDB.open(name, 1); r.onupgradeneeded = () => { const s = r.result.createObjectStore('t', { keyPath: 'id' }); if (index) s.createIndex('keyKind', 'keyKind'); }; r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const t = performance.now();
    for (let s = 0; s < N; s += B) {
      await new Promise((ok, fail) => { const tx = db.transaction('t', 'readwrite'); const st = tx.objectStore('t'); for (let i = s; i < s + B; i++) st.put(row(i)); tx.oncomplete = () => ok(); tx.onerror = () => fail(tx.error); });
    }
    const ms = performance.now() - t; db.close(); return ms;
  }
  const out = { index: [], noIndex: [] };
  for (let k = 0; k < 3; k++) { out.index.push(Math.round(await run('i' + k, true))); out.noIndex.push(Math.round(await run('n' + k, false))); }
  return out;
})()`);
console.log(JSON.stringify(result));
await context.close();
