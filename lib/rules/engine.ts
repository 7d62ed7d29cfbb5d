import { analyzeMessage, type MessageAnalysis } from './analyze';
import { CATALOGUE, FIX_LABELS, RULE_ORDER, type Entry } from './catalogue';
import { countryFromAddress, countryFromPhone, inferAddress, kindFromLegalForm, normalizeCountry } from './infer';
import type {
  AddressKind,
  Basis,
  Classification,
  ConsentBasis,
  CustomerBasis,
  ParsedOutreachInput,
  RecipientKind,
  RuleChannel,
} from './input';
import { policyFor } from './policy';
import { findProducts, pickedProducts, type ProductRef } from './products';
import { decisionOf, overridableOf, type Finding, type Fix, type Severity, type Verdict } from './verdict';

// The evaluation order follows legal-rules.md §3: objections and erasure, provenance and basis, scope,
// channel law per country, evidence, disclosure, platform. Every rule that applies fires; the decision is
// the highest severity. Findings are merged per code and sorted, so the verdict never depends on the order
// of bases or suppressions in the input.

type Loc = { nl: string; en: string };
const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };
/** identical texts to this many others in 24 h makes a LinkedIn send "bulk" (LI-04) */
export const BULK_THRESHOLD = 5;
const DAY_MS = 86_400_000;

interface Pending {
  severity: Severity;
  variant?: string;
  details: Map<string, Loc>;
}

class Findings {
  private readonly byCode = new Map<string, Pending>();
  products?: ProductRef[];

  add(code: string, severity: Severity, variant?: string, detail?: Loc): void {
    const cur = this.byCode.get(code);
    if (!cur) {
      const details = new Map<string, Loc>();
      if (detail) details.set(detail.en, detail);
      this.byCode.set(code, { severity, variant, details });
      return;
    }
    if (RANK[severity] > RANK[cur.severity]) {
      cur.severity = severity;
      cur.variant = variant;
    } else if (RANK[severity] === RANK[cur.severity] && (variant ?? '') > (cur.variant ?? '')) {
      cur.variant = variant; // deterministic pick when two triggers of equal weight differ
    }
    if (detail) cur.details.set(detail.en, detail);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  severityOf(code: string): Severity | undefined {
    return this.byCode.get(code)?.severity;
  }

  worst(): number {
    let w = 0;
    for (const p of this.byCode.values()) w = Math.max(w, RANK[p.severity]);
    return w;
  }

  toFindings(): Finding[] {
    const out: Finding[] = [];
    for (const [code, p] of this.byCode) {
      const entry = (p.variant && CATALOGUE[`${code}/${p.variant}`]) || CATALOGUE[code];
      if (!entry) continue; // unreachable: every emitted code has a catalogue entry (tested)
      let explanation = entry.explanation;
      if (p.details.size > 0) {
        const ds = [...p.details.values()].sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0));
        explanation = {
          nl: `${entry.explanation.nl} (${ds.map((d) => d.nl).join('; ')})`,
          en: `${entry.explanation.en} (${ds.map((d) => d.en).join('; ')})`,
        };
      }
      out.push({
        code,
        severity: p.severity,
        title: entry.title,
        explanation,
        citations: entry.citations,
        fixes: fixesOf(entry),
      });
    }
    out.sort((a, b) => RANK[b.severity] - RANK[a.severity] || orderOf(a.code) - orderOf(b.code));
    return out;
  }
}

const ORDER = new Map(RULE_ORDER.map((c, i) => [c, i]));
// fixes are built once per catalogue entry, not per evaluation
const FIXES = new Map<Entry, Fix[]>();
function fixesOf(entry: Entry): Fix[] {
  let fx = FIXES.get(entry);
  if (!fx) {
    fx = entry.fixes.map((kind) => ({ kind, label: FIX_LABELS[kind] }));
    FIXES.set(entry, fx);
  }
  return fx;
}
const orderOf = (code: string) => ORDER.get(code) ?? 9999;

// ── dates (the clock is an input) ───────────────────────────────────────────
const dayCache = new Map<string, number>();
function day(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = Math.floor(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).getTime() / DAY_MS);
    if (dayCache.size > 5000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}
/** The day `months` calendar months after `iso`. */
function addMonths(iso: string, months: number): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1 + months, d) / DAY_MS);
}

