import { z } from 'zod';
import { RULE_ACTIONS, rulePolicySchema, ruleActionSchema, type RuleAction, type RulePolicy } from '../model/rule-policy';

// The organisation's override policy, like a mail-policy tool's: per rule, what a rep may do when it fires.
//   block    — no "Send anyway"; only fix the draft, remove the recipient or cancel
//   override — "Send anyway" with a justification picked from a list plus the rep's own words
//   warn     — the rep may send after reading the warning (no justification)
// An objection (GD-10, OB-01 on a strong match) or an erasure (GD-12) is a hard hold: GDPR Art. 21(3) and 17
// leave no room for a business reason, so no setting can make them overridable.

export { RULE_ACTIONS, ruleActionSchema, type RuleAction };

/** What a finding lets the rep do: a rule action, or `hard` for an objection or erasure. */
export const findingPolicySchema = z.enum(['hard', ...RULE_ACTIONS]);
export type FindingPolicy = z.infer<typeof findingPolicySchema>;

/** Codes that are always hard holds (OB-01 only on a strong match: a name-only match asks the rep to check). */
export const HARD_HOLD_CODES: readonly string[] = ['GD-10', 'GD-12', 'OB-01'];

/** The default for every other rule: today's behaviour, "Send anyway" with a reason. */
export const DEFAULT_RULE_ACTION: RuleAction = 'override';

export { rulePolicySchema, type RulePolicy };

/** Whether a finding of this code and severity is a hard hold. */
export function isHardHold(code: string, severity: 'block' | 'warn' | 'info'): boolean {
  if (code === 'OB-01') return severity === 'block';
  return HARD_HOLD_CODES.includes(code) && severity !== 'info';
}

/** What the policy allows for one finding; undefined for info findings (nothing to override). */
export function policyFor(code: string, severity: 'block' | 'warn' | 'info', rules: RulePolicy | undefined): FindingPolicy | undefined {
  if (severity === 'info') return undefined;
  if (isHardHold(code, severity)) return 'hard';
  return rules?.[code] ?? DEFAULT_RULE_ACTION;
}

// ── override justifications ────────────────────────────────────────────────
export const OVERRIDE_JUSTIFICATIONS = [
  'recipient-asked',
  'basis-not-yet-recorded',
  'not-marketing',
  'checked-with-privacy-officer',
  'other',
] as const;
export const overrideJustificationKindSchema = z.enum(OVERRIDE_JUSTIFICATIONS);
export type OverrideJustificationKind = z.infer<typeof overrideJustificationKindSchema>;

export const OVERRIDE_JUSTIFICATION_LABELS: Record<OverrideJustificationKind, { nl: string; en: string }> = {
  'recipient-asked': { nl: 'De ontvanger heeft hier zelf om gevraagd', en: 'The recipient asked for this' },
  'basis-not-yet-recorded': { nl: 'Er is een grondslag, maar die staat nog niet in het register', en: 'There is a basis, but it is not in the register yet' },
  'not-marketing': { nl: 'Dit bericht is geen reclame', en: 'This message is not marketing' },
  'checked-with-privacy-officer': { nl: 'Afgestemd met de privacyverantwoordelijke', en: 'Checked with the privacy officer' },
  other: { nl: 'Anders', en: 'Other' },
};

/** A rep's justification for "Send anyway": a choice from the list plus their own words (spaces alone are refused). */
export const overrideJustificationSchema = z.object({
  kind: overrideJustificationKindSchema,
  text: z
    .string()
    .max(2000)
    .refine((s) => s.trim().length >= 3, 'Write the reason in your own words (at least 3 characters; spaces alone do not count).'),
});
export type OverrideJustification = z.infer<typeof overrideJustificationSchema>;
