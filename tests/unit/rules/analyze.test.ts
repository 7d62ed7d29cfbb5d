import { describe, expect, test } from 'vitest';
import { analyzeMessage, type MessageAnalysis } from '../../../lib/rules/analyze';
import { evaluateOutreach } from '../../../lib/rules';
import { mk } from './fixtures';

// Each word list and pattern family in lib/rules/analyze.ts, in Dutch and English: hits and near misses.

type Flag = keyof Pick<
  MessageAnalysis,
  'asksPermission' | 'identity' | 'optOut' | 'art21Separate' | 'art21Mentioned' | 'source' | 'purpose' | 'privacyLink' | 'privacyOffered' | 'withdrawConsent'
>;

describe('classification', () => {
  test.each([
    ['nl promo', 'Graag laat ik u kennismaken met onze software. Vraag een demo aan!', 'commercial'],
    ['nl discount', 'Deze maand 20% korting op alle abonnementen.', 'commercial'],
    ['en promo', 'We help companies like yours save time. Book a demo this week.', 'commercial'],
    ['en pricing', 'Our pricing starts at €49 per month.', 'commercial'],
    ['nl invoice', 'Beste Jan, bijgaand de factuur van uw bestelling.', 'non_commercial'],
    ['nl logistics', 'Zoals afgesproken stuur ik de notulen van ons overleg.', 'non_commercial'],
    ['en answer', 'As requested, please find attached the minutes of our meeting.', 'non_commercial'],
    ['en invoice', 'Your invoice for March is attached.', 'non_commercial'],
    ['nl mixed', 'Bijgaand de factuur. Profiteer ook van onze aanbieding!', 'mixed'],
    ['en mixed', 'Your order has shipped. Also check out our new offer with a discount.', 'mixed'],
    ['no signals: strict default', 'Hoi Jan, hoe gaat het?', 'commercial'],
    ['"redactie" is not "actie"', 'De redactie stuurt bijgaand de factuur.', 'non_commercial'],
  ])('%s', (_name, text, cls) => {
    expect(analyzeMessage(text).classification).toBe(cls);
  });

  test('the promotional and service words that decided are reported', () => {
    const a = analyzeMessage('Bijgaand de factuur. Bekijk ook onze aanbieding.');
    expect(a.promotional).toContain('aanbieding');
    expect(a.service).toContain('bijgaand');
  });
});

