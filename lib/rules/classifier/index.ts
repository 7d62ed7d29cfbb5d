import { compileModel, scoreFeatures, type Scored } from './model';
import { extractFeatures, type MessageContext } from './features';
import { loadClassifierWeights } from './loader';
import weightsJson from './weights.json';

// The message model, loaded once when the engine loads: a missing, truncated or foreign weights file stops
// the engine here with a message naming the file (fail visibly, never classify with half a model).
const MODEL = compileModel(loadClassifierWeights(weightsJson as unknown, 'lib/rules/classifier/weights.json'));

/** Classify one message. `lower` and `subject` are lower-cased. */
export function classifyText(lower: string, subject: string | undefined, context: MessageContext, asksPermission: boolean): Scored {
  return scoreFeatures(MODEL, extractFeatures(lower, subject, context, asksPermission));
}

export type { MessageContext } from './features';
export type { Scored, Signal } from './model';
