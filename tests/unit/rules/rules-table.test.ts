import { describe, expect, test } from 'vitest';
import { evaluateOutreach, verdictSchema } from '../../../lib/rules';
import { CATALOGUE } from '../../../lib/rules/catalogue';
import type { OutreachInput } from '../../../lib/rules/input';
import {
  BASE,
  CONSENT,
  CUSTOMER,
  DRAFT_ART13_NL,
  DRAFT_CONSENT_NL,
  DRAFT_LI_NL,
  LI_BASIS,
  PITCH_NL,
  RECRUIT_NL,
  SCRIPT_NL,
  call,
  mk,
} from './fixtures';

// The rules table of docs/research/legal-rules.md §3, one row per case: the rule, the situation, and what the engine must say.
// "absent" means the rule must not fire. Every rule has at least one firing and one non-firing case.

/** `met`: the rule applied and was met, so it says so as information (what was checked); `absent`: it did not apply. */
type Expect = 'block' | 'warn' | 'info' | 'met' | 'absent';
type Row = [code: string, situation: string, input: OutreachInput, expected: Expect];

const noConsent = { ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } };
const lenient = { policy: { mode: 'lenient' } };
const roleInfo = (patch: unknown = {}) =>
  mk([{ recipient: { kind: 'legal_person', address: { value: 'info@bakker-installatie.nl' } } }, noConsent, patch].reduce((a, p) => merge2(a, p), {}));
function merge2(a: unknown, b: unknown): unknown {
  if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge2(out[k], v) : v;
  return out;
}
const li = (patch: unknown = {}) =>
  mk(merge2({ channel: 'linkedin_dm', recipient: { address: { value: undefined } }, ...noConsent }, patch));
const country = (c: string, patch: unknown = {}) => mk(merge2({ recipient: { country: c }, ...noConsent }, patch));
const callTo = (c: string, patch: unknown = {}) => call(merge2({ recipient: { country: c }, ledger: { bases: [LI_BASIS] } }, patch));

