import { describe, expect, test } from 'vitest';
import { fingerprintOfHash, fingerprintOfKey, fingerprintOfWords, KeyFilter, KEY_FILTER_BUCKETS } from '../../../lib/ledger/key-filter';
import type { ImportRow } from '../../../lib/ledger/repository';
import { hexOfWords, sha256Hex, sha256Words } from '../../../lib/ledger/sha256';
import { freshLedger } from './helpers';

const row = (n: number, contact: ImportRow['contact']): ImportRow => ({ row: n, contact, provenance: { source: 'event_list', obtainedAt: '2026-01-15' } });

describe('key filter', () => {
  test('remembers what was added across a save and a reload, forgets what was removed, and knows nothing else', async () => {
    const ledger = freshLedger();
    const db = ledger.db;
    await db.open();
    const keys = Array.from({ length: 3000 }, (_, i) => `email:persoon${i}@klant.nl`);
    const fps = keys.map(fingerprintOfKey);
    await db.transaction('rw', [db.keyFilter], async () => {
      const f = await KeyFilter.load(db, 'c', fps);
      f.add(fps);
      f.add(fps.slice(0, 10)); // again: no repeats
      f.remove([fps[7]!]);
      await f.save(db);
    });
    const again = await db.transaction('r', [db.keyFilter], () => KeyFilter.load(db, 'c', 'all'));
    expect(keys.filter((_, i) => !again.mayHave(fps[i]!))).toEqual([keys[7]]);
    const others = Array.from({ length: 3000 }, (_, i) => fingerprintOfKey(`email:iemand${i}@elders.nl`));
    expect(others.filter((f) => again.mayHave(f))).toEqual([]);
    const stored = await db.keyFilter.toArray();
    expect(stored.reduce((n, r) => n + r.fps.length / 2, 0)).toBe(2999);
    // Fingerprints spread over the buckets (no bucket holds a large share of 3 000 keys).
    expect(Math.max(...stored.map((r) => r.fps.length / 2))).toBeLessThan(20);
    expect(stored.length).toBeGreaterThan(KEY_FILTER_BUCKETS * 0.8);
  });

  test('a do-not-contact key has one fingerprint, whether read from its stored hash or from the digest words', () => {
    for (const key of ['email:jan@klant.nl', 'phone:+31612345678', 'li-vanity:jan-jansen', 'email:ü@bücher.de']) {
      const words = sha256Words(key);
      const fromWords = fingerprintOfWords(words);
      expect(hexOfWords(words)).toBe(sha256Hex(key));
      expect(fingerprintOfHash(sha256Hex(key))).toEqual(fromWords);
    }
  });

  test('a bucket that was not read is never answered as "absent"', async () => {
    const ledger = freshLedger();
    await ledger.db.open();
    const one = fingerprintOfHash(sha256Hex('email:a@b.nl'));
    const other = [...Array(50).keys()].map((i) => fingerprintOfHash(sha256Hex(`email:x${i}@b.nl`))).find((f) => f.bucket !== one.bucket)!;
    const f = await ledger.db.transaction('r', [ledger.db.keyFilter], () => KeyFilter.load(ledger.db, 's', [one]));
    expect(f.mayHave(one)).toBe(false);
    expect(() => f.mayHave(other)).toThrow(/not loaded/);
  });

  test('an identity added by editing a contact is known to a later import, which merges instead of duplicating', async () => {
    const ledger = freshLedger();
    const { id } = await ledger.saveContact({ name: 'Jan Jansen', emails: ['jan@klant.nl'] });
    await ledger.saveContact({ id, name: 'Jan Jansen', emails: ['jan@klant.nl', 'jan.prive@mail.nl'], phones: ['06 12345678'] });
    const r = await ledger.importContacts([row(2, { name: 'J. Jansen', phones: ['+31612345678'] }), row(3, { name: 'Jan', emails: ['JAN.PRIVE@mail.nl'] })]);
    expect(r).toEqual({ created: 0, merged: 2 });
    expect((await ledger.listContacts({})).total).toBe(1);
  });

  test('after an erasure the filter keeps nothing of the person; the do-not-contact list still flags a re-import', async () => {
    const ledger = freshLedger();
    const { id } = await ledger.saveContact({ name: 'Wis Mij', emails: ['wis@klant.nl'], phones: ['06 11223344'] });
    await ledger.erase(id, 'art. 17');
    const db = ledger.db;
    const contacts = await db.transaction('r', [db.keyFilter], () => KeyFilter.load(db, 'c', 'all'));
    expect(contacts.mayHave(fingerprintOfKey('email:wis@klant.nl'))).toBe(false);
    expect(contacts.mayHave(fingerprintOfKey('phone:+31611223344'))).toBe(false);
    const r = await ledger.importContacts([row(2, { name: 'Wis Mij', emails: ['wis@klant.nl'] })]);
    expect(r.created).toBe(1);
    expect((await ledger.listContacts({ filters: { objection: true } })).items.map((c) => c.name)).toEqual(['Wis Mij']);
  });

  test('a do-not-contact entry removed is no longer flagged by a later import', async () => {
    const ledger = freshLedger();
    await ledger.addSuppressionForKeys(['email:weg@klant.nl', 'email:blijft@klant.nl'], { scope: 'all', reason: 'bezwaar', level: 'person' });
    const entry = (await ledger.listSuppressions()).items.find((s) => s.keyHash === sha256Hex('email:weg@klant.nl'))!;
    await ledger.removeSuppression(entry.id);
    await ledger.importContacts([row(2, { name: 'Weg', emails: ['weg@klant.nl'] }), row(3, { name: 'Blijft', emails: ['blijft@klant.nl'] })]);
    expect((await ledger.listContacts({ filters: { objection: true } })).items.map((c) => c.name)).toEqual(['Blijft']);
    const db = ledger.db;
    const s = await db.transaction('r', [db.keyFilter], () => KeyFilter.load(db, 's', 'all'));
    expect(s.mayHave(fingerprintOfHash(sha256Hex('email:weg@klant.nl')))).toBe(false);
  });

  test('a restore of many contacts (the filter written once) knows every one of them to a later import', async () => {
    const source = freshLedger();
    await source.importContacts(Array.from({ length: 120 }, (_, i) => row(i + 2, { name: `Klant ${i}`, emails: [`klant${i}@bedrijf.nl`], phones: [`06 2000${String(i).padStart(4, '0')}`] })));
    const backup = await source.dumpForBackup();
    for (const mode of ['replace', 'merge'] as const) {
      const target = freshLedger();
      await target.saveContact({ name: 'Al Bekend', emails: ['bekend@bedrijf.nl'] });
      await target.restoreFromBackup(backup as never, mode);
      const again = await target.importContacts(Array.from({ length: 120 }, (_, i) => row(i + 2, { name: `K ${i}`, phones: [`+31 6 2000 ${String(i).padStart(4, '0')}`] })));
      expect(again).toEqual({ created: 0, merged: 120 });
      expect((await target.listContacts({})).total).toBe(mode === 'replace' ? 120 : 121);
    }
  });

  test('a backup whose two contacts share an e-mail (older data) restores as one person, in both modes', async () => {
    const source = freshLedger();
    await source.saveContact({ name: 'Anna A', emails: ['anna@klant.nl'] });
    await source.saveContact({ name: 'Anna B', phones: ['06 55554444'] });
    const backup = (await source.dumpForBackup()) as { contacts: Array<{ name: string; emails: string[] }> };
    backup.contacts.find((c) => c.name === 'Anna B')!.emails = ['anna@klant.nl']; // as a v2-era ledger could list it
    for (const mode of ['replace', 'merge'] as const) {
      const target = freshLedger();
      const counts = await target.restoreFromBackup(backup as never, mode);
      expect(counts.mergedContacts).toBe(1);
      expect((await target.listContacts({})).total).toBe(1);
      // …and the person stays reachable: saving and importing the shared address merge instead of failing.
      expect(await target.importContacts([row(2, { name: 'Anna', emails: ['anna@klant.nl'], phones: ['0655554444'] })])).toEqual({ created: 0, merged: 1 });
      expect((await target.saveContact({ name: 'Anna', emails: ['anna@klant.nl'] })).mergedInto).toBeDefined();
    }
  });

  test('a replacing restore leaves filters for exactly the restored ledger', async () => {
    const source = freshLedger();
    await source.saveContact({ name: 'Uit Backup', emails: ['backup@klant.nl'] });
    await source.addSuppressionForKeys(['phone:+31699887766'], { scope: 'all', reason: 'bezwaar', level: 'person' });
    const backup = await source.dumpForBackup();
    const target = freshLedger();
    await target.saveContact({ name: 'Was Er Al', emails: ['oud@klant.nl'] });
    await target.restoreFromBackup(backup as never, 'replace');
    const db = target.db;
    const countC = async () => (await db.keyFilter.toArray()).filter((x) => x.id.startsWith('c:')).reduce((n, x) => n + x.fps.length / 2, 0);
    const before = await db.transaction('r', [db.keyFilter], () => KeyFilter.load(db, 'c', 'all'));
    // The replaced ledger's contact left nothing behind.
    expect(before.mayHave(fingerprintOfKey('email:oud@klant.nl'))).toBe(false);
    expect(await countC()).toBe(1);
    const r = await target.importContacts([
      row(2, { name: 'Uit Backup', emails: ['backup@klant.nl'] }),
      row(3, { name: 'Was Er Al', emails: ['oud@klant.nl'] }),
      row(4, { name: 'Belt Niet', phones: ['06 99887766'] }),
    ]);
    expect(r).toEqual({ created: 2, merged: 1 });
    expect((await target.listContacts({ filters: { objection: true } })).items.map((c) => c.name)).toEqual(['Belt Niet']);
    expect(await countC()).toBe(3);
  });
});
