import type { LinkedInRef, LinkedInSignals, PageRecipient } from '../../messaging/common';
import { AdapterError } from '../../guard/adapter';
import { cleanText, isShown, pageUrlsOf } from './dom';
import { composeRecipientOf, profileRefOf, type ProfileRef } from './detect';
import { describe, selectors, texts } from './selectors';
import { queryAll, queryFirst } from '../shared/dom';

// Who a flagship conversation (overlay bubble, thread page, "New message") goes to.

type Degree = NonNullable<LinkedInSignals['degree']>;
type OpenTo = NonNullable<LinkedInSignals['openTo']>[number];

/** "· 1st", "1st degree connection", "Second-degree connection", "3rd+" → 1 | 2 | 3. */
export function degreeOf(text: string): Degree | undefined {
  const m = texts.degree.exec(text.replace(/\u00a0/g, ' '));
  if (!m) return undefined;
  const token = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
  const byToken: Record<string, Degree> = { '1st': 1, '2nd': 2, '3rd': 3, first: 1, second: 2, third: 3, '1e': 1, '2e': 2, '3e': 3 };
  return byToken[token];
}

export function openToOf(text: string): OpenTo[] {
  return texts.openTo.filter(({ pattern }) => pattern.test(text)).map(({ kind }) => kind as OpenTo);
}

export function mentionsDeclinedInMail(text: string): boolean {
  return texts.declinedInMail.some((pattern) => pattern.test(text));
}

/** The identity key convention every module uses (li-member / li-vanity / li-lead). */
export function keyOf(ref: LinkedInRef, fallback: string): string {
  if (ref.memberId) return `li-member:${ref.memberId}`;
  if (ref.vanity) return `li-vanity:${ref.vanity}`;
  if (ref.salesNavLeadId) return `li-lead:${ref.salesNavLeadId}`;
  return fallback;
}

function merge(into: LinkedInRef, ref: ProfileRef | null): LinkedInRef {
  if (!ref) return into;
  // the vanity URL is the one a rep recognises; keep it as profileUrl when both kinds are seen
  return {
    vanity: into.vanity ?? ref.vanity,
    memberId: into.memberId ?? ref.memberId,
    profileUrl: ref.vanity ? ref.profileUrl : (into.profileUrl ?? ref.profileUrl),
  };
}

function compact(ref: LinkedInRef): LinkedInRef {
  return Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined)) as LinkedInRef;
}

/** Every /in/ link in the conversation, by the names it shows (link text, avatar alt, sender name). */
function linksByName(root: Element): Map<string, LinkedInRef> {
  const map = new Map<string, LinkedInRef>();
  for (const a of root.querySelectorAll('a[href*="/in/"]')) {
    const ref = profileRefOf(a.getAttribute('href') ?? '');
    if (!ref) continue;
    const names = [cleanText(a.textContent), ...[...a.querySelectorAll('img[alt]')].map((img) => cleanText(img.getAttribute('alt')))];
    for (const name of names) {
      if (!name || name.length > 200) continue;
      const k = name.toLowerCase();
      map.set(k, merge(map.get(k) ?? {}, ref));
    }
  }
  return map;
}

/** The signed-in rep's own name (classic pages), so it is never taken for a recipient. */
function ownName(root: Element): string | null {
  const img = root.ownerDocument.querySelector('img.global-nav__me-photo[alt]');
  return img ? cleanText(img.getAttribute('alt')).toLowerCase() : null;
}

function signalsOf(root: Element, oneToOne: boolean): LinkedInSignals | undefined {
  const signals: LinkedInSignals = {};
  if (oneToOne) {
    // the card's degree badge is the visible one; it can be missing (a thread page shows no card)
    const badge = queryAll(root, selectors.profileCardDegree).find(isShown);
    const degree = badge ? degreeOf(cleanText(badge.textContent)) : undefined;
    if (degree) signals.degree = degree;
    const card = queryFirst(root, selectors.profileCard);
    const openTo = card ? openToOf(cleanText(card.textContent)) : [];
    if (openTo.length) signals.openTo = openTo;
    const notices = queryAll(root, selectors.threadNotice).map((el) => cleanText(el.textContent));
    if (notices.some(mentionsDeclinedInMail)) signals.declinedInMail = true;
  }
  return Object.keys(signals).length ? signals : undefined;
}

