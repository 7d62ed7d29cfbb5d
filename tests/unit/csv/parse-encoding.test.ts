import { describe, expect, test } from 'vitest';
import { decodeCsv, detectEncoding, replacementCount, type CsvEncoding } from '../../../lib/csv/encoding';
import { parseCsv } from '../../../lib/csv/parse';

const text = 'naam;e-mail;notitie\r\nÖzdemir;o.ozdemir@acme.nl;€ 25 „korting” – één keer\r\n';

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, !bigEndian);
    at = 2;
  }
  for (let i = 0; i < s.length; i++, at += 2) view.setUint16(at, s.charCodeAt(i), !bigEndian);
  return out;
}

// What Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)": one byte per letter.
function windows1252(s: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '„': 0x84, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...s].map((c) => high[c] ?? c.charCodeAt(0)));
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (b: Uint8Array) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]);

describe('detectEncoding and decodeCsv', () => {
  test.each<[string, Uint8Array, CsvEncoding, boolean]>([
    ['UTF-8 without a byte-order mark', utf8(text), 'utf-8', false],
    ['UTF-8 with a byte-order mark (Excel "CSV UTF-8")', withBom(utf8(text)), 'utf-8', true],
    ['UTF-16 LE with a mark (Excel "Unicode-tekst")', utf16(text, false, true), 'utf-16le', true],
    ['UTF-16 BE with a mark', utf16(text, true, true), 'utf-16be', true],
    ['UTF-16 LE without a mark', utf16(text, false, false), 'utf-16le', false],
    ['UTF-16 BE without a mark', utf16(text, true, false), 'utf-16be', false],
    ['Windows-1252 (Excel "CSV" on a Dutch PC)', windows1252(text), 'windows-1252', false],
  ])('%s is recognised and reads back letter for letter', (_name, bytes, encoding, bom) => {
    expect(detectEncoding(bytes)).toEqual({ encoding, bom });
    const decoded = decodeCsv(bytes, encoding);
    expect(decoded).toBe(text);
    expect(parseCsv(decoded).rows[1]).toEqual(['Özdemir', 'o.ozdemir@acme.nl', '€ 25 „korting” – één keer']);
  });

  test('a Windows-1252 file read as UTF-8 shows replacement characters, which the preview counts', () => {
    const wrong = decodeCsv(windows1252(text), 'utf-8');
    expect(wrong).toContain('\ufffdzdemir');
    expect(replacementCount(wrong)).toBeGreaterThanOrEqual(5);
    expect(replacementCount(text)).toBe(0);
  });

  test('a plain ASCII file counts as UTF-8 (both readings agree)', () => {
    expect(detectEncoding(utf8('name,email\nJan,jan@acme.nl\n'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  test('an empty file is UTF-8 and decodes to nothing', () => {
    expect(detectEncoding(new Uint8Array())).toEqual({ encoding: 'utf-8', bom: false });
    expect(decodeCsv(new Uint8Array(), 'utf-8')).toBe('');
  });

  test('the byte-order mark never becomes part of the first header', () => {
    const decoded = decodeCsv(withBom(utf8('naam;email\n')), 'utf-8');
    expect(parseCsv(decoded).rows[0]).toEqual(['naam', 'email']);
  });

  test('a large Windows-1252 file decodes in one piece (more than one chunk)', () => {
    const row = 'Ñúñez;n@acme.nl;€\r\n';
    const big = 'naam;email;x\r\n' + row.repeat(5000);
    expect(decodeCsv(windows1252(big), 'windows-1252')).toBe(big);
  });
});
