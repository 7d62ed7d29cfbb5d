// `npm run train:classifier`: trains the message model on the training split of tests/fixtures/messages and
// writes lib/rules/classifier/weights.json. Deterministic: the same corpus gives the same file. The held-out
// split ("split": "test") is never read for training or tuning; bench/rules.bench.ts measures on it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCorpus, parseCorpusFile, sampleOf, type CorpusEntry } from '../lib/rules/classifier/corpus';
import { crossValidate, trainClassifier } from '../lib/rules/classifier/train';
import { figuresOf, formatConfusion } from '../lib/rules/classifier/metrics';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.join(root, 'tests/fixtures/messages');
export const WEIGHTS_FILE = path.join(root, 'lib/rules/classifier/weights.json');
const MAX_BYTES = 100 * 1024;

/** Every corpus entry, checked; throws naming the file and entry that is wrong. */
export function readCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const entries: CorpusEntry[] = [];
  for (const f of files) {
    const rel = path.relative(root, path.join(dir, f));
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    } catch (e) {
      throw new Error(`Corpus ${rel}: not valid JSON: ${(e as Error).message}`);
    }
    entries.push(...parseCorpusFile(json, rel));
  }
  checkCorpus(entries);
  return entries;
}

function main(): void {
  const entries = readCorpus();
  const train = entries.filter((e) => e.split === 'train');
  const weights = trainClassifier(train.map(sampleOf), `tests/fixtures/messages (${train.length} of ${entries.length} messages, split "train")`);
  // one weight per line, so a retrain shows as a readable diff
  const text = JSON.stringify(weights, null, 1) + '\n';
  if (Buffer.byteLength(text) > MAX_BYTES) throw new Error(`weights file would be ${Buffer.byteLength(text)} bytes, above the ${MAX_BYTES}-byte limit`);
  writeFileSync(WEIGHTS_FILE, text);
  const top = Object.entries(weights.commercial.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 8);
  console.log(`trained on ${train.length} messages; threshold ${weights.threshold}, service confidence ${weights.serviceConfidence}; wrote ${path.relative(root, WEIGHTS_FILE)} (${Buffer.byteLength(text)} bytes)`);
  const cv = figuresOf(crossValidate(train.map(sampleOf)));
  console.log(`5-fold cross-validation on the training split: needless holds ${cv.needlessHolds.length}/${cv.nonCommercial}, missed pitches ${cv.missedPitches.length}`);
  console.log(formatConfusion(cv));
  if (process.env.VERBOSE) console.log(`needless: ${cv.needlessHolds.join(' ')}\nmissed: ${cv.missedPitches.join(' ')}`);
  console.log(`strongest weights: ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(`train:classifier: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
