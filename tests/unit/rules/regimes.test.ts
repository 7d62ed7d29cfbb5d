import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import type { OutreachInput } from '../../../lib/rules/input';
import { CONSENT, CUSTOMER, DRAFT_LI_NL, LI_BASIS, PITCH_NL, RECRUIT_NL, call, mk } from './fixtures';

// Channel law per country (families/regimes.ts), re-checked against docs/research/legal-rules.md §3 (issue 12 item 4):
// where each rule fires and where it must not.

type Row = [situation: string, input: OutreachInput, code: string, expected: 'block' | 'warn' | 'info' | 'absent', variantTitle?: string];
const sevOf = (input: OutreachInput, code: string) => evaluateOutreach(input).findings.find((f) => f.code === code)?.severity ?? 'absent';

const cold = { ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } };
const infoAt = (patch: unknown = {}) => mk({ recipient: { kind: 'legal_person', address: { value: 'info@bakker-installatie.nl' } }, ...cold, ...(patch as object) });
const formerCustomer = (endedAt: string, patch: unknown = {}) =>
  call({
    sendDate: '2026-03-01',
    recipient: { kind: 'natural_consumer' },
    // a customer record from the sale, without the e-mail soft opt-in's collection conditions
    ledger: { bases: [{ type: 'customer', entity: 'Acme B.V.', saleDate: '2022-01-01', endedAt }] },
    ...(patch as object),
  });
const deCall = (consent: object) => call({ recipient: { country: 'DE', kind: 'natural_consumer' }, ledger: { bases: [consent] } });
const uk = (kind: string, legalForm?: string) => mk({ recipient: { country: 'GB', kind, ...(legalForm ? { legalForm } : {}) }, ...cold });
const liDm = (patch: unknown) => mk({ channel: 'linkedin_dm', recipient: { address: { value: undefined } }, ...cold, ...(patch as object) });

const rows: Row[] = [
  // NL-EM-04U only for commercial messages, and only where nothing else covers the send
  ['a pitch to info@ of a company', infoAt(), 'NL-EM-04U', 'warn'],
  ['an invoice to info@ of a company', infoAt({ message: { body: 'Beste klant, in de bijlage vind je factuur 2026-114 voor de geleverde onderdelen. Betaling binnen 30 dagen. Met vriendelijke groet, Acme B.V.' } }), 'NL-EM-04U', 'absent'],
  ['a pitch to info@ under the company\'s own consent', infoAt({ ledger: { bases: [CONSENT] } }), 'NL-EM-04U', 'absent'],
  // NL-TM-02: former customers, the 3-year window and the 2026 cut-over
  ['a call to a customer whose relationship ended 2 years ago, before the cut-over', formerCustomer('2024-03-01'), 'NL-TM-02', 'info'],
  ['the same call, not NL-TM-01: the relationship is the exception', formerCustomer('2024-03-01'), 'NL-TM-01', 'absent'],
  ['a call to a customer whose relationship ended 4 years ago', formerCustomer('2022-02-01'), 'NL-TM-02', 'block', 'Customer relationship ended more than 3 years ago'],
  ['a call to a former customer after the cut-over', formerCustomer('2025-06-01', { sendDate: '2026-08-01' }), 'NL-TM-02', 'block', 'Customer exception for calls has ended'],
  ['the same call for a charity (exempt)', formerCustomer('2025-06-01', { sendDate: '2026-08-01', sender: { exempt2026: true } }), 'NL-TM-02', 'info'],
  ['a call to a customer of another legal entity', formerCustomer('2025-06-01', { ledger: { bases: [{ type: 'customer', entity: 'Other B.V.' }] } }), 'NL-TM-01', 'block'],
  // DE-TM-01: a consumer's consent must be documented (UWG §7a)
  ['a call to a German consumer on consent without evidence', deCall({ ...CONSENT, evidenceRefs: undefined }), 'DE-TM-01', 'block', 'Germany: consent not documented'],
  ['a call to a German consumer without any consent', deCall(LI_BASIS), 'DE-TM-01', 'block', 'Germany: calling a consumer without consent'],
  ['a call to a German consumer on documented consent', deCall(CONSENT), 'DE-TM-01', 'absent'],
  // UK-EM-01: individual subscribers include sole traders and ordinary partnerships
  ['an e-mail to a UK sole trader', uk('natural_professional', 'sole trader'), 'UK-EM-01', 'block'],
  ['an e-mail to a UK partnership', uk('legal_person', 'Partnership'), 'UK-EM-01', 'block'],
  ['an e-mail to a UK LLP', uk('legal_person', 'LLP'), 'UK-EM-01', 'absent'],
  ['an e-mail to a Scottish partnership', uk('legal_person', 'Scottish partnership'), 'UK-EM-01', 'absent'],
  ['an e-mail to a UK Ltd', uk('legal_person', 'Ltd'), 'UK-EM-02', 'info'],
  // LI-02x: Open to Work met with a sales pitch
  ['a pitch to a member who is Open to Work', liDm({ recipient: { linkedin: { openTo: ['work'] } } }), 'LI-02x', 'block'],
  ['a job offer to a member who is Open to Work', liDm({ recipient: { linkedin: { openTo: ['work'] } }, message: { body: RECRUIT_NL } }), 'LI-02x', 'absent'],
  ['a job offer to a member who is Open to Work is the signalled purpose', liDm({ recipient: { linkedin: { openTo: ['work'] } }, message: { body: RECRUIT_NL } }), 'LI-02', 'warn'],
  ['a pitch to a member the register noted as Open to Work', liDm({ ledger: { bases: [LI_BASIS], relationships: [{ type: 'linkedin_signal', signal: 'Open to Work' }] } }), 'LI-02x', 'block'],
  ['a pitch to an Open to Work member who consented', liDm({ recipient: { linkedin: { openTo: ['work'] } }, ledger: { bases: [CONSENT] } }), 'LI-02x', 'absent'],
  // GD-14: information when the referral is the source, a block only when it is claimed as the basis
  ['a referred person, no basis but an assessment', mk({ ...cold, ledger: { source: 'referral', bases: [LI_BASIS], relationships: [{ type: 'referral', by: 'P. Jansen' }] } }), 'GD-14', 'info'],
  ['the same: the block comes from the channel rule', mk({ ...cold, ledger: { source: 'referral', bases: [LI_BASIS], relationships: [{ type: 'referral', by: 'P. Jansen' }] } }), 'NL-EM-01', 'block'],
  ['the referral claimed as the basis', mk({ ...cold, ledger: { bases: [{ type: 'referral', by: 'P. Jansen' }] } }), 'GD-14', 'block'],
  // what was checked
  ['an e-mail to an existing customer about similar products', mk({ ledger: { bases: [CUSTOMER] }, message: { body: DRAFT_LI_NL } }), 'NL-EM-03', 'info'],
  ['an e-mail under consent says the consent covered it', mk({}), 'NL-EM-01', 'info'],
  // the customer exception covers offers; it does not make them non-commercial: the opt-out is still required
  ['a pitch to an existing customer without an opt-out', mk({ ledger: { bases: [CUSTOMER] }, message: { body: PITCH_NL } }), 'NL-EM-05', 'block'],
];

describe('regimes (docs/research/legal-rules.md §3-B, 3-C, 3-E, 3-G)', () => {
  test.each(rows)('%s', (_s, input, code, expected, title) => {
    expect(sevOf(input, code), code).toBe(expected);
    if (title) expect(evaluateOutreach(input).findings.find((f) => f.code === code)?.title.en).toBe(title);
  });
});
