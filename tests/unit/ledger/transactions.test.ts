import { describe, expect, test } from 'vitest';
import { consentBasis, freshLedger } from './helpers';

// "Transaction committed too early" (seen in the side-panel e2e): a write transaction must only ever wait
// on IndexedDB requests, also while other requests run in the same service worker. fake-indexeddb closes a
// transaction at the first await on anything else (WebCrypto, a timer, browser.*), so a regression fails here.

describe('write transactions under concurrent work', () => {
  test('saves with basis and provenance, evidence files and lookups all succeed while WebCrypto work runs alongside', async () => {
    const ledger = freshLedger();
    const { id: first } = await ledger.saveContact({ name: 'Eerste Klant', emails: ['eerste@acme.nl'] });
    const errors: string[] = [];
    const guard = <T>(p: Promise<T>) => p.catch((e: unknown) => void errors.push(String(e)));
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      work.push(
        guard(ledger.saveContact({ name: `Persoon ${i}`, emails: [`p${i}@acme.nl`] }, { provenance: { source: 'data_subject', obtainedAt: '2026-01-01' }, basis: consentBasis })),
        guard(ledger.addEvidenceFile({ contactId: first, date: '2026-01-01', fileName: `opname-${i}.txt`, mime: 'text/plain', bytes: new Uint8Array(20_000 + i).fill(i) })),
        guard(ledger.saveBasis(first, consentBasis)),
        crypto.subtle.digest('SHA-256', new Uint8Array(100_000)),
        guard((async () => (await crypto.subtle.digest('SHA-256', new Uint8Array(1000)), ledger.factsForRecipient([`email:p${i}@acme.nl`])))()),
        guard(ledger.listContacts({ query: 'persoon' })),
      );
    }
    await Promise.all(work);
    expect(errors).toEqual([]);
    // Everything written is there, and the audit chain (appended inside each transaction) is whole.
    expect((await ledger.listContacts({ query: 'persoon' })).total).toBe(40);
    const page = await ledger.contactPage(first);
    expect(page.evidence).toHaveLength(40);
    expect(page.bases).toHaveLength(40);
    expect(await ledger.verifyAudit()).toMatchObject({ ok: true, count: 1 + 40 * 3 });
  });
});
