import { identityKeysOf, keysOfPageRecipient, withDomainKeys } from '../identity/keys';
import { normalizeEmail, normalizePhone } from '../identity/normalize';
import type { Ledger, RecipientFacts } from '../ledger/repository';
import { toRulesLedgerFacts } from '../ledger/facts';
import { recipientKinds, type Settings, type SourceKind } from '../ledger/schema';

type RecipientKind = (typeof recipientKinds)[number];
import { bodyFingerprint } from '../rules/fingerprint';
import type { Channel, Localized, PageRecipient } from '../messaging/common';
import type { GuardVerdict, RecipientVerdict } from '../messaging/guard';
import {
  decisionOf,
  evaluateOutreach,
  generateCallOpening,
  generateDisclosure,
  inferAddress,
  sourceNoun,
  worstDecision,
  type DisclosureSettings,
  type DisclosureSource,
  type Finding,
  type OutreachInput,
} from '../rules';
import type { FixKind } from '../rules/verdict';
import { missingForNotice } from '../rules/disclosure';
import { renderTemplate } from '../rules/templates';
import type { ProductRef } from '../rules/products';
import { justificationRequiredOf, overridableOf } from '../rules/verdict';
import type { TeamSuppression } from '../sync/engine';

// The verdict service: what the page saw (recipients, draft) + what the ledger knows + team objections
// → the rules engine → one verdict per recipient. It is the only place that joins the three.

export interface VerdictServiceDeps {
  ledger: Pick<Ledger, 'factsForRecipient' | 'getSettings' | 'countRecentSimilarSends' | 'getContact'>;
  teamSuppressionsFor: (keys: string[]) => Promise<TeamSuppression[]>;
  now: () => Date;
}

