import { describe, expect, test } from 'vitest';
import { consentBasis, freshLedger } from './helpers';

describe('stress', () => {
  test('concurrent saves', async () => {
    const ledger = freshLedger();
    const errors: unknown[] = [];
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      work.push(
        ledger
          .saveContact({ name: `P ${i}`, emails: [`p${i}@acme.nl`] }, { provenance: { source: 'manual', obtainedAt: '2026-01-01' }, basis: consentBasis })
          .catch((e) => errors.push(e)),
      );
      work.push(crypto.subtle.digest('SHA-256', new Uint8Array(100000)));
      work.push(ledger.factsForRecipient([`email:p${i}@acme.nl`]).catch((e) => errors.push(e)));
      work.push(ledger.listContacts({ query: 'p' }).catch((e) => errors.push(e)));
    }
    await Promise.all(work);
    expect(errors.map(String)).toEqual([]);
  });
});
