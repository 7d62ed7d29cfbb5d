import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import {
  FREE_MAIL_DOMAINS,
  ROLE_LOCAL_PARTS,
  countryFromAddress,
  countryFromPhone,
  inferAddress,
  kindFromLegalForm,
  normalizeCountry,
} from '../../../lib/rules/infer';
import { LI_BASIS, SCRIPT_NL, call, mk } from './fixtures';

describe('recipient kind from the legal form', () => {
  test.each([
    ['eenmanszaak', 'natural_professional'],
    ['Eenmanszaak', 'natural_professional'],
    ['VOF', 'natural_professional'],
    ['V.O.F.', 'natural_professional'],
    ['Jansen Installatie V.O.F.', 'natural_professional'],
    ['maatschap', 'natural_professional'],
    ['CV', 'natural_professional'],
    ['commanditaire vennootschap', 'natural_professional'],
    ['zzp', 'natural_professional'],
    ["zzp'er", 'natural_professional'],
    ['sole trader', 'natural_professional'],
    ['partnership', 'natural_professional'],
    ['BV', 'legal_person'],
    ['B.V.', 'legal_person'],
    ['Acme B.V.', 'legal_person'],
    ['NV', 'legal_person'],
    ['stichting', 'legal_person'],
    ['vereniging', 'legal_person'],
    ['coöperatie', 'legal_person'],
    ['Ltd', 'legal_person'],
    ['Foo Ltd', 'legal_person'],
    ['plc', 'legal_person'],
    ['LLP', 'legal_person'],
    ['GmbH', 'legal_person'],
  ])('%s → %s', (form, kind) => {
    expect(kindFromLegalForm(form)).toBe(kind);
  });

  test.each(['', 'Bakkerij de Gouden Korenaar', 'onbekend'])('%j → unknown', (form) => {
    expect(kindFromLegalForm(form)).toBeUndefined();
  });

  test('a sole trader inferred from the legal form needs opt-in for calls (NL-TM-01)', () => {
    const v = evaluateOutreach(call({ recipient: { kind: undefined, legalForm: 'eenmanszaak' }, ledger: { bases: [LI_BASIS] } }));
    expect(v.findings.map((f) => f.code)).toContain('NL-TM-01');
  });

  test('a BV inferred from the legal form may be called (NL-TM-03)', () => {
    const v = evaluateOutreach(
      call({ recipient: { kind: undefined, legalForm: 'Bakker Installatie B.V.', address: { kind: 'phone_switchboard' } }, ledger: { bases: [LI_BASIS] }, message: { body: SCRIPT_NL } }),
    );
    expect(v.findings.map((f) => f.code)).toContain('NL-TM-03');
    expect(v.decision).not.toBe('block');
  });
});

describe('address kind from the address', () => {
  test.each(FREE_MAIL_DOMAINS.map((d) => [`jan.jansen@${d}`]))('%s is a private address of a natural person', (addr) => {
    expect(inferAddress(addr)).toEqual({ addressKind: 'personal_private', naturalPerson: true });
  });

  test.each(ROLE_LOCAL_PARTS.map((l) => [`${l}@bakker-installatie.nl`]))('%s is a role address', (addr) => {
    expect(inferAddress(addr).addressKind).toBe('role_generic');
  });

  test.each([
    ['jan.bakker@bakker-installatie.nl', 'personal_business'],
    ['INFO@Bakker.NL', 'role_generic'],
    ['info+leads@bakker.nl', 'role_generic'],
    ['https://www.linkedin.com/in/janbakker/', 'linkedin_member'],
    ['+31 6 1234 5678', 'phone_mobile'],
    ['06-12345678', 'phone_mobile'],
    ['+31 20 123 4567', 'phone_direct'],
  ])('%s → %s', (addr, kind) => {
    expect(inferAddress(addr).addressKind).toBe(kind);
  });

  test('a gmail address makes the recipient a natural person: info@ tolerance does not apply', () => {
    const v = evaluateOutreach(mk({ recipient: { kind: undefined, address: { value: 'jan.bakker@gmail.com' } }, ledger: { bases: [LI_BASIS] } }));
    expect(v.findings.map((f) => f.code)).toContain('NL-EM-01');
  });
});

describe('country from domain or phone prefix', () => {
  test.each([
    ['jan@bakker.nl', 'NL'],
    ['jan@bakker.be', 'BE'],
    ['jan@bakker.de', 'DE'],
    ['jan@bakker.co.uk', 'GB'],
    ['jan@bakker.frl', 'NL'],
    ['jan@bakker.com', undefined],
    ['jan@gmail.com', undefined],
    ['+32 2 123 45 67', 'BE'],
    ['0049 30 1234567', 'DE'],
    ['+44 20 7946 0958', 'GB'],
    ['+352 123 456', 'LU'],
    ['020 123 4567', undefined],
    ['https://nl.linkedin.com/in/jan', 'NL'],
    ['https://www.linkedin.com/in/jan', undefined],
  ])('%s → %s', (addr, country) => {
    expect(countryFromAddress(addr)).toBe(country);
  });

  test('phone prefix when the address says nothing', () => {
    expect(countryFromPhone('+49 171 1234567')).toBe('DE');
    const v = evaluateOutreach(mk({ recipient: { address: { value: 'jan@bakker.com' }, phone: '+49 171 1234567' }, ledger: { bases: [LI_BASIS] } }));
    expect(v.findings.map((f) => f.code)).toContain('DE-EM-01');
  });

  test('an explicit country wins over the domain', () => {
    const v = evaluateOutreach(mk({ recipient: { country: 'BE' } }));
    expect(v.findings.map((f) => f.code)).toContain('BE-GD-01');
  });

  test('UK is read as GB', () => {
    expect(normalizeCountry('uk')).toBe('GB');
  });
});
