#!/usr/bin/env node
// `npm start`: builds the extension and opens Chromium (a visible window) with it loaded on bundled demo
// pages — copies of LinkedIn, Gmail and Outlook served at their real addresses from tests/fixtures through
// request routing, each with a DEMO banner. Nothing leaves this machine: every other request is blocked.
// A few ledger entries are seeded so the hold dialog has something to say.
//
//   CHROMIUM_PATH=/path/to/chrome   which browser to use (found automatically otherwise)
//   OG_OUT_DIR=.output-demo          build folder (default .output);  SKIP_BUILD=1 reuses the last build
//   DEMO_HEADLESS=1 DEMO_EXIT_AFTER_MS=5000   for a check without a display
//   DEMO_LOCALE=nl|en                browser language (the hold dialog follows it); default: the system's
//   DEMO_CHECK=1                     press Send on the LinkedIn and Gmail demo pages, expect the hold dialog,
//                                    exit 1 if seeding failed or a dialog did not appear
//   DEMO_SCREENSHOTS=docs/screenshots   with DEMO_CHECK: save hold-<site>-<lang>.png of each dialog
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.OG_OUT_DIR ?? '.output';
const extensionDir = path.resolve(root, outDir, 'chrome-mv3');
const fixtures = path.join(root, 'tests', 'fixtures');

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', [name], { encoding: 'utf8' });
    const found = which.status === 0 ? which.stdout.split(/\r?\n/)[0]?.trim() : '';
    if (found) return found;
  }
  return null;
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(
    'Outreach Guard demo: no Chrome or Chromium found.\n' +
      '  Install one (Debian/Ubuntu: sudo apt-get install chromium) or point to it:\n' +
      '  CHROMIUM_PATH=/path/to/chrome npm start',
  );
  process.exit(1);
}
if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.warn(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; using ${chromiumPath}`);
}

if (!process.env.SKIP_BUILD) {
  console.log(`Building the extension into ${outDir}/chrome-mv3 …`);
  const only = (process.env.OG_ENTRYPOINTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build', ...only.flatMap((n) => ['-e', n])], {
    cwd: root,
    env: { ...process.env, OG_OUT_DIR: outDir },
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

/** The demo pages: the first fixture that exists for each site (the site folders, else the demo copies). */
const pages = [
  {
    site: 'LinkedIn',
    url: 'https://www.linkedin.com/messaging/thread/2-ZmFrZS10aHJlYWQtZm9yLWZpeHR1cmVz/',
    file: 'linkedin/messaging-thread.html',
    // plays LinkedIn's part: enables Send while there is text, shows a sent message in the thread
    script: '../e2e/linkedin/linkedin-sim.js',
  },
  {
    site: 'Gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
    file: 'gmail/gmail-new-compose.html',
    script: 'gmail/harness.js',
  },
  {
    site: 'Outlook',
    url: 'https://outlook.office.com/mail/',
    file: 'outlook/outlook-compose.html',
    script: 'outlook/harness.js',
  },
].map((p) => ({ ...p, file: path.join(fixtures, p.file) }));

function banner(site) {
  return (
    `<div id="og-demo-banner" style="position:fixed;z-index:2147483646;top:0;left:50%;transform:translateX(-50%);` +
    `background:#9a6700;color:#fff;font:bold 13px/1.6 system-ui,sans-serif;padding:2px 14px;border-radius:0 0 8px 8px;` +
    `box-shadow:0 2px 6px rgba(0,0,0,.3);pointer-events:none">DEMO — a bundled copy of ${site}, served locally. ` +
    `Nothing is sent anywhere.</div>`
  );
}

function pageHtml(p) {
  let html = readFileSync(p.file, 'utf8');
  const script = p.script && existsSync(path.join(fixtures, p.script)) ? readFileSync(path.join(fixtures, p.script), 'utf8') : '';
  // The fixture harness imitates the site's own Send, so a released message visibly "goes".
  if (script) html = html.replace(/<\/body>/i, `<script>${script}</script></body>`);
  return html.replace(/<body([^>]*)>/i, (m) => `${m}${banner(p.site)}`);
}

// Seed data: the organisation (so an inserted disclosure is complete), one customer with a recorded basis
// and one recipient who objected — both are recipients of the Gmail demo draft, so its dialog shows both.
const today = new Date().toISOString().slice(0, 10);
const seed = [
  {
    type: 'settings/save',
    settings: {
      organisation: {
        legalName: 'Demo Sales B.V.',
        contact: 'Demo Sales B.V., Keizersgracht 1, 1015 AA Amsterdam, sales@demosales.example',
        privacyUrl: 'https://demosales.example/privacy',
        optOutMethod: 'afmelden@demosales.example',
        dpo: '',
        country: 'NL',
        exempt2026: false,
      },
    },
  },
  {
    type: 'contacts/save',
    contact: {
      name: 'Jan Jansen',
      emails: ['jan.jansen@acme.nl'],
      company: { name: 'Acme B.V.', domain: 'acme.nl' },
      recipientKind: 'natural_professional',
      provenance: { source: 'data_subject', detail: 'Demo: klant sinds 2025', obtainedAt: today },
      basis: {
        type: 'customer',
        entity: 'Demo Sales B.V.',
        product: 'Jaarabonnement',
        saleDate: '2025-06-01',
        informedAtCollection: true,
        optOutOfferedAtCollection: true,
        evidenceIds: [],
      },
    },
  },
  {
    type: 'suppressions/add',
    by: 'email',
    value: 'info@bakkerij-devries.nl',
    scope: 'all',
    reason: 'Demo: maakte bezwaar tegen verdere berichten',
  },
];

