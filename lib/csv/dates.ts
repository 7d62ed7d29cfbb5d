// Dates as Dutch spreadsheets write them: 31-12-2025, 1-2-25, 31/12/2025, 31.12.2025, and ISO 2025-12-31.
// Day first, never month first: an American 12/31/2025 is refused rather than misread.

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a Dutch or ISO date to `YYYY-MM-DD`, or null. Two-digit years are 20xx up to `pivot`, else 19xx. */
export function parseDutchDate(raw: string, pivot = 69): string | null {
  const s = raw.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y <= pivot ? 2000 : 1900;
    return iso(y, Number(m[2]), Number(m[1]));
  }
  return null;
}
