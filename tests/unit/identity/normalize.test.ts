import { describe, expect, test } from 'vitest';
import {
  normalizeDomain,
  normalizeEmail,
  normalizeLinkedIn,
  normalizePhone,
} from '../../../lib/identity/normalize';
import { hashIdentityKey, identityKeysOf } from '../../../lib/identity/keys';

describe('normalizeEmail', () => {
  test.each([
    ['  Jan.Jansen@Acme.NL ', 'jan.jansen@acme.nl'],
    ['mailto:info@acme.nl', 'info@acme.nl'],
    ['Jan Jansen <JAN@acme.nl>', 'jan@acme.nl'],
    ['piet@bücher.de', 'piet@xn--bcher-kva.de'],
    ['anna+sales@sub.example.co.uk', 'anna+sales@sub.example.co.uk'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  test.each([['not-an-email'], ['@acme.nl'], ['jan@'], ['jan@acme'], ['jan..x@acme.nl'], ['jan jansen@acme.nl'], ['jan@acme..nl'], [''], ['jan@1.2.3.4']])(
    'rejects %s',
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );
});

describe('normalizePhone', () => {
  test.each([
    ['06 12345678', '+31612345678'],
    ['+31 (0)6-1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['020 123 4567', '+31201234567'],
    ['+49 30 12345678', '+493012345678'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  test('reads a number without country code in the given region', () => {
    expect(normalizePhone('030 12345678', 'DE')).toBe('+493012345678');
  });

  test.each([['12'], ['bel me'], ['06 123'], [''], ['+31 6 1234 5678 9999 0000']])('rejects %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('a normalised e-mail or phone is returned as it is (a checked CSV plan is not normalised again)', () => {
  test('results are fixed points, rejected input stays rejected however often it is asked, near misses are not taken for results', () => {
    for (const raw of ['  Jan.Jansen@Acme.NL ', 'piet@bücher.de', 'Jan <JAN@acme.nl>']) {
      const once = normalizeEmail(raw)!;
      expect(normalizeEmail(once)).toBe(once);
      expect(normalizeEmail(` ${once.toUpperCase()} `)).toBe(once);
    }
    for (const raw of ['06 12345678', '0031 20 123 4567', '+32 470 12 34 56']) {
      const once = normalizePhone(raw)!;
      expect(normalizePhone(once, 'DE')).toBe(once);
      expect(normalizePhone(` ${once}`)).toBe(once);
    }
    for (let i = 0; i < 3; i++) {
      expect(normalizeEmail('jan@acme')).toBeNull();
      expect(normalizePhone('06 123')).toBeNull();
    }
  });
});

describe('normalizeLinkedIn', () => {
  test('a vanity profile URL gives the lower-cased, decoded slug', () => {
    expect(normalizeLinkedIn({ profileUrl: 'https://www.linkedin.com/in/Jan-Jansen-%C3%A9/' })).toEqual({ vanity: 'jan-jansen-é' });
  });
  test('a /in/ACoAA…/ URL gives the member id, case kept', () => {
    expect(normalizeLinkedIn({ profileUrl: 'https://www.linkedin.com/in/ACoAABcdEfGh123/' })).toEqual({ memberId: 'ACoAABcdEfGh123' });
  });
  test('a URN gives the member id', () => {
    expect(normalizeLinkedIn({ memberId: 'urn:li:fsd_profile:ACoAABcdEfGh123' })).toEqual({ memberId: 'ACoAABcdEfGh123' });
    expect(normalizeLinkedIn({ profileUrl: 'urn:li:fsd_profile:ACoAABcdEfGh123' })).toEqual({ memberId: 'ACoAABcdEfGh123' });
  });
  test('the compose URL gives the member id from profileUrn or recipient', () => {
    const url = 'https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAABcdEfGh123&recipient=ACoAABcdEfGh123';
    expect(normalizeLinkedIn({ profileUrl: url })).toEqual({ memberId: 'ACoAABcdEfGh123' });
    expect(normalizeLinkedIn({ profileUrl: 'https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAXyZ98765' })).toEqual({
      memberId: 'ACoAAXyZ98765',
    });
  });
  test('a Sales Navigator lead URL gives the lead id without the search suffix', () => {
    expect(normalizeLinkedIn({ profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAA1234abcd,NAME_SEARCH,Xy9z' })).toEqual({
      salesNavLeadId: 'ACwAAA1234abcd',
    });
  });
  test('an invite URL gives the vanity', () => {
    expect(normalizeLinkedIn({ profileUrl: 'https://www.linkedin.com/preload/custom-invite/?vanityName=Jan-Jansen' })).toEqual({ vanity: 'jan-jansen' });
  });
  test('explicit fields win and a member id passed as vanity is recognised', () => {
    expect(normalizeLinkedIn({ vanity: 'ACoAABcdEfGh123' })).toEqual({ memberId: 'ACoAABcdEfGh123' });
    expect(normalizeLinkedIn({ vanity: 'Piet', profileUrl: 'https://www.linkedin.com/in/jan/' })).toEqual({ vanity: 'piet' });
  });
  test('a non-LinkedIn URL says nothing', () => {
    expect(normalizeLinkedIn({ profileUrl: 'https://evil.example/in/jan/' })).toEqual({});
  });
});

describe('normalizeDomain', () => {
  test.each([
    ['ACME.nl', 'acme.nl'],
    ['https://www.acme.nl/contact', 'acme.nl'],
    ['www.acme.nl', 'acme.nl'],
    ['jan@Acme.NL', 'acme.nl'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });
  test.each([['acme'], [''], ['http://']])('rejects %s', (raw) => {
    expect(normalizeDomain(raw)).toBeNull();
  });
});

describe('identityKeysOf', () => {
  test('builds every key in the convention, de-duplicated, skipping invalid input', () => {
    const keys = identityKeysOf({
      emails: ['Jan@Acme.nl', 'jan@acme.nl ', 'nonsense'],
      phones: ['06 12345678', '12'],
      linkedin: [{ profileUrl: 'https://www.linkedin.com/in/jan-jansen/' }, { memberId: 'ACoAABcdEfGh123', salesNavLeadId: 'ACwAAA1234abcd' }],
      domains: ['https://www.acme.nl'],
    });
    expect(keys.sort()).toEqual(
      [
        'email:jan@acme.nl',
        'phone:+31612345678',
        'li-vanity:jan-jansen',
        'li-member:ACoAABcdEfGh123',
        'li-lead:ACwAAA1234abcd',
        'domain:acme.nl',
      ].sort(),
    );
  });
});

describe('hashIdentityKey', () => {
  test('is SHA-256 hex of the key', async () => {
    // sha256("email:jan@acme.nl") computed independently with node:crypto
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update('email:jan@acme.nl').digest('hex');
    expect(await hashIdentityKey('email:jan@acme.nl')).toBe(expected);
    expect(await hashIdentityKey('email:jan@acme.nl')).not.toBe(await hashIdentityKey('email:jan@acme.com'));
  });
});
