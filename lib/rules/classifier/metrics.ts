import type { Classification } from '../input';

// Figures the message model is judged by (bench and tests): on a labelled split, how often a legitimate
// message would be held for nothing, and how often a pitch would slip through.

export const CLASSES: readonly Classification[] = ['commercial', 'mixed', 'non_commercial'];

export interface SplitFigures {
  /** counts[label][predicted] */
  confusion: Record<Classification, Record<Classification, number>>;
  total: number;
  /** non-commercial messages predicted commercial or mixed (held for nothing) */
  needlessHolds: string[];
  nonCommercial: number;
  /** commercial or mixed messages predicted non-commercial (a pitch that passes) */
  missedPitches: string[];
}

export function figuresOf(results: ReadonlyArray<{ id: string; label: Classification; predicted: Classification }>): SplitFigures {
  const row = () => ({ commercial: 0, mixed: 0, non_commercial: 0 });
  const confusion = { commercial: row(), mixed: row(), non_commercial: row() };
  const needlessHolds: string[] = [];
  const missedPitches: string[] = [];
  for (const r of results) {
    confusion[r.label][r.predicted]++;
    if (r.label === 'non_commercial' && r.predicted !== 'non_commercial') needlessHolds.push(r.id);
    if (r.label !== 'non_commercial' && r.predicted === 'non_commercial') missedPitches.push(r.id);
  }
  return { confusion, total: results.length, needlessHolds, nonCommercial: results.filter((r) => r.label === 'non_commercial').length, missedPitches };
}

/** The confusion matrix as text (rows: label, columns: predicted). */
export function formatConfusion(f: SplitFigures): string {
  const w = 16;
  const lines = [`${'label \\ predicted'.padEnd(20)}${CLASSES.map((c) => c.padStart(w)).join('')}`];
  for (const l of CLASSES) lines.push(`${l.padEnd(20)}${CLASSES.map((p) => String(f.confusion[l][p]).padStart(w)).join('')}`);
  return lines.join('\n');
}
