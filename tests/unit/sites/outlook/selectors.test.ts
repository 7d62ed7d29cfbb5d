// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { outlookSelectors } from '../../../../lib/sites/outlook/selectors';
import { loadFixture, outlookFixtures } from '../gmail/load-fixture';
import { flattenSelectors } from '../gmail/selector-table';

// Every Outlook selector against every fixture, with the number of matches expected in the whole page.
// The adapter scopes fields to the compose root, so page-wide counts include the read message's own
// MSG_*_TO in inline-reply.html. A changed count: check whether the fixture or the selector is right.

const columns = [...outlookFixtures, 'after Send (harness)'] as const;
//                                 compose popout inline name-only sent
const expected: Record<string, number[]> = {
  'composeRoot[0]':               [1, 0, 1, 1, 0],
  'composeRoot[1]':               [0, 1, 0, 0, 0],
  'popoutRoot[0]':                [0, 1, 0, 0, 0],
  'expectedCompose[0]':           [1, 1, 1, 1, 0],
  'field(to)[0]':                 [1, 1, 2, 1, 0],
  'field(cc)[0]':                 [1, 1, 0, 1, 0],
  'field(bcc)[0]':                [0, 1, 0, 1, 0],
  'fieldEditor[0]':               [3, 4, 2, 4, 0],
  'chip[0]':                      [2, 3, 2, 4, 0],
  'chip[1]':                      [2, 3, 1, 4, 0],
  'chipText[0]':                  [2, 3, 1, 4, 0],
  'chipText[1]':                  [2, 3, 1, 4, 0],
  'subject[0]':                   [1, 1, 0, 1, 0],
  'subject[1]':                   [1, 1, 0, 1, 0],
  'subject[2]':                   [0, 0, 0, 0, 0],
  'subject[3]':                   [0, 0, 0, 0, 0],
  'body[0]':                      [1, 1, 1, 1, 0],
  'body[1]':                      [1, 1, 1, 1, 0],
  'body[2]':                      [1, 1, 1, 1, 0],
  'body[3]':                      [0, 0, 0, 0, 0],
  'body[4]':                      [0, 0, 0, 0, 0],
  'quoteStart[0]':                [0, 0, 1, 0, 0],
  'quoteStart[1]':                [0, 0, 1, 0, 0],
  'quoteStart[2]':                [0, 0, 0, 0, 0],
  'quoteStart[3]':                [0, 0, 0, 0, 0],
  'signature[0]':                 [1, 1, 1, 1, 0],
  'signature[1]':                 [0, 0, 0, 0, 0],
  'sendButton[0]':                [1, 1, 1, 1, 0],
  'sendButton[1]':                [1, 1, 1, 1, 0],
  'sendButton[2]':                [1, 1, 1, 1, 0],
  'sendButton[3]':                [1, 1, 1, 1, 0],
  'sendButton[4]':                [1, 1, 1, 1, 0],
  'sendButton[5]':                [0, 0, 0, 0, 0],
  'sendButton[6]':                [0, 0, 0, 0, 0],
  'sendMenuButton[0]':            [1, 1, 1, 1, 0],
  'discardButton[0]':             [1, 1, 1, 1, 0],
  'popoutButton[0]':              [1, 0, 0, 0, 0],
  'sendErrorDialog[0]':           [0, 0, 0, 0, 0],
};

function documentFor(column: (typeof columns)[number]): Document {
  if (column !== 'after Send (harness)') return loadFixture('outlook', column).document;
  const fx = loadFixture('outlook', 'outlook-compose.html', { harness: true });
  fx.document.querySelector('[data-testid="ComposeSendButton"] button[title]')!.dispatchEvent(new fx.window.MouseEvent('click', { bubbles: true }));
  return fx.document;
}

describe('Outlook selectors × fixtures', () => {
  const selectors = flattenSelectors(outlookSelectors, ['to', 'cc', 'bcc']);
  const docs = columns.map(documentFor);

  test('every selector has a row in the table, and every row a selector', () => {
    expect(selectors.map(([name]) => name).sort()).toEqual(Object.keys(expected).sort());
  });

  test.each(selectors)('%s  (%s)', (name, selector) => {
    const row = expected[name]!;
    expect(row, `give ${name} one count per fixture`).toHaveLength(columns.length);
    const counts = docs.map((d) => d.querySelectorAll(selector).length);
    const diff = columns.filter((_, i) => counts[i] !== row[i]).map((c) => `${c}: expected ${row[columns.indexOf(c)]}, found ${counts[columns.indexOf(c)]}`);
    expect(diff, `${name} = ${selector}`).toEqual([]);
  });

  test('the first entry of each list is language-independent and matches the research capture', () => {
    const main = docs[0]!;
    for (const key of ['composeRoot', 'body', 'subject', 'sendButton', 'chip'] as const) {
      const first = (outlookSelectors[key] as readonly string[])[0]!;
      expect(first, `${key}[0] must not be a translated label`).not.toMatch(/aria-label=|title=/);
      expect(main.querySelectorAll(first).length, `${key}[0] matches the research capture`).toBeGreaterThan(0);
    }
  });
});
