import { describe, expect, test } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';

// Issue 13 item 6: one name for the ledger in Dutch. The hold and the rules catalogue say "register"
// (tests/unit/guard/hold-dialog.test.tsx, tests/unit/rules/catalogue-words.test.ts); the pages say it too.
describe('the Dutch pages name the ledger as the hold does', () => {
  test('no message calls it "administratie"', () => {
    const texts = Object.entries(nl as Record<string, { message: string }>).filter(([, v]) => /administratie/i.test(v.message));
    expect(texts.map(([k]) => k)).toEqual([]);
  });
});
