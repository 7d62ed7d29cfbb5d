import { describe, expect, test } from 'vitest';
import { analyzeMessage, evaluateOutreach, generateCallOpening, generateDisclosure } from '../../../lib/rules';
import { sourceNoun, type DisclosureSettings, type DisclosureSource } from '../../../lib/rules/disclosure';
import { CONSENT, LI_BASIS, PITCH_NL, call, mk } from './fixtures';

// The generated first-contact text (docs/research/legal-rules.md §4.4) must itself pass the engine's draft checks.

const settings: Record<'nl' | 'en', DisclosureSettings> = {
  nl: { legalName: 'Acme B.V.', contact: 'privacy@acme.nl', privacyUrl: 'https://acme.nl/privacy', optOut: { method: 'reply' }, product: 'onze planningssoftware' },
  en: {
    legalName: 'Acme Ltd',
    contact: '+44 20 7946 0958',
    privacyUrl: 'https://acme.co.uk/legal/notice',
    optOut: { method: 'link', url: 'https://acme.co.uk/unsubscribe' },
    dpo: 'dpo@acme.co.uk',
    product: 'our planning software',
  },
};
const sources: DisclosureSource[] = [
  { kind: 'company_website', detail: 'Bakker Installatie' },
  { kind: 'linkedin' },
  { kind: 'referral', detail: 'Piet Jansen van Jansen B.V.' },
  { kind: 'kvk' },
  { kind: 'other', detail: 'de ledenlijst van de branchevereniging' },
];
const combos = (['nl', 'en'] as const).flatMap((lang) =>
  sources.flatMap((source) => (['legitimate_interest', 'consent', 'customer'] as const).map((basis) => [lang, source.kind, basis, source] as const)),
);

describe('generateDisclosure', () => {
  test.each(combos)('%s, source %s, basis %s: passes every Art. 14 draft check', (lang, _k, basis, source) => {
    const text = generateDisclosure(settings[lang], source, lang, basis);
    const a = analyzeMessage(text, undefined, { legalEntity: settings[lang].legalName });
    expect(a.identity).toBe(true);
    expect(a.optOut).toBe(true);
    expect(a.art21Separate).toBe(true);
    expect(a.source).toBe(true);
    expect(a.purpose).toBe(true);
    expect(a.privacyLink).toBe(true);
    expect(a.withdrawConsent).toBe(basis === 'consent');
  });

  test('Art. 13 case (the person gave the details) names the event and passes the checks', () => {
    const text = generateDisclosure(settings.nl, { kind: 'event', detail: 'de Vakbeurs Installatie' }, 'nl');
    expect(text).toContain('de Vakbeurs Installatie');
    const a = analyzeMessage(text, undefined, { legalEntity: 'Acme B.V.' });
    expect(a.purpose && a.privacyLink && a.art21Separate && a.optOut && a.identity).toBe(true);
  });

  test('names the organisation, the product, the source detail, the DPO and the opt-out link', () => {
    const text = generateDisclosure(settings.en, { kind: 'referral', detail: 'Piet Jansen' }, 'en');
    for (const part of ['Acme Ltd', 'our planning software', 'Piet Jansen', 'dpo@acme.co.uk', 'https://acme.co.uk/unsubscribe', 'https://acme.co.uk/legal/notice']) {
      expect(text).toContain(part);
    }
  });

  test('the objection statement is its own paragraph', () => {
    const text = generateDisclosure(settings.nl, { kind: 'linkedin' }, 'nl');
    const paragraphs = text.split('\n\n');
    expect(paragraphs.at(-1)).toMatch(/bezwaar maken tegen direct marketing/);
    expect(paragraphs.at(-1)).not.toMatch(/https?:/);
  });

  test('a pitch plus the generated disclosure clears every disclosure finding in the engine', () => {
    const withDisclosure = PITCH_NL + generateDisclosure(settings.nl, { kind: 'linkedin' }, 'nl', 'consent');
    const v = evaluateOutreach(mk({ ledger: { bases: [CONSENT] }, message: { body: withDisclosure } }));
    expect(v.decision).toBe('allow');
    expect(v.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    const bare = evaluateOutreach(mk({ ledger: { bases: [CONSENT] }, message: { body: PITCH_NL } }));
    expect(bare.decision).toBe('block');
    expect(bare.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['NL-EM-05', 'GD-06', 'GD-07', 'GD-08']));
    for (const code of ['GD-06', 'GD-07', 'GD-08']) {
      expect(bare.findings.find((f) => f.code === code)?.fixes.map((x) => x.kind)).toContain('insert-disclosure');
    }
  });
});

