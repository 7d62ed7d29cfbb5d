import { linkedInFromText } from '../identity/keys';
import { normalizeDomain, normalizeEmail, normalizePhone, storedProfileUrl } from '../identity/normalize';
import { LedgerError } from './errors';
import type { Company, Contact, LinkedInIdentity } from '../model/contact';

// Turns raw identities from a form, a CSV row or a backup into the ledger's normal form, naming the
// field of anything invalid (e.g. `emails.1`) so the page can put the message next to it.

export interface RawIdentities {
  emails?: readonly string[];
  phones?: readonly string[];
  /** profile URLs, /in/ slugs or member ids */
  linkedin?: readonly string[];
  company?: Company;
}

export interface NormalIdentities {
  emails: string[];
  phones: string[];
  linkedin: LinkedInIdentity;
  company?: Company;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** `addressesNormalized`: the e-mails and phones are already in normal form (a checked CSV plan), not normalised again. */
export function normalizeIdentities(raw: RawIdentities, prefix = '', defaultRegion = 'NL', addressesNormalized = false): NormalIdentities {
  const emails: string[] = [];
  (raw.emails ?? []).forEach((e, i) => {
    if (!e.trim()) return;
    const n = addressesNormalized ? e : normalizeEmail(e);
    if (!n) throw new LedgerError('invalid-email', `"${e}" is not a valid e-mail address.`, `${prefix}emails.${i}`);
    emails.push(n);
  });
  const phones: string[] = [];
  (raw.phones ?? []).forEach((p, i) => {
    if (!p.trim()) return;
    const n = addressesNormalized ? p : normalizePhone(p, defaultRegion);
    if (!n) throw new LedgerError('invalid-phone', `"${p}" is not a valid phone number.`, `${prefix}phones.${i}`);
    phones.push(n);
  });
  const linkedin: LinkedInIdentity = { memberIds: [], vanities: [], leadIds: [] };
  (raw.linkedin ?? []).forEach((l, i) => {
    if (!l.trim()) return;
    const n = linkedInFromText(l);
    if (!n.memberId && !n.vanity && !n.salesNavLeadId) {
      throw new LedgerError('invalid-linkedin', `"${l}" is not a LinkedIn profile URL.`, `${prefix}linkedin.${i}`);
    }
    if (n.memberId) linkedin.memberIds.push(n.memberId);
    if (n.vanity) linkedin.vanities.push(n.vanity);
    if (n.salesNavLeadId) linkedin.leadIds.push(n.salesNavLeadId);
    if (!linkedin.profileUrl && /^https?:/i.test(l.trim())) {
      const url = storedProfileUrl(l, n);
      if (url) linkedin.profileUrl = url;
    }
  });
  linkedin.memberIds = uniq(linkedin.memberIds);
  linkedin.vanities = uniq(linkedin.vanities);
  linkedin.leadIds = uniq(linkedin.leadIds);
  let company: Company | undefined;
  if (raw.company) {
    company = { ...raw.company };
    if (company.domain) {
      const d = normalizeDomain(company.domain);
      if (!d) throw new LedgerError('invalid-domain', `"${company.domain}" is not a valid domain.`, `${prefix}company.domain`);
      company.domain = d;
    }
    if (company.name !== undefined) company.name = company.name.trim();
    for (const k of Object.keys(company) as (keyof Company)[]) if (company[k] === '' || company[k] === undefined) delete company[k];
    if (Object.keys(company).length === 0) company = undefined;
  }
  return { emails: uniq(emails), phones: uniq(phones), linkedin, ...(company ? { company } : {}) };
}

/** Union of two contacts' identities; `into` keeps its scalar fields, gaps are filled from `from`. */
export function mergeContacts<T extends Omit<Contact, 'sortName' | 'searchTokens' | 'flags'>>(into: T, from: Partial<Contact>): T {
  const out: T = { ...into };
  out.emails = uniq([...into.emails, ...(from.emails ?? [])]);
  out.phones = uniq([...into.phones, ...(from.phones ?? [])]);
  out.linkedin = {
    ...into.linkedin,
    memberIds: uniq([...into.linkedin.memberIds, ...(from.linkedin?.memberIds ?? [])]),
    vanities: uniq([...into.linkedin.vanities, ...(from.linkedin?.vanities ?? [])]),
    leadIds: uniq([...into.linkedin.leadIds, ...(from.linkedin?.leadIds ?? [])]),
    ...(into.linkedin.profileUrl ?? from.linkedin?.profileUrl ? { profileUrl: into.linkedin.profileUrl ?? from.linkedin?.profileUrl } : {}),
  };
  if (from.company) out.company = { ...from.company, ...(into.company ?? {}) };
  if (out.recipientKind === 'unknown' && from.recipientKind) out.recipientKind = from.recipientKind;
  for (const k of ['country', 'headline', 'notes', 'art13SentAt', 'art14SentAt', 'firstContactAt', 'lastInteractionAt', 'savedFromLinkedIn'] as const) {
    if (out[k] === undefined && from[k] !== undefined) (out as Record<string, unknown>)[k] = from[k];
  }
  if (!out.name.trim() && from.name) out.name = from.name;
  out.addresses = [...(into.addresses ?? []), ...(from.addresses ?? []).filter((a) => !(into.addresses ?? []).some((b) => b.value === a.value))];
  if (into.legacy || from.legacy) out.legacy = true;
  if (into.provenance || from.provenance) {
    const seen = new Set((into.provenance ?? []).map((p) => p.id));
    out.provenance = [...(into.provenance ?? []), ...(from.provenance ?? []).filter((p) => !seen.has(p.id)).map((p) => ({ ...p, contactId: into.id }))];
  }
  return out;
}
