import { useState } from 'preact/hooks';
import { formatNumber, plural, useI18n, type I18n } from '@/components/i18n';
import { sourceKinds } from '@/components/contacts/ContactsList';
import { Notice, Progress, SelectField } from '@/components/ui/basics';
import { FilePicker, readBytes } from '@/components/ui/FilePicker';
import { formatBytes, isoDay } from '@/components/forms/validate';
import { csvEncodings, decodeCsv, detectEncoding, replacementCount, type CsvEncoding, type DetectedEncoding } from '@/lib/csv/encoding';
import { toCsv } from '@/lib/csv/export';
import { parseCsv } from '@/lib/csv/parse';
import type { JobStatus } from '@/lib/messaging/management';
import { CSV_MAX_CHARS } from '@/lib/messaging/management-csv';
import { csvFieldSchema } from '@/lib/model/csv';
import { ask, download, RequestFailed, type ResultOf } from '../app/api';
import { followJob, today, useAction } from '../app/hooks';

type CsvField = (typeof csvFieldSchema.options)[number];
type Preview = ResultOf<'csv/preview'>;

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  detected: DetectedEncoding;
  encoding: CsvEncoding;
  text: string;
}

/** One bar for the whole import: reading the file, the check, then the rows written (so it moves for any size). */
type Phase = { step: 'reading'; loaded: number; size: number } | { step: 'checking' } | { step: 'importing'; done: number; total: number } | { step: 'done' };

function phaseBar(i18n: I18n, phase: Phase): { label: string; value: number } {
  switch (phase.step) {
    case 'reading':
      return { label: i18n.t('ioReading'), value: phase.size > 0 ? (15 * phase.loaded) / phase.size : 15 };
    case 'checking':
      return { label: i18n.t('ioCsvChecking'), value: 20 };
    case 'importing':
      return { label: i18n.t('ioImportingRows', formatNumber(i18n.lang, phase.done), formatNumber(i18n.lang, phase.total)), value: 25 + (75 * phase.done) / Math.max(1, phase.total) };
    case 'done':
      return { label: i18n.t('ioCsvPhaseDone'), value: 100 };
  }
}

const delimiterKey: Record<string, string> = { ';': 'ioCsvSepSemicolon', ',': 'ioCsvSepComma', '\t': 'ioCsvSepTab' };
const identityFields: CsvField[] = ['email', 'phone', 'linkedin'];

/** The rows an import skipped, with the reasons and the cells as the file had them, to fix and import again. */
export function skippedReport(i18n: I18n, text: string, errors: NonNullable<JobStatus['errors']>): string {
  const parsed = parseCsv(text);
  const byLine = new Map(parsed.lines.map((line, i) => [line, parsed.rows[i]!]));
  const reasons = new Map<number, string[]>();
  for (const e of errors) if (e.row !== undefined) reasons.set(e.row, [...(reasons.get(e.row) ?? []), e.message]);
  const header = [i18n.t('ioCsvRow'), i18n.t('ioCsvProblem'), ...(parsed.rows[0] ?? [])];
  const rows = [...reasons].sort(([a], [b]) => a - b).map(([row, why]) => [String(row), why.join(' / '), ...(byLine.get(row) ?? [])]);
  return toCsv([header, ...rows], parsed.delimiter);
}

/** A refusal of the check in the user's words, where the page knows the case; the background's words otherwise. */
function csvErrorText(i18n: I18n, error: unknown): string {
  if (error instanceof RequestFailed && error.code === 'invalid-csv') {
    const line = /row (\d+)/.exec(error.where ?? '')?.[1];
    if (/never closed/.test(error.message) && line) return i18n.t('ioCsvErrUnclosedQuote', line);
    if (/binary data/.test(error.message)) return i18n.t('ioCsvErrBinary');
  }
  return error instanceof Error ? error.message : String(error);
}

