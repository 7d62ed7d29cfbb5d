import { z } from 'zod';
import { classificationSchema } from '../input';
import { extractFeatures } from './features';
import { ASK_PERMISSION_RE } from './permission';
import type { Sample } from './train';

// The labelled corpus (tests/fixtures/messages/*.json): its shape, checked entry by entry so a bad entry is
// named, never silently skipped or trained on.

export const corpusContextSchema = z
  .object({
    requestedByRecipientRecently: z.boolean().optional(),
    meetingAgreed: z.boolean().optional(),
    existingCustomer: z.boolean().optional(),
    replyToRecipient: z.boolean().optional(),
    knownProducts: z.array(z.string().min(1)).optional(),
  })
  .strict();
export const corpusEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** 'test' entries are the held-out split: never trained or tuned on */
    split: z.enum(['train', 'test']),
    lang: z.enum(['nl', 'en']),
    channel: z.enum(['email', 'linkedin']),
    subject: z.string().min(1).optional(),
    body: z.string().min(1),
    context: corpusContextSchema,
    label: classificationSchema,
    /** why this label */
    note: z.string().min(1),
  })
  .strict();
export type CorpusEntry = z.infer<typeof corpusEntrySchema>;

/** The entries of one corpus file; throws naming the file and the entry that is wrong. */
export function parseCorpusFile(json: unknown, fileName: string): CorpusEntry[] {
  if (!Array.isArray(json)) throw new Error(`Corpus ${fileName}: expected a list of messages`);
  return json.map((raw: unknown, i) => {
    const name = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? `"${(raw as { id: string }).id}"` : `#${i + 1}`;
    if (typeof raw === 'object' && raw !== null && !('label' in raw)) {
      throw new Error(`Corpus ${fileName}: entry ${name} has no label (commercial, non_commercial or mixed); label it or remove it`);
    }
    const r = corpusEntrySchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new Error(`Corpus ${fileName}: entry ${name}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
    }
    return r.data;
  });
}

/** Check a whole corpus: ids unique across files. */
export function checkCorpus(entries: readonly CorpusEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new Error(`Corpus: id "${e.id}" is used twice`);
    seen.add(e.id);
  }
}

/** The model's view of one corpus entry (the same extraction analyzeMessage runs). */
export function sampleOf(e: CorpusEntry): Sample {
  const lower = e.body.toLowerCase();
  const subject = e.subject?.toLowerCase();
  const all = subject ? `${subject}\n${lower}` : lower;
  return { id: e.id, f: extractFeatures(lower, subject, e.context, ASK_PERMISSION_RE.test(all)), label: e.label };
}
