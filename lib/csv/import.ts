import { normalizeDomain, normalizeEmail, normalizePhone } from '../identity/normalize';
import { linkedInFromText } from '../identity/keys';
import type { BasisDraft, ImportRow } from '../ledger/repository';
import { companySchema, contactSchema } from '../model/contact';
import { sourceKinds, type SourceKind } from '../model/vocabulary';
import type { CsvField } from '../model/csv';
import { parseDutchDate } from './dates';
import { guessMapping } from './mapping';
import { CsvError, parseCsv, type Delimiter, type ParsedCsv } from './parse';

// CSV → validated import rows. Every problem is reported with its row (as a spreadsheet numbers it, the
// header being row 1) and its column; the caller imports nothing when there is any.

export interface RowError {
  row?: number;
  field?: string;
  message: string;
}

export interface CsvImportOptions {
  delimiter?: Delimiter | 'auto';
  /** header → field; headers not named here are guessed */
  mapping?: Record<string, CsvField>;
  defaultSource?: SourceKind;
  /** today, for "date in the future" and as the obtained date when the file has none */
  today: string;
  defaultRegion?: string;
  /** stop collecting after this many errors (a wrong delimiter would otherwise report every row) */
  maxErrors?: number;
  /**
   * `refuse` (default): the caller imports nothing when any row is bad, so collecting stops at maxErrors.
   * `skip`: every row is checked; the good ones are imported and each bad one is reported and skipped.
   */
  badRows?: 'refuse' | 'skip';
}

export interface CsvImportPlan {
  delimiter: Delimiter;
  headers: string[];
  mapping: Record<string, CsvField>;
  rows: ImportRow[];
  errors: RowError[];
  /** how many data rows had an error (each is reported in `errors` up to maxErrors, and not in `rows`) */
  badRowCount: number;
}

// The ledger's own limits, checked per row so a row the ledger would refuse is named here (by row and
// column) instead of being stored and then breaking every later backup restore.
const rowLimits = contactSchema.pick({ name: true, notes: true, emails: true, phones: true }).extend({ company: companySchema.optional() });

/** Which CSV field a path of rowLimits comes from. */
function fieldOfPath(path: readonly PropertyKey[]): CsvField {
  const [top, sub] = path;
  if (top === 'emails') return 'email';
  if (top === 'phones') return 'phone';
  if (top === 'company') return sub === 'domain' ? 'domain' : sub === 'legalForm' ? 'legalForm' : sub === 'kvk' ? 'kvk' : sub === 'country' ? 'country' : 'company';
  return top === 'notes' ? 'notes' : 'name';
}

const sourceWords: Record<string, SourceKind> = {
  zelf: 'data_subject',
  betrokkene: 'data_subject',
  formulier: 'data_subject',
  website: 'company_website',
  'bedrijfswebsite': 'company_website',
  linkedin: 'linkedin_manual',
  kvk: 'kvk',
  'kamer van koophandel': 'kvk',
  doorverwijzing: 'referral',
  introductie: 'referral',
  leverancier: 'lead_vendor',
  'lead vendor': 'lead_vendor',
  'gekochte lijst': 'lead_vendor',
  beurs: 'event_list',
  evenement: 'event_list',
  event: 'event_list',
  'oude lijst': 'legacy_import',
  legacy: 'legacy_import',
  onbekend: 'unknown',
  collega: 'colleague',
};

const kindWords: Record<string, ImportRow['contact']['recipientKind']> = {
  consument: 'natural_consumer',
  consumer: 'natural_consumer',
  particulier: 'natural_consumer',
  zzp: 'natural_professional',
  zzp_er: 'natural_professional',
  eenmanszaak: 'natural_professional',
  vof: 'natural_professional',
  professional: 'natural_professional',
  natural_professional: 'natural_professional',
  natural_consumer: 'natural_consumer',
  bedrijf: 'legal_person',
  rechtspersoon: 'legal_person',
  'b.v.': 'legal_person',
  bv: 'legal_person',
  legal_person: 'legal_person',
  company: 'legal_person',
};

const basisWords: Record<string, 'consent' | 'none' | 'public_source' | 'customer'> = {
  toestemming: 'consent',
  consent: 'consent',
  opt_in: 'consent',
  'opt-in': 'consent',
  klant: 'customer',
  customer: 'customer',
  geen: 'none',
  none: 'none',
  openbaar: 'public_source',
  public: 'public_source',
  public_source: 'public_source',
};

export function planCsvImport(text: string, options: CsvImportOptions): CsvImportPlan {
  return planParsedCsv(parseCsv(text, options.delimiter ?? 'auto'), options);
}

