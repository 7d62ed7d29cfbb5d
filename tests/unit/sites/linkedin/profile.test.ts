// @vitest-environment jsdom
import { AdapterError } from '@/lib/guard/adapter';
import { readProfile, toSavedProfile, topCardIsFor } from '@/lib/sites/linkedin/profile';
import { savedProfileInputSchema } from '@/lib/messaging/guard';
import { fixtureUrls, loadFixture } from './fixtures';

// What "Save to my list" may keep about a person: minimal data only, and never from a restricted profile.

function profileOf(name: string) {
  const { document } = loadFixture(name);
  return readProfile(document, new URL(fixtureUrls[name]!));
}

describe('readProfile', () => {
  test('SDUI profile: name, headline, company, ids; the visible degree; nothing from contact info or location', () => {
    const data = profileOf('profile-invite-note.html')!;
    const saved = toSavedProfile(data);
    expect(saved).toEqual({
      name: 'Dana Whitfield',
      headline: 'Head of Procurement at Northwind Traders | Supply-chain analytics',
      company: 'Northwind Traders',
      profileUrl: 'https://www.linkedin.com/in/dana-whitfield-4b1a27/',
      linkedin: { vanity: 'dana-whitfield-4b1a27', memberId: 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0', profileUrl: 'https://www.linkedin.com/in/dana-whitfield-4b1a27/' },
      restrictedVisibility: false,
    });
    expect(savedProfileInputSchema.safeParse(saved).success).toBe(true);
    expect(data.degree).toBe(2);
    expect(JSON.stringify(saved)).not.toMatch(/contact-info|Leeds, England|University/);
    expect(data.anchor.id).toMatch(/Topcard$/);
  });

  test('a 1st-degree profile (company from the pill)', () => {
    const data = profileOf('profile.html')!;
    expect([data.name, data.company, data.degree, data.restrictedVisibility]).toEqual(['Lee Okafor', 'Contoso', 1, false]);
  });

  test('markup in name and headline is kept as literal text (never parsed)', () => {
    const data = profileOf('profile-markup-name.html')!;
    expect(data.name).toBe('<img src=x onerror="window.__pwned=1">Mallory');
    expect(data.headline).toBe('<script>window.__pwned=2</script> Growth');
  });

  test('"LinkedIn Member" / out of network: restricted visibility, ids from the member-id URL', () => {
    const data = profileOf('profile-restricted.html')!;
    expect(data.restrictedVisibility).toBe(true);
    expect(data.linkedin).toEqual({ memberId: 'ACoAAE1a2b3c4d5e6f7g8h9i0jKlMnOpQrStUvW', profileUrl: 'https://www.linkedin.com/in/ACoAAE1a2b3c4d5e6f7g8h9i0jKlMnOpQrStUvW/' });
  });

  test('a profile without a name reads as an empty name, not a crash', () => {
    const data = profileOf('profile-no-name.html')!;
    expect(data.name).toBe('');
    expect(data.restrictedVisibility).toBe(false);
    expect(savedProfileInputSchema.safeParse(toSavedProfile(data)).success).toBe(true);
  });

  test('Sales Navigator lead: lead id, name, headline, company, degree', () => {
    const data = profileOf('salesnav-lead.html')!;
    expect(toSavedProfile(data)).toEqual({
      name: 'Ana Costa',
      headline: 'Operations Director at Tailspin Toys',
      company: 'Tailspin Toys',
      profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAC3z4mSEf2yCw6OpSt3vZ4bXh7UjKlMnOp3',
      linkedin: { salesNavLeadId: 'ACwAAC3z4mSEf2yCw6OpSt3vZ4bXh7UjKlMnOp3', profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAC3z4mSEf2yCw6OpSt3vZ4bXh7UjKlMnOp3' },
      restrictedVisibility: false,
    });
    expect(data.degree).toBe(3);
  });

  test('Sales Navigator lead out of network is restricted', () => {
    expect(profileOf('salesnav-lead-out-of-network.html')!.restrictedVisibility).toBe(true);
  });

  test('a profile URL whose page has no top card fails loudly; other pages give null', () => {
    const { document } = loadFixture('messaging-overlay.html');
    expect(() => readProfile(document, new URL('https://www.linkedin.com/in/dana/'))).toThrow(AdapterError);
    expect(readProfile(document, new URL('https://www.linkedin.com/notifications/'))).toBeNull();
  });
});

describe('topCardIsFor (the previous profile\'s card is still there after an in-page navigation)', () => {
  const dana = 'https://www.linkedin.com/in/dana-whitfield-4b1a27/';
  test.each([
    ['the card of the URL\'s slug', 'profile-invite-note.html', dana, true],
    ['the slug in another case', 'profile-invite-note.html', 'https://www.linkedin.com/in/Dana-Whitfield-4B1A27/', true],
    ['another person\'s slug', 'profile-invite-note.html', 'https://www.linkedin.com/in/lee-okafor-77/', false],
    ['the card\'s member id in the URL', 'profile-invite-note.html', 'https://www.linkedin.com/in/ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0/', true],
    ['another member id in the URL', 'profile-invite-note.html', 'https://www.linkedin.com/in/ACoAAE1a2b3c4d5e6f7g8h9i0jKlMnOpQrStUvW/', false],
    ['not a profile URL (nothing to compare)', 'profile-invite-note.html', 'https://www.linkedin.com/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0', true],
    ['no top card at all', 'messaging-overlay.html', dana, true],
  ])('%s', (_what, fixture, url, expected) => {
    expect(topCardIsFor(loadFixture(fixture).document, new URL(url))).toBe(expected);
  });
});
