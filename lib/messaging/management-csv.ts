import { z } from 'zod';
import { fileTooLargeMessage, IMPORT_FILE_MAX_BYTES } from './common';
import { csvFieldSchema } from '../model/csv';
import { sourceKindSchema } from '../model/vocabulary';

// The CSV requests of the import/export page, and the preview it receives.

// --- CSV ---------------------------------------------------------------------------------------------

/** The one file limit (about 250 000 rows of CSV): more is refused before parsing. */
export const CSV_MAX_CHARS = IMPORT_FILE_MAX_BYTES;
const csvText = z.string().superRefine((s, ctx) => {
  if (s.length > CSV_MAX_CHARS) ctx.addIssue({ code: 'custom', message: fileTooLargeMessage(s.length) });
});
/** The file goes to the background once, here; the import names the check this starts (`planId`). */
export const csvPreviewRequest = z.object({ type: z.literal('csv/preview'), csv: csvText, delimiter: z.enum([',', ';', '\t', 'auto']).default('auto') });
export const csvImportRequest = z.object({
  type: z.literal('csv/import'),
  /** the preview's `planId`: the background kept the file it parsed and checked */
  planId: z.string().min(1).max(200),
  /** header text → field; unmapped headers are guessed from their names (Dutch and English) */
  mapping: z.record(z.string(), csvFieldSchema).default({}),
  /** the source recorded for rows without a source column */
  defaultSource: sourceKindSchema.default('legacy_import'),
  /** `refuse`: any bad row imports nothing; `skip`: good rows are imported, bad ones reported in the job's `skipped` */
  badRows: z.enum(['refuse', 'skip']).optional(),
});
export const csvExportRequest = z.object({ type: z.literal('csv/export') });

export const csvPreviewSchema = z.object({
  delimiter: z.string(),
  headers: z.array(z.string()),
  /** the field each header was guessed to be */
  suggestedMapping: z.record(z.string(), csvFieldSchema),
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  /** the job that keeps the parsed file and its checked plan, for `csv/import` */
  planId: z.string(),
});
