import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ask, fixturesDir, GuardedComposer, routeSite, type Extension, type HoldDialog } from '../harness';

// Page objects for the webmail fixtures: served at the real URLs with the send-simulating harness
// (tests/fixtures/<site>/harness.js) that records what "left" in window.__fixture.

export interface SentRecord {
  how: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  undone: boolean;
}

async function serve(ext: Extension, site: 'gmail' | 'outlook', file: string, urlGlob: string, undoMs: number) {
  const harness = await readFile(path.join(fixturesDir, site, 'harness.js'), 'utf8');
  await routeSite(ext.context, urlGlob, { file: `${site}/${file}` }, {
    transform: (html) =>
      html
        .replace(/<script id="fixture-harness">[\s\S]*?<\/script>/, '')
        .replace('</body>', `<script>${harness}\nwindow.__fixture.undoMs = ${undoMs};</script></body>`),
  });
}

export class WebmailPage {
  constructor(
    readonly page: Page,
    readonly site: 'gmail' | 'outlook',
  ) {}

  static async gmail(ext: Extension, file: string, url = 'https://mail.google.com/mail/u/0/#inbox', undoMs = 1500): Promise<WebmailPage> {
    await serve(ext, 'gmail', file, 'https://mail.google.com/**', undoMs);
    const page = await ext.context.newPage();
    await page.goto(url);
    return new WebmailPage(page, 'gmail');
  }

  static async outlook(ext: Extension, file: string, url = 'https://outlook.office.com/mail/', undoMs = 1500): Promise<WebmailPage> {
    const origin = new URL(url).origin;
    await serve(ext, 'outlook', file, `${origin}/**`, undoMs);
    const page = await ext.context.newPage();
    await page.goto(url);
    return new WebmailPage(page, 'outlook');
  }

  /** the nth compose on the page (Gmail: div.M9; Outlook: docked or popped-out root) */
  composer(n = 0): GuardedComposer {
    const roots = this.site === 'gmail' ? 'div.M9' : '[id^="docking_InitVisiblePart"], [data-app-section="Form_Content"]';
    return new GuardedComposer(this.page, this.page.locator(roots).nth(n));
  }

  sendButton(n = 0) {
    return this.site === 'gmail'
      ? this.composer(n).root.locator('.aoO[role=button]:not(.Uo)')
      : this.composer(n).root.locator('[data-testid="ComposeSendButton"] button[id$="__primaryActionButton"]');
  }

  body(n = 0) {
    return this.composer(n).root.locator(this.site === 'gmail' ? '[g_editable="true"]' : '[aria-multiline="true"][contenteditable="true"]');
  }

  /** the body as the reader sees it (innerText in the real browser) */
  bodyText(n = 0): Promise<string> {
    return this.body(n).innerText();
  }

  sent(): Promise<SentRecord[]> {
    return this.page.evaluate(() => (window as unknown as { __fixture: { sent: SentRecord[] } }).__fixture.sent);
  }

  async waitForSent(count = 1, timeout = 10_000): Promise<SentRecord[]> {
    await this.page.waitForFunction((n) => (window as unknown as { __fixture: { sent: unknown[] } }).__fixture.sent.length >= n, count, { timeout });
    return this.sent();
  }

  /** Gmail's "Undo" in the sent notice; Outlook's Undo send */
  undo() {
    return this.page.locator(this.site === 'gmail' ? '#link_undo' : '#fixture-undo').click();
  }
}

/** Marks a person do-not-contact (they objected), through the same request the hold dialog's button sends. */
export async function recordObjection(protocol: Page, email: string): Promise<void> {
  await ask(protocol, {
    type: 'suppression/add-for-recipients',
    recipients: [{ key: `to:${email}`, email }],
    scope: 'all',
    reason: 'Maakte bezwaar tegen e-mail (telefoon, 2 sep)',
  });
}

/**
 * Counts the outbound events content scripts ask the background to record (ledger/record-event with
 * kind outbound-sent): a second runtime listener that only looks, installed once per browser.
 */
export async function outboundRecorded(ext: Extension): Promise<number> {
  if (!ext.serviceWorker) throw new Error('no background');
  return ext.serviceWorker.evaluate(() => {
    const g = globalThis as unknown as {
      __ogOutbound?: number;
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
    };
    if (g.__ogOutbound === undefined) {
      g.__ogOutbound = 0;
      g.chrome.runtime.onMessage.addListener((m) => {
        const msg = m as { type?: string; event?: { kind?: string } };
        if (msg?.type === 'ledger/record-event' && msg.event?.kind === 'outbound-sent') g.__ogOutbound! += 1;
      });
    }
    return g.__ogOutbound;
  });
}

