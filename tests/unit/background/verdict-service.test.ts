import { describe, expect, test } from 'vitest';
import { Ledger } from '@/lib/ledger/repository';
import { createVerdictService, disclosureText } from '@/lib/background/verdict-service';
import { guardHandlers } from '@/lib/background/guard-handlers';
import { createRouter, type Handlers } from '@/lib/background/router';
import type { TeamSuppression } from '@/lib/sync/engine';
import type { PageRecipient } from '@/lib/messaging/common';
import { bodyFingerprint } from '@/lib/guard/fingerprint';
import { sourceNoun } from '@/lib/rules';

const NOW = new Date('2026-11-20T10:00:00Z');

const pitch =
  'Beste Jan,\n\nGraag laat ik u kennismaken met onze planningssoftware. Zullen we volgende week een demo inplannen?\n\nGroet, Piet';

function setup(team: TeamSuppression[] = []) {
  const ledger = new Ledger({ name: `verdict-${crypto.randomUUID()}`, now: () => NOW });
  const verdicts = createVerdictService({
    ledger,
    now: () => NOW,
    teamSuppressionsFor: async (keys) => team.filter((t) => keys.includes(t.identityKey)),
  });
  return { ledger, verdicts };
}

async function seedSettings(ledger: Ledger) {
  await ledger.saveSettings({
    organisation: {
      legalName: 'Acme B.V.',
      contact: 'privacy@acme.nl',
      privacyUrl: 'https://acme.nl/privacy',
      optOutMethod: 'privacy@acme.nl',
      dpo: '',
      country: 'NL',
      exempt2026: false,
    },
  });
}

const jan: PageRecipient = { key: 'jan@klant.nl', email: 'Jan@Klant.nl', displayName: 'Jan de Vries', field: 'to' };
const els: PageRecipient = { key: 'els@ander.nl', email: 'els@ander.nl', displayName: 'Els Bakker', field: 'to' };

describe('verdict for a draft', () => {
  test('a cold commercial e-mail to someone not in the ledger is blocked, with a disclosure to insert', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { subject: 'Demo', body: pitch } });
    expect(v.decision).toBe('block');
    const codes = v.recipients[0]!.findings.map((f) => f.code);
    expect(codes).toContain('NL-EM-01');
    expect(v.recipients[0]!.known).toBe(false);
    expect(v.disclosure?.nl).toContain('Acme B.V.');
    expect(v.disclosure?.en).toContain('object to direct marketing');
  });

  test('an objection recorded under another spelling of the address blocks with GD-10', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    await ledger.addSuppressionForKeys(['email:jan@klant.nl'], { scope: 'all', level: 'person', reason: 'said stop on the phone' });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(v.decision).toBe('block');
    expect(v.recipients[0]!.findings.map((f) => f.code)).toContain('GD-10');
  });

  test("a teammate's objection blocks the same way as a personal one", async () => {
    const teamEntry: TeamSuppression = {
      identityKey: 'email:jan@klant.nl',
      keyKind: 'email',
      reason: 'objected',
      scope: 'all',
      level: 'person',
      recordedBy: 'rep-a',
      recordedAt: '2026-11-19T09:00:00Z',
      synced: true,
    };
    const withTeam = setup([teamEntry]);
    const without = setup();
    for (const s of [withTeam, without]) await seedSettings(s.ledger);
    const a = await withTeam.verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    const b = await without.verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(a.recipients[0]!.findings.map((f) => f.code)).toContain('GD-10');
    expect(b.recipients[0]!.findings.map((f) => f.code)).not.toContain('GD-10');
  });

  test('a recipient whose address could not be read is never passed', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const chip: PageRecipient = { key: 'chip-3', displayName: 'Onbekend', unreadable: 'chip without data-hovercard-id' };
    const v = await verdicts.forDraft({ channel: 'email', recipients: [chip], message: { body: 'Hierbij de factuur van maart.' } });
    expect(v.decision).toBe('block');
    expect(v.recipients[0]!.findings[0]!.code).toBe('MISSING-ADDRESS');
    expect(v.recipients[0]!.findings[0]!.fixes.map((f) => f.kind)).toContain('remove-recipient');
  });

  test('only the objecting recipient carries GD-10; what all recipients share is shown once', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    await ledger.addSuppressionForKeys(['email:els@ander.nl'], { scope: 'all', level: 'person', reason: 'objected' });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan, els], message: { body: pitch } });
    const janCodes = v.recipients.find((r) => r.key === jan.key)!.findings.map((f) => f.code);
    const elsCodes = v.recipients.find((r) => r.key === els.key)!.findings.map((f) => f.code);
    expect(elsCodes).toContain('GD-10');
    expect(janCodes).not.toContain('GD-10');
    expect(v.findings.map((f) => f.code)).toContain('NL-EM-01');
    expect(janCodes).not.toContain('NL-EM-01');
  });

  test("the rep's own disclosure template from Settings is what gets inserted", async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const settings = await ledger.getSettings();
    await ledger.saveSettings({
      ...settings,
      disclosureTemplates: [
        { id: 'email-nl', language: 'nl', channel: 'email', text: 'Eigen tekst van {legalName}: ik vond u via {source}. Bezwaar? Mail {contact}.' },
      ],
    });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(v.disclosure?.nl).toBe('Eigen tekst van Acme B.V.: ik vond u via een openbare bron. Bezwaar? Mail privacy@acme.nl.');
    // no English template of their own: the standard English text
    expect(v.disclosure?.en).toContain('Why you');
  });

  test('the policy decides whether the dialog may offer "send anyway"', async () => {
    const { ledger, verdicts } = setup();
    await ledger.saveSettings({ policy: { mode: 'strict', consentMaxAgeMonths: 24, retentionMonths: 12, telemarketingCutover: '2026-07-01', overridesAllowed: false, overrideNeedsReason: true } });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(v.overridesAllowed).toBe(false);
  });
});

