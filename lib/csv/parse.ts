// RFC 4180 CSV with what Dutch Excel produces: `;` as separator, a UTF-8 byte-order mark, quoted fields with
// "" for a quote and line breaks inside quotes, CRLF or LF line ends.

export type Delimiter = ',' | ';' | '\t';

export class CsvError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 10_000; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  // Ties go to `;`: a Dutch Excel file with one column and a comma in a name is still `;`-separated.
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export interface ParsedCsv {
  delimiter: Delimiter;
  /** every record, the header first; empty lines left out */
  rows: string[][];
  /** the 1-based line where each record starts (for error messages that match what a spreadsheet shows) */
  lines: number[];
}

export function parseCsv(input: string, delimiter: Delimiter | 'auto' = 'auto'): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\u0000')) throw new CsvError('This is not a text CSV file (it contains binary data).');
  const sep = delimiter === 'auto' ? detectDelimiter(text) : delimiter;
  const SEP = sep.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  // Fields are sliced out of the text rather than built a character at a time (50 000-row files).
  while (i <= n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      let out = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) throw new CsvError(`Row starting on line ${rowLine}: a quoted field is never closed (missing ").`, rowLine);
        if (text.charCodeAt(j + 1) === QUOTE) {
          out += text.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        out += text.slice(from, j);
        break;
      }
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === LF) line++;
      field = out;
      i = j + 1;
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      let k = i;
      while (k < n && text.charCodeAt(k) !== SEP && text.charCodeAt(k) !== LF && text.charCodeAt(k) !== CR) k++;
      field += text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === SEP || c === LF || c === CR) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === SEP) {
      i++;
      continue;
    }
    // End of a record (line break or end of text).
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    i++;
    line++;
    rowLine = line;
  }
  return { delimiter: sep, rows, lines };
}
