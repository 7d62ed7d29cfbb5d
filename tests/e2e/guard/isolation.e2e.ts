import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir, GuardedComposer, HoldDialog, launchExtension, routeSite, tabGuardState, waitForGuardFrame, type Extension } from '../harness';

// Issue 14 item 1: scripts of the page itself (the main world: page.evaluate and <script> in the served
// fixture, never the content script) try to read and operate what the guard shows, and to switch the
// guard off for a composer. Each attack must fail: nothing leaves, the dialog stays, nothing is learnt.

const gmailUrl = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

async function gmailPage(ext: Extension, transform: (html: string) => string = (h) => h): Promise<Page> {
  const harnessJs = await readFile(path.join(fixturesDir, 'gmail', 'harness.js'), 'utf8');
  await routeSite(ext.context, 'https://mail.google.com/**', { file: 'gmail/gmail-new-compose.html' }, {
    transform: (html) => transform(html).replace('</body>', `<script>${harnessJs}</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto(gmailUrl);
  return page;
}

const sentCount = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);

/** Everything a page script can read of the guard's hosts and of the frames in the page. */
function readEverything(page: Page): Promise<{ texts: string[]; shadowRoots: number; frameDocs: number; actions: number; html: string }> {
  return page.evaluate(() => {
    const texts: string[] = [];
    let shadowRoots = 0;
    let actions = 0;
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          shadowRoots += el.matches('[data-outreach-guard]') ? 1 : 0;
          walk(el.shadowRoot);
        }
      }
      actions += root.querySelectorAll('[data-action]').length;
    };
    walk(document);
    for (const host of document.querySelectorAll<HTMLElement>('[data-outreach-guard]')) {
      texts.push(host.innerText, host.textContent ?? '', host.outerHTML);
      // a closed root is null here; the extension-only API is not the page's
      texts.push(String((host as HTMLElement & { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot ?? ''));
    }
    let frameDocs = 0;
    for (let i = 0; i < window.frames.length; i++) {
      try {
        const doc = (window.frames[i] as Window).document;
        frameDocs++;
        texts.push(doc.documentElement.outerHTML);
      } catch {
        // cross-origin: no document for the page
      }
      try {
        texts.push(String((window.frames[i] as Window).location.href));
      } catch {
        // not readable cross-origin
      }
    }
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        texts.push(frame.contentDocument?.documentElement.outerHTML ?? '', frame.src);
      } catch {
        // cross-origin
      }
    }
    return { texts, shadowRoots, frameDocs, actions, html: document.documentElement.outerHTML };
  });
}

/** Every way a page script could press a control of the element it can reach. */
function pressEverything(page: Page, hostSelector: string): Promise<void> {
  return page.evaluate((sel) => {
    const host = document.querySelector<HTMLElement>(sel);
    if (!host) throw new Error(`no ${sel}`);
    const targets: HTMLElement[] = [host, ...host.querySelectorAll<HTMLElement>('*')];
    for (const t of targets) {
      t.click();
      t.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      t.focus();
      for (const key of ['Enter', ' ', 'Escape']) {
        t.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        t.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true, cancelable: true }));
      }
      t.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true, cancelable: true }));
      t.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'page wrote this' }));
    }
    // Talk to the frames directly: a forged "connect" with a port of the page's own.
    for (let i = 0; i < window.frames.length; i++) {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => ((window as unknown as { __leak: unknown[] }).__leak ??= []).push(e.data);
      (window.frames[i] as Window).postMessage({ og: 'connect', key: 'k'.repeat(64) }, '*', [channel.port2]);
      (window.frames[i] as Window).postMessage({ t: 'call', id: 1, name: 'onAction', args: [{ kind: 'send-anyway', reason: 'page' }] }, '*');
    }
  }, hostSelector);
}

describe('a page script cannot read or operate the hold', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('the dialog stays unreadable and unpressable to the page; the send stays held; the rep can still act', async () => {
    const page = await gmailPage(ext);
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    expect(await composer.waitForState(['held', 'clean', 'inactive'])).toBe('held');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await composer.holdDialog().waitVisible();
    // what the rep sees (through the frame)
    const shown = await dialog.text();
    expect(shown).toMatch(/Jan Jansen/);
    const codes = await dialog.host.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
    expect(codes).toContain('NL-EM-01');

    const seen = await readEverything(page);
    expect(seen.shadowRoots, 'no open shadow root of ours').toBe(0);
    expect(seen.frameDocs, 'no frame document readable').toBe(0);
    expect(seen.actions, 'no control of ours in reach').toBe(0);
    const all = [...seen.texts, seen.html].join('\n');
    for (const secret of ['NL-EM-01', 'guard-frame', 'chrome-extension', ...shown.split('\n').filter((l) => l.trim().length > 12 && !before.includes(l.trim()))]) {
      expect(all, `the page can read "${secret}"`).not.toContain(secret);
    }
    // the fixed hooks stay on the element in the page
    expect(await dialog.decision()).toBe('block');

    await pressEverything(page, '[data-outreach-guard="hold"]');
    await page.waitForTimeout(500);
    expect(await sentCount(page), 'the page pressed nothing').toBe(0);
    expect(await dialog.isOpen(), 'the dialog is still there').toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __leak?: unknown[] }).__leak ?? [])).toEqual([]);

    // Script inside the frame itself (not the page's: it cannot get there) is untrusted too: ignored.
    const frame = await waitForGuardFrame(page, 'hold');
    await frame.evaluate(() => {
      const cancel = document.querySelector<HTMLElement>('[data-outreach-guard="hold"]')?.shadowRoot?.querySelector<HTMLElement>('[data-action="cancel"]');
      cancel?.click();
      cancel?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    expect(await dialog.isOpen(), 'an untrusted click in the frame does nothing').toBe(true);

    // The rep's own click still works.
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await sentCount(page)).toBe(0);
    await page.close();
  });

  test('a composer the page marks before the guard attaches is still guarded: the send is held', async () => {
    // The markers go on in the served HTML (before any content script sees the composer) and again by a
    // script on every change; the guard keeps its ownership in its own memory and trusts none of them.
    const page = await gmailPage(ext, (html) =>
      html
        .replace(/<div([^>]*\bclass="[^"]*\bM9\b)/, '<div data-outreach-guard-owner="page" data-outreach-guard-state="clean" data-outreach-guard="forged"$1')
        .replace(
          '</head>',
          `<script>new MutationObserver(() => { for (const el of document.querySelectorAll('div.M9')) if (el.getAttribute('data-outreach-guard-owner') !== 'page') el.setAttribute('data-outreach-guard-owner', 'page'); }).observe(document, { subtree: true, childList: true, attributes: true });</script></head>`,
        ),
    );
    const composer = new GuardedComposer(page, page.locator('div.M9').first());
    await composer.waitForState('held');
    await page.locator('div.M9 .aoO[role=button]').first().click();
    const dialog = await new HoldDialog(page).waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await sentCount(page)).toBe(0);
    expect(await tabGuardState(ext, page)).toBe('held');
    await page.close();
  });

  test("the page's <html> says nothing about the extension", async () => {
    const page = await gmailPage(ext);
    await new GuardedComposer(page, page.locator('div.M9').first()).waitForState(['held', 'clean', 'inactive']);
    const attrs = await page.evaluate(() => [...document.documentElement.attributes].map((a) => a.name));
    expect(attrs.filter((a) => a.includes('outreach'))).toEqual([]);
    await page.close();
  });
});

describe('a page script cannot read or operate Save to my list', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  test('the person and the controls stay out of reach; pressing everything saves nothing', async () => {
    const url = 'https://www.linkedin.com/in/lee-okafor-77/';
    await routeSite(ext.context, url, { file: 'linkedin/profile.html' });
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.locator('[data-outreach-guard="save-profile"]').waitFor({ state: 'attached', timeout: 10_000 });
    const frame = await waitForGuardFrame(page, 'save');
    const control = frame.locator('body');
    await expect.poll(() => control.locator('[data-action="open-save"]').count(), { timeout: 10_000 }).toBe(1);
    // open the form as the rep would, so every control exists
    await control.locator('[data-action="open-save"]').click();
    await control.locator('input[data-basis="consent"]').waitFor({ state: 'visible' });

    const seen = await readEverything(page);
    expect(seen.shadowRoots).toBe(0);
    expect(seen.frameDocs).toBe(0);
    expect(seen.actions).toBe(0);
    expect([...seen.texts].join('\n')).not.toMatch(/Save to my list|Opslaan in mijn lijst|data-basis/);

    await pressEverything(page, '[data-outreach-guard="save-profile"]');
    await page.waitForTimeout(800);
    expect(await control.innerText(), 'nothing was saved').not.toMatch(/Saved to your list|Opgeslagen|Already in your list|Staat al/);
    await page.close();
  });
});
