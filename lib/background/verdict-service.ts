import { identityKeysOf, keysOfPageRecipient, withDomainKeys } from '../identity/keys';
import { normalizePhone } from '../identity/normalize';
import type { Ledger, RecipientFacts } from '../ledger/repository';
import { type Settings } from '../model/settings';
import { recipientKinds } from '../model/vocabulary';

type RecipientKind = (typeof recipientKinds)[number];
import { bodyFingerprint } from '../rules/fingerprint';
import type { PageRecipient } from '../messaging/common';
import type { Localized } from '../model/localized';
import type { Channel } from '../model/vocabulary';
import type { GuardVerdict, RecipientVerdict } from '../messaging/guard';
import { decisionOf, evaluateOutreach, inferAddress, worstDecision, type DisclosureSource, type Finding, type OutreachInput } from '../rules';
import { missingForNotice } from '../rules/disclosure';
import type { ProductRef } from '../rules/products';
import { justificationRequiredOf } from '../rules/verdict';
import type { TeamSuppression } from '../sync/engine';
import { DAY_MS, inputFor, labelOf, overridableFor, pageFactVerdict } from './verdict-input';
import { basisForDisclosure, callOpening, disclosureSourceOf, disclosureText, messageFixes, sourceUnstated } from './disclosure-text';

export { disclosureText, disclosureSettingsOf } from './disclosure-text';
export { inputFor } from './verdict-input';

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


/** What the hold needs besides the verdict: the rep's language (unless it follows the browser) and whether setup is done. */
function uiOf(settings: Settings, setupNeeded: boolean): { lang?: 'nl' | 'en'; setupNeeded?: true } {
  return { ...(settings.language !== 'auto' ? { lang: settings.language } : {}), ...(setupNeeded ? { setupNeeded: true as const } : {}) };
}

/** What the hold needs to let the rep pick the draft's products: the catalogue's names, and whether they picked. */
function productChoiceOf(settings: Settings, picked: string[] | undefined): { catalogue?: string[]; productsChosen?: true } {
  if (settings.products.length === 0) return {};
  return { catalogue: settings.products.map((p) => p.name.trim()).slice(0, 500), ...(picked ? { productsChosen: true as const } : {}) };
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
      ...(request.message.products ? { products: request.message.products } : {}),
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
      ...productChoiceOf(settings, request.message.products),
      ...uiOf(settings, setupNeeded),
    };
  }

  /**
   * The side panel's people: each person's standing with no message yet (the hold judges the text at send), so
   * a profile or an empty compose is not "blocked" for a missing opt-out line nobody has written yet.
   */
  async function forPeople(channel: Channel, recipients: readonly PageRecipient[]): Promise<Array<{ verdict: RecipientVerdict; facts?: RecipientFacts }>> {
    const at = now();
    const settings = await ledger.getSettings();
    return Promise.all(
      recipients.map(async (r) => {
        const keys = keysOfPageRecipient(r);
        if (r.unreadable || keys.length === 0) {
          const findings = pageFactVerdict(channel, settings, at, 'unreadable', r).findings;
          return { verdict: { key: r.key, decision: decisionOf(findings), findings, label: labelOf(r, undefined), known: false, weakMatch: !!r.weakMatch } };
        }
        const { facts, team } = await factsAndTeam(keys, at);
        const findings = evaluateOutreach(inputFor('send_message', channel, r, facts, team, settings, at, undefined)).findings;
        return { verdict: { key: r.key, decision: decisionOf(findings), findings, label: labelOf(r, facts), known: facts.known, weakMatch: !!r.weakMatch }, facts };
      }),
    );
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

  return { forDraft, forPeople, lookup, callCheck, hardHolds };
}

export type VerdictService = ReturnType<typeof createVerdictService>;

/** Bad look-up input: shown to the user as is. */
export class LookupInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupInputError';
  }
}