/** Returns how many seed requests failed (each is reported). */
async function seedLedger(context, extensionId) {
  const page = await context.newPage();
  let failed = 0;
  try {
    // Any document of the extension's origin can use runtime messaging; manifest.json is always there.
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    for (const request of seed) {
      const answer = await page.evaluate((r) => globalThis.chrome.runtime.sendMessage(r), request);
      if (!answer?.ok) {
        failed++;
        console.warn(`  seed ${request.type}: ${answer?.error?.message ?? 'no answer'}${answer?.error?.where ? ` (${answer.error.where})` : ''}`);
      } else console.log(`  seeded ${request.type}`);
    }
  } catch (error) {
    failed = seed.length;
    console.warn(`  could not seed the ledger: ${error.message}`);
  } finally {
    await page.close();
  }
  return failed;
}

const headless = !!process.env.DEMO_HEADLESS;
const locale = process.env.DEMO_LOCALE;
const check = !!process.env.DEMO_CHECK || !!process.env.DEMO_SCREENSHOTS;
const userDataDir = mkdtempSync(path.join(tmpdir(), 'outreach-guard-demo-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless,
  ignoreDefaultArgs: ['--disable-extensions'],
  viewport: null,
  ...(locale ? { locale } : {}),
  args: [
    ...(locale ? [`--lang=${locale}`] : []),
    ...(headless ? ['--window-size=1280,860'] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ],
});

// Only the demo pages exist; everything else off-machine is blocked.
await context.route(/^(https?|wss?):\/\//, (route) => route.abort('blockedbyclient'));
for (const p of pages) {
  if (!p.file) {
    console.warn(`No ${p.site} demo page found (looked for ${p.files.join(', ')}).`);
    continue;
  }
  const origin = new URL(p.url).origin;
  await context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(p) })
      : route.abort('blockedbyclient'),
  );
}

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
const extensionId = new URL(worker.url()).host;
console.log(`Extension loaded (${extensionId}). Seeding demo data:`);
const seedFailures = await seedLedger(context, extensionId);

const first = context.pages()[0] ?? (await context.newPage());
let tab = first;
const tabs = {};
for (const p of pages.filter((x) => x.file)) {
  await tab.goto(p.url).catch((error) => console.warn(`  ${p.site}: ${error.message}`));
  console.log(`  ${p.site}: ${p.url}`);
  tabs[p.site] = tab;
  tab = await context.newPage();
}
const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
if (optionsPage) await tab.goto(`chrome-extension://${extensionId}/${optionsPage}`).catch(() => undefined);
else await tab.close();
await first.bringToFront();

console.log(
  '\nThe demo is running. Try: write in a composer and press Send — a message to someone without a basis is held;\n' +
    'jan.jansen@acme.nl is a customer with a recorded basis; info@bakkerij-devries.nl objected.\n' +
    'Close the browser window to stop.',
);

/** How a send is pressed on each demo page (the fixtures' own markup). */
const pressSend = {
  async LinkedIn(page) {
    const editor = page.locator('div.msg-thread .msg-form__contenteditable').first();
    await editor.click();
    await page.keyboard.type('Hallo Dana, graag laat ik je kennismaken met onze planningssoftware. Zullen we volgende week een demo inplannen?');
    await page.locator('div.msg-thread button.msg-form__send-button').first().click();
  },
  async Gmail(page) {
    await page.locator('div.M9 .aoO[role=button]').first().click();
  },
};

/** DEMO_CHECK: a held send on each demo page shows the hold dialog (and is photographed for the docs). */
async function checkHolds() {
  let problems = seedFailures;
  const lang = (locale ?? 'en').slice(0, 2).toLowerCase();
  const dir = process.env.DEMO_SCREENSHOTS ? path.resolve(root, process.env.DEMO_SCREENSHOTS) : null;
  for (const site of Object.keys(pressSend)) {
    const page = tabs[site];
    if (!page) {
      console.warn(`  ${site}: no demo page`);
      problems++;
      continue;
    }
    try {
      await page.bringToFront();
      await page.waitForSelector('[data-outreach-guard-state]', { timeout: 10_000 });
      await pressSend[site](page);
      const dialog = page.locator('[data-outreach-guard="hold"] [role="alertdialog"]');
      await dialog.waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('[data-outreach-guard="hold"]')?.hasAttribute('data-decision'), undefined, { timeout: 10_000 });
      const decision = await page.locator('[data-outreach-guard="hold"]').getAttribute('data-decision');
      const codes = await page.locator('[data-outreach-guard="hold"] [data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      console.log(`  ${site}: held, decision ${decision}, findings ${codes.join(' ')}`);
      if (dir) {
        await page.waitForTimeout(300); // let the focus ring settle
        const file = path.join(dir, `hold-${site.toLowerCase()}-${lang}.png`);
        await page.screenshot({ path: file });
        console.log(`    screenshot ${path.relative(root, file)}`);
      }
      await page.keyboard.press('Escape');
    } catch (error) {
      problems++;
      console.warn(`  ${site}: no hold dialog (${error.message.split('\n')[0]})`);
    }
  }
  return problems;
}

if (check) {
  const problems = await checkHolds();
  console.log(problems ? `\nDemo check: ${problems} problem(s).` : '\nDemo check: seeding worked and every held send showed the dialog.');
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  process.exit(problems ? 1 : 0);
}

const cleanup = () => {
  try {
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    // Chromium may still be writing its profile; it is a temporary folder.
  }
};
context.on('close', () => {
  cleanup();
  process.exit(0);
});
process.on('SIGINT', () => void context.close());
if (process.env.DEMO_EXIT_AFTER_MS) setTimeout(() => void context.close(), Number(process.env.DEMO_EXIT_AFTER_MS));
