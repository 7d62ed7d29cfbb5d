import { analyzeMessage, type MessageAnalysis, type MessageContext } from './analyze';
import { Findings } from './findings';
import { addMonths, day, isCallChannel, isLinkedIn } from './helpers';
import { countryFromAddress, countryFromPhone, inferAddress, kindFromLegalForm, normalizeCountry } from './infer';
import type { AddressKind, Classification, ParsedOutreachInput, RecipientKind, Relationship, RuleChannel } from './input';
import { findProducts, pickedProducts, type Product, type ProductRef } from './products';
import type { Severity } from './verdict';

// The context builder: every fact the rule families read, worked out once per evaluation from the input —
// what the page said, what the ledger knows and what the draft's text shows. Unknown facts take the strict
// reading (a recipient of unknown kind is a natural person, an unknown address names a person).

// the message model reads `decidedBy`; older analyses without it count as decided by the text
type Analysis = MessageAnalysis & { decidedBy?: 'text' | 'context' | 'default' };
const MEETING = /\b(afspraak|afgesproken|meeting|vergadering|gesprek|bezoek|langskomen|call|demo op|appointment)\b/i;

/** identical texts to this many others in 24 h makes a LinkedIn send "bulk" (LI-04) */
export const BULK_THRESHOLD = 5;

/** A request from the person this many days back still makes a reply "requested" for the message model. */
export const RECENT_REQUEST_DAYS = 8 * 7;

const PERSONAL_ADDRESS: ReadonlySet<AddressKind> = new Set(['personal_business', 'personal_private', 'phone_direct', 'phone_mobile', 'linkedin_member']);
export const ROLE_ADDRESS: ReadonlySet<AddressKind> = new Set(['role_generic', 'role_designated', 'phone_switchboard']);

export type { MessageContext };

export interface Ctx {
  inp: ParsedOutreachInput;
  f: Findings;
  strict: boolean;
  /** [U] rules: WARN in strict mode, INFO (allow) in lenient mode */
  uSev: Severity;
  send: number;
  contact: boolean;
  channel?: RuleChannel;
  addressKind?: AddressKind;
  kind?: RecipientKind;
  country?: string;
  senderCountry: string;
  natural: boolean;
  /** the GDPR applies to this address: it names a person (a role address of a sole trader, or one that names someone, too) */
  personalData: boolean;
  analysis?: Analysis;
  classification: Classification;
  marketing: boolean;
  purposeKind: string;
  fullText: string;
  lookupOnly: boolean;
  products: ProductRef[];
  rels: Relationship[];
  relTypes: Set<string>;
  source?: string;
  art14Case: boolean;
  disclosureGiven: boolean;
}

// A send to N recipients evaluates the same draft N times: keep the last analyses (pure, so safe to reuse).
const ANALYSIS_CACHE_SIZE = 256;
const analysisCache = new Map<string, Map<string, Analysis>>();
const catalogueKeys = new WeakMap<readonly Product[], string>();
function catalogueKey(c: readonly Product[]): string {
  let k = catalogueKeys.get(c);
  if (k === undefined) {
    k = c.map((p) => [p.name, ...p.aliases].join('\u0002')).join('\u0001');
    catalogueKeys.set(c, k);
  }
  return k;
}
function analysisOf(body: string, subject: string | undefined, legalEntity: string | undefined, context: MessageContext, catalogue: readonly Product[]): Analysis {
  let bySubject = analysisCache.get(body);
  if (!bySubject) {
    if (analysisCache.size >= ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value as string);
    bySubject = new Map();
    analysisCache.set(body, bySubject);
  }
  const flags = `${+!!context.requestedByRecipientRecently}${+!!context.meetingAgreed}${+!!context.existingCustomer}${+!!context.replyToRecipient}`;
  const key = `${legalEntity ?? ''}\u0000${subject ?? ''}\u0000${flags}\u0000${catalogueKey(catalogue)}`;
  let a = bySubject.get(key);
  if (!a) {
    a = analyzeMessage(body, subject, { legalEntity, context }) as Analysis;
    if (bySubject.size >= 16) bySubject.clear();
    bySubject.set(key, a);
  }
  return a;
}

