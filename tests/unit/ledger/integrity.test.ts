import { describe, expect, test } from 'vitest';
import type { ImportRow } from '../../../lib/ledger/repository';
import { CONTACT_COUNT_KEY } from '../../../lib/ledger/repository';
import { consentBasis, freshLedger } from './helpers';

// One identity belongs to one contact; derived list flags follow the records they come from; the list
// index never keeps a snapshot from before a bulk write.

const holdersOf = async (ledger: ReturnType<typeof freshLedger>, key: string) => ledger.db.contacts.where('keys').equals(key).primaryKeys();

describe('one owner per identity', () => {
  test('a new contact whose e-mail is Anna’s and whose phone is Bob’s is refused, naming both; nothing changes', async () => {
    const ledger = freshLedger();
    const anna = await ledger.saveContact({ name: 'Anna', emails: ['anna@a.nl'] }, { basis: consentBasis });
    const bob = await ledger.saveContact({ name: 'Bob', phones: ['0612345678'] }, { basis: consentBasis });
    await expect(ledger.saveContact({ name: 'Anna of Bob', emails: ['anna@a.nl'], phones: ['06 12345678'] })).rejects.toMatchObject({
      code: 'duplicate-identity',
      message: expect.stringMatching(/Anna.*Bob|Bob.*Anna/),
    });
    expect(await holdersOf(ledger, 'phone:+31612345678')).toEqual([bob.id]);
    expect(await holdersOf(ledger, 'email:anna@a.nl')).toEqual([anna.id]);
    // Bob can still be saved unchanged (his phone was not taken by Anna).
    await expect(ledger.saveContact({ id: bob.id, name: 'Bob', phones: ['0612345678'] })).resolves.toMatchObject({ id: bob.id });
  });

  test('an import row that reaches two contacts fails naming the row and field, and imports nothing', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Anna', emails: ['anna@a.nl'] });
    await ledger.saveContact({ name: 'Bob', phones: ['0612345678'] });
    const rows: ImportRow[] = [
      { row: 2, contact: { name: 'Nieuw', emails: ['nieuw@a.nl'] } },
      { row: 3, contact: { name: 'Beide', emails: ['anna@a.nl'], phones: ['0612345678'] } },
    ];
    await expect(ledger.importContacts(rows)).rejects.toMatchObject({ code: 'duplicate-identity', where: expect.stringMatching(/^row 3: phones\.0$/) });
    expect((await ledger.listContacts({})).total).toBe(2);
    expect(await holdersOf(ledger, 'phone:+31612345678')).toHaveLength(1);
  });
});

describe('derived flags follow their records', () => {
  test('removing a do-not-contact entry clears the person’s objection flag in the list', async () => {
    const ledger = freshLedger();
    const { id } = await ledger.saveContact({ name: 'Anna', emails: ['anna@a.nl'] });
    await ledger.addSuppressionForKeys(['email:anna@a.nl'], { scope: 'all', reason: 'bezwaar', level: 'person' });
    expect((await ledger.listContacts({ filters: { objection: true } })).items.map((c) => c.id)).toEqual([id]);
    const entry = (await ledger.listSuppressions()).items[0]!;
    await ledger.removeSuppression(entry.id);
    expect((await ledger.listContacts({ filters: { objection: true } })).total).toBe(0);
    expect((await ledger.getContact(id))!.flags).not.toContain('objection');
  });

  test('a call objection’s keys are every identity of the contact, for the team to hear of', async () => {
    const ledger = freshLedger();
    const { id } = await ledger.saveContact({ name: 'Jan', emails: ['jan@acme.nl'], phones: ['0612345678'], linkedin: ['https://www.linkedin.com/in/jan-jansen/'] });
    const out = await ledger.logCallOutcome({ contactId: id, phoneKey: 'phone:+31612345678', outcome: 'objected', note: '', openingRead: true });
    expect([...out.blockedKeys].sort()).toEqual(['email:jan@acme.nl', 'li-vanity:jan-jansen', 'phone:+31612345678']);
  });
});

describe('the list index after bulk writes', () => {
  test('a search index build that started before an import is not kept after it', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Anna', emails: ['anna@a.nl'] });
    // An older database has no stored count: the build then waits for a recount behind the import.
    await ledger.db.kv.delete(CONTACT_COUNT_KEY);
    const warming = ledger.warmUp();
    await ledger.importContacts([{ row: 2, contact: { name: 'Carla', emails: ['carla@c.nl'] } }]);
    // Asked while the older build may still be finishing: it must not be the answer, now or later.
    expect((await ledger.listContacts({ query: 'carla' })).items.map((c) => c.name)).toEqual(['Carla']);
    await warming;
    expect((await ledger.listContacts({ query: 'carla' })).items.map((c) => c.name)).toEqual(['Carla']);
    expect((await ledger.listContacts({ query: '' })).total).toBe(2);
  });
});
