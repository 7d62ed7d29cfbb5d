import { describe, expect, test } from 'vitest';
import type { ImportRow } from '../../../lib/ledger/repository';
import { consentBasis, freshLedger } from './helpers';

// The import writes in chunks of 2 000 rows inside one transaction; these files span several chunks.

const row = (n: number, contact: ImportRow['contact'], extra: Partial<ImportRow> = {}): ImportRow => ({
  row: n,
  contact,
  provenance: { source: 'event_list', detail: 'beurs', obtainedAt: '2026-01-15' },
  ...extra,
});

describe('bulk CSV import', () => {
  test('duplicates within the file merge into one contact, also across chunks, with every row’s provenance and basis', async () => {
    const ledger = freshLedger();
    const rows: ImportRow[] = [];
    for (let i = 0; i < 4500; i++) rows.push(row(i + 2, { name: `Persoon ${i}`, emails: [`p${i}@klant.nl`] }));
    // Row 4502 repeats person 7's e-mail and adds a phone; row 4503 reaches the same person by that phone only.
    rows.push(row(4502, { name: 'P. Zeven', emails: ['P7@Klant.nl'], phones: ['06 11112222'] }, { basis: consentBasis }));
    rows.push(row(4503, { name: 'Zeven via telefoon', phones: ['+31611112222'], emails: ['zeven.prive@mail.nl'] }));
    const progress: number[] = [];
    const r = await ledger.importContacts(rows, (done, total) => progress.push(done / total));
    expect(r).toEqual({ created: 4500, merged: 2 });
    expect((await ledger.listContacts({})).total).toBe(4500);
    const facts = await ledger.factsForRecipient(['email:zeven.prive@mail.nl']);
    expect(facts.contact?.name).toBe('Persoon 7');
    expect(facts.contact?.emails.sort()).toEqual(['p7@klant.nl', 'zeven.prive@mail.nl']);
    expect(facts.contact?.phones).toEqual(['+31611112222']);
    expect(facts.provenance).toHaveLength(3);
    expect(facts.bases.map((b) => b.type)).toEqual(['consent']);
    // Progress rises chunk by chunk to the end.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  test('rows matching existing contacts merge into them; a file with a bad row imports nothing', async () => {
    const ledger = freshLedger();
    const { id } = await ledger.saveContact({ name: 'Bestaand', emails: ['bestaand@klant.nl'] });
    const rows: ImportRow[] = [];
    for (let i = 0; i < 2500; i++) rows.push(row(i + 2, { name: `Nieuw ${i}`, emails: [`n${i}@klant.nl`] }));
    rows.push(row(2502, { name: 'Bestaand bis', emails: ['bestaand@klant.nl'], phones: ['0201234567'] }));
    expect(await ledger.importContacts(rows)).toEqual({ created: 2500, merged: 1 });
    expect((await ledger.findContactByIdentityKeys(['phone:+31201234567']))?.id).toBe(id);

    const bad = [...rows.slice(0, 10).map((r) => ({ ...r, contact: { ...r.contact, emails: [`x${r.row}@nieuw.nl`] } })), row(99, { name: 'Fout', emails: ['geen-adres'] })];
    await expect(ledger.importContacts(bad)).rejects.toMatchObject({ code: 'invalid-email', where: 'row 99: emails.0' });
    expect((await ledger.listContacts({})).total).toBe(2501);
    expect(await ledger.findContactByIdentityKeys(['email:x2@nieuw.nl'])).toBeUndefined();
  });

  test('a row the database refuses to store, after earlier chunks were sent, leaves nothing of the import behind', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Bestaand', emails: ['bestaand@klant.nl'] });
    const rows: ImportRow[] = [];
    for (let i = 0; i < 4500; i++) rows.push(row(i + 2, { name: `Persoon ${i}`, emails: [`p${i}@klant.nl`] }));
    // Something IndexedDB cannot store (a function) in the third chunk: its put fails after two chunks were sent.
    rows[4400] = row(4402, { name: 'Kapot', emails: ['kapot@klant.nl'], company: { name: 'X', kvk: (() => '1') as never } });
    await expect(ledger.importContacts(rows)).rejects.toThrow();
    expect((await ledger.listContacts({})).total).toBe(1);
    expect(await ledger.findContactByIdentityKeys(['email:p1@klant.nl'])).toBeUndefined();
    // A later import of the same people still creates them (nothing half-remembered).
    expect(await ledger.importContacts(rows.slice(0, 3))).toEqual({ created: 3, merged: 0 });
  });

  test('a large file (read in chunks) extends a stored contact from a late row and keeps its stored basis in the list', async () => {
    const ledger = freshLedger();
    const { id } = await ledger.saveContact({ name: 'Bestaande Klant', emails: ['klant@bestaand.nl'] }, { basis: consentBasis });
    await ledger.addSuppressionForKeys(['phone:+31687654321'], { scope: 'all', reason: 'bezwaar', level: 'person' });
    const rows: ImportRow[] = [];
    for (let i = 0; i < 4200; i++) rows.push(row(i + 2, { name: `Persoon ${i}`, emails: [`p${i}@klant.nl`] }));
    rows.push(row(4202, { name: 'B. Klant', emails: ['klant@bestaand.nl'], phones: ['06 11223344'] }));
    rows.push(row(4203, { name: 'Belt Niet', emails: ['p3100@klant.nl'], phones: ['0687654321'] })); // joins row 3102 and objects
    expect(await ledger.importContacts(rows)).toEqual({ created: 4200, merged: 2 });
    const stored = await ledger.getContact(id);
    expect(stored!.phones).toEqual(['+31611223344']);
    expect(stored!.flags).toEqual(expect.arrayContaining(['basis:consent']));
    expect(stored!.flags).not.toContain('no_provable_basis');
    const objecting = await ledger.listContacts({ filters: { objection: true } });
    expect(objecting.items.map((c) => c.name)).toEqual(['Persoon 3100']);
    // A second import of the same file finds everyone it created.
    expect(await ledger.importContacts(rows.slice(0, 600))).toEqual({ created: 0, merged: 600 });
  });

  test('a row joining two earlier rows of the file (one has the e-mail, the other the phone) is refused naming those rows', async () => {
    const ledger = freshLedger();
    const attempt = ledger.importContacts([
      row(2, { name: 'Anna', emails: ['anna@klant.nl'] }),
      row(3, { name: 'A. de Vries', phones: ['0612345678'] }),
      row(4, { name: 'Anna de Vries', emails: ['anna@klant.nl'], phones: ['0612345678'] }),
    ]);
    await expect(attempt).rejects.toThrow('row 4: these details belong to two different contacts (the contact from row 2 and the contact from row 3)');
    expect((await ledger.listContacts({})).total).toBe(0);
  });

  test('an imported person already on the do-not-contact list is flagged in the list', async () => {
    const ledger = freshLedger();
    await ledger.addSuppressionForKeys(['email:bezwaar@klant.nl'], { scope: 'all', reason: 'bezwaar', level: 'person' });
    const rows: ImportRow[] = [];
    for (let i = 0; i < 3000; i++) rows.push(row(i + 2, { name: `Persoon ${i}`, emails: [`p${i}@klant.nl`] }));
    rows.push(row(3002, { name: 'Bezwaarmaker', emails: ['bezwaar@klant.nl'] }));
    await ledger.importContacts(rows);
    const flagged = await ledger.listContacts({ filters: { objection: true } });
    expect(flagged.items.map((c) => c.name)).toEqual(['Bezwaarmaker']);
  });

  test('a do-not-contact list longer than the file flags exactly the person on it', async () => {
    const ledger = freshLedger();
    const blocked = Array.from({ length: 40 }, (_, i) => `email:geblokkeerd${i}@elders.nl`);
    await ledger.addSuppressionForKeys([...blocked, 'phone:+31612345678'], { scope: 'all', reason: 'bezwaar', level: 'person' });
    await ledger.importContacts([
      row(2, { name: 'Gewoon', emails: ['gewoon@klant.nl'] }),
      row(3, { name: 'Belt niet', emails: ['belt@klant.nl'], phones: ['06 12345678'] }),
    ]);
    const flagged = await ledger.listContacts({ filters: { objection: true } });
    expect(flagged.items.map((c) => c.name)).toEqual(['Belt niet']);
  });
});
