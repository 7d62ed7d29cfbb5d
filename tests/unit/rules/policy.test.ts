import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import { overrideJustificationSchema, policyFor, rulePolicySchema } from '../../../lib/rules/policy';
import { BASE, CONSENT, DRAFT_LI_NL, LI_BASIS, mk } from './fixtures';

// Hard holds and the organisation's per-rule policy (issue 12 item 6): an objection or erasure can never be
// overridden; every other rule follows the policy (block / override with a justification / warn).

const cold = mk({ ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } });
const objected = mk({ ledger: { bases: [CONSENT], suppressions: [{ scope: 'all', level: 'person', matchedOn: 'strong', source: 'personal' }] } });
const erased = mk({ ledger: { erased: true } });
const withRules = (input: typeof BASE, rules: Record<string, 'block' | 'override' | 'warn'>) => ({ ...input, policy: { rules } });

describe('hard holds', () => {
  test.each([
    ['an objection on record (GD-10, OB-01)', objected],
    ['an erasure (GD-12)', erased],
  ])('%s is never overridable, whatever the policy says', (_, input) => {
    const v = evaluateOutreach(input);
    expect(v.decision).toBe('block');
    expect(v.overridable).toBe(false);
    const relaxed = evaluateOutreach(withRules(input, { 'GD-10': 'warn', 'OB-01': 'warn', 'GD-12': 'warn' }));
    expect(relaxed.overridable).toBe(false);
    expect(relaxed.findings.filter((f) => ['GD-10', 'GD-12'].includes(f.code)).every((f) => f.policy === 'hard')).toBe(true);
  });

  test('a name-only match (OB-01 warn) asks the rep to check but is not a hard hold', () => {
    const v = evaluateOutreach(mk({ ledger: { bases: [CONSENT], suppressions: [{ scope: 'all', level: 'person', matchedOn: 'fuzzy', source: 'personal' }] } }));
    expect(v.findings.find((f) => f.code === 'OB-01')).toMatchObject({ severity: 'warn', policy: 'override' });
    expect(v.overridable).toBe(true);
  });
});

describe('per-rule policy', () => {
  test('by default a block may be overridden with a justification (today\'s behaviour)', () => {
    const v = evaluateOutreach(cold);
    expect(v.decision).toBe('block');
    expect(v.overridable).toBe(true);
    expect(v.findings.find((f) => f.code === 'NL-EM-01')?.policy).toBe('override');
  });

  test('"block" for a rule takes "Send anyway" away; "warn" keeps it', () => {
    expect(evaluateOutreach(withRules(cold, { 'NL-EM-01': 'block' })).overridable).toBe(false);
    const warned = evaluateOutreach(withRules(cold, { 'NL-EM-01': 'warn' }));
    expect(warned.overridable).toBe(true);
    expect(warned.findings.find((f) => f.code === 'NL-EM-01')?.policy).toBe('warn');
  });

  test('info findings carry no policy: there is nothing to override', () => {
    const v = evaluateOutreach(BASE);
    expect(v.findings.every((f) => f.severity !== 'info' || f.policy === undefined)).toBe(true);
  });

  test('the global "no overrides" switch still wins', () => {
    expect(evaluateOutreach({ ...cold, policy: { overridesAllowed: false } }).overridable).toBe(false);
  });

  test.each([
    ['GD-10', 'block', { 'GD-10': 'warn' as const }, 'hard'],
    ['OB-01', 'block', {}, 'hard'],
    ['OB-01', 'warn', {}, 'override'],
    ['NL-EM-05', 'block', { 'NL-EM-05': 'block' as const }, 'block'],
    ['GD-02', 'warn', { 'GD-02': 'warn' as const }, 'warn'],
    ['NC-01', 'info', { 'NC-01': 'block' as const }, undefined],
  ])('policyFor(%s, %s) with %o is %s', (code, severity, rules, expected) => {
    expect(policyFor(code, severity as 'block' | 'warn' | 'info', rules)).toBe(expected);
  });

  test('a policy naming something that is not a rule code is refused with a message', () => {
    const r = rulePolicySchema.safeParse({ 'not a code': 'warn' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('rule code');
  });
});

describe('override justification', () => {
  test('a reason of only spaces is refused with a message that says so', () => {
    const r = overrideJustificationSchema.safeParse({ kind: 'recipient-asked', text: '     ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/spaces alone/);
  });
  test('a reason from the list plus own words is accepted', () => {
    expect(overrideJustificationSchema.parse({ kind: 'not-marketing', text: 'Factuur, geen aanbod' }).kind).toBe('not-marketing');
  });
  test('a reason that is not on the list is refused', () => {
    expect(overrideJustificationSchema.safeParse({ kind: 'because', text: 'just because' }).success).toBe(false);
  });
});
