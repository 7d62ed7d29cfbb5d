import type { Ctx } from '../context';
import { L, type Loc } from '../findings';
import { addMonths, consentCoversChannel, day, isCallChannel, normEntity, productMatches, sameEntity } from '../helpers';
import type { Basis, ConsentBasis, CustomerBasis } from '../input';
import type { ProductRef } from '../products';
import type { Severity } from '../verdict';
import { withdrawnConsents } from './objections';

// Basis and evidence (docs/research/legal-rules.md §3-D GD-01..05, GD-11, GD-13..15, GD-06a; §3-F EV-01/02; §2.7): which
// recorded basis covers this contact, whether consent is demonstrable and in scope (entity, channel, product),
// whether the customer exception's conditions are on record, and what the GDPR asks of the record itself.

export type ContractRequest = Extract<Basis, { type: 'contract_request' }>;
/** A failure of claimed cover: it is reported only when nothing else covers the send. */
export type CoverFailure = [code: string, severity: Severity, variant?: string, detail?: Loc];

export interface BasisState {
  liveConsents: ConsentBasis[];
  consentUsable: boolean;
  /** a usable consent is documented by evidence (UWG §7a) */
  consentDocumented: boolean;
  consentNeedsPhoneVerification: boolean;
  customers: CustomerBasis[];
  customerOk: CustomerBasis[];
  customerInScope: boolean;
  /** a customer relationship for the call exception (Tw 11.7 lid 2; Code Telemarketing) */
  callCustomers: Array<{ endedAt?: string }>;
  hasLI: boolean;
  contractReq: ContractRequest[];
  coverFailures: CoverFailure[];
}

// A consent "for product information" of the entity covers all its products (issue 12 item 2).
const GENERIC_SCOPE = /^(alle? (producten|diensten)|all (products|services)|product ?informatie|productinfo|product information|producten en diensten|products and services|(onze |our )?(producten|products|diensten|services)|nieuws ?brief|newsletter|aanbiedingen|offers)$/;

type Scope = 'ok' | 'other' | 'unknown';
/** Whether the draft is about something the scope names: by catalogue product, category, alias or the words themselves. */
function scopeOf(c: Ctx, scopes: readonly string[], entity: string | undefined): Scope {
  if (scopes.some((s) => GENERIC_SCOPE.test(normEntity(s)))) return 'ok';
  const products = c.products;
  if (products.length === 0) {
    // no catalogue product named: the scope's own words in the draft still tell what it is about
    const text = ` ${normEntity(c.fullText)} `;
    return scopes.some((s) => normEntity(s).length > 2 && text.includes(` ${normEntity(s)} `)) ? 'ok' : 'unknown';
  }
  const catalogue = c.inp.products ?? [];
  const covers = (s: string, p: ProductRef) => {
    if (entity && p.legalEntity && !sameEntity(entity, p.legalEntity)) return false;
    if (productMatches(s, p.name) || (p.matchedOn !== undefined && productMatches(s, p.matchedOn))) return true;
    if (p.category && productMatches(s, p.category)) return true;
    const entry = catalogue.find((x) => x.name.trim() === p.name);
    return entry?.aliases.some((a) => productMatches(s, a)) ?? false;
  };
  return products.every((p) => scopes.some((s) => covers(s, p))) ? 'ok' : 'other';
}

/** The customer exception's "own similar products": the same category, or the rep's statement. */
function similarOf(c: Ctx, cust: CustomerBasis): Scope {
  if (cust.similarProduct === true) return 'ok';
  if (cust.similarProduct === false) return 'other';
  if (!cust.productCategory) return 'unknown';
  if (c.products.length === 0) return scopeOf(c, [cust.productCategory], cust.entity) === 'ok' ? 'ok' : 'unknown';
  const catalogue = c.inp.products ?? [];
  // the category the customer bought in: named directly, or through a product of the catalogue
  const bought = catalogue.find((p) => productMatches(cust.productCategory!, p.name) || p.aliases.some((a) => productMatches(cust.productCategory!, a)));
  const boughtCategory = bought?.category || cust.productCategory;
  const similar = c.products.every(
    (p) =>
      !(cust.entity && p.legalEntity && !sameEntity(cust.entity, p.legalEntity)) &&
      ((p.category !== '' && normEntity(p.category) === normEntity(boughtCategory)) || productMatches(cust.productCategory!, p.name)),
  );
  return similar ? 'ok' : 'other';
}

