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

  test('one template to names with particles and to a plain name gives one fingerprint (names go as whole words)', async () => {
    const template = (first: string, full: string) =>
      `Beste ${full},\n\nHoi ${first}, heb je vandaag tijd voor een demo van de derde versie? ` +
      `Onder de deelnemers van de beurs was ook ${first}. Groet, Sam`;
    const people = [
      { first: 'Anna', full: 'Anna de Vries' },
      { first: 'Piet', full: 'Piet van der Berg' },
      { first: 'Karin', full: 'Karin Smit' },
    ];
    const prints = await Promise.all(people.map((p) => bodyFingerprint(template(p.first, p.full), [{ key: p.first, displayName: p.full }])));
    expect(new Set(prints).size).toBe(1);
    expect(normalizeForFingerprint(template('Anna', 'Anna de Vries'), [{ key: 'a', displayName: 'Anna de Vries' }])).toBe(
      'beste hoi heb je vandaag tijd voor een demo van de derde versie onder de deelnemers van de beurs was ook groet sam',
    );
  });

  test.each([
    ['a name inside a longer word stays ("Jan" in "januari")', 'Jan Smit', 'Hoi Jan, tot januari bij Smitty', 'hoi tot januari bij smitty'],
    ['a surname with its particle after a title goes ("mevrouw De Vries")', 'Anna de Vries', 'Geachte mevrouw De Vries, de demo', 'geachte mevrouw de demo'],
    ['a two-letter name is not removed on its own (it would cut common words)', 'Li Na', 'Hi Li, de li-ion demo', 'hi li de li ion demo'],
    ['a full name of short words goes as a whole ("Beste Li Na")', 'Li Na', 'Beste Li Na, heb je de li-ion demo gezien?', 'beste heb je de li ion demo gezien'],
    ['Unicode names are whole words too', 'Zoë Åberg', 'Hej Zoë Åberg! Åbergs zoëfilter', 'hej åbergs zoëfilter'],
  ])('%s', (_what, name, body, expected) => {
    expect(normalizeForFingerprint(body, [{ key: 'x', displayName: name }])).toBe(expected);
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
