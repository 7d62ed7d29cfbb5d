// Which text encoding a CSV file is in. Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" as
// Windows-1252, "CSV UTF-8" with a byte-order mark, and "Unicode-tekst" as UTF-16 LE with a mark; other tools
// write UTF-8 without one. Reading a Windows-1252 file as UTF-8 turns "Özdemir" into "�zdemir", so the
// bytes are looked at before they become text.

export const csvEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** the file starts with a byte-order mark (which names the encoding for certain) */
  bom: boolean;
}

const bomOf: Record<CsvEncoding, number[] | undefined> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  'windows-1252': undefined,
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a mark: text of mostly Latin letters has a zero in every other byte. */
function utf16Without(bytes: Uint8Array): CsvEncoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
    if (startsWith(bytes, bomOf[encoding]!)) return { encoding, bom: true };
  }
  const wide = utf16Without(bytes);
  if (wide) return { encoding: wide, bom: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: false };
  } catch {
    // Not valid UTF-8: the bytes of an accented letter stand alone, as Windows-1252 writes them.
    return { encoding: 'windows-1252', bom: false };
  }
}

/** The file's text in the given encoding, without its byte-order mark. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string {
  const bom = bomOf[encoding];
  const body = bom && startsWith(bytes, bom) ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  // ignoreBOM keeps a mark of another encoding visible rather than silently eating one.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

// 0x80–0x9F of Windows-1252 as the Encoding Standard maps them (€, „, …, quotes, dashes, Š, Ž, Ÿ); the rest is Latin-1. Decoded here
// because some TextDecoders (Node's among them) read "windows-1252" as Latin-1 and turn € into a control code.
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 0x4000;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? cp1252High.charCodeAt(b - 0x80) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** How many characters could not be decoded (shown as U+FFFD): a sign the encoding chosen is wrong. */
export function replacementCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}
