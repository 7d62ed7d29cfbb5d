import { describe, expect, test } from 'vitest';
import { LedgerError } from '../../../lib/ledger/errors';
import { consentBasis, freshLedger } from './helpers';

const jan = { name: 'Jan Jansen', emails: ['Jan@Acme.nl'], phones: ['06 12345678'], linkedin: ['https://www.linkedin.com/in/jan-jansen/'] };

describe('evidence', () => {
  test('stores a file as a Blob with its SHA-256 and gives it back intact', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan, { basis: consentBasis });
    const basisId = (await ledger.contactPage(r.id)).bases[0]!.id;
    const bytes = new TextEncoder().encode('RIFF....fake call recording');
    const saved = await ledger.addEvidenceFile({ contactId: r.id, basisId, date: '2026-02-01', fileName: 'call.wav', mime: 'audio/wav', bytes });
    const { createHash } = await import('node:crypto');
    expect(saved.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const back = await ledger.getEvidenceFile(saved.id);
    expect(new TextDecoder().decode(back.bytes)).toBe('RIFF....fake call recording');
    expect((await ledger.contactPage(r.id)).bases[0]!.evidenceIds).toEqual([saved.id]);
  });

  test('a file over 25 MB is refused with a clear message and nothing is stored', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan);
    const err = await ledger
      .addEvidenceFile({ contactId: r.id, date: '2026-02-01', fileName: 'big.wav', mime: 'audio/wav', bytes: new Uint8Array(26 * 1024 * 1024) })
      .catch((e: unknown) => e);
    expect((err as LedgerError).code).toBe('too-large');
    expect((err as Error).message).toMatch(/25 MB/);
    expect(await ledger.db.evidence.count()).toBe(0);
  });
});
