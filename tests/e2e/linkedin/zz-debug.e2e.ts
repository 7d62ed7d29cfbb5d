import { test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { launchExtension, routeSite, repoRoot } from '../harness';
test('debug', async () => {
  const ext = await launchExtension();
  await ext.serviceWorker!.evaluate(() => {
    (globalThis as any).__senders = [];
    (globalThis as any).chrome.runtime.onMessage.addListener((m: any, s: any) => { (globalThis as any).__senders.push({ type: m?.type, url: s.url, frameId: s.frameId, tab: s.tab?.url, id: s.id, origin: s.origin, docId: s.documentId }); return undefined; });
  });
  const sim = await readFile(repoRoot + '/tests/e2e/linkedin/linkedin-sim.js', 'utf8');
  await routeSite(ext.context, /^https:\/\/www\.linkedin\.com\/preload\/(\?.*)?$/, { file: 'linkedin/preload-frame-overlay.html' }, { transform: (h) => h.replace('</body>', `<script>${sim}</script></body>`) });
  await routeSite(ext.context, /^https:\/\/www\.linkedin\.com\/in\/frame-x\/$/, { file: 'linkedin/preload-frame-host.html' });
  const page = await ext.context.newPage();
  await page.goto('https://www.linkedin.com/in/frame-x/');
  await page.waitForTimeout(3000);
  console.log(JSON.stringify(await ext.serviceWorker!.evaluate(() => (globalThis as any).__senders), null, 1));
  console.log(page.frames().map((f) => f.url()));
  await ext.close();
});
