import type { Classification } from './input';
import { classifyText, type MessageContext, type Signal } from './classifier';
import { ASK_PERMISSION_RE } from './classifier/permission';
import { splitSentences } from './classifier/sentences';

// Message analysis, Dutch and English. Whether a message is commercial comes from the message model
// (lib/rules/classifier: weighted phrases, structure and context, learned from a labelled corpus); the
// required-element detectors below are transparent word lists, each with its own tests in
// tests/unit/rules/analyze.test.ts. Patterns are compiled once at load.

export type { MessageContext, Signal } from './classifier';

export interface MessageAnalysis {
  classification: Classification;
  /** probability-like (0..1) that the message is commercial, from the message model */
  score: number;
  /** the phrases and facts that weighed most towards the classification, strongest first (at most 5) */
  signals: Signal[];
  /**
   * what decided: the text; the context (the text said little, the ledger or the page said enough); or
   * 'default' — neither said enough and the strict answer (commercial) was applied
   */
  decidedBy: 'text' | 'context' | 'default';
  /** promotional phrases found (they pushed towards commercial) */
  promotional: string[];
  /** service, logistics or personal phrases found (they pushed towards non-commercial) */
  service: string[];
  /** the message asks permission to send marketing (NL-EM-07) */
  asksPermission: boolean;
  /** the sender's company and a way to reach it (NL-EM-05) */
  identity: boolean;
  /** a working opt-out: a link or a reply instruction (NL-EM-05) */
  optOut: boolean;
  /** an Art. 21 right-to-object statement in its own sentence (GD-07) */
  art21Separate: boolean;
  /** an Art. 21 statement is present at all (perhaps mixed into other text) */
  art21Mentioned: boolean;
  /** where the data came from (GD-08) */
  source: boolean;
  /** why the sender writes (GD-06 purpose line) */
  purpose: boolean;
  /** a privacy-notice link or a named privacy notice with a link (GD-06) */
  privacyLink: boolean;
  /** an offer to send the privacy notice (the oral first layer in a call script) */
  privacyOffered: boolean;
  /** the right to withdraw consent (Art. 13/14(2)) */
  withdrawConsent: boolean;
  /** what the message is for, as far as words tell (LI-02 matching) */
  purposeKind: 'sales' | 'recruitment' | 'buy_services' | 'partnership' | 'service' | 'other';
}

export interface AnalyzeOptions {
  /** the sender's legal entity; its name in the text counts as identity */
  legalEntity?: string;
  /** what the ledger and the page know about this message (a request, a meeting, a customer, a reply) */
  context?: MessageContext;
}

// Patterns run on the lower-cased text without the 'i' and 'u' flags: V8 runs case-insensitive Unicode
// regexes about 50 times slower, which would sink the engine's throughput goal (bench/rules.bench.ts).
/** One regex for a whole word list: any match of any entry. */
const oneOf = (...lists: ReadonlyArray<readonly string[]>) => new RegExp(lists.flat().map((p) => `(?:${p})`).join('|'));

