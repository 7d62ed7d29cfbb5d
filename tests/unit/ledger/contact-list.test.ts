import { describe, expect, test } from 'vitest';
import { consentBasis, freshLedger } from './helpers';

describe('contacts list stays current as the ledger changes', () => {
  test('edits, deletions, new records, suppressions and imports show in the next list call', async () => {
    const ledger = freshLedger();
    const a = await ledger.saveContact({ name: 'Anna', emails: ['anna@x.nl'] });
    const b = await ledger.saveContact({ name: 'Bert', emails: ['bert@x.nl'] });
    expect((await ledger.listContacts({})).items.map((c) => c.name)).toEqual(['Anna', 'Bert']);
    await ledger.saveContact({ id: a.id, name: 'Zora', emails: ['anna@x.nl'] });
    expect((await ledger.listContacts({})).items.map((c) => c.name)).toEqual(['Bert', 'Zora']);
    expect((await ledger.listContacts({ query: 'anna' })).items.map((c) => c.name)).toEqual(['Zora']);
    await ledger.saveBasis(b.id, consentBasis);
    expect((await ledger.listContacts({ filters: { basis: 'consent' } })).items.map((c) => c.name)).toEqual(['Bert']);
    await ledger.addSuppressionForKeys(['email:bert@x.nl'], { scope: 'all', reason: 'r', level: 'person' });
    expect((await ledger.listContacts({ filters: { objection: true } })).items.map((c) => c.name)).toEqual(['Bert']);
    expect((await ledger.listContacts({ filters: { objection: false } })).items.map((c) => c.name)).toEqual(['Zora']);
    await ledger.deleteContact(b.id);
    expect((await ledger.listContacts({})).items.map((c) => c.name)).toEqual(['Zora']);
    await ledger.importContacts([{ row: 2, contact: { name: 'Carla', emails: ['carla@x.nl'] } }]);
    expect((await ledger.listContacts({})).items.map((c) => c.name)).toEqual(['Carla', 'Zora']);
    expect((await ledger.listContacts({ query: 'c' })).items.map((c) => c.name)).toEqual(['Carla']);
  });
});
