import { evaluateParsed } from './engine';
import { parseOutreachInput, type OutreachInput } from './input';
import type { Verdict } from './verdict';

// The public face of the rules engine (issue #3). Everything a rep sees comes from evaluateOutreach.

export { verdictSchema, findingSchema, fixSchema, decisionOf, worstDecision } from './verdict';
export type { Verdict, Finding, Fix, FixKind, Decision, Severity } from './verdict';
export { outreachInputSchema, parseOutreachInput } from './input';
export type { OutreachInput, ParsedOutreachInput } from './input';
export { analyzeMessage } from './analyze';
export type { MessageAnalysis } from './analyze';
export { generateDisclosure, generateCallOpening, sourceNoun } from './disclosure';
export type { DisclosureSettings, DisclosureSource } from './disclosure';
export { inferAddress, kindFromLegalForm, countryFromAddress, countryFromPhone } from './infer';

/**
 * Evaluate one outreach action. Invalid input throws a ZodError whose message names the field;
 * valid input never throws.
 */
export function evaluateOutreach(input: OutreachInput): Verdict {
  return evaluateParsed(parseOutreachInput(input));
}
