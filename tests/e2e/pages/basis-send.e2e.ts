import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { fixturesDir, repoRoot, routeSite, type Extension } from '../harness';
import { byLabel, go, launch, openOptions } from './pages';

// Issue 12 item 3, end to end: for each kind of lawful basis a rep records it through the options pages
// (clicks and typing only), then writes to that person in Gmail and on LinkedIn: the message leaves without
// a dialog. The same message to a person whose record lacks one fact is held, naming that fact.
// One browser for the whole file; each person has their own address and LinkedIn profile.

const today = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
})();
const ORG = { legalName: 'Voorbeeld Verpakkingen B.V.', contact: 'Keizersgracht 1, Amsterdam, 020 123 4567', privacyUrl: 'https://voorbeeld.nl/privacy', optOut: 'Antwoord met STOP' };

/**
 * A personal follow-up with the sender's identity, the opt-out, the right to object and the privacy notice.
 * Each person gets a line of their own: the same text to many people is bulk sending (LI-04, no NL-EM-06).
 */
const body = (p: Person) => [
  `Beste ${p.first},`,
  'Zoals beloofd stuur ik je onze prijslijst voor kartonnen dozen, met 10% korting deze maand.',
  `Fijn dat we het over ${p.about} hadden.`,
  'Met vriendelijke groet,',
  'Sanne de Vries',
  `${ORG.legalName}, ${ORG.contact}`,
  `Je gaf ons je gegevens zelf. Privacyverklaring: ${ORG.privacyUrl}`,
  'Geen berichten meer? Antwoord met STOP. Je kunt altijd bezwaar maken tegen direct marketing.',
];

interface Person {
  first: string;
  /** what this person's message mentions besides the offer (a text of its own) */
  about: string;
  name: string;
  email: string;
  vanity: string;
}
const topics = ['de beurs', 'jullie magazijn', 'de nieuwe lijn', 'het transport', 'de verhuizing', 'het jubileum', 'de planning', 'de inkoop'];
const person = (first: string, tag: string, about: string): Person => ({
  first,
  about,
  name: `${first} ${tag}`,
  email: `${first.toLowerCase()}.${tag.toLowerCase()}@klant-${tag.toLowerCase()}.nl`,
  vanity: `${first.toLowerCase()}-${tag.toLowerCase()}-og`,
});

// ── the options pages, as a rep uses them ─────────────────────────────────────────────────────────────

async function fillSettings(page: Page) {
  await go(page, '#/settings');
  await byLabel(page, 'Legal name').fill(ORG.legalName);
  await byLabel(page, 'Contact details').fill(ORG.contact);
  await byLabel(page, 'Privacy notice URL').fill(ORG.privacyUrl);
  await byLabel(page, 'Opt-out method').fill(ORG.optOut);
  await byLabel(page, 'Your name').fill('Sanne de Vries');
  await page.getByRole('button', { name: 'Add a product' }).click();
  await byLabel(page, 'Product name').fill('Kartonnen dozen');
  await byLabel(page, 'Category').fill('Verpakkingen');
  await byLabel(page, 'Other names').fill('dozen, karton');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Settings saved.').waitFor();
}

async function writeAssessment(page: Page) {
  await go(page, '#/assessments/new');
  await byLabel(page, 'Title').fill('Zakelijke klanten na een ontmoeting');
  await byLabel(page, 'The legitimate interest').fill('Zakelijke klanten werven voor verpakkingen onder inkopers die we hebben ontmoet.');
  await page.getByLabel('The interest is lawful').check();
  await page.getByLabel('The interest is real and present, not speculative').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await byLabel(page, 'Why the processing is necessary').fill('Alleen naam, functie en zakelijk e-mailadres.');
  await page.getByRole('button', { name: 'Next' }).click();
  await byLabel(page, 'Reasonable expectations').fill('Inkopers die we spraken verwachten een prijslijst.');
  await byLabel(page, 'Balancing: impact and nature of the data').fill('Weinig impact; afmelden wordt direct verwerkt.');
  await page.getByRole('button', { name: 'Next' }).click();
  await byLabel(page, 'Decided by').fill('Sanne de Vries');
  await byLabel(page, 'Review date').fill(`${Number(today.slice(0, 4)) + 1}-06-01`);
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await page.getByRole('button', { name: 'Write a new version' }).waitFor();
}

