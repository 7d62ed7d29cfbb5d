import { PhraseMatcher } from './matcher';
import { splitSentences } from './sentences';
import { PHRASE_FAMILIES } from './phrases';

// Feature extraction for the message model: phrase families (phrases.ts), the shape of the message, the
// organisation's product names and what the ledger and the page know (context). Every feature is 0 or 1,
// so a weight reads as "how much this counts", and one feature can be switched off to test that no single
// one decides.

/** What the ledger and the page know about this message (filled by the engine's context builder). */
export interface MessageContext {
  /** the person asked for this (a quote, a demo, information) in the last weeks */
  requestedByRecipientRecently?: boolean;
  /** a meeting with the person was agreed */
  meetingAgreed?: boolean;
  /** the person's organisation is an existing customer */
  existingCustomer?: boolean;
  /** the composer is a reply in a thread where the other person wrote last */
  replyToRecipient?: boolean;
  /** product names and aliases from the organisation's catalogue */
  knownProducts?: string[];
}

export type FeatureKind = 'phrase' | 'structure' | 'context';
export interface FeatureInfo {
  id: string;
  kind: FeatureKind;
  /** what the rep reads when this feature weighed: a matched phrase replaces it for phrase features */
  label: string;
  /** phrase families: whether the lexicon calls it pitch or service language */
  side?: 'pitch' | 'service';
}

const STRUCTURE: readonly FeatureInfo[] = [
  { id: 'fake_re', kind: 'structure', label: '"Re:" zonder eerdere mail' },
  { id: 'product_name', kind: 'structure', label: 'productnaam' },
  { id: 'product_name_cold', kind: 'structure', label: 'productnaam in een koud bericht' },
  { id: 'asks_permission', kind: 'structure', label: 'vraagt toestemming voor marketing' },
  { id: 'question_to_stranger', kind: 'structure', label: 'vraag aan een onbekende' },
  { id: 'money_amount', kind: 'structure', label: 'bedrag' },
  { id: 'percentage', kind: 'structure', label: 'percentage' },
  { id: 'link', kind: 'structure', label: 'link' },
  { id: 'short', kind: 'structure', label: 'kort bericht' },
  { id: 'long', kind: 'structure', label: 'lang bericht' },
  { id: 'generic_greeting', kind: 'structure', label: 'algemene aanhef' },
  { id: 'ps', kind: 'structure', label: 'PS' },
  { id: 'call_to_action', kind: 'structure', label: 'oproep om te reageren' },
  { id: 'company_voice', kind: 'structure', label: 'wij/ons over het eigen bedrijf' },
  { id: 'pitch_none', kind: 'structure', label: 'niets wervends' },
  { id: 'pitch_many', kind: 'structure', label: 'veel wervende zinnen' },
];
const CONTEXT: readonly FeatureInfo[] = [
  { id: 'ctx.requested', kind: 'context', label: 'door de ontvanger gevraagd' },
  { id: 'ctx.meeting', kind: 'context', label: 'afspraak gemaakt' },
  { id: 'ctx.customer', kind: 'context', label: 'bestaande klant' },
  { id: 'ctx.reply', kind: 'context', label: 'antwoord in een gesprek van de ontvanger' },

];

/** Every feature, in the order of the feature vector (and of the weights). */
export const FEATURES: readonly FeatureInfo[] = [
  ...PHRASE_FAMILIES.map((f): FeatureInfo => ({ id: f.id, kind: 'phrase', label: f.label, side: f.side })),
  ...STRUCTURE,
  ...CONTEXT,
];
export const FEATURE_IDS: readonly string[] = FEATURES.map((f) => f.id);
const INDEX = new Map(FEATURE_IDS.map((id, i) => [id, i]));
function at(id: string): number {
  const i = INDEX.get(id);
  if (i === undefined) throw new Error(`message model: unknown feature ${id}`);
  return i;
}

/**
 * All families in one pass over the text (matcher.ts). A phrase matches at the start of a word (a stem may run
 * on: 'kennismak' finds 'kennismaken', but 'beer' does not find 'beslissers').
 */
