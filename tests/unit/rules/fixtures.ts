import { generateCallOpening, generateDisclosure, type DisclosureSettings } from '../../../lib/rules/disclosure';
import type { OutreachInput } from '../../../lib/rules/input';

// Shared inputs for the rules tests. BASE is a send the engine must allow: a Dutch sender e-mails a person
// whose demonstrable, in-scope consent is on record, with a draft that carries every required element.

export const SETTINGS_NL: DisclosureSettings = {
  legalName: 'Acme B.V.',
  contact: 'privacy@acme.nl',
  privacyUrl: 'https://acme.nl/privacy',
  optOut: { method: 'reply' },
  product: 'onze planningssoftware',
};

export const PITCH_NL = 'Beste Jan,\n\nGraag laat ik u kennismaken met onze planningssoftware voor installatiebedrijven.\n\nMet vriendelijke groet,\nPiet Smit\n\n';
export const DRAFT_CONSENT_NL = PITCH_NL + generateDisclosure(SETTINGS_NL, { kind: 'linkedin' }, 'nl', 'consent');
export const DRAFT_LI_NL = PITCH_NL + generateDisclosure(SETTINGS_NL, { kind: 'linkedin' }, 'nl', 'legitimate_interest');
export const DRAFT_ART13_NL = PITCH_NL + generateDisclosure(SETTINGS_NL, { kind: 'event', detail: 'de Vakbeurs Installatie' }, 'nl', 'legitimate_interest');
export const RECRUIT_NL =
  'Beste Jan,\n\nIk zag dat u openstaat voor een nieuwe baan. Wij hebben een vacature voor een projectleider.\n\n' +
  generateDisclosure({ ...SETTINGS_NL, product: 'een vacature' }, { kind: 'linkedin' }, 'nl', 'legitimate_interest');
export const SCRIPT_NL = generateCallOpening({
  callerName: 'Piet Smit',
  legalName: 'Acme B.V.',
  purpose: 'onze planningssoftware',
  source: { kind: 'linkedin' },
  lang: 'nl',
});

export const CONSENT = {
  type: 'consent' as const,
  who: 'Jan Bakker',
  when: '2025-12-01',
  how: 'form' as const,
  what: { entity: 'Acme B.V.', channels: ['email' as const, 'linkedin' as const, 'phone' as const] },
  evidenceRefs: ['form-log-2025-12-01-118'],
  capturedBy: 'website form v3',
  verifiedBeforeCall: true,
  linkedTo: 'person' as const,
};
export const LI_BASIS = { type: 'legitimate_interest' as const, assessment: { id: 'lia-2026-01', version: '1', date: '2026-01-05' } };
export const CUSTOMER = {
  type: 'customer' as const,
  entity: 'Acme B.V.',
  productCategory: 'planningssoftware',
  saleDate: '2025-06-01',
  obtainedAtSale: true,
  informedAtCollection: true,
  optoutOfferedAtCollection: true,
  similarProduct: true,
};

export const BASE: OutreachInput = {
  action: 'send_message',
  channel: 'email',
  sendDate: '2026-03-01',
  sender: { legalEntity: 'Acme B.V.', country: 'NL' },
  recipient: { kind: 'natural_professional', address: { value: 'jan@bakker-installatie.nl' } },
  ledger: {
    known: true,
    source: 'linkedin_manual',
    obtainedAt: '2026-02-20',
    relationships: [],
    bases: [CONSENT],
    suppressions: [],
  },
  message: { subject: 'Planningssoftware', body: DRAFT_CONSENT_NL, recipientCount: 1, product: 'planningssoftware' },
  policy: { mode: 'strict' },
};

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge for test inputs: objects merge, arrays and scalars replace, undefined deletes. */
export function merge<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : patch) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k], v) : v;
  }
  return out as T;
}

export const mk = (patch: unknown = {}): OutreachInput => merge(BASE, patch);
/** A call to a number (the script is the message). */
export const call = (patch: unknown = {}): OutreachInput =>
  merge(
    mk({
      action: 'call',
      channel: 'call',
      recipient: { address: { value: '+31 20 123 4567', kind: 'phone_direct' } },
      message: { body: SCRIPT_NL, subject: undefined },
    }),
    patch,
  );
