import { CATALOGUE, FIX_LABELS, RULE_ORDER, type Entry } from './catalogue';
import type { ProductRef } from './products';
import type { Finding, Fix, Severity } from './verdict';

// The findings of one evaluation. Every rule that applies adds to it; findings are merged per code and sorted,
// so the verdict never depends on the order in which rules ran or the order of bases in the input.

export type Loc = { nl: string; en: string };
export const L = (nl: string, en: string): Loc => ({ nl, en });
export const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

interface Pending {
  severity: Severity;
  variant?: string;
  details: Map<string, Loc>;
}

export class Findings {
  private readonly byCode = new Map<string, Pending>();
  /** the catalogue products the draft is about */
  products?: ProductRef[];

  add(code: string, severity: Severity, variant?: string, detail?: Loc): void {
    const cur = this.byCode.get(code);
    if (!cur) {
      const details = new Map<string, Loc>();
      if (detail) details.set(detail.en, detail);
      this.byCode.set(code, { severity, variant, details });
      return;
    }
    if (RANK[severity] > RANK[cur.severity]) {
      cur.severity = severity;
      cur.variant = variant;
    } else if (RANK[severity] === RANK[cur.severity] && (variant ?? '') > (cur.variant ?? '')) {
      cur.variant = variant; // deterministic pick when two triggers of equal weight differ
    }
    if (detail) cur.details.set(detail.en, detail);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  severityOf(code: string): Severity | undefined {
    return this.byCode.get(code)?.severity;
  }

  toFindings(): Finding[] {
    const out: Finding[] = [];
    for (const [code, p] of this.byCode) {
      const entry = (p.variant && CATALOGUE[`${code}/${p.variant}`]) || CATALOGUE[code];
      if (!entry) continue; // unreachable: every emitted code has a catalogue entry (tested)
      let explanation = entry.explanation;
      if (p.details.size > 0) {
        const ds = [...p.details.values()].sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0));
        explanation = {
          nl: `${entry.explanation.nl} (${ds.map((d) => d.nl).join('; ')})`,
          en: `${entry.explanation.en} (${ds.map((d) => d.en).join('; ')})`,
        };
      }
      out.push({
        code,
        severity: p.severity,
        title: entry.title,
        explanation,
        citations: entry.citations,
        citationsEn: entry.citationsEn,
        fixes: fixesOf(entry),
      });
    }
    out.sort((a, b) => RANK[b.severity] - RANK[a.severity] || orderOf(a.code) - orderOf(b.code));
    return out;
  }
}

const ORDER = new Map(RULE_ORDER.map((c, i) => [c, i]));
const orderOf = (code: string) => ORDER.get(code) ?? 9999;
// fixes are built once per catalogue entry, not per evaluation
const FIXES = new Map<Entry, Fix[]>();
function fixesOf(entry: Entry): Fix[] {
  let fx = FIXES.get(entry);
  if (!fx) {
    fx = entry.fixes.map((kind) => ({ kind, label: FIX_LABELS[kind] }));
    FIXES.set(entry, fx);
  }
  return fx;
}
