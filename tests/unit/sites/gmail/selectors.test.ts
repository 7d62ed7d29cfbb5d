// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { gmailSelectors } from '../../../../lib/sites/gmail/selectors';
import { gmailFixtures, loadFixture } from './load-fixture';
import { flattenSelectors } from './selector-table';

// Every Gmail selector against every fixture, with the number of matches expected in the whole page
// (Refined GitHub's selector tests). The adapter scopes chips to .anm[name=…] and everything else to the
// compose, so page-wide counts may include things the adapter ignores (the suggestion chip in dutch-ui).
// A changed count means the fixture or the selector changed: check which one is right before editing.

const columns = [...gmailFixtures, 'after Send (harness)'] as const;
//                                         new pop full inl all fwd two typ nad nl  bcc 200 idn sent
const expected: Record<string, number[]> = {
  'composeRoot[0]':                         [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'expectedCompose[0]':                     [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'floatingDialog[0]':                      [1, 0, 1, 0, 0, 0, 2, 1, 1, 1, 1, 1, 1, 0],
  'fullscreenContainer[0]':                 [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'inlineReplyContainer[0]':                [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  'inlineReplyContainer[1]':                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'standaloneBody[0]':                      [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'replyTypeIcon.reply[0]':                 [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'replyTypeIcon.replyAll[0]':              [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'replyTypeIcon.forward[0]':               [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  'field(to)[0]':                           [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'field(cc)[0]':                           [0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0],
  'field(bcc)[0]':                          [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0],
  'chip[0]':                                [2, 2, 2, 1, 3, 1, 3, 1, 3, 3, 3, 200, 3, 0],
  'chipRemove[0]':                          [2, 2, 2, 1, 3, 1, 3, 1, 3, 2, 3, 200, 3, 0],
  'chipRemove[1]':                          [2, 2, 2, 1, 3, 1, 3, 1, 3, 2, 3, 200, 3, 0],
  'typingInput[0]':                         [1, 2, 2, 1, 2, 1, 3, 2, 2, 2, 2, 3, 2, 0],
  'typingInput[1]':                         [1, 2, 2, 1, 2, 1, 3, 2, 2, 2, 2, 3, 2, 0],
  'classicChip(to)[0]':                     [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'classicChip(cc)[0]':                     [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'classicChip(bcc)[0]':                    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'classicTyping(to)[0]':                   [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'classicTyping(cc)[0]':                   [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'classicTyping(bcc)[0]':                  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'recipientRows[0]':                       [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'recipientSummary[0]':                    [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'subject[0]':                             [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'hiddenSubject[0]':                       [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'body[0]':                                [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'body[1]':                                [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'body[2]':                                [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'body[3]':                                [1, 1, 1, 1, 1, 1, 2, 1, 1, 0, 1, 1, 1, 0],
  'body[4]':                                [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
  'quoted[0]':                              [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  'quoted[1]':                              [0, 0, 0, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  'quoted[2]':                              [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'signature[0]':                           [1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0],
  'signature[1]':                           [1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0],
  'signature[2]':                           [1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0],
  'sendButton[0]':                          [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'sendButton[1]':                          [1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'sendButton[2]':                          [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'sendButton[3]':                          [1, 1, 1, 2, 1, 1, 2, 1, 1, 0, 1, 1, 1, 0],
  'sendButton[4]':                          [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
  'sendAndArchiveButton[0]':                [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'moreSendOptions[0]':                     [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'moreSendOptions[1]':                     [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'scheduleSendItem[0]':                    [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'badgeAnchor[0]':                         [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0],
  'sendErrorDialog[0]':                     [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'sentNotice[0]':                          [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  'sentNotice[1]':                          [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  'sentNotice[2]':                          [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  'undoLink[0]':                            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
};

function documentFor(column: (typeof columns)[number]): Document {
  if (column !== 'after Send (harness)') return loadFixture('gmail', column).document;
  const fx = loadFixture('gmail', 'gmail-new-compose.html', { harness: true });
  // keep the "Undo" link up while the table is checked, however slow the machine (its default is 1.5 s)
  (fx.window as unknown as { __fixture: { undoMs: number } }).__fixture.undoMs = 3_600_000;
  fx.document.querySelector('.aoO[role=button]')!.dispatchEvent(new fx.window.MouseEvent('click', { bubbles: true }));
  return fx.document;
}

describe('Gmail selectors × fixtures', () => {
  const selectors = flattenSelectors(gmailSelectors, ['to', 'cc', 'bcc']);
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

  test('every selector list has at least one language-independent entry that matches the main fixture', () => {
    const main = docs[0]!;
    for (const key of ['composeRoot', 'body', 'subject', 'sendButton', 'moreSendOptions', 'scheduleSendItem', 'chipRemove', 'typingInput'] as const) {
      const first = (gmailSelectors[key] as readonly string[])[0]!;
      expect(first, `${key}[0] must not be a translated label`).not.toMatch(/aria-label=|data-tooltip\^?=/);
      expect(main.querySelectorAll(first).length, `${key}[0] matches the research capture`).toBeGreaterThan(0);
    }
  });
});