export function CsvSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, CsvField>>({});
  const [source, setSource] = useState<string>('legacy_import');
  const [skipBad, setSkipBad] = useState(false);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  async function check(loaded: LoadedFile) {
    setPreview(null);
    setJob(null);
    if (loaded.bytes.length === 0) return;
    await action.run(async () => {
      try {
        const p = await ask({ type: 'csv/preview', csv: loaded.text, delimiter: 'auto' });
        setPreview(p);
        setMapping(p.suggestedMapping);
      } catch (e) {
        throw new Error(csvErrorText(i18n, e));
      }
    });
  }

  async function pick(picked: File | null) {
    setFile(null);
    setPreview(null);
    setJob(null);
    setPhase(null);
    setFileError(undefined);
    action.setError(undefined);
    if (!picked) return;
    if (picked.size > CSV_MAX_CHARS) return setFileError(t('errFileTooLarge', formatBytes(picked.size), formatBytes(CSV_MAX_CHARS)));
    await action.run(async () => {
      setPhase({ step: 'reading', loaded: 0, size: picked.size });
      const bytes = await readBytes(picked, (loaded) => setPhase({ step: 'reading', loaded, size: picked.size }));
      setPhase(null);
      const detected = detectEncoding(bytes);
      const loaded = { name: picked.name, bytes, detected, encoding: detected.encoding, text: decodeCsv(bytes, detected.encoding) };
      setFile(loaded);
      await check(loaded);
    });
  }

  async function switchEncoding(encoding: CsvEncoding) {
    if (!file) return;
    const loaded = { ...file, encoding, text: decodeCsv(file.bytes, encoding) };
    setFile(loaded);
    await check(loaded);
  }

  async function runImport() {
    if (!file || !preview) return;
    setJob(null);
    await action.run(async () => {
      setPhase({ step: 'checking' });
      try {
        // The background kept the file the preview checked: only the rep's choices travel now.
        const { jobId } = await ask({ type: 'csv/import', planId: preview.planId, mapping, defaultSource: source as never, badRows: skipBad ? 'skip' : 'refuse' });
        const final = await followJob(jobId, (s) => {
          setJob(s);
          if (s.state === 'running') setPhase(s.done > 0 || s.total > 0 ? { step: 'importing', done: s.done, total: s.total } : { step: 'checking' });
        });
        setPhase(final.state === 'done' ? { step: 'done' } : null);
      } catch (e) {
        setPhase(null);
        throw new Error(csvErrorText(i18n, e));
      }
    });
  }

  const mapped = new Set(Object.values(mapping));
  const noIdentity = preview !== null && preview.rowCount > 0 && !identityFields.some((f) => mapped.has(f));
  const unreadable = file ? replacementCount(file.text) : 0;
  const badRows = new Set((job?.errors ?? []).map((e) => e.row).filter((r) => r !== undefined)).size;
  const bar = phase ? phaseBar(i18n, phase) : null;

  return (
    <>
      <h3>{t('ioCsvImport')}</h3>
      <FilePicker label={t('ioCsvFile')} hint={t('ioCsvFileHint')} accept=".csv,.txt,text/csv,text/plain" error={fileError} onFile={(f) => void pick(f)} />
      {file && file.bytes.length === 0 ? <Notice kind="warn">{t('ioCsvEmptyFile', file.name)}</Notice> : null}
      {file && file.bytes.length > 0 ? (
        <div class="stack" data-testid="csv-encoding">
          <SelectField<CsvEncoding>
            label={t('ioCsvEncoding')}
            hint={t(file.detected.bom ? 'ioCsvEncodingByMark' : 'ioCsvEncodingByContent', t(`csvEncoding_${file.detected.encoding.replace(/-/g, '_')}`))}
            value={file.encoding}
            onValue={(e) => void switchEncoding(e)}
            options={csvEncodings.map((e) => ({ value: e, label: t(`csvEncoding_${e.replace(/-/g, '_')}`) }))}
          />
          {unreadable > 0 ? <Notice kind="warn">{plural(i18n, 'ioCsvUnreadable', unreadable)}</Notice> : null}
        </div>
      ) : null}
      {preview && preview.headers.length === 0 ? <Notice kind="warn">{t('ioCsvBlankFile')}</Notice> : null}
      {preview && preview.headers.length > 0 && preview.rowCount === 0 ? <Notice kind="warn">{t('ioCsvHeaderOnly', preview.headers.join(', '))}</Notice> : null}
      {preview && preview.rowCount > 0 ? (
        <>
          <p data-testid="csv-rows">{plural(i18n, 'ioCsvRowCount', preview.rowCount, t(delimiterKey[preview.delimiter] ?? 'ioCsvSepComma'))}</p>
          <div class="table-wrap">
            <table class="csv-mapping">
              <caption class="sr-only">{t('ioCsvMapping')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ioCsvColumn')}</th>
                  <th scope="col">{t('ioCsvField')}</th>
                  <th scope="col">{t('ioCsvSample')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.headers.map((h, i) => (
                  <tr key={h}>
                    <td>{h}</td>
                    <td>
                      <select aria-label={t('ioCsvFieldFor', h)} value={mapping[h] ?? 'ignore'} onChange={(e) => setMapping({ ...mapping, [h]: (e.currentTarget as HTMLSelectElement).value as CsvField })}>
                        {csvFieldSchema.options.map((f) => (
                          <option key={f} value={f}>
                            {t(`csvField_${f}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td class="muted">{preview.sampleRows.slice(0, 2).map((r) => r[i] ?? '').join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {noIdentity ? <Notice kind="warn">{t('ioCsvNoIdentity')}</Notice> : null}
          <SelectField<string>
            label={t('ioCsvDefaultSource')}
            value={source}
            onValue={setSource}
            options={sourceKinds.map((s) => ({ value: s, label: t(`source_${s}`) }))}
          />
          <label class="checkbox csv-skip">
            <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad((e.currentTarget as HTMLInputElement).checked)} />
            <span>{t('ioCsvSkipBad')}</span>
          </label>
          <button type="button" class="primary" disabled={action.busy || noIdentity} onClick={() => void runImport()}>
            {plural(i18n, 'ioCsvImportRows', preview.rowCount)}
          </button>
        </>
      ) : null}
      {bar ? <Progress label={bar.label} value={bar.value} max={100} /> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {job?.state === 'failed' ? (
        <div role="alert">
          <Notice kind="error">{badRows > 0 ? plural(i18n, 'ioCsvNothingImported', badRows) : (job.message ?? t('ioCsvImportFailed'))}</Notice>
          <ErrorTable errors={job.errors ?? []} />
        </div>
      ) : job?.state === 'done' ? (
        <div class="stack">
          <Notice kind="success">
            <span data-testid="csv-result">
              {t('ioCsvDone', plural(i18n, 'ioCsvCreated', job.result?.created ?? 0), plural(i18n, 'ioCsvMerged', job.result?.merged ?? 0))}
              {(job.result?.skipped ?? 0) > 0 ? ` ${plural(i18n, 'ioCsvSkipped', job.result?.skipped ?? 0)}` : ''}
            </span>
          </Notice>
          {job.skipped && job.skipped.length > 0 && file ? (
            <>
              <button type="button" onClick={() => download(`outreach-guard-skipped-rows-${isoDay(today())}.csv`, skippedReport(i18n, file.text, job.skipped ?? []), 'text/csv;charset=utf-8')}>
                {t('ioCsvDownloadReport')}
              </button>
              <ErrorTable errors={job.skipped} />
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function ErrorTable({ errors }: { errors: NonNullable<JobStatus['errors']> }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div class="table-wrap">
      <table data-testid="csv-errors">
        <thead>
          <tr>
            <th scope="col">{t('ioCsvRow')}</th>
            <th scope="col">{t('ioCsvColumn')}</th>
            <th scope="col">{t('ioCsvProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, 500).map((e, i) => (
            <tr key={i}>
              <td>{e.row ?? '—'}</td>
              <td>{e.field ?? '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
