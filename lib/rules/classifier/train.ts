import { FEATURES, FEATURE_IDS } from './features';
import { compileModel, scoreFeatures } from './model';
import type { ClassifierWeights } from './loader';
import { WEIGHTS_VERSION } from './loader';
import type { ExtractedFeatures } from './features';
import type { Classification } from '../input';

// Training of the message model (used by scripts/train-classifier.ts; pure and deterministic, so the same
// corpus always gives the same weights file). Plain full-batch gradient descent on the logistic loss with an
// L2 penalty and a cap on every weight: no single phrase can carry a message on its own.

export interface Sample {
  id: string;
  f: ExtractedFeatures;
  label: Classification;
}

export interface TrainOptions {
  /** L2 penalty per weight */
  l2: number;
  /** no weight exceeds this in absolute value */
  maxWeight: number;
  iterations: number;
  learningRate: number;
}
export const DEFAULT_TRAIN: TrainOptions = { l2: 0.001, maxWeight: 4, iterations: 2000, learningRate: 0.5 };
/** "The text says little": the text's features weigh less than this together. */
export const MIN_TEXT_EVIDENCE = 1;
/** "The context says nothing": the context features weigh less than this together. */
export const MIN_CONTEXT_EVIDENCE = 1;

interface Linear {
  bias: number;
  w: Float64Array;
}

/** Logistic regression over 0/1 features; `use` masks features out (the mixed part sees only the text). */
export function fitLogistic(xs: readonly Uint8Array[], ys: readonly number[], opts: TrainOptions, use?: (i: number) => boolean, fitBias = true): Linear {
  const d = FEATURES.length;
  const n = xs.length;
  const w = new Float64Array(d);
  let bias = 0;
  const grad = new Float64Array(d);
  for (let it = 0; it < opts.iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let k = 0; k < n; k++) {
      const x = xs[k]!;
      let z = bias;
      for (let i = 0; i < d; i++) if (x[i]) z += w[i]!;
      const err = 1 / (1 + Math.exp(-z)) - ys[k]!;
      gb += err;
      for (let i = 0; i < d; i++) if (x[i]) grad[i]! += err;
    }
    if (fitBias) bias -= (opts.learningRate * gb) / n;
    for (let i = 0; i < d; i++) {
      if (use && !use(i)) continue;
      const next = w[i]! - opts.learningRate * (grad[i]! / n + opts.l2 * w[i]!);
      w[i] = Math.max(-opts.maxWeight, Math.min(opts.maxWeight, next));
    }
  }
  return { bias, w };
}

const isMarketing = (c: Classification) => c !== 'non_commercial';

function toWeights(commercial: Linear, mixed: Linear, threshold: number, messages: number, corpus: string, serviceConfidence = 0.01): ClassifierWeights {
  const rec = (l: Linear) => Object.fromEntries(FEATURE_IDS.map((id, i) => [id, Math.round(l.w[i]! * 1e4) / 1e4]));
  return {
    version: WEIGHTS_VERSION,
    threshold,
    minTextEvidence: MIN_TEXT_EVIDENCE,
    minContextEvidence: MIN_CONTEXT_EVIDENCE,
    serviceConfidence,
    commercial: { bias: Math.round(commercial.bias * 1e4) / 1e4, weights: rec(commercial) },
    mixed: { bias: Math.round(mixed.bias * 1e4) / 1e4, weights: rec(mixed) },
    trainedOn: { messages, corpus },
  };
}

function fitBoth(samples: readonly Sample[], opts: TrainOptions): { commercial: Linear; mixed: Linear } {
  // no bias: a message with no features scores 0.5, undecided, so only evidence (phrases, shape, context)
  // moves it; an empty text then falls to the context or the strict default, never to a learned prior
  const commercial = fitLogistic(samples.map((s) => s.f.x), samples.map((s) => (isMarketing(s.label) ? 1 : 0)), opts, undefined, false);
  const marketing = samples.filter((s) => isMarketing(s.label));
  const textOnly = (i: number) => FEATURES[i]!.kind !== 'context';
  const mixed = fitLogistic(marketing.map((s) => s.f.x), marketing.map((s) => (s.label === 'mixed' ? 1 : 0)), opts, textOnly);
  return { commercial, mixed };
}

