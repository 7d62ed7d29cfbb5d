import { describe, expect, test } from 'vitest';
import { freshLedger } from './helpers';

const jan = { name: 'Jan Jansen', emails: ['Jan@Acme.nl'], phones: ['06 12345678'], linkedin: ['https://www.linkedin.com/in/jan-jansen/'] };

describe('call outcome', () => {
  test('"objected" records the objection and blocks the person on every channel', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan);
    const out = await ledger.logCallOutcome({ phoneKey: 'phone:+31612345678', outcome: 'objected', note: '', openingRead: true });
    expect(out.suppressionAdded).toBe(true);
    const f = await ledger.factsForRecipient(['email:jan@acme.nl']);
    expect(f.suppressions.map((s) => s.scope)).toContain('all');
    expect(f.events.objections).toBe(1);
    expect((await ledger.listContacts({ filters: { objection: true } })).items.map((c) => c.id)).toEqual([r.id]);
  });
});
