import { z } from 'zod';
import { isoDate, recordId as id, text } from './fields';

// A legitimate-interest assessment (the three steps of GDPR Art. 6(1)(f)), kept in versions.

export const assessmentSchema = z.object({
  id,
  version: z.number().int().min(1),
  title: text(300).min(1, 'a title'),
  /** step 1: the legitimate interest pursued */
  interest: text(10_000).min(1, 'the interest (step 1)'),
  /** step 2: why the processing is necessary for it, and less intrusive means considered */
  necessity: text(10_000).min(1, 'the necessity (step 2)'),
  /** step 3: the balancing with the data subject's reasonable expectations */
  balancing: text(10_000).min(1, 'the balancing (step 3)'),
  reasonableExpectations: text(10_000).default(''),
  safeguards: z.array(text(1000)).max(50).default([]),
  optOutOffered: z.boolean().default(true),
  retentionMonths: z.number().int().min(1).max(600),
  reviewDate: isoDate,
  decidedBy: text(300).default(''),
  createdAt: isoDate,
});
export type Assessment = z.infer<typeof assessmentSchema>;