function recipient(ref: LinkedInRef, name: string, index: number, signals?: LinkedInSignals): PageRecipient {
  const linkedin = compact(ref);
  const identified = !!(linkedin.memberId || linkedin.vanity);
  return {
    key: keyOf(linkedin, `name:${index}:${name}`),
    ...(name ? { displayName: name } : {}),
    ...(identified ? { linkedin } : { weakMatch: true }),
    ...(signals ? { signals } : {}),
  };
}

/** Names in a group title: "Dana Whitfield, Lee Okafor and 18 others" → names + how many are not named. */
export function namesInTitle(title: string): { names: string[]; others: number } {
  let rest = title;
  let others = 0;
  const more = /(?:,|\s)\s*(?:and|en)\s+(\d+)\s+(?:others?|anderen?)\s*$/i.exec(rest);
  if (more) {
    others = Number(more[1]);
    rest = rest.slice(0, more.index);
  }
  const names = rest
    .split(/\s*,\s*|\s+(?:and|en|&)\s+/i)
    .map(cleanText)
    .filter(Boolean);
  return { names, others };
}

/**
 * Recipients of a flagship conversation root. "New message" → one per pill; 1:1 → the header link;
 * group → each name in the title, identified where the thread shows their /in/ link, plus an unreadable
 * entry for "and N others" (the guard must not pass people it could not check).
 */
export function conversationRecipients(root: Element): PageRecipient[] {
  const pills = queryAll(root, selectors.recipientPill);
  const composing = pills.length > 0 || queryFirst(root, selectors.recipientTypeahead) !== null;
  if (composing) return pillRecipients(root, pills);

  const headerLink = queryFirst(root, selectors.threadHeaderLink) ?? queryFirst(root, selectors.bubbleHeaderLink);
  const href = headerLink?.getAttribute('href') ?? '';
  const headerRef = profileRefOf(href);
  if (headerLink && headerRef) {
    const nameEl = queryFirst(root, selectors.threadHeaderName) ?? headerLink.querySelector('span') ?? headerLink;
    let ref = merge({}, headerRef);
    for (const card of queryAll(root, selectors.profileCardLink)) ref = merge(ref, profileRefOf(card.getAttribute('href') ?? ''));
    return [recipient(ref, cleanText(nameEl.textContent), 0, signalsOf(root, true))];
  }

  // group conversation: the title lists names, no single profile link
  const titleEl = queryFirst(root, selectors.threadHeaderName) ?? queryFirst(root, selectors.bubbleHeaderTitle);
  const title = cleanText(titleEl?.textContent);
  if (!title) {
    throw new AdapterError(
      'linkedin',
      'conversation recipient',
      describe([...selectors.threadHeaderLink, ...selectors.bubbleHeaderLink, ...selectors.threadHeaderName]),
    );
  }
  const { names, others } = namesInTitle(title);
  const known = linksByName(root);
  const me = ownName(root);
  const list = names.filter((n) => n.toLowerCase() !== me).map((name, i) => recipient(known.get(name.toLowerCase()) ?? {}, name, i));
  if (others > 0) {
    list.push({
      key: 'group:unlisted',
      displayName: `${others} more`,
      unreadable: `group conversation: ${others} participant(s) are not named on the page`,
    });
  }
  return list;
}

function pillRecipients(root: Element, pills: Element[]): PageRecipient[] {
  const known = linksByName(root);
  const fromUrl = pageUrlsOf(root).map(composeRecipientOf).find((id) => id !== null) ?? null;
  return pills.map((pill, i) => {
    const textEl = queryFirst(pill, selectors.recipientPillText);
    // the pill text is the name; the aria-label "Remove <Name>" is the fallback (localised prefix stripped)
    const name = cleanText(textEl?.textContent) || cleanText(pill.getAttribute('aria-label')).replace(/^(Remove|Verwijder(en)?)\s+/i, '');
    let ref: LinkedInRef = known.get(name.toLowerCase()) ?? {};
    // /messaging/compose/?recipient=<id> names exactly the person LinkedIn put in the single pill
    if (fromUrl && pills.length === 1 && !ref.memberId) ref = { ...ref, memberId: fromUrl, profileUrl: ref.profileUrl ?? `https://www.linkedin.com/in/${fromUrl}/` };
    return recipient(ref, name, i);
  });
}
