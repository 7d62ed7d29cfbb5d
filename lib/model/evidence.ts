import { z } from 'zod';
import { isoDate, recordId as id, text } from './fields';

// Evidence behind a basis: a note, or a file kept in the ledger with its SHA-256.

export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

export const evidenceSchema = z.object({
  id,
  contactId: id,
  basisId: id.optional(),
  kind: z.enum(['note', 'file']),
  /** when the thing it proves happened (the rep's date), not when it was stored */
  date: isoDate,
  title: text(300).default(''),
  text: text(100_000).optional(),
  fileName: text(300).optional(),
  mime: text(200).optional(),
  size: z.number().int().min(0).max(EVIDENCE_MAX_BYTES).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  recordedAt: isoDate,
  recordedBy: text(300),
});
export type EvidenceMeta = z.infer<typeof evidenceSchema>;
/** What the evidence table holds: the metadata plus the file itself. */
export type EvidenceRow = EvidenceMeta & { blob?: Blob };
