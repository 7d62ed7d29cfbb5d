// Page detectors: pure functions of a URL (style.md §3). Each lists the URLs it is meant for; the matrix in
// tests/unit/sites/linkedin/detect.test.ts checks every example. Sources: docs/research/linkedin-dom.md §2.

type UrlLike = URL | string;

/** The hosts LinkedIn is served from; lib/sites/hosts.ts derives the content-script matches and sender check from it. */
export const linkedInHosts: readonly string[] = ['www.linkedin.com'];

function parse(url: UrlLike): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function onLinkedIn(url: UrlLike): URL | null {
  const u = parse(url);
  return u && u.protocol === 'https:' && linkedInHosts.includes(u.hostname) ? u : null;
}

function pathOf(url: UrlLike): string | null {
  return onLinkedIn(url)?.pathname ?? null;
}

/** https://www.linkedin.com/… — any page may host the overlay bubble or the invite modal. */
export const isLinkedIn = (url: UrlLike): boolean => onLinkedIn(url) !== null;

/**
 * https://www.linkedin.com/messaging/thread/2-ZmFrZS10aHJlYWQ=/
 * https://www.linkedin.com/messaging/thread/2-ZmFrZS10aHJlYWQ=/?tab=unread
 */
export const isMessagingThread = (url: UrlLike): boolean => /^\/messaging\/thread\/[^/]+\/?$/.test(pathOf(url) ?? '');

/**
 * https://www.linkedin.com/messaging/compose/
 * https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAA…&recipient=ACoAA…
 */
export const isMessagingCompose = (url: UrlLike): boolean => /^\/messaging\/compose\/?$/.test(pathOf(url) ?? '');

/** https://www.linkedin.com/messaging/ (the inbox; opens a thread by itself) */
export const isMessagingInbox = (url: UrlLike): boolean => /^\/messaging\/?$/.test(pathOf(url) ?? '');

/**
 * https://www.linkedin.com/in/dana-whitfield-4b1a27/
 * https://www.linkedin.com/in/ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0/
 * https://www.linkedin.com/in/dana-whitfield-4b1a27/overlay/contact-info/  (top card still underneath)
 * not: https://www.linkedin.com/in/dana-whitfield-4b1a27/details/experience/
 */
export const isProfile = (url: UrlLike): boolean => /^\/in\/[^/]+\/?(?:overlay\/[^/]+\/?)?$/.test(pathOf(url) ?? '');

/**
 * https://www.linkedin.com/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0,NAME_SEARCH,Xy7Q
 * https://www.linkedin.com/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0
 */
export const isSalesNavLead = (url: UrlLike): boolean => /^\/sales\/lead\/[^/,]+(?:,[^/]*)?\/?$/.test(pathOf(url) ?? '');

/** https://www.linkedin.com/sales/inbox/  ·  https://www.linkedin.com/sales/inbox/2-abc== */
export const isSalesNavInbox = (url: UrlLike): boolean => /^\/sales\/inbox(?:\/|$)/.test(pathOf(url) ?? '');

/** Any Sales Navigator page: https://www.linkedin.com/sales/search/people?query=… */
export const isSalesNav = (url: UrlLike): boolean => /^\/sales(?:\/|$)/.test(pathOf(url) ?? '');

/**
 * The interop iframe that hosts Ember widgets on some SDUI sessions (IFR):
 * https://www.linkedin.com/preload/?_bprMode=vanilla
 */
export const isPreloadFrame = (url: UrlLike): boolean => /^\/preload\/?$/.test(pathOf(url) ?? '');

/**
 * The invitation page loaded directly (the modal in light DOM; a plain GET sends nothing):
 * https://www.linkedin.com/preload/custom-invite/?vanityName=dana-whitfield-4b1a27
 */
export const isInvitePage = (url: UrlLike): boolean =>
  /^\/preload\/custom-invite\/?$/.test(pathOf(url) ?? '') && !!onLinkedIn(url)?.searchParams.get('vanityName');

/** Pages that get the "Save to my list" control. */
export const isSaveProfilePage = (url: UrlLike): boolean => isProfile(url) || isSalesNavLead(url);

/**
 * Pages where the guard must watch for composers: every LinkedIn page, because the overlay bubble and the
 * invite modal open anywhere; except sign-in/checkpoint pages, which never host one.
 * not: https://www.linkedin.com/uas/login  ·  https://www.linkedin.com/checkpoint/challenge/…
 */
export const isGuardedPage = (url: UrlLike): boolean => {
  const path = pathOf(url);
  return path !== null && !/^\/(?:uas|checkpoint|authwall|legal|help)(?:\/|$)/.test(path);
};

// ---- identity from URLs -----------------------------------------------------------------------------

/** LinkedIn member ids (fsd_profile): start with "ACoAA" in every capture; base64url alphabet. */
const MEMBER_ID = /^ACoA[A-Za-z0-9_-]{10,}$/;

export const isMemberId = (value: string): boolean => MEMBER_ID.test(value);

export interface ProfileRef {
  vanity?: string;
  memberId?: string;
  /** canonical https://www.linkedin.com/in/<slug>/ */
  profileUrl: string;
}

/**
 * The person an /in/ link points to. Accepts absolute and relative hrefs:
 * "/in/ACoAAB7x…/" → memberId; "https://www.linkedin.com/in/dana-whitfield-4b1a27" → vanity (lower case).
 */
export function profileRefOf(href: string): ProfileRef | null {
  const u = parse(new URL(href, 'https://www.linkedin.com/').href);
  if (!u || u.hostname !== 'www.linkedin.com') return null;
  const m = /^\/in\/([^/?#]+)/.exec(u.pathname);
  if (!m?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  if (isMemberId(slug)) return { memberId: slug, profileUrl: `https://www.linkedin.com/in/${slug}/` };
  const vanity = slug.toLowerCase();
  return { vanity, profileUrl: `https://www.linkedin.com/in/${encodeURIComponent(vanity)}/` };
}

/**
 * Sales Navigator lead id from a lead URL or href ("/sales/lead/<id>,NAME_SEARCH,<token>"), or null.
 */
export function salesNavLeadIdOf(href: string): string | null {
  const u = parse(new URL(href, 'https://www.linkedin.com/').href);
  const m = u ? /^\/sales\/lead\/([^,/]+)/.exec(u.pathname) : null;
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/**
 * The recipient a /messaging/compose/ URL names: `recipient=<id>` adds the person; `profileUrn=urn:li:fsd_profile:<id>`
 * names them too (research §1.4). Returns the member id or null.
 */
export function composeRecipientOf(url: UrlLike): string | null {
  const u = onLinkedIn(url);
  if (!u || !isMessagingCompose(u)) return null;
  const recipient = u.searchParams.get('recipient');
  if (recipient && isMemberId(recipient)) return recipient;
  const urn = u.searchParams.get('profileUrn');
  const m = urn ? /^urn:li:fsd_profile:(.+)$/.exec(urn) : null;
  return m?.[1] && isMemberId(m[1]) ? m[1] : null;
}

/** The vanity name of /preload/custom-invite/?vanityName=<slug>, lower case. */
export function inviteVanityOf(url: UrlLike): string | null {
  const u = onLinkedIn(url);
  return u && isInvitePage(u) ? (u.searchParams.get('vanityName') ?? '').toLowerCase() || null : null;
}
