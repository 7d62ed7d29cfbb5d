import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir, guardPageStatus, HoldDialog, launchExtension, repoRoot, routeSite, type Extension } from '../harness';

// Issue 14 item 2, total drift, in the real browser: each surface is served after a "redesign" in which every
// class, id or attribute the guard knows its composers by has a new name (the site's own scripts follow the
// rename, so its send still works). The guard can tie no send to a composer it understands: a send beside a
// draft is held ("cannot check"), nothing leaves, the toolbar says the guard is not active here, and the rep
// can still send it once with a reason.

interface DriftedSurface {
  name: string;
  url: string;
  /** fixture file under tests/fixtures */
  file: string;
  /** the script that plays the site's part (it must follow the rename too) */
  siteScript: string;
  /** from → to, applied to the page and to its script alike */
  renames: [RegExp, string][];
  draft: (page: Page) => Promise<void>;
  send: (page: Page) => Promise<void>;
  sent: (page: Page) => Promise<number>;
}

const typeInto = (selector: string, text: string) => async (page: Page) => {
  await page.locator(selector).first().click();
  await page.keyboard.type(text);
};
const liSent = (page: Page) => page.evaluate(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent.length);
const fixtureSent = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length);

// LinkedIn's messaging classes all start with "msg-": renaming the prefix renames every one of them at once.
const linkedinMessaging: [RegExp, string][] = [[/msg-/g, 'msgv2-']];

const surfaces: DriftedSurface[] = [
  {
    name: 'LinkedIn overlay bubble',
    url: 'https://www.linkedin.com/notifications/?drift=overlay',
    file: 'linkedin/messaging-overlay.html',
    siteScript: 'tests/e2e/linkedin/linkedin-sim.js',
    renames: linkedinMessaging,
    draft: typeInto('.msgv2-form__contenteditable', 'Hi Dana, a quick offer for your team.'),
    send: (page) => page.locator('button.msgv2-form__send-button').first().click(),
    sent: liSent,
  },
  {
    name: 'LinkedIn thread page',
    url: 'https://www.linkedin.com/messaging/thread/2-drift/',
    file: 'linkedin/messaging-thread.html',
    siteScript: 'tests/e2e/linkedin/linkedin-sim.js',
    renames: linkedinMessaging,
    draft: typeInto('.msgv2-form__contenteditable', 'Hello Dana, our offer.'),
    send: (page) => page.locator('button.msgv2-form__send-button').first().click(),
    sent: liSent,
  },
  {
    name: 'LinkedIn invitation note',
    url: 'https://www.linkedin.com/preload/custom-invite/?vanityName=drift-note',
    file: 'linkedin/invite-note-basic.html',
    siteScript: 'tests/e2e/linkedin/linkedin-sim.js',
    renames: [[/send-invite/g, 'invite-sender'], [/custom-message/g, 'invite-note-text']],
    draft: typeInto('textarea#invite-note-text', 'We met at the fair; may I show you our tool?'),
    send: (page) => page.locator('button[aria-label="Send invitation"]').click(),
    sent: liSent,
  },
  {
    name: 'Sales Navigator InMail',
    url: 'https://www.linkedin.com/sales/lead/ACwAAdriftSALESNAV,NAME_SEARCH,Xy7Q',
    file: 'linkedin/salesnav-inmail.html',
    siteScript: 'tests/e2e/linkedin/linkedin-sim.js',
    renames: [[/compose-form/g, 'message-composer'], [/Conversation with /g, 'Chat with ']],
    draft: async (page) => {
      await page.locator('input[aria-label="Subject (required)"]').fill('Supplier risk');
      await typeInto('textarea[name="message"]', 'Hi Dana, our offer.')(page);
    },
    send: (page) => page.locator('section[role="dialog"] button[type="submit"]').click(),
    sent: liSent,
  },
  {
    name: 'Gmail new message',
    url: 'https://mail.google.com/mail/u/0/#inbox?drift=1',
    file: 'gmail/gmail-new-compose.html',
    siteScript: 'tests/fixtures/gmail/harness.js',
    // the compose core (.M9) and the body's wrapper (.Ap) by which the guard knows a Gmail editor
    renames: [[/\bM9\b/g, 'M9z'], [/\bAp\b/g, 'Apz']],
    draft: typeInto('[g_editable="true"]', 'Beste Anna, graag bied ik je onze nieuwe dienst aan.'),
    send: (page) => page.locator('.aoO[role=button]:not(.Uo)').first().click(),
    sent: fixtureSent,
  },
  {
    name: 'Outlook compose',
    url: 'https://outlook.office.com/mail/?drift=1',
    file: 'outlook/outlook-compose.html',
    siteScript: 'tests/fixtures/outlook/harness.js',
    renames: [[/docking_InitVisiblePart/g, 'dockPane_Visible'], [/Form_Content/g, 'FormBody'], [/editorParent_/g, 'editorHost_']],
    draft: typeInto('[aria-multiline="true"][contenteditable="true"]', 'Beste Anna, graag bied ik je onze nieuwe dienst aan.'),
    send: (page) => page.locator('[data-testid="ComposeSendButton"] button[id$="__primaryActionButton"]').first().click(),
    sent: fixtureSent,
  },
];

const applyRenames = (text: string, renames: [RegExp, string][]) => renames.reduce((t, [from, to]) => t.replace(from, to), text);

async function openDrifted(ext: Extension, s: DriftedSurface): Promise<Page> {
  const script = applyRenames(await readFile(path.join(repoRoot, s.siteScript), 'utf8'), s.renames);
  const u = new URL(s.url);
  await routeSite(ext.context, `${u.origin}${u.pathname}**`, { file: path.join(fixturesDir, s.file) }, {
    transform: (html) =>
      applyRenames(html.replace(/<script id="fixture-harness">[\s\S]*?<\/script>/, ''), s.renames).replace('</body>', `<script>${script}</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto(s.url);
  return page;
}

describe('total drift: every composer hook renamed at once', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => ext?.close());

  describe.each(surfaces.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    test('the send is held as "cannot check", nothing leaves, the toolbar says not active; send anyway sends once', async () => {
      const page = await openDrifted(ext, s);
      await s.draft(page);
      await s.send(page);
      const dialog = await new HoldDialog(page).waitVisible();
      expect(await dialog.text()).toMatch(/kon dit bericht niet controleren|could not check this message/i);
      expect(await s.sent(page)).toBe(0);
      expect(await guardPageStatus(ext, page)).toMatch(/^(held|inactive)$/);

      await dialog.button('cancel').click();
      await dialog.waitGone();
      expect(await s.sent(page)).toBe(0);
      expect(await guardPageStatus(ext, page)).toBe('inactive');

      // the rep can still send it, once, with a reason
      await s.send(page);
      const again = await new HoldDialog(page).waitVisible();
      await again.sendAnyway('De pagina is veranderd; bericht zelf gecontroleerd (e2e)');
      for (const until = Date.now() + 5_000; (await s.sent(page)) === 0 && Date.now() < until; ) await page.waitForTimeout(100);
      await page.waitForTimeout(300);
      expect(await s.sent(page)).toBe(1);
      await page.close();
    });
  });
});
