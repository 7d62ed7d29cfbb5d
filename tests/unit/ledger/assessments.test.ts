import { describe, expect, test } from 'vitest';
import { LedgerError } from '../../../lib/ledger/errors';
import { freshLedger } from './helpers';

describe('assessments', () => {
  const lia = {
    title: 'B2B prospecting',
    interest: 'Selling software to companies',
    necessity: 'No less intrusive way to reach buyers',
    balancing: 'Business contacts expect relevant offers',
    retentionMonths: 12,
    reviewDate: '2027-01-01',
  };
  test('editing stores a new version and keeps the old one', async () => {
    const ledger = freshLedger();
    const a = await ledger.saveAssessment(lia as never);
    const b = await ledger.saveAssessment({ ...lia, id: a.id, retentionMonths: 6 } as never);
    expect(b).toEqual({ id: a.id, version: 2 });
    const got = await ledger.getAssessment(a.id);
    expect(got.versions).toEqual([1, 2]);
    expect(got.assessment.retentionMonths).toBe(6);
    expect((await ledger.getAssessment(a.id, 1)).assessment.retentionMonths).toBe(12);
  });
  test('an incomplete assessment names the missing step', async () => {
    const err = await freshLedger()
      .saveAssessment({ ...lia, necessity: '' } as never)
      .catch((e: unknown) => e);
    expect((err as LedgerError).where).toBe('necessity');
  });
});