/** Adds a new contact with the form; `basis` fills the basis part. Returns on the contact's own page. */
async function addContact(page: Page, p: Person, basisType: string, basis: (form: Locator) => Promise<void>) {
  await go(page, '#/contacts/new');
  await byLabel(page, 'Name').fill(p.name);
  await byLabel(page, 'E-mail addresses').fill(p.email);
  await byLabel(page, 'LinkedIn profiles').fill(`https://www.linkedin.com/in/${p.vanity}/`);
  await byLabel(page, 'Source').selectOption('data_subject');
  await byLabel(page, 'Obtained on').fill(today);
  await byLabel(page, 'Basis').selectOption(basisType);
  await basis(page.locator('form.contact-form'));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('main h1', { hasText: p.name }).waitFor();
}

/** On the contact page: "Add basis", fill it, save. */
async function addBasisOnPage(page: Page, basisType: string, basis: (form: Locator) => Promise<void>) {
  const adder = page.locator('details.adder').first();
  await adder.locator('summary').click();
  const form = adder.locator('form');
  await byLabel(form, 'Basis').selectOption(basisType);
  await basis(form);
  await form.getByRole('button', { name: 'Add basis' }).click();
  await page.getByText('Basis recorded.').waitFor();
}

// ── the sites ──────────────────────────────────────────────────────────────────────────────────────────

let gmailHarness = '';
let linkedinSim = '';
let pageNo = 0;

