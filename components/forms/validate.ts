import { IMPORT_FILE_MAX_BYTES } from '@/lib/messaging/common';
import { normalizeDomain, normalizeEmail, normalizeLinkedIn, normalizePhone } from '@/lib/identity/normalize';

// Field checks shared by every form. Each returns an i18n message key (shown inline next to the field)
// or null. Dates are compared with `today`, an input, so the checks stay testable.

export type Check = string | null;

/** 25 MB: a long call recording fits; the ledger keeps evidence in IndexedDB, and a backup must stay portable. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** The one file limit for backups and CSV files, the same the background checks (lib/messaging/common.ts). */
export const MAX_IMPORT_BYTES = IMPORT_FILE_MAX_BYTES;

export function required(value: string | undefined | null): Check {
  return value && value.trim() ? null : 'errRequired';
}

export function emailCheck(value: string): Check {
  if (!value.trim()) return null;
  return normalizeEmail(value) ? null : 'errEmail';
}

export function phoneCheck(value: string): Check {
  if (!value.trim()) return null;
  return normalizePhone(value) ? null : 'errPhone';
}

export function linkedInCheck(value: string): Check {
  if (!value.trim()) return null;
  const ref = normalizeLinkedIn({ profileUrl: value });
  return ref.memberId || ref.vanity || ref.salesNavLeadId ? null : 'errLinkedIn';
}

export function domainCheck(value: string): Check {
  if (!value.trim()) return null;
  return normalizeDomain(value) ? null : 'errDomain';
}

export function urlCheck(value: string): Check {
  if (!value.trim()) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? null : 'errUrl';
  } catch {
    return 'errUrl';
  }
}

/** yyyy-mm-dd from a date input; the local calendar day is what the user meant. */
export function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The first and last instant of a local calendar day as UTC ISO strings (a Dutch day starts at 22:00 or 23:00 UTC). */
export function localDayBounds(day: string): { start: string; end: string } {
  return { start: new Date(`${day}T00:00:00`).toISOString(), end: new Date(`${day}T23:59:59.999`).toISOString() };
}

export function dateCheck(value: string, today: Date, opts: { allowFuture?: boolean } = {}): Check {
  if (!value.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(new Date(`${value}T00:00:00`).getTime())) return 'errDate';
  if (!opts.allowFuture && value > isoDay(today)) return 'errFutureDate';
  return null;
}

export function fileSizeCheck(size: number, max = MAX_EVIDENCE_BYTES): Check {
  return size > max ? 'errFileTooLarge' : null;
}

export function positiveIntCheck(value: string, min = 1, max = 1200): Check {
  if (!/^\d+$/.test(value.trim())) return 'errNumber';
  const n = Number(value);
  return n < min || n > max ? 'errNumber' : null;
}

export type Errors<K extends string> = Partial<Record<K, string>>;

/** First failing check per field; an empty object means the form may be sent. */
export function collect<K extends string>(checks: Record<K, Check[]>): Errors<K> {
  const out: Errors<K> = {};
  for (const key of Object.keys(checks) as K[]) {
    const first = checks[key].find((c) => c !== null);
    if (first) out[key] = first;
  }
  return out;
}

export function hasErrors(errors: Errors<string>): boolean {
  return Object.keys(errors).length > 0;
}

/** Human size, e.g. "200 MB", for the "file too large" message. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
}
