import { foldText, normalizeDomain, normalizeEmail, normalizeLinkedIn, normalizePhone, toHex, type LinkedInRefInput, type NormalizedLinkedIn } from './normalize';

// The one home of identity keys (`email:…`, `phone:…`, `li-member:…`, `li-vanity:…`, `li-lead:…`,
// `domain:…`, and the local `company:…`): from what a page read, a form or the popup typed, a team entry, or
// a stored contact. Suppression hashes, team-sync HMAC input and ledger lookups all start here, so one
// person yields the same keys wherever it was seen. Normalising the parts lives in normalize.ts.

/** The kinds of identity keys, as their string prefix. */
export type IdentityKeyKind = 'email' | 'phone' | 'li-member' | 'li-vanity' | 'li-lead' | 'domain';
export const identityKeyKinds: readonly IdentityKeyKind[] = ['email', 'phone', 'li-member', 'li-vanity', 'li-lead', 'domain'];

export interface IdentityInput {
  emails?: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  linkedin?: LinkedInRefInput | readonly LinkedInRefInput[] | null;
  domains?: readonly (string | null | undefined)[];
}

/**
 * All identity keys of a person, normalised and de-duplicated, in the shared convention:
 * `email:…`, `phone:…`, `li-member:…`, `li-vanity:…`, `li-lead:…`, `domain:…`. Invalid inputs are skipped.
 */
export function identityKeysOf(input: IdentityInput, defaultRegion = 'NL'): string[] {
  const keys = new Set<string>();
  for (const e of input.emails ?? []) {
    const n = normalizeEmail(e);
    if (n) keys.add(`email:${n}`);
  }
  for (const p of input.phones ?? []) {
    const n = normalizePhone(p, defaultRegion);
    if (n) keys.add(`phone:${n}`);
  }
  const refs = input.linkedin ? (Array.isArray(input.linkedin) ? input.linkedin : [input.linkedin]) : [];
  for (const ref of refs as LinkedInRefInput[]) {
    const n = normalizeLinkedIn(ref);
    if (n.memberId) keys.add(`li-member:${n.memberId}`);
    if (n.vanity) keys.add(`li-vanity:${n.vanity}`);
    if (n.salesNavLeadId) keys.add(`li-lead:${n.salesNavLeadId}`);
  }
  for (const d of input.domains ?? []) {
    const n = normalizeDomain(d);
    if (n) keys.add(`domain:${n}`);
  }
  return [...keys];
}

/** The kind of an identity key (`email`, `phone`, …), or null for a string outside the convention. */
export function kindOfKey(key: string): IdentityKeyKind | null {
  const i = key.indexOf(':');
  if (i <= 0) return null;
  const kind = key.slice(0, i) as IdentityKeyKind;
  return identityKeyKinds.includes(kind) ? kind : null;
}

/** The domain key an e-mail key implies (`email:a@acme.nl` → `domain:acme.nl`), for company-level suppressions. */
export function domainKeyOfEmailKey(key: string): string | null {
  if (!key.startsWith('email:')) return null;
  return `domain:${key.slice(key.lastIndexOf('@') + 1)}`;
}

/** SHA-256 of an identity key as lower-case hex (WebCrypto); the form in which suppressions store keys. */
export async function hashIdentityKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return toHex(new Uint8Array(digest));
}


/** The identities a key can be derived from, as the ledger stores them on a contact. */
export interface KeyedIdentities {
  emails: readonly string[];
  phones: readonly string[];
  linkedin: { memberIds: readonly string[]; vanities: readonly string[]; leadIds: readonly string[] };
}

/** Every identity key a stored contact answers to (its identities are already normal). */
export function keysOfContact(c: KeyedIdentities): string[] {
  return [
    ...c.emails.map((e) => `email:${e}`),
    ...c.phones.map((p) => `phone:${p}`),
    ...c.linkedin.memberIds.map((m) => `li-member:${m}`),
    ...c.linkedin.vanities.map((v) => `li-vanity:${v}`),
    ...c.linkedin.leadIds.map((l) => `li-lead:${l}`),
  ];
}

/** The contact without the identities whose keys are in `drop` (the other fields as they were). */
export function withoutKeys<T extends KeyedIdentities>(c: T, drop: ReadonlySet<string>): T {
  return {
    ...c,
    emails: c.emails.filter((e) => !drop.has(`email:${e}`)),
    phones: c.phones.filter((p) => !drop.has(`phone:${p}`)),
    linkedin: {
      ...c.linkedin,
      memberIds: c.linkedin.memberIds.filter((m) => !drop.has(`li-member:${m}`)),
      vanities: c.linkedin.vanities.filter((v) => !drop.has(`li-vanity:${v}`)),
      leadIds: c.linkedin.leadIds.filter((l) => !drop.has(`li-lead:${l}`)),
    },
  };
}

