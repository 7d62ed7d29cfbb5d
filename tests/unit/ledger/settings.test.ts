import { describe, expect, test } from 'vitest';
import { LedgerError } from '../../../lib/ledger/errors';
import { freshLedger } from './helpers';

describe('settings', () => {
  test('defaults when nothing is stored', async () => {
    const s = await freshLedger().getSettings();
    expect(s.policy).toMatchObject({ mode: 'strict', consentMaxAgeMonths: 24, retentionMonths: 12, telemarketingCutover: '2026-07-01' });
  });
  test('a damaged stored value is repaired field by field on read', async () => {
    const ledger = freshLedger();
    await ledger.db.settings.put({
      key: 'settings',
      value: { organisation: { legalName: 'Acme B.V.', privacyUrl: 42 }, policy: { mode: 'wild', retentionMonths: 6 }, language: 'nl' },
    });
    const s = await ledger.getSettings();
    expect(s.organisation.legalName).toBe('Acme B.V.');
    expect(s.organisation.privacyUrl).toBe('');
    expect(s.policy.mode).toBe('strict');
    expect(s.policy.retentionMonths).toBe(6);
    expect(s.language).toBe('nl');
  });
  test('invalid settings are refused naming the field', async () => {
    const err = await freshLedger()
      .saveSettings({ policy: { consentMaxAgeMonths: -1 } } as never)
      .catch((e: unknown) => e);
    expect((err as LedgerError).where).toBe('policy.consentMaxAgeMonths');
  });
});
