import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import type { OutreachInput } from '../../../lib/rules/input';
import { BASE, CONSENT, DRAFT_LI_NL, LI_BASIS, PITCH_NL, mk } from './fixtures';

// The draft (families/draft.ts): identity, opt-out, the Art. 21 line and the Art. 13/14 information; what was
// checked and met is said as information (issue 12 item 5); personal data where a role address names a person.

const codesAt = (input: OutreachInput, severity: string) => evaluateOutreach(input).findings.filter((f) => f.severity === severity).map((f) => f.code);
const designated = (patch: unknown = {}) =>
  mk({
    recipient: {
      kind: 'legal_person',
      address: { value: 'voorstellen@bakker.nl', kind: 'role_designated', designationEvidence: { url: 'https://bakker.nl/contact', quote: 'Voorstellen graag naar voorstellen@' } },
      ...(patch as object),
    },
    ledger: { bases: [LI_BASIS] },
    message: { body: PITCH_NL },
  });

describe('the draft (docs/research/legal-rules.md §3-B NL-EM-05, §3-D GD-06..09, §4)', () => {
  test('a complete draft says what was checked: identity and opt-out, notice, objection line, source, basis, consent', () => {
    const info = codesAt(BASE, 'info');
    expect(info).toEqual(expect.arrayContaining(['NL-EM-05', 'GD-06', 'GD-07', 'GD-08', 'GD-01', 'EV-01', 'NL-EM-01']));
    const titles = evaluateOutreach(BASE).findings.filter((f) => f.severity === 'info').map((f) => f.title.en);
    expect(titles).toEqual(expect.arrayContaining(['Sender identity and opt-out present', 'Right-to-object statement present', 'Consent fully recorded']));
  });

  test('an earlier notice is said once, not demanded again', () => {
    const v = evaluateOutreach(mk({ ledger: { priorOutbound: { disclosureGiven: true } }, message: { body: PITCH_NL + 'Geen berichten meer? Antwoord "stop". Acme B.V., privacy@acme.nl' } }));
    expect(v.findings.find((f) => f.code === 'GD-07')).toMatchObject({ severity: 'info', title: { en: 'Privacy information given before' } });
    expect(v.findings.some((f) => f.code === 'GD-06')).toBe(false);
  });

  test.each<[string, OutreachInput, boolean]>([
    ['a designated address of a company that names nobody: no GDPR notice', designated(), false],
    ['a designated address that names a person: the GDPR applies all the same', designated({ address: { value: 'jan.voorstellen@bakker.nl', kind: 'role_designated', namesPerson: true, designationEvidence: { url: 'https://bakker.nl/contact' } } }), true],
    ['a sole trader\'s info@ (the business is the person)', mk({ recipient: { kind: 'natural_professional', address: { value: 'info@bakker.nl' } }, ledger: { bases: [LI_BASIS] }, message: { body: PITCH_NL } }), true],
  ])('%s', (_s, input, gdpr) => {
    const block = codesAt(input, 'block');
    expect(block.includes('GD-07'), `GD-07 in ${block.join(',')}`).toBe(gdpr);
    // the designated address covers the channel either way (Tw 11.7 lid 3)
    if (input.recipient.kind === 'legal_person') expect(evaluateOutreach(input).findings.find((f) => f.code === 'NL-EM-04')?.severity).toBe('info');
  });

  test('a pitch without identity or opt-out blocks until both are in, then says they are', () => {
    const bare = evaluateOutreach(mk({ ledger: { bases: [CONSENT] }, message: { body: PITCH_NL } }));
    expect(bare.findings.find((f) => f.code === 'NL-EM-05')?.severity).toBe('block');
    const fixed = evaluateOutreach(mk({ ledger: { bases: [LI_BASIS] }, message: { body: DRAFT_LI_NL } }));
    expect(fixed.findings.find((f) => f.code === 'NL-EM-05')?.severity).toBe('info');
  });
});
