import { describe, expect, test } from 'vitest';
import { LedgerError } from '../../../lib/ledger/errors';
import { hashIdentityKey } from '../../../lib/identity/keys';
import { consentBasis, freshLedger, setNow } from './helpers';

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

describe('audit chain', () => {
  test('every write is chained and verify passes', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    await ledger.addSuppressionForKeys(['email:x@y.nl'], { scope: 'all', reason: 'r', level: 'person' });
    const v = await ledger.verifyAudit();
    expect(v).toEqual({ ok: true, count: 2 });
  });

  test('an edited entry is detected and named', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    await ledger.saveContact({ name: 'Piet', emails: ['piet@acme.nl'] });
    await ledger.saveContact({ name: 'Klaas', emails: ['klaas@acme.nl'] });
    await ledger.db.audit.update(2, { actor: 'someone else' });
    expect(await ledger.verifyAudit()).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  test('a deleted entry in the middle or at the end is detected', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    await ledger.saveContact({ name: 'Piet', emails: ['piet@acme.nl'] });
    await ledger.saveContact({ name: 'Klaas', emails: ['klaas@acme.nl'] });
    await ledger.db.audit.delete(3);
    expect(await ledger.verifyAudit()).toMatchObject({ ok: false, brokenAtSeq: 3 });
    await ledger.db.audit.delete(2);
    expect(await ledger.verifyAudit()).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });
});

describe('evidence', () => {
  test('stores a file as a Blob with its SHA-256 and gives it back intact', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan, { basis: consentBasis });
    const basisId = (await ledger.contactPage(r.id)).bases[0]!.id;
    const bytes = new TextEncoder().encode('RIFF....fake call recording');
    const saved = await ledger.addEvidenceFile({ contactId: r.id, basisId, date: '2026-02-01', fileName: 'call.wav', mime: 'audio/wav', bytes });
    const { createHash } = await import('node:crypto');
    expect(saved.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const back = await ledger.getEvidenceFile(saved.id);
    expect(new TextDecoder().decode(back.bytes)).toBe('RIFF....fake call recording');
    expect((await ledger.contactPage(r.id)).bases[0]!.evidenceIds).toEqual([saved.id]);
  });

  test('a file over 25 MB is refused with a clear message and nothing is stored', async () => {
    const ledger = freshLedger();
    const r = await ledger.saveContact(jan);
    const err = await ledger
      .addEvidenceFile({ contactId: r.id, date: '2026-02-01', fileName: 'big.wav', mime: 'audio/wav', bytes: new Uint8Array(26 * 1024 * 1024) })
      .catch((e: unknown) => e);
    expect((err as LedgerError).code).toBe('too-large');
    expect((err as Error).message).toMatch(/25 MB/);
    expect(await ledger.db.evidence.count()).toBe(0);
  });
});

describe('settings', () => {
  test('defaults when nothing is stored', async () => {
    const s = await freshLedger().getSettings();
    expect(s.policy).toMatchObject({ mode: 'strict', consentMaxAgeMonths: 24, retentionMonths: 12, telemarketingCutover: '2026-07-01' });
  });
  test('a damaged stored value is repaired field by field on read', async () => {
    const ledger = freshLedger();
    await ledger.db.settings.put({
      key: 'settings',
      value: { organisation: { legalName: 'Acme B.V.', privacyUrl: 42 }, policy: { mode: 'wild', retentionMonths: 6 }, language: 'nl' },
    });
    const s = await ledger.getSettings();
    expect(s.organisation.legalName).toBe('Acme B.V.');
    expect(s.organisation.privacyUrl).toBe('');
    expect(s.policy.mode).toBe('strict');
    expect(s.policy.retentionMonths).toBe(6);
    expect(s.language).toBe('nl');
  });
  test('invalid settings are refused naming the field', async () => {
    const err = await freshLedger()
      .saveSettings({ policy: { consentMaxAgeMonths: -1 } } as never)
      .catch((e: unknown) => e);
    expect((err as LedgerError).where).toBe('policy.consentMaxAgeMonths');
  });
});

