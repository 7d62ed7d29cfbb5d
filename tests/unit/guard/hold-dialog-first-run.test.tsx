// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { Ledger } from '@/lib/ledger/repository';
import { createVerdictService } from '@/lib/background/verdict-service';
import { generateDisclosure, missingForNotice } from '@/lib/rules/disclosure';
import type { PageRecipient } from '@/lib/messaging/common';
import { SetupForm, settingsWithSetup, setupValuesOf, validateSetup, type SetupValues } from '@/entrypoints/options/pages/SetupForm';
import { click, mount, type } from '../ui/render';

// A fresh install: until the organisation is set up the hold offers the setup, never a notice with gaps,
// and a notice never claims a basis the register does not hold.

const NOW = new Date('2026-11-20T10:00:00Z');
const pitch = 'Beste Jan,\n\nGraag laat ik je kennismaken met onze planningssoftware. Zullen we volgende week een demo inplannen?\n\nGroet, Piet';
const jan: PageRecipient = { key: 'jan@klant.nl', email: 'jan@klant.nl', displayName: 'Jan de Vries', field: 'to' };

function setup() {
  const ledger = new Ledger({ name: `first-run-${crypto.randomUUID()}`, now: () => NOW });
  const verdicts = createVerdictService({ ledger, now: () => NOW, teamSuppressionsFor: async () => [] });
  return { ledger, verdicts };
}

const answers: SetupValues = {
  name: 'Acme',
  legalForm: 'B.V.',
  contact: 'info@acme.nl, Keizersgracht 1, Amsterdam',
  privacyUrl: 'https://acme.nl/privacy',
  optOut: 'reply',
  optOutValue: '',
  language: 'auto',
};

describe('a fresh install', () => {
  test('the verdict says setup is needed and carries no notice: nothing with "[…]" can be inserted', async () => {
    const { verdicts } = setup();
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { subject: 'Demo', body: pitch } });
    expect(v.decision).toBe('block');
    expect(v.setupNeeded).toBe(true);
    expect(v.disclosure).toBeUndefined();
    expect(JSON.stringify(v)).not.toMatch(/\[(bedrijfsnaam|company name|contactgegevens|link naar)/);
  });

  test('after the setup the notice has the organisation in it, no brackets, and names no basis the register lacks', async () => {
    const { ledger, verdicts } = setup();
    await ledger.saveSettings(settingsWithSetup(await ledger.getSettings(), answers, 'Antwoord "stop"'));
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { subject: 'Demo', body: pitch } });
    expect(v.setupNeeded).toBeUndefined();
    for (const text of [v.disclosure!.nl, v.disclosure!.en]) {
      expect(text).toContain('Acme B.V.');
      expect(text).toContain('https://acme.nl/privacy');
      expect(text).not.toMatch(/[[\]{}]/);
    }
    // Jan is not in the register: no basis to name
    expect(v.disclosure!.nl).not.toMatch(/gerechtvaardigd belang|toestemming|klant bij ons/);
    expect(v.disclosure!.en).not.toMatch(/legitimate interest|your consent|our customer/);
  });

  test('the rep\'s language setting travels with the verdict (the hold follows it, not the browser)', async () => {
    const { ledger, verdicts } = setup();
    await ledger.saveSettings(settingsWithSetup(await ledger.getSettings(), { ...answers, language: 'en' }, 'Reply "stop"'));
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(v.lang).toBe('en');
  });

  test('a notice names the basis only when one is given', () => {
    const settings = { legalName: 'Acme B.V.', contact: 'info@acme.nl', privacyUrl: 'https://acme.nl/privacy', optOut: { method: 'reply' as const }, product: 'onze software' };
    expect(generateDisclosure(settings, { kind: 'linkedin' }, 'nl', null)).not.toMatch(/gerechtvaardigd belang/);
    expect(generateDisclosure(settings, { kind: 'linkedin' }, 'nl', 'legitimate_interest')).toMatch(/op basis van ons gerechtvaardigd belang\./);
    expect(missingForNotice({ legalName: 'Acme', contact: ' ', privacyUrl: '' })).toEqual(['contact', 'privacyUrl']);
  });
});

describe('the setup form', () => {
  test('name, contact and a full privacy link are required; a bad opt-out link or address is refused', () => {
    expect(validateSetup({ ...answers, name: ' ', contact: '', privacyUrl: 'acme.nl/privacy' })).toEqual({
      name: 'setupErrName',
      contact: 'setupErrContact',
      privacyUrl: 'setupErrPrivacyUrl',
    });
    expect(validateSetup({ ...answers, optOut: 'link', optOutValue: 'afmelden' })).toEqual({ optOutValue: 'setupErrOptOutLink' });
    expect(validateSetup({ ...answers, optOut: 'email', optOutValue: 'stop@acme' })).toEqual({ optOutValue: 'setupErrOptOutEmail' });
    expect(validateSetup(answers)).toEqual({});
  });

  test('the legal form joins the name once; answers read back the same', async () => {
    const { ledger } = setup();
    const current = await ledger.getSettings();
    const saved = settingsWithSetup(current, { ...answers, optOut: 'email', optOutValue: 'stop@acme.nl', language: 'nl' }, 'x');
    expect(saved.organisation).toMatchObject({ legalName: 'Acme B.V.', optOutMethod: 'stop@acme.nl' });
    expect(saved.language).toBe('nl');
    expect(settingsWithSetup(current, { ...answers, name: 'Acme B.V.' }, 'x').organisation.legalName).toBe('Acme B.V.');
    expect(setupValuesOf(saved)).toEqual({ ...answers, optOut: 'email', optOutValue: 'stop@acme.nl', language: 'nl' });
  });

  test('submitting empty shows the errors in the rep\'s language and saves nothing', () => {
    const saved: SetupValues[] = [];
    const ui = mount(<SetupForm initial={{ ...answers, name: '', contact: '', privacyUrl: '' }} saving={false} onSave={(v) => saved.push(v)} />, 'nl');
    click(ui.container.querySelector('[data-action="save-setup"]'));
    expect(saved).toEqual([]);
    expect(ui.container.textContent).toContain('Vul de naam van je organisatie in.');
    type(ui.container.querySelector('input[name="setup-name"]'), 'Acme');
    type(ui.container.querySelector('input[name="setup-contact"]'), 'info@acme.nl');
    type(ui.container.querySelector('input[name="setup-privacy"]'), 'https://acme.nl/privacy');
    click(ui.container.querySelector('[data-action="save-setup"]'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'Acme', contact: 'info@acme.nl', privacyUrl: 'https://acme.nl/privacy' });
    ui.unmount();
  });
});