export interface DraftRequest {
  channel: Channel;
  recipients: PageRecipient[];
  message: {
    subject?: string;
    body: string;
    classificationOverride?: { as: 'commercial' | 'non_commercial' | 'mixed'; reason: string };
    /** catalogue product names the rep picked in the hold */
    products?: string[];
    replyToRecipient?: boolean;
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the page could not show (no recipient, an unreadable address) is an input fact of the engine: the
 * findings and their wording come from the rules catalogue like every other (issue 16 item 5).
 */
function pageFactVerdict(channel: Channel, settings: Settings, now: Date, status: 'unreadable' | 'none', r?: PageRecipient) {
  const name = r ? (r.displayName ?? r.key) : undefined;
  return evaluateOutreach({
    action: 'send_message',
    channel,
    sendDate: now.toISOString(),
    sender: {},
    recipient: { pageStatus: status, ...(name ? { displayName: name } : {}), address: {} },
    policy: policyOf(settings),
  });
}

function overridableFor(findings: readonly Finding[], settings: Settings): boolean {
  return settings.policy.overridesAllowed && overridableOf(findings);
}

function labelOf(r: PageRecipient, facts: RecipientFacts | undefined): string {
  return r.displayName?.trim() || facts?.contact?.name || r.email || r.linkedin?.vanity || r.key;
}

function addressOf(r: PageRecipient, channel: Channel): { value?: string; kind?: 'linkedin_member' } {
  if (channel.startsWith('linkedin')) {
    const value = r.linkedin?.profileUrl ?? (r.linkedin?.vanity ? `https://www.linkedin.com/in/${r.linkedin.vanity}/` : undefined);
    return { ...(value ? { value } : {}), kind: 'linkedin_member' };
  }
  return r.email ? { value: r.email } : {};
}

function policyOf(settings: Settings): OutreachInput['policy'] {
  const p = settings.policy;
  return {
    mode: p.mode,
    consentMaxAgeMonths: p.consentMaxAgeMonths,
    retentionMonths: p.retentionMonths,
    telemarketingCutover: p.telemarketingCutover,
    overridesAllowed: p.overridesAllowed,
    ...(Object.keys(p.rules).length > 0 ? { rules: p.rules } : {}),
  };
}

function teamFacts(team: readonly TeamSuppression[]) {
  return team.map((t) => ({
    scope: t.scope,
    level: t.level,
    matchedOn: 'strong' as const,
    source: 'team' as const,
    recordedAt: t.recordedAt,
  }));
}

/** Builds the engine input for one recipient. Exported for tests. */
export function inputFor(
  action: OutreachInput['action'],
  channel: Channel,
  r: PageRecipient,
  facts: RecipientFacts,
  team: readonly TeamSuppression[],
  settings: Settings,
  now: Date,
  message: OutreachInput['message'],
  recentSimilarSends?: number,
): OutreachInput {
  const ledger = toRulesLedgerFacts(facts, now, recentSimilarSends);
  ledger.suppressions = [...(ledger.suppressions ?? []), ...teamFacts(team)];
  const c = facts.contact;
  const address = addressOf(r, channel);
  const stored = c?.addresses.find((a) => a.value === (address.value ? normalizeEmail(address.value) ?? address.value : undefined));
  const declinedInMail = r.signals?.declinedInMail || facts.events.declinedInMail || undefined;
  // Outlook sometimes shows only a name: the register cannot be matched on an address (OB-01 name-only)
  const nameOnly = !!r.weakMatch && keysOfPageRecipient(r).length === 0;
  return {
    action,
    channel,
    sendDate: now.toISOString(),
    sender: {
      ...(settings.organisation.legalName ? { legalEntity: settings.organisation.legalName } : {}),
      country: settings.organisation.country,
      exempt2026: settings.organisation.exempt2026,
    },
    recipient: {
      ...(c && c.recipientKind !== 'unknown' ? { kind: c.recipientKind } : {}),
      ...(c?.company?.legalForm ? { legalForm: c.company.legalForm } : {}),
      ...(c?.country ?? c?.company?.country ? { country: c?.country ?? c?.company?.country } : {}),
      address: {
        ...address,
        ...(stored ? { kind: stored.kind, ...(stored.designationEvidence ? { designationEvidence: stored.designationEvidence } : {}) } : {}),
      },
      ...(c?.phones[0] ? { phone: c.phones[0] } : {}),
      ...(nameOnly ? { nameOnly: true } : {}),
      ...(r.displayName ? { displayName: r.displayName.slice(0, 300) } : {}),
      ...(r.signals || declinedInMail
        ? {
            linkedin: {
              ...(r.signals?.degree ? { degree: r.signals.degree } : {}),
              ...(r.signals?.openTo ? { openTo: r.signals.openTo } : {}),
              ...(declinedInMail ? { declinedInMail: true } : {}),
              ...(r.signals?.restrictedVisibility ? { restrictedVisibility: true } : {}),
            },
          }
        : {}),
    },
    ledger,
    ...(message ? { message } : {}),
    ...(settings.products.length > 0 ? { products: settings.products } : {}),
    policy: policyOf(settings),
  };
}

/** The ledger's source kinds, as the disclosure names them. */
function disclosureSourceOf(source: SourceKind | undefined, detail: string | undefined, channel: Channel): DisclosureSource {
  switch (source) {
    case 'company_website':
      return { kind: 'company_website', ...(detail ? { detail } : {}) };
    case 'linkedin_manual':
    case 'linkedin_tool':
      return { kind: 'linkedin' };
    case 'referral':
      return { kind: 'referral', ...(detail ? { detail } : {}) };
    case 'kvk':
      return { kind: 'kvk' };
    case 'event_list':
      return { kind: 'event', ...(detail ? { detail } : {}) };
    case 'data_subject':
      return { kind: 'data_subject', ...(detail ? { detail } : {}) };
    case undefined:
      return channel.startsWith('linkedin') ? { kind: 'linkedin' } : { kind: 'other', ...(detail ? { detail } : {}) };
    default:
      return { kind: 'other', ...(detail ? { detail } : {}) };
  }
}

/** Sources that do not say where the data came from (an old list, "unknown"): a call opening cannot name them. */
function sourceUnstated(source: SourceKind): boolean {
  return source === 'unknown' || source === 'legacy_import';
}

/** Fixes that change a written message; a call check offers none of them. */
const messageFixes: ReadonlySet<FixKind> = new Set(['insert-disclosure', 'add-optout', 'edit-message', 'remove-recipient']);

/** Turns the free-text opt-out setting into the disclosure's opt-out method. */
function optOutOf(method: string): DisclosureSettings['optOut'] {
  const m = method.trim();
  if (/^https?:\/\//i.test(m)) return { method: 'link', url: m };
  const email = normalizeEmail(m.replace(/^mailto:/i, ''));
  if (email) return { method: 'email', address: email };
  return { method: 'reply' };
}

/** The notice's organisation details; only used once missingForNotice() is empty (no "[placeholder]" ever goes out). */
export function disclosureSettingsOf(settings: Settings, lang: 'nl' | 'en'): DisclosureSettings {
  const o = settings.organisation;
  return {
    legalName: o.legalName.trim(),
    contact: o.contact.trim(),
    privacyUrl: o.privacyUrl.trim(),
    optOut: optOutOf(o.optOutMethod),
    ...(o.dpo ? { dpo: o.dpo } : {}),
    product: lang === 'nl' ? 'onze producten en diensten' : 'our products and services',
  };
}

/** The basis the notice names: only one the register holds for this person (none: the notice names none). */
function basisForDisclosure(facts: RecipientFacts | undefined): 'legitimate_interest' | 'consent' | 'customer' | null {
  const types = new Set(facts?.bases.map((b) => b.type));
  if (types.has('consent')) return 'consent';
  if (types.has('customer')) return 'customer';
  if (types.has('legitimate_interest')) return 'legitimate_interest';
  return null;
}

/**
 * The first-contact text in one language: the rep's own template from Settings when there is one (its
 * required items were checked when it was saved), otherwise the standard §4.4 text.
 */
export function disclosureText(
  settings: Settings,
  channel: Channel,
  source: DisclosureSource,
  basis: 'legitimate_interest' | 'consent' | 'customer' | null,
  lang: 'nl' | 'en',
): string {
  const family = channel.startsWith('linkedin') ? 'linkedin' : 'email';
  const custom = settings.disclosureTemplates.find((t) => t.channel === family && t.language === lang && t.text.trim());
  const base = disclosureSettingsOf(settings, lang);
  if (!custom) return generateDisclosure(base, source, lang, basis);
  return renderTemplate(custom.text, {
    legalName: base.legalName,
    contact: base.contact,
    privacyUrl: base.privacyUrl,
    optOut: settings.organisation.optOutMethod,
    dpo: settings.organisation.dpo,
    product: base.product,
    source: sourceNoun(source, lang),
    callerName: settings.rep.name,
  });
}

/** The phone opening: the rep's own call template when there is one, else the standard §4.4 opening. */
function callOpening(settings: Settings, input: Parameters<typeof generateCallOpening>[0]): string {
  const custom = settings.disclosureTemplates.find((t) => t.channel === 'call' && t.language === input.lang && t.text.trim());
  if (!custom) return generateCallOpening(input);
  return renderTemplate(custom.text, {
    legalName: input.legalName,
    contact: settings.organisation.contact,
    privacyUrl: settings.organisation.privacyUrl,
    optOut: settings.organisation.optOutMethod,
    dpo: settings.organisation.dpo,
    product: input.purpose,
    source: sourceNoun(input.source, input.lang),
    callerName: input.callerName,
  });
}

/** What the hold needs besides the verdict: the rep's language (unless it follows the browser) and whether setup is done. */
function uiOf(settings: Settings, setupNeeded: boolean): { lang?: 'nl' | 'en'; setupNeeded?: true } {
  return { ...(settings.language !== 'auto' ? { lang: settings.language } : {}), ...(setupNeeded ? { setupNeeded: true as const } : {}) };
}

/** The catalogue says which findings the disclosure clears: the dialog offers the insert exactly for those. */
const offersDisclosure = (f: Finding) => f.severity !== 'info' && f.fixes.some((x) => x.kind === 'insert-disclosure');

/** Findings every recipient shares are about the message itself: show them once. */
function splitCommon(perRecipient: RecipientVerdict[]): { common: Finding[]; recipients: RecipientVerdict[] } {
  if (perRecipient.length < 2) return { common: [], recipients: perRecipient };
  const signature = (f: Finding) => `${f.code}|${f.severity}|${f.title.en}`;
  const [first, ...rest] = perRecipient;
  const shared = new Set(first!.findings.map(signature).filter((s) => rest.every((r) => r.findings.some((f) => signature(f) === s))));
  if (shared.size === 0) return { common: [], recipients: perRecipient };
  const common = first!.findings.filter((f) => shared.has(signature(f)));
  return {
    common,
    recipients: perRecipient.map((r) => ({ ...r, findings: r.findings.filter((f) => !shared.has(signature(f))) })),
  };
}

export function createVerdictService(deps: VerdictServiceDeps) {
  const { ledger, now } = deps;

  async function factsAndTeam(keys: string[], at: Date) {
    const asked = withDomainKeys(keys);
    const [facts, team] = await Promise.all([ledger.factsForRecipient(keys, at), deps.teamSuppressionsFor(asked)]);
    // An objection follows the person (GDPR Art. 21(3)): one recorded under another identity of the matched
    // contact (Jan's e-mail, for a DM to his profile) binds too. Asked only when the ledger knew more keys.
    const more = withDomainKeys(facts.keys).filter((k) => !asked.includes(k));
    return { facts, team: more.length > 0 ? [...team, ...(await deps.teamSuppressionsFor(more))] : team };
  }

  /** The verdict for a draft to these recipients (the guard's question). */
  async function forDraft(request: DraftRequest): Promise<GuardVerdict> {
    const at = now();
    const settings = await ledger.getSettings();
    if (request.recipients.length === 0) {
      const findings = pageFactVerdict(request.channel, settings, at, 'none').findings;
      return {
        decision: decisionOf(findings),
        recipients: [],
        findings,
        overridesAllowed: settings.policy.overridesAllowed,
        overrideNeedsReason: settings.policy.overrideNeedsReason,
        overridable: overridableFor(findings, settings),
        justificationRequired: settings.policy.overrideNeedsReason && justificationRequiredOf(findings),
        ...uiOf(settings, missingForNotice(settings.organisation).length > 0),
      };
    }
    const fingerprint = request.message.body.trim() ? await bodyFingerprint(request.message.body, request.recipients) : undefined;
    const recentSimilarSends = fingerprint
      ? await ledger.countRecentSimilarSends(fingerprint, new Date(at.getTime() - DAY_MS).toISOString())
      : undefined;
    const message: OutreachInput['message'] = {
      ...(request.message.subject ? { subject: request.message.subject } : {}),
      body: request.message.body,
      recipientCount: request.recipients.length,
      automated: false,
      ...(request.message.classificationOverride ? { classificationOverride: request.message.classificationOverride } : {}),
      ...(request.message.products?.length ? { products: request.message.products } : {}),
      ...(request.message.replyToRecipient !== undefined ? { context: { replyToRecipient: request.message.replyToRecipient } } : {}),
    };
    const factsByKey = new Map<string, RecipientFacts>();
    let products: ProductRef[] | undefined;
    const perRecipient: RecipientVerdict[] = await Promise.all(
      request.recipients.map(async (r): Promise<RecipientVerdict> => {
        const keys = keysOfPageRecipient(r);
        if (r.unreadable || (keys.length === 0 && !r.weakMatch)) {
          const findings = pageFactVerdict(request.channel, settings, at, 'unreadable', r).findings;
          return { key: r.key, decision: decisionOf(findings), findings, label: labelOf(r, undefined), known: false, weakMatch: !!r.weakMatch, overridable: overridableFor(findings, settings) };
        }
        const { facts, team } = await factsAndTeam(keys, at);
        factsByKey.set(r.key, facts);
        const verdict = evaluateOutreach(inputFor('send_message', request.channel, r, facts, team, settings, at, message, recentSimilarSends));
        if (verdict.products) products = verdict.products;
        const findings = verdict.findings;
        return {
          key: r.key,
          decision: decisionOf(findings),
          findings,
          label: labelOf(r, facts),
          known: facts.known,
          weakMatch: !!r.weakMatch,
          overridable: overridableFor(findings, settings),
        };
      }),
    );
    const { common, recipients } = splitCommon(perRecipient);
    const decision = worstDecision([...perRecipient.map((r) => r.decision)]);
    const needsDisclosure = perRecipient.find((r) => r.findings.some(offersDisclosure));
    // Before the organisation is set up no notice is offered: the hold opens the setup instead.
    const setupNeeded = missingForNotice(settings.organisation).length > 0;
    let disclosure: Localized | undefined;
    if (needsDisclosure && !setupNeeded) {
      const facts = factsByKey.get(needsDisclosure.key);
      const prov = facts?.provenance[0];
      const source = disclosureSourceOf(prov?.source, prov?.detail ?? prov?.url, request.channel);
      const basis = basisForDisclosure(facts);
      disclosure = {
        nl: disclosureText(settings, request.channel, source, basis, 'nl'),
        en: disclosureText(settings, request.channel, source, basis, 'en'),
      };
    }
    return {
      decision,
      recipients,
      findings: common,
      ...(disclosure ? { disclosure } : {}),
      overridesAllowed: settings.policy.overridesAllowed,
      overrideNeedsReason: settings.policy.overrideNeedsReason,
      overridable: perRecipient.every((r) => r.overridable !== false),
      justificationRequired: settings.policy.overrideNeedsReason && perRecipient.some((r) => justificationRequiredOf(r.findings)),
      ...(products ? { products } : {}),
      ...uiOf(settings, setupNeeded),
    };
  }

  /** The popup's look-up: a person by e-mail, phone or LinkedIn URL, for a channel, with no draft. */
  async function lookup(input: { email?: string; phone?: string; linkedinUrl?: string; channel: Channel }) {
    const at = now();
    const keys = identityKeysOf({
      emails: [input.email],
      phones: [input.phone],
      linkedin: input.linkedinUrl ? { profileUrl: input.linkedinUrl } : null,
    });
    if (keys.length === 0) {
      throw new LookupInputError('Enter a valid e-mail address, phone number or LinkedIn profile URL.');
    }
    const settings = await ledger.getSettings();
    const { facts, team } = await factsAndTeam(keys, at);
    const recipient: PageRecipient = {
      key: keys[0]!,
      ...(input.email ? { email: input.email } : {}),
      ...(input.linkedinUrl ? { linkedin: { profileUrl: input.linkedinUrl } } : {}),
    };
    const action = input.channel === 'call' ? 'call' : 'send_message';
    const verdict = evaluateOutreach(inputFor(action, input.channel, recipient, facts, team, settings, at, undefined));
    return {
      decision: verdict.decision,
      findings: verdict.findings,
      label: facts.contact?.name ?? input.email ?? input.phone ?? input.linkedinUrl ?? keys[0]!,
      known: facts.known,
      ...(facts.contact ? { contactId: facts.contact.id } : {}),
      keys,
    };
  }

  /** The call check: may this number be called today, and the opening to read out. */
  async function callCheck(input: { phone?: string; contactId?: string; purpose?: string; callerName?: string; answeredBy?: 'legal_person' | 'natural_person' }) {
    const at = now();
    const settings = await ledger.getSettings();
    const contact = input.contactId ? await ledger.getContact(input.contactId) : undefined;
    if (input.contactId && !contact) throw new LookupInputError('This contact no longer exists.');
    const phoneE164 = normalizePhone(input.phone ?? contact?.phones[0] ?? '');
    if (!phoneE164 && !contact) throw new LookupInputError('Enter a valid phone number (for example 06 12345678 or +31 20 123 4567).');
    const keys = contact
      ? identityKeysOf({ emails: contact.emails, phones: contact.phones, linkedin: { ...(contact.linkedin.memberIds[0] ? { memberId: contact.linkedin.memberIds[0] } : {}), ...(contact.linkedin.vanities[0] ? { vanity: contact.linkedin.vanities[0] } : {}) } })
      : [`phone:${phoneE164}`];
    if (phoneE164 && !keys.includes(`phone:${phoneE164}`)) keys.push(`phone:${phoneE164}`);
    const { facts, team } = await factsAndTeam(keys, at);
    const prov = facts.provenance[0];
    // Art. 14(2)(f): the opening names the source the ledger holds, never a guessed "public source"; when the
    // ledger has none, the rep is asked to say it (a visible placeholder, not invented words).
    const sourceKnown = prov !== undefined && !sourceUnstated(prov.source);
    const sourceFor = (lang: 'nl' | 'en'): DisclosureSource =>
      sourceKnown
        ? disclosureSourceOf(prov.source, prov.detail ?? prov.url, 'call')
        : { kind: 'other', detail: lang === 'nl' ? '[zeg waar u dit nummer vandaan hebt]' : '[say where you got this number]' };
    const purposeNl = input.purpose?.trim() || 'onze producten en diensten';
    const purposeEn = input.purpose?.trim() || 'our products and services';
    const callerName = input.callerName?.trim() || settings.rep.name || '[uw naam]';
    const legalName = settings.organisation.legalName || '[bedrijfsnaam]';
    const opening = {
      nl: callOpening(settings, { callerName, legalName, purpose: purposeNl, source: sourceFor('nl'), lang: 'nl' }),
      en: callOpening(settings, {
        callerName: input.callerName?.trim() || settings.rep.name || '[your name]',
        legalName: settings.organisation.legalName || '[company name]',
        purpose: purposeEn,
        source: sourceFor('en'),
        lang: 'en',
      }),
    };
    const recipient: PageRecipient = { key: keys[0]!, ...(contact?.name ? { displayName: contact.name } : {}) };
    const input2 = inputFor('call', 'call', recipient, facts, team, settings, at, { body: opening.nl, recipientCount: 1, automated: false });
    input2.recipient.address = { value: phoneE164 ?? undefined };
    // Tw 11.7(2): the opt-in for calls is for natural persons; a legal person's line is opt-out (NL-TM-03).
    // Only the rep can tell who picks up an unknown landline, so the page asks and checks again.
    const stored = facts.contact?.recipientKind;
    const storedKind: RecipientKind = recipientKinds.find((k) => k === stored) ?? 'unknown';
    const answered: RecipientKind | undefined =
      input.answeredBy === 'legal_person' ? 'legal_person' : input.answeredBy === 'natural_person' ? 'natural_professional' : undefined;
    const recipientKind: RecipientKind = storedKind !== 'unknown' ? storedKind : (answered ?? 'unknown');
    if (storedKind === 'unknown' && answered) {
      input2.recipient.kind = answered;
      // "the switchboard or a company line": a role line, not a person's data (legal-rules NL-TM-03)
      if (answered === 'legal_person') input2.recipient.address = { ...input2.recipient.address, kind: 'phone_switchboard' };
    }
    const verdict = evaluateOutreach(input2);
    const line: 'mobile' | 'landline' | undefined = phoneE164 ? (inferAddress(phoneE164).addressKind === 'phone_mobile' ? 'mobile' : 'landline') : undefined;
    return {
      decision: verdict.decision,
      // A call has no text to fix: only the fixes a rep can act on before or during a call are offered.
      findings: verdict.findings.map((f) => ({ ...f, fixes: f.fixes.filter((x) => !messageFixes.has(x.kind)) })),
      label: contact?.name ?? phoneE164 ?? '',
      known: facts.known,
      recipientKind,
      sourceKnown,
      ...(line ? { line } : {}),
      ...(facts.contact ? { contactId: facts.contact.id } : {}),
      ...(phoneE164 ? { phoneE164 } : {}),
      opening,
    };
  }

  /**
   * The recipients no "send anyway" may pass: erased, or with a person-level objection (personal or the
   * team's) that covers this channel. GDPR Art. 17 and 21(3) admit no business reason, so the background
   * refuses such an override whatever the page claims; the dialog hiding the button is not enough.
   */
  async function hardHolds(channel: Channel, recipients: readonly PageRecipient[]): Promise<string[]> {
    const group = channel === 'email' ? 'email' : channel.startsWith('linkedin') ? 'linkedin' : 'phone';
    const covers = (s: { scope: string; level: string }) => s.level === 'person' && (s.scope === 'all' || s.scope === group);
    const at = now();
    const held: string[] = [];
    for (const r of recipients) {
      const keys = keysOfPageRecipient(r);
      if (keys.length === 0) continue;
      const { facts, team } = await factsAndTeam(keys, at);
      if (facts.erased || facts.suppressions.some(covers) || team.some(covers)) held.push(labelOf(r, facts));
    }
    return held;
  }

  return { forDraft, lookup, callCheck, hardHolds };
}

export type VerdictService = ReturnType<typeof createVerdictService>;

/** Bad look-up input: shown to the user as is. */
export class LookupInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupInputError';
  }
}
