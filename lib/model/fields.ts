import { z } from 'zod';

// The field types every stored record shares: dates as ISO strings, bounded text, record ids.

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** An ISO date (2026-03-01) or date-time (2026-03-01T10:00:00.000Z). */
export const isoDate = z
  .string()
  .regex(ISO, 'expected a date such as 2026-03-01')
  .refine((s) => !Number.isNaN(new Date(s.length === 10 ? `${s}T00:00:00Z` : s).getTime()), 'not a real date');

/** Text of at most `max` characters (the limits keep one bad row from bloating every backup). */
export const text = (max = 2000) => z.string().max(max);
/** A record id (contact, basis, evidence, …). */
export const recordId = z.string().min(1).max(200);
