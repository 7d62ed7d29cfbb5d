import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, protocolPage, type Extension } from '../harness';
import { breakBackgroundDatabase, cleanReplyLines, insertDisclosureFromHold, outboundRecorded, recordObjection, seedConsent, seedOrganisation, seedRequestedContact, typeBody, WebmailPage } from './webmail-pages';

// Outlook on the web in a real Chromium with the built extension, on the fixtures served at the four
// Outlook hosts. Jan Jansen objected to e-mail: every surface must hold a mail to him.

const JAN = 'to:jan.jansen@acme.nl';

describe('Outlook guard', () => {
  let ext: Extension;
  let protocol: Page;
  beforeAll(async () => {
    ext = await launchExtension();
    protocol = await protocolPage(ext);
    await recordObjection(protocol, 'jan.jansen@acme.nl');
    await seedOrganisation(protocol);
    await outboundRecorded(ext); // start counting
  });
  afterAll(async () => ext?.close());

  test.each([
    ['docked compose (outlook.office.com)', 'outlook-compose.html', 'https://outlook.office.com/mail/'],
    ['docked compose (outlook.live.com)', 'outlook-compose.html', 'https://outlook.live.com/mail/0/'],
    ['docked compose (outlook.cloud.microsoft)', 'outlook-compose.html', 'https://outlook.cloud.microsoft/mail/'],
    ['docked compose (outlook.office365.com)', 'outlook-compose.html', 'https://outlook.office365.com/mail/'],
    ['popped-out compose', 'popout-compose.html', 'https://outlook.office.com/mail/deeplink/compose'],
    ['inline reply', 'inline-reply.html', 'https://outlook.office.com/mail/inbox/id/AAQkADAw'],
  ])('%s: a mail to someone who objected is held and does not leave', async (_surface, file, url) => {
    const mail = await WebmailPage.outlook(ext, file, url);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await dialog.host.locator(`section[data-recipient="${JAN}"]`).count(), 'Jan is listed in the dialog').toBe(1);
    expect(await mail.sent(), 'nothing may leave while held').toHaveLength(0);
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await mail.sent()).toHaveLength(0);
    await mail.page.close();
  });

  test('a released mail that left is recorded once Outlook\'s undo period is over', async () => {
    const before = await outboundRecorded(ext);
    const mail = await WebmailPage.outlook(ext, 'popout-compose.html', 'https://outlook.office.com/mail/deeplink/compose', 500);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    await dialog.host.locator(`[data-action="remove-recipient"][data-recipient="${JAN}"]`).click();
    await expect.poll(async () => (await dialog.isOpen()) && (await dialog.host.locator(`section[data-recipient="${JAN}"]`).count())).toBe(0);
    if (await dialog.isOpen()) await dialog.sendAnyway('Klant vroeg om deze informatie');
    const [sent] = await mail.waitForSent(1);
    expect(sent!.to).toEqual([]);
    expect(sent!.cc).toEqual(['karin.deboer@example.org']);
    await expect.poll(() => outboundRecorded(ext), { timeout: 15_000 }).toBeGreaterThan(before);
    await mail.page.close();
  });

  test('a clean mail leaves without a dialog (Ctrl+Enter)', async (ctx) => {
    if (!(await seedRequestedContact(protocol, 'karin.deboer@example.org', 'Karin de Boer'))) return ctx.skip();
    const mail = await WebmailPage.outlook(ext, 'popout-compose.html', 'https://outlook.office.com/mail/deeplink/compose');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    // only Karin stays: To and Bcc chips go (as the rep would delete them)
    await mail.page.evaluate(() => document.querySelectorAll('[id$="_TO"] ._EType_RECIPIENT_ENTITY, [id$="_BCC"] ._EType_RECIPIENT_ENTITY').forEach((c) => c.remove()));
    await typeBody(mail, cleanReplyLines);
    await mail.composer().waitForState('clean', 15_000);
    await mail.page.keyboard.press('Control+Enter');
    const [sent] = await mail.waitForSent(1);
    expect(await mail.composer().holdDialog().isOpen(), 'no dialog for a clean mail').toBe(false);
    expect(sent!.cc).toEqual(['karin.deboer@example.org']);
    await mail.page.close();
  });

  test('Ctrl+Enter is held like the Send button', async () => {
    const mail = await WebmailPage.outlook(ext, 'outlook-compose.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.body().click();
    await mail.page.keyboard.press('Control+Enter');
    const dialog = await mail.composer().holdDialog().waitVisible();
    expect(await mail.sent()).toHaveLength(0);
    await dialog.button('cancel').click();
    await mail.page.close();
  });

  test('a name-only recipient is checked as a weak match, and an unreadable chip holds the mail', async () => {
    const mail = await WebmailPage.outlook(ext, 'name-only.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    const jan = dialog.host.locator('section[data-recipient="to:name:jan jansen"]');
    expect(await jan.count()).toBe(1);
    expect(await jan.innerText(), 'the dialog says the match is weak').toMatch(/name only/i);
    expect(await dialog.host.locator('section[data-recipient="cc:chip:0"]').innerText()).toMatch(/address cannot be read|adres .* niet te lezen/i);
    expect(await mail.sent()).toHaveLength(0);
    await dialog.button('cancel').click();
    await mail.page.close();
  });

  test('"remove this recipient" takes Jan out; the mail then goes to the rest only; Undo is not recorded', async () => {
    const before = await outboundRecorded(ext);
    const mail = await WebmailPage.outlook(ext, 'outlook-compose.html', undefined, 3000);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    await dialog.host.locator(`[data-action="remove-recipient"][data-recipient="${JAN}"]`).click();
    await expect.poll(() => mail.composer().root.locator('[aria-label="jan.jansen@acme.nl"]').count()).toBe(0);
    await expect.poll(async () => (await dialog.isOpen()) && (await dialog.host.locator(`section[data-recipient="${JAN}"]`).count())).toBe(0);
    if (await dialog.isOpen()) await dialog.sendAnyway('Bakkerij vroeg zelf om een offerte');
    const [sent] = await mail.waitForSent(1);
    expect(sent!.to).toEqual(['info@bakkerij-devries.nl']);
    await mail.undo();
    expect((await mail.sent())[0]!.undone).toBe(true);
    await mail.page.waitForTimeout(3500);
    expect(await outboundRecorded(ext), 'an undone mail is not in the ledger').toBe(before);
    await mail.page.close();
  });

  test('the background failing holds the mail with "could not check", never silence', async () => {
    await breakBackgroundDatabase(ext);
    const mail = await WebmailPage.outlook(ext, 'popout-compose.html', 'https://outlook.office.com/mail/deeplink/compose');
    await mail.composer().waitForState(['held', 'clean', 'inactive', 'checking']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible(15_000);
    await expect.poll(() => dialog.text(), { timeout: 15_000 }).toMatch(/could not check/i);
    expect(await mail.sent()).toHaveLength(0);
    await mail.page.close();
  });
});

// "Insert disclosure" in a fresh browser whose ledger holds Jan's consent (with its proof): the notice is then
// the only gap, so the hold offers it (the suite above records Jan as objecting, a hard hold).
describe('Outlook: insert disclosure', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
    const protocol = await protocolPage(ext);
    await seedOrganisation(protocol);
    await seedConsent(protocol, 'jan.jansen@acme.nl', 'Jan Jansen');
  });
  afterAll(async () => ext?.close());

  test('"insert disclosure" puts it above the signature and the quoted message of a reply, and it is sent', async () => {
    const mail = await WebmailPage.outlook(ext, 'inline-reply.html', 'https://outlook.office.com/mail/inbox/id/AAQkADAw');
    const { after, at, dialog } = await insertDisclosureFromHold(mail);
    expect(at).toBeGreaterThanOrEqual(after.indexOf('Hierbij de offerte.') + 'Hierbij de offerte.'.length);
    expect(at).toBeLessThanOrEqual(after.indexOf('Sanne de Vries'));
    expect(after.indexOf('Sanne de Vries')).toBeLessThan(after.indexOf('Van:'));
    await expect.poll(() => dialog.button('send').count(), { timeout: 10_000, message: 'after the notice the mail should be clean' }).toBe(1).catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${await dialog.text().catch(() => '(no dialog)')}`);
    });
    await dialog.button('send').click();
    const [sent] = await mail.waitForSent(1);
    expect(sent!.text.replace(/\s+/g, ' ')).toContain(after.slice(at, at + 30).replace(/\s+/g, ' ').trim());
    await mail.page.close();
  });
});
