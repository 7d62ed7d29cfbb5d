// Screenshots of the main screens in Dutch and English (docs/screenshots/), taken in real Chromium with the
// browser's language set to each (so "follow the browser" is what is shown).
//   OG_OUT_DIR=.output-ui npx wxt build && OG_OUT_DIR=.output-ui npx tsx tests/e2e/pages/screenshots.ts
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ask, launchExtension, repoRoot } from '../harness';

const out = path.join(repoRoot, 'docs', 'screenshots');

async function seed(page: Page, lang: 'nl' | 'en') {
  const { settings } = await ask<{ settings: Record<string, unknown> }>(page, { type: 'settings/get' });
  await ask(page, {
    type: 'settings/save',
    settings: {
      ...settings,
      organisation: { legalName: 'Acme B.V.', contact: 'info@acme.nl, Keizersgracht 1, Amsterdam', privacyUrl: 'https://acme.nl/privacy', optOutMethod: 'Antwoord "stop"', dpo: '', country: 'NL', exempt2026: false },
      rep: { name: 'Sanne de Vries', email: 'sanne@acme.nl' },
    },
  });
  const lia = await ask<{ id: string }>(page, {
    type: 'assessments/save',
    assessment: {
      title: lang === 'nl' ? 'Facilitair managers NL' : 'Facility managers NL',
      interest: lang === 'nl' ? 'B2B-klanten werven voor onze planningssoftware onder facilitair managers van bedrijven met meer dan 50 medewerkers.' : 'Acquiring B2B customers for our planning software among facility managers of companies with more than 50 staff.',
      necessity: lang === 'nl' ? 'Alleen naam, functie en zakelijk e-mailadres.' : 'Name, role and business e-mail only.',
      balancing: lang === 'nl' ? 'Lage impact: één bericht, zakelijke gegevens, afmelden direct verwerkt.' : 'Low impact: one message, business data, opt-out honoured at once.',
      reasonableExpectations: lang === 'nl' ? 'Facilitair managers verwachten zulke aanbiedingen.' : 'Facility managers expect such offers.',
      safeguards: ['suppression-list', 'minimisation'],
      optOutOffered: true,
      retentionMonths: 12,
      reviewDate: '2027-06-01',
      decidedBy: 'Sanne de Vries',
    },
  });
  const people = [
    ['Jan Jansen', 'jan.jansen@bouwbedrijf.nl', '+31612345678', 'Bouwbedrijf Jansen', 'linkedin_manual'],
    ['Fatima El Amrani', 'fatima@logistiekplus.nl', '+31201234567', 'Logistiek Plus B.V.', 'company_website'],
    ['Pieter de Boer', 'p.deboer@zorggroep.nl', '', 'Zorggroep Noord', 'event_list'],
    ['Anna Visser', 'anna@visseradvies.nl', '+31651234567', 'Visser Advies (eenmanszaak)', 'referral'],
    ['Oud Contact', 'info@oudbedrijf.nl', '', 'Oud Bedrijf', 'legacy_import'],
  ] as const;
  let first = '';
  for (const [i, [name, email, phone, company, source]] of people.entries()) {
    const r = await ask<{ id: string }>(page, {
      type: 'contacts/save',
      contact: {
        name,
        emails: [email],
        phones: phone ? [phone] : [],
        linkedin: [],
        company: { name: company },
        recipientKind: 'natural_professional',
        provenance: { source, obtainedAt: i === 4 ? '2019-03-01' : '2026-11-0' + (i + 1) },
        ...(i === 0 ? { basis: { type: 'legitimate_interest', assessmentId: lia.id, evidenceIds: [] } } : {}),
        ...(i === 1 ? { basis: { type: 'consent', who: name, when: '2026-11-03', how: 'form', what: { entity: 'Acme B.V.', products: [], channels: ['email'] }, shownText: '', capturedBy: 'Sanne', evidenceIds: [] } } : {}),
        ...(i === 4 ? { legacy: true } : {}),
      },
    });
    if (i === 0) first = r.id;
  }
  await ask(page, { type: 'evidence/add-note', contactId: first, date: '2026-11-05', title: lang === 'nl' ? 'Gesprek' : 'Call', text: lang === 'nl' ? 'Kort telefoongesprek, interesse in demo.' : 'Short call, interested in a demo.' });
  await ask(page, { type: 'suppressions/add', by: 'email', value: 'nee@concurrent.nl', scope: 'all', reason: lang === 'nl' ? 'Telefonisch bezwaar' : 'Objected by phone' });
  await ask(page, { type: 'suppressions/add', by: 'domain', value: 'concurrent.nl', scope: 'all', reason: lang === 'nl' ? 'Concurrent' : 'Competitor' });
  return { first, lia: lia.id };
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
  console.log('wrote', name);
}