const PHRASES = new PhraseMatcher(PHRASE_FAMILIES.map((f) => f.patterns));

const FAKE_RE = /^\s*(?:re|aw|antw|fw|fwd)\s*:/;
const AMOUNT_RE = /(?:€|\$|£)\s?\d|\d\s?(?:euro|eur)\b/;
const PERCENT_RE = /\d\s?%/;
const LINK_RE = /https?:\/\/|www\.|\b[a-z0-9-]+\.(?:nl|com|io|eu|ly)\/\S/;
const GENERIC_GREETING_RE = /^(?:beste|geachte) (?:ondernemer|relatie|heer\/mevrouw|inkoper|hr-manager|directie)|^(?:dear|hello|hi) (?:fleet manager|office manager|there)\b|^hello,/;
/** A closing question that asks the reader to act: "Zullen we …?", "Would you be open to …?" */
const CTA_RE = /\b(?:zullen we|zal ik|kan ik|mag ik|wil(?:t)? (?:u|je)|heeft u|heb je|zin (?:in|om)|shall (?:i|we)|can i|could i|may i|would you|do you want|want (?:me|to)|are you|open to|interested)\b[^?]{0,120}\?/;
/** The company speaking: "wij", "ons", "onze", "we", "our", "us" */
const WE_RE = /(?<![a-z])(?:wij|we|ons|onze|our|us|we're|we've)(?![a-z])/g;
/** The shape of a pitch: with any of these a message is not "without pitch language". */
const PITCH_SHAPE = ['call_to_action', 'company_voice', 'question_to_stranger', 'product_name', 'fake_re'] as const;
const PS_RE = /(?:^|\n)\s*(?:p\.?s\.?|tip|trouwens|overigens|by the way|also|oh en)\b/;

export interface ExtractedFeatures {
  /** 1 where the feature is present, by FEATURES index */
  x: Uint8Array;
  /** the first phrase that switched each phrase feature on (for the explanation) */
  phrase: Array<string | undefined>;
  /** distinct phrases found per phrase family: 1, or 2 for two or more */
  n: Uint8Array;
}

/**
 * Features of one message. `lower` is the lower-cased body, `subject` the lower-cased subject (if any).
 * `asksPermission` comes from analyze.ts's own detector, so both parts agree on it.
 */
/**
 * The notice lines a message must carry (opt-out, the right to object, the privacy notice) say nothing of what the
 * message is about: an inserted notice ("bezwaar tegen direct marketing", "Geen berichten meer?") must not make a
 * thank-you read as an offer. They are left out before the features are read.
 */