describe('review fixes: team objections, the disclosure offer, an empty recipient list', () => {
  const teamEntry = (identityKey: string, keyKind: TeamSuppression['keyKind'], level: TeamSuppression['level'] = 'person'): TeamSuppression => ({
    identityKey,
    keyKind,
    reason: 'objected',
    scope: 'all',
    level,
    recordedBy: 'rep-a',
    recordedAt: '2026-11-19T09:00:00Z',
    synced: true,
  });

  test("a teammate's objection under Jan's e-mail blocks a LinkedIn DM to Jan known by his profile (objections follow the person)", async () => {
    const { ledger, verdicts } = setup([teamEntry('email:jan@klant.nl', 'email')]);
    await seedSettings(ledger);
    await ledger.saveContact({ name: 'Jan de Vries', emails: ['jan@klant.nl'], linkedin: ['https://www.linkedin.com/in/jan-de-vries/'] });
    const dm: PageRecipient = { key: 'jan-de-vries', displayName: 'Jan de Vries', linkedin: { vanity: 'jan-de-vries' } };
    const v = await verdicts.forDraft({ channel: 'linkedin_dm', recipients: [dm], message: { body: pitch } });
    expect(v.recipients[0]!.findings.map((f) => f.code)).toContain('GD-10');
    expect(v.decision).toBe('block');
  });

  test("a teammate's company-level objection is found through the e-mail's domain (OB-02)", async () => {
    const { ledger, verdicts } = setup([teamEntry('domain:klant.nl', 'domain', 'company')]);
    await seedSettings(ledger);
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(v.recipients[0]!.findings.map((f) => f.code)).toContain('OB-02');
    const without = setup();
    await seedSettings(without.ledger);
    const other = await without.verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(other.recipients[0]!.findings.map((f) => f.code)).not.toContain('OB-02');
  });

  test.each([
    ['GD-06a', { source: 'company_website' as const, detail: 'Klant B.V.', obtainedAt: '2026-09-01' }],
    ['MISSING-OBTAINED-AT', undefined],
  ])('%s alone (the draft already says everything else) still offers the disclosure to insert', async (code, provenance) => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    await ledger.saveContact({ name: 'Jan de Vries', emails: ['jan@klant.nl'] }, provenance ? { provenance } : {});
    const settings = await ledger.getSettings();
    const notice = disclosureText(settings, 'email', provenance ? { kind: 'company_website', detail: 'Klant B.V.' } : { kind: 'other' }, 'legitimate_interest', 'nl');
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: `${pitch}\n\n${notice}` } });
    const offering = [...v.findings, ...v.recipients.flatMap((r) => r.findings)]
      .filter((f) => f.fixes.some((x) => x.kind === 'insert-disclosure'))
      .map((f) => f.code);
    expect(offering).toEqual([code]);
    expect(v.disclosure?.nl).toContain('Acme B.V.');
  });

  test('the source reads the same in a template of their own and in the call opening', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const { id } = await ledger.saveContact(
      { name: 'Jan de Vries', emails: ['jan@klant.nl'], phones: ['020 123 4567'] },
      { provenance: { source: 'event_list', detail: 'de Vakbeurs Installatie', obtainedAt: '2026-11-01' } },
    );
    const settings = await ledger.getSettings();
    await ledger.saveSettings({
      ...settings,
      disclosureTemplates: [{ id: 'email-nl', language: 'nl', channel: 'email', text: 'Uw gegevens heeft {legalName} van {source}.' }],
    });
    const noun = sourceNoun({ kind: 'event', detail: 'de Vakbeurs Installatie' }, 'nl');
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body: pitch } });
    expect(v.disclosure?.nl).toBe(`Uw gegevens heeft Acme B.V. van ${noun}.`);
    const call = await verdicts.callCheck({ contactId: id, purpose: 'onze planningssoftware', callerName: 'Piet' });
    expect(call.opening.nl).toContain(`Uw nummer heb ik van ${noun}.`);
  });

  test('no recipient at all is held with a finding that says so, never passed unchecked', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const v = await verdicts.forDraft({ channel: 'email', recipients: [], message: { body: 'Hierbij de factuur van maart.' } });
    expect(v.decision).toBe('block');
    expect(v.recipients).toEqual([]);
    expect(v.findings.map((f) => [f.code, f.severity])).toEqual([['MISSING-RECIPIENT', 'block']]);
    expect(v.findings[0]!.title.nl).toBeTruthy();
    expect(v.overridesAllowed).toBe(true);
  });
});