async function run(lang: 'nl' | 'en') {
  const ext = await launchExtension({ locale: lang === 'nl' ? 'nl' : 'en-US' });
  try {
    const page = await ext.extensionPage('/options.html#/contacts');
    await page.setViewportSize({ width: 1280, height: 800 });
    const ids = await seed(page, lang);
    const screens: Array<[string, string]> = [
      ['contacts', '#/contacts'],
      ['contact', `#/contacts/${ids.first}`],
      ['contact-new', '#/contacts/new'],
      ['assessment', `#/assessments/${ids.lia}`],
      ['assessment-new', '#/assessments/new'],
      ['dnc', '#/dnc'],
      ['rights', `#/rights/${ids.first}`],
      ['cleanup', '#/cleanup'],
      ['audit', '#/audit'],
      ['settings', '#/settings'],
      ['import-export', '#/import-export'],
      ['team', '#/team'],
    ];
    for (const [name, route] of screens) {
      await page.evaluate((r) => (location.hash = r), route);
      await page.reload();
      await page.locator('main h1').first().waitFor();
      if (name === 'audit') await page.getByRole('button').first().click();
      await shoot(page, `${lang}-${name}`);
      if (name === 'import-export') {
        // What Dutch Excel saves: Windows-1252, "Özdemir" with Ö as one byte.
        const csv = Buffer.from('Naam;E-mail;Telefoon;Bron\r\n\xd6zdemir;o.ozdemir@acme.nl;020 123 4567;website\r\nJos\xe9 Mu\xf1oz;j.munoz@acme.nl;;beurs\r\n', 'latin1');
        await page.locator('input[type=file][accept^=".csv"]').setInputFiles({ name: 'contacten.csv', mimeType: 'text/csv', buffer: csv });
        await page.locator('table.csv-mapping').waitFor();
        await page.locator('table.csv-mapping').scrollIntoViewIfNeeded();
        await shoot(page, `${lang}-import-export-preview`);
      }
      if (name === 'rights') {
        await page.getByRole('button', { name: lang === 'nl' ? 'Leesbaar overzicht tonen' : 'Show a readable report' }).click();
        await page.getByTestId('access-report').waitFor();
        await page.getByTestId('access-report').scrollIntoViewIfNeeded();
        await shoot(page, `${lang}-rights-report`);
      }
      if (name === 'contacts') {
        await page.setViewportSize({ width: 760, height: 800 });
        await shoot(page, `${lang}-contacts-760`);
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    }
    const popup = await ext.extensionPage('/popup.html');
    await popup.setViewportSize({ width: 320, height: 560 });
    await popup.locator('.tabstate').waitFor();
    await shoot(popup, `${lang}-popup`);
    await popup.locator('#tab-lookup').click();
    await popup.locator('input[name=lookup-value]').fill('jan.jansen@bouwbedrijf.nl');
    await popup.locator('button[type=submit]').click();
    await popup.locator('.verdict').waitFor();
    await shoot(popup, `${lang}-popup-lookup`);
    await popup.locator('#tab-call').click();
    await popup.locator('input[name=call-phone]').fill('+31612345678');
    await popup.locator('input[name=call-purpose]').fill(lang === 'nl' ? 'onze planningssoftware' : 'our planning software');
    await popup.locator('input[name=call-caller]').fill('Sanne de Vries');
    await popup.locator('button[type=submit]').click();
    await popup.locator('.opening').waitFor();
    await popup.setViewportSize({ width: 320, height: 900 });
    await shoot(popup, `${lang}-popup-call`);
    // An unknown landline: the popup asks who answers instead of "not allowed".
    await popup.locator('input[name=call-phone]').fill('020 765 4321');
    await popup.locator('button[type=submit]').click();
    await popup.locator('[data-testid=call-who]').waitFor();
    await shoot(popup, `${lang}-popup-call-landline`);
    const panel = await ext.extensionPage('/sidepanel.html#/contacts');
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.locator('main h1').waitFor();
    await shoot(panel, `${lang}-sidepanel`);
  } finally {
    await ext.close();
  }
}

await mkdir(out, { recursive: true });
for (const lang of ['nl', 'en'] as const) await run(lang);