const flagCases: Array<[Flag, string, string, boolean]> = [
  ['asksPermission', 'nl', 'Mag ik u af en toe informatie sturen over onze diensten?', true],
  ['asksPermission', 'nl', 'Vindt u het goed als ik u mail over onze nieuwe module?', true],
  ['asksPermission', 'nl', 'Mogen wij u op de hoogte houden?', true],
  ['asksPermission', 'en', 'May I send you some information about our product?', true],
  ['asksPermission', 'en', 'Would you like to receive our newsletter?', true],
  ['asksPermission', 'en', 'Do you mind if I send you a short overview?', true],
  ['asksPermission', 'nl', 'Mag ik u bellen over de planning van morgen?', false],
  ['asksPermission', 'en', 'Can I ask you a question about the invoice?', false],
  ['identity', 'nl', 'Met vriendelijke groet, Piet Smit, Acme B.V., info@acme.nl', true],
  ['identity', 'en', 'Kind regards, Piet Smit, Foo Ltd, +44 20 7946 0958', true],
  ['identity', 'nl', 'Goedemiddag, u spreekt Piet Smit van Acme.', true],
  ['identity', 'en', 'Hi, this is Piet from Acme.', true],
  ['identity', 'nl', 'Groet, Piet', false],
  ['identity', 'en', 'Acme B.V. is great (no contact details)', false],
  ['optOut', 'nl', 'Geen berichten meer? Antwoord "stop".', true],
  ['optOut', 'nl', 'Afmelden kan via de link onderaan.', true],
  ['optOut', 'nl', 'Als u niet meer door ons gebeld wilt worden, zegt u het gerust.', true],
  ['optOut', 'en', 'Reply STOP to opt out.', true],
  ['optOut', 'en', 'Unsubscribe here: https://acme.com/u', true],
  ['optOut', 'en', "Don't want messages from us? Let me know.", true],
  ['optOut', 'nl', 'Stop met zoeken naar de perfecte planning!', false],
  ['optOut', 'en', 'Stop wasting time on spreadsheets.', false],
  ['art21Separate', 'nl', 'Interessant? Laat het weten.\n\nU kunt altijd en kosteloos bezwaar maken tegen direct marketing.', true],
  ['art21Separate', 'en', 'Interested? Reply.\n\nYou can object to direct marketing at any time.', true],
  ['art21Separate', 'nl', 'Uw rechten (inzage, verwijdering, recht van bezwaar): https://acme.nl/privacy', false],
  ['art21Separate', 'en', 'Your rights (access, erasure, right to object) are at https://acme.com/privacy', false],
  ['art21Mentioned', 'nl', 'Uw rechten (inzage, verwijdering, recht van bezwaar): https://acme.nl/privacy', true],
  ['art21Mentioned', 'en', 'Nothing about rights here.', false],
  ['source', 'nl', 'Ik vond uw gegevens op de website van Bakker.', true],
  ['source', 'nl', 'Uw nummer heb ik van Piet Jansen.', true],
  ['source', 'nl', 'Ik werd doorverwezen door Piet Jansen.', true],
  ['source', 'en', 'I found your details on your LinkedIn profile.', true],
  ['source', 'en', 'You were recommended by Piet Jansen.', true],
  ['source', 'nl', 'Graag laat ik u kennismaken met ons product.', false],
  ['source', 'en', 'Our product saves time.', false],
  ['purpose', 'nl', 'Ik neem contact met u op om u te informeren over onze software.', true],
  ['purpose', 'nl', 'Ik bel over uw planning.', true],
  ['purpose', 'en', "I'm reaching out to tell you about our software.", true],
  ['purpose', 'en', 'Why you are receiving this: …', true],
  ['purpose', 'nl', 'Groeten uit Utrecht.', false],
  ['privacyLink', 'nl', 'Lees onze privacyverklaring: https://acme.nl/verklaring', true],
  ['privacyLink', 'en', 'Details: https://acme.com/privacy', true],
  ['privacyLink', 'nl', 'Mail privacy@acme.nl voor vragen.', false],
  ['privacyLink', 'en', 'See our privacy policy (no link).', false],
  ['privacyOffered', 'nl', 'Wilt u dat ik de privacy-informatie even mail?', true],
  ['privacyOffered', 'en', 'Shall I e-mail you our privacy information?', true],
  ['privacyOffered', 'en', 'Shall I e-mail you a brochure?', false],
  ['withdrawConsent', 'nl', 'U kunt uw toestemming altijd intrekken.', true],
  ['withdrawConsent', 'en', 'You can withdraw your consent at any time.', true],
  ['withdrawConsent', 'en', 'You gave consent last year.', false],
];

describe('draft elements', () => {
  test.each(flagCases)('%s (%s): %j → %s', (flag, _lang, text, expected) => {
    expect(analyzeMessage(text)[flag]).toBe(expected);
  });

  test('the sender entity name counts as identity when a contact means is present', () => {
    expect(analyzeMessage('Groet, Piet van Acme — piet@acme.nl', undefined, { legalEntity: 'Acme B.V.' }).identity).toBe(true);
    expect(analyzeMessage('Groet, Piet — piet@acme.nl', undefined, { legalEntity: 'Acme B.V.' }).identity).toBe(false);
  });
});

describe('purpose kind (LI-02 matching)', () => {
  test.each([
    ['Wij hebben een vacature voor een projectleider.', 'recruitment'],
    ['We are hiring a senior engineer for a new role.', 'recruitment'],
    ['Wij willen u graag inhuren voor een project.', 'buy_services'],
    ['Interesse in een samenwerking?', 'partnership'],
    ['Vraag een demo aan van ons platform.', 'sales'],
    ['Bijgaand de factuur.', 'service'],
  ])('%j → %s', (text, kind) => {
    expect(analyzeMessage(text).purposeKind).toBe(kind);
  });
});

describe('classification override (an input, with a reason)', () => {
  const invoiceWithPitch = 'Bijgaand de factuur. Bekijk ook onze aanbieding!';
  test('the rep can mark a message non-commercial, and the engine follows', () => {
    const v = evaluateOutreach(mk({ message: { body: invoiceWithPitch, classificationOverride: { as: 'non_commercial', reason: 'customer asked for the offer' } } }));
    expect(v.findings.map((f) => f.code)).toEqual(['NC-01']);
    expect(v.decision).toBe('allow');
  });
  test('an override is ignored when the policy does not allow overrides', () => {
    const v = evaluateOutreach(
      mk({ policy: { overridesAllowed: false }, message: { body: invoiceWithPitch, classificationOverride: { as: 'non_commercial', reason: 'customer asked' } } }),
    );
    expect(v.findings.map((f) => f.code)).toContain('NC-02');
  });
  test('an override without a reason is invalid input', () => {
    expect(() => evaluateOutreach(mk({ message: { classificationOverride: { as: 'non_commercial', reason: '' } } }))).toThrow(/classificationOverride\.reason/);
  });
});
