// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { addressIn, addressOfEntry, cutFrom, looksLikeAddress, queryAll, queryFirst, splitTyped, visibleTextOf } from '../../../lib/sites/shared/dom';

// The small parsers both webmail adapters rely on. "Malformed" must never turn into a clean address.

describe('addresses', () => {
  test.each([
    ['jan.jansen@acme.nl', true],
    ['info@bäckerei-müller.de', true],
    ['jan@xn--mller-kva.nl', true],
    ['ïnfo@voorbeeld.nl', true],
    ['a+tag@sub.example.co.uk', true],
    ['jan.jansen@acme', false],
    ['jan.jansen@@acme.nl', false],
    ['jan jansen@acme.nl', false],
    ['@acme.nl', false],
    ['jan@', false],
    ['jan@.nl', false],
    ['jan@acme..nl', false],
    ['<jan@acme.nl>', false],
    ['', false],
  ])('looksLikeAddress(%j) → %s', (s, ok) => {
    expect(looksLikeAddress(s)).toBe(ok);
  });

  test.each([
    ['Karin de Boer <karin@example.org>', 'karin@example.org'],
    ['"de Boer, Karin" <karin@example.org>', 'karin@example.org'],
    ['karin@example.org', 'karin@example.org'],
    ['mailto:karin@example.org', 'karin@example.org'],
    ['\u200bkarin@example.org\u200b', 'karin@example.org'],
    ['Karin karin@example.org', null],
    ['Karin <karin@example>', null],
    ['Henk de Vries', null],
  ])('a typed entry %j is the address %j', (entry, address) => {
    expect(addressOfEntry(entry)).toBe(address);
  });

  test.each([
    ['Available Jan Jansen <jan@acme.nl>', 'jan@acme.nl'],
    ['jan@acme.nl (extern)', 'jan@acme.nl'],
    ['Opens card for Jan Jansen', null],
  ])('a chip label %j holds the address %j', (label, address) => {
    expect(addressIn(label)).toBe(address);
  });

  test('typed boxes split on commas, semicolons and new lines', () => {
    expect(splitTyped('a@x.nl, b@y.nl;C <c@z.nl>\n d@w.nl ,, "Boer, K" <k@z.nl>')).toEqual(['a@x.nl', 'b@y.nl', 'C <c@z.nl>', 'd@w.nl', '"Boer, K" <k@z.nl>']);
  });
});

describe('editor text', () => {
  const el = (html: string) => {
    const d = document.createElement('div');
    d.innerHTML = html;
    return d;
  };

  test('blocks and <br> become lines; zero-width and non-breaking spaces are cleaned', () => {
    expect(visibleTextOf(el('<div>Beste Jan,</div><div><br></div><div>Tekst&nbsp;hier\u200b</div><span>a</span><br><span>b</span>'))).toBe('Beste Jan,\n\nTekst hier\na\nb');
  });

  test('cutFrom removes a marker and everything after it, at any depth', () => {
    const d = el('<div><p>mijn tekst</p><div id="appendonsend"></div><p>quote 1</p></div><p>quote 2</p>');
    cutFrom(d, d.querySelector('#appendonsend')!);
    expect(visibleTextOf(d)).toBe('mijn tekst');
  });
});

describe('selector lists (one variant per entry, shared by every site)', () => {
  const scope = () => {
    const div = document.createElement('div');
    div.innerHTML = '<p class="a" id="one"></p><p class="a b" id="two"></p><span class="b" id="three"></span>';
    return div;
  };

  test('queryFirst: the first match of the first variant that matches, in variant order', () => {
    expect(queryFirst(scope(), ['.none', 'span.b', 'p.a'])?.id).toBe('three');
    expect(queryFirst(scope(), ['.none'])).toBeNull();
  });

  test('queryAll: every match of every variant, variant by variant, each element once', () => {
    expect(queryAll(scope(), ['.b', 'p.a']).map((el) => el.id)).toEqual(['two', 'three', 'one']);
    expect(queryAll(scope(), [])).toEqual([]);
  });
});
