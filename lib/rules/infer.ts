import type { AddressKind, RecipientKind } from './input';

// Inference of facts the rep or the ledger did not give (issue #3, docs/research/legal-rules.md §2.2).
// Word lists are data: transparent and each tested in tests/unit/rules/infer.test.ts.

/** Legal forms without legal personality: the business and the person are the same (Tw 11.7(2) since 2021). */
export const NATURAL_PROFESSIONAL_FORMS = [
  'eenmanszaak',
  'eenmanszaken',
  'vof',
  'v.o.f.',
  'vennootschap onder firma',
  'maatschap',
  'cv',
  'c.v.',
  'commanditaire vennootschap',
  'zzp',
  'zzp-er',
  "zzp'er",
  'zelfstandige zonder personeel',
  'freelancer',
  'freelance',
  'sole trader',
  'sole proprietor',
  'sole proprietorship',
  'self-employed',
  'partnership',
  'general partnership',
  'einzelunternehmen',
  'einzelunternehmer',
  'gbr',
  'eenmanszaak/zzp',
  'entreprise individuelle',
] as const;

/** Legal persons (opt-out regime for calls; corporate subscribers in the UK). */
export const LEGAL_PERSON_FORMS = [
  'bv',
  'b.v.',
  'besloten vennootschap',
  'nv',
  'n.v.',
  'naamloze vennootschap',
  'stichting',
  'vereniging',
  'coöperatie',
  'cooperatie',
  'coöperatieve vereniging',
  'ua',
  'u.a.',
  'ltd',
  'ltd.',
  'limited',
  'plc',
  'llp',
  'scottish partnership',
  'public body',
  'overheid',
  'gemeente',
  'gmbh',
  'ag',
  'ug',
  'kg',
  'e.v.',
  'srl',
  'bvba',
  'nv/sa',
  'sa',
  'sas',
  'inc',
  'inc.',
  'llc',
  'corp',
  'corporation',
] as const;

const naturalForms = new Set<string>(NATURAL_PROFESSIONAL_FORMS);
const legalForms = new Set<string>(LEGAL_PERSON_FORMS);

/** "B.V.", "Acme B.V.", "vof", "V.O.F." → recipient kind; undefined when the form says nothing we know. */
export function kindFromLegalForm(legalForm: string | undefined): RecipientKind | undefined {
  if (!legalForm) return undefined;
  const f = legalForm.trim().toLowerCase().replace(/\s+/g, ' ');
  if (naturalForms.has(f)) return 'natural_professional';
  if (legalForms.has(f)) return 'legal_person';
  // a company name with the form at the end: "Jansen Installatie V.O.F.", "Acme Ltd"
  const compact = f.replace(/\./g, '');
  const last = compact.split(' ').pop() ?? '';
  const lastTwo = compact.split(' ').slice(-2).join(' ');
  if (naturalForms.has(last) || naturalForms.has(lastTwo) || /\bzzp\b/.test(compact)) return 'natural_professional';
  if (legalForms.has(last) || legalForms.has(lastTwo)) return 'legal_person';
  return undefined;
}

/** Free-mail and consumer ISP domains: the holder is a natural person. */
export const FREE_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.nl',
  'hotmail.co.uk',
  'hotmail.de',
  'hotmail.be',
  'outlook.com',
  'outlook.nl',
  'outlook.be',
  'outlook.de',
  'live.com',
  'live.nl',
  'live.be',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.nl',
  'yahoo.co.uk',
  'yahoo.de',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  't-online.de',
  'ziggo.nl',
  'kpnmail.nl',
  'kpnplanet.nl',
  'planet.nl',
  'home.nl',
  'xs4all.nl',
  'hetnet.nl',
  'casema.nl',
  'chello.nl',
  'quicknet.nl',
  'upcmail.nl',
  'zeelandnet.nl',
  'telfort.nl',
  'tele2.nl',
  'online.nl',
  'skynet.be',
  'telenet.be',
  'proximus.be',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
] as const;

/** Role local parts: an address for a function, not a person (NL-EM-04U; GDPR often not triggered). */
export const ROLE_LOCAL_PARTS = [
  'info',
  'sales',
  'contact',
  'hello',
  'hallo',
  'office',
  'admin',
  'administratie',
  'support',
  'service',
  'klantenservice',
  'team',
  'mail',
  'post',
  'receptie',
  'reception',
  'secretariaat',
  'inkoop',
  'purchasing',
  'procurement',
  'marketing',
  'hr',
  'jobs',
  'vacatures',
  'finance',
  'billing',
  'facturen',
  'boekhouding',
  'enquiries',
  'inquiries',
  'general',
  'kantoor',
  'welkom',
  'partners',
  'partnerships',
  'verkoop',
  'press',
  'pers',
] as const;

