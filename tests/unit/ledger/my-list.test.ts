import { describe, expect, test } from 'vitest';
import { freshLedger } from './helpers';

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
