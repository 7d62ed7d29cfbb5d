import { afterEach, describe, expect, test, vi } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/backup/backup';
import { CONTACT_COUNT_KEY, Ledger } from '../../../lib/ledger/repository';
import { freshLedger } from './helpers';

// The contacts list's total on a cold start comes from a stored count (kv `contacts.count`), not from a
// walk of the contacts store; these tests check every write that adds or removes contacts keeps it true.

async function stored(ledger: Ledger): Promise<unknown> {
  return (await ledger.db.kv.get(CONTACT_COUNT_KEY))?.value;
}

/** The stored count, checked against the table itself. */
async function expectCount(ledger: Ledger, n: number) {
  expect(await ledger.db.contacts.count()).toBe(n);
  expect(await stored(ledger)).toBe(n);
}

/** A second Ledger on the same database: no in-memory list index yet, as after a service-worker restart. */
function coldCopy(ledger: Ledger): Ledger {
  return new Ledger({ name: ledger.db.name });
}

afterEach(() => vi.restoreAllMocks());

describe('stored contact count', () => {
  test('follows creates, merges, edits, deletes, erasures and bulk erasures', async () => {
    const ledger = freshLedger();
    const a = await ledger.saveContact({ name: 'Anna', emails: ['anna@x.nl'] });
    await expectCount(ledger, 1);
    const merged = await ledger.saveContact({ name: 'A. Bakker', emails: ['anna@x.nl'], phones: ['0612345678'] });
    expect(merged.mergedInto).toBe(a.id);
    await ledger.saveContact({ id: a.id, name: 'Anna Bakker', emails: ['anna@x.nl'] });
    await expectCount(ledger, 1);
    const ids: string[] = [];
    for (const name of ['Bert', 'Carla', 'Dirk', 'Eva']) ids.push((await ledger.saveContact({ name, emails: [`${name.toLowerCase()}@x.nl`] })).id);
    await expectCount(ledger, 5);
    expect(await ledger.deleteContact(ids[0]!)).toBe(true);
    expect(await ledger.deleteContact(ids[0]!)).toBe(false); // already gone: no second decrement
    await expectCount(ledger, 4);
    await ledger.erase(ids[1]!, 'verzoek');
    await expectCount(ledger, 3);
    expect((await ledger.eraseMany([ids[2]!, ids[3]!, 'no-such-id'], 'verzoek')).erased).toBe(2);
    await expectCount(ledger, 1);
  });

  test('an import adds the created contacts only; a failed import leaves it unchanged', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Anna', emails: ['anna@x.nl'] });
    const r = await ledger.importContacts([
      { row: 2, contact: { name: 'Bert', emails: ['bert@x.nl'] } },
      { row: 3, contact: { name: 'Anna B.', emails: ['anna@x.nl'] } }, // merges into Anna
      { row: 4, contact: { name: 'Bert', emails: ['bert@x.nl'], phones: ['0612345678'] } }, // merges with row 2
      { row: 5, contact: { name: 'Carla', emails: ['carla@x.nl'] } },
    ]);
    expect(r).toEqual({ created: 2, merged: 2 });
    await expectCount(ledger, 3);

    // Fail after the contacts are written, inside the import's transaction: everything rolls back, the count too.
    const rows = [10, 11, 12].map((i) => ({ row: i, contact: { name: `Import ${i}`, emails: [`import${i}@x.nl`] } }));
    const err = await ledger
      .importContacts(rows, (done, total) => {
        if (done === total) throw new Error('disk full');
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('disk full');
    await expectCount(ledger, 3);
    expect((await coldCopy(ledger).listContacts({})).total).toBe(3);
  });

  test('a backup restore: merge adds only new contacts, replace sets the backup’s number', async () => {
    const source = freshLedger();
    await source.saveContact({ name: 'Anna', emails: ['anna@x.nl'] });
    await source.saveContact({ name: 'Bert', emails: ['bert@x.nl'] });
    await source.saveContact({ name: 'Carla', emails: ['carla@x.nl'] });
    const backup = JSON.parse(JSON.stringify(await exportBackup(source)));

    const target = freshLedger();
    await target.saveContact({ name: 'Anna Local', emails: ['anna@x.nl'] }); // shares an identity: merged
    await target.saveContact({ name: 'Zora', emails: ['zora@x.nl'] });
    await importBackup(target, backup, 'merge');
    await expectCount(target, 4);
    await importBackup(target, backup, 'merge'); // again: nothing new
    await expectCount(target, 4);
    await importBackup(target, backup, 'replace');
    await expectCount(target, 3);
  });

  test('an older database without the stored count: the first page counts once and keeps it', async () => {
    const ledger = freshLedger();
    for (const name of ['Bert', 'Anna', 'Carla']) await ledger.saveContact({ name, emails: [`${name.toLowerCase()}@x.nl`] });
    await ledger.db.kv.delete(CONTACT_COUNT_KEY);
    const cold = coldCopy(ledger);
    const page = await cold.listContacts({ offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.name)).toEqual(['Bert']);
    expect(await stored(ledger)).toBe(3);
    await cold.saveContact({ name: 'Dirk', emails: ['dirk@x.nl'] });
    await expectCount(ledger, 4);
  });

  test('a write on an older database stores the count including that write', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Anna', emails: ['anna@x.nl'] });
    await ledger.saveContact({ name: 'Bert', emails: ['bert@x.nl'] });
    await ledger.db.kv.delete(CONTACT_COUNT_KEY);
    await ledger.saveContact({ name: 'Carla', emails: ['carla@x.nl'] });
    await expectCount(ledger, 3);
  });

  test('a wrong stored count is repaired (and logged) once the list index is built', async () => {
    const ledger = freshLedger();
    for (const name of ['Anna', 'Bert']) await ledger.saveContact({ name, emails: [`${name.toLowerCase()}@x.nl`] });
    await ledger.db.kv.put({ key: CONTACT_COUNT_KEY, value: 7 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cold = coldCopy(ledger);
    await cold.warmUp();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('stored contact count 7'));
    await expectCount(ledger, 2);
    expect((await coldCopy(ledger).listContacts({})).total).toBe(2);
  });

  test('the cold first page is the name order, paged, with the stored total', async () => {
    const ledger = freshLedger();
    const names = ['Zora', 'anna', 'Bert', 'Émile', 'Carla'];
    for (const name of names) await ledger.saveContact({ name, emails: [`${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@x.nl`] });
    const warmOrder = (await ledger.listContacts({ limit: 10 })).items.map((c) => c.name);
    const cold = await coldCopy(ledger).listContacts({ offset: 1, limit: 3 });
    expect(cold.total).toBe(5);
    expect(cold.items.map((c) => c.name)).toEqual(warmOrder.slice(1, 4));
  });
});