const NOTICE_LINE =
  /afmelden|uitschrijven|geen (berichten|e-?mails?) meer|antwoord(en)? met stop|reply (with )?["“']?stop|unsubscribe|opt[- ]?out|bezwaar (te )?(maken|tegen)|object to|right to object|privacy ?(verklaring|statement|notice|policy)|privacyverklaring|direct marketing/;
export function withoutNoticeLines(lower: string): string {
  if (!NOTICE_LINE.test(lower)) return lower;
  return splitSentences(lower)
    .filter((s) => !NOTICE_LINE.test(s))
    .join('\n');
}

/** Feature positions, looked up once. */
const I = {
  asks_permission: at('asks_permission'),
  call_to_action: at('call_to_action'),
  company_voice: at('company_voice'),
  ctx_customer: at('ctx.customer'),
  ctx_meeting: at('ctx.meeting'),
  ctx_reply: at('ctx.reply'),
  ctx_requested: at('ctx.requested'),
  fake_re: at('fake_re'),
  generic_greeting: at('generic_greeting'),
  link: at('link'),
  long: at('long'),
  money_amount: at('money_amount'),
  percentage: at('percentage'),
  pitch_many: at('pitch_many'),
  pitch_none: at('pitch_none'),
  product_name: at('product_name'),
  product_name_cold: at('product_name_cold'),
  ps: at('ps'),
  question_to_stranger: at('question_to_stranger'),
  short: at('short'),
};
const PITCH_SHAPE_AT = PITCH_SHAPE.map((id) => at(id));

export function extractFeatures(rawLower: string, subject: string | undefined, context: MessageContext, asksPermission: boolean): ExtractedFeatures {
  const lower = withoutNoticeLines(rawLower);
  const x = new Uint8Array(FEATURES.length);
  const phrase: Array<string | undefined> = new Array<string | undefined>(FEATURES.length).fill(undefined);
  const n = new Uint8Array(FEATURES.length);
  const text = subject ? `${subject}\n${lower}` : lower;
  PHRASES.scan(text, (family, matched) => {
    const found = matched.trim();
    if (!x[family]) {
      x[family] = 1;
      n[family] = 1;
      phrase[family] = found;
    } else if (found !== phrase[family]) n[family] = 2;
  });

  const reply = context.replyToRecipient === true;
  const known = reply || context.requestedByRecipientRecently === true || context.meetingAgreed === true || context.existingCustomer === true;
  if (subject && FAKE_RE.test(subject) && !reply) x[I.fake_re] = 1;
  const product = productIn(lower, subject, context.knownProducts);
  if (product) {
    x[I.product_name] = 1;
    phrase[I.product_name] = product;
    if (!known) {
      x[I.product_name_cold] = 1;
      phrase[I.product_name_cold] = product;
    }
  }
  if (asksPermission) x[I.asks_permission] = 1;
  const hasQuestion = lower.includes('?');
  if (!known && hasQuestion) x[I.question_to_stranger] = 1;
  if (AMOUNT_RE.test(lower)) x[I.money_amount] = 1;
  if (PERCENT_RE.test(lower)) x[I.percentage] = 1;
  // every link form has a '/' or 'www.': the regex need not look at texts without either
  if ((lower.includes('/') || lower.includes('www.')) && LINK_RE.test(lower)) x[I.link] = 1;
  if (lower.length < 90) x[I.short] = 1;
  if (lower.length > 400) x[I.long] = 1;
  if (GENERIC_GREETING_RE.test(lower)) x[I.generic_greeting] = 1;
  if (PS_RE.test(lower)) x[I.ps] = 1;
  if (hasQuestion && CTA_RE.test(lower.slice(-400))) x[I.call_to_action] = 1;
  WE_RE.lastIndex = 0;
  if (WE_RE.exec(lower) !== null && WE_RE.exec(lower) !== null) x[I.company_voice] = 1;

  // how many kinds of pitch language: three or more is an offer however it is dressed; none at all, in neither
  // words nor shape (no call to action, no company voice, no question to a stranger, no product), a sign of service
  let pitchFamilies = 0;
  for (let i = 0; i < PHRASE_FAMILIES.length; i++) if (x[i] && PHRASE_FAMILIES[i]!.side === 'pitch') pitchFamilies++;
  if (asksPermission) pitchFamilies++;
  if (pitchFamilies >= 3) x[I.pitch_many] = 1;

  if (pitchFamilies === 0 && !PITCH_SHAPE_AT.some((i) => x[i])) x[I.pitch_none] = 1;

  if (context.requestedByRecipientRecently) x[I.ctx_requested] = 1;
  if (context.meetingAgreed) x[I.ctx_meeting] = 1;
  if (context.existingCustomer) x[I.ctx_customer] = 1;
  if (reply) x[I.ctx_reply] = 1;

  return { x, phrase, n };
}

/** The first catalogue product (name or alias) named in the message, as the catalogue spells it. */
function productIn(lower: string, subject: string | undefined, products: readonly string[] | undefined): string | undefined {
  if (!products) return undefined;
  for (const p of products) {
    const name = p.trim().toLowerCase();
    if (name.length < 2) continue;
    if (containsWord(lower, name) || (subject !== undefined && containsWord(subject, name))) return p.trim();
  }
  return undefined;
}
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\d]/u.test(c);
function containsWord(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (!isWordChar(hay[i - 1]) && !isWordChar(hay[i + needle.length])) return true;
  }
  return false;
}
