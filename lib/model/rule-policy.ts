import { z } from 'zod';

// Per rule code, what the organisation lets a rep do when it fires (Settings; the rules engine applies it).

export const RULE_ACTIONS = ['block', 'override', 'warn'] as const;
export const ruleActionSchema = z.enum(RULE_ACTIONS);
export type RuleAction = z.infer<typeof ruleActionSchema>;

const RULE_CODE = /^[A-Z]{2,}(?:-[A-Za-z0-9]+)+$/;

/** Per rule code (e.g. "NL-EM-01"), the action the organisation chose. Codes left out use the default. */
export const rulePolicySchema = z.record(z.string(), ruleActionSchema).superRefine((rules, ctx) => {
  for (const code of Object.keys(rules)) {
    if (!RULE_CODE.test(code)) ctx.addIssue({ code: 'custom', path: [code], message: `"${code}" is not a rule code (expected e.g. NL-EM-01)` });
  }
});
export type RulePolicy = z.infer<typeof rulePolicySchema>;
