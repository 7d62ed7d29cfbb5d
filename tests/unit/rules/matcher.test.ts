import { describe, expect, test } from 'vitest';
import { firstChars, PhraseMatcher } from '../../../lib/rules/classifier/matcher';
import { PHRASE_FAMILIES } from '../../../lib/rules/classifier/phrases';
import { splitSentences } from '../../../lib/rules/classifier/sentences';
import { readCorpus } from '../../../scripts/train-classifier';

// The phrase matcher must find exactly what one big regex over all families finds (the model was trained on
// those answers); it only tries fewer patterns at each word start.

function nonCapturing(src: string): string {
  return src.replace(/(?<!\\)\((?!\?)/g, '(?:');
}
const ONE_REGEX = new RegExp(`\\b(?:${PHRASE_FAMILIES.map((f) => `(${f.patterns.map(nonCapturing).join('|')})`).join('|')})`, 'g');
function byOneRegex(text: string): string[] {
  const hits: string[] = [];
  ONE_REGEX.lastIndex = 0;
  for (let m = ONE_REGEX.exec(text); m !== null; m = ONE_REGEX.exec(text)) {
    if (m[0].length === 0) {
      ONE_REGEX.lastIndex++;
      continue;
    }
    const g = m.findIndex((v, i) => i > 0 && v !== undefined);
    hits.push(`${g - 1}:${m[0]}`);
  }
  return hits;
}
const matcher = new PhraseMatcher(PHRASE_FAMILIES.map((f) => f.patterns));
function byMatcher(text: string): string[] {
  const hits: string[] = [];
  matcher.scan(text, (family, matched) => hits.push(`${family}:${matched}`));
  return hits;
}

describe('phrase matcher', () => {
  test('finds what one regex over all families finds, on every corpus message', () => {
    const texts = readCorpus().map((e) => (e.subject ? `${e.subject}\n${e.body}` : e.body).toLowerCase());
    let hits = 0;
    for (const t of texts) {
      const expected = byOneRegex(t);
      hits += expected.length;
      expect(byMatcher(t), t).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(1000);
  });

  test.each([
    'prijs € 5 per maand, 20% korting; €10 off.\n^ok',
    'ok, prima!',
    '(zie bijlage) — 15-minute call? 3x sneller, 2 vragen',
    '__korting_ a-korting é-prijs 1korting',
  ])('edge cases match too: %j', (t) => {
    expect(byMatcher(t)).toEqual(byOneRegex(t));
  });

  test.each([
    ['korting', ['k']],
    ['(al )?vanaf €', ['a', 'v']],
    ['\\bgratis\\b', ['g']],
    ['\\d+ ?% off', [...'0123456789']],
    ['[ab]c|d', ['a', 'b', 'd']],
  ])('first characters of %j', (src, chars) => {
    expect([...(firstChars(src) ?? [])].sort()).toEqual([...chars].sort());
  });

  test('a pattern whose start cannot be told is tried everywhere', () => {
    expect(firstChars('.{0,3}x')).toBeNull();
    expect(firstChars('\\w+')).toBeNull();
    const hits: string[] = [];
    new PhraseMatcher([['.ab'], ['zz']]).scan('q zz xab', (f, m) => hits.push(`${f}:${m}`));
    expect(hits).toEqual(byOneRegexOf([['.ab'], ['zz']], 'q zz xab'));
  });
});

function byOneRegexOf(families: string[][], text: string): string[] {
  const re = new RegExp(`\\b(?:${families.map((f) => `(${f.map(nonCapturing).join('|')})`).join('|')})`, 'g');
  const hits: string[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) hits.push(`${m.findIndex((v, i) => i > 0 && v !== undefined) - 1}:${m[0]}`);
  return hits;
}

describe('sentence split', () => {
  test.each([
    'Een. Twee!  Drie?\nVier\n\n\nVijf.\n  Zes',
    '',
    '. a.\u00a0b ?\n',
    'geen einde',
    'a.\n\n  b',
  ])('splits %j as the regex does', (t) => {
    expect(splitSentences(t)).toEqual(t.split(/(?<=[.!?])\s+|\n+/));
  });

  test('splits every corpus message as the regex does', () => {
    for (const e of readCorpus()) expect(splitSentences(e.body)).toEqual(e.body.split(/(?<=[.!?])\s+|\n+/));
  });
});
