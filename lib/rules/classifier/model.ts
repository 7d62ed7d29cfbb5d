import type { Classification } from '../input';
import { FEATURES, type ExtractedFeatures } from './features';
import type { ClassifierWeights } from './loader';

// Scoring: a logistic regression over 0/1 features (weights learned by scripts/train-classifier.ts).
// The text decides when it says enough; when it says little, the context decides; when that says nothing
// either, the strict answer (commercial) applies and the verdict says so (decidedBy 'default').

export interface Signal {
  phrase: string;
  weight: number;
}
export interface Scored {
  classification: Classification;
  /** P(commercial), 0..1 */
  score: number;
  decidedBy: 'text' | 'context' | 'default';
  /** the features that weighed most towards the answer, strongest first (at most 5) */
  signals: Signal[];
  /** matched phrases of pitch language / of service, logistics or personal language */
  promotional: string[];
  service: string[];
}

/** A model ready to score: weights as arrays in feature order. */
export interface CompiledModel {
  threshold: number;
  minTextEvidence: number;
  minContextEvidence: number;
  /** logit of weights.serviceConfidence */
  serviceCut: number;
  bias: number;
  w: Float64Array;
  mixedBias: number;
  mixedW: Float64Array;
}

export function compileModel(weights: ClassifierWeights): CompiledModel {
  const arr = (rec: Record<string, number>) => Float64Array.from(FEATURES, (f) => rec[f.id] ?? 0);
  return {
    threshold: weights.threshold,
    minTextEvidence: weights.minTextEvidence,
    minContextEvidence: weights.minContextEvidence,
    serviceCut: logit(weights.serviceConfidence),
    bias: weights.commercial.bias,
    w: arr(weights.commercial.weights),
    mixedBias: weights.mixed.bias,
    mixedW: arr(weights.mixed.weights),
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));
const MAX_SIGNALS = 5;
const CUSTOMER = 'ctx.customer';
const PITCH_NONE = FEATURES.findIndex((f) => f.id === 'pitch_none');
const SHORT = FEATURES.findIndex((f) => f.id === 'short');

export function scoreFeatures(model: CompiledModel, f: ExtractedFeatures): Scored {
  const { x, phrase } = f;
  let zText = model.bias;
  let zCtx = 0;
  let pitchEvidence = 0;
  let serviceEvidence = 0;
  let servicePhrases = 0;
  let serviceSum = 0;
  let pitchPhrases = 0;
  let ctxEvidence = 0;
  let zMixed = model.mixedBias;
  for (let i = 0; i < x.length; i++) {
    if (!x[i]) continue;
    const w = model.w[i]!;
    const info = FEATURES[i]!;
    if (info.kind === 'context') {
      zCtx += w;
      // Being a customer says nothing about whether this message is an offer (customers get both): it counts
      // in the score but cannot by itself answer for a text that says little.
      if (info.id !== CUSTOMER) ctxEvidence += Math.abs(w);
    } else {
      zText += w;
      if (info.side === 'service') serviceSum += w;
      if (w > 0) pitchEvidence += w;
      else serviceEvidence -= w;
      if (info.side === 'service') servicePhrases += f.n[i]!;
      else if (info.side === 'pitch') pitchPhrases++;
      zMixed += model.mixedW[i]!;
    }
  }
  const cut = logit(model.threshold);
  // A text that reads as an offer stays one whatever service words sit beside it ("bijgaand de factuur" in a
  // pitch): then only the pitch language and the context count. Service language decides only texts without
  // enough pitch language.
  const pitchy = pitchEvidence >= model.minTextEvidence && zText - serviceSum >= cut;
  if (pitchy) zText -= serviceSum;
  const z = zText + zCtx;
  const score = sigmoid(z);
  let marketing = z >= cut;
  let decidedBy: Scored['decidedBy'];
  // No single word decides: read as service, the text needs two service phrases or more, enough weight behind
  // them and no pitch language; read as an offer, enough weight behind its pitch language.
  // Service language next to any pitch language leaves the text undecided: the context or the default answers.
  // A short text with no pitch language in words or shape and a service phrase, scored well below any pitch
  // of the training split (serviceCut), says enough too: "Gecondoleerd, veel sterkte" needs no second phrase.
  // Only short ones: a longer text has room for a pitch in words the phrase lists do not know, and with its
  // pitch words taken out a training pitch ("Gefeliciteerd met je nieuwe functie! <pitch>") scores like a
  // real congratulation.
  const plainService = x[SHORT] === 1 && x[PITCH_NONE] === 1 && servicePhrases >= 1 && zText <= model.serviceCut;
  const textSaysEnough =
    zText >= cut
      ? pitchEvidence >= model.minTextEvidence
      : (pitchPhrases === 0 && servicePhrases >= 2 && serviceEvidence >= model.minTextEvidence) || plainService;
  if (textSaysEnough) {
    // the text said enough; the context still counts, and when it turned the answer, it decided
    decidedBy = zText >= cut === marketing ? 'text' : 'context';
  } else if (ctxEvidence >= model.minContextEvidence) {
    decidedBy = 'context';
  } else {
    decidedBy = 'default';
    marketing = true;
  }
  // mixed: an offer next to a service part that would stand on its own
  const servicePart = servicePhrases >= 2 || sigmoid(zMixed) >= 0.5;
  const classification: Classification = !marketing ? 'non_commercial' : servicePart ? 'mixed' : 'commercial';

  const promotional: string[] = [];
  const service: string[] = [];
  const towards: Array<{ i: number; c: number }> = [];
  for (let i = 0; i < x.length; i++) {
    if (!x[i]) continue;
    const w = model.w[i]!;
    const p = phrase[i];
    if (p !== undefined && FEATURES[i]!.side) (FEATURES[i]!.side === 'pitch' ? promotional : service).push(p);
    if (w === 0 || w > 0 !== marketing) continue;
    towards.push({ i, c: w });
  }
  towards.sort((a, b) => Math.abs(b.c) - Math.abs(a.c));
  const signals = towards.slice(0, MAX_SIGNALS).map(({ i, c }) => ({ phrase: phrase[i] ?? FEATURES[i]!.label, weight: Math.round(c * 100) / 100 }));
  return { classification, score, decidedBy, signals, promotional, service };
}
