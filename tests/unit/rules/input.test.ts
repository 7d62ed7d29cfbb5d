import { describe, expect, test } from 'vitest';
import { ZodError } from 'zod';
import { evaluateOutreach, outreachInputSchema, parseOutreachInput } from '../../../lib/rules';
import { BASE, mk } from './fixtures';

describe('invalid input gets a Zod error naming the field', () => {
  test.each([
    ['sendDate', { sendDate: 'yesterday' }, /sendDate/],
    ['sendDate not a real date', { sendDate: '2026-02-31x' }, /sendDate/],
    ['month 13', { sendDate: '2026-13-01' }, /sendDate/],
    ['ledger.obtainedAt', { ledger: { obtainedAt: '01-02-2026' } }, /ledger\.obtainedAt/],
    ['action', { action: 'spam' }, /action/],
    ['channel', { channel: 'fax' }, /channel/],
    ['recipient.address.kind', { recipient: { address: { kind: 'postbox' } } }, /recipient\.address\.kind/],
    ['recipient.country', { recipient: { country: 'Netherlands' } }, /recipient\.country/],
    ['ledger.bases.0.type', { ledger: { bases: [{ type: 'vibes' }] } }, /ledger\.bases\.0/],
    ['ledger.suppressions.0.level', { ledger: { suppressions: [{ scope: 'all', level: 'team', matchedOn: 'strong', source: 'team' }] } }, /ledger\.suppressions\.0\.level/],
    ['policy.mode', { policy: { mode: 'yolo' } }, /policy\.mode/],
    ['message.recipientCount', { message: { recipientCount: -1 } }, /message\.recipientCount/],
  ])('%s', (_name, patch, field) => {
    const bad = mk(patch);
    expect(() => evaluateOutreach(bad)).toThrow(ZodError);
    expect(() => evaluateOutreach(bad)).toThrow(field);
    expect(() => parseOutreachInput(bad)).toThrow(field);
  });

  test('a missing sender is named', () => {
    const { sender: _s, ...rest } = BASE;
    expect(() => parseOutreachInput(rest)).toThrow(/sender/);
  });

  test('not an object at all', () => {
    expect(() => parseOutreachInput(null)).toThrow(ZodError);
  });
});

describe('defaults', () => {
  test('a minimal input parses, with the strict policy and the 2026 cut-over', () => {
    const p = outreachInputSchema.parse({ action: 'send_message', channel: 'email', sendDate: '2026-03-01', sender: {}, recipient: {} });
    expect(p.policy).toEqual({ mode: 'strict', consentMaxAgeMonths: 24, retentionMonths: 12, telemarketingCutover: '2026-07-01', overridesAllowed: true });
    expect(p.ledger).toEqual({ known: false, relationships: [], bases: [], suppressions: [] });
  });

  test('a minimal cold send never answers allow (unknown facts get the strict answer)', () => {
    const v = evaluateOutreach({ action: 'send_message', channel: 'email', sendDate: '2026-03-01', sender: {}, recipient: {} });
    expect(v.decision).toBe('block');
    expect(v.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['MISSING-MESSAGE', 'MISSING-BASIS', 'GD-01', 'NL-EM-01']));
  });

  test('date-times are accepted as the clock', () => {
    expect(evaluateOutreach(mk({ sendDate: '2026-03-01T09:30:00+01:00' })).decision).toBe('allow');
  });
});
