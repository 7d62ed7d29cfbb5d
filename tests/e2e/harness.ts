import { chromium, type BrowserContext, type Frame, type Page, type Worker, type Route, type Request, type Locator } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The real-browser harness (issue #2 §5): Chromium with the built extension, fixture pages served at the
// real site URLs, and page objects for what every guard test needs. Build first (scripts/e2e.mjs does).

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The unpacked Chrome MV3 build the tests load (OG_OUT_DIR lets parallel builds use their own folder). */
export function extensionDir(): string {
  const out = process.env.OG_OUT_DIR ?? '.output';
  return path.resolve(repoRoot, out, 'chrome-mv3');
}

export interface LaunchOptions {
  /** show the window (the demo uses this); default headless */
  headed?: boolean;
  /** browser UI language, e.g. 'nl' or 'en-US' (the hold dialog follows it); default 'en-US' */
  locale?: string;
  /** load the extension (default true); false gives the same browser without it, for benchmarks */
  withExtension?: boolean;
  /** extra Chromium arguments */
  args?: string[];
  /** leave off-machine requests alone instead of aborting them (default: abort) */
  allowNetwork?: boolean;
}

export interface Extension {
  context: BrowserContext;
  /** empty when launched withExtension: false */
  extensionId: string;
  /** the extension's background service worker (undefined when launched withExtension: false) */
  serviceWorker: Worker | undefined;
  /** open a page of the extension, e.g. extensionPage('/options.html') */
  extensionPage(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launches Chromium with the built extension loaded; every test file gets a fresh profile. */
export async function launchExtension(options: LaunchOptions = {}): Promise<Extension> {
  const withExtension = options.withExtension ?? true;
  const dir = extensionDir();
  if (withExtension && !existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run "node scripts/e2e.mjs" (it builds first) or "OG_OUT_DIR=… npx wxt build".`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'og-e2e-'));
  const args = [
    ...(withExtension ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    ...(options.locale ? [`--lang=${options.locale}`] : []),
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: !options.headed,
    // Playwright's default (--disable-extensions) would stop the extension from loading.
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
    locale: options.locale ?? 'en-US',
    viewport: options.headed ? null : { width: 1280, height: 900 },
  });
  if (!options.allowNetwork) await blockNetwork(context);

  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    async extensionPage(pagePath: string) {
      if (!extensionId) throw new Error('launched without the extension');
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** Everything off-machine is aborted, so a test can never reach the real LinkedIn, Google or Microsoft. */
async function blockNetwork(context: BrowserContext) {
  await context.route(/^(https?|wss?):\/\//, (route: Route) => route.abort('blockedbyclient'));
}

export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');

/** Reads tests/fixtures/<relative>, e.g. 'linkedin/messaging-overlay.html'. */
export function fixture(relative: string): Promise<string> {
  return readFile(path.join(fixturesDir, relative), 'utf8');
}

export type FixtureSource = string | { file: string } | ((request: Request) => string | Promise<string>);

/**
 * Serves fixture HTML at a real site URL (a glob like 'https://www.linkedin.com/messaging/**', or a RegExp).
 * `source` is inline HTML, `{ file }` (an absolute path or one relative to tests/fixtures), or a function.
 * Routes added later win, so a test can add specific pages after general ones.
 */
export async function routeSite(
  context: BrowserContext,
  urlPattern: string | RegExp,
  source: FixtureSource,
  options: { transform?: (html: string) => string } = {},
): Promise<void> {
  await context.route(urlPattern, async (route: Route) => {
    const request = route.request();
    // Only documents get the fixture; a page's images, scripts and XHRs stay aborted (no network).
    if (request.resourceType() !== 'document') return route.abort('blockedbyclient');
    let html: string;
    if (typeof source === 'function') html = await source(request);
    else if (typeof source === 'string') html = source;
    else html = await readFile(path.isAbsolute(source.file) ? source.file : path.join(fixturesDir, source.file), 'utf8');
    if (options.transform) html = options.transform(html);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

/** Real URLs per site, for tests and the demo. */
export const siteUrls = {
  linkedin: 'https://www.linkedin.com',
  gmail: 'https://mail.google.com',
  outlook: ['https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com', 'https://outlook.cloud.microsoft'],
} as const;

// ---------------------------------------------------------------------------------------------------------
// Talking to the background through the real protocol (sender check included), from an extension page.

/**
 * An extension-origin page to send management requests from. Any document of the extension's origin gets
 * `chrome.runtime`; manifest.json always exists, so tests do not depend on the options page being built.
 */
export async function protocolPage(ext: Extension, pagePath = '/manifest.json'): Promise<Page> {
  return ext.extensionPage(pagePath);
}

/** Sends one request through runtime messaging and returns the raw `{ ok, result | error }` answer. */
export async function sendRaw(page: Page, request: unknown): Promise<unknown> {
  return page.evaluate(async (req) => {
    // The page is not ours to type: chrome.runtime exists in every extension-origin document.
    const g = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return await g.chrome.runtime.sendMessage(req);
  }, request);
}

/** Like `ask`: returns the result, throws with the background's message when it refused. */
export async function ask<T = unknown>(page: Page, request: { type: string } & Record<string, unknown>): Promise<T> {
  const answer = (await sendRaw(page, request)) as { ok: boolean; result?: T; error?: { code: string; message: string; where?: string } } | undefined;
  if (!answer || typeof answer !== 'object') throw new Error(`${request.type}: no answer from the background`);
  if (!answer.ok) throw new Error(`${request.type} refused (${answer.error?.code}): ${answer.error?.message}${answer.error?.where ? ` at ${answer.error.where}` : ''}`);
  return answer.result as T;
}

/** Seeds the ledger by importing a backup (merge), the way a user restoring one would. */
export async function seedLedger(page: Page, backup: unknown, mode: 'merge' | 'replace' = 'merge'): Promise<unknown> {
  return ask(page, { type: 'backup/import', backup, mode });
}

/** Sends any sequence of management requests (e.g. contact/create, basis/record), in order. */
export async function seedWith(page: Page, requests: ({ type: string } & Record<string, unknown>)[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const request of requests) results.push(await ask(page, request));
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// Page objects

export type GuardState = 'checking' | 'clean' | 'held' | 'inactive';

/** A composer the guard watches, found by a locator for its root (the element carrying the state). */
export class GuardedComposer {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** data-outreach-guard-state, or null when the guard has not picked the composer up */
  state(): Promise<GuardState | null> {
    return this.root.getAttribute('data-outreach-guard-state') as Promise<GuardState | null>;
  }

  /** waits until the composer shows one of the given states */
  async waitForState(states: GuardState | GuardState[], timeout = 10_000): Promise<GuardState> {
    const wanted: string[] = Array.isArray(states) ? states : [states];
    const handle = await this.root.elementHandle({ timeout });
    if (!handle) throw new Error('composer root not found');
    await this.page.waitForFunction(
      ([el, ws]) => ws.includes((el as Element).getAttribute('data-outreach-guard-state') ?? ''),
      [handle, wanted] as const,
      { timeout },
    );
    return (await this.state()) as GuardState;
  }

  holdDialog(): HoldDialog {
    return new HoldDialog(this.page);
  }

  inactiveBadge(): Locator {
    return this.page.locator('[data-outreach-guard="inactive-badge"]');
  }
}

/**
 * The guard's own frame of one view ('hold', 'badge', 'save') under `scope` (a page, or one of its frames):
 * the page holds only the host element; the frame sits in its closed shadow root, out of the page's reach
 * and of CSS locators, so tests find it among the frames by its address. The newest one wins.
 */
export function guardFrame(scope: Page | Frame, view: string): Frame | null {
  const frames = 'mainFrame' in scope ? scope.frames() : descendantsOf(scope);
  const ours = frames.filter((f) => !f.isDetached() && new RegExp(`/guard-frame\\.html#${view}$`).test(f.url()));
  return ours.at(-1) ?? null;
}

function descendantsOf(frame: Frame): Frame[] {
  return frame.childFrames().flatMap((child) => [child, ...descendantsOf(child)]);
}

/** Waits for the guard's frame of `view` under `scope` and returns it. */
export async function waitForGuardFrame(scope: Page | Frame, view: string, timeout = 10_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = guardFrame(scope, view);
    if (frame) return frame;
    if (Date.now() > until) throw new Error(`no guard frame "${view}" within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The hold dialog. In the page: a host element with the fixed hooks (`pageHost`: data-outreach-guard="hold",
 * data-decision). Its content lives in the guard's frame; `host` is the dialog's root in that frame, where
 * the buttons carry data-action (and data-recipient).
 */
export class HoldDialog {
  readonly pageHost: Locator;
  /** the frame that showed the dialog (waitVisible): a blank hold frame loaded ahead may be newer */
  private shown: Frame | null = null;
  constructor(readonly page: Page | Frame) {
    this.pageHost = page.locator('[data-outreach-guard="hold"]');
  }
  /** the dialog's root inside the guard's frame (after waitVisible) */
  get host(): Locator {
    const frame = this.shown && !this.shown.isDetached() ? this.shown : guardFrame(this.page, 'hold');
    // before the frame exists: a locator that matches nothing, so counts are 0 and waits time out
    return frame ? frame.locator('[data-outreach-guard="hold"]') : this.pageHost.locator('[data-no-guard-frame-yet]');
  }
  async waitVisible(timeout = 10_000): Promise<this> {
    const until = Date.now() + timeout;
    await this.pageHost.waitFor({ state: 'attached', timeout });
    // The guard keeps a blank hold frame loaded ahead for the next hold, so the newest hold frame need not
    // be the one showing the dialog: wait for the one that does.
    const dialogIn = (f: Frame) => f.locator('[data-outreach-guard="hold"] [role="alertdialog"]');
    for (;;) {
      const frames = ('mainFrame' in this.page ? this.page.frames() : descendantsOf(this.page)).filter(
        (f) => !f.isDetached() && /\/guard-frame\.html#hold$/.test(f.url()),
      );
      for (const frame of frames.reverse()) {
        if (await dialogIn(frame).isVisible().catch(() => false)) {
          this.shown = frame;
          return this;
        }
      }
      if (Date.now() > until) throw new Error(`no visible hold dialog in ${frames.length} hold frame(s) within ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async waitGone(timeout = 10_000): Promise<void> {
    await this.pageHost.waitFor({ state: 'detached', timeout });
  }
  isOpen(): Promise<boolean> {
    return this.pageHost.count().then((n) => n > 0);
  }
  /** the fixed hook on the element in the page */
  decision(): Promise<'block' | 'warn' | null> {
    return this.pageHost.getAttribute('data-decision') as Promise<'block' | 'warn' | null>;
  }
  /** a dialog button by its fixed hook: cancel | insert-disclosure | record-basis | do-not-contact | send-anyway | remove-recipient */
  button(action: string): Locator {
    return this.host.locator(`[data-action="${action}"]`);
  }
  actions(): Promise<string[]> {
    return this.host.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }
  /** visible text of the dialog (findings, recipients, legal references) */
  text(): Promise<string> {
    return this.host.locator('[role="alertdialog"]').innerText();
  }
  /** the reason field shown for "send anyway" */
  reasonField(): Locator {
    return this.host.locator('[data-field="reason"]');
  }
  async sendAnyway(reason: string): Promise<void> {
    await this.button('send-anyway').click();
    const field = this.reasonField();
    if (await field.count()) {
      // against a rule the policy asks for a justification from its list besides the words
      const pick = this.host.locator('[data-field="justification"]');
      if (await pick.count()) await pick.selectOption({ index: 1 });
      await field.fill(reason);
      await this.host.locator('[data-action="confirm-send-anyway"]').click();
    }
  }
}

/**
 * The guard state the page's content script reported to the background ('active' | 'inactive' | 'held'),
 * read in the service worker, waiting until there is one. The page itself carries no trace of it.
 */
export async function guardPageStatus(ext: Extension, page: Page, timeout = 10_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const state = await tabGuardState(ext, page);
    if (state) return state;
    if (Date.now() > until) throw new Error('the page reported no guard state to the background');
    await page.waitForTimeout(100);
  }
}

/** The guard state the background keeps for the page's tab now, or '' when it has none. */
export async function tabGuardState(ext: Extension, page: Page): Promise<string> {
  if (!ext.serviceWorker) throw new Error('launched without the extension');
  await page.bringToFront();
  return ext.serviceWorker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeTabsAndAction & { storage: { session: { get(k: string): Promise<Record<string, { state?: string }>> } } } }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id) return '';
    const key = `tab-state:${tab.id}`;
    return (await c.storage.session.get(key))[key]?.state ?? '';
  });
}

