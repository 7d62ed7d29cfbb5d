import { describe, expect, test } from 'vitest';
import { freshLedger } from './helpers';

const jan = { name: 'Jan Jansen', emails: ['Jan@Acme.nl'], phones: ['06 12345678'], linkedin: ['https://www.linkedin.com/in/jan-jansen/'] };

describe('audit chain', () => {
  test('every write is chained and verify passes', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    await ledger.addSuppressionForKeys(['email:x@y.nl'], { scope: 'all', reason: 'r', level: 'person' });
    const v = await ledger.verifyAudit();
    expect(v).toEqual({ ok: true, count: 2 });
  });

  test('an edited entry is detected and named', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    await ledger.saveContact({ name: 'Piet', emails: ['piet@acme.nl'] });
    await ledger.saveContact({ name: 'Klaas', emails: ['klaas@acme.nl'] });
    await ledger.db.audit.update(2, { actor: 'someone else' });
    expect(await ledger.verifyAudit()).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  test('a deleted entry in the middle or at the end is detected', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    await ledger.saveContact({ name: 'Piet', emails: ['piet@acme.nl'] });
    await ledger.saveContact({ name: 'Klaas', emails: ['klaas@acme.nl'] });
    await ledger.db.audit.delete(3);
    expect(await ledger.verifyAudit()).toMatchObject({ ok: false, brokenAtSeq: 3 });
    await ledger.db.audit.delete(2);
    expect(await ledger.verifyAudit()).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });
});