const rows: Row[] = [
  // 3-A scope
  ['NC-01', 'an invoice reminder with nothing promotional', mk({ message: { body: 'Beste Jan, bijgaand de factuur van uw bestelling. Met vriendelijke groet, Piet' } }), 'info'],
  ['NC-01', 'a sales pitch', BASE, 'absent'],
  ['NC-02', 'an invoice with an offer in it', mk({ message: { body: 'Bijgaand de factuur. Bekijk ook onze aanbieding met 20% korting!\n' + DRAFT_LI_NL } }), 'warn'],
  ['NC-02', 'a plain sales pitch', BASE, 'absent'],
  ['NC-03', 'an inbound request about the topic', mk({ ledger: { bases: [], relationships: [{ type: 'inbound_request', date: '2026-02-25', subject: 'planningssoftware' }] } }), 'info'],
  ['NC-03', 'an inbound request about something else', mk({ ledger: { bases: [], relationships: [{ type: 'inbound_request', subject: 'verzekeringen' }] } }), 'absent'],
  // 3-B NL electronic messages
  ['NL-EM-01', 'cold e-mail with only a legitimate interest', mk(noConsent), 'block'],
  ['NL-EM-01', 'e-mail with demonstrable consent', BASE, 'met'],
  ['NL-EM-02', 'consent noted without who, when or evidence', mk({ ledger: { bases: [{ type: 'consent', how: 'verbal' }] } }), 'block'],
  ['NL-EM-02', 'consent with who, when and evidence', BASE, 'absent'],
  ['NL-EM-03', 'customer soft opt-in, same entity, similar product', mk({ ledger: { bases: [CUSTOMER] }, message: { body: DRAFT_LI_NL } }), 'info'],
  ['NL-EM-03', 'customer not told at collection', mk({ ledger: { bases: [{ ...CUSTOMER, informedAtCollection: false }] }, message: { body: DRAFT_LI_NL } }), 'absent'],
  ['NL-EM-04', 'address published for proposals, with evidence', roleInfo({ recipient: { address: { kind: 'role_designated', designationEvidence: { url: 'https://bakker.nl/contact', quote: 'Voorstellen graag naar info@' } } } }), 'info'],
  ['NL-EM-04', 'designated without evidence', roleInfo({ recipient: { address: { kind: 'role_designated' } } }), 'absent'],
  ['NL-EM-04U', 'info@ of a company, strict', roleInfo(), 'warn'],
  ['NL-EM-04U', 'info@ of a company, lenient', roleInfo(lenient), 'info'],
  ['NL-EM-04U', 'a named business address', mk(noConsent), 'absent'],
  ['NL-EM-05', 'pitch without an opt-out', mk({ message: { body: DRAFT_LI_NL.replace('Geen berichten meer? Antwoord "stop".', '') } }), 'block'],
  ['NL-EM-05', 'pitch with identity and opt-out', BASE, 'met'],
  ['NL-EM-06', 'dated earlier meeting, personal 1:1', mk({ ...noConsent, ledger: { bases: [LI_BASIS], relationships: [{ type: 'prior_contact', date: '2026-01-10' }] } }), 'info'],
  ['NL-EM-06', 'earlier meeting but sent to 40 people', mk({ ledger: { bases: [LI_BASIS], relationships: [{ type: 'prior_contact', date: '2026-01-10' }] }, message: { body: DRAFT_LI_NL, recipientCount: 40 } }), 'absent'],
  ['NL-EM-07', 'cold e-mail asking permission to send info', mk({ ...noConsent, message: { body: 'Mag ik u af en toe informatie sturen over onze software?\n' + DRAFT_LI_NL } }), 'block'],
  ['NL-EM-07', 'same question with consent on record', mk({ message: { body: 'Mag ik u af en toe informatie sturen over onze software?\n' + BASE.message!.body } }), 'absent'],
  ['NL-EM-08', 'consent names another legal entity', mk({ ledger: { bases: [{ ...CONSENT, what: { entity: 'Acme Holding B.V.' } }] } }), 'block'],
  ['NL-EM-08', 'consent for the sending entity', BASE, 'absent'],
  ['NL-EM-09', 'consent from a partner clause', mk({ ledger: { bases: [{ ...CONSENT, obtainedVia: 'partner_clause' }] } }), 'block'],
  ['NL-EM-09', 'consent collected directly', mk({ ledger: { bases: [{ ...CONSENT, obtainedVia: 'data_subject' }] } }), 'absent'],
  // 3-C NL calls
  ['NL-TM-01', 'cold call to a sole trader', call({ ledger: { bases: [LI_BASIS] } }), 'block'],
  ['NL-TM-01', 'cold call to a BV switchboard', call({ recipient: { kind: 'legal_person', address: { kind: 'phone_switchboard' } }, ledger: { bases: [LI_BASIS] } }), 'absent'],
  ['NL-TM-02', 'calling a customer before the cut-over', call({ recipient: { kind: 'natural_consumer' }, ledger: { bases: [CUSTOMER] } }), 'info'],
  ['NL-TM-02', 'calling a customer after the cut-over', call({ sendDate: '2026-07-01', recipient: { kind: 'natural_consumer' }, ledger: { bases: [CUSTOMER] } }), 'block'],
  ['NL-TM-02', 'a charity calling a customer after the cut-over', call({ sendDate: '2026-09-01', sender: { exempt2026: true }, recipient: { kind: 'natural_consumer' }, ledger: { bases: [CUSTOMER] } }), 'info'],
  ['NL-TM-02', 'customer relationship ended 4 years ago', call({ recipient: { kind: 'natural_consumer' }, ledger: { bases: [{ ...CUSTOMER, endedAt: '2022-01-01' }] } }), 'block'],
  ['NL-TM-02', 'calling with consent', call(), 'absent'],
  ['NL-TM-03', 'calling a legal person', call({ recipient: { kind: 'legal_person', address: { kind: 'phone_switchboard' } } }), 'info'],
  ['NL-TM-03', 'calling a natural person', call(), 'absent'],
  ['NL-TM-04', 'script with who, why, source and objection', call(), 'info'],
  ['NL-TM-04', 'an e-mail (no call)', BASE, 'absent'],
  ['NL-TM-04', 'script without the source of the number', call({ message: { body: SCRIPT_NL.replace('Uw nummer heb ik van uw LinkedIn-profiel. ', '') } }), 'warn'],
  ['NL-TM-05', 'consent not verified before the call', call({ ledger: { bases: [{ ...CONSENT, verifiedBeforeCall: false }] } }), 'warn'],
  ['NL-TM-05', 'consent linked only to a number', call({ ledger: { bases: [{ ...CONSENT, linkedTo: 'phone_number' }] } }), 'warn'],
  ['NL-TM-05', 'consent verified and person-linked', call(), 'absent'],
  ['NL-TM-06', 'robocall to a company without consent', call({ channel: 'automated_call', recipient: { kind: 'legal_person' }, ledger: { bases: [LI_BASIS] } }), 'block'],
  ['NL-TM-06', 'robocall with consent', call({ channel: 'automated_call' }), 'absent'],
  ['NL-TM-07', 'number published for such calls', call({ recipient: { address: { designationEvidence: { url: 'https://bakker.nl', quote: 'Leveranciers kunnen bellen op' } } }, ledger: { bases: [LI_BASIS] } }), 'info'],
  ['NL-TM-07', 'number without publication evidence', call({ ledger: { bases: [LI_BASIS] } }), 'absent'],
  // 3-D GDPR
  ['GD-01', 'no basis at all', mk({ ledger: { bases: [] } }), 'block'],
  ['GD-01', '"it is on the internet"', mk({ ledger: { bases: [{ type: 'public_source' }] } }), 'block'],
  ['GD-01', 'role address of a company (no personal data)', roleInfo({ ledger: { bases: [] } }), 'absent'],
  ['GD-01', 'consent on record', BASE, 'met'],
  ['GD-02', 'legitimate interest without an assessment', mk({ ...noConsent, ledger: { bases: [{ type: 'legitimate_interest' }] } }), 'warn'],
  ['GD-02', 'legitimate interest with an expired assessment', mk({ ...noConsent, ledger: { bases: [{ type: 'legitimate_interest', assessment: { id: 'x', expired: true } }] } }), 'warn'],
  ['GD-02', 'legitimate interest with an assessment', mk(noConsent), 'met'],
  ['GD-03', 'contract basis but the employer asked', mk({ ...noConsent, ledger: { bases: [{ type: 'contract_request', requestedBy: 'employer' }] } }), 'warn'],
  ['GD-03', 'contract basis at the person\'s own request', mk({ ...noConsent, ledger: { bases: [{ type: 'contract_request', requestedBy: 'data_subject' }] } }), 'absent'],
  ['GD-04', 'legacy import without a provable basis', mk({ ledger: { legacy: true, source: 'legacy_import', bases: [{ type: 'none' }] } }), 'block'],
  ['GD-04', 'legacy record with documented consent and date', mk({ ledger: { legacy: true } }), 'absent'],
  ['GD-05', 'contact harvested with a LinkedIn tool', mk({ ledger: { source: 'linkedin_tool' } }), 'block'],
  ['GD-05', 'profile read by hand', BASE, 'absent'],
  ['GD-06', 'first e-mail without privacy link', mk({ message: { body: BASE.message!.body!.replace('https://acme.nl/privacy', 'onze site') } }), 'block'],
  ['GD-06', 'consent-based draft without the withdraw line', mk({ message: { body: DRAFT_LI_NL } }), 'block'],
  ['GD-06', 'call script without the notice offer', call({ message: { body: SCRIPT_NL.replace('Wilt u dat ik de privacy-informatie even mail?', '') } }), 'warn'],
  ['GD-06', 'full first-layer notice', BASE, 'met'],
  ['GD-06', 'notice already sent earlier', mk({ ledger: { priorOutbound: { count: 2, art14SentAt: '2026-02-21' } }, message: { body: PITCH_NL + 'Geen berichten meer? Antwoord "stop". Acme B.V., info@acme.nl' } }), 'absent'],
  ['GD-06a', 'data obtained 3 months ago, no notice yet', mk({ ledger: { obtainedAt: '2025-12-01' } }), 'warn'],
  ['GD-06a', 'data obtained 9 days ago', BASE, 'absent'],
  ['GD-07', 'no right-to-object statement', mk({ message: { body: BASE.message!.body!.replace('U kunt altijd en kosteloos bezwaar maken tegen direct marketing; wij stoppen dan direct.', '') } }), 'block'],
  ['GD-07', 'objection only inside the privacy-rights sentence', mk({ message: { body: BASE.message!.body!.replace('U kunt altijd en kosteloos bezwaar maken tegen direct marketing; wij stoppen dan direct.', '').replace('o.a. inzage, verwijdering', 'o.a. inzage, verwijdering, recht van bezwaar') } }), 'block'],
  ['GD-07', 'separate objection sentence', BASE, 'met'],
  ['GD-08', 'no source statement', mk({ message: { body: BASE.message!.body!.replace('Ik vond uw gegevens op uw LinkedIn-profiel. ', '') } }), 'block'],
  ['GD-08', 'source stated', BASE, 'met'],
  ['GD-09', 'business card contact, no notice in the first follow-up', mk({ ledger: { source: 'data_subject' }, message: { body: PITCH_NL + 'Acme B.V., info@acme.nl. Geen berichten meer? Antwoord "stop".' } }), 'info'],
  ['GD-09', 'three follow-ups already without notice', mk({ ledger: { source: 'data_subject', priorOutbound: { count: 3, followUpsWithoutArt13: 3 } }, message: { body: PITCH_NL + 'Acme B.V., info@acme.nl. Geen berichten meer? Antwoord "stop".' } }), 'warn'],
  ['GD-09', 'Art. 13 notice in the draft', mk({ ledger: { source: 'data_subject' }, message: { body: DRAFT_ART13_NL } }), 'met'],
  ['GD-10', 'person objected (strong match, all channels)', mk({ ledger: { suppressions: [{ scope: 'all', level: 'person', matchedOn: 'strong', source: 'team' }] } }), 'block'],
  ['GD-10', 'objection limited to phone, sending e-mail', mk({ ledger: { suppressions: [{ scope: 'phone', level: 'person', matchedOn: 'strong', source: 'team' }] } }), 'absent'],
  ['GD-10', 'declined an InMail, sending another', li({ channel: 'linkedin_inmail', recipient: { linkedin: { declinedInMail: true } }, ledger: { bases: [CONSENT] }, message: { body: BASE.message!.body } }), 'block'],
  ['GD-10', 'objection on record but an invoice (not marketing)', mk({ ledger: { suppressions: [{ scope: 'all', level: 'person', matchedOn: 'strong', source: 'team' }] }, message: { body: 'Beste Jan, bijgaand de factuur van uw bestelling.' } }), 'absent'],
  ['GD-11', 'consent withdrawn before the send', mk({ ledger: { bases: [{ ...CONSENT, withdrawnAt: '2026-02-01' }, LI_BASIS] } }), 'block'],
  ['GD-11', 'withdrawal dated after the send', mk({ ledger: { bases: [{ ...CONSENT, withdrawnAt: '2026-04-01' }] } }), 'absent'],
  ['GD-12', 'erased person', mk({ ledger: { erased: true } }), 'block'],
  ['GD-12', 'erased person, saving again', mk({ action: 'save_contact', ledger: { erased: true } }), 'block'],
  ['GD-12', 'not erased', BASE, 'absent'],
  ['GD-13', 'consent 3 years old, no interaction since (strict)', mk({ ledger: { bases: [{ ...CONSENT, when: '2023-01-01' }] } }), 'warn'],
  ['GD-13', 'same in lenient mode', mk({ ...lenient, ledger: { bases: [{ ...CONSENT, when: '2023-01-01' }] } }), 'info'],
  ['GD-13', 'old consent but a recent reply', mk({ ledger: { bases: [{ ...CONSENT, when: '2023-01-01' }], lastInteractionAt: '2025-11-01' } }), 'absent'],
  // the referral as the source: GD-14 says how to disclose it and ask for an introduction; NL-EM-01 blocks
  ['GD-14', 'referral only, not claimed as the basis', mk({ ledger: { source: 'referral', bases: [LI_BASIS], relationships: [{ type: 'referral', by: 'P. Jansen' }] }, message: { body: DRAFT_LI_NL } }), 'info'],
  ['GD-14', 'referral claimed as the basis', mk({ ledger: { source: 'referral', bases: [{ type: 'referral', by: 'P. Jansen' }], relationships: [{ type: 'referral', by: 'P. Jansen' }] }, message: { body: DRAFT_LI_NL } }), 'block'],
  ['GD-14', 'referral plus the person\'s own consent', mk({ ledger: { source: 'referral', relationships: [{ type: 'referral', by: 'P. Jansen' }] } }), 'info'],
  ['GD-14', 'no referral anywhere', BASE, 'absent'],
  ['GD-15', 'no engagement for 26 months', mk({ ...noConsent, ledger: { bases: [LI_BASIS], obtainedAt: '2024-01-01', priorOutbound: { count: 1, disclosureGiven: true } } }), 'warn'],
  ['GD-15', 'engaged last month', mk({ ...noConsent, ledger: { bases: [LI_BASIS], obtainedAt: '2024-01-01', lastInteractionAt: '2026-02-01' } }), 'absent'],
  // 3-E LinkedIn
  ['LI-01', 'LinkedIn DM', li({ ledger: { bases: [CONSENT] }, message: { body: BASE.message!.body } }), 'info'],
  ['LI-01', 'e-mail', BASE, 'absent'],
  ['LI-02', 'Open to Work + a job offer (strict)', li({ recipient: { linkedin: { openTo: ['work'] } }, message: { body: RECRUIT_NL } }), 'warn'],
  ['LI-02', 'Open to Work + a job offer (lenient)', li({ ...lenient, recipient: { linkedin: { openTo: ['work'] } }, message: { body: RECRUIT_NL } }), 'info'],
  ['LI-02', 'no signal', li({ message: { body: RECRUIT_NL } }), 'absent'],
  ['LI-02x', 'Open to Work + a sales pitch', li({ recipient: { linkedin: { openTo: ['work'] } } }), 'block'],
  ['LI-02x', 'Open to Work + a pitch with consent', li({ recipient: { linkedin: { openTo: ['work'] } }, ledger: { bases: [CONSENT] }, message: { body: BASE.message!.body } }), 'absent'],
  ['LI-03', 'saving a LinkedIn profile by hand', mk({ action: 'save_contact', channel: undefined, ledger: { source: 'linkedin_manual', bases: [LI_BASIS] } }), 'warn'],
  ['LI-03', 'saving with a scraping tool', mk({ action: 'save_contact', ledger: { source: 'linkedin_tool', bases: [LI_BASIS] } }), 'block'],
  ['LI-03', 'saving a restricted profile', mk({ action: 'save_contact', recipient: { linkedin: { restrictedVisibility: true } } }), 'block'],
  ['LI-03', 'saving a contact from a company website', mk({ action: 'save_contact', ledger: { source: 'company_website', bases: [LI_BASIS] } }), 'absent'],
  ['LI-04', 'same text sent to 12 others today', li({ ledger: { bases: [CONSENT], recentSimilarSends: 12 }, message: { body: BASE.message!.body } }), 'warn'],
  ['LI-04', 'a pitch in a connection note to a stranger', li({ channel: 'linkedin_connect_note', recipient: { linkedin: { degree: 2 } }, ledger: { bases: [CONSENT] }, message: { body: BASE.message!.body } }), 'warn'],
  ['LI-04', 'one personal message', li({ ledger: { bases: [CONSENT] }, message: { body: BASE.message!.body } }), 'absent'],
  ['LI-05', '1st-degree connection, no other basis', li({ recipient: { linkedin: { degree: 1 } } }), 'block'],
  ['LI-05', '1st-degree connection with consent', li({ recipient: { linkedin: { degree: 1 } }, ledger: { bases: [CONSENT] }, message: { body: BASE.message!.body } }), 'absent'],
  ['LI-06', 'public request for this topic (strict)', li({ recipient: { linkedin: { publicRequestTopic: 'planningssoftware voor installateurs' } } }), 'warn'],
  ['LI-06', 'public request (lenient)', li({ ...lenient, recipient: { linkedin: { publicRequestTopic: 'planningssoftware' } } }), 'info'],
  ['LI-06', 'no public request', li(), 'absent'],
  // 3-F evidence and objections
  ['EV-01', 'consent without "how"', mk({ ledger: { bases: [{ ...CONSENT, how: undefined }] } }), 'warn'],
  ['EV-01', 'consent without an evidence reference', mk({ ledger: { bases: [{ ...CONSENT, evidenceRefs: [] }] } }), 'warn'],
  ['EV-01', 'complete consent record', BASE, 'met'],
  ['EV-02', 'event note without the event', mk({ ledger: { bases: [{ ...CONSENT, how: 'event_note', what: undefined }], relationships: [{ type: 'met_in_person', date: '2025-12-01' }] } }), 'warn'],
  ['EV-02', 'complete event note', mk({ ledger: { bases: [{ ...CONSENT, how: 'event_note' }], relationships: [{ type: 'met_in_person', date: '2025-12-01', event: 'Vakbeurs', agreed: 'mail over planning' }] } }), 'met'],
  ['OB-01', 'name-only match with a suppressed person', mk({ ledger: { suppressions: [{ scope: 'all', level: 'person', matchedOn: 'fuzzy', source: 'team' }] } }), 'warn'],
  ['OB-01', 'same e-mail as a suppressed person', mk({ ledger: { suppressions: [{ scope: 'all', level: 'person', matchedOn: 'strong', source: 'personal' }] } }), 'block'],
  ['OB-01', 'no suppression', BASE, 'absent'],
  ['OB-02', 'company objected, mailing its info@', roleInfo({ ledger: { suppressions: [{ scope: 'all', level: 'company', matchedOn: 'strong', source: 'team' }] } }), 'block'],
  ['OB-02', 'company objected, mailing a named employee', mk({ ledger: { suppressions: [{ scope: 'email', level: 'company', matchedOn: 'strong', source: 'team' }] } }), 'warn'],
  ['OB-02', 'no company objection', roleInfo(), 'absent'],
  // 3-G other countries
  ['DE-EM-01', 'German recipient, no consent', country('DE'), 'block'],
  ['DE-EM-01', 'German recipient with express consent', mk({ recipient: { country: 'DE' } }), 'absent'],
  ['DE-TM-01', 'calling a German consumer without consent', callTo('DE', { recipient: { kind: 'natural_consumer' } }), 'block'],
  ['DE-TM-01', 'calling a German consumer with consent', call({ recipient: { country: 'DE', kind: 'natural_consumer' } }), 'absent'],
  ['DE-TM-02', 'calling a German GmbH with no reason recorded', callTo('DE', { recipient: { kind: 'legal_person', legalForm: 'GmbH' } }), 'block'],
  ['DE-TM-02', 'German GmbH with a concrete reason (strict)', callTo('DE', { recipient: { kind: 'legal_person' }, ledger: { relationships: [{ type: 'presumed_interest', reason: 'public RFP for planning software' }] } }), 'warn'],
  ['DE-TM-02', 'German GmbH with consent', call({ recipient: { country: 'DE', kind: 'legal_person' } }), 'absent'],
  ['UK-EM-01', 'UK sole trader, no consent', country('GB', { recipient: { legalForm: 'sole trader', kind: undefined } }), 'block'],
  ['UK-EM-01', 'UK Ltd', country('GB', { recipient: { legalForm: 'Ltd', kind: undefined } }), 'absent'],
  ['UK-EM-02', 'UK Ltd (lenient: recipient law only)', country('UK', { ...lenient, recipient: { kind: 'legal_person' } }), 'info'],
  ['UK-EM-02', 'UK individual', country('GB', { recipient: { kind: 'natural_consumer' } }), 'absent'],
  ['UK-TM-01', 'UK number on the TPS', callTo('GB', { recipient: { phoneRegisters: { tps: true } } }), 'block'],
  ['UK-TM-01', 'UK company on the CTPS', callTo('GB', { recipient: { kind: 'legal_person', phoneRegisters: { ctps: true } } }), 'block'],
  ['UK-TM-01', 'UK number screened, not listed', callTo('GB', { recipient: { phoneRegisters: { tps: false, ctps: false } } }), 'absent'],
  ['BE-EM-01', 'Belgian person, no consent', country('BE'), 'block'],
  ['BE-EM-01', 'Belgian company info@ (lenient)', country('BE', { ...lenient, recipient: { kind: 'legal_person', address: { value: 'info@bakker.be' } } }), 'info'],
  ['BE-EM-01', 'Belgian person with consent', mk({ recipient: { country: 'BE' } }), 'absent'],
  ['BE-TM-01', 'Belgian number on Bel-me-niet-meer', callTo('BE', { recipient: { kind: 'legal_person', phoneRegisters: { beDncm: true } } }), 'block'],
  ['BE-TM-01', 'Belgian number screened, not listed', callTo('BE', { recipient: { kind: 'legal_person', phoneRegisters: { beDncm: false } } }), 'absent'],
  ['BE-GD-01', 'named Belgian professional', mk({ recipient: { country: 'BE' } }), 'info'],
  ['BE-GD-01', 'Dutch recipient', BASE, 'absent'],
  // 3-H cross-border
  ['XB-01', 'Dutch sender, German recipient', mk({ recipient: { country: 'DE' } }), 'info'],
  ['XB-01', 'Dutch sender, Dutch recipient', BASE, 'absent'],
  // unknown facts
  ['MISSING-CHANNEL', 'send without a channel', mk({ channel: undefined }), 'block'],
  ['MISSING-CHANNEL', 'save without a channel', mk({ action: 'save_contact', channel: undefined }), 'absent'],
  ['MISSING-COUNTRY', '.com address relying on info@ tolerance', roleInfo({ recipient: { address: { value: 'info@bakker.com' } } }), 'warn'],
  ['MISSING-COUNTRY', 'country from the .nl domain', roleInfo(), 'absent'],
  ['MISSING-KIND', 'call, kind unknown', call({ recipient: { kind: undefined } }), 'info'],
  ['MISSING-KIND', 'call, kind from legal form', call({ recipient: { kind: undefined, legalForm: 'eenmanszaak' } }), 'absent'],
  ['MISSING-MESSAGE', 'e-mail without a body', mk({ message: { body: undefined } }), 'warn'],
  ['MISSING-MESSAGE', 'e-mail with a body', BASE, 'absent'],
  ['MISSING-SOURCE', 'known contact without a source', mk({ ledger: { source: undefined } }), 'info'],
  ['MISSING-SOURCE', 'source recorded', BASE, 'absent'],
  ['MISSING-OBTAINED-AT', 'known contact without a date obtained', mk({ ledger: { obtainedAt: undefined } }), 'warn'],
  ['MISSING-OBTAINED-AT', 'date obtained recorded', BASE, 'absent'],
  ['MISSING-PRODUCT', 'consent for products, the draft names none of them', mk({ ledger: { bases: [{ ...CONSENT, what: { entity: 'Acme B.V.', products: ['planningssoftware'] } }] }, message: { product: undefined, subject: 'Kennismaking', body: DRAFT_CONSENT_NL.replaceAll('planningssoftware', 'oplossing') } }), 'warn'],
  ['MISSING-PRODUCT', 'message product given', mk({ ledger: { bases: [{ ...CONSENT, what: { entity: 'Acme B.V.', products: ['planningssoftware'] } }] } }), 'absent'],
  ['MISSING-SENDER-ENTITY', 'consent names an entity, sender entity unknown', mk({ sender: { legalEntity: undefined } }), 'warn'],
  ['MISSING-SENDER-ENTITY', 'sender entity known', BASE, 'absent'],
  // what the page could not show (issue 16 item 5): input facts of the engine, findings of the catalogue
  ['MISSING-ADDRESS', 'the page showed a recipient whose address it could not read', mk({ recipient: { pageStatus: 'unreadable', displayName: 'Jan' } }), 'block'],
  ['MISSING-ADDRESS', 'the address was read', BASE, 'absent'],
  ['MISSING-RECIPIENT', 'the page showed no recipient at all', mk({ recipient: { pageStatus: 'none' } }), 'block'],
  ['MISSING-RECIPIENT', 'a recipient was shown', BASE, 'absent'],
  ['MISSING-REGISTER-SCREENING', 'UK call, TPS not screened', callTo('GB'), 'warn'],
  ['MISSING-REGISTER-SCREENING', 'UK call, screened', callTo('GB', { recipient: { phoneRegisters: { tps: false } } }), 'absent'],
  ['MISSING-CUSTOMER-EVIDENCE', 'customer without collection facts', mk({ ledger: { bases: [{ type: 'customer', entity: 'Acme B.V.', similarProduct: true }] }, message: { body: DRAFT_LI_NL } }), 'info'],
  ['MISSING-CUSTOMER-EVIDENCE', 'customer with all facts', mk({ ledger: { bases: [CUSTOMER] }, message: { body: DRAFT_LI_NL } }), 'absent'],
  ['MISSING-CONTACT-DATE', 'earlier contact without a date', mk({ ...noConsent, ledger: { bases: [LI_BASIS], relationships: [{ type: 'prior_contact' }] } }), 'info'],
  ['MISSING-CONTACT-DATE', 'dated earlier contact', mk({ ...noConsent, ledger: { bases: [LI_BASIS], relationships: [{ type: 'prior_contact', date: '2026-01-10' }] } }), 'absent'],
  ['MISSING-DESIGNATION-EVIDENCE', 'designated without evidence', roleInfo({ recipient: { address: { kind: 'role_designated' } } }), 'info'],
  ['MISSING-DESIGNATION-EVIDENCE', 'designated with evidence', roleInfo({ recipient: { address: { kind: 'role_designated', designationEvidence: { url: 'https://x.nl' } } } }), 'absent'],
  ['MISSING-BASIS', 'person not in the ledger', mk({ ledger: { known: false, bases: [], source: undefined, obtainedAt: undefined } }), 'info'],
  ['MISSING-BASIS', 'person in the ledger', BASE, 'absent'],
];

