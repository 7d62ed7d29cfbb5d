import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { routeSite, type Extension } from '../harness';
import { WebmailPage } from '../webmail/webmail-pages';
import { ask, byLabel, launch, seedContact } from './pages';

// Issue 15 item 8, in both languages: beside a LinkedIn profile, a Gmail compose and an Outlook compose the
// side panel names the people of that tab with their basis, evidence, objections and verdict, and the rep
// records a basis right there — after which the verdict the panel shows changes.

const words = {
  nl: {
    locale: 'nl',
    heading: 'In dit tabblad',
    record: 'Grondslag vastleggen',
    noBasis: 'Grondslag: geen vastgelegd',
    consentBasis: /^Grondslag: Toestemming \(vastgelegd op \d+ \S+ 20\d\d\)$/,
    noEvidence: 'Bewijs: geen',
    oneEvidence: 'Bewijs: 1 stuk',
    noObjection: 'Bezwaar: geen',
    objection: /^Bezwaar: ja, sinds \d+ \S+ 20\d\d \(Alle kanalen\)$/,
    unknown: 'Deze persoon staat nog niet in je register.',
    name: 'Naam',
    linkedin: 'LinkedIn-profielen',
    source: 'Bron',
    obtained: 'Verkregen op',
    basis: 'Grondslag',
    who: 'Wie gaf toestemming',
    entity: 'Voor welke rechtspersoon',
    by: 'Vastgelegd door',
    note: 'Notitie als bewijs',
    email: 'E-mail',
    save: 'Opslaan',
    addBasis: 'Grondslag toevoegen',
    noteText: 'Vroeg op de beurs om onze prijslijst.',
  },
  en: {
    locale: 'en-US',
    heading: 'In this tab',
    record: 'Record a lawful basis',
    noBasis: 'Basis: none recorded',
    consentBasis: /^Basis: Consent \(recorded on \d+ \S+ 20\d\d\)$/,
    noEvidence: 'Evidence: none',
    oneEvidence: 'Evidence: 1 item',
    noObjection: 'Objection: none',
    objection: /^Objection: yes, since \d+ \S+ 20\d\d \(All channels\)$/,
    unknown: 'This person is not in your ledger yet.',
    name: 'Name',
    linkedin: 'LinkedIn profiles',
    source: 'Source',
    obtained: 'Obtained on',
    basis: 'Basis',
    who: 'Who gave consent',
    entity: 'For which legal entity',
    by: 'Recorded by',
    note: 'Evidence note',
    email: 'E-mail',
    save: 'Save',
    addBasis: 'Add basis',
    noteText: 'Asked for our price list at the fair.',
  },
} as const;

const ORG = 'Voorbeeld Verpakkingen B.V.';
const REP = 'Sanne de Vries';
const today = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
})();

