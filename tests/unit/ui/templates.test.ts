import { describe, expect, test } from 'vitest';
import { checkTemplate, renderTemplate, standardTemplate } from '../../../lib/rules/templates';
import { emptyContact } from '../../../components/contacts/ContactForm';
import { previewValues, settingsOf, templatesComplete, valuesOfSettings, validateSettings } from '../../../components/settings/SettingsForm';
import { settingsSchema } from '../../../lib/model/settings';

const org = { legalName: 'Acme B.V.', contact: 'info@acme.nl', privacyUrl: 'https://acme.nl/privacy', optOut: '', dpo: '', product: 'onze planningssoftware', source: 'uw LinkedIn-profiel', callerName: 'Sanne' };

describe('disclosure templates', () => {
  test.each([
    ['nl', 'email'],
    ['en', 'email'],
    ['nl', 'linkedin'],
    ['en', 'linkedin'],
    ['nl', 'call'],
    ['en', 'call'],
  ] as const)('the standard %s %s text has every required item once filled in', (lang, channel) => {
    const filled = renderTemplate(standardTemplate(lang, channel), org);
    expect(filled).not.toMatch(/\{\w+\}/);
    expect(checkTemplate(filled, channel, org.legalName).filter((c) => !c.ok)).toEqual([]);
  });

  test('removing the objection sentence and the opt-out is caught', () => {
    const text = standardTemplate('nl', 'email').split('\n').slice(0, 2).join('\n');
    const missing = checkTemplate(renderTemplate(text, org), 'email', org.legalName)
      .filter((c) => !c.ok)
      .map((c) => c.item);
    expect(missing).toEqual(expect.arrayContaining(['optOut', 'art21']));
  });

  test('a template without the source sentence is caught', () => {
    const text = standardTemplate('en', 'email').replace(/I found your details via \{source\}\.\s*/, '');
    const result = checkTemplate(renderTemplate(text, { ...org, source: 'your LinkedIn profile' }), 'email', org.legalName);
    expect(result.find((c) => c.item === 'source')?.ok).toBe(false);
  });

  test('renderTemplate leaves unknown placeholders visible', () => {
    expect(renderTemplate('{legalName} {legalNaam}', { legalName: 'Acme' })).toBe('Acme {legalNaam}');
  });
});

describe('settings form', () => {
  const defaults = settingsSchema.parse({});

  test('defaults fail only on the organisation fields a disclosure needs', () => {
    const errors = validateSettings(valuesOfSettings(defaults));
    expect(Object.keys(errors).sort()).toEqual(['contact', 'legalName', 'optOutMethod', 'privacyUrl']);
  });

  test('the form round-trips into settings the ledger accepts, templates included', () => {
    const v = {
      ...valuesOfSettings(defaults),
      legalName: 'Acme B.V.',
      contact: 'info@acme.nl',
      privacyUrl: 'https://acme.nl/privacy',
      optOutMethod: 'reply stop',
      retentionMonths: '18',
      templates: { 'email-nl': standardTemplate('nl', 'email') },
    };
    expect(validateSettings(v)).toEqual({});
    expect(templatesComplete(v)).toBe(true);
    const saved = settingsOf(v, defaults);
    expect(settingsSchema.safeParse(saved).success).toBe(true);
    expect(saved.policy.retentionMonths).toBe(18);
    expect(saved.disclosureTemplates).toEqual([{ id: 'email-nl', channel: 'email', language: 'nl', text: standardTemplate('nl', 'email') }]);
    expect(valuesOfSettings(saved).templates['email-nl']).toBe(standardTemplate('nl', 'email'));
  });

  test('a template with its opt-out removed blocks saving', () => {
    const v = { ...valuesOfSettings(defaults), templates: { 'email-en': 'Hello from {legalName}.' } };
    expect(templatesComplete(v)).toBe(false);
  });

  test('the preview uses the organisation as typed', () => {
    expect(previewValues({ ...valuesOfSettings(defaults), legalName: 'Acme B.V.' }, 'nl').legalName).toBe('Acme B.V.');
    expect(emptyContact.country).toBe('NL');
  });
});
