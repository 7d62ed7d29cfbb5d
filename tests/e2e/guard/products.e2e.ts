import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchExtension, protocolPage, type Extension } from '../harness';
import { typeBody, WebmailPage } from '../webmail/webmail-pages';
import { disclosureText } from '../../../lib/background/verdict-service';
import type { Settings } from '../../../lib/model/settings';

// The hold names the product a draft is about and the rep can correct it (issue 12.2), in a real Chromium with
// the built extension: Karin's consent covers PlanPro; a Gmail draft that mentions rosters reads as ShiftBox and
// is held (the consent does not cover it); the rep says it is about PlanPro, the background checks again, and
// the send passes.

const KARIN = 'karin.deboer@example.org';

describe('products in the hold', () => {
  let ext: Extension;
  let protocol: Page;
  let settings: Settings;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'nl' });
    protocol = await protocolPage(ext);
    const today = new Date().toISOString().slice(0, 10);
    ({ settings } = await ask<{ settings: Settings }>(protocol, {
      type: 'settings/save',
      settings: {
        organisation: { legalName: 'Voorbeeld Verpakkingen B.V.', contact: 'Keizersgracht 1, Amsterdam, 020 123 4567', privacyUrl: 'https://voorbeeld.nl/privacy', optOutMethod: 'Antwoord met STOP', dpo: '', country: 'NL', exempt2026: false },
        products: [
          { name: 'PlanPro', category: 'planning', aliases: ['planner'], legalEntity: 'Voorbeeld Verpakkingen B.V.' },
          { name: 'ShiftBox', category: 'roosters', aliases: ['roosters', 'roostermodule'], legalEntity: 'Voorbeeld Verpakkingen B.V.' },
        ],
        language: 'nl',
      },
    }));
    const { id } = await ask<{ id: string }>(protocol, {
      type: 'contacts/save',
      contact: {
        name: 'Karin de Boer',
        emails: [KARIN],
        recipientKind: 'natural_professional',
        country: 'NL',
        provenance: { source: 'data_subject', obtainedAt: today },
        basis: {
          type: 'consent',
          who: 'Karin de Boer',
          when: today,
          how: 'form',
          what: { entity: 'Voorbeeld Verpakkingen B.V.', products: ['PlanPro'], channels: ['email'] },
          shownText: 'Ja, Voorbeeld Verpakkingen mag mij mailen over PlanPro.',
          capturedBy: 'webformulier',
        },
      },
    });
    const contact = await ask<{ bases: { id: string }[] }>(protocol, { type: 'contacts/get', id });
    // the consent's evidence (EV-01): the form log
    await ask(protocol, { type: 'evidence/add-note', contactId: id, basisId: contact.bases[0]!.id, date: today, title: 'Formulier', text: 'Formulierlog 118: vinkje PlanPro-nieuws aangezet.' });
  });
  afterAll(async () => ext?.close());

  test('a draft read as ShiftBox is held; the rep picks PlanPro, which the consent covers, and the mail leaves', async () => {
    const mail = await WebmailPage.gmail(ext, 'popout-compose.html', 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', 500);
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await mail.composer().root.locator('.anm [data-hovercard-id="jan.jansen@acme.nl"] .afX').dispatchEvent('click'); // Karin only
    const notice = disclosureText(settings, 'email', { kind: 'data_subject' }, 'consent', 'nl');
    await typeBody(mail, [
      'Beste Karin,',
      'Zoals beloofd: de planner heeft nu ook roosters. Zal ik je de nieuwe handleiding sturen?',
      'Groet, Sanne',
      ...notice.split('\n').filter((l) => l.trim()),
    ]);
    await mail.sendButton().click();
    const dialog = await mail.composer().holdDialog().waitVisible();
    await expect.poll(() => dialog.decision(), { timeout: 15_000 }).toBe('block');
    expect(await dialog.host.locator('[data-field="products-found"]').innerText()).toContain('ShiftBox');
    expect(await mail.sent()).toHaveLength(0);

    await dialog.button('change-products').click();
    await dialog.host.locator('[data-product="ShiftBox"]').uncheck();
    await dialog.host.locator('[data-product="PlanPro"]').check();
    await dialog.button('choose-products').click();
    const why = async () => dialog.host.innerText().catch(() => '(no dialog)');
    await expect
      .poll(() => dialog.button('send').count(), { timeout: 15_000, message: 'after the pick the consent covers the mail' })
      .toBe(1)
      .catch(async (e) => {
        throw new Error(`${(e as Error).message}\n${await why()}`);
      });
    expect(await dialog.host.locator('[data-field="products-found"]').innerText()).toContain('PlanPro');
    await dialog.button('send').click();
    const [sent] = await mail.waitForSent(1);
    expect(sent!.cc).toEqual([KARIN]);
    expect(sent!.text).toContain('roosters');
    await mail.page.close();
  });
});