describe.each(['nl', 'en'] as const)('side panel beside a page (%s)', (lang) => {
  const w = words[lang];
  let ext: Extension;
  let panel: Page;

  /** The panel's card for one person (an article named by the label the page showed). */
  const person = (label: string | RegExp): Locator => panel.locator('article.tab-person').filter({ has: panel.locator('.verdict-label', { hasText: label }) });
  const fact = (card: Locator, name: string) => card.locator(`[data-fact="${name}"]`);
  /** Makes `page` the active tab, as a rep clicking on it would; the panel follows tab switches. */
  async function show(page: Page) {
    await page.bringToFront();
    await panel.locator('.tab-people h2', { hasText: w.heading }).waitFor();
  }

  beforeAll(async () => {
    ext = await launch(w.locale);
    panel = await ext.extensionPage('/sidepanel.html#/contacts');
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.locator('main h1').waitFor();
    const { settings } = await ask<{ settings: Record<string, unknown> }>(panel, { type: 'settings/get' });
    await ask(panel, {
      type: 'settings/save',
      settings: {
        ...settings,
        organisation: { legalName: ORG, contact: 'Keizersgracht 1, Amsterdam', privacyUrl: 'https://voorbeeld.nl/privacy', optOutMethod: 'Antwoord met STOP', dpo: '', country: 'NL', exempt2026: false },
        rep: { name: REP, email: 'sanne@voorbeeld.nl' },
      },
    });
  });
  afterAll(async () => ext?.close());

  test('a LinkedIn profile: the person, unknown and held; a consent recorded in the panel changes the verdict', async () => {
    const url = 'https://www.linkedin.com/in/lee-okafor-77/';
    await routeSite(ext.context, url, { file: 'linkedin/profile.html' });
    const profile = await ext.context.newPage();
    await profile.goto(url);
    await show(profile);
    const card = person('lee-okafor-77');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getAttribute('data-decision')).toBe('block');
    expect(await card.textContent()).toContain(w.unknown);
    expect(await fact(card, 'basis').textContent()).toBe(w.noBasis);
    expect(await fact(card, 'evidence').textContent()).toBe(w.noEvidence);
    expect(await fact(card, 'objection').textContent()).toBe(w.noObjection);

    await card.getByRole('button', { name: w.record }).click();
    const form = panel.locator('form.contact-form');
    await form.waitFor();
    // What the page showed and what the extension knows are filled in already.
    expect(await byLabel(form, w.linkedin).inputValue()).toBe(url);
    await byLabel(form, w.name).fill('Lee Okafor');
    await byLabel(form, w.source).selectOption('data_subject');
    await byLabel(form, w.obtained).fill(today);
    await byLabel(form, w.basis).selectOption('consent');
    expect(await byLabel(form, w.who).inputValue()).toBe('Lee Okafor');
    expect(await byLabel(form, w.entity).inputValue()).toBe(ORG);
    expect(await byLabel(form, w.by).inputValue()).toBe(REP);
    await form.getByLabel('LinkedIn', { exact: true }).check();
    await byLabel(form, w.note).fill(w.noteText);
    await panel.getByRole('button', { name: w.save, exact: true }).click();
    await panel.locator('main h1', { hasText: 'Lee Okafor' }).waitFor();

    const after = person('Lee Okafor');
    await expect.poll(() => fact(after, 'basis').textContent(), { timeout: 10_000 }).toMatch(w.consentBasis);
    expect(await fact(after, 'evidence').textContent()).toBe(w.oneEvidence);
    expect(await after.getAttribute('data-decision')).not.toBe('block');
    await profile.close();
  }, 60_000);

  test('a Gmail compose: each recipient with their objection or lack of basis; an objection offers no basis', async () => {
    await ask(panel, { type: 'suppressions/add', by: 'email', value: 'jan.jansen@acme.nl', scope: 'all', reason: 'Belde: wil niets meer' });
    const mail = await WebmailPage.gmail(ext, 'gmail-new-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await show(mail.page);
    const jan = person(/jan\.jansen@acme\.nl|Jan Jansen/);
    await jan.waitFor({ timeout: 15_000 });
    expect(await jan.getAttribute('data-decision')).toBe('block');
    expect(await fact(jan, 'objection').textContent()).toMatch(w.objection);
    expect(await jan.getByRole('button', { name: w.record }).count()).toBe(0);
    // Everyone else in the compose is listed too, each with a way to record a basis.
    const others = panel.locator('article.tab-person').filter({ hasNot: panel.locator('[data-fact="objection"]', { hasText: w.objection }) });
    expect(await others.count()).toBeGreaterThan(0);
    expect(await fact(others.first(), 'basis').textContent()).toBe(w.noBasis);
    expect(await others.first().getByRole('button', { name: w.record }).count()).toBe(1);
    await mail.page.close();
  }, 60_000);

  test('an Outlook compose: a known contact without a basis gets one on their contact page, and the verdict changes', async () => {
    // The compose writes to Jan Jansen and to info@bakkerij-devries.nl; the bakery is in the ledger, without a basis.
    const id = await seedContact(panel, { name: 'Bakkerij De Vries', emails: ['info@bakkerij-devries.nl'], source: 'data_subject', obtainedAt: today });
    const mail = await WebmailPage.outlook(ext, 'outlook-compose.html');
    await mail.composer().waitForState(['held', 'clean', 'inactive']);
    await show(mail.page);
    const card = person(/Bakkerij De Vries|info@bakkerij-devries\.nl/);
    await card.waitFor({ timeout: 15_000 });
    const before = await card.getAttribute('data-decision');
    expect(before).toBe('block');
    expect(await fact(card, 'basis').textContent()).toBe(w.noBasis);
    expect(await card.textContent()).not.toContain(w.unknown);

    await card.getByRole('button', { name: w.record }).click();
    await panel.waitForURL(new RegExp(`#/contacts/${id}/basis$`));
    const form = panel.locator('details.adder[open] form');
    await form.waitFor();
    await byLabel(form, w.basis).selectOption('consent');
    expect(await byLabel(form, w.who).inputValue()).toBe('Bakkerij De Vries');
    expect(await byLabel(form, w.entity).inputValue()).toBe(ORG);
    await form.getByLabel(w.email, { exact: true }).check();
    await byLabel(form, w.note).fill(w.noteText);
    await form.getByRole('button', { name: w.addBasis }).click();

    await expect.poll(() => fact(card, 'basis').textContent(), { timeout: 10_000 }).toMatch(w.consentBasis);
    expect(await fact(card, 'evidence').textContent()).toBe(w.oneEvidence);
    expect(await card.getAttribute('data-decision')).not.toBe('block');
    await mail.page.close();
  }, 60_000);
});
