import { describe, expect, test } from 'vitest';
import { LedgerError } from '../../../lib/ledger/errors';
import { consentBasis, freshLedger } from './helpers';

const jan = { name: 'Jan Jansen', emails: ['Jan@Acme.nl'], phones: ['06 12345678'], linkedin: ['https://www.linkedin.com/in/jan-jansen/'] };

describe('contacts', () => {
  test('saves a contact with normalised identities, provenance and a basis', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan, { provenance: { source: 'data_subject', obtainedAt: '2026-02-01' }, basis: consentBasis });
    expect(r.created).toBe(true);
    const page = await ledger.contactPage(r.id);
    expect(page.contact.emails).toEqual(['jan@acme.nl']);
    expect(page.contact.phones).toEqual(['+31612345678']);
    expect(page.bases).toHaveLength(1);
    expect(page.provenance[0]!.source).toBe('data_subject');
    expect(page.summary.basisTypes).toEqual(['consent']);
  });

  test('a new contact with a known identity merges instead of duplicating', async () => {
    const ledger = freshLedger();
    const a = await ledger.saveContact(jan);
    const b = await ledger.saveContact({ name: 'J. Jansen', emails: ['jan@acme.nl'], phones: ['+31 20 123 4567'] });
    expect(b.mergedInto).toBe(a.id);
    expect((await ledger.getContact(a.id))!.phones.sort()).toEqual(['+31201234567', '+31612345678']);
    expect((await ledger.listContacts({})).total).toBe(1);
  });

  test.each([
    [{ ...jan, emails: ['not-an-email'] }, 'emails.0'],
    [{ ...jan, phones: ['12'] }, 'phones.0'],
    [{ ...jan, linkedin: ['https://example.com/x'] }, 'linkedin.0'],
    [{ name: '  ', emails: ['a@b.nl'] }, 'name'],
    [{ name: 'Nobody' }, 'emails'],
  ])('refuses invalid input naming the field (%#)', async (draft, where) => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Existing', emails: ['x@y.nl'] });
    const err = await ledger.saveContact(draft).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).where).toBe(where);
    expect((await ledger.listContacts({})).total).toBe(1);
  });

  test('an edit that takes another contact’s address is refused and changes nothing', async () => {
    const ledger = freshLedger();
    await ledger.saveContact({ name: 'Piet', emails: ['piet@acme.nl'] });
    const jans = await ledger.saveContact(jan);
    const err = await ledger.saveContact({ ...jan, id: jans.id, emails: ['jan@acme.nl', 'piet@acme.nl'] }).catch((e: unknown) => e);
    expect((err as LedgerError).code).toBe('duplicate-identity');
    expect((err as LedgerError).where).toBe('emails.1');
    expect((await ledger.getContact(jans.id))!.emails).toEqual(['jan@acme.nl']);
  });

  test('editing removes identities that were taken away', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan);
    await ledger.saveContact({ ...jan, id: r.id, phones: [] });
    expect(await ledger.findContactByIdentityKeys(['phone:+31612345678'])).toBeUndefined();
    expect((await ledger.findContactByIdentityKeys(['email:jan@acme.nl']))?.id).toBe(r.id);
  });

  test('list: search by name prefix, e-mail domain, phone as typed; filters; paging in name order', async () => {
    const ledger = freshLedger();
    for (let i = 0; i < 30; i++) await ledger.saveContact({ name: `Persoon ${String(i).padStart(2, '0')}`, emails: [`p${i}@bulk.nl`] });
    const j = await ledger.saveContact(jan, { basis: consentBasis, provenance: { source: 'data_subject', obtainedAt: '2026-02-01' } });
    await ledger.saveContact({ name: 'Müller', emails: ['m@duits.de'] }, { provenance: { source: 'lead_vendor', obtainedAt: '2025-01-01' } });
    expect((await ledger.listContacts({ query: 'jans' })).items.map((c) => c.id)).toEqual([j.id]);
    expect((await ledger.listContacts({ query: 'acme.nl' })).items.map((c) => c.id)).toEqual([j.id]);
    expect((await ledger.listContacts({ query: '0612345678' })).items.map((c) => c.id)).toEqual([j.id]);
    expect((await ledger.listContacts({ query: 'muller' })).items[0]!.name).toBe('Müller');
    expect((await ledger.listContacts({ filters: { basis: 'consent' } })).items.map((c) => c.id)).toEqual([j.id]);
    expect((await ledger.listContacts({ filters: { source: 'lead_vendor' } })).items[0]!.name).toBe('Müller');
    expect((await ledger.listContacts({ filters: { art14Passed: true } })).items.map((c) => c.name)).toEqual(['Müller']);
    const page2 = await ledger.listContacts({ query: 'persoon', offset: 10, limit: 5 });
    expect(page2.total).toBe(30);
    expect(page2.items.map((c) => c.name)).toEqual(['Persoon 10', 'Persoon 11', 'Persoon 12', 'Persoon 13', 'Persoon 14']);
    const all = await ledger.listContacts({ offset: 0, limit: 3 });
    expect(all.total).toBe(32);
    expect(all.items.map((c) => c.name)).toEqual(['Jan Jansen', 'Müller', 'Persoon 00']);
  });
});

describe('erasure', () => {
  test('deletes the person and their evidence, keeps a hashed erased suppression and an audit entry', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan, { basis: consentBasis });
    await ledger.addEvidenceNote({ contactId: r.id, date: '2026-02-01', text: 'Spoke at the fair' });
    await ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:jan@acme.nl'] }], disclosureIncluded: true, bodyFingerprint: 'x' });
    const out = await ledger.erase(r.id, 'Art. 17 request');
    expect(out).toEqual({ erased: true, suppressionKeys: 3 });
    expect(await ledger.getContact(r.id)).toBeUndefined();
    expect(await ledger.db.evidence.count()).toBe(0);
    expect(await ledger.db.events.count()).toBe(0);
    expect(await ledger.db.bases.count()).toBe(0);
    const f = await ledger.factsForRecipient(['email:jan@acme.nl']);
    expect(f.known).toBe(false);
    expect(f.erased).toBe(true);
    const dump = JSON.stringify(await ledger.dumpForBackup());
    expect(dump).not.toContain('jan@acme.nl');
    expect(dump).not.toContain('Jansen');
    const audit = await ledger.exportAudit();
    expect(audit[audit.length - 1]).toMatchObject({ action: 'erased', contactId: r.id });
    expect((await ledger.verifyAudit()).ok).toBe(true);
  });
});
