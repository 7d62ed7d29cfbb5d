import type { ConsentBasis, RuleChannel } from './input';

// Small pure helpers the rule families share: dates (the clock is an input), legal-entity and product
// comparison, topic overlap, channel groups.

const DAY_MS = 86_400_000;
const dayCache = new Map<string, number>();
/** Days since the epoch of an ISO date or date-time (UTC). */
export function day(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = Math.floor(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).getTime() / DAY_MS);
    if (dayCache.size > 5000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}
/** The day `months` calendar months after `iso`; 31 January plus one month is 28 (29) February, not 3 March. */
export function addMonths(iso: string, months: number): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)) / DAY_MS);
}

const LEGAL_SUFFIX = /[\s,]*\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|ltd\.?|limited|gmbh|plc|llp|inc\.?|llc|bvba|srl)\s*$/;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const normCache = new Map<string, string>();
/** "Acme B.V." and "acme bv" are the same legal entity for scope checks. */
export function normEntity(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    n = s.toLowerCase().replace(LEGAL_SUFFIX, '').replace(NON_ALNUM, ' ').trim();
    if (normCache.size > 2000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
}
export function sameEntity(a: string, b: string): boolean {
  return normEntity(a) === normEntity(b);
}
/** A scope ("planningssoftware") and a product ("PlanPro planningssoftware") name the same thing. */
export function productMatches(scope: string, product: string): boolean {
  const a = normEntity(scope);
  const b = normEntity(product);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

const WORD = /[\p{L}\p{N}]{4,}/gu;
const STOP = new Set(['voor', 'naar', 'over', 'with', 'from', 'your', 'that', 'this', 'have', 'zijn', 'onze', 'uw', 'jullie', 'about', 'looking', 'zoek', 'zoeken', 'wij', 'graag']);
function keywords(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(WORD)) if (!STOP.has(m[0])) out.add(m[0]);
  return out;
}
/** The text is about the topic: one of the topic's words (roughly stemmed) occurs in it. */
export function topicOverlaps(topic: string, text: string): boolean {
  const t = keywords(topic);
  if (t.size === 0) return false;
  const lower = text.toLowerCase();
  for (const w of t) if (lower.includes(w.length > 6 ? w.slice(0, w.length - 2) : w)) return true;
  return false;
}

export type Group = 'email' | 'phone' | 'linkedin';
export function groupOf(ch: RuleChannel): Group {
  if (ch === 'email') return 'email';
  if (ch.startsWith('linkedin')) return 'linkedin';
  return 'phone';
}
export const isLinkedIn = (ch: RuleChannel) => ch.startsWith('linkedin');
export const isCallChannel = (ch: RuleChannel) => ch === 'call' || ch === 'automated_call';

export function consentCoversChannel(c: ConsentBasis, ch: RuleChannel): boolean {
  const chans = c.what?.channels;
  if (!chans || chans.length === 0) return true;
  for (const x of chans) {
    if (x === 'any' || x === ch) return true;
    if (x === 'linkedin' && isLinkedIn(ch)) return true;
    if (x === 'phone' && isCallChannel(ch)) return true;
  }
  return false;
}
