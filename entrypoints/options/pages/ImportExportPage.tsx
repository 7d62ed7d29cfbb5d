import { useState } from 'preact/hooks';
import { formatNumber, useI18n } from '@/components/i18n';
import { sourceKinds } from '@/components/contacts/ContactsList';
import { ConfirmDialog, Field, Notice, Progress, SelectField } from '@/components/ui/basics';
import { formatBytes, isoDay, MAX_IMPORT_BYTES } from '@/components/forms/validate';
import type { JobStatus } from '@/lib/messaging/management';
import { CSV_MAX_CHARS, csvFieldSchema } from '@/lib/messaging/management';
import { ask, download, type ResultOf } from '../app/api';
import { followJob, today, useAction } from '../app/hooks';

type CsvField = (typeof csvFieldSchema.options)[number];

/** Reads a file as text with progress (FileReader reports it; file.text() does not). */
function readText(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

function FilePicker({ label, accept, error, onFile }: { label: string; accept: string; error?: string | undefined; onFile: (f: File | null) => void }) {
  return (
    <Field label={label} error={error}>
      {(id, describedBy) => (
        <input
          id={id}
          type="file"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}

function BackupSection() {
  const { t, lang } = useI18n();
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [progress, setProgress] = useState<{ label: string; value: number | null; max: number } | null>(null);
  const [result, setResult] = useState<Record<string, number> | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function runImport() {
    setConfirming(false);
    setResult(null);
    if (!file) return;
    await action.run(async () => {
      try {
        const text = await readText(file, (loaded) => setProgress({ label: t('ioReading'), value: loaded, max: file.size }));
        let backup: unknown;
        try {
          backup = JSON.parse(text);
        } catch (e) {
          throw new Error(t('ioNotJson', (e as Error).message));
        }
        setProgress({ label: t('ioImporting'), value: null, max: 1 });
        const r = await ask({ type: 'backup/import', backup, mode });
        setResult(r.imported);
      } finally {
        setProgress(null);
      }
    });
  }

  return (
    <section class="card stack" aria-labelledby="backup-h">
      <h2 id="backup-h">{t('ioBackup')}</h2>
      <p class="hint">{t('ioBackupHint')}</p>
      <button
        type="button"
        class="primary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            setProgress({ label: t('ioExporting'), value: null, max: 1 });
            try {
              const { backup } = await ask({ type: 'backup/export' });
              download(`outreach-guard-backup-${isoDay(today())}.json`, JSON.stringify(backup));
            } finally {
              setProgress(null);
            }
          })
        }
      >
        {t('ioBackupExport')}
      </button>
      <h3>{t('ioBackupImport')}</h3>
      <FilePicker
        label={t('ioBackupFile')}
        accept=".json,application/json"
        error={fileError}
        onFile={(f) => {
          setFile(f);
          setResult(null);
          setFileError(f && f.size > MAX_IMPORT_BYTES ? t('errFileTooLarge', formatBytes(f.size), formatBytes(MAX_IMPORT_BYTES)) : undefined);
        }}
      />
      <SelectField<'merge' | 'replace'>
        label={t('ioMode')}
        value={mode}
        onValue={setMode}
        options={[
          { value: 'merge', label: t('ioModeMerge') },
          { value: 'replace', label: t('ioModeReplace') },
        ]}
      />
      <button
        type="button"
        disabled={action.busy || !file || !!fileError}
        onClick={() => (mode === 'replace' ? setConfirming(true) : void runImport())}
      >
        {t('ioBackupImportButton')}
      </button>
      {progress ? <Progress {...progress} /> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {result ? (
        <Notice kind="success">
          {t('ioImported')}{' '}
          {Object.entries(result)
            .map(([k, n]) => `${k}: ${formatNumber(lang, n)}`)
            .join(' · ')}
        </Notice>
      ) : null}
      {confirming ? (
        <ConfirmDialog title={t('ioReplaceTitle')} body={<p>{t('ioReplaceBody')}</p>} confirmLabel={t('ioReplaceConfirm')} danger onCancel={() => setConfirming(false)} onConfirm={() => void runImport()} />
      ) : null}
    </section>
  );
}

function CsvSection() {
  const { t, lang } = useI18n();
  const action = useAction();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [preview, setPreview] = useState<ResultOf<'csv/preview'> | null>(null);
  const [mapping, setMapping] = useState<Record<string, CsvField>>({});
  const [source, setSource] = useState<string>('legacy_import');
  const [reading, setReading] = useState<{ value: number; max: number } | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);

  async function pick(file: File | null) {
    setCsv(null);
    setPreview(null);
    setJob(null);
    setFileError(undefined);
    if (!file) return;
    if (file.size > CSV_MAX_CHARS) return setFileError(t('errFileTooLarge', formatBytes(file.size), formatBytes(CSV_MAX_CHARS)));
    await action.run(async () => {
      const text = await readText(file, (loaded) => setReading({ value: loaded, max: file.size }));
      setReading(null);
      const p = await ask({ type: 'csv/preview', csv: text });
      setCsv(text);
      setPreview(p);
      setMapping(p.suggestedMapping);
    });
  }

  async function runImport() {
    if (!csv) return;
    setJob(null);
    await action.run(async () => {
      const { jobId } = await ask({ type: 'csv/import', csv, delimiter: 'auto', mapping, defaultSource: source as never });
      await followJob(jobId, setJob);
    });
  }

  return (
    <section class="card stack" aria-labelledby="csv-h">
      <h2 id="csv-h">{t('ioCsv')}</h2>
      <p class="hint">{t('ioCsvHint')}</p>
      <button
        type="button"
        class="primary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            const r = await ask({ type: 'csv/export' });
            download(`outreach-guard-contacts-${isoDay(today())}.csv`, r.csv, 'text/csv;charset=utf-8');
          })
        }
      >
        {t('ioCsvExport')}
      </button>
      <h3>{t('ioCsvImport')}</h3>
      <FilePicker label={t('ioCsvFile')} accept=".csv,text/csv,text/plain" error={fileError} onFile={(f) => void pick(f)} />
      {reading ? <Progress label={t('ioReading')} value={reading.value} max={reading.max} /> : null}
      {preview ? (
        <>
          <p>{t('ioCsvRows', formatNumber(lang, preview.rowCount), preview.delimiter === '\t' ? 'tab' : preview.delimiter)}</p>
          <div class="table-wrap">
            <table>
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
          <SelectField<string>
            label={t('ioCsvDefaultSource')}
            value={source}
            onValue={setSource}
            options={sourceKinds.map((s) => ({ value: s, label: t(`source_${s}`) }))}
          />
          <button type="button" class="primary" disabled={action.busy} onClick={() => void runImport()}>
            {t('ioCsvImportButton', formatNumber(lang, preview.rowCount))}
          </button>
        </>
      ) : null}
      {job ? <Progress label={t('ioImportingRows', formatNumber(lang, job.done), formatNumber(lang, job.total))} value={job.done} max={Math.max(1, job.total)} /> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {job?.state === 'failed' || (job?.errors && job.errors.length > 0) ? (
        <div role="alert">
          <Notice kind="error">{job.message ?? t('ioCsvFailed', job.errors?.length ?? 0)}</Notice>
          {job.errors && job.errors.length > 0 ? (
            <div class="table-wrap">
              <table data-testid="csv-errors">
                <thead>
                  <tr>
                    <th scope="col">{t('ioCsvRow')}</th>
                    <th scope="col">{t('ioCsvField')}</th>
                    <th scope="col">{t('colDetail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.slice(0, 500).map((e, i) => (
                    <tr key={i}>
                      <td>{e.row ?? '—'}</td>
                      <td>{e.field ?? '—'}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : job?.state === 'done' ? (
        <Notice kind="success">
          {t('ioImported')}{' '}
          {Object.entries(job.result ?? {})
            .map(([k, n]) => `${k}: ${formatNumber(lang, n)}`)
            .join(' · ')}
        </Notice>
      ) : null}
    </section>
  );
}

export function ImportExportPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t('navImportExport')}</h1>
      <div class="cards cards-wide">
        <BackupSection />
        <CsvSection />
      </div>
    </>
  );
}