/**
 * The decision threshold, chosen on the training split only: k-fold out-of-fold scores, then the highest
 * threshold (≤ 0.5) at which no marketing message of the training split would be read as non-commercial,
 * lowered by a safety margin (0.5 in log-odds). A missed pitch costs more than a needless hold.
 */
export function chooseThreshold(samples: readonly Sample[], opts: TrainOptions, folds = 5, margin = 0.5): number {
  // evaluate candidate thresholds with the full decision (text, context, default)
  const byFold: ClassifierWeights[] = [];
  for (let k = 0; k < folds; k++) {
    const train = samples.filter((_, i) => i % folds !== k);
    const { commercial, mixed } = fitBoth(train, opts);
    byFold.push(toWeights(commercial, mixed, 0.5, train.length, 'cv'));
  }
  let best = 0.05;
  for (let t = 0.5; t >= 0.05; t = Math.round((t - 0.01) * 100) / 100) {
    const missed = samples.some((s, i) => {
      const model = compileModel({ ...byFold[i % folds]!, threshold: t });
      return isMarketing(s.label) && scoreFeatures(model, s.f).classification === 'non_commercial';
    });
    if (!missed) {
      best = t;
      break;
    }
  }
  // the margin is in log-odds, so it means the same at any threshold
  const z = Math.log(best / (1 - best)) - margin;
  return Math.max(0.02, Math.round(100 / (1 + Math.exp(-z))) / 100);
}

const PITCH_NONE = FEATURE_IDS.indexOf('pitch_none');
const SHORT = FEATURE_IDS.indexOf('short');
const textZ = (l: Linear, x: Uint8Array) => {
  let z = l.bias;
  for (let i = 0; i < x.length; i++) if (x[i] && FEATURES[i]!.kind !== 'context') z += l.w[i]!;
  return z;
};

/**
 * How low the text's score must be for one service phrase to decide a short text (no pitch language in words or
 * shape): out-of-fold text scores of the training split's short marketing messages without pitch language;
 * the cut lies a margin (1.0 in log-odds) below the lowest of them and below the threshold. Chosen on the
 * training split only, like the threshold.
 */
export function chooseServiceConfidence(samples: readonly Sample[], opts: TrainOptions, threshold: number, folds = 5, margin = 1): number {
  let lowest = Math.log(threshold / (1 - threshold));
  for (let k = 0; k < folds; k++) {
    const { commercial } = fitBoth(samples.filter((_, i) => i % folds !== k), opts);
    samples.forEach((s, i) => {
      if (i % folds === k && isMarketing(s.label) && s.f.x[PITCH_NONE] && s.f.x[SHORT]) lowest = Math.min(lowest, textZ(commercial, s.f.x));
    });
  }
  return Math.max(0.001, Math.round(1000 / (1 + Math.exp(-(lowest - margin)))) / 1000);
}

/** Train on these samples (the training split) and return the weights file's content. */
export function trainClassifier(samples: readonly Sample[], corpus: string, opts: TrainOptions = DEFAULT_TRAIN): ClassifierWeights {
  const threshold = chooseThreshold(samples, opts);
  const serviceConfidence = chooseServiceConfidence(samples, opts, threshold);
  const { commercial, mixed } = fitBoth(samples, opts);
  return toWeights(commercial, mixed, threshold, samples.length, corpus, serviceConfidence);
}

/** Out-of-fold predictions on the training split (what the script reports; the test split stays unread). */
export function crossValidate(samples: readonly Sample[], opts: TrainOptions = DEFAULT_TRAIN, folds = 5): Array<{ id: string; label: Classification; predicted: Classification }> {
  const threshold = chooseThreshold(samples, opts, folds);
  const serviceConfidence = chooseServiceConfidence(samples, opts, threshold, folds);
  const out: Array<{ id: string; label: Classification; predicted: Classification }> = [];
  for (let k = 0; k < folds; k++) {
    const train = samples.filter((_, i) => i % folds !== k);
    const { commercial, mixed } = fitBoth(train, opts);
    const model = compileModel(toWeights(commercial, mixed, threshold, train.length, 'cv', serviceConfidence));
    samples.forEach((s, i) => {
      if (i % folds === k) out.push({ id: s.id, label: s.label, predicted: scoreFeatures(model, s.f).classification });
    });
  }
  return out;
}
