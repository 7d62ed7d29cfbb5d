// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { ContactForm, emptyContact } from '../../../components/contacts/ContactForm';
import { BasisFields, basisChoices, emptyBasis, prefilledBasis, toBasisInput, validateBasis, type BasisChoice, type BasisValues } from '../../../components/contacts/BasisFields';
import { NoteForm } from '../../../components/contacts/EvidenceForms';
import { basisInputSchema } from '../../../lib/messaging/management-contacts';
import { basisRecordSchema } from '../../../lib/model/basis';
import { toRulesLedgerFacts, type RecipientFacts } from '../../../lib/ledger/facts';
import { button, change, click, errorOf, field, mount, submit, type } from './render';

// The basis part of the contact forms: pre-filled with what the extension knows, only the chosen kind's
// fields shown, and every fact the rules read reaching the engine's input.

const today = new Date('2026-11-29T12:00:00');
const defaults = { repName: 'Sanne de Vries', entity: 'Voorbeeld Verpakkingen B.V.' };

function labels(container: Element): string[] {
  return [...container.querySelectorAll('label')].map((l) => l.textContent!.replace(/\s*\*$/, '').trim());
}

describe('pre-filled with what the extension knows', () => {
  test('a new contact with consent: the person, today, the organisation and the rep are filled in', () => {
    const onSave = vi.fn();
    const { container, unmount } = mount(
      <ContactForm initial={{ ...emptyContact, name: 'Karin Smit' }} isNew today={today} assessments={[]} basisDefaults={defaults} onSave={onSave} onCancel={() => {}} />,
    );
    change(field(container, 'Basis'), 'consent');
    expect(field(container, 'Who gave consent').value).toBe('Karin Smit');
    expect(field(container, 'When').value).toBe('2026-11-29');
    expect(field(container, 'For which legal entity').value).toBe('Voorbeeld Verpakkingen B.V.');
    expect(field(container, 'Recorded by').value).toBe('Sanne de Vries');
    // the person's name follows the name field until the rep types another one
    type(field(container, 'Name'), 'Karin de Smit');
    expect(field(container, 'Who gave consent').value).toBe('Karin de Smit');
    type(field(container, 'Who gave consent'), 'K. Smit');
    type(field(container, 'Name'), 'Karin Smit-Jansen');
    expect(field(container, 'Who gave consent').value).toBe('K. Smit');
    unmount();
  });

  test('Dutch: a customer gets the organisation as the selling entity, a meeting today as its date', () => {
    const { container, unmount } = mount(
      <ContactForm initial={emptyContact} isNew today={today} assessments={[]} basisDefaults={defaults} onSave={() => {}} onCancel={() => {}} />,
      'nl',
    );
    change(field(container, 'Grondslag'), 'customer');
    expect(field(container, 'Verkopende rechtspersoon').value).toBe('Voorbeeld Verpakkingen B.V.');
    change(field(container, 'Grondslag'), 'met_in_person');
    expect(field(container, 'Datum van de ontmoeting').value).toBe('2026-11-29');
    unmount();
  });

  test('the only assessment is chosen for a legitimate interest', () => {
    expect(prefilledBasis({ today, assessments: [{ id: 'lia-1' }] }, 'legitimate_interest').assessmentId).toBe('lia-1');
    expect(prefilledBasis({ today, assessments: [{ id: 'lia-1' }, { id: 'lia-2' }] }, 'legitimate_interest').assessmentId).toBe('');
  });
});

