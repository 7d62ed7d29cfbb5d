import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, protocolPage, type Extension } from '../harness';
import { breakBackgroundDatabase, cleanReplyLines, insertDisclosureFromHold, outboundRecorded, recordObjection, seedConsent, seedOrganisation, seedRequestedContact, typeBody, WebmailPage } from './webmail-pages';

// Gmail in a real Chromium with the built extension, on the fixtures served at mail.google.com. Jan Jansen
// objected to e-mail (do-not-contact): every surface must hold a mail to him and the fixture's harness must
// show nothing left. The hold dialog is the shared one (its fixed hooks are used here).

const JAN = 'to:jan.jansen@acme.nl';

describe('Gmail guard', () => {
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
    ['floating New message', 'gmail-new-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new', 0],
    ['pop-out window', 'popout-compose.html', 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', 0],
    ['full screen', 'fullscreen-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new', 0],
    ['inline reply', 'inline-reply.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmwz', 0],
    ['reply all', 'reply-all.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmwz', 0],
    ['first of two composes', 'two-composes.html', 'https://mail.google.com/mail/u/0/#inbox', 0],
    ['Dutch interface', 'dutch-ui.html', 'https://mail.google.com/mail/u/0/#inbox', 0],
  ])('%s: a mail to someone who objected is held and does not leave', async (_surface, file, url, n) => {
    const mail = await WebmailPage.gmail(ext, file, url);
    await mail.composer(n).waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton(n).click();
    const dialog = await mail.composer(n).holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    expect(await dialog.host.locator(`section[data-recipient="${JAN}"]`).count(), 'Jan is listed in the dialog').toBe(1);
    expect(await mail.composer(n).state()).toBe('held');
    expect(await mail.sent(), 'nothing may leave while held').toHaveLength(0);
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await mail.sent()).toHaveLength(0);
    await mail.page.close();
  });

  test('a chip without an address holds the mail with "could not read the address"', async () => {
    const mail = await WebmailPage.gmail(ext, 'chip-without-address.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    expect(await dialog.host.locator('section[data-recipient="to:chip:1"]').innerText()).toMatch(/address cannot be read|adres .* niet te lezen/i);
    expect(await mail.sent()).toHaveLength(0);
    await dialog.button('cancel').click();
    await mail.page.close();
  });

  test('200 recipients in one mail are all checked, and the mail is held until the rep decides', async () => {
    const mail = await WebmailPage.gmail(ext, 'many-recipients.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive'], 20_000);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible(20_000);
    await expect.poll(() => dialog.host.locator('section[data-recipient]').count(), { timeout: 20_000 }).toBe(200);
    expect(await mail.sent()).toHaveLength(0);
    await dialog.button('cancel').click();
    await mail.page.close();
  });

  test('Ctrl+Enter and Schedule send are held too', async () => {
    const mail = await WebmailPage.gmail(ext, 'gmail-new-compose.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.body().click();
    await mail.page.keyboard.press('Control+Enter');
    const dialog = await mail.composer().holdDialog().waitVisible();
    await dialog.button('cancel').click();
    await dialog.waitGone();
    await mail.composer().root.locator('.hG[role=button]').dispatchEvent('click'); // an icon-only button (no box to click); the harness opens the menu
    await mail.composer().root.locator('[selector=scheduledSend]').click();
    await dialog.waitVisible();
    expect(await mail.sent()).toHaveLength(0);
    await dialog.button('cancel').click();
    await mail.page.close();
  });

  test('Schedule send from a menu Gmail renders outside the compose is held for that compose', async () => {
    const mail = await WebmailPage.gmail(ext, 'two-composes.html');
    await mail.composer(1).waitForState(['held', 'clean', 'inactive']);
    // Gmail may put a compose's "More send options" menu at the end of body, outside .M9: move the second
    // compose's menu there, and listen (as Gmail would, bubble phase) for a Schedule send that gets through.
    await mail.page.evaluate(() => {
      const compose = document.querySelectorAll('div.M9')[1]!;
      const menu = compose.querySelector<HTMLElement>('[role=menu]')!;
      menu.id = 'outside-menu';
      document.body.append(menu);
      const w = window as unknown as { __scheduled: number };
      w.__scheduled = 0;
      menu.addEventListener('click', (e) => {
        if ((e.target as Element).closest('[selector=scheduledSend]')) w.__scheduled += 1;
      });
      compose.querySelector('.hG[role=button]')!.addEventListener('click', () => {
        menu.style.display = '';
      });
    });
    const scheduled = () => mail.page.evaluate(() => (window as unknown as { __scheduled: number }).__scheduled);
    await mail.composer(1).root.locator('.hG[role=button]').dispatchEvent('click'); // the rep opens compose 2's menu
    await mail.page.locator('#outside-menu [selector=scheduledSend]').click();
    const dialog = await mail.composer(1).holdDialog().waitVisible();
    expect(await dialog.decision()).toBe('block');
    // compose 2 is to Karin and the bakery; Jan is only in compose 1
    expect(await dialog.host.locator('section[data-recipient$="karin.deboer@example.org"]').count(), "checked against compose 2's recipients").toBe(1);
    expect(await dialog.host.locator(`section[data-recipient="${JAN}"]`).count(), "not against compose 1's").toBe(0);
    expect(await mail.composer(1).state()).toBe('held');
    expect(await scheduled(), 'a held schedule must not reach Gmail').toBe(0);
    await dialog.button('cancel').click();
    await dialog.waitGone();
    expect(await scheduled()).toBe(0);
    expect(await mail.sent()).toHaveLength(0);
    await mail.page.close();
  });

  test('"remove this recipient" takes Jan out; the mail then goes to the rest only', async () => {
    const mail = await WebmailPage.gmail(ext, 'reply-all.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmwz');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    await dialog.host.locator(`[data-action="remove-recipient"][data-recipient="${JAN}"]`).click();
    await expect.poll(() => mail.composer().root.locator('.anm [data-hovercard-id="jan.jansen@acme.nl"]').count()).toBe(0);
    expect(await mail.sent()).toHaveLength(0);
    // the rest are strangers (no basis recorded): the rep may still decide to send, with a reason
    await expect.poll(async () => (await dialog.isOpen()) && (await dialog.host.locator(`section[data-recipient="${JAN}"]`).count())).toBe(0);
    if (await dialog.isOpen()) await dialog.sendAnyway('Antwoord aan allen op hun eigen vraag');
    const [sent] = await mail.waitForSent(1);
    expect(sent!.to).toEqual(['info@bakkerij-devries.nl']);
    expect(sent!.cc).toEqual(['karin.deboer@example.org']);
    await mail.page.close();
  });

  test('Undo after the mail left the compose is not recorded as sent', async () => {
    const before = await outboundRecorded(ext);
    const mail = await WebmailPage.gmail(ext, 'gmail-new-compose.html', undefined, 3000);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    await dialog.host.locator(`[data-action="remove-recipient"][data-recipient="${JAN}"]`).click();
    await expect.poll(async () => (await dialog.isOpen()) && (await dialog.host.locator(`section[data-recipient="${JAN}"]`).count())).toBe(0);
    if (await dialog.isOpen()) await dialog.sendAnyway('Bakkerij vroeg zelf om een offerte');
    await mail.waitForSent(1);
    await mail.undo();
    expect((await mail.sent())[0]!.undone).toBe(true);
    await mail.page.waitForTimeout(3500); // past the undo period
    expect(await outboundRecorded(ext), 'an undone mail is not in the ledger').toBe(before);
    await mail.page.close();
  });

  test('a clean mail (the recipient asked, identity and opt-out in the body) leaves without a dialog and is recorded', async (ctx) => {
    // The management protocol is not wired in every build yet: say so instead of passing silently.
    if (!(await seedRequestedContact(protocol, 'karin.deboer@example.org', 'Karin de Boer'))) return ctx.skip();
    const before = await outboundRecorded(ext);
    const mail = await WebmailPage.gmail(ext, 'popout-compose.html', 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', 500);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.composer().root.locator('.anm [data-hovercard-id="jan.jansen@acme.nl"] .afX').dispatchEvent('click'); // an icon-only ✕
    await typeBody(mail, cleanReplyLines);
    await mail.composer().waitForState('clean', 15_000);
    await mail.sendButton().click();
    const [sent] = await mail.waitForSent(1);
    expect(await mail.composer().holdDialog().isOpen(), 'no dialog for a clean mail').toBe(false);
    expect(sent!.cc).toEqual(['karin.deboer@example.org']);
    expect(sent!.to).toEqual([]);
    await expect.poll(() => outboundRecorded(ext), { timeout: 10_000 }).toBeGreaterThan(before);
    await mail.page.close();
  });

  test('a pop-out compose window that closes right after Send is still recorded as sent, by the app window', async () => {
    const before = await outboundRecorded(ext);
    // a long undo period: the window is gone long before the guard could see the mail leave
    const mail = await WebmailPage.gmail(ext, 'popout-compose.html', 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', 20_000);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.composer().root.locator('.anm [data-hovercard-id="jan.jansen@acme.nl"] .afX').dispatchEvent('click'); // an icon-only ✕
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    await dialog.sendAnyway('Karin vroeg zelf om deze offerte');
    await mail.waitForSent(1);
    await mail.page.close({ runBeforeUnload: true }); // Gmail closes the pop-out once the send is accepted
    expect(await outboundRecorded(ext)).toBe(before);
    const app = await WebmailPage.gmail(ext, 'gmail-new-compose.html'); // the Gmail window that stays open
    await expect.poll(() => outboundRecorded(ext), { timeout: 15_000 }).toBe(before + 1);
    await app.page.waitForTimeout(1000);
    expect(await outboundRecorded(ext), 'recorded once').toBe(before + 1);
    await app.page.close();
  });

  test('a released mail that really left is recorded once the undo period is over', async () => {
    const before = await outboundRecorded(ext);
    const mail = await WebmailPage.gmail(ext, 'popout-compose.html', 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', 500);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.composer().root.locator('.anm [data-hovercard-id="jan.jansen@acme.nl"] .afX').dispatchEvent('click'); // an icon-only ✕ (no box to click)
    await mail.sendButton().click();
    const dialog = mail.composer().holdDialog();
    await dialog.waitVisible();
    if (await dialog.isOpen()) await dialog.sendAnyway('Klant vroeg om deze informatie');
    const [sent] = await mail.waitForSent(1);
    expect(sent!.cc).toEqual(['karin.deboer@example.org']);
    await expect.poll(() => outboundRecorded(ext), { timeout: 10_000 }).toBeGreaterThan(before);
    await mail.page.close();
  });

  test('the background failing holds the mail with "could not check", never silence', async () => {
    await breakBackgroundDatabase(ext);
    const mail = await WebmailPage.gmail(ext, 'typed-not-chipped.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive', 'checking']);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible(15_000);
    await expect.poll(() => dialog.text(), { timeout: 15_000 }).toMatch(/could not check/i);
    expect(await mail.sent()).toHaveLength(0);
    await mail.page.close();
  });
});

// "Insert disclosure" in a fresh browser whose ledger holds a consent (with its proof) for every recipient: the
// notice is then the only gap, so the hold offers it (an objection, as in the suite above, is a hard hold).
describe('Gmail: insert disclosure', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
    const protocol = await protocolPage(ext);
    await seedOrganisation(protocol);
    for (const [email, name] of [['piet@gmail.com', 'Piet Pietersen'], ['jan.jansen@acme.nl', 'Jan Jansen'], ['piet@voorbeeld-bv.nl', 'Piet de Wit'], ['karin.deboer@example.org', 'Karin de Boer']]) {
      await seedConsent(protocol, email!, name!);
    }
  });
  afterAll(async () => ext?.close());

  test.each([
    ['forward', 'forward.html', 'Piet, zie hieronder.', 'Forwarded message'],
    ['new mail', 'typed-not-chipped.html', 'Met vriendelijke groet,', 'Sanne de Vries'],
  ])('%s: "insert disclosure" puts it in the body above the quoted text / signature, and it is sent', async (_w, file, written, below) => {
    const mail = await WebmailPage.gmail(ext, file, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmwz');
    const { after, at, dialog } = await insertDisclosureFromHold(mail);
    expect(at, 'below what the rep wrote').toBeGreaterThanOrEqual(after.indexOf(written) + written.length);
    expect(at, 'above the quoted text / signature').toBeLessThanOrEqual(after.indexOf(below));
    expect(after.split(below)).toHaveLength(2);
    const inserted = after.slice(at, at + 30);
    expect(after.split(inserted), 'inserted once').toHaveLength(2);
    // with the notice in, the verdict is clean: the dialog offers Send
    await expect.poll(() => dialog.button('send').count(), { timeout: 10_000, message: 'after the notice the mail should be clean' }).toBe(1).catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${await dialog.text().catch(() => '(no dialog)')}`);
    });
    await dialog.button('send').click();
    const [sent] = await mail.waitForSent(1);
    expect(sent!.text.replace(/\s+/g, ' ')).toContain(inserted.replace(/\s+/g, ' ').trim());
    await mail.page.close();
  });
});
