import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import type { OutreachInput } from '../../../lib/rules/input';
import { BASE, CONSENT, CUSTOMER, PITCH_NL, SETTINGS_NL, mk } from './fixtures';
import { generateDisclosure } from '../../../lib/rules/disclosure';

// Basis and evidence (families/basis.ts): consent scope by product, the customer exception by category,
// EV-01 versus EV-02, the Art. 14 month (issue 12 items 2 and 4).

const CATALOGUE = [
  { name: 'PlanPro', category: 'planning', aliases: ['planningssoftware'], legalEntity: 'Acme B.V.' },
  { name: 'ShiftBox', category: 'roosters', aliases: [], legalEntity: 'Acme B.V.' },
  { name: 'PayRoll+', category: 'salaris', aliases: [], legalEntity: 'Acme Payroll B.V.' },
];
const about = (product: string) =>
  PITCH_NL.replace('onze planningssoftware', `onze ${product}`) +
  generateDisclosure({ ...SETTINGS_NL, product: 'onze producten' }, { kind: 'linkedin' }, 'nl', 'consent');
const draft = (product: string, patch: unknown = {}) =>
  mk({ products: CATALOGUE, message: { subject: 'Even voorstellen', product: undefined, body: about(product) }, ...(patch as object) });
const consentFor = (products: string[]) => ({ ...CONSENT, what: { ...CONSENT.what, products } });
const sev = (input: OutreachInput, code: string) => evaluateOutreach(input).findings.find((f) => f.code === code)?.severity ?? 'absent';

type Row = [situation: string, input: OutreachInput, code: string, expected: 'block' | 'warn' | 'info' | 'absent'];
const rows: Row[] = [
  // consent scope by product
  ['consent for PlanPro, the draft is about PlanPro', draft('PlanPro', { ledger: { bases: [consentFor(['PlanPro'])] } }), 'MISSING-PRODUCT', 'absent'],
  ['… and says it was checked', draft('PlanPro', { ledger: { bases: [consentFor(['PlanPro'])] } }), 'NL-EM-08', 'info'],
  ['consent for PlanPro, the draft names its alias', draft('planningssoftware', { ledger: { bases: [consentFor(['PlanPro'])] } }), 'NL-EM-08', 'info'],
  ['consent for PlanPro, the draft is about ShiftBox', draft('ShiftBox', { ledger: { bases: [consentFor(['PlanPro'])] } }), 'NL-EM-08', 'block'],
  ['consent for "productinformatie" of the entity covers ShiftBox', draft('ShiftBox', { ledger: { bases: [consentFor(['productinformatie'])] } }), 'NL-EM-08', 'info'],
  ['consent of Acme B.V. does not cover a product Acme Payroll B.V. sells', draft('PayRoll+', { ledger: { bases: [consentFor(['PayRoll+'])] } }), 'NL-EM-08', 'block'],
  ['the draft names no product at all', draft('oplossing', { ledger: { bases: [consentFor(['PlanPro'])] } }), 'MISSING-PRODUCT', 'warn'],
  ['the rep picked PlanPro in the hold', draft('oplossing', { ledger: { bases: [consentFor(['PlanPro'])] }, message: { products: ['PlanPro'] } }), 'MISSING-PRODUCT', 'absent'],
  // the customer exception: similar = same category, or the rep's statement
  ['a customer of planning, the draft is about PlanPro', draft('PlanPro', { ledger: { bases: [{ ...CUSTOMER, similarProduct: undefined, productCategory: 'planning' }] } }), 'NL-EM-03', 'info'],
  ['a customer of PlanPro, the draft is about another planning product', draft('planningssoftware', { ledger: { bases: [{ ...CUSTOMER, similarProduct: undefined, productCategory: 'PlanPro' }] } }), 'NL-EM-03', 'info'],
  ['a customer of planning, the draft is about ShiftBox (rosters)', draft('ShiftBox', { ledger: { bases: [{ ...CUSTOMER, similarProduct: undefined, productCategory: 'planning' }] } }), 'NL-EM-08', 'block'],
  ['the rep states ShiftBox is similar', draft('ShiftBox', { ledger: { bases: [{ ...CUSTOMER, similarProduct: true, productCategory: 'planning' }] } }), 'NL-EM-03', 'info'],
  // EV-01 versus EV-02
  ['consent with who and when but no evidence', mk({ ledger: { bases: [{ ...CONSENT, evidenceRefs: undefined }] } }), 'EV-01', 'warn'],
  ['consent with evidence linked to it', BASE, 'EV-01', 'info'],
  ['a complete event note without a separate evidence file is EV-02\'s, not EV-01\'s', mk({ ledger: { bases: [{ ...CONSENT, how: 'event_note', evidenceRefs: undefined }], relationships: [{ type: 'met_in_person', date: '2025-12-01', event: 'Vakbeurs', agreed: 'mail over planning' }] } }), 'EV-01', 'absent'],
  ['an event note without the event', mk({ ledger: { bases: [{ ...CONSENT, how: 'event_note', evidenceRefs: undefined }], relationships: [{ type: 'met_in_person', date: '2025-12-01' }] } }), 'EV-02', 'warn'],
  ['the same note is not also EV-01', mk({ ledger: { bases: [{ ...CONSENT, how: 'event_note', evidenceRefs: undefined }], relationships: [{ type: 'met_in_person', date: '2025-12-01' }] } }), 'EV-01', 'absent'],
  // GD-06a: the Art. 14 month, counted in calendar months (31 January + 1 month = 28 February)
  ['obtained 31 January, no notice, sent 28 February', mk({ sendDate: '2026-02-28', ledger: { bases: [{ ...CONSENT, when: '2026-01-31' }], obtainedAt: '2026-01-31' } }), 'GD-06a', 'absent'],
  ['obtained 31 January, no notice, sent 1 March', mk({ sendDate: '2026-03-01', ledger: { bases: [{ ...CONSENT, when: '2026-01-31' }], obtainedAt: '2026-01-31' } }), 'GD-06a', 'warn'],
  ['obtained 31 January, notice given before', mk({ sendDate: '2026-03-01', ledger: { bases: [CONSENT], obtainedAt: '2026-01-31', priorOutbound: { disclosureGiven: true } } }), 'GD-06a', 'absent'],
  ['data from the person (Art. 13): no Art. 14 month', mk({ sendDate: '2026-06-01', ledger: { source: 'data_subject', bases: [CONSENT], obtainedAt: '2026-01-31' } }), 'GD-06a', 'absent'],
];

describe('basis and evidence (docs/research/legal-rules.md §3-D, §3-F, §2.7)', () => {
  test.each(rows)('%s', (_s, input, code, expected) => {
    expect(sev(input, code), code).toBe(expected);
  });

  test('a fully documented contact with a catalogue product passes without a dialog', () => {
    const v = evaluateOutreach(draft('PlanPro', { ledger: { bases: [consentFor(['PlanPro'])] } }));
    expect(v.decision).toBe('allow');
    expect(v.products).toEqual([{ name: 'PlanPro', category: 'planning', legalEntity: 'Acme B.V.', matchedOn: 'PlanPro' }]);
  });

  test('the products the rep picked replace what the engine found', () => {
    const v = evaluateOutreach(draft('PlanPro', { message: { products: ['ShiftBox'] } }));
    expect(v.products?.map((p) => p.name)).toEqual(['ShiftBox']);
    expect(v.products?.[0]?.matchedOn).toBeUndefined();
  });
});