describe('only the fields the chosen basis needs', () => {
  const shown: Record<Exclude<BasisChoice, ''>, { has: string[]; not: string[] }> = {
    consent: { has: ['Who gave consent', 'For which products', 'Consent obtained from', 'Evidence note'], not: ['Sale date', 'Date of the meeting', 'Asked by'] },
    customer: { has: ['Sale date', 'Product category', 'These contact details were obtained with the sale'], not: ['Who gave consent', 'Date of the meeting'] },
    legitimate_interest: { has: ['Assessment'], not: ['Who gave consent', 'Sale date'] },
    contract_request: { has: ['Reference or subject', 'Date of the request', 'Asked by'], not: ['Who gave consent', 'What the person asked about'] },
    inbound_request: { has: ['What the person asked about', 'Date of the request'], not: ['Asked by', 'Sale date'] },
    met_in_person: { has: ['Date of the meeting', 'Where (event or occasion)', 'What was agreed'], not: ['Who gave consent', 'Date of the request'] },
    introduced: { has: ['Where the person asked for contact', 'Date of the introduction'], not: ['Date of the meeting', 'Who gave consent'] },
    none: { has: ['Note'], not: ['Evidence note', 'Who gave consent'] },
  };
  test.each(basisChoices.map((b) => [b]))('%s', (basisType) => {
    const { container, unmount } = mount(
      <BasisFields values={prefilledBasis({ today }, basisType)} onChange={() => {}} errors={{}} assessments={[{ id: 'lia-1', title: 'Assessment' }]} />,
    );
    const l = labels(container);
    for (const x of shown[basisType].has) expect(l, `${basisType} shows "${x}"`).toContain(x);
    for (const x of shown[basisType].not) expect(l, `${basisType} hides "${x}"`).not.toContain(x);
    unmount();
  });

  test('the phone checks of a consent appear only when it covers calls', () => {
    let values: BasisValues = prefilledBasis({ today }, 'consent');
    const { container, unmount } = mount(<BasisFields values={values} onChange={(v) => (values = v)} errors={{}} assessments={[]} />);
    expect(labels(container)).not.toContain('Consent was checked with the person before calling');
    click(field(container, 'Phone'));
    expect(values.consentChannels).toEqual(['email', 'phone']);
    unmount();
    const again = mount(<BasisFields values={values} onChange={() => {}} errors={{}} assessments={[]} />);
    expect(labels(again.container)).toContain('Consent was checked with the person before calling');
    again.unmount();
  });
});

describe('checks', () => {
  test.each([
    ['met_in_person', { metDate: '' }, { metDate: 'errRequired' }],
    ['met_in_person', { metDate: '2026-12-24' }, { metDate: 'errFutureDate' }],
    ['legitimate_interest', { assessmentId: '' }, { assessmentId: 'errPickAssessment' }],
    ['introduced', { introDate: '2027-01-01' }, { introDate: 'errFutureDate' }],
    ['consent', { consentChannels: [] }, { consentChannels: 'errPickChannel' }],
  ] as const)('%s with %o → %o', (basisType, fields, errors) => {
    const v = { ...prefilledBasis({ today, ...defaults, personName: 'Karin' }, basisType), ...fields } as BasisValues;
    expect(validateBasis(v, today)).toEqual(errors);
  });

  test('an evidence file over 25 MB is refused with the basis, by its size', () => {
    const big = new File(['x'], 'call.mp3');
    Object.defineProperty(big, 'size', { value: 30 * 1024 * 1024 });
    const v = { ...prefilledBasis({ today, ...defaults, personName: 'Karin' }, 'consent'), evidenceFile: big };
    expect(validateBasis(v, today)).toEqual({ evidenceFile: 'errFileTooLarge' });
    const { container, unmount } = mount(<BasisFields values={v} onChange={() => {}} errors={validateBasis(v, today)} assessments={[]} />);
    expect(errorOf(field(container, 'Evidence file'))).toBe('The file is 30 MB; the limit is 25 MB. Nothing was saved.');
    unmount();
  });
});

/** What the rules engine reads from a record made by the form (through the ledger's own mapping). */
function rulesFactsOf(v: BasisValues) {
  const input = toBasisInput(v)!;
  expect(basisInputSchema.safeParse(input).success, 'the protocol accepts it').toBe(true);
  const record = basisRecordSchema.parse({ ...input, id: 'b1', contactId: 'c1', recordedAt: '2026-11-29T12:00:00Z', recordedBy: 'Sanne' });
  const facts: RecipientFacts = {
    keys: [],
    known: true,
    otherContactIds: [],
    bases: [record],
    evidence: [],
    provenance: [],
    events: { outboundCount: 0, disclosureGiven: false, followUpsWithoutArt13: 0, replies: 0, objections: 0, declinedInMail: false },
    suppressions: [],
    erased: false,
    assessments: [],
  };
  return toRulesLedgerFacts(facts, today);
}

