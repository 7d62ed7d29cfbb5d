import { contactRow, exportHeaders, toCsv } from '../csv/export';
import { planParsedCsv, type CsvImportOptions, type CsvImportPlan } from '../csv/import';
import { guessMapping } from '../csv/mapping';
import { parseCsv, type ParsedCsv } from '../csv/parse';
import type { JobRegistry } from '../ledger/jobs';
import type { Ledger } from '../ledger/repository';
import { UserFacingError, type Handler } from './router';

// A CSV file travels to the background once: `csv/preview` parses it and starts a job that keeps the parsed
// file and plans it (every row checked and normalised) while the rep looks at the mapping. `csv/import`
// names that job; it imports the kept plan, or plans the kept file again when the rep changed the mapping.

/** Files kept at once: one per import page the rep has open, and each may be tens of megabytes. */
const KEPT_FILES = 2;

type PlanOptions = Omit<CsvImportOptions, 'delimiter'>;

interface KeptFile {
  parsed: ParsedCsv;
  /** the plan for `options`; another mapping, source or bad-row choice plans the file again */
  plan: Promise<{ options: PlanOptions; plan: CsvImportPlan } | null>;
}

const sameOptions = (a: PlanOptions, b: PlanOptions) => JSON.stringify(a) === JSON.stringify(b);

export function csvHandlers(ledger: Ledger, jobs: JobRegistry, today: () => string): { [T in 'csv/preview' | 'csv/import' | 'csv/export']: Handler<T> } {
  const kept = new Map<string, KeptFile>();

  function keep(id: string, file: KeptFile) {
    kept.set(id, file);
    for (const old of [...kept.keys()].slice(0, Math.max(0, kept.size - KEPT_FILES))) kept.delete(old);
  }

  return {
    'csv/preview': async (req) => {
      const parsed = parseCsv(req.csv, req.delimiter);
      const headers = (parsed.rows[0] ?? []).map((h) => h.trim());
      const suggestedMapping = guessMapping(headers);
      const rowCount = Math.max(0, parsed.rows.length - 1);
      // The page's defaults: the plan is ready when the rep imports without changing them.
      const options: PlanOptions = { mapping: suggestedMapping, defaultSource: 'legacy_import', today: today(), badRows: 'refuse' };
      // Planned after the preview's answer has gone out: the rep does not wait for the check here. A file
      // the guessed mapping cannot import (no address column) is planned at import, with the rep's mapping.
      const plan = new Promise((r) => setTimeout(r, 0))
        .then(() => ({ options, plan: planParsedCsv(parsed, options) }))
        .catch(() => null);
      const job = jobs.start('csv-check', rowCount, async () => {
        const p = await plan;
        return { result: { rows: p?.plan.rows.length ?? 0, badRows: p?.plan.badRowCount ?? 0 } };
      });
      keep(job.id, { parsed, plan });
      return { delimiter: parsed.delimiter, headers, suggestedMapping, sampleRows: parsed.rows.slice(1, 6), rowCount, planId: job.id };
    },
    'csv/import': async (req) => {
      const file = kept.get(req.planId);
      if (!file) throw new UserFacingError('not-found', 'The checked file is no longer in the background (it may have restarted); pick the file again.', 'planId');
      // A file with any bad row imports nothing unless the rep chose to skip bad rows.
      // Columns the rep left out keep their guessed field, as in the preview.
      const headers = (file.parsed.rows[0] ?? []).map((h) => h.trim());
      const options: PlanOptions = { mapping: { ...guessMapping(headers), ...req.mapping }, defaultSource: req.defaultSource, today: today(), badRows: req.badRows ?? 'refuse' };
      const ready = await file.plan;
      const plan = ready && sameOptions(ready.options, options) ? ready.plan : planParsedCsv(file.parsed, options);
      const job = jobs.start('csv-import', plan.rows.length, async (progress) => {
        if (plan.errors.length && options.badRows !== 'skip') return { errors: plan.errors, message: `${plan.errors.length === 1 ? '1 row has' : `${plan.errors.length} rows have`} errors; nothing was imported.` };
        const r = await ledger.importContacts(plan.rows, (done, total) => progress(done, total));
        const result = { rows: plan.rows.length, created: r.created, merged: r.merged };
        if (plan.errors.length) return { result: { ...result, skipped: plan.badRowCount }, skipped: plan.errors, message: `Rows skipped for errors: ${plan.badRowCount}.` };
        return { result };
      });
      return { jobId: job.id };
    },
    'csv/export': async () => {
      const contacts = await ledger.allContacts();
      return { csv: toCsv([exportHeaders, ...contacts.map(contactRow)]), rows: contacts.length };
    },
  };
}