type CustomerState = 'ok' | 'scope' | 'failed' | 'unknown';
function customerState(c: Ctx, cust: CustomerBasis, needsProduct: boolean): CustomerState {
  const senderEntity = c.inp.sender.legalEntity;
  if (cust.viaEmployer) return 'failed';
  let unknown = false;
  if (!cust.entity || !senderEntity) {
    if (cust.entity && !senderEntity && needsProduct) c.f.add('MISSING-SENDER-ENTITY', 'warn');
    unknown = true;
  } else if (!sameEntity(cust.entity, senderEntity)) return 'scope';
  const similar = similarOf(c, cust);
  if (similar === 'other') return 'scope';
  if (similar === 'unknown') {
    if (needsProduct) c.f.add('MISSING-PRODUCT', 'warn');
    unknown = true;
  }
  if (cust.obtainedAtSale === false || cust.informedAtCollection === false || cust.optoutOfferedAtCollection === false) return 'failed';
  if (cust.obtainedAtSale === undefined || cust.informedAtCollection === undefined || cust.optoutOfferedAtCollection === undefined) unknown = true;
  return unknown ? 'unknown' : 'ok';
}

/** Consent and customer checks, shared by the channel rules. */
export function basisAndEvidence(c: Ctx): BasisState {
  const { f, inp, channel, contact, marketing, rels } = c;
  const { ledger, sender, policy } = inp;
  const bases = ledger.bases;
  const consents = bases.filter((b): b is ConsentBasis => b.type === 'consent');
  const withdrawn = withdrawnConsents(c, consents);
  const liveConsents = consents.filter((x) => !withdrawn.includes(x));

  const coverFailures: CoverFailure[] = [];
  let consentUsable = false;
  let consentDocumented = false;
  let consentRecordIncomplete = false;
  let consentRecordComplete = false;
  let consentFresh = false;
  let consentHasWhen = false;
  let consentNeedsPhoneVerification = true;
  let eventNoteIncomplete = false;
  let productChecked = false;
  for (const x of liveConsents) {
    if (x.obtainedVia === 'lead_vendor' || x.obtainedVia === 'partner_clause') {
      coverFailures.push(['NL-EM-09', 'block']);
      continue;
    }
    if (x.obtainedVia === 'referrer') {
      coverFailures.push(['GD-14', 'block']);
      continue;
    }
    const hasEvidence = (x.evidenceRefs?.length ?? 0) > 0;
    // An event note is itself the record of what was agreed: its gaps are EV-02's, not EV-01's.
    const isNote = x.how === 'event_note';
    const complete = x.who !== undefined && x.when !== undefined && x.how !== undefined && x.what !== undefined && hasEvidence;
    // EV-01 looks at every live consent record, usable or not, so adding evidence can only clear it
    if (!complete && !isNote) consentRecordIncomplete = true;
    if (complete && !isNote) consentRecordComplete = true;
    // like EV-01, EV-02 looks at every live event note, usable or not: recording more can only clear it
    if (isNote) {
      const hasEvent = rels.some((r) => r.type === 'met_in_person' && r.event !== undefined);
      const agreed = x.what !== undefined || rels.some((r) => r.type === 'met_in_person' && r.agreed !== undefined);
      if (!x.when || !hasEvent || !agreed) eventNoteIncomplete = true;
    }
    const demonstrable = hasEvidence || (x.who !== undefined && x.when !== undefined);
    if (!demonstrable) {
      coverFailures.push([channel && isCallChannel(channel) ? 'NL-TM-01' : 'NL-EM-02', 'block']);
      continue;
    }
    if (x.what?.entity) {
      if (!sender.legalEntity) {
        if (marketing) f.add('MISSING-SENDER-ENTITY', 'warn');
      } else if (!sameEntity(x.what.entity, sender.legalEntity)) {
        coverFailures.push(['NL-EM-08', 'block', undefined, L('toestemming voor een andere rechtspersoon', 'consent names another legal entity')]);
        continue;
      }
    }
    if (channel && !consentCoversChannel(x, channel)) {
      coverFailures.push(['NL-EM-08', 'block', undefined, L('toestemming voor een ander kanaal', 'consent covers another channel')]);
      continue;
    }
    const scopes = x.what?.products ?? [];
    if (scopes.length > 0 && contact && marketing) {
      const s = scopeOf(c, scopes, x.what?.entity ?? sender.legalEntity);
      if (s === 'unknown') f.add('MISSING-PRODUCT', 'warn');
      else if (s === 'other') {
        coverFailures.push(['NL-EM-08', 'block', undefined, L('toestemming voor een ander product', 'consent covers another product')]);
        continue;
      } else productChecked = true;
    }
    consentUsable = true;
    if (hasEvidence) consentDocumented = true;
    if (x.verifiedBeforeCall === true && x.linkedTo !== 'phone_number') consentNeedsPhoneVerification = false;
    if (x.when) {
      consentHasWhen = true;
      const ref = ledger.lastInteractionAt && day(ledger.lastInteractionAt) > day(x.when) ? ledger.lastInteractionAt : x.when;
      if (addMonths(ref, policy.consentMaxAgeMonths) >= c.send) consentFresh = true;
    }
  }
  if (consentRecordIncomplete && marketing) f.add('EV-01', 'warn');
  if (eventNoteIncomplete && marketing) f.add('EV-02', 'warn');
  if (consentUsable && marketing) {
    if (!eventNoteIncomplete && liveConsents.some((x) => x.how === 'event_note')) f.add('EV-02', 'info', 'ok');
    if (consentRecordComplete && !consentRecordIncomplete) f.add('EV-01', 'info', 'ok');
    if (productChecked) f.add('NL-EM-08', 'info', 'ok');
    if (consentHasWhen && !consentFresh) f.add('GD-13', c.uSev);
  }

  const customers = bases.filter((b): b is CustomerBasis => b.type === 'customer');
  const needsProduct = contact && marketing;
  const customerStates = customers.map((x) => [x, customerState(c, x, needsProduct)] as const);
  const customerOk = customerStates.filter(([, s]) => s === 'ok').map(([x]) => x);
  const customerInScope = customerOk.length > 0;
  if (!customerInScope) {
    if (customerStates.some(([, s]) => s === 'scope'))
      coverFailures.push(['NL-EM-08', 'block', undefined, L('klantrelatie met een andere rechtspersoon of ander product', 'customer relationship with another entity or product')]);
    if (customerStates.some(([, s]) => s === 'unknown')) coverFailures.push(['MISSING-CUSTOMER-EVIDENCE', 'info']);
  }
  // Calls: the customer relationship itself is the exception (the e-mail soft opt-in's collection conditions do not apply).
  const callCustomers: Array<{ endedAt?: string }> = [];
  const customerRels = rels.filter((r): r is Extract<typeof r, { type: 'customer' }> => r.type === 'customer');
  for (const x of [...customers.filter((y) => y.similarProduct !== false), ...customerRels]) {
    if (x.viaEmployer) continue;
    if (x.entity && sender.legalEntity && !sameEntity(x.entity, sender.legalEntity)) continue;
    callCustomers.push({ ...(x.endedAt ? { endedAt: x.endedAt } : {}) });
  }

  const hasLI = bases.some((b) => b.type === 'legitimate_interest');
  const contractReq = bases.filter((b): b is ContractRequest => b.type === 'contract_request');
  return {
    liveConsents,
    consentUsable,
    consentDocumented,
    consentNeedsPhoneVerification,
    customers,
    customerOk,
    customerInScope,
    callCustomers,
    hasLI,
    contractReq,
    coverFailures,
  };
}

