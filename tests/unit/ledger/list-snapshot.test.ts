import { afterEach, describe, expect, test, vi } from 'vitest';
import { ContactListIndex } from '../../../lib/ledger/list-index';
import { LIST_SNAPSHOT_KEY } from '../../../lib/ledger/list-snapshot';
import { Ledger } from '../../../lib/ledger/repository';
import { freshLedger } from './helpers';

/** The same database opened by a new service worker (nothing in memory). */
const coldCopy = (ledger: Ledger) => new Ledger({ name: ledger.db.name });
const names = async (ledger: Ledger, query = '') => (await ledger.listContacts({ query, limit: 100 })).items.map((c) => c.name);

afterEach(() => vi.restoreAllMocks());

describe('the contacts list index persists', () => {
  test('a cold start answers from the persisted index, with every later save, edit and deletion', async () => {
    const ledger = freshLedger();
    const anna = await ledger.saveContact({ name: 'Anna de Vries', emails: ['anna@acme.nl'] });
    await ledger.saveContact({ name: 'Bert Smit', emails: ['bert@acme.nl'] });
    await ledger.warmUp();
    await ledger.list.whenPersisted();
    // After the snapshot: these reach a cold start through the journal.
    await ledger.saveContact({ id: anna.id, name: 'Anna Jansen', emails: ['anna@acme.nl'] });
    await ledger.saveContact({ name: 'Carla Bos', emails: ['carla@bos.nl'] });
    const bert = (await ledger.listContacts({ query: 'bert' })).items[0]!;
    await ledger.deleteContact(bert.id);
    const build = vi.spyOn(ContactListIndex, 'build');
    const cold = coldCopy(ledger);
    expect(await names(cold)).toEqual(['Anna Jansen', 'Carla Bos']);
    expect(await names(cold, 'anna jans')).toEqual(['Anna Jansen']);
    expect(await names(cold, 'vries')).toEqual([]);
    expect((await cold.listContacts({})).total).toBe(2);
    expect(build).not.toHaveBeenCalled(); // read from the snapshot, not rebuilt from every contact
    cold.close();
  });

  test('a two-word name search right after an import finds the imported people, warm and after a cold start', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Anna de Vries', emails: ['anna@acme.nl'] });
    await ledger.warmUp();
    const rows = Array.from({ length: 30 }, (_, i) => ({ row: i + 2, contact: { name: `Persoon ${i} Achternaam${i}`, emails: [`p${i}@bedrijf.nl`] } }));
    await ledger.importContacts(rows);
    expect(await names(ledger, 'persoon 17')).toEqual(['Persoon 17 Achternaam17']);
    expect(await names(ledger, 'Persoon Achternaam3')).toEqual(['Persoon 3 Achternaam3']);
    await ledger.list.whenPersisted();
    const build = vi.spyOn(ContactListIndex, 'build');
    const cold = coldCopy(ledger);
    expect(await names(cold, 'persoon 17')).toEqual(['Persoon 17 Achternaam17']);
    expect((await cold.listContacts({})).total).toBe(31);
    expect(build).not.toHaveBeenCalled();
    cold.close();
  });

  test('an import into a ledger whose index is not loaded yet is found too', async () => {
    const ledger = freshLedger();
    await ledger.importContacts([{ row: 2, contact: { name: 'Jan de Boer', emails: ['jan@boer.nl'] } }]);
    expect(await names(ledger, 'jan boer')).toEqual(['Jan de Boer']);
    expect(await names(coldCopy(ledger), 'de boer')).toEqual(['Jan de Boer']);
  });

  test('an import drops the snapshot in its own transaction, so a cold start never reads one that misses it', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Anna', emails: ['anna@acme.nl'] });
    await ledger.warmUp();
    await ledger.list.whenPersisted();
    expect(await ledger.db.kv.get(LIST_SNAPSHOT_KEY)).toBeDefined();
    // A failing persist after the import (the worker stopped): the next cold start rebuilds from the contacts.
    vi.spyOn(ledger.list, 'applyBulk').mockImplementation(() => undefined);
    await ledger.importContacts([{ row: 2, contact: { name: 'Bram', emails: ['bram@acme.nl'] } }]);
    expect(await ledger.db.kv.get(LIST_SNAPSHOT_KEY)).toBeUndefined();
    expect(await names(coldCopy(ledger))).toEqual(['Anna', 'Bram']);
  });

  test('names sort naturally: numbers by value, warm and cold', async () => {
    const ledger = freshLedger();
    for (const n of [100, 10, 2, 0, 1, 20]) await ledger.saveContact({ name: `Klant ${n}`, emails: [`k${n}@x.nl`] });
    const expected = ['Klant 0', 'Klant 1', 'Klant 2', 'Klant 10', 'Klant 20', 'Klant 100'];
    await ledger.warmUp(); // as the background does when it starts
    expect(await names(ledger)).toEqual(expected);
    await ledger.list.whenPersisted();
    expect(await names(coldCopy(ledger))).toEqual(expected);
    const rows = [5, 50, 3].map((n, i) => ({ row: i + 2, contact: { name: `Klant ${n}`, emails: [`i${n}@x.nl`] } }));
    await ledger.importContacts(rows);
    expect(await names(ledger)).toEqual(['Klant 0', 'Klant 1', 'Klant 2', 'Klant 3', 'Klant 5', 'Klant 10', 'Klant 20', 'Klant 50', 'Klant 100']);
  });
});