describe('every fact the rules read reaches them', () => {
  const base = (t: BasisChoice) => prefilledBasis({ today, ...defaults, personName: 'Karin Smit' }, t);

  test('consent: who, when, how, entity, products, channels, captured by, where it came from', () => {
    const facts = rulesFactsOf({ ...base('consent'), consentHow: 'recording', consentProducts: 'Kartonnen dozen, Pallets', consentChannels: ['email', 'linkedin'] });
    expect(facts.bases).toEqual([
      expect.objectContaining({
        type: 'consent',
        who: 'Karin Smit',
        when: '2026-11-29',
        how: 'recording',
        what: { entity: 'Voorbeeld Verpakkingen B.V.', products: ['Kartonnen dozen', 'Pallets'], channels: ['email', 'linkedin'] },
        capturedBy: 'Sanne de Vries',
        obtainedVia: 'data_subject',
        linkedTo: 'person',
      }),
    ]);
  });

  test('consent for calls: verified before the call, and whether it is tied to the number only', () => {
    const facts = rulesFactsOf({ ...base('consent'), consentChannels: ['phone'], consentVerifiedBeforeCall: true, consentPhoneOnly: true });
    expect(facts.bases[0]).toMatchObject({ verifiedBeforeCall: true, linkedTo: 'phone_number' });
  });

  test('customer: obtained at the sale, informed and offered an opt-out, the category', () => {
    const facts = rulesFactsOf({
      ...base('customer'),
      customerProduct: 'Verpakkingen',
      saleDate: '2025-03-01',
      obtainedAtSale: true,
      informedAtCollection: true,
      optOutOfferedAtCollection: true,
    });
    expect(facts.bases[0]).toMatchObject({
      type: 'customer',
      entity: 'Voorbeeld Verpakkingen B.V.',
      productCategory: 'Verpakkingen',
      saleDate: '2025-03-01',
      obtainedAtSale: true,
      informedAtCollection: true,
      optoutOfferedAtCollection: true,
    });
    expect(facts.bases[0]).not.toHaveProperty('viaEmployer', true);
  });

  test('customer: "obtained at the sale" left unticked is unknown, never a yes', () => {
    const facts = rulesFactsOf({ ...base('customer'), saleDate: '2025-03-01' });
    expect((facts.bases[0] as { obtainedAtSale?: boolean }).obtainedAtSale).toBeUndefined();
  });

  test('a quote request names who asked; by the person is the default', () => {
    expect(rulesFactsOf({ ...base('contract_request'), requestRef: 'Offerte 2026-114' }).bases[0]).toMatchObject({
      type: 'contract_request',
      ref: 'Offerte 2026-114',
      date: '2026-11-29',
      requestedBy: 'data_subject',
    });
    expect(rulesFactsOf({ ...base('contract_request'), requestedBy: 'employer' }).bases[0]).toMatchObject({ requestedBy: 'employer' });
  });

  test('an inbound request keeps its subject and date, and covers nothing beyond that subject', () => {
    const facts = rulesFactsOf({ ...base('inbound_request'), requestRef: 'offerte verpakkingen' });
    expect(facts.relationships).toEqual([{ type: 'inbound_request', date: '2026-11-29', subject: 'offerte verpakkingen' }]);
    // a contract request beside it would make a message about anything else "requested" too (NC-03)
    expect(facts.bases).toEqual([]);
  });

  test('met in person: the date, the event and what was agreed', () => {
    expect(rulesFactsOf({ ...base('met_in_person'), metEvent: 'Empack 2026', metAgreed: 'Stuur de prijslijst' }).relationships).toEqual([
      { type: 'met_in_person', date: '2026-11-29', event: 'Empack 2026', agreed: 'Stuur de prijslijst' },
    ]);
  });

  test('an introduction: where and when the person asked for contact', () => {
    expect(rulesFactsOf({ ...base('introduced'), introThread: 'Mail van Piet, 12 nov' }).relationships).toEqual([
      { type: 'introduced', threadRef: 'Mail van Piet, 12 nov', date: '2026-11-29' },
    ]);
  });

  test('no basis chosen gives no record', () => {
    expect(toBasisInput(emptyBasis)).toBeUndefined();
  });
});

describe('evidence names the basis it proves', () => {
  const bases = [
    { value: 'b-consent', label: 'Consent — Karin' },
    { value: 'b-li', label: 'Legitimate interest — LIA' },
  ];
  test('the newest consent is pre-chosen and sent with the note', async () => {
    const onSave = vi.fn(async () => true);
    const { container, unmount } = mount(<NoteForm today={today} onSave={onSave} bases={bases} defaultBasisId="b-consent" />);
    expect(field(container, 'Proves').value).toBe('b-consent');
    type(field(container, 'Note'), 'Karin tekende het formulier op de beurs.');
    submit(container.querySelector('form'));
    expect(onSave).toHaveBeenCalledWith({ date: '2026-11-29', title: '', text: 'Karin tekende het formulier op de beurs.', basisId: 'b-consent' });
    unmount();
  });

  test('the rep may pick another basis, or none', () => {
    const onSave = vi.fn(async () => true);
    const { container, unmount } = mount(<NoteForm today={today} onSave={onSave} bases={bases} defaultBasisId="b-consent" />, 'nl');
    change(field(container, 'Bewijst'), '');
    type(field(container, 'Notitie'), 'Algemene notitie.');
    click(button(container, 'Gedateerde notitie toevoegen'));
    expect(onSave).toHaveBeenCalledWith({ date: '2026-11-29', title: '', text: 'Algemene notitie.' });
    unmount();
  });
});