describe('assessments', () => {
  const lia = {
    title: 'B2B prospecting',
    interest: 'Selling software to companies',
    necessity: 'No less intrusive way to reach buyers',
    balancing: 'Business contacts expect relevant offers',
    retentionMonths: 12,
    reviewDate: '2027-01-01',
  };
  test('editing stores a new version and keeps the old one', async () => {
    const ledger = freshLedger();
    const a = await ledger.saveAssessment(lia as never);
    const b = await ledger.saveAssessment({ ...lia, id: a.id, retentionMonths: 6 } as never);
    expect(b).toEqual({ id: a.id, version: 2 });
    const got = await ledger.getAssessment(a.id);
    expect(got.versions).toEqual([1, 2]);
    expect(got.assessment.retentionMonths).toBe(6);
    expect((await ledger.getAssessment(a.id, 1)).assessment.retentionMonths).toBe(12);
  });
  test('an incomplete assessment names the missing step', async () => {
    const err = await freshLedger()
      .saveAssessment({ ...lia, necessity: '' } as never)
      .catch((e: unknown) => e);
    expect((err as LedgerError).where).toBe('necessity');
  });
});

describe('clean-up', () => {
  test('finds records without a basis, old consent, retention exceeded and Art. 14 passed', async () => {
    const ledger = freshLedger('2024-01-01T00:00:00.000Z');
    const old = await ledger.saveContact({ name: 'Old', emails: ['old@x.nl'] }, { basis: { ...consentBasis, when: '2023-06-01' } });
    setNow(ledger, '2026-03-01T00:00:00.000Z');
    const legacy = await ledger.saveContact({ name: 'Legacy', emails: ['l@x.nl'] }, { provenance: { source: 'legacy_import', obtainedAt: '2026-01-01' } });
    const fine = await ledger.saveContact({ name: 'Fine', emails: ['f@x.nl'] }, { basis: consentBasis, provenance: { source: 'data_subject', obtainedAt: '2026-02-01' } });
    const scan = await ledger.cleanupScan();
    expect(scan.categories.no_provable_basis.ids).toEqual([legacy.id]);
    expect(scan.categories.consent_too_old.ids).toEqual([old.id]);
    expect(scan.categories.retention_exceeded.ids).toEqual([old.id]);
    expect(scan.categories.art14_passed.ids).toEqual([legacy.id]);
    expect(scan.total).toBe(2);
    const progress: number[] = [];
    const out = await ledger.eraseMany([old.id, legacy.id], 'clean-up', (d) => progress.push(d));
    expect(out.erased).toBe(2);
    expect(progress[progress.length - 1]).toBe(2);
    expect((await ledger.listContacts({})).items.map((c) => c.id)).toEqual([fine.id]);
  });
});

describe('service-worker wake-up', () => {
  test('a closed connection is reopened and the call retried', async () => {
    const ledger = freshLedger();
    await ledger.saveContact(jan);
    ledger.db.close();
    expect((await ledger.listContacts({})).total).toBe(1);
  });
});

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

describe('save profile from LinkedIn', () => {
  const profile = { name: 'Piet Pieters', profileUrl: 'https://www.linkedin.com/in/piet-pieters/', linkedin: { vanity: 'piet-pieters', memberId: 'ACoAAPiet12345' }, restrictedVisibility: false };
  test('a consent choice becomes a consent record naming the organisation and the LinkedIn channel', async () => {
    const ledger = freshLedger();
    await ledger.saveSettings({ organisation: { legalName: 'Acme B.V.' } } as never);
    const { contactId } = await ledger.saveProfileWithChoice(profile, { kind: 'consent', note: 'said yes in chat' });
    const page = await ledger.contactPage(contactId);
    expect(page.bases[0]).toMatchObject({ type: 'consent', who: 'Piet Pieters', what: { entity: 'Acme B.V.', channels: ['linkedin'] }, note: 'said yes in chat' });
    expect(page.provenance[0]).toMatchObject({ source: 'linkedin_manual', url: profile.profileUrl });
    expect((await ledger.factsForRecipient(['li-member:ACoAAPiet12345'])).contact?.id).toBe(contactId);
  });
  test('legitimate interest without an assessment, or a restricted profile, is refused', async () => {
    const ledger = freshLedger();
    await expect(ledger.saveProfileWithChoice(profile, { kind: 'legitimate_interest', note: '' })).rejects.toMatchObject({ where: 'basis.assessmentId' });
    await expect(ledger.saveProfileWithChoice({ ...profile, restrictedVisibility: true }, { kind: 'contract_request', note: '' })).rejects.toMatchObject({ code: 'restricted-profile' });
    expect((await ledger.listContacts({})).total).toBe(0);
  });
});

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
