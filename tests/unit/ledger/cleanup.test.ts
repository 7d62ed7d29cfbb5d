import { describe, expect, test } from 'vitest';
import { consentBasis, freshLedger, setNow } from './helpers';

describe('clean-up', () => {
  test('finds records without a basis, old consent, retention exceeded and Art. 14 passed', async () => {
    const ledger = freshLedger('2024-01-01T00:00:00.000Z');
    const old = await ledger.saveContact({ name: 'Old', emails: ['old@x.nl'] }, { basis: { ...consentBasis, when: '2023-06-01' } });
    setNow(ledger, '2026-03-01T00:00:00.000Z');
    const legacy = await ledger.saveContact({ name: 'Legacy', emails: ['l@x.nl'] }, { provenance: { source: 'legacy_import', obtainedAt: '2026-01-01' } });
    const fine = await ledger.saveContact({ name: 'Fine', emails: ['f@x.nl'] }, { basis: consentBasis, provenance: { source: 'data_subject', obtainedAt: '2026-02-01' } });
    const scan = await ledger.cleanupScan();
    expect(scan.categories.no_provable_basis.ids).toEqual([legacy.id]);
    expect(scan.categories.consent_too_old.ids).toEqual([old.id]);
    expect(scan.categories.retention_exceeded.ids).toEqual([old.id]);
    expect(scan.categories.art14_passed.ids).toEqual([legacy.id]);
    expect(scan.total).toBe(2);
    const progress: number[] = [];
    const out = await ledger.eraseMany([old.id, legacy.id], 'clean-up', (d) => progress.push(d));
    expect(out.erased).toBe(2);
    expect(progress[progress.length - 1]).toBe(2);
    expect((await ledger.listContacts({})).items.map((c) => c.id)).toEqual([fine.id]);
  });
});