describe('LinkedIn bulk sending (LI-04) from recorded outbound messages', () => {
  test('the same text sent to five other people today makes the next send "bulk"; a fresh text does not', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const template = (name: string) => `Hoi ${name}, ik zag je profiel en wil graag onze planningssoftware laten zien. Zin in een demo?`;
    const names = ['Anna', 'Bram', 'Cees', 'Dirk', 'Eva'];
    for (const name of names) {
      const r: PageRecipient = { key: name, displayName: name, linkedin: { vanity: name.toLowerCase() } };
      await ledger.recordOutbound({
        site: 'linkedin',
        channel: 'linkedin_dm',
        recipients: [{ keys: [`li-vanity:${name.toLowerCase()}`] }],
        disclosureIncluded: false,
        bodyFingerprint: await bodyFingerprint(template(name), [r]),
      });
    }
    const fien: PageRecipient = { key: 'fien', displayName: 'Fien', linkedin: { vanity: 'fien' } };
    const bulk = await verdicts.forDraft({ channel: 'linkedin_dm', recipients: [fien], message: { body: template('Fien') } });
    expect(bulk.recipients[0]!.findings.map((f) => f.code)).toContain('LI-04');
    const personal = await verdicts.forDraft({
      channel: 'linkedin_dm',
      recipients: [fien],
      message: { body: 'Hoi Fien, leuk je gisteren op de beurs in Utrecht te spreken over jullie magazijn.' },
    });
    expect(personal.recipients[0]!.findings.map((f) => f.code)).not.toContain('LI-04');
  });
});

describe('call check', () => {
  test('a cold call to a mobile number of an unknown person is blocked and the opening names the company', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const r = await verdicts.callCheck({ phone: '06 12345678', purpose: 'onze planningssoftware', callerName: 'Piet' });
    expect(r.phoneE164).toBe('+31612345678');
    expect(r.decision).toBe('block');
    expect(r.opening.nl).toContain('Acme B.V');
    expect(r.opening.nl).toContain('Piet');
  });

  test('an invalid number gets a clear message', async () => {
    const { verdicts } = setup();
    await expect(verdicts.callCheck({ phone: 'bel me' })).rejects.toThrow(/valid phone number/);
  });
});

