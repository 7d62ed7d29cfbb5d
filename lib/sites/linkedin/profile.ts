import type { LinkedInRef, LinkedInSignals } from '../../messaging/common';
import type { SavedProfileInput } from '../../messaging/guard';
import { AdapterError } from '../../guard/adapter';
import { cleanText, isShown, requireIn } from './dom';
import { isMemberId, isProfile, isSalesNavLead, profileRefOf, salesNavLeadIdOf } from './detect';
import { degreeOf, openToOf } from './recipients';
import { describe, selectors, texts } from './selectors';
import { queryFirst } from '../shared/dom';

// Reads the minimum a rep may keep about a person from a profile or Sales Navigator lead page: name,
// headline, company, profile URL and LinkedIn ids. Never contact details: the "Contact info" link is used
// only as a landmark to find the headline; its overlay is never opened or read.
//
// Restricted visibility (decided from the research and LinkedIn's known behaviour; GUESS markup): a
// profile outside the rep's network that LinkedIn anonymises shows the name "LinkedIn Member" (Dutch UI
// "LinkedIn-lid"), and Sales Navigator labels such leads "Out of network". Either marker, or a page saying
// the profile is private/not available, means the member limits who may see them: the control refuses
// to save (CNIL fined Kaspr in 2024 for collecting such profiles). Our own private-mode viewing does not
// restrict the person and is not a marker.

type Degree = NonNullable<LinkedInSignals['degree']>;
type OpenTo = NonNullable<LinkedInSignals['openTo']>[number];

export interface TopCard {
  /** '' when the page shows no name */
  name: string;
  headline?: string;
  company?: string;
  memberId?: string;
  degree?: Degree;
  openTo: OpenTo[];
  restrictedVisibility: boolean;
}

export interface ProfileData extends SavedProfileInput {
  kind: 'profile' | 'salesnav-lead';
  degree?: Degree;
  /** the element the Save control is mounted next to */
  anchor: Element;
}

function restricted(name: string, scopeText: string): boolean {
  return texts.restrictedName.test(name) || texts.restrictedMarker.some((pattern) => pattern.test(scopeText));
}

/** The SDUI top card of a /in/ page, or null when the document has none. */
export function readTopCard(doc: Document): TopCard | null {
  const card = queryFirst(doc, selectors.profileTopCard);
  if (!card) return null;
  // the name is the card's only h2; a card without one happens for anonymised members
  const name = cleanText(card.querySelector(selectors.profileName.join(','))?.textContent);
  const memberId = /ref(ACoA[A-Za-z0-9_-]+)Topcard$/.exec(card.id)?.[1];

  // headline and "Company · School": the direct <p>s of the identity block found from the Contact-info link
  let headline: string | undefined;
  let companyLine: string | undefined;
  const contact = queryFirst(card, selectors.profileContactInfoLink);
  const identity = contact?.closest('p')?.parentElement?.parentElement ?? null;
  if (identity) {
    const lines = [...identity.children].filter((el) => el.tagName === 'P').map((p) => cleanText(p.textContent));
    headline = lines[0] || undefined;
    companyLine = lines[1] || undefined;
  }
  const pill = queryFirst(card, selectors.profileCompanyIcon)?.closest('[role="button"]');
  const company = cleanText(pill?.textContent) || companyLine?.split(' · ')[0] || undefined;

  // degree: the visible "· 2nd" paragraph only (a hidden duplicate can disagree; research §1.7)
  let degree: Degree | undefined;
  for (const p of card.querySelectorAll(selectors.profileBadgeParagraph.join(','))) {
    const text = cleanText(p.textContent);
    if (/^·\s*(1st|2nd|3rd\+?)$/i.test(text) && isShown(p)) {
      degree = degreeOf(text);
      break;
    }
  }
  const cardText = cleanText(card.textContent);
  return {
    name,
    ...(headline ? { headline } : {}),
    ...(company ? { company } : {}),
    ...(memberId && isMemberId(memberId) ? { memberId } : {}),
    ...(degree ? { degree } : {}),
    openTo: openToOf(`${cardText} ${[...card.querySelectorAll('img[alt]')].map((i) => i.getAttribute('alt')).join(' ')}`),
    restrictedVisibility: restricted(name, cardText),
  };
}

