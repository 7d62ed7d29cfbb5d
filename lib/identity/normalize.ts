import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// The identity-key convention every part of Outreach Guard uses (suppression hashes, team-sync HMAC input,
// ledger lookups). One person seen as an e-mail, a phone number or any of LinkedIn's id forms must
// produce the same keys wherever it was read, so all normalising lives here.

/** Turns a host name into its ASCII (punycode) form, or null when it is not a valid host. */
function asciiHost(host: string): string | null {
  const trimmed = host.trim().replace(/\.$/, '');
  if (!trimmed || /[\s/\\?#@:]/.test(trimmed)) return null;
  let hostname: string;
  try {
    // The URL parser applies IDNA (UTS #46): internationalised domains become punycode.
    hostname = new URL(`http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  const labels = hostname.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return null;
  // A top-level domain is never all digits (that is an IP address, not a mailbox domain).
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return hostname;
}

/**
 * Normalises an e-mail address: trimmed, `mailto:` and angle brackets removed, lower-cased,
 * internationalised domain in punycode. Returns null for anything that is not an address.
 */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw.trim();
  const angled = /<([^<>]+)>\s*$/.exec(s); // "Jan Jansen <jan@example.nl>"
  if (angled) s = angled[1]!.trim();
  s = s.replace(/^mailto:/i, '');
  if (s.length > 254) return null;
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  const local = s.slice(0, at);
  const domain = asciiHost(s.slice(at + 1));
  if (!domain) return null;
  if (local.length > 64 || !/^[^\s@<>()[\]\\,;:"]+$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return null;
  }
  return `${local.toLowerCase()}@${domain}`;
}

/**
 * Normalises a phone number to E.164 (`+31612345678`). A number without a country code is read in
 * `defaultRegion` (NL). Returns null when libphonenumber does not consider it a possible number.
 */
export function normalizePhone(raw: string | null | undefined, defaultRegion: string = 'NL'): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/^tel:/i, '');
  if (!s || s.length > 40 || /[a-z]/i.test(s.replace(/ext\.?|x/gi, ''))) return null;
  // "0031 6 …" is common in Dutch lists; libphonenumber reads 00 as an international prefix for NL too.
  const parsed = parsePhoneNumberFromString(s, defaultRegion.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isPossible() || !parsed.isValid()) return null;
  return parsed.number;
}

/**
 * Normalises a domain (or a URL, or an e-mail address) to its lower-case ASCII host without `www.`.
 * Not a full public-suffix computation: `sales.acme.nl` stays as it is, which is stricter, never looser.
 */
export function normalizeDomain(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw.trim().toLowerCase();
  if (!s) return null;
  if (s.includes('@') && !s.includes('/')) s = s.slice(s.lastIndexOf('@') + 1);
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return null;
    }
  } else {
    s = s.split(/[/?#]/)[0]!;
  }
  const host = asciiHost(s);
  if (!host) return null;
  return host.startsWith('www.') && host.split('.').length > 2 ? host.slice(4) : host;
}

export interface LinkedInRefInput {
  vanity?: string | null;
  memberId?: string | null;
  salesNavLeadId?: string | null;
  profileUrl?: string | null;
}

/** A LinkedIn identity in normal form: member id as LinkedIn spells it, vanity lower-case, lead id bare. */
export interface NormalizedLinkedIn {
  memberId?: string;
  vanity?: string;
  salesNavLeadId?: string;
}

// Member ids are base64-ish and case-sensitive: ACoAA… (member), ACwAA… (Sales Navigator form).
const MEMBER_ID = /^AC[a-zA-Z0-9_-]{8,}$/;
const URN_PROFILE = /urn:li:(?:fsd_profile|fs_profile|fs_miniProfile|member|fsd_miniProfile):([A-Za-z0-9_-]+)/;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function cleanMemberId(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let s = safeDecode(raw.trim());
  const urn = URN_PROFILE.exec(s);
  if (urn) s = urn[1]!;
  return MEMBER_ID.test(s) ? s : undefined;
}

function cleanVanity(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const s = safeDecode(raw.trim()).replace(/^\/+|\/+$/g, '').toLowerCase();
  // LinkedIn profile names are letters, digits, '-' and '_' (any script): nothing like `javascript:alert(1)`.
  if (!s || s.length > 200 || !/^[\p{L}\p{M}\p{N}_-]+$/u.test(s)) return undefined;
  return s;
}

function cleanLeadId(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  // `/sales/lead/<ACwAA…>,NAME_SEARCH,<token>`: only the first part names the lead.
  const s = safeDecode(raw.trim()).split(',')[0]!.trim();
  return s && /^[A-Za-z0-9_-]+$/.test(s) ? s : undefined;
}

/** Reads whatever a LinkedIn URL (or URN) says about whom it points at. */
function parseLinkedInUrl(raw: string): NormalizedLinkedIn {
  const out: NormalizedLinkedIn = {};
  const s = raw.trim();
  const urn = URN_PROFILE.exec(safeDecode(s));
  if (/^urn:li:/.test(s)) {
    if (urn) out.memberId = cleanMemberId(urn[1]);
    return out;
  }
  let url: URL;
  try {
    url = new URL(s, 'https://www.linkedin.com');
  } catch {
    return out;
  }
  if (!/(^|\.)linkedin\.com$/.test(url.hostname)) return out;
  const path = url.pathname;
  const inMatch = /^\/in\/([^/?#]+)/.exec(path);
  if (inMatch) {
    // `/in/ACoAA…/` links point at the member id, `/in/<slug>/` at the vanity name (docs/research/linkedin-dom.md item 7).
    const seg = inMatch[1]!;
    const asMember = cleanMemberId(seg);
    if (asMember) out.memberId = asMember;
    else out.vanity = cleanVanity(seg);
  }
  const lead = /^\/sales\/lead\/([^/?#]+)/.exec(path);
  if (lead) out.salesNavLeadId = cleanLeadId(lead[1]);
  const params = url.searchParams;
  const fromParam = cleanMemberId(params.get('recipient')) ?? cleanMemberId(params.get('profileUrn'));
  if (fromParam && !out.memberId) out.memberId = fromParam;
  const vanityName = params.get('vanityName');
  if (vanityName && !out.vanity) out.vanity = cleanVanity(vanityName);
  return out;
}

/**
 * Normalises any mix of LinkedIn references to one identity. Explicit fields win over what the
 * profile URL says; an unusable part is dropped rather than guessed.
 */
export function normalizeLinkedIn(ref: LinkedInRefInput | null | undefined): NormalizedLinkedIn {
  if (!ref) return {};
  const fromUrl = ref.profileUrl ? parseLinkedInUrl(ref.profileUrl) : {};
  // A "vanity" that is really a member id (the overlay links to /in/ACoAA…/) is treated as one.
  const vanityAsMember = cleanMemberId(ref.vanity);
  const out: NormalizedLinkedIn = {};
  const memberId = cleanMemberId(ref.memberId) ?? vanityAsMember ?? fromUrl.memberId;
  const vanity = (vanityAsMember ? undefined : cleanVanity(ref.vanity)) ?? fromUrl.vanity;
  const lead = cleanLeadId(ref.salesNavLeadId) ?? fromUrl.salesNavLeadId;
  if (memberId) out.memberId = memberId;
  if (vanity) out.vanity = vanity;
  if (lead) out.salesNavLeadId = lead;
  return out;
}

/** A stored LinkedIn profile address: LinkedIn's own, over https (no javascript:, no look-alike hosts). */
export const LINKEDIN_PROFILE_URL = /^https:\/\/www\.linkedin\.com\/(?:in|sales\/lead|sales\/people|pub)\/[^\s"'<>]+$/;

/**
 * The profile address to store for a reference the user gave: as given when it is a https://www.linkedin.com/
 * profile, otherwise rebuilt from what it names (a country host such as nl.linkedin.com, or http).
 */
export function storedProfileUrl(raw: string, n: NormalizedLinkedIn): string | undefined {
  const s = raw.trim();
  if (LINKEDIN_PROFILE_URL.test(s) && s.length <= 2000) return s;
  if (n.vanity) return `https://www.linkedin.com/in/${encodeURIComponent(n.vanity)}/`;
  if (n.memberId) return `https://www.linkedin.com/in/${n.memberId}/`;
  if (n.salesNavLeadId) return `https://www.linkedin.com/sales/lead/${n.salesNavLeadId}/`;
  return undefined;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

const ASCII = /^[ -~]*$/; // printable ASCII (anything else takes the full path)

/** Lower-case, accents removed: "Müller-Lüdenscheidt" → "muller-ludenscheidt". */
export function foldText(s: string): string {
  // Plain ASCII has nothing to take apart (most names and addresses; an import folds each several times).
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