export { ASK_PERMISSION_NL, ASK_PERMISSION_EN } from './classifier/permission';
/** Opt-out: a link or a reply instruction (ACM: a working, free way to unsubscribe). */
export const OPTOUT_NL = [
  'afmelden', 'afmeldlink', 'uitschrijven', 'antwoord (dan )?(met )?["“\'‘]?stop', 'reageer (met )?["“\'‘]?stop',
  'geen (berichten|e-?mails?|mails?|nieuws|contact) meer', 'niet meer (door ons )?(benaderd|gemaild|ge-?e-?maild|gebeld|ontvangen)',
  '\\bopt-?out\\b',
] as const;
export const OPTOUT_EN = [
  'unsubscribe', '\\bopt[- ]?out\\b', 'reply (with )?["“\'‘]?stop', '(don\'t|do not|no longer) (want|wish) (to receive|to hear|messages|emails|e-mails|us to (call|email|contact))',
  'let me know and (i|we)( will|\'ll)? (not|never|stop)', '(rather|prefer) not (to )?be (called|contacted|emailed|e-mailed)', 'no more (messages|emails|e-mails|calls)', 'no longer be (called|contacted|emailed)',
] as const;
/** The Art. 21 right to object to direct marketing. */
export const ART21_NL = [
  'bezwaar (maken )?tegen (direct marketing|het gebruik|de verwerking|verwerking|dit gebruik)', 'recht (van|op) bezwaar',
  'recht van verzet', 'kosteloos bezwaar', 'altijd bezwaar',
] as const;
export const ART21_EN = ['object to (direct marketing|the use|the processing|processing|this use)', 'right to object'] as const;
/** Other rights listed in a privacy notice: an objection sentence that lists them is not "separate". */
const OTHER_RIGHTS = oneOf(['inzage', 'rectificatie', 'verwijdering', 'overdraagbaarheid', '\\baccess\\b', 'rectification', 'erasure', 'portability']);
/** Where the data came from (Art. 14(2)(f)). */
export const SOURCE_NL = [
  '(vond|gevonden|kreeg|gekregen|haalde|gehaald|zag|gezien)\\b.{0,40}\\b(op|via|van|uit|bij)\\b',
  '(uw|je|jouw) (gegevens|naam|adres|e-?mailadres|nummer|telefoonnummer|contactgegevens) (komen|kom|heb ik|hebben we|hebben wij) (van|uit|via)',
  '(uw|je|jouw) (nummer|telefoonnummer|gegevens) heb ik (van|uit|via|gekregen)',
  'doorverwezen door', 'aanbevolen door', 'geïntroduceerd door', 'getipt door', 'via (uw|je) linkedin', 'op (uw|je) linkedin',
] as const;
export const SOURCE_EN = [
  '(found|saw|got|came across|obtained) (your )?(details|name|email|e-mail|address|number|profile|contact details)?\\b.{0,30}\\b(on|via|through|from|at)\\b',
  'your (details|name|email|e-mail address|number|contact details) (come|came|are) from',
  'introduced by', 'referred by', 'recommended by', 'on your linkedin', 'via your linkedin',
] as const;
/** The purpose of the contact. */
export const PURPOSE_NL = [
  'om (u|je|jou) te (informeren|vertellen|laten kennismaken|benaderen)', '(informeren|vertellen) over', 'met als doel',
  'waarom (u|je) dit bericht (krijgt|ontvangt)', 'ik neem contact (met (u|je) )?op (om|omdat|over)', 'ik bel (u |je )?(over|omdat|om)',
  'ik (mail|schrijf|benader) (u|je) (om|omdat|over)', 'mijn doel', 'het doel van',
] as const;
export const PURPOSE_EN = [
  'to (tell|inform) you about', 'to introduce', 'i(\'m| am) (reaching out|writing|contacting you|calling) (to|because|about)',
  'purpose', 'why you(\'re| are) receiving this', 'the reason (i|we)(\'m| am| are)? (writing|calling|contacting)',
] as const;
export const PRIVACY_NL = ['privacyverklaring', 'privacy-?statement', 'privacybeleid', 'privacy-?informatie', 'uw rechten', 'je rechten'] as const;
export const PRIVACY_EN = ['privacy (notice|policy|statement)', 'your rights'] as const;
export const PRIVACY_OFFER_NL = ['privacy-?informatie (even |graag )?(mail|mailen|sturen|toesturen)', 'privacyverklaring (even |graag )?(mail|mailen|sturen|toesturen)'] as const;
export const PRIVACY_OFFER_EN = ['(e-?mail|send) you (our|the) privacy (information|notice|policy)'] as const;
export const WITHDRAW_NL = ['toestemming (altijd |op elk moment |op ieder moment |kosteloos )?(intrekken|in te trekken)', 'trek(t|ken)? (uw |je )?toestemming'] as const;
export const WITHDRAW_EN = ['withdraw (your )?consent'] as const;
export const RECRUITMENT = [
  'vacature', 'functie\\b', '\\bbaan\\b', 'sollicit', 'werving', '\\bjob\\b', '\\brole\\b', 'position\\b', '\\bcareer', '\\bhiring\\b', 'recruit',
  'opportunity', 'kandida',
] as const;
export const BUY_SERVICES = ['inhuren', 'opdracht voor (u|je|jou)', 'freelance opdracht', 'hire you', 'your services', 'project for you', 'assignment for you', 'uw diensten', 'je diensten'] as const;
export const PARTNERSHIP = ['samenwerking', 'partnership', 'partner (worden|programma)', 'partner program'] as const;

