import { afterEach, expect } from 'vitest';
import { Ledger } from '../../../lib/ledger/repository';
import { keysMissingFromFilters } from './key-filter-check';

let n = 0;
const made: Ledger[] = [];

// After every test that used a fresh ledger: whatever it did, the import's key filters still cover every
// stored identity and suppression key.
afterEach(async () => {
  const ledgers = made.splice(0);
  for (const ledger of ledgers) {
    if (!ledger.db.isOpen()) continue;
    expect(await keysMissingFromFilters(ledger)).toEqual([]);
  }
});

/** A fresh ledger in its own fake-indexeddb database, with a fixed clock. */
export function freshLedger(now = '2026-03-01T10:00:00.000Z'): Ledger {
  let clock = new Date(now);
  const ledger = new Ledger({ name: `test-ledger-${Date.now()}-${n++}`, now: () => clock });
  made.push(ledger);
  (ledger as unknown as { setNow: (iso: string) => void }).setNow = (iso: string) => {
    clock = new Date(iso);
  };
  return ledger;
}

export function setNow(ledger: Ledger, iso: string) {
  (ledger as unknown as { setNow: (iso: string) => void }).setNow(iso);
}

export const consentBasis = {
  type: 'consent' as const,
  who: 'Jan Jansen',
  when: '2026-02-01',
  how: 'form' as const,
  what: { entity: 'Acme B.V.', products: ['software'], channels: ['email' as const] },
  shownText: 'Ja, Acme B.V. mag mij mailen over software.',
  capturedBy: 'webform',
};
