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
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(`Row starting on line ${rowLine}: a quoted field is never closed (missing ").`, rowLine);
  if (field !== '' || row.length > 0) endRow();
  return { delimiter: sep, rows, lines };
}