describe('generateCallOpening', () => {
  test.each(['nl', 'en'] as const)('%s opening says who, for which company, why, the source and the right to object', (lang) => {
    const text = generateCallOpening({ callerName: 'Piet Smit', legalName: 'Acme B.V.', purpose: lang === 'nl' ? 'uw planning' : 'your planning', source: { kind: 'linkedin' }, lang });
    const a = analyzeMessage(text);
    expect(a.identity).toBe(true);
    expect(a.purpose).toBe(true);
    expect(a.source).toBe(true);
    expect(a.optOut).toBe(true);
    expect(a.art21Mentioned).toBe(true);
    expect(a.privacyOffered).toBe(true);
    expect(text).not.toContain('B.V..');
  });

  test('the generated opening satisfies the call check (NL-TM-04 info, no GD-06/07/08)', () => {
    const opening = generateCallOpening({ callerName: 'Piet Smit', legalName: 'Acme B.V.', purpose: 'uw planning', source: { kind: 'company_website', detail: 'Bakker' }, lang: 'nl' });
    const v = evaluateOutreach(call({ recipient: { kind: 'legal_person', address: { kind: 'phone_direct' } }, ledger: { bases: [LI_BASIS] }, message: { body: opening } }));
    expect(v.findings.find((f) => f.code === 'NL-TM-04')?.severity).toBe('info');
    expect(v.findings.filter((f) => f.code === 'GD-06' && f.severity !== 'info')).toEqual([]);
    expect(v.decision).toBe('allow');
  });
});

describe('sourceNoun: one wording of the source for the notice, the call opening and templates', () => {
  const kinds: DisclosureSource['kind'][] = ['company_website', 'linkedin', 'referral', 'kvk', 'event', 'data_subject', 'other'];
  const cases = (['nl', 'en'] as const).flatMap((lang) =>
    kinds.flatMap((kind) => [
      [lang, kind, { kind }] as const,
      [lang, kind, { kind, detail: 'de Vakbeurs Installatie' }] as const,
    ]),
  );

  test.each(cases)('%s, %s: the notice and the call opening say the same source, and both pass the source check', (lang, _kind, source) => {
    const noun = sourceNoun(source, lang);
    const notice = generateDisclosure(settings[lang], source, lang);
    const opening = generateCallOpening({ callerName: 'Piet Smit', legalName: 'Acme B.V.', purpose: lang === 'nl' ? 'uw planning' : 'your planning', source, lang });
    expect(notice).toContain(noun);
    expect(opening).toContain(lang === 'nl' ? `Uw nummer heb ik van ${noun}.` : `I got your number from ${noun}.`);
    expect(analyzeMessage(notice, undefined, { legalEntity: settings[lang].legalName }).source).toBe(true);
    expect(analyzeMessage(opening).source).toBe(true);
  });

  test.each([
    ['nl', { kind: 'event', detail: 'de Vakbeurs Installatie' }, 'uzelf, bij de Vakbeurs Installatie'],
    ['en', { kind: 'data_subject' }, 'you'],
    ['nl', { kind: 'referral' }, 'een relatie'],
    ['en', { kind: 'kvk' }, 'the Dutch Chamber of Commerce register'],
    ['nl', { kind: 'company_website', detail: '  Bakker  ' }, 'de website van Bakker'],
  ] as const)('%s %o reads "%s"', (lang, source, expected) => {
    expect(sourceNoun(source, lang)).toBe(expected);
  });
});
