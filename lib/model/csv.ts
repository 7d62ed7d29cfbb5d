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

/**
 * Why a CSV row was refused, as a code the page words in the rep's language (the `message` beside it is
 * the English wording for logs). `value` is the cell as the file had it; `max` a length limit.
 */
export const csvRowErrorCodeSchema = z.enum([
  'tooManyFields',
  'badEmail',
  'badPhone',
  'badLinkedin',
  'noIdentity',
  'noName',
  'badDate',
  'futureDate',
  'unknownSource',
  'unknownKind',
  'unknownBasis',
  'consentNeedsDate',
  'badCountry',
  'badKvk',
  'badDomain',
  'tooLong',
  'invalid',
  'moreNotListed',
  'stoppedAfter',
]);
export type CsvRowErrorCode = z.infer<typeof csvRowErrorCodeSchema>;
export const csvRowErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type CsvRowErrorParams = z.infer<typeof csvRowErrorParamsSchema>;
