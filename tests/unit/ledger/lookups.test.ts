import { describe, expect, test } from 'vitest';
import { hashIdentityKey } from '../../../lib/identity/keys';
import { consentBasis, freshLedger } from './helpers';

describe('facts for a recipient', () => {
  test('an unknown recipient has no contact and no suppression', async () => {
    const ledger = freshLedger();
    const f = await ledger.factsForRecipient(['email:nobody@nowhere.nl']);
    expect(f.known).toBe(false);
    expect(f.suppressions).toEqual([]);
  });

  test('member id and vanity resolve to the same person, with bases, provenance and history', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(
      { name: 'Jan', linkedin: ['https://www.linkedin.com/in/jan-jansen/', 'ACoAABcdEfGh123'], emails: ['jan@acme.nl'] },
      { provenance: { source: 'linkedin_manual', obtainedAt: '2026-02-01' }, basis: consentBasis },
    );
    await ledger.recordOutbound({ channel: 'linkedin_dm', recipients: [{ keys: ['li-member:ACoAABcdEfGh123'] }], disclosureIncluded: true, bodyFingerprint: 'fp1' });
    const f = await ledger.factsForRecipient(['li-vanity:jan-jansen']);
    expect(f.contact?.id).toBe(r.id);
    expect(f.bases.map((b) => b.type)).toEqual(['consent']);
    expect(f.provenance[0]!.source).toBe('linkedin_manual');
    expect(f.events).toMatchObject({ outboundCount: 1, disclosureGiven: true });
    expect(f.keys).toEqual(expect.arrayContaining(['email:jan@acme.nl', 'li-member:ACoAABcdEfGh123', 'domain:acme.nl']));
  });

  test('a company-level block on the domain matches every address at that company, a person block only the person', async () => {
    const ledger = freshLedger();
    await ledger.addSuppressionForKeys(['email:boss@acme.nl'], { scope: 'all', reason: 'company asked', level: 'company' });
    const other = await ledger.factsForRecipient(['email:someone@acme.nl']);
    expect(other.suppressions).toHaveLength(1);
    expect(other.suppressions[0]).toMatchObject({ level: 'company', matchedKeyKind: 'domain' });
    await ledger.addSuppressionForKeys(['phone:+31612345678'], { scope: 'phone', reason: 'verzet', level: 'person' });
    expect((await ledger.factsForRecipient(['phone:+31612345678'])).suppressions[0]).toMatchObject({ scope: 'phone', level: 'person' });
    expect((await ledger.factsForRecipient(['phone:+31612345679'])).suppressions).toEqual([]);
  });

  test('suppressions store only the SHA-256 of the key', async () => {
    const ledger = freshLedger();
    await ledger.addSuppressionForKeys(['email:jan@acme.nl'], { scope: 'all', reason: 'r', level: 'person' });
    const { items } = await ledger.listSuppressions();
    expect(items[0]!.keyHash).toBe(await hashIdentityKey('email:jan@acme.nl'));
    expect(JSON.stringify(items)).not.toContain('jan@acme.nl');
  });

  test('counts recent sends of the same text', async () => {
    const ledger = freshLedger();
    await ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:a@x.nl'] }, { keys: ['email:b@x.nl'] }], disclosureIncluded: false, bodyFingerprint: 'same', at: '2026-03-01T08:00:00.000Z' });
    await ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:c@x.nl'] }], disclosureIncluded: false, bodyFingerprint: 'same', at: '2026-02-20T08:00:00.000Z' });
    await ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:d@x.nl'] }], disclosureIncluded: false, bodyFingerprint: 'other', at: '2026-03-01T08:00:00.000Z' });
    expect(await ledger.countRecentSimilarSends('same', '2026-02-28T10:00:00.000Z')).toBe(2);
  });
});