// ── small helpers ───────────────────────────────────────────────────────────
const LEGAL_SUFFIX = /[\s,]*\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?|ltd\.?|limited|gmbh|plc|llp|inc\.?|llc|bvba|srl)\s*$/;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const normCache = new Map<string, string>();
/** "Acme B.V." and "acme bv" are the same legal entity for scope checks. */
function normEntity(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    n = s.toLowerCase().replace(LEGAL_SUFFIX, '').replace(NON_ALNUM, ' ').trim();
    if (normCache.size > 2000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
}
function sameEntity(a: string, b: string): boolean {
  return normEntity(a) === normEntity(b);
}
function productMatches(scope: string, product: string): boolean {
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
function topicOverlaps(topic: string, text: string): boolean {
  const t = keywords(topic);
  if (t.size === 0) return false;
  const lower = text.toLowerCase();
  for (const w of t) if (lower.includes(w.length > 6 ? w.slice(0, w.length - 2) : w)) return true;
  return false;
}

type Group = 'email' | 'phone' | 'linkedin';
function groupOf(ch: RuleChannel): Group {
  if (ch === 'email') return 'email';
  if (ch.startsWith('linkedin')) return 'linkedin';
  return 'phone';
}
const isLinkedIn = (ch: RuleChannel) => ch.startsWith('linkedin');
const isCallChannel = (ch: RuleChannel) => ch === 'call' || ch === 'automated_call';

function consentCoversChannel(c: ConsentBasis, ch: RuleChannel): boolean {
  const chans = c.what?.channels;
  if (!chans || chans.length === 0) return true;
  for (const x of chans) {
    if (x === 'any' || x === ch) return true;
    if (x === 'linkedin' && isLinkedIn(ch)) return true;
    if (x === 'phone' && isCallChannel(ch)) return true;
  }
  return false;
}

const PERSONAL_ADDRESS: ReadonlySet<AddressKind> = new Set(['personal_business', 'personal_private', 'phone_direct', 'phone_mobile', 'linkedin_member']);
const ROLE_ADDRESS: ReadonlySet<AddressKind> = new Set(['role_generic', 'role_designated', 'phone_switchboard']);
const ENCODED = new Set(['NL', 'DE', 'GB', 'BE']);

const L = (nl: string, en: string): Loc => ({ nl, en });

/** The regime whose rules are encoded for this channel; other countries and channels fall back to NL. */
function regimeOf(c: string, channel: RuleChannel): string {
  if (!ENCODED.has(c)) return 'NL';
  if (c === 'DE') return isLinkedIn(channel) ? 'NL' : 'DE';
  if (c === 'GB' || c === 'BE') return isLinkedIn(channel) || channel === 'automated_call' ? 'NL' : c;
  return c;
}

// A send to N recipients evaluates the same draft N times: keep the last analyses (pure, so safe to reuse).
const ANALYSIS_CACHE_SIZE = 256;
// Keyed by the body string itself (its hash is computed once per string), then by subject and sender.
const analysisCache = new Map<string, Map<string, MessageAnalysis>>();
function analysisOf(body: string, subject: string | undefined, legalEntity: string | undefined): MessageAnalysis {
  let bySubject = analysisCache.get(body);
  if (!bySubject) {
    if (analysisCache.size >= ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value as string);
    bySubject = new Map();
    analysisCache.set(body, bySubject);
  }
  const key = `${legalEntity ?? ''}\u0000${subject ?? ''}`;
  let a = bySubject.get(key);
  if (!a) {
    a = analyzeMessage(body, subject, { legalEntity });
    if (bySubject.size >= 16) bySubject.clear();
    bySubject.set(key, a);
  }
  return a;
}

type CustomerState = 'ok' | 'scope' | 'failed' | 'unknown';
function customerState(c: CustomerBasis, senderEntity: string | undefined, product: string | undefined, needsProduct: boolean, f: Findings): CustomerState {
  if (c.viaEmployer) return 'failed';
  let unknown = false;
  if (!c.entity || !senderEntity) {
    if (c.entity && !senderEntity && needsProduct) f.add('MISSING-SENDER-ENTITY', 'warn');
    unknown = true;
  } else if (!sameEntity(c.entity, senderEntity)) return 'scope';
  if (c.similarProduct === false) return 'scope';
  if (c.similarProduct !== true) {
    if (c.productCategory && product) {
      if (!productMatches(c.productCategory, product)) return 'scope';
    } else {
      if (needsProduct) f.add('MISSING-PRODUCT', 'warn');
      unknown = true;
    }
  }
  if (c.obtainedAtSale === false || c.informedAtCollection === false || c.optoutOfferedAtCollection === false) return 'failed';
  if (c.obtainedAtSale === undefined || c.informedAtCollection === undefined || c.optoutOfferedAtCollection === undefined) unknown = true;
  return unknown ? 'unknown' : 'ok';
}

// ── the evaluation ──────────────────────────────────────────────────────────
export function evaluateParsed(inp: ParsedOutreachInput): Verdict {
  const f = new Findings();
  const { policy, ledger, recipient, sender } = inp;
  const strict = policy.mode === 'strict';
  /** [U] rules: WARN in strict mode, INFO (allow) in lenient mode */
  const uSev: Severity = strict ? 'warn' : 'info';
  const send = day(inp.sendDate);
  const action = inp.action;
  const contact = action === 'send_message' || action === 'call';

  // channel (a call action is a call whatever channel was passed)
  let channel: RuleChannel | undefined = inp.channel;
  if (action === 'call') channel = channel === 'automated_call' ? 'automated_call' : 'call';
  if (contact && !channel) f.add('MISSING-CHANNEL', 'block');

  // recipient facts, inferred where not given
  const addrInf = inferAddress(recipient.address.value);
  let addressKind: AddressKind | undefined = recipient.address.kind ?? addrInf.addressKind;
  if (!addressKind && channel && isLinkedIn(channel)) addressKind = 'linkedin_member';
  const kind: RecipientKind | undefined =
    recipient.kind ?? kindFromLegalForm(recipient.legalForm) ?? (addrInf.naturalPerson ? 'natural_consumer' : undefined);
  const country =
    normalizeCountry(recipient.country) ?? countryFromAddress(recipient.address.value) ?? countryFromPhone(recipient.phone);
  const senderCountry = normalizeCountry(sender.country) ?? 'NL';
  const natural = kind !== 'legal_person'; // unknown → the strict assumption
  const personalData = natural || addressKind === undefined || PERSONAL_ADDRESS.has(addressKind);

  // message
  const msg = inp.message;
  const body = msg?.body;
  const analysis: MessageAnalysis | undefined = body !== undefined ? analysisOf(body, msg?.subject, sender.legalEntity) : undefined;
  const override = policy.overridesAllowed ? msg?.classificationOverride?.as : undefined;
  const classification: Classification = override ?? analysis?.classification ?? 'commercial';
  const marketing = contact ? classification !== 'non_commercial' : true;
  const purposeKind = msg?.purpose ?? analysis?.purposeKind ?? 'other';
  const fullText = `${msg?.topic ?? ''}\n${msg?.subject ?? ''}\n${body ?? ''}`;
  const catalogue = inp.products ?? [];
  const productRefs = msg?.products?.length ? pickedProducts(msg.products, catalogue) : findProducts(fullText, catalogue);
  if (productRefs.length > 0) f.products = productRefs;
  // No message at all is a look-up ("may I contact this person?"): the draft checks wait for the draft.
  // A message without a body is a draft we could not read: strict, every element counts as missing.
  const lookupOnly = contact && msg === undefined;
  if (contact && body === undefined) f.add('MISSING-MESSAGE', lookupOnly || (channel && isCallChannel(channel)) ? 'info' : 'warn', lookupOnly ? 'lookup' : undefined);

  // ledger facts
  const rels = ledger.relationships;
  const bases = ledger.bases;
  const relTypes = new Set<string>();
  for (const r of rels) relTypes.add(r.type);
  const hasRel = relTypes;
  const source =
    ledger.source ?? (hasRel.has('met_in_person') || hasRel.has('inbound_request') || hasRel.has('introduced') ? 'data_subject' : undefined);
  if (ledger.known && !ledger.source && personalData) f.add('MISSING-SOURCE', 'info');
  const art14Case = source !== 'data_subject';
  const po = ledger.priorOutbound;
  const disclosureGiven =
    po?.disclosureGiven === true ||
    (art14Case ? po?.art14SentAt !== undefined && day(po.art14SentAt) <= send : po?.art13SentAt !== undefined && day(po.art13SentAt) <= send);

  // ── 1. objections and erasure ─────────────────────────────────────────────
  if (ledger.erased) f.add('GD-12', 'block');
  const group = channel ? groupOf(channel) : undefined;
  if (marketing) {
    for (const s of ledger.suppressions) {
      if (!(s.scope === 'all' || (contact && s.scope === group))) continue;
      if (s.level === 'person') {
        if (s.matchedOn === 'strong') {
          f.add('GD-10', 'block');
          f.add('OB-01', 'block');
        } else f.add('OB-01', 'warn');
      } else if (contact) {
        const companyLine = (addressKind !== undefined && ROLE_ADDRESS.has(addressKind)) || (kind === 'legal_person' && addressKind === undefined);
        f.add('OB-02', companyLine ? 'block' : 'warn');
      }
    }
    // "Not interested" on an InMail is an objection on LinkedIn
    if (contact && channel && isLinkedIn(channel) && recipient.linkedin?.declinedInMail) f.add('GD-10', 'block');
  }

  // ── consent and customer checks, shared by the channel rules ──────────────
  const consents = bases.filter((b): b is ConsentBasis => b.type === 'consent');
  const withdrawn = consents.filter((c) => c.withdrawnAt !== undefined && day(c.withdrawnAt) <= send);
  const liveConsents = consents.filter((c) => !withdrawn.includes(c));
  if (withdrawn.length > 0 && marketing && contact) f.add('GD-11', 'block');

  /** failures of claimed cover: they fire only when nothing else covers the send */
  const coverFailures: Array<[string, Severity, string?, Loc?]> = [];
  let consentUsable = false;
  let consentRecordIncomplete = false;
  let consentFresh = false;
  let consentHasWhen = false;
  let consentNeedsPhoneVerification = true;
  let eventNoteIncomplete = false;
  for (const c of liveConsents) {
    if (c.obtainedVia === 'lead_vendor' || c.obtainedVia === 'partner_clause') {
      coverFailures.push(['NL-EM-09', 'block']);
      continue;
    }
    if (c.obtainedVia === 'referrer') {
      coverFailures.push(['GD-14', 'block']);
      continue;
    }
    const complete = c.who !== undefined && c.when !== undefined && c.how !== undefined && c.what !== undefined && (c.evidenceRefs?.length ?? 0) > 0;
    // EV-01 looks at every live consent record, usable or not, so adding evidence can only clear it
    if (!complete) consentRecordIncomplete = true;
    const demonstrable = (c.evidenceRefs?.length ?? 0) > 0 || (c.who !== undefined && c.when !== undefined);
    if (!demonstrable) {
      coverFailures.push([channel && isCallChannel(channel) ? 'NL-TM-01' : 'NL-EM-02', 'block']);
      continue;
    }
    if (c.what?.entity) {
      if (!sender.legalEntity) {
        if (marketing) f.add('MISSING-SENDER-ENTITY', 'warn');
      }
      else if (!sameEntity(c.what.entity, sender.legalEntity)) {
        coverFailures.push(['NL-EM-08', 'block', undefined, L('toestemming voor een andere rechtspersoon', 'consent names another legal entity')]);
        continue;
      }
    }
    if (channel && !consentCoversChannel(c, channel)) {
      coverFailures.push(['NL-EM-08', 'block', undefined, L('toestemming voor een ander kanaal', 'consent covers another channel')]);
      continue;
    }
    const products = c.what?.products ?? [];
    if (products.length > 0 && contact && marketing) {
      if (!msg?.product) f.add('MISSING-PRODUCT', 'warn');
      else if (!products.some((p) => productMatches(p, msg.product ?? ''))) {
        coverFailures.push(['NL-EM-08', 'block', undefined, L('toestemming voor een ander product', 'consent covers another product')]);
        continue;
      }
    }
    consentUsable = true;
    if (c.verifiedBeforeCall === true && c.linkedTo !== 'phone_number') consentNeedsPhoneVerification = false;
    if (c.when) {
      consentHasWhen = true;
      const ref = ledger.lastInteractionAt && day(ledger.lastInteractionAt) > day(c.when) ? ledger.lastInteractionAt : c.when;
      if (addMonths(ref, policy.consentMaxAgeMonths) >= send) consentFresh = true;
    }
    if (c.how === 'event_note') {
      const hasEvent = rels.some((r) => r.type === 'met_in_person' && r.event !== undefined);
      const agreed = c.what !== undefined || rels.some((r) => r.type === 'met_in_person' && r.agreed !== undefined);
      if (!c.when || !hasEvent || !agreed) eventNoteIncomplete = true;
    }
  }
  if (consentRecordIncomplete && marketing) f.add('EV-01', 'warn');
  if (consentUsable && marketing) {
    if (eventNoteIncomplete) f.add('EV-02', 'warn');
    if (consentHasWhen && !consentFresh) f.add('GD-13', uSev);
  }

  const customers = bases.filter((b): b is CustomerBasis => b.type === 'customer');
  const customerStates = customers.map((c) => [c, customerState(c, sender.legalEntity, msg?.product, contact && marketing, f)] as const);
  const customerOk = customerStates.filter(([, s]) => s === 'ok').map(([c]) => c);
  const customerInScope = customerOk.length > 0;
  if (!customerInScope) {
    if (customerStates.some(([, s]) => s === 'scope')) coverFailures.push(['NL-EM-08', 'block', undefined, L('klantrelatie met een andere rechtspersoon of ander product', 'customer relationship with another entity or product')]);
    if (customerStates.some(([, s]) => s === 'unknown')) coverFailures.push(['MISSING-CUSTOMER-EVIDENCE', 'info']);
  }

  // ── 2. provenance and basis (GDPR) ────────────────────────────────────────
  const solicitedRel = hasRel.has('inbound_request') || hasRel.has('introduced');
  const hasLI = bases.some((b) => b.type === 'legitimate_interest');
  const contractReq = bases.filter((b): b is Extract<Basis, { type: 'contract_request' }> => b.type === 'contract_request');
  const gdprBasis = consentUsable || customers.length > 0 || contractReq.length > 0 || hasLI || (contact && solicitedRel);
  const gdprApplies = personalData && marketing;
  if (gdprApplies) {
    if (!gdprBasis) {
      f.add('GD-01', 'block');
      if (!ledger.known) f.add('MISSING-BASIS', 'info');
    }
    const strongerThanLI = consentUsable || customerInScope || contractReq.some((b) => b.requestedBy === 'data_subject');
    if (hasLI && !strongerThanLI) {
      const assessed = bases.some((b) => b.type === 'legitimate_interest' && b.assessment !== undefined && b.assessment.expired !== true);
      if (!assessed) f.add('GD-02', 'warn');
    }
    if (contractReq.length > 0 && !consentUsable && !customerInScope && !hasLI) {
      if (!contractReq.some((b) => b.requestedBy === 'data_subject')) f.add('GD-03', 'warn');
    }
    if (!consentUsable && !hasLI && !contractReq.length && customers.length > 0 && customers.every((c) => c.viaEmployer)) f.add('GD-03', 'warn');
    if (rels.some((r) => r.type === 'customer' && r.viaEmployer) && !consentUsable && !hasLI && customers.length === 0 && contractReq.length > 0) f.add('GD-03', 'warn');
  }
  if (ledger.legacy || source === 'legacy_import') {
    const demonstrable =
      consentUsable ||
      customers.some((c) => c.saleDate !== undefined && c.entity !== undefined) ||
      contractReq.some((b) => b.ref !== undefined) ||
      bases.some((b) => b.type === 'legitimate_interest' && b.assessment !== undefined);
    if (!demonstrable || !ledger.obtainedAt) f.add('GD-04', 'block');
  }
  if (source === 'linkedin_tool' || source === 'scraping') f.add('GD-05', 'block');
  if (personalData && ledger.known && !customers.length && !hasRel.has('customer')) {
    const ref = ledger.lastInteractionAt ?? ledger.obtainedAt;
    // the shortest retention stated in any assessment binds (order-independent)
    let months: number | undefined;
    for (const b of bases) {
      const r = b.type === 'legitimate_interest' ? b.assessment?.retentionMonths : undefined;
      if (r !== undefined) months = months === undefined ? r : Math.min(months, r);
    }
    months ??= policy.retentionMonths;
    if (ref && addMonths(ref, months) < send) f.add('GD-15', 'warn');
  }
  if (personalData && ledger.known && art14Case && !disclosureGiven && gdprApplies) {
    if (ledger.obtainedAt) {
      if (addMonths(ledger.obtainedAt, 1) < send) f.add('GD-06a', 'warn');
    } else f.add('MISSING-OBTAINED-AT', 'warn');
  }

  // ── save / import: LinkedIn copying, bulk ────────────────────────────────
  if (!contact) {
    const fromLinkedIn = source === 'linkedin_manual' || source === 'linkedin_tool' || recipient.linkedin !== undefined || addressKind === 'linkedin_member';
    if (fromLinkedIn) {
      const automated = source === 'linkedin_tool' || source === 'scraping' || recipient.linkedin?.restrictedVisibility === true || action === 'import_contacts';
      f.add('LI-03', automated ? 'block' : 'warn');
      if (action === 'import_contacts') f.add('LI-04', 'warn');
    }
    return finish(f, inp);
  }
  if (!channel) return finish(f, inp);

  // ── 3. scope ──────────────────────────────────────────────────────────────
  if (classification === 'non_commercial') {
    f.add('NC-01', 'info');
    return finish(f, inp);
  }
  if (classification === 'mixed') f.add('NC-02', 'warn');

  // ── 4. channel law, per regime ────────────────────────────────────────────
  const callCh = isCallChannel(channel);
  const electronic = !callCh;
  const linkedIn = isLinkedIn(channel);
  const regimes = new Set<string>();
  if (country) {
    regimes.add(regimeOf(country, channel));
    if (strict) regimes.add(regimeOf(senderCountry, channel));
    if (country !== senderCountry) f.add('XB-01', 'info', ENCODED.has(country) ? undefined : 'unencoded');
  } else {
    regimes.add(regimeOf(senderCountry, channel));
  }

  // solicited contact and signals: covers that do not depend on the regime (Tw covers unsolicited messages only)
  let solicited = false;
  const inbound = rels.filter((r) => r.type === 'inbound_request');
  if (hasRel.has('introduced') || contractReq.some((b) => b.requestedBy === 'data_subject')) solicited = true;
  for (const r of inbound) {
    if (r.type !== 'inbound_request') continue;
    if (!r.subject || topicOverlaps(r.subject, fullText)) solicited = true;
  }
  if (solicited) f.add('NC-03', 'info');

  const publicTopics: string[] = [];
  for (const r of rels) if (r.type === 'public_request' && r.topic) publicTopics.push(r.topic);
  if (recipient.linkedin?.publicRequestTopic) publicTopics.push(recipient.linkedin.publicRequestTopic);
  let publicCover = false;
  if (!solicited && publicTopics.length > 0) {
    if (publicTopics.some((t) => topicOverlaps(t, fullText))) {
      publicCover = true;
      if (linkedIn) f.add('LI-06', uSev);
      else f.add('NC-03', uSev, 'public');
    } else if (linkedIn) f.add('LI-06', 'info', 'offtopic');
  }

  let signalCover = false;
  let signalMismatch = false;
  const openTo = recipient.linkedin?.openTo ?? [];
  if (linkedIn && openTo.length > 0) {
    const matches = openTo.some(
      (o) =>
        ((o === 'work' || o === 'hiring') && purposeKind === 'recruitment') ||
        (o === 'services' && purposeKind === 'buy_services') ||
        (o === 'proposals' && (purposeKind === 'sales' || purposeKind === 'partnership' || purposeKind === 'buy_services')),
    );
    if (matches) {
      signalCover = true;
      f.add('LI-02', uSev);
    } else signalMismatch = true;
  }

  // prior personal contact (ACM tolerance), only for personal one-to-one messages
  const personal1to1 =
    (msg?.recipientCount ?? 1) <= 1 && msg?.automated !== true && (ledger.recentSimilarSends ?? 0) < BULK_THRESHOLD;
  let priorContactCover = false;
  const priorRels = rels.filter((r) => r.type === 'met_in_person' || r.type === 'prior_contact');
  if ((channel === 'email' || channel === 'linkedin_dm' || channel === 'linkedin_inmail' || channel === 'whatsapp') && priorRels.length > 0) {
    const dated = priorRels.filter((r) => (r.type === 'met_in_person' || r.type === 'prior_contact') && r.date !== undefined && day(r.date) <= send);
    if (dated.length === 0) f.add('MISSING-CONTACT-DATE', 'info');
    else if (personal1to1) {
      priorContactCover = true;
      f.add('NL-EM-06', 'info');
      if (dated.every((r) => r.type === 'met_in_person' && r.event === undefined)) f.add('EV-02', 'warn');
    }
  }

  const commonCover = solicited || publicCover || signalCover || priorContactCover;
  let anyBlockedRegime = false;

  for (const regime of [...regimes].sort()) {
    let covered = commonCover || consentUsable;
    if (regime === 'NL') {
      if (electronic) {
        if (customerInScope) {
          covered = true;
          f.add('NL-EM-03', 'info');
        }
        if (channel === 'email' && kind !== 'natural_consumer') {
          if (addressKind === 'role_designated') {
            const ev = recipient.address.designationEvidence;
            if (ev && (ev.url || ev.quote)) {
              covered = true;
              f.add('NL-EM-04', 'info');
            } else {
              f.add('MISSING-DESIGNATION-EVIDENCE', 'info');
              covered = true;
              f.add('NL-EM-04U', uSev);
            }
          } else if (addressKind === 'role_generic') {
            covered = true;
            f.add('NL-EM-04U', uSev);
          }
        }
        if (!covered) {
          f.add('NL-EM-01', 'block');
          anyBlockedRegime = true;
          if (analysis?.asksPermission) f.add('NL-EM-07', 'block');
        }
      } else if (channel === 'automated_call') {
        if (!consentUsable) {
          f.add('NL-TM-06', 'block');
          anyBlockedRegime = true;
        }
      } else {
        // live call
        if (!natural) f.add('NL-TM-03', 'info');
        else if (consentUsable) {
          if (consentNeedsPhoneVerification) f.add('NL-TM-05', 'warn');
        } else if (customerInScope) {
          const inWindow = customerOk.some((c) => !c.endedAt || addMonths(c.endedAt, 36) >= send);
          const afterCutover = send >= day(policy.telemarketingCutover);
          // [U][V] whether the 2026 change covers sole traders: strict says yes
          const consumerLike = kind === 'natural_consumer' || kind === undefined || strict;
          if (!inWindow) {
            f.add('NL-TM-02', 'block', 'window');
            anyBlockedRegime = true;
          } else if (afterCutover && !sender.exempt2026 && consumerLike) {
            f.add('NL-TM-02', 'block', 'after');
            anyBlockedRegime = true;
          } else f.add('NL-TM-02', 'info');
        } else if (
          (addressKind === 'role_designated' || recipient.address.designationEvidence !== undefined) &&
          (recipient.address.designationEvidence?.url || recipient.address.designationEvidence?.quote)
        ) {
          f.add('NL-TM-07', 'info');
        } else if (!solicited) {
          f.add('NL-TM-01', 'block');
          anyBlockedRegime = true;
        }
      }
    } else if (regime === 'DE') {
      if (electronic || channel === 'automated_call') {
        if (!(consentUsable || customerInScope || solicited)) {
          f.add('DE-EM-01', 'block');
          anyBlockedRegime = true;
        }
      } else if (kind === 'natural_consumer' || kind === undefined) {
        if (!consentUsable && !solicited) {
          f.add('DE-TM-01', 'block');
          anyBlockedRegime = true;
        }
      } else if (!consentUsable && !solicited) {
        const presumed = rels.some((r) => r.type === 'presumed_interest' && r.reason !== undefined && r.reason.trim().length > 0);
        f.add('DE-TM-02', presumed ? uSev : 'block');
        if (!presumed) anyBlockedRegime = true;
      }
    } else if (regime === 'GB') {
      // PECR: partnerships are individual subscribers, except LLPs and Scottish partnerships
      const form = (recipient.legalForm ?? '').toLowerCase();
      const individual = kind !== 'legal_person' || (form.includes('partnership') && !form.includes('scottish') && !form.includes('limited liability'));
      if (electronic) {
        if (individual) {
          if (!(consentUsable || customerInScope || solicited)) {
            f.add('UK-EM-01', 'block');
            anyBlockedRegime = true;
          }
        } else f.add('UK-EM-02', 'info');
      } else if (!consentUsable) {
        const regs = recipient.phoneRegisters;
        const listed = (individual && regs?.tps === true) || (kind !== 'natural_consumer' && regs?.ctps === true) || regs?.tps === true;
        if (listed) {
          f.add('UK-TM-01', 'block');
          anyBlockedRegime = true;
        } else if ((individual && regs?.tps === undefined) || (!individual && regs?.ctps === undefined)) {
          f.add('MISSING-REGISTER-SCREENING', 'warn');
        }
      }
    } else if (regime === 'BE') {
      if (electronic) {
        const impersonalLegal = kind === 'legal_person' && (addressKind === 'role_generic' || addressKind === 'role_designated');
        if (customerInScope || impersonalLegal) f.add('BE-EM-01', 'info', 'allowed');
        else if (!(consentUsable || solicited)) {
          f.add('BE-EM-01', 'block');
          anyBlockedRegime = true;
        }
      } else if (!consentUsable) {
        const dncm = recipient.phoneRegisters?.beDncm;
        if (dncm === true) {
          f.add('BE-TM-01', 'block');
          anyBlockedRegime = true;
        } else if (dncm === undefined) f.add('MISSING-REGISTER-SCREENING', 'warn');
      }
      if (personalData && country === 'BE') f.add('BE-GD-01', 'info');
    }
  }

  if (anyBlockedRegime) {
    for (const [code, sev, variant, detail] of coverFailures) f.add(code, sev, variant, detail);
    if (linkedIn && (recipient.linkedin?.degree === 1 || hasRel.has('linkedin_connection'))) f.add('LI-05', 'block');
    if (signalMismatch) f.add('LI-02x', 'block');
    if (hasRel.has('referral') || bases.some((b) => b.type === 'referral')) f.add('GD-14', 'block');
  }
  if (!country) {
    // the country matters only when an NL-specific exception carried the send (other regimes lack it)
    const regimeSpecific = !anyBlockedRegime && !linkedIn && !consentUsable && !customerInScope && !solicited;
    f.add('MISSING-COUNTRY', regimeSpecific ? 'warn' : 'info');
  }
  if (kind === undefined && (callCh || (country !== undefined && country !== 'NL'))) f.add('MISSING-KIND', 'info');

  // ── 7. platform (before the draft checks, which a look-up skips) ──────────
  if (linkedIn) {
    f.add('LI-01', 'info');
    const bulk =
      msg?.automated === true ||
      (msg?.recipientCount ?? 1) > 1 ||
      (ledger.recentSimilarSends ?? 0) >= BULK_THRESHOLD ||
      (channel === 'linkedin_connect_note' && recipient.linkedin?.degree !== 1);
    if (bulk) f.add('LI-04', 'warn');
  }

  // ── 5/6. hygiene and disclosure in the draft ──────────────────────────────
  if (lookupOnly) return finish(f, inp);
  const draftSev: Severity = electronic ? 'block' : 'warn';
  const a = analysis;
  if (electronic) {
    const missing: Loc[] = [];
    if (!a?.identity) missing.push(L('afzender (bedrijfsnaam en contactgegevens)', 'sender identity (company name and contact details)'));
    if (!a?.optOut) missing.push(L('afmeldmogelijkheid', 'opt-out'));
    for (const m of missing) f.add('NL-EM-05', 'block', undefined, m);
  } else if (channel === 'call') {
    const missing: Loc[] = [];
    if (!a?.identity) missing.push(L('wie belt er namens welk bedrijf', 'who is calling for which company'));
    if (!a?.purpose) missing.push(L('het doel van het gesprek', 'the purpose of the call'));
    if (!(a?.optOut || a?.art21Mentioned)) missing.push(L('het recht van verzet', 'the right to object'));
    if (natural && !a?.source) missing.push(L('waar het nummer vandaan komt', 'where the number came from'));
    if (missing.length === 0) f.add('NL-TM-04', 'info');
    else for (const m of missing) f.add('NL-TM-04', 'warn', undefined, m);
  }
  if (personalData && !disclosureGiven) {
    if (!a?.art21Separate) f.add('GD-07', draftSev);
    // a claimed consent basis (demonstrable or not) needs the withdraw line: evidence must never add a demand
    const consentBased = liveConsents.length > 0 && customers.length === 0 && !hasLI;
    if (art14Case) {
      const missing: Loc[] = [];
      if (!a?.purpose) missing.push(L('doel', 'purpose'));
      // a call cannot carry a link: offering to send the notice is the oral first layer (WP260)
      if (!(a?.privacyLink || (callCh && a?.privacyOffered))) missing.push(L('link naar de privacyverklaring', 'privacy-notice link'));
      if (electronic && consentBased && !a?.withdrawConsent) missing.push(L('toestemming intrekken', 'withdrawing consent'));
      for (const m of missing) f.add('GD-06', draftSev, undefined, m);
      if (!a?.source) f.add('GD-08', draftSev);
    } else if (!(a?.purpose && (a?.privacyLink || (callCh && a?.privacyOffered)))) {
      const followUps = po?.followUpsWithoutArt13 ?? 0;
      f.add('GD-09', followUps > 1 && strict ? 'warn' : 'info');
    }
  }

  return finish(f, inp);
}

function finish(f: Findings, inp: ParsedOutreachInput): Verdict {
  const findings = f.toFindings();
  for (const x of findings) {
    const p = policyFor(x.code, x.severity, inp.policy.rules);
    if (p) x.policy = p;
  }
  return {
    decision: decisionOf(findings),
    findings,
    overridable: inp.policy.overridesAllowed && overridableOf(findings),
    ...(f.products ? { products: f.products } : {}),
  };
}
