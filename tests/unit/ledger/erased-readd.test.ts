import { describe, expect, test } from 'vitest';
import { ErasedIdentityError } from '../../../lib/ledger/errors';
import { managementBackground } from '../management/setup';
import { consentBasis, freshLedger, setNow } from './helpers';

const jan = { name: 'Jan Jansen', emails: ['jan@acme.nl'], phones: ['06 12345678'] };

async function erasedJan(ledger: ReturnType<typeof freshLedger>) {
  const { id } = await ledger.saveContact(jan);
  await ledger.erase(id, 'verzoek van betrokkene');
  setNow(ledger, '2026-05-20T09:00:00.000Z');
}

describe('adding back a person who was erased', () => {
  test('is refused naming the day of the erasure request and the field, and nothing is stored', async () => {
    const ledger = freshLedger('2026-03-01T10:00:00.000Z');
    await erasedJan(ledger);
    const err = await ledger.saveContact({ name: 'J. Jansen', emails: ['someone@else.nl'], phones: ['+31 6 12345678'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ErasedIdentityError);
    expect(err).toMatchObject({ code: 'erased-identity', erasedAt: '2026-03-01', where: 'phones.0', basisMissing: true });
    expect((err as Error).message).toContain('2026-03-01');
    expect((await ledger.listContacts({})).total).toBe(0);
  });

  test('a confirmation without a basis is still refused; with a basis the contact is saved and the audit says so', async () => {
    const ledger = freshLedger('2026-03-01T10:00:00.000Z');
    await erasedJan(ledger);
    const noBasis = await ledger.saveContact(jan, { confirmErased: true }).catch((e: unknown) => e);
    expect(noBasis).toMatchObject({ code: 'erased-identity', basisMissing: true });
    const unconfirmed = await ledger.saveContact(jan, { basis: consentBasis }).catch((e: unknown) => e);
    expect(unconfirmed).toMatchObject({ code: 'erased-identity', basisMissing: false });
    const saved = await ledger.saveContact(jan, { basis: consentBasis, confirmErased: true });
    expect(saved.created).toBe(true);
    const audit = await ledger.listAudit({ action: 'contact-created' });
    expect(audit.items[0]!.detail).toMatchObject({ erasedBefore: '2026-03-01', basis: 'consent' });
  });

  test('someone never erased, or an edit that keeps only identities the contact already had, is not refused', async () => {
    const ledger = freshLedger('2026-03-01T10:00:00.000Z');
    await erasedJan(ledger);
    const other = await ledger.saveContact({ name: 'Piet', emails: ['piet@acme.nl'] });
    expect(other.created).toBe(true);
    const again = await ledger.saveContact({ id: other.id, name: 'Piet Pietersen', emails: ['piet@acme.nl'] });
    expect(again.id).toBe(other.id);
  });

  test('through the router: the page gets the code, the field and the day, and can confirm with a basis', async () => {
    const bg = managementBackground('2026-03-01T10:00:00.000Z');
    await erasedJan(bg.ledger);
    const contact = { ...jan, provenance: { source: 'event_list', obtainedAt: '2026-05-20' } };
    const refused = await bg.ask({ type: 'contacts/save', contact });
    expect(refused).toMatchObject({ ok: false, error: { code: 'erased-identity', where: 'contact.emails.0', erasedAt: '2026-03-01' } });
    const saved = await bg.ok({ type: 'contacts/save', contact: { ...contact, basis: consentBasis, confirmErased: true } });
    expect(saved.created).toBe(true);
  });
});