/** Gmail's pop-out compose with the fixture's Cc person replaced by `p`; the To person is removed as a rep would. */
async function gmailTo(ext: Extension, p: Person) {
  const n = ++pageNo;
  const url = `https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1&og=${n}`;
  await routeSite(ext.context, url, { file: 'gmail/popout-compose.html' }, {
    transform: (html) =>
      html
        .split('karin.deboer@example.org')
        .join(p.email)
        .split('Karin de Boer')
        .join(p.name)
        .replace(/<script id="fixture-harness">[\s\S]*?<\/script>/, '')
        .replace('</body>', `<script>${gmailHarness}\nwindow.__fixture.undoMs = 300;</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto(url);
  const root = page.locator('div.M9').first();
  await root.waitFor();
  await page.waitForFunction(() => !!document.querySelector('div.M9[data-outreach-guard-state]'), undefined, { timeout: 10_000 });
  await root.locator('.anm [data-hovercard-id="jan.jansen@acme.nl"] .afX').dispatchEvent('click');
  const editor = root.locator('[g_editable="true"]');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const [i, line] of body(p).entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  return {
    page,
    root,
    send: () => root.locator('.aoO[role=button]:not(.Uo)').click(),
    sent: () => page.evaluate(() => (window as unknown as { __fixture: { sent: { to: string[]; cc: string[] }[] } }).__fixture.sent),
  };
}

/** A LinkedIn messaging thread with `p`, the same message typed into it. */
async function linkedinTo(ext: Extension, p: Person) {
  const n = ++pageNo;
  const url = `https://www.linkedin.com/messaging/thread/2-og${n}/`;
  await routeSite(ext.context, url, { file: 'linkedin/messaging-thread.html' }, {
    transform: (html) => html.split('dana-whitfield-4b1a27').join(p.vanity).replace('</body>', `<script>${linkedinSim}</script></body>`),
  });
  const page = await ext.context.newPage();
  await page.goto(url);
  const root = page.locator('div.msg-thread').first();
  await page.waitForFunction(() => !!document.querySelector('div.msg-thread[data-outreach-guard-state]'), undefined, { timeout: 10_000 });
  const editor = root.locator('.msg-form__contenteditable');
  await editor.click();
  for (const [i, line] of body(p).entries()) {
    if (i > 0) await page.keyboard.press('Shift+Enter');
    await page.keyboard.insertText(line);
  }
  return {
    page,
    root,
    send: () => root.locator('button.msg-form__send-button').click(),
    sent: () => page.evaluate(() => (window as unknown as { __li: { sent: unknown[] } }).__li.sent),
  };
}

type Composer = Awaited<ReturnType<typeof gmailTo>> | Awaited<ReturnType<typeof linkedinTo>>;

/** The codes of what the hold shows, for a failure message that says what the engine found. */
async function holdCodes(c: Composer): Promise<string[]> {
  const hold = c.page.locator('[data-outreach-guard="hold"]');
  if ((await hold.count()) === 0) return [];
  return hold.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
}

/** The message is clean while typed and leaves on Send without a dialog. */
async function expectPasses(c: Composer, what: string) {
  const clean = await c.page
    .waitForFunction((el) => el?.getAttribute('data-outreach-guard-state') === 'clean', await c.root.elementHandle(), { timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  await c.send();
  if (!clean) {
    await c.page.locator('[data-outreach-guard="hold"] [role="alertdialog"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
    const codes = await holdCodes(c);
    await c.page.close();
    expect.fail(`${what}: held instead of sent; the hold shows ${codes.join(', ') || '(nothing)'}`);
  }
  await expect.poll(async () => (await c.sent()).length, { timeout: 10_000 }).toBe(1);
  expect(await c.page.locator('[data-outreach-guard="hold"]').count(), `${what}: no dialog`).toBe(0);
  await c.page.close();
}

/** The message is held on Send, nothing leaves, and the hold names `code`. */
async function expectHeldFor(c: Composer, code: string, what: string) {
  await c.page.waitForFunction((el) => ['held', 'clean'].includes(el?.getAttribute('data-outreach-guard-state') ?? ''), await c.root.elementHandle(), { timeout: 15_000 });
  await c.send();
  const dialog = c.page.locator('[data-outreach-guard="hold"] [role="alertdialog"]');
  await dialog.waitFor({ timeout: 10_000 }).catch(() => undefined);
  const codes = await holdCodes(c);
  expect(codes, `${what}: the hold names ${code}`).toContain(code);
  expect(await c.sent()).toHaveLength(0);
  await c.page.locator('[data-outreach-guard="hold"] [data-action="cancel"]').click();
  await c.page.close();
}

// ── per kind of basis ──────────────────────────────────────────────────────────────────────────────────

const checkBox = (form: Locator, label: string) => form.getByLabel(label, { exact: true }).check();

interface Case {
  kind: string;
  /** records the complete basis for `p` (starting on the new-contact form) */
  record: (page: Page, p: Person) => Promise<void>;
  /** the same with one fact left out, and the finding that must name it; absent when the engine reads no such fact */
  missing?: { fact: string; code: string; record: (page: Page, p: Person) => Promise<void> };
}

const consent = (withEvidence: boolean) => async (page: Page, p: Person) =>
  addContact(page, p, 'consent', async (form) => {
    // who, when, the entity and the rep are filled in already
    expect(await byLabel(form, 'Who gave consent').inputValue()).toBe(p.name);
    expect(await byLabel(form, 'For which legal entity').inputValue()).toBe(ORG.legalName);
    expect(await byLabel(form, 'Recorded by').inputValue()).toBe('Sanne de Vries');
    await checkBox(form, 'LinkedIn');
    await byLabel(form, 'How').selectOption('written_note');
    await byLabel(form, 'Text shown when asking').fill('Mogen we je op de hoogte houden over onze verpakkingen?');
    if (withEvidence) await byLabel(form, 'Evidence note').fill(`${p.first} vroeg op de beurs om onze prijslijsten, per e-mail en LinkedIn.`);
  });

const customer = (obtainedAtSale: boolean) => async (page: Page, p: Person) =>
  addContact(page, p, 'customer', async (form) => {
    expect(await byLabel(form, 'Selling legal entity').inputValue()).toBe(ORG.legalName);
    await byLabel(form, 'Product category').fill('Verpakkingen');
    await byLabel(form, 'Sale date').fill('2025-03-01');
    if (obtainedAtSale) await checkBox(form, 'These contact details were obtained with the sale');
    await checkBox(form, 'Informed about marketing when the data was collected');
    await checkBox(form, 'Offered an opt-out when the data was collected');
  });

const metFields = (withEvent: boolean) => async (form: Locator) => {
  expect(await byLabel(form, 'Date of the meeting').inputValue()).toBe(today);
  if (withEvent) await byLabel(form, 'Where (event or occasion)').fill('Empack 2026, Utrecht');
  await byLabel(form, 'What was agreed').fill('Prijslijst voor kartonnen dozen sturen');
};
const liFields = async (form: Locator) => {
  expect(await byLabel(form, 'Assessment').inputValue(), 'the only assessment is chosen').not.toBe('');
};

const cases: Case[] = [
  {
    kind: 'consent',
    record: consent(true),
    missing: { fact: 'the evidence', code: 'EV-01', record: consent(false) },
  },
  {
    kind: 'customer',
    record: customer(true),
    missing: { fact: '"obtained with the sale"', code: 'MISSING-CUSTOMER-EVIDENCE', record: customer(false) },
  },
  {
    // legitimate interest is the GDPR basis; the meeting is what lets an e-mail or DM go (NL-EM-06)
    kind: 'legitimate interest with an assessment',
    record: async (page, p) => {
      await addContact(page, p, 'legitimate_interest', liFields);
      await addBasisOnPage(page, 'met_in_person', metFields(true));
    },
    missing: { fact: 'the assessment', code: 'GD-01', record: (page, p) => addContact(page, p, 'met_in_person', metFields(true)) },
  },
  {
    kind: 'contract or quote request',
    record: (page, p) =>
      addContact(page, p, 'contract_request', async (form) => {
        await byLabel(form, 'Reference or subject').fill('Offerte kartonnen dozen');
        expect(await byLabel(form, 'Asked by').inputValue()).toBe('data_subject');
      }),
    missing: {
      fact: 'who asked (the person)',
      code: 'GD-03',
      record: (page, p) =>
        addContact(page, p, 'contract_request', async (form) => {
          await byLabel(form, 'Reference or subject').fill('Offerte kartonnen dozen');
          await byLabel(form, 'Asked by').selectOption('employer');
        }),
    },
  },
  {
    kind: 'inbound request',
    record: (page, p) => addContact(page, p, 'inbound_request', async (form) => byLabel(form, 'What the person asked about').fill('prijslijst kartonnen dozen')),
    missing: {
      fact: 'a request about this subject',
      code: 'NL-EM-01',
      record: (page, p) => addContact(page, p, 'inbound_request', async (form) => byLabel(form, 'What the person asked about').fill('schoonmaakdiensten')),
    },
  },
  {
    kind: 'met in person',
    record: async (page, p) => {
      await addContact(page, p, 'met_in_person', metFields(true));
      await addBasisOnPage(page, 'legitimate_interest', liFields);
    },
    missing: {
      fact: 'the event',
      code: 'EV-02',
      record: async (page, p) => {
        await addContact(page, p, 'met_in_person', metFields(false));
        await addBasisOnPage(page, 'legitimate_interest', liFields);
      },
    },
  },
  {
    kind: 'introduction',
    record: (page, p) =>
      addContact(page, p, 'introduced', async (form) => {
        await byLabel(form, 'Where the person asked for contact').fill('Mail van Piet Bakker, "stuur haar de prijslijst"');
        expect(await byLabel(form, 'Date of the introduction').inputValue()).toBe(today);
      }),
  },
];

describe('every kind of basis, recorded in the pages, lets a documented message go', () => {
  let ext: Extension;
  let options: Page;
  beforeAll(async () => {
    gmailHarness = await readFile(path.join(fixturesDir, 'gmail', 'harness.js'), 'utf8');
    linkedinSim = await readFile(path.join(repoRoot, 'tests/e2e/linkedin/linkedin-sim.js'), 'utf8');
    ext = await launch('en-US');
    options = await openOptions(ext, '#/settings');
    await fillSettings(options);
    await writeAssessment(options);
  }, 60_000);
  afterAll(async () => ext?.close());

  describe.each(cases.map((c, i) => [c.kind, c, i] as const))('%s', (_kind, c, i) => {
    const ok = person('Karin', `Ok${i}`, topics[i]!);
    test('recorded through the pages: Gmail and LinkedIn send without a dialog', async () => {
      await c.record(options, ok);
      await expectPasses(await gmailTo(ext, ok), `${c.kind}, Gmail`);
      await expectPasses(await linkedinTo(ext, ok), `${c.kind}, LinkedIn`);
    }, 90_000);

    if (c.missing) {
      const m = c.missing;
      const lacking = person('Noor', `Mis${i}`, topics[i]!);
      test(`without ${m.fact}: held in Gmail, naming ${m.code}`, async () => {
        await m.record(options, lacking);
        await expectHeldFor(await gmailTo(ext, lacking), m.code, `${c.kind} without ${m.fact}`);
      }, 60_000);
    }
  });

  test('the consent evidence typed in with it is linked to that consent', async () => {
    const p = person('Karin', 'Ok0', topics[0]!);
    await go(options, '#/contacts');
    await byLabel(options, 'Search name, e-mail, phone, company').fill(p.email);
    await options.locator('.vrow', { hasText: p.name }).first().click();
    await options.locator('main h1', { hasText: p.name }).waitFor();
    await options.getByText(/^Proves: Consent/).waitFor();
  });
});