describe('rules table (docs/research/legal-rules.md §3)', () => {
  test.each(rows.map(([c, s, i, e]) => [c, s, e, i] as const))('%s — %s → %s', (code, _situation, expected, input) => {
    const verdict = evaluateOutreach(input);
    const finding = verdict.findings.find((f) => f.code === code);
    if (expected === 'absent') expect(finding, `${code} fired: ${JSON.stringify(verdict.findings.map((f) => f.code))}`).toBeUndefined();
    else if (expected === 'met') expect(finding?.severity, `${code} should say it was checked and met`).toBe('info');
    else expect(finding?.severity, `${code} in ${JSON.stringify(verdict.findings.map((f) => `${f.code}:${f.severity}`))}`).toBe(expected);
  });

  test('every rule code of §3 has a firing and a non-firing row', () => {
    const codes = Object.keys(CATALOGUE).map((k) => k.split('/')[0]!);
    // MISSING-CONTEXT needs the message model's "default" answer; its table is in context.test.ts
    for (const code of new Set(codes.filter((c) => c !== 'MISSING-CONTEXT'))) {
      expect(rows.some(([c, , , e]) => c === code && e !== 'absent' && e !== 'met'), `${code} never fires`).toBe(true);
      expect(rows.some(([c, , , e]) => c === code && (e === 'absent' || e === 'met')), `${code} has no non-firing case`).toBe(true);
    }
  });

  test('the allowed base case allows, with nothing to fix', () => {
    const v = evaluateOutreach(BASE);
    expect(v.decision).toBe('allow');
    expect(v.overridable).toBe(true);
    expect(v.findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  test.each(rows.map(([c, s, i]) => [c, s, i] as const))('%s — %s: verdict matches verdictSchema and decision is the worst severity', (_c, _s, input) => {
    const v = evaluateOutreach(input);
    expect(verdictSchema.parse(v)).toEqual(v);
    const worst = v.findings.some((f) => f.severity === 'block') ? 'block' : v.findings.some((f) => f.severity === 'warn') ? 'warn' : 'allow';
    expect(v.decision).toBe(worst);
    for (const f of v.findings) {
      expect(f.title.nl.length * f.title.en.length * f.explanation.nl.length * f.explanation.en.length).toBeGreaterThan(0);
      expect(f.citations.length).toBeGreaterThan(0);
    }
  });
});

describe('regimes', () => {
  test('a Belgian sender writing to a Dutch person gets Belgian e-mail rules (strict) but no BE-GD-01', () => {
    const v = evaluateOutreach(mk({ sender: { country: 'BE' }, ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } }));
    const codes = v.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['BE-EM-01', 'NL-EM-01', 'XB-01']));
    expect(codes).not.toContain('BE-GD-01');
  });
  test('a Scottish partnership is a corporate subscriber under PECR', () => {
    const v = evaluateOutreach(mk({ policy: { mode: 'lenient' }, recipient: { country: 'GB', kind: undefined, legalForm: 'Scottish partnership' }, ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } }));
    expect(v.findings.map((f) => f.code)).toContain('UK-EM-02');
  });
  test('LinkedIn messages to German members follow the NL rules (no DE-EM-01)', () => {
    const v = evaluateOutreach(mk({ channel: 'linkedin_dm', recipient: { country: 'DE', address: { value: undefined } }, ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } }));
    const codes = v.findings.map((f) => f.code);
    expect(codes).toContain('NL-EM-01');
    expect(codes).not.toContain('DE-EM-01');
  });
});

describe('look-ups without a message', () => {
  test('a look-up checks the person, not a draft: consent on record → allow, with a note that the draft is checked at send', () => {
    const { message: _m, ...lookup } = BASE;
    const v = evaluateOutreach(lookup);
    expect(v.decision).toBe('allow');
    expect(v.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(v.findings.find((f) => f.code === 'MISSING-MESSAGE')?.title.en).toBe('Message not checked yet');
    // the draft checks wait for the draft
    expect(v.findings.map((f) => f.code)).not.toEqual(expect.arrayContaining(['NL-EM-05']));
  });
  test('a look-up for a cold contact still blocks', () => {
    const { message: _m, ...lookup } = mk({ ledger: { bases: [LI_BASIS] } });
    expect(evaluateOutreach(lookup).findings.map((f) => f.code)).toContain('NL-EM-01');
  });
  test('a draft whose body could not be read is not a look-up: every element counts as missing', () => {
    const v = evaluateOutreach(mk({ message: { body: undefined } }));
    expect(v.decision).toBe('block');
    expect(v.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['MISSING-MESSAGE', 'NL-EM-05', 'GD-07']));
  });
});
