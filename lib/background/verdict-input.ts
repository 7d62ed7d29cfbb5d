import { keysOfPageRecipient } from '../identity/keys';
import { normalizeEmail } from '../identity/normalize';
import type { RecipientFacts } from '../ledger/repository';
import { toRulesLedgerFacts } from '../ledger/facts';
import type { Settings } from '../model/settings';

import type { PageRecipient } from '../messaging/common';
import type { Channel } from '../model/vocabulary';
import { evaluateOutreach, type Finding, type OutreachInput } from '../rules';
import { overridableOf } from '../rules/verdict';
import type { TeamSuppression } from '../sync/engine';

// The engine's input for one recipient of a draft: what the page saw joined with what the ledger and the
// team know, and the policy from the settings. Split from verdict-service.ts, which runs the engine on it.

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the page could not show (no recipient, an unreadable address) is an input fact of the engine: the
 * findings and their wording come from the rules catalogue like every other (issue 16 item 5).
 */
export function pageFactVerdict(channel: Channel, settings: Settings, now: Date, status: 'unreadable' | 'none', r?: PageRecipient) {
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

export function overridableFor(findings: readonly Finding[], settings: Settings): boolean {
  return settings.policy.overridesAllowed && overridableOf(findings);
}

export function labelOf(r: PageRecipient, facts: RecipientFacts | undefined): string {
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