const freeMail = new Set<string>(FREE_MAIL_DOMAINS);
const roleLocal = new Set<string>(ROLE_LOCAL_PARTS);
const EMAIL = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/;
const LINKEDIN_URL = /linkedin\.com\//i;
const PHONE = /^\+?[\d\s().-]{6,}$/;

export interface AddressInference {
  addressKind?: AddressKind;
  /** the holder of the address is a natural person (free mail) */
  naturalPerson?: boolean;
}

/** Infers the address kind (and sometimes that the holder is a natural person) from the address text. */
export function inferAddress(value: string | undefined): AddressInference {
  if (!value) return {};
  const v = value.trim().toLowerCase();
  const m = EMAIL.exec(v);
  if (m) {
    const local = (m[1] ?? '').split('+')[0] ?? '';
    const domain = m[2] ?? '';
    if (freeMail.has(domain)) return { addressKind: 'personal_private', naturalPerson: true };
    if (roleLocal.has(local)) return { addressKind: 'role_generic' };
    return { addressKind: 'personal_business' };
  }
  if (LINKEDIN_URL.test(v)) return { addressKind: 'linkedin_member' };
  if (PHONE.test(v)) {
    const digits = v.replace(/[^\d+]/g, '');
    // Dutch and Belgian mobile ranges; anything else stays a direct line (never the lenient switchboard guess)
    if (/^(\+316|00316|06)/.test(digits) || /^(\+324|00324|04)/.test(digits)) return { addressKind: 'phone_mobile' };
    return { addressKind: 'phone_direct' };
  }
  return {};
}

/** Recipient kind implied by an address: free mail → consumer-like natural person (strictest natural kind). */
export function kindFromAddress(value: string | undefined): RecipientKind | undefined {
  return inferAddress(value).naturalPerson ? 'natural_consumer' : undefined;
}

const TLD_COUNTRY: Record<string, string> = {
  nl: 'NL',
  be: 'BE',
  de: 'DE',
  uk: 'GB',
  fr: 'FR',
  lu: 'LU',
  at: 'AT',
  ch: 'CH',
  es: 'ES',
  it: 'IT',
  ie: 'IE',
  dk: 'DK',
  se: 'SE',
  no: 'NO',
  fi: 'FI',
  pl: 'PL',
  pt: 'PT',
  cz: 'CZ',
  frl: 'NL',
  amsterdam: 'NL',
  brussels: 'BE',
  vlaanderen: 'BE',
  berlin: 'DE',
  london: 'GB',
  wales: 'GB',
  scot: 'GB',
};
// longest prefix first so +352 (LU) is not read as +35…
const PHONE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['352', 'LU'],
  ['353', 'IE'],
  ['351', 'PT'],
  ['31', 'NL'],
  ['32', 'BE'],
  ['49', 'DE'],
  ['44', 'GB'],
  ['33', 'FR'],
  ['43', 'AT'],
  ['41', 'CH'],
  ['34', 'ES'],
  ['39', 'IT'],
  ['45', 'DK'],
  ['46', 'SE'],
  ['47', 'NO'],
  ['48', 'PL'],
  ['1', 'US'],
];

/** Country from an e-mail domain's TLD, a LinkedIn country subdomain or an international phone prefix. */
export function countryFromAddress(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  const m = EMAIL.exec(v);
  if (m) {
    const tld = (m[2] ?? '').split('.').pop() ?? '';
    return TLD_COUNTRY[tld];
  }
  const li = /^(?:https?:\/\/)?([a-z]{2})\.linkedin\.com\//.exec(v);
  if (li && li[1] !== 'www') return li[1] === 'uk' ? 'GB' : li[1]?.toUpperCase();
  return countryFromPhone(v);
}

export function countryFromPhone(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const digits = value.replace(/[^\d+]/g, '');
  const intl = digits.startsWith('+') ? digits.slice(1) : digits.startsWith('00') ? digits.slice(2) : undefined;
  if (intl === undefined) return undefined;
  for (const [prefix, country] of PHONE_PREFIXES) if (intl.startsWith(prefix)) return country;
  return undefined;
}

/** ISO code as the engine compares it ('UK' → 'GB'). */
export function normalizeCountry(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const u = c.toUpperCase();
  return u === 'UK' ? 'GB' : u;
}
