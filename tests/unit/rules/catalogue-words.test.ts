import { describe, expect, test } from 'vitest';
import { CATALOGUE, FIX_LABELS, citationInEnglish } from '../../../lib/rules/catalogue';

// The catalogue's words (issue 13 item 6): Dutch in one voice ("je"), one name for the register, no internal
// references in what a rep reads, citations in the reader's language.

const entries = Object.entries(CATALOGUE);
const dutch = entries.flatMap(([code, e]) => [[code, e.title.nl], [code, e.explanation.nl]] as const);
const everything = entries.flatMap(([code, e]) => [e.title.nl, e.title.en, e.explanation.nl, e.explanation.en, ...e.citations, ...e.citationsEn].map((t) => [code, t] as const));

describe('catalogue words', () => {
  test.each(dutch)('%s speaks to the rep as "je": %s', (_code, text) => {
    expect(text).not.toMatch(/\b(u|uw|U|Uw)\b/);
    expect(text).not.toMatch(/administratie/);
  });

  test.each(Object.entries(FIX_LABELS))('fix %s speaks as "je"', (_k, label) => {
    expect(label.nl).not.toMatch(/\b(u|uw|U|Uw)\b/);
  });

  test.each(everything)('%s has no internal references: %s', (_code, text) => {
    expect(text).not.toMatch(/legal-rules|\.md\b|\[V\b|\[U\b|\[P\b|§\d+ punt/);
  });

  test.each(entries)('%s cites in English for an English reader', (_code, e) => {
    expect(e.citationsEn).toHaveLength(e.citations.length);
    for (const c of e.citationsEn) expect(c).not.toMatch(/\bAVG\b|\bHvJ\b|\blid \d|Richtsnoeren| en |overweging|e-mailregels/);
  });

  test.each([
    ['AVG art. 5(2) en 6(1)', 'GDPR Art. 5(2) and 6(1)'],
    ['Telecommunicatiewet art. 11.7 lid 1', 'Dutch Telecommunications Act art. 11.7 paragraph 1'],
    ['HvJ EU C-654/23 Inteligo Media', 'CJEU C-654/23 Inteligo Media'],
    ['UWG §7a', 'UWG §7a'],
  ])('%s → %s', (nl, en) => {
    expect(citationInEnglish(nl)).toBe(en);
  });
});
