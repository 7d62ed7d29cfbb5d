import { normalizeEmail } from '../identity/normalize';
import type { RecipientFacts } from '../ledger/repository';
import type { Settings } from '../model/settings';
import type { SourceKind } from '../model/vocabulary';
import type { Channel } from '../model/vocabulary';
import { generateCallOpening, generateDisclosure, sourceNoun, type DisclosureSettings, type DisclosureSource } from '../rules';
import type { FixKind } from '../rules/verdict';
import { renderTemplate } from '../rules/templates';

// The texts the verdict offers besides the findings: the first-contact disclosure built from the settings
// and what the ledger knows of the contact's source and basis, and the call opening.

/** The ledger's source kinds, as the disclosure names them. */
export function disclosureSourceOf(source: SourceKind | undefined, detail: string | undefined, channel: Channel): DisclosureSource {
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
export function sourceUnstated(source: SourceKind): boolean {
  return source === 'unknown' || source === 'legacy_import';
}

/** Fixes that change a written message; a call check offers none of them. */
export const messageFixes: ReadonlySet<FixKind> = new Set(['insert-disclosure', 'add-optout', 'edit-message', 'remove-recipient']);

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
export function basisForDisclosure(facts: RecipientFacts | undefined): 'legitimate_interest' | 'consent' | 'customer' | null {
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
export function callOpening(settings: Settings, input: Parameters<typeof generateCallOpening>[0]): string {
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
