// Screenshots of the main screens in Dutch and English (docs/screenshots/), taken in real Chromium with the
// browser's language set to each (so "follow the browser" is what is shown). `npm run screenshots` runs this.
//   OG_OUT_DIR=.output-ui npx wxt build && OG_OUT_DIR=.output-ui npx tsx tests/e2e/pages/screenshots.ts
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ask, launchExtension, repoRoot, routeSite, type Extension } from '../harness';
import { WebmailPage } from '../webmail/webmail-pages';

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

/** An erased person typed in again: the warning with the day of the erasure request. */
async function erasedWarning(page: Page, lang: 'nl' | 'en') {
  await page.bringToFront(); // the popup was in front: a tab behind it is not painted for the screenshot
  const r = await ask<{ id: string }>(page, {
    type: 'contacts/save',
    contact: { name: 'Wim Gewist', emails: ['wim@gewist.nl'], phones: [], linkedin: [], provenance: { source: 'company_website', obtainedAt: '2026-10-01' } },
  });
  await ask(page, { type: 'rights/erase', contactId: r.id, reason: lang === 'nl' ? 'Verzoek per e-mail' : 'Asked by e-mail' });
  await page.evaluate(() => (location.hash = '#/contacts/new'));
  await page.reload();
  await page.locator('form.contact-form').waitFor();
  await page.locator('input[name=name]').fill('Wim Gewist');
  await page.locator('input[name=emails]').fill('wim@gewist.nl');
  await page.locator('form.contact-form select').nth(1).selectOption('data_subject');
  await page.locator('input[name=obtainedAt]').fill(new Date().toLocaleDateString('sv-SE'));
  await page.locator('form.contact-form button[type=submit]').click();
  await page.locator('form.contact-form .notice-warn').waitFor();
  await page.locator('form.contact-form button[type=submit]').click();
  await page.locator('form.contact-form .field-invalid').first().waitFor();
  await page.locator('main h1').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shoot(page, `${lang}-contact-erased`);
  // The basis the form now asks for, with the error that "record later" is no answer here.
  await page.locator('form.contact-form .field-invalid').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shoot(page, `${lang}-contact-erased-basis`);
}

/** The side panel beside a LinkedIn profile and beside a Gmail compose: the people of that tab. */
async function panelBeside(ext: Extension, panel: Page, lang: 'nl' | 'en') {
  const url = 'https://www.linkedin.com/in/lee-okafor-77/';
  await routeSite(ext.context, url, { file: 'linkedin/profile.html' });
  const profile = await ext.context.newPage();
  await profile.goto(url);
  await profile.bringToFront();
  await panel.locator('article.tab-person').first().waitFor({ timeout: 15_000 });
  await panel.locator('article.tab-person details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await shoot(panel, `${lang}-sidepanel-linkedin`);
  await profile.close();
  const mail = await WebmailPage.gmail(ext, 'gmail-new-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
  await mail.composer().waitForState(['held', 'clean', 'inactive']);
  await mail.page.bringToFront();
  await panel.locator('article.tab-person', { hasText: /bakkerij|Jan|pieter/i }).first().waitFor({ timeout: 15_000 });
  await shoot(panel, `${lang}-sidepanel-gmail`);
  await mail.page.close();
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
      ['import-export-skip', '#/import-export'],
      ['call', '#/call'],
      ['team', '#/team'],
    ];
    for (const [name, route] of screens) {
      await page.evaluate((r) => (location.hash = r), route);
      await page.reload();
      await page.locator('main h1').first().waitFor();
      if (name === 'audit') await page.getByRole('button').first().click();
      if (name !== 'import-export-skip') await shoot(page, `${lang}-${name}`);
      if (name === 'import-export-skip') {
        // A file with one bad row, imported with "skip rows with errors": the result and the report to download.
        const csv = 'Naam;E-mail\nGoed Persoon;goed@acme.nl\nFout Persoon;fout@\n';
        await page.locator('input[type=file][accept^=".csv"]').setInputFiles({ name: 'met-fout.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await page.locator('label.csv-skip input').check();
        await page.locator('label.csv-skip').scrollIntoViewIfNeeded();
        await shoot(page, `${lang}-import-skip-choice`);
        await page.getByRole('button', { name: lang === 'nl' ? '2 rijen importeren' : 'Import 2 rows' }).click();
        await page.getByTestId('csv-result').waitFor();
        await page.getByTestId('csv-result').scrollIntoViewIfNeeded();
        await shoot(page, `${lang}-import-skipped`);
      }
      if (name === 'call') {
        await page.locator('input[name=call-phone]').fill('06 9876 5432');
        await page.locator('main button[type=submit]').click();
        await page.locator('.opening').waitFor();
        await shoot(page, `${lang}-call-mobile`);
        await page.locator('input[name=call-phone]').fill('020 765 4321');
        await page.locator('main button[type=submit]').click();
        await page.locator('[data-testid=call-who]').waitFor();
        await shoot(page, `${lang}-call-landline`);
      }
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
        await page.setViewportSize({ width: 320, height: 700 });
        await shoot(page, `${lang}-contacts-320`);
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      if (name === 'contact-new') {
        // The record-basis form: a consent, pre-filled with the rep, the organisation and the day.
        await page.locator('input[name=name]').fill('Karin Smit');
        await page.locator('form.contact-form select').filter({ has: page.locator('option[value=consent]') }).first().selectOption('consent');
        await page.locator('form.contact-form select:has(option[value=consent])').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shoot(page, `${lang}-contact-new-basis`);
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
    await erasedWarning(page, lang);
    const panel = await ext.extensionPage('/sidepanel.html#/contacts');
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.locator('main h1').waitFor();
    await shoot(panel, `${lang}-sidepanel`);
    await panelBeside(ext, panel, lang);
  } finally {
    await ext.close();
  }
}

await mkdir(out, { recursive: true });
for (const lang of ['nl', 'en'] as const) await run(lang);
