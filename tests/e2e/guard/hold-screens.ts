import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ask, fixturesDir, launchExtension, protocolPage, routeSite, type Extension } from '../harness';

// The hold on each site, as the screenshots and the hold e2e tests drive it: fixture pages at the real
// URLs with the harness that imitates each site's Send, and the real extension.

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
export const OUTLOOK_URL = 'https://outlook.office.com/mail/';
export const LINKEDIN_URL = 'https://www.linkedin.com/messaging/thread/2-ZmFrZS10aHJlYWQtZm9yLWZpeHR1cmVz/';
export const JAN = 'jan.jansen@acme.nl';
export const BAKKERIJ = 'info@bakkerij-devries.nl';

const sites = {
  gmail: { url: GMAIL_URL, glob: 'https://mail.google.com/**', file: 'gmail/gmail-new-compose.html', script: 'gmail/harness.js' },
  outlook: { url: OUTLOOK_URL, glob: 'https://outlook.office.com/**', file: 'outlook/outlook-compose.html', script: 'outlook/harness.js' },
  linkedin: { url: LINKEDIN_URL, glob: 'https://www.linkedin.com/**', file: 'linkedin/messaging-thread.html', script: '../e2e/linkedin/linkedin-sim.js' },
} as const;
export type Site = keyof typeof sites;

/** Serves the three sites' fixtures once per browser. */
export async function serveSites(context: BrowserContext): Promise<void> {
  for (const s of Object.values(sites)) {
    const script = await readFile(path.join(fixturesDir, s.script), 'utf8');
    await routeSite(context, s.glob, { file: s.file }, {
      transform: (html) => html.replace(/<script id="fixture-harness">[\s\S]*?<\/script>/, '').replace(/<\/body>/i, `<script>${script}</script></body>`),
    });
  }
}

/** A composer root per site (the element that carries data-outreach-guard-state). */
export function composerOf(page: Page, site: Site) {
  if (site === 'gmail') return page.locator('div.M9').first();
  if (site === 'outlook') return page.locator('[id^="docking_InitVisiblePart"], [data-app-section="Form_Content"]').first();
  return page.locator('[data-outreach-guard-state]').first();
}

/** Opens the site, writes a cold pitch where the fixture has none, and presses Send. */
export async function holdOn(ext: Extension, site: Site): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(sites[site].url);
  await page.waitForSelector('[data-outreach-guard-state]', { timeout: 15_000 });
  if (site === 'linkedin') {
    const editor = page.locator('.msg-form__contenteditable').first();
    await editor.click();
    await editor.pressSequentially('Hallo Dana, graag laat ik je kennismaken met onze planningssoftware. Zullen we volgende week een demo inplannen?');
    await page.locator('button.msg-form__send-button').first().click();
  } else if (site === 'gmail') {
    await composerOf(page, site).locator('.aoO[role=button]:not(.Uo)').click();
  } else {
    await composerOf(page, site).locator('[data-testid="ComposeSendButton"] button[id$="__primaryActionButton"]').click();
  }
  await page.locator('[data-outreach-guard="hold"] [role="alertdialog"]').waitFor({ state: 'visible', timeout: 15_000 });
  // the verdict, not "checking…"
  await page.waitForFunction(() => document.querySelector('[data-outreach-guard="hold"]')?.hasAttribute('data-decision'), undefined, { timeout: 15_000 });
  return page;
}

export const hold = (page: Page) => page.locator('[data-outreach-guard="hold"]');

/** The organisation's details, as the setup page saves them. */
export async function setUp(protocol: Page, language: 'auto' | 'nl' | 'en'): Promise<void> {
  const { settings } = await ask<{ settings: Record<string, unknown> }>(protocol, { type: 'settings/get' });
  await ask(protocol, {
    type: 'settings/save',
    settings: {
      ...settings,
      organisation: {
        ...(settings.organisation as object),
        legalName: 'Voorbeeld Verpakkingen B.V.',
        contact: 'Keizersgracht 1, Amsterdam, 020 123 4567',
        privacyUrl: 'https://voorbeeld.nl/privacy',
        optOutMethod: 'Antwoord "stop"',
      },
      language,
    },
  });
}

export async function recordObjection(protocol: Page, email: string): Promise<void> {
  await ask(protocol, { type: 'suppression/add-for-recipients', recipients: [{ key: `to:${email}`, email }], scope: 'all', reason: 'Maakte bezwaar (telefoon)' });
}

export { launchExtension, protocolPage };