/** Makes every database read in the background fail, as a corrupted or blocked IndexedDB would. */
export async function breakBackgroundDatabase(ext: Extension): Promise<void> {
  if (!ext.serviceWorker) throw new Error('no background');
  await ext.serviceWorker.evaluate(() => {
    const fail = function () {
      throw new DOMException('database broken for this test', 'UnknownError');
    };
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[]) {
      for (const m of ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count']) proto[m] = fail;
    }
  });
}

/**
 * Presses Send in the first compose and "insert disclosure" in the hold that follows; returns the body before
 * and after, where the text went in, and the hold (still open).
 */
export async function insertDisclosureFromHold(mail: WebmailPage): Promise<{ before: string; after: string; at: number; dialog: HoldDialog }> {
  await mail.composer().waitForState(['held', 'clean', 'inactive']);
  const before = await mail.bodyText();
  await mail.sendButton().click();
  const dialog = await mail.composer().holdDialog().waitVisible();
  await dialog.button('insert-disclosure').click();
  for (const until = Date.now() + 5_000; (await mail.bodyText()) === before && Date.now() < until; ) await mail.page.waitForTimeout(50);
  const after = await mail.bodyText();
  if (after === before) throw new Error('"insert disclosure" changed nothing in the body');
  return { before, after, at: insertionPoint(before, after), dialog };
}

/** Where `after` first differs from `before`: the point where text was inserted. */
export function insertionPoint(before: string, after: string): number {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return i;
}

/** A body the engine passes for a requested reply: sender identity, opt-out and the right to object. */
export const cleanReplyLines = [
  'Beste Karin,',
  'Hierbij de offerte die je vroeg.',
  'Met vriendelijke groet,',
  'Sanne de Vries',
  'Voorbeeld Verpakkingen B.V., Keizersgracht 1, Amsterdam, 020 123 4567',
  'Geen berichten meer? Antwoord met STOP. U kunt altijd bezwaar maken tegen direct marketing.',
];

/** The organisation a rep enters at first-run setup: without it the hold offers the setup instead of a notice. */
export async function seedOrganisation(protocol: Page): Promise<void> {
  await ask(protocol, {
    type: 'settings/save',
    settings: { organisation: { legalName: 'Voorbeeld Verpakkingen B.V.', contact: 'Keizersgracht 1, Amsterdam, 020 123 4567', privacyUrl: 'https://voorbeeld.nl/privacy', optOutMethod: 'Antwoord met STOP', dpo: '', country: 'NL', exempt2026: false } },
  });
}

/**
 * Seeds what makes a mail to `email` clean: the organisation's identity in the settings and a contact who
 * asked for the quote (inbound request). Returns false when this build has no management protocol yet.
 */
export async function seedRequestedContact(protocol: Page, email: string, name: string): Promise<boolean> {
  try {
    await seedOrganisation(protocol);
    // asked a week ago: a request the rep answers now (the message model reads a recent request as context)
    const asked = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await ask(protocol, {
      type: 'contacts/save',
      contact: {
        name, emails: [email], recipientKind: 'natural_professional', country: 'NL',
        provenance: { source: 'data_subject', obtainedAt: asked },
        basis: { type: 'inbound_request', date: asked, subject: 'offerte verpakkingen' },
      },
    });
    return true;
  } catch (error) {
    if (/not-implemented/.test(String(error))) return false;
    throw error;
  }
}

/**
 * A person who agreed to e-mail, with the note that proves it (EV-01): their only gap in a first mail is the
 * notice (who writes, how to opt out), which is what "insert disclosure" adds.
 */
export async function seedConsent(protocol: Page, email: string, name: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const saved = await ask<{ id: string }>(protocol, {
    type: 'contacts/save',
    contact: {
      name, emails: [email], recipientKind: 'natural_professional', country: 'NL',
      provenance: { source: 'data_subject', obtainedAt: today },
      basis: {
        type: 'consent', who: name, when: today, how: 'written_note',
        what: { entity: 'Voorbeeld Verpakkingen B.V.', products: [], channels: ['email'] },
        capturedBy: 'Sanne de Vries', shownText: 'Mogen we je per e-mail op de hoogte houden van onze verpakkingen?',
      },
    },
  });
  const page = await ask<{ bases: { id: string }[] }>(protocol, { type: 'contacts/get', id: saved.id });
  await ask(protocol, { type: 'evidence/add-note', contactId: saved.id, basisId: page.bases[0]!.id, date: today, title: 'Toestemming op de beurs', text: `${name} vroeg om informatie per e-mail.` });
}

/** Replaces the compose body with `lines`, typed as a rep would. */
export async function typeBody(mail: WebmailPage, lines: string[]): Promise<void> {
  await mail.body().click();
  await mail.page.keyboard.press('Control+A');
  await mail.page.keyboard.press('Delete');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await mail.page.keyboard.press('Enter');
    await mail.page.keyboard.type(line);
  }
}
