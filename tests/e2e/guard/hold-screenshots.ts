// Screenshots of the hold (LinkedIn, Gmail, Outlook; one and several recipients; an objection; a fresh install;
// the do-not-contact entry) and of the in-composer marker, in Dutch and English, into docs/screenshots/.
// Run by `npm run screenshots` (scripts/screenshots.mjs builds first).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { h, render } from 'preact';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness';
import { ComposerMarker, composerMarkerCss, type MarkerState } from '../../../components/guard/ComposerMarker';
import { BAKKERIJ, composerOf, hold, holdOn, JAN, launchExtension, protocolPage, recordObjection, serveSites, setUp } from './hold-screens';

const out = path.join(repoRoot, 'docs', 'screenshots');
const written: string[] = [];

async function shoot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) {
  await page.waitForTimeout(250); // focus ring and fonts settle
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  written.push(path.relative(repoRoot, file));
}

/** The marker as the component renders it (not mounted in composers yet: shown where it would sit). */
function markerHtml(lang: 'nl' | 'en', state: MarkerState, count: number): string {
  const dom = new JSDOM('<!doctype html><div id="m"></div>');
  const g = globalThis as unknown as { document?: Document };
  const before = g.document;
  g.document = dom.window.document;
  try {
    const el = dom.window.document.getElementById('m')!;
    render(h(ComposerMarker, { lang, state, count, onOpen: () => undefined }), el);
    return el.innerHTML;
  } finally {
    g.document = before;
  }
}

async function showMarker(page: Page, lang: 'nl' | 'en', state: MarkerState, count: number) {
  const composer = composerOf(page, 'gmail');
  await composer.evaluate(
    (root, { html, css }) => {
      const host = document.createElement('div');
      host.setAttribute('data-outreach-guard', 'marker');
      // out of the flow: the composer's layout does not move
      host.style.cssText = 'position:absolute;right:12px;bottom:56px;z-index:5';
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<style>${css}</style>${html}`;
      (root as HTMLElement).style.position ||= 'relative';
      root.append(host);
    },
    { html: markerHtml(lang, state, count), css: composerMarkerCss },
  );
}

async function run(lang: 'nl' | 'en') {
  const ext = await launchExtension({ locale: lang === 'nl' ? 'nl' : 'en-US' });
  try {
    await serveSites(ext.context);
    // 1. fresh install: the setup page opened by itself; the hold says setup comes first
    const setupTab = await waitForSetupTab(ext.context.pages.bind(ext.context));
    if (setupTab) {
      await setupTab.setViewportSize({ width: 1100, height: 860 });
      await setupTab.locator('h1').waitFor();
      await shoot(setupTab, `setup-${lang}`);
    } else console.warn('  no setup tab opened on install');
    let page = await holdOn(ext, 'gmail');
    await shoot(page, `hold-fresh-install-${lang}`);
    await page.close();

    const protocol = await protocolPage(ext);
    await setUp(protocol, lang);

    // 2. Gmail, several recipients, nobody in the register
    page = await holdOn(ext, 'gmail');
    await shoot(page, `hold-gmail-several-${lang}`);
    // the reasons, unfolded
    await hold(page).locator('details.why > summary').click();
    await shoot(page, `hold-gmail-why-${lang}`);
    await hold(page).locator('details.why > summary').click();
    // a proper do-not-contact entry for one of them
    await hold(page).locator(`[data-action="do-not-contact"][data-recipient="to:${BAKKERIJ}"]`).click();
    await shoot(page, `hold-do-not-contact-${lang}`);
    await page.keyboard.press('Escape');
    // 3. the marker in the composer (ok / attention / cannot check)
    for (const [state, count] of [['attention', 2], ['ok', 0], ['unchecked', 0]] as const) {
      await page.evaluate(() => document.querySelectorAll('[data-outreach-guard="marker"]').forEach((m) => m.remove()));
      await showMarker(page, lang, state, count);
      const box = await composerOf(page, 'gmail').boundingBox();
      if (box) await shoot(page, `marker-${state}-${lang}`, { x: Math.max(0, box.x), y: Math.max(0, box.y + box.height - 200), width: Math.min(box.width, 1280 - box.x), height: 200 });
    }
    await page.close();

    // 4. Outlook: Jan objected
    await recordObjection(protocol, JAN);
    page = await holdOn(ext, 'outlook');
    await shoot(page, `hold-outlook-objection-${lang}`);
    await page.close();

    // 5. LinkedIn, one recipient
    page = await holdOn(ext, 'linkedin');
    await shoot(page, `hold-linkedin-one-${lang}`);
    await page.close();
  } finally {
    await ext.close();
  }
}

async function waitForSetupTab(pages: () => Page[]): Promise<Page | undefined> {
  for (let i = 0; i < 50; i++) {
    const tab = pages().find((p) => p.url().includes('#/setup'));
    if (tab) return tab;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

await mkdir(out, { recursive: true });
for (const lang of ['nl', 'en'] as const) await run(lang);
console.log(written.map((f) => `wrote ${f}`).join('\n'));