const askPermission = ASK_PERMISSION_RE;
const optOut = oneOf(OPTOUT_NL, OPTOUT_EN);
const art21 = oneOf(ART21_NL, ART21_EN);
const source = oneOf(SOURCE_NL, SOURCE_EN);
const purpose = oneOf(PURPOSE_NL, PURPOSE_EN);
const privacy = oneOf(PRIVACY_NL, PRIVACY_EN);
const withdraw = oneOf(WITHDRAW_NL, WITHDRAW_EN);
const privacyOffer = oneOf(PRIVACY_OFFER_NL, PRIVACY_OFFER_EN);
const recruitment = oneOf(RECRUITMENT);
const buyServices = oneOf(BUY_SERVICES);
const partnership = oneOf(PARTNERSHIP);

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s)>\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|com|eu|be|de|io|org|net|co\.uk|uk)\/[^\s)>\]]*/;
const URL_RE_G = new RegExp(URL_RE.source, 'g');
const PRIVACY_URL_RE = /privac|\/avg\b|gdpr|gegevensbescherming/;
/** An e-mail address somewhere in the text: look around each '@' instead of scanning every position. */
function hasEmail(s: string): boolean {
  for (let at = s.indexOf('@'); at !== -1; at = s.indexOf('@', at + 1)) {
    if (at > 0 && /[\w.+-]/.test(s[at - 1] ?? '') && /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/.test(s.slice(at + 1, at + 100))) return true;
  }
  return false;
}
const PHONE_RE = /(?:\+|\b0)\d[\d\s-]{7,}\d/;
/** A company name followed by a legal form: "Acme B.V.", "Jansen Advies VOF", "Foo Ltd". */
const COMPANY_RE = /\b[\p{Lu}\d][\p{L}\d&'.-]*(?:\s+[\p{Lu}\d&][\p{L}\d&'.-]*){0,4}\s+(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|C\.?V\.?|Ltd\.?|Limited|GmbH|plc|PLC|LLP|BVBA|SRL|Inc\.?|LLC)(?=$|[\s,.;:!?)])/u;
/** Call openings: "u spreekt met Jan van Acme", "this is Jan from Acme". */
const CALL_ID_RE = /\b(?:u spreekt(?: met)?|dit is|mijn naam is|this is|my name is|i(?:'m| am))\s+[\p{L}.' -]{1,40}?\s+(?:van|namens|from|with|on behalf of)\s+\p{Lu}/u;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const LEGAL_SUFFIX = /\s*[,]?\s*\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|ltd\.?|limited|gmbh|plc|llp|inc\.?|llc)\s*$/;
const entityCache = new Map<string, RegExp>();
function entityPattern(entity: string): RegExp | undefined {
  const core = entity.toLowerCase().replace(LEGAL_SUFFIX, '').trim();
  if (core.length < 2) return undefined;
  let re = entityCache.get(core);
  if (!re) {
    // the name must stand in the text itself: a domain (piet@acme.nl, acme.nl/privacy) does not say who sends
    re = new RegExp(`(?<![\\p{L}@./])${escapeRe(core.toLowerCase())}(?![\\p{L}]|\\.[a-z])`, 'u');
    if (entityCache.size > 1000) entityCache.clear();
    entityCache.set(core, re);
  }
  return re;
}

/** A value worked out on first use and kept. */
function once<T>(work: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = work();
      done = true;
    }
    return value;
  };
}

/** Analyse a draft (or a call script). Pure; the same text always gives the same answer. */
export function analyzeMessage(text: string, subject?: string, options: AnalyzeOptions = {}): MessageAnalysis {
  const body = text.toLowerCase();
  const all = subject ? `${subject.toLowerCase()}\n${body}` : body;
  const asksPermission = askPermission.test(all);
  const model = classifyText(body, subject?.toLowerCase(), options.context ?? {}, asksPermission);
  const { classification, promotional } = model;

  const mayHaveUrl = body.includes('/') || body.includes('www.');
  const identity = once(() => {
    const entityRe = options.legalEntity ? entityPattern(options.legalEntity) : undefined;
    const company = (entityRe?.test(body) ?? false) || COMPANY_RE.test(text);
    const contactMeans = hasEmail(body) || PHONE_RE.test(body) || (mayHaveUrl && URL_RE.test(body));
    return (company && contactMeans) || CALL_ID_RE.test(text);
  });

  const art21Found = once(() => {
    let mentioned = false;
    let separate = false;
    if (art21.test(body)) {
      mentioned = true;
      for (const sentence of splitSentences(body)) {
        if (!art21.test(sentence)) continue;
        // separate = not buried in the privacy-notice sentence with the other rights or the link
        if (!(mayHaveUrl && URL_RE.test(sentence)) && !OTHER_RIGHTS.test(sentence) && !privacy.test(sentence)) separate = true;
      }
    }
    return { mentioned, separate };
  });

  // a link whose address names the notice, or a named privacy notice with a link next to it
  const privacyLink = once(() => {
    const urls = mayHaveUrl ? (body.match(URL_RE_G) ?? []) : [];
    return urls.some((u) => PRIVACY_URL_RE.test(u)) || (urls.length > 0 && privacy.test(body));
  });
  const optOutFound = once(() => optOut.test(body));
  const sourceFound = once(() => source.test(body));
  const purposeFound = once(() => purpose.test(body));
  const privacyOffered = once(() => privacyOffer.test(body));
  const withdrawFound = once(() => withdraw.test(body));

  let purposeKind: MessageAnalysis['purposeKind'] = 'other';
  if (recruitment.test(all)) purposeKind = 'recruitment';
  else if (buyServices.test(all)) purposeKind = 'buy_services';
  else if (partnership.test(all)) purposeKind = 'partnership';
  else if (classification === 'non_commercial') purposeKind = 'service';
  else if (promotional.length > 0) purposeKind = 'sales';

  return {
    classification,
    score: model.score,
    signals: model.signals,
    decidedBy: model.decidedBy,
    promotional,
    service: model.service,
    asksPermission,
    identity: identity(),
    optOut: optOutFound(),
    art21Separate: art21Found().separate,
    art21Mentioned: art21Found().mentioned,
    source: sourceFound(),
    purpose: purposeFound(),
    privacyLink: privacyLink(),
    privacyOffered: privacyOffered(),
    withdrawConsent: withdrawFound(),
    purposeKind,
  };
}