/** The plan of a file parsed before (the preview keeps it, so the import does not parse it again). */
export function planParsedCsv(parsed: ParsedCsv, options: Omit<CsvImportOptions, 'delimiter'>): CsvImportPlan {
  if (parsed.rows.length === 0) throw new CsvError('The file is empty.');
  const headers = parsed.rows[0]!.map((h) => h.trim());
  const mapping: Record<string, CsvField> = { ...guessMapping(headers), ...(options.mapping ?? {}) };
  for (const h of Object.keys(options.mapping ?? {})) {
    if (!headers.includes(h)) throw new CsvError(`The mapping names a column "${h}" that the file does not have.`, 1, h);
  }
  const fields = new Set(headers.map((h) => mapping[h]));
  if (!fields.has('email') && !fields.has('phone') && !fields.has('linkedin')) {
    throw new CsvError(
      `No column holds an e-mail address, phone number or LinkedIn profile (columns found: ${headers.join(', ') || 'none'}; separator "${parsed.delimiter}"). Map one of them.`,
      1,
    );
  }
  // The first column mapped to each field (looked up for every field of every row).
  const columnOf = new Map<CsvField, number>();
  headers.forEach((h, i) => {
    const field = mapping[h];
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const maxErrors = options.maxErrors ?? 200;
  const skip = options.badRows === 'skip';
  let badRowCount = 0;
  let unreported = 0;
  for (let i = 1; i < parsed.rows.length && (skip || errors.length < maxErrors); i++) {
    const cells = parsed.rows[i]!;
    const rowNo = parsed.lines[i]!;
    // In skip mode every row is checked, but only the first maxErrors messages are kept.
    if (errors.length >= maxErrors) {
      const before = errors.length;
      checkRow(cells, rowNo);
      if (errors.length > before) {
        unreported += errors.length - before;
        errors.length = before;
      }
      continue;
    }
    checkRow(cells, rowNo);
  }
  function checkRow(cells: string[], rowNo: number) {
    const startErrors = errors.length;
    checkRowInner(cells, rowNo);
    if (errors.length > startErrors) badRowCount++;
  }
  function checkRowInner(cells: string[], rowNo: number) {
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim())) {
      errors.push({ row: rowNo, message: `Row ${rowNo} has ${cells.length} fields but the header has ${headers.length}.` });
      return;
    }
    const get = (field: CsvField): { value: string; header: string } | undefined => {
      const idx = columnOf.get(field);
      if (idx === undefined) return undefined;
      return { value: (cells[idx] ?? '').trim(), header: headers[idx]! };
    };
    const fail = (header: string, message: string) => errors.push({ row: rowNo, field: header, message: `Row ${rowNo}, column "${header}": ${message}` });
    const before = errors.length;
    const emails: string[] = [];
    const emailCell = get('email');
    if (emailCell?.value) {
      for (const e of emailCell.value.split(/[\s,;]+/).filter(Boolean)) {
        const n = normalizeEmail(e);
        if (!n) fail(emailCell.header, `"${e}" is not a valid e-mail address.`);
        else emails.push(n);
      }
    }
    const phones: string[] = [];
    const phoneCell = get('phone');
    if (phoneCell?.value) {
      const n = normalizePhone(phoneCell.value, options.defaultRegion ?? 'NL');
      if (!n) fail(phoneCell.header, `"${phoneCell.value}" is not a valid phone number.`);
      else phones.push(n);
    }
    const linkedin: string[] = [];
    const liCell = get('linkedin');
    if (liCell?.value) {
      const n = linkedInFromText(liCell.value);
      if (!n.memberId && !n.vanity && !n.salesNavLeadId) fail(liCell.header, `"${liCell.value}" is not a LinkedIn profile URL.`);
      else linkedin.push(liCell.value);
    }
    const first = get('firstName')?.value ?? '';
    const last = get('lastName')?.value ?? '';
    const name = get('name')?.value || [first, last].filter(Boolean).join(' ') || emails[0] || '';
    if (errors.length === before && emails.length + phones.length + linkedin.length === 0) {
      errors.push({ row: rowNo, message: `Row ${rowNo}: no e-mail address, phone number or LinkedIn profile.` });
    }
    if (!name) errors.push({ row: rowNo, field: get('name')?.header ?? 'name', message: `Row ${rowNo}: no name.` });
    const dateOf = (field: CsvField): string | undefined => {
      const c = get(field);
      if (!c?.value) return undefined;
      const d = parseDutchDate(c.value);
      if (!d) {
        fail(c.header, `"${c.value}" is not a date (use dd-mm-jjjj, d-m-jj or jjjj-mm-dd).`);
        return undefined;
      }
      if (d > options.today) {
        fail(c.header, `${c.value} is in the future.`);
        return undefined;
      }
      return d;
    };
    const obtainedAt = dateOf('obtainedAt');
    const consentDate = dateOf('consentDate');
    let source: SourceKind = options.defaultSource ?? 'legacy_import';
    const srcCell = get('source');
    if (srcCell?.value) {
      const v = srcCell.value.toLowerCase();
      const s = (sourceKinds as readonly string[]).includes(v) ? (v as SourceKind) : sourceWords[v];
      if (!s) fail(srcCell.header, `unknown source "${srcCell.value}" (for example: website, linkedin, kvk, beurs, doorverwijzing, leverancier).`);
      else source = s;
    }
    let recipientKind: ImportRow['contact']['recipientKind'];
    const kindCell = get('recipientKind');
    if (kindCell?.value) {
      recipientKind = kindWords[kindCell.value.toLowerCase()];
      if (!recipientKind) fail(kindCell.header, `unknown kind "${kindCell.value}" (consument, zzp, eenmanszaak, bedrijf).`);
    }
    let basis: BasisDraft | undefined;
    const basisCell = get('basis');
    if (basisCell?.value) {
      const b = basisWords[basisCell.value.toLowerCase()];
      if (!b) fail(basisCell.header, `unknown basis "${basisCell.value}" (toestemming, klant, geen, openbaar).`);
      else if (b === 'consent') {
        if (!consentDate) fail(get('consentDate')?.header ?? basisCell.header, 'consent needs the date it was given (a consent date column).');
        else
          basis = {
            type: 'consent',
            who: name,
            when: consentDate,
            how: 'other',
            what: { entity: 'unknown (CSV import)', products: [], channels: ['any'] },
            shownText: '',
            capturedBy: 'CSV import',
            note: 'Imported from a CSV file without evidence: attach proof before relying on it.',
          };
      } else if (b === 'customer') {
        basis = {
          type: 'customer',
          entity: 'unknown (CSV import)',
          saleDate: consentDate ?? obtainedAt ?? options.today,
          informedAtCollection: false,
          optOutOfferedAtCollection: false,
          note: 'Imported from a CSV file: check the sale and the opt-out offered at collection.',
        };
      } else basis = { type: b };
    }
    const country = get('country')?.value.toUpperCase();
    if (country && !/^[A-Z]{2}$/.test(country)) fail(get('country')!.header, `"${country}" is not a two-letter country code.`);
    const kvk = get('kvk')?.value.replace(/\s/g, '');
    if (kvk && !/^\d{8}$/.test(kvk)) fail(get('kvk')!.header, `"${kvk}" is not a KvK number (8 digits).`);
    // Checked here as the ledger will check it, so the preview already names the row (not the import).
    const domainCell = get('domain');
    const domain = domainCell?.value ? normalizeDomain(domainCell.value) : undefined;
    if (domainCell?.value && !domain) fail(domainCell.header, `"${domainCell.value}" is not a web address or domain.`);
    if (errors.length > before) return;
    const companyName = get('company')?.value;
    const legalForm = get('legalForm')?.value;
    const company = {
      ...(companyName ? { name: companyName } : {}),
      ...(domain ? { domain } : {}),
      ...(legalForm ? { legalForm } : {}),
      ...(kvk ? { kvk } : {}),
      ...(country ? { country } : {}),
    };
    const notes = get('notes')?.value;
    const limits = rowLimits.safeParse({ name, emails, phones, ...(notes ? { notes } : {}), ...(Object.keys(company).length ? { company } : {}) });
    if (!limits.success) {
      for (const issue of limits.error.issues) {
        const field = fieldOfPath(issue.path);
        const header = get(field)?.header ?? (field === 'name' ? (get('firstName')?.header ?? get('lastName')?.header) : undefined) ?? field;
        const tooLong = issue.code === 'too_big' && issue.origin === 'string';
        fail(header, tooLong ? `longer than the ${Number(issue.maximum)} characters the ledger keeps.` : `${issue.message}.`);
      }
      return;
    }
    rows.push({
      row: rowNo,
      addressesNormalized: true,
      contact: {
        name,
        emails,
        phones,
        linkedin,
        ...(Object.keys(company).length ? { company } : {}),
        ...(recipientKind ? { recipientKind } : {}),
        ...(country ? { country } : {}),
        ...(notes ? { notes } : {}),
        ...(source === 'legacy_import' ? { legacy: true } : {}),
      },
      provenance: {
        source,
        obtainedAt: obtainedAt ?? options.today,
        detail: obtainedAt ? 'CSV import' : 'CSV import; the file gave no date, the import date is used',
      },
      ...(basis ? { basis } : {}),
    });
  }
  if (skip && unreported > 0) errors.push({ message: `${unreported} more error(s) in later rows are not listed; those rows were skipped too.` });
  else if (!skip && errors.length >= maxErrors) errors.push({ message: `Stopped after ${maxErrors} errors; check the separator and the column mapping.` });
  return { delimiter: parsed.delimiter, headers, mapping, rows, errors, badRowCount };
}