/** The message model's context from ledger facts (a recent request, an agreed meeting, a customer) and the page. */
export function messageContextOf(inp: ParsedOutreachInput, send: number): MessageContext {
  const { ledger } = inp;
  const recent = (d: string | undefined) => d !== undefined && day(d) <= send && send - day(d) <= RECENT_REQUEST_DAYS;
  const requested =
    ledger.relationships.some((r) => (r.type === 'inbound_request' || r.type === 'introduced') && recent(r.date)) ||
    ledger.bases.some((b) => b.type === 'contract_request' && b.requestedBy === 'data_subject' && recent(b.date));
  // a meeting agreed with the person: what the register noted as agreed, or a dated earlier contact, names one
  const meetingAgreed = ledger.relationships.some(
    (r) => (r.type === 'met_in_person' && r.agreed !== undefined && MEETING.test(r.agreed)) || (r.type === 'prior_contact' && r.note !== undefined && MEETING.test(r.note) && recent(r.date)),
  );
  const existingCustomer = ledger.bases.some(
    (b) => b.type === 'customer' && b.viaEmployer !== true && (b.endedAt === undefined || addMonths(b.endedAt, 36) >= send),
  );
  const catalogue = inp.products ?? [];
  const ctx: MessageContext = {};
  if (requested) ctx.requestedByRecipientRecently = true;
  if (meetingAgreed) ctx.meetingAgreed = true;
  if (existingCustomer) ctx.existingCustomer = true;
  if (inp.message?.context?.replyToRecipient) ctx.replyToRecipient = true;
  if (catalogue.length > 0) ctx.knownProducts = catalogue.flatMap((p) => [p.name, ...p.aliases]);
  return ctx;
}

/**
 * What the message model is told. A customer relationship is left out: the customer exception (Tw 11.7 lid 4-5)
 * covers commercial messages, it does not make an offer non-commercial — told it, the model reads a plain pitch
 * to a customer as a service message, and NL-EM-03's opt-out in every message and NL-TM-02's cut-over would
 * never be checked.
 */
function modelContext(ctx: MessageContext): MessageContext {
  if (!ctx.existingCustomer) return ctx;
  const { existingCustomer: _customer, ...rest } = ctx;
  return rest;
}

export function buildContext(inp: ParsedOutreachInput): Ctx {
  const f = new Findings();
  const { policy, ledger, recipient, sender } = inp;
  const strict = policy.mode === 'strict';
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
  const country = normalizeCountry(recipient.country) ?? countryFromAddress(recipient.address.value) ?? countryFromPhone(recipient.phone);
  const natural = kind !== 'legal_person'; // unknown → the strict assumption
  // A role or designated address is personal data when it names a person (docs/research/legal-rules.md §2.2: a designated
  // address for the Tw, personal data for the GDPR), and always for a sole trader (the business is the person).
  const namesPerson = recipient.address.namesPerson === true;
  const personalData = natural || addressKind === undefined || PERSONAL_ADDRESS.has(addressKind) || namesPerson;

  // message
  const msg = inp.message;
  const body = msg?.body;
  const catalogue = inp.products ?? [];
  const analysis = body !== undefined ? analysisOf(body, msg?.subject, sender.legalEntity, modelContext(messageContextOf(inp, send)), catalogue) : undefined;
  const override = policy.overridesAllowed ? msg?.classificationOverride?.as : undefined;
  const classification: Classification = override ?? analysis?.classification ?? 'commercial';
  if (!override && analysis?.decidedBy === 'default' && contact) f.add('MISSING-CONTEXT', 'info');
  const marketing = contact ? classification !== 'non_commercial' : true;
  const fullText = `${msg?.topic ?? ''}\n${msg?.subject ?? ''}\n${body ?? ''}`;
  // the rep's pick in the hold replaces what the text names; an empty pick says "none of the catalogue's"
  const products = msg?.products !== undefined
    ? pickedProducts(msg.products, catalogue)
    : msg?.product
      ? pickedProducts([msg.product], catalogue)
      : findProducts(fullText, catalogue);
  if (products.length > 0 && catalogue.length > 0) f.products = products;
  // No message at all is a look-up ("may I contact this person?"): the draft checks wait for the draft.
  // A message without a body is a draft we could not read: strict, every element counts as missing.
  const lookupOnly = contact && msg === undefined;
  if (contact && body === undefined) f.add('MISSING-MESSAGE', lookupOnly || (channel && isCallChannel(channel)) ? 'info' : 'warn', lookupOnly ? 'lookup' : undefined);

  // ledger facts
  const rels = ledger.relationships;
  const relTypes = new Set<string>();
  for (const r of rels) relTypes.add(r.type);
  const source = ledger.source ?? (relTypes.has('met_in_person') || relTypes.has('inbound_request') || relTypes.has('introduced') ? 'data_subject' : undefined);
  if (ledger.known && !ledger.source && personalData) f.add('MISSING-SOURCE', 'info');
  const art14Case = source !== 'data_subject';
  const po = ledger.priorOutbound;
  const disclosureGiven =
    po?.disclosureGiven === true ||
    (art14Case ? po?.art14SentAt !== undefined && day(po.art14SentAt) <= send : po?.art13SentAt !== undefined && day(po.art13SentAt) <= send);

  return {
    inp,
    f,
    strict,
    uSev: strict ? 'warn' : 'info',
    send,
    contact,
    channel,
    addressKind,
    kind,
    country,
    senderCountry: normalizeCountry(sender.country) ?? 'NL',
    natural,
    personalData,
    analysis,
    classification,
    marketing,
    purposeKind: msg?.purpose ?? analysis?.purposeKind ?? 'other',
    fullText,
    lookupOnly,
    products,
    rels,
    relTypes,
    source,
    art14Case,
    disclosureGiven,
  };
}
