import { z } from 'zod';
import { FEATURE_IDS } from './features';

// The weights file is data the engine trusts only after this check: a missing, truncated or foreign file
// must stop the engine with a message that names the file, never classify with half a model.

/** The weights format this code reads; the training script writes the same number. */
export const WEIGHTS_VERSION = 2;

const linearSchema = z.object({
  bias: z.number().finite(),
  weights: z.record(z.string(), z.number().finite()),
});
export const weightsSchema = z.object({
  version: z.number().int(),
  /** P(commercial) at or above which a message counts as marketing */
  threshold: z.number().gt(0).lt(1),
  /** below this much text evidence (sum of |weight| of the text's features) the text "says little" */
  minTextEvidence: z.number().nonnegative(),
  /** below this much context evidence the context "says nothing" either */
  minContextEvidence: z.number().nonnegative(),
  /**
   * P(commercial) at or below which a text without any pitch language (in words or shape) and with a service
   * phrase is read as service on its own: a short condolence or thank-you needs no second phrase or context
   */
  serviceConfidence: z.number().gt(0).lt(1),
  /** P(commercial): all features */
  commercial: linearSchema,
  /** P(mixed | marketing): text features only */
  mixed: linearSchema,
  trainedOn: z.object({ messages: z.number().int().positive(), corpus: z.string() }),
});
export type ClassifierWeights = z.infer<typeof weightsSchema>;

/** Validate a weights file's content; throws an Error naming the file and what is wrong. */
export function loadClassifierWeights(json: unknown, fileName: string): ClassifierWeights {
  const fail = (what: string): never => {
    throw new Error(`Message model ${fileName}: ${what}. Run \`npm run train:classifier\` to write it again.`);
  };
  if (json === undefined || json === null) return fail('the file is missing or empty');
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json) as unknown;
    } catch (e) {
      return fail(`not valid JSON (truncated?): ${(e as Error).message}`);
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not a weights object');
  const version = (json as { version?: unknown }).version;
  if (version !== WEIGHTS_VERSION) return fail(`version ${JSON.stringify(version)}, this code reads version ${WEIGHTS_VERSION}`);
  const parsed = weightsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`invalid or truncated: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  for (const part of ['commercial', 'mixed'] as const) {
    const missing = FEATURE_IDS.filter((id) => !(id in parsed.data[part].weights));
    if (missing.length > 0) fail(`${part} has no weight for ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''} (trained for other features)`);
    const unknown = Object.keys(parsed.data[part].weights).filter((id) => !FEATURE_IDS.includes(id));
    if (unknown.length > 0) fail(`${part} has weights for unknown features ${unknown.slice(0, 3).join(', ')} (trained for other features)`);
  }
  return parsed.data;
}
