import type { Contact } from '../model/contact';
import type { Delimiter } from './parse';

// CSV export. A cell that starts with = + - @ tab or CR is prefixed with ' so that a spreadsheet shows it
// as text instead of running it as a formula (CSV/formula injection, OWASP).

export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string, delimiter: Delimiter): string {
  const v = neutralizeCell(value);
  return v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ';'): string {
  // The BOM makes Excel read UTF-8 (names with accents) instead of the system code page.
  return '\ufeff' + rows.map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

export const exportHeaders = [
  'naam',
  'e-mail',
  'telefoon',
  'linkedin',
  'bedrijf',
  'domein',
  'rechtsvorm',
  'kvk',
  'land',
  'soort',
  'grondslag',
  'bron',
  'verkregen op',
  'bijgewerkt',
];

export function contactRow(c: Contact): string[] {
  const li = c.linkedin.vanities[0] ? `https://www.linkedin.com/in/${c.linkedin.vanities[0]}/` : (c.linkedin.profileUrl ?? c.linkedin.memberIds[0] ?? '');
  return [
    c.name,
    c.emails.join(' '),
    c.phones.join(' '),
    li,
    c.company?.name ?? '',
    c.company?.domain ?? '',
    c.company?.legalForm ?? '',
    c.company?.kvk ?? '',
    c.country ?? c.company?.country ?? '',
    c.recipientKind,
    c.flags.filter((f) => f.startsWith('basis:')).map((f) => f.slice(6)).join(' '),
    c.flags.filter((f) => f.startsWith('source:')).map((f) => f.slice(7)).join(' '),
    c.obtainedAt ?? '',
    c.updatedAt,
  ];
}
