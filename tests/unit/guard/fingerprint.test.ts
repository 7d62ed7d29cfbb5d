import { describe, expect, test } from 'vitest';
import { bodyFingerprint, containsText, normalizeForFingerprint } from '@/lib/guard/fingerprint';
import { tabStateOf } from '@/lib/guard/status';

const anna = [{ key: 'a', displayName: 'Anna de Vries' }];
const piet = [{ key: 'p', displayName: 'Piet Jansen' }];

describe('body fingerprint (bulk sending, LI-04)', () => {
  test('the same template to different people, with other numbers, gives the same fingerprint', async () => {
    const a = await bodyFingerprint('Hoi Anna,\n\nWe hebben 3 plekken vrij op 12 mei.  Interesse?', anna);
    const b = await bodyFingerprint('Hoi Piet, we hebben 5 plekken vrij op 14 mei. interesse?', piet);
    expect(a).toBe(b);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('a different message gives a different fingerprint', async () => {
    expect(await bodyFingerprint('Hoi Anna, dank voor je bericht.', anna)).not.toBe(await bodyFingerprint('Hoi Anna, zullen we bellen?', anna));
  });

  test('normalising keeps the words and drops names, digits, case and spacing', () => {
    expect(normalizeForFingerprint('Beste ANNA de Vries,   bel 06-12345678!', anna)).toBe('beste bel');
  });
});

describe('disclosure detection', () => {
  test('finds the disclosure regardless of line breaks and case', () => {
    expect(containsText('Hoi,\n\nIk vond je via LinkedIn.\nJe   gegevens komen van LinkedIn.', 'je gegevens komen van linkedin.')).toBe(true);
    expect(containsText('Hoi, zullen we bellen?', 'Je gegevens komen van LinkedIn.')).toBe(false);
    expect(containsText('anything', undefined)).toBe(false);
  });
});

describe('tab state for the toolbar', () => {
  test.each([
    [['clean', 'checking'], false, 'active'],
    [['clean', 'inactive'], false, 'inactive'],
    [['inactive', 'held'], false, 'held'],
    [[], true, 'inactive'],
    [[], false, 'active'],
  ] as const)('composers %j (page problem %s) → %s', (states, problem, expected) => {
    expect(tabStateOf(states, problem)).toBe(expected);
  });
});