describe('the background as a content script and a page see it', () => {
  function router() {
    const { ledger, verdicts } = setup();
    const handlers = guardHandlers({ ledger, verdicts, queueTeamEntry: async () => false }) as unknown as Handlers;
    return {
      ledger,
      route: createRouter(handlers, { extensionId: 'ext', extensionBaseUrl: 'chrome-extension://ext/' }),
    };
  }
  const linkedInTab = { id: 'ext', url: 'https://www.linkedin.com/messaging/thread/1/', tab: { id: 7, url: 'https://www.linkedin.com/messaging/thread/1/' }, frameId: 0 };

  test('a content script gets a verdict', async () => {
    const { route } = router();
    const res = await route(
      { type: 'verdict/for-recipients', site: 'linkedin', channel: 'linkedin_dm', recipients: [{ key: 'a', linkedin: { vanity: 'jan' } }], message: { body: pitch } },
      linkedInTab,
    );
    expect(res.ok).toBe(true);
  });

  test('a content script may not ask for the backup', async () => {
    const { route } = router();
    const res = await route({ type: 'backup/export' }, linkedInTab);
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden-request' } });
  });

  test('a page on another site, or another extension, is refused', async () => {
    const { route } = router();
    const evil = { ...linkedInTab, url: 'https://evil.example/', tab: { id: 8, url: 'https://evil.example/' } };
    expect(await route({ type: 'guard/status', state: 'active' }, evil)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await route({ type: 'guard/status', state: 'active' }, { ...linkedInTab, id: 'other-extension' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  test("LinkedIn's about:blank messaging frame is recognised by its origin", async () => {
    const { route } = router();
    const frame = { id: 'ext', url: 'about:blank', origin: 'https://www.linkedin.com', tab: { id: 7, url: 'https://www.linkedin.com/feed/' }, frameId: 5 };
    expect(await route({ type: 'profile/status', linkedin: { vanity: 'jan' } }, frame)).toMatchObject({ ok: true });
    const foreign = { ...frame, origin: 'https://evil.example' };
    expect(await route({ type: 'profile/status', linkedin: { vanity: 'jan' } }, foreign)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  test('a message of unknown type or shape is rejected with the field named', async () => {
    const { route } = router();
    expect(await route({ type: 'ledger/dump' }, linkedInTab)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const bad = await route({ type: 'verdict/for-recipients', site: 'linkedin', channel: 'fax', recipients: [], message: { body: '' } }, linkedInTab);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', where: 'channel' } });
  });

  test('send anyway is refused without a reason and recorded with one', async () => {
    const { route, ledger } = router();
    const event = { kind: 'send-anyway', site: 'gmail', channel: 'email', recipients: [jan], codes: ['NL-EM-01'], decision: 'block' };
    const gmailTab = { id: 'ext', url: 'https://mail.google.com/mail/u/0/', tab: { id: 9, url: 'https://mail.google.com/mail/u/0/' }, frameId: 0 };
    expect(await route({ type: 'ledger/record-event', event: { ...event, reason: ' ' } }, gmailTab)).toMatchObject({
      ok: false,
      error: { code: 'reason-required' },
    });
    expect(await route({ type: 'ledger/record-event', event: { ...event, reason: 'Jan asked for this offer by phone' } }, gmailTab)).toMatchObject({
      ok: true,
    });
    const audit = await ledger.listAudit({ action: 'override' });
    expect(JSON.stringify(audit)).toContain('Jan asked for this offer by phone');
    // Recipients the guard could not see: the override is still audited, with its reason.
    expect(await route({ type: 'ledger/record-event', event: { ...event, recipients: [], codes: ['MISSING-RECIPIENT'], reason: 'Adres in BCC' } }, gmailTab)).toMatchObject({
      ok: true,
    });
    expect(JSON.stringify(await ledger.listAudit({ action: 'override' }))).toContain('Adres in BCC');
  });
});

describe('policy, products and the contract the hold builds on', () => {
  test('an objection makes the send not overridable; a plain cold send stays overridable with a justification', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    const cold = await verdicts.forDraft({ channel: 'email', recipients: [els], message: { body: pitch } });
    expect(cold.overridable).toBe(true);
    expect(cold.justificationRequired).toBe(true);
    await ledger.addSuppressionForKeys(['email:jan@klant.nl'], { scope: 'all', level: 'person', reason: 'bezwaar' });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan, els], message: { body: pitch } });
    expect(v.overridable).toBe(false);
    expect(v.recipients.find((r) => r.key === jan.key)?.overridable).toBe(false);
    expect(v.recipients.find((r) => r.key === els.key)?.overridable).toBe(true);
  });

  test('the per-rule policy from Settings reaches the verdict', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    await ledger.saveSettings({ policy: { rules: { 'NL-EM-01': 'block' } } });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [els], message: { body: pitch } });
    expect(v.overridable).toBe(false);
    expect(v.recipients[0]!.findings.find((f) => f.code === 'NL-EM-01')?.policy).toBe('block');
  });

  test('the products the draft names come back from the catalogue; a catalogue entry without a name is refused', async () => {
    const { ledger, verdicts } = setup();
    await seedSettings(ledger);
    await ledger.saveSettings({ products: [{ name: 'PlanPro', category: 'planningssoftware', aliases: ['planningssoftware'], legalEntity: 'Acme B.V.' }] });
    const v = await verdicts.forDraft({ channel: 'email', recipients: [els], message: { body: pitch } });
    expect(v.products).toEqual([{ name: 'PlanPro', category: 'planningssoftware', legalEntity: 'Acme B.V.', matchedOn: 'planningssoftware' }]);
    await expect(ledger.saveSettings({ products: [{ name: '  ', category: 'x', aliases: [], legalEntity: '' }] })).rejects.toThrow(/needs a name/);
    expect((await ledger.getSettings()).products.map((p) => p.name)).toEqual(['PlanPro']);
  });
});
