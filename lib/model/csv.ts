import { z } from 'zod';

// What a CSV file's columns and rows mean to the import, shared by the page, the messages and lib/csv.

/** Contact fields a CSV column can map to. */
export const csvFieldSchema = z.enum([
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'linkedin',
  'company',
  'domain',
  'legalForm',
  'kvk',
  'country',
  'recipientKind',
  'source',
  'obtainedAt',
  'basis',
  'consentDate',
  'notes',
  'ignore',
]);
export type CsvField = z.infer<typeof csvFieldSchema>;