/** The toolbar badge text the background set for a tab (read in the service worker). */
export async function badgeTextForTab(ext: Extension, tabUrlPart: string): Promise<string> {
  if (!ext.serviceWorker) throw new Error('launched without the extension');
  return ext.serviceWorker.evaluate(async (part) => {
    const c = (globalThis as unknown as { chrome: ChromeTabsAndAction }).chrome;
    const tabs = await c.tabs.query({});
    const tab = tabs.find((t) => t.url?.includes(part));
    if (!tab?.id) return '';
    return c.action.getBadgeText({ tabId: tab.id });
  }, tabUrlPart);
}

/**
 * The toolbar badge text and title of the page's tab. The extension has no "tabs" permission, so tab URLs
 * are hidden from it: the page is brought to the front and the active tab is read.
 */
export async function badgeOfPage(ext: Extension, page: Page): Promise<{ tabId: number; text: string; title: string }> {
  if (!ext.serviceWorker) throw new Error('launched without the extension');
  await page.bringToFront();
  return ext.serviceWorker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeTabsAndAction }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id) return { tabId: -1, text: '', title: '' };
    return { tabId: tab.id, text: await c.action.getBadgeText({ tabId: tab.id }), title: await c.action.getTitle({ tabId: tab.id }) };
  });
}

interface ChromeTabsAndAction {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
}
