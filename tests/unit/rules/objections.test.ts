import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import type { OutreachInput } from '../../../lib/rules/input';
import { BASE, CONSENT, mk } from './fixtures';

// Objections and erasure (families/objections.ts): first, for the whole organisation, never overridable; and
// what the page could not show (issue 16 item 5), which the engine now says in the catalogue's words.

const strong = { scope: 'all', level: 'person', matchedOn: 'strong', source: 'personal' } as const;
type Row = [situation: string, input: OutreachInput, code: string, expected: 'block' | 'warn' | 'info' | 'absent', overridable?: boolean];
const rows: Row[] = [
  ['an objection on record for this person', mk({ ledger: { suppressions: [strong] } }), 'GD-10', 'block', false],
  ['a teammate\'s objection', mk({ ledger: { suppressions: [{ ...strong, source: 'team' }] } }), 'GD-10', 'block', false],
  ['an objection limited to phone, for an e-mail', mk({ ledger: { suppressions: [{ ...strong, scope: 'phone' }] } }), 'GD-10', 'absent', true],
  ['a name-only match', mk({ ledger: { suppressions: [{ ...strong, matchedOn: 'fuzzy' }] } }), 'OB-01', 'warn', true],
  ['only a name visible on the page', mk({ recipient: { nameOnly: true, displayName: 'Jan de Vries' } }), 'OB-01', 'warn', true],
  ['the company said "do not mail us", to its info@', mk({ recipient: { kind: 'legal_person', address: { value: 'info@bakker.nl' } }, ledger: { suppressions: [{ ...strong, level: 'company' }] } }), 'OB-02', 'block', true],
  ['an erasure', mk({ ledger: { erased: true } }), 'GD-12', 'block', false],
  ['consent withdrawn before the send', mk({ ledger: { bases: [{ ...CONSENT, withdrawnAt: '2026-02-01' }] } }), 'GD-11', 'block', true],
  ['consent withdrawn after the send date', mk({ ledger: { bases: [{ ...CONSENT, withdrawnAt: '2026-04-01' }] } }), 'GD-11', 'absent', true],
  ['"Not interested" on an InMail', mk({ channel: 'linkedin_inmail', recipient: { address: { value: undefined }, linkedin: { declinedInMail: true } } }), 'GD-10', 'block', false],
  ['nobody on record', BASE, 'GD-10', 'absent', true],
  ['a recipient the page could not read', mk({ recipient: { pageStatus: 'unreadable', displayName: 'Jan' } }), 'MISSING-ADDRESS', 'block', true],
  ['no recipient on the page', mk({ recipient: { pageStatus: 'none' } }), 'MISSING-RECIPIENT', 'block', true],
];

describe('objections and erasure (docs/research/legal-rules.md §3-D GD-10..12, §3-F OB-01/02)', () => {
  test.each(rows)('%s', (_s, input, code, expected, overridable) => {
    const v = evaluateOutreach(input);
    expect(v.findings.find((f) => f.code === code)?.severity ?? 'absent', code).toBe(expected);
    if (overridable !== undefined) expect(v.overridable).toBe(overridable);
  });

  test('an unreadable recipient is held with only that finding, naming the recipient', () => {
    const v = evaluateOutreach(mk({ recipient: { pageStatus: 'unreadable', displayName: 'Jan de Vries' } }));
    expect(v.findings.map((f) => f.code)).toEqual(['MISSING-ADDRESS']);
    expect(v.findings[0]!.explanation.nl).toContain('"Jan de Vries"');
    expect(v.findings[0]!.fixes.map((x) => x.kind)).toEqual(['remove-recipient']);
  });
});