/** The keys of one LinkedIn identity in normal form. */
export function keysOfLinkedIn(li: NormalizedLinkedIn): string[] {
  return [...(li.memberId ? [`li-member:${li.memberId}`] : []), ...(li.vanity ? [`li-vanity:${li.vanity}`] : []), ...(li.salesNavLeadId ? [`li-lead:${li.salesNavLeadId}`] : [])];
}

/** Reads one LinkedIn reference as the user typed it: a URL, `/in/slug`, a slug or a member id. */
export function linkedInFromText(raw: string): NormalizedLinkedIn {
  const s = raw.trim();
  if (/linkedin\.com|^\/?(in|sales)\//i.test(s) || /^urn:li:/.test(s)) {
    const url = /^https?:/i.test(s) || /^urn:/.test(s) ? s : `https://www.linkedin.com/${s.replace(/^\/+/, '')}`;
    return normalizeLinkedIn({ profileUrl: url });
  }
  return normalizeLinkedIn({ vanity: s });
}

/** Identity keys for one value typed into the popup or the do-not-contact form: an address, a LinkedIn URL or a phone number. */
export function keysOfQuery(query: string, defaultRegion = 'NL'): string[] {
  const q = query.trim();
  if (q.includes('@') && !/linkedin\.com/i.test(q)) {
    const e = normalizeEmail(q);
    return e ? [`email:${e}`] : [];
  }
  if (/linkedin\.com|^\/?in\/|^urn:li:/i.test(q)) return keysOfLinkedIn(linkedInFromText(q));
  const p = normalizePhone(q, defaultRegion);
  return p ? [`phone:${p}`] : [];
}

/** Identity keys of a recipient as a site adapter read it off the page. */
export function keysOfPageRecipient(r: { email?: string | undefined; linkedin?: LinkedInRefInput | undefined }): string[] {
  return identityKeysOf({ emails: [r.email], linkedin: r.linkedin ?? null });
}

/** The keys plus the domain key of each e-mail key (team entries are keyed on the same keys; company level on the domain). */
export function withDomainKeys(keys: readonly string[]): string[] {
  const out = new Set(keys);
  for (const k of keys) {
    const domain = domainKeyOfEmailKey(k);
    if (domain) out.add(domain);
  }
  return [...out];
}

/** Whom a team entry is about, as a page knows it. */
export interface TeamEntryIdentity {
  emails?: readonly string[] | undefined;
  phones?: readonly string[] | undefined;
  linkedin?: LinkedInRefInput | undefined;
  domains?: readonly string[] | undefined;
}

/** A person's own keys for a person-level team entry; the company's domains (also from e-mail addresses) for company level. */
export function keysForTeamEntry(identity: TeamEntryIdentity, level: 'person' | 'company'): string[] {
  if (level === 'company') {
    const fromEmails = (identity.emails ?? []).map((e) => e.slice(e.lastIndexOf('@') + 1));
    return identityKeysOf({ domains: [...(identity.domains ?? []), ...fromEmails] });
  }
  return identityKeysOf({ emails: identity.emails, phones: identity.phones, linkedin: identity.linkedin ?? null });
}

/** `company:<folded name>`: the key of a company-level block by name (outside the shared convention; local only). */
export function companyKey(name: string): string {
  return `company:${foldText(name).replace(/\s+/g, ' ').trim()}`;
}

/** The company-level keys a set of identity keys implies: `domain:` of each e-mail (and of the company). */
export function companyKeysOf(keys: readonly string[], company?: { name?: string | undefined; domain?: string | undefined }): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    const d = domainKeyOfEmailKey(k);
    if (d) out.add(d);
    if (k.startsWith('domain:') || k.startsWith('company:')) out.add(k);
  }
  if (company?.domain) out.add(`domain:${company.domain}`);
  if (company?.name) out.add(companyKey(company.name));
  return [...out];
}

/** A person's own keys among `keys` (without the company-level `domain:` and `company:` keys). */
export function personKeysOf(keys: readonly string[]): string[] {
  return keys.filter((k) => !k.startsWith('domain:') && !k.startsWith('company:'));
}