/** Provenance and basis under the GDPR (GD-01..05, GD-15, GD-06a): what the record itself needs. */
export function gdprBasis(c: Ctx, b: BasisState): void {
  const { f, inp, contact, personalData, marketing, relTypes, source, art14Case, disclosureGiven } = c;
  const { ledger, policy } = inp;
  const bases = ledger.bases;
  const { consentUsable, customers, customerInScope, contractReq, hasLI } = b;
  const solicitedRel = relTypes.has('inbound_request') || relTypes.has('introduced');
  const gdprBasisOk = consentUsable || customers.length > 0 || contractReq.length > 0 || hasLI || (contact && solicitedRel);
  const gdprApplies = personalData && marketing;
  if (gdprApplies) {
    if (!gdprBasisOk) {
      f.add('GD-01', 'block');
      if (!ledger.known) f.add('MISSING-BASIS', 'info');
    } else f.add('GD-01', 'info', 'ok');
    const strongerThanLI = consentUsable || customerInScope || contractReq.some((x) => x.requestedBy === 'data_subject');
    if (hasLI && !strongerThanLI) {
      const assessed = bases.some((x) => x.type === 'legitimate_interest' && x.assessment !== undefined && x.assessment.expired !== true);
      f.add('GD-02', assessed ? 'info' : 'warn', assessed ? 'ok' : undefined);
    }
    if (contractReq.length > 0 && !consentUsable && !customerInScope && !hasLI) {
      if (!contractReq.some((x) => x.requestedBy === 'data_subject')) f.add('GD-03', 'warn');
    }
    if (!consentUsable && !hasLI && !contractReq.length && customers.length > 0 && customers.every((x) => x.viaEmployer)) f.add('GD-03', 'warn');
    if (c.rels.some((r) => r.type === 'customer' && r.viaEmployer) && !consentUsable && !hasLI && customers.length === 0 && contractReq.length > 0) f.add('GD-03', 'warn');
  }
  if (ledger.legacy || source === 'legacy_import') {
    const demonstrable =
      consentUsable ||
      customers.some((x) => x.saleDate !== undefined && x.entity !== undefined) ||
      contractReq.some((x) => x.ref !== undefined) ||
      bases.some((x) => x.type === 'legitimate_interest' && x.assessment !== undefined);
    if (!demonstrable || !ledger.obtainedAt) f.add('GD-04', 'block');
  }
  if (source === 'linkedin_tool' || source === 'scraping') f.add('GD-05', 'block');
  if (personalData && ledger.known && !customers.length && !relTypes.has('customer')) {
    const ref = ledger.lastInteractionAt ?? ledger.obtainedAt;
    // the shortest retention stated in any assessment binds (order-independent)
    let months: number | undefined;
    for (const x of bases) {
      const r = x.type === 'legitimate_interest' ? x.assessment?.retentionMonths : undefined;
      if (r !== undefined) months = months === undefined ? r : Math.min(months, r);
    }
    months ??= policy.retentionMonths;
    if (ref && addMonths(ref, months) < c.send) f.add('GD-15', 'warn');
  }
  // Art. 14(3)(a): one month after obtaining the data is the outer limit, whatever the first message does
  if (personalData && ledger.known && art14Case && !disclosureGiven && gdprApplies) {
    if (ledger.obtainedAt) {
      if (addMonths(ledger.obtainedAt, 1) < c.send) f.add('GD-06a', 'warn');
    } else f.add('MISSING-OBTAINED-AT', 'warn');
  }
}
