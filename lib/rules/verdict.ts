import { z } from 'zod';
import { findingPolicySchema } from './policy';
import { productRefSchema } from './products';

// The verdict contract is fixed by issue #3 (outside acceptance suites use it): keep these names and shapes.

export const severitySchema = z.enum(['block', 'warn', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const decisionSchema = z.enum(['block', 'warn', 'allow']);
export type Decision = z.infer<typeof decisionSchema>;

const localized = z.object({ nl: z.string(), en: z.string() });

/** What the interface can offer to clear a finding. */
export const fixKindSchema = z.enum([
  'insert-disclosure',
  'record-basis',
  'add-optout',
  'remove-recipient',
  'do-not-contact',
  'warm-introduction',
  'delete-record',
  'verify-consent',
  'edit-message',
]);
export type FixKind = z.infer<typeof fixKindSchema>;

export const fixSchema = z.object({
  kind: fixKindSchema,
  label: localized,
});
export type Fix = z.infer<typeof fixSchema>;

export const findingSchema = z.object({
  /** exactly a rule code of docs/research/legal-rules.md §3, or a MISSING-* code for an unknown fact */
  code: z.string(),
  severity: severitySchema,
  title: localized,
  explanation: localized,
  /** the legal sources, as a Dutch reader cites them */
  citations: z.array(z.string()),
  /** the same sources as an English reader cites them ("GDPR Art. 21(4)"); show these in the English interface */
  citationsEn: z.array(z.string()).optional(),
  fixes: z.array(fixSchema),
  /**
   * What the organisation's policy lets the rep do about this finding (warn and block findings only):
   * `hard` never (objection, erasure), `block` no override, `override` with a justification, `warn` send after reading.
   */
  policy: findingPolicySchema.optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const verdictSchema = z.object({
  decision: decisionSchema,
  findings: z.array(findingSchema),
  /** "Send anyway" may be offered: no hard hold fired and the policy blocks none of the findings that hold */
  overridable: z.boolean(),
  /** the catalogue products the draft is about (found by name or alias, or picked by the rep) */
  products: z.array(productRefSchema).optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;

const rank: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

/** The decision is the highest severity that fired; info only (or nothing) allows. */
export function decisionOf(findings: readonly Finding[]): Decision {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, rank[f.severity]);
  return worst === 2 ? 'block' : worst === 1 ? 'warn' : 'allow';
}

/** Worst of several decisions (one per recipient). */
export function worstDecision(decisions: readonly Decision[]): Decision {
  if (decisions.includes('block')) return 'block';
  if (decisions.includes('warn')) return 'warn';
  return 'allow';
}

/** Whether "Send anyway" may be offered for these findings (every holding finding allows an override or a warning). */
export function overridableOf(findings: readonly Finding[]): boolean {
  for (const f of findings) {
    if (f.severity === 'info') continue;
    if (f.policy === 'hard' || f.policy === 'block') return false;
  }
  return true;
}

/** Whether an override of these findings needs a justification (some holding finding's policy says `override`). */
export function justificationRequiredOf(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== 'info' && f.policy !== 'warn');
}