/**
 * The person on a profile or lead page. Throws AdapterError when the page is one but its top card is not
 * found (the control then says it cannot work here); returns null on other pages.
 */
export function readProfile(doc: Document, url: URL): ProfileData | null {
  if (isProfile(url)) {
    const ref = profileRefOf(url.href);
    const card = readTopCard(doc);
    if (!ref) return null;
    if (!card) throw new AdapterError('linkedin', 'profile top card', describe(selectors.profileTopCard));
    const anchor = requireIn(doc, 'profileTopCard', 'profile top card');
    const linkedin: LinkedInRef = { ...ref, ...(card.memberId && !ref.memberId ? { memberId: card.memberId } : {}) };
    return {
      kind: 'profile',
      name: card.name.slice(0, 300),
      ...(card.headline ? { headline: card.headline.slice(0, 500) } : {}),
      ...(card.company ? { company: card.company.slice(0, 300) } : {}),
      profileUrl: ref.profileUrl,
      linkedin,
      restrictedVisibility: card.restrictedVisibility,
      ...(card.degree ? { degree: card.degree } : {}),
      anchor,
    };
  }
  if (isSalesNavLead(url)) {
    const leadId = salesNavLeadIdOf(url.href);
    if (!leadId) return null;
    const nameEl = requireIn(doc, 'salesNavLeadName', 'Sales Navigator lead name');
    const header = nameEl.closest(selectors.salesNavLeadHeader.join(',')) ?? nameEl.parentElement ?? nameEl;
    const name = cleanText(nameEl.textContent);
    const headline = cleanText(queryFirst(header, selectors.salesNavLeadHeadline)?.textContent);
    const company = cleanText(queryFirst(header, selectors.salesNavLeadCompany)?.textContent);
    const degreeEl = queryFirst(header, selectors.salesNavDegree);
    const degree = degreeEl ? degreeOf(degreeEl.getAttribute('aria-label') ?? '') : undefined;
    const profileUrl = `https://www.linkedin.com/sales/lead/${leadId}`;
    return {
      kind: 'salesnav-lead',
      name: name.slice(0, 300),
      ...(headline ? { headline: headline.slice(0, 500) } : {}),
      ...(company ? { company: company.slice(0, 300) } : {}),
      profileUrl,
      linkedin: { salesNavLeadId: leadId, profileUrl },
      restrictedVisibility: restricted(name, cleanText(header.textContent)),
      ...(degree ? { degree } : {}),
      anchor: header,
    };
  }
  return null;
}

/**
 * Whether the page's top card is the person `url` names (true when nothing tells them apart). After an
 * in-page navigation from one profile to another the previous person's card stays until LinkedIn renders
 * the next one; read under the new URL it would save one person with another's link.
 */
export function topCardIsFor(doc: Document, url: URL): boolean {
  const want = isProfile(url) ? profileRefOf(url.href) : null;
  const card = queryFirst(doc, selectors.profileTopCard);
  if (!want || !card) return true;
  const cardMemberId = /ref(ACoA[A-Za-z0-9_-]+)Topcard$/.exec(card.id)?.[1];
  if (want.memberId && cardMemberId) return want.memberId === cardMemberId;
  // the Contact-info link carries the slug of the profile the card shows
  const contact = queryFirst(card, selectors.profileContactInfoLink);
  const shown = contact ? profileRefOf(contact.getAttribute('href') ?? '') : null;
  if (want.vanity && shown?.vanity) return want.vanity === shown.vanity;
  if (want.memberId && shown?.memberId) return want.memberId === shown.memberId;
  return true;
}

/** What profile/save receives: the minimal fields only (no anchor, no degree). */
export function toSavedProfile(data: ProfileData): SavedProfileInput {
  return {
    name: data.name,
    ...(data.headline ? { headline: data.headline } : {}),
    ...(data.company ? { company: data.company } : {}),
    profileUrl: data.profileUrl,
    linkedin: data.linkedin,
    restrictedVisibility: data.restrictedVisibility,
  };
}
