import { useState } from 'preact/hooks';
import { plural, useI18n } from '@/components/i18n';
import { ConfirmDialog, Field, Notice, Progress, SelectField } from '@/components/ui/basics';
import { formatBytes, isoDay, MAX_IMPORT_BYTES } from '@/components/forms/validate';
import { ask, download } from '../app/api';
import { today, useAction } from '../app/hooks';
import { CsvSection } from './CsvSection';

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

// What a restore reports, in the order a rep cares about; the audit count is there only when replaced.
const backupParts = ['contacts', 'mergedContacts', 'bases', 'evidence', 'provenance', 'events', 'suppressions', 'assessments', 'audit'] as const;

type ProgressState = { label: string; value: number | null; max: number } | null;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Downloads the backup one part (one file) at a time (docs/backup-format.md): a backup that fits the file
 * limit is one file; a larger one becomes numbered parts, each under the limit.
 */
async function exportInParts(day: string, onProgress: (done: number, total: number, part: number) => void): Promise<number> {
  let exportId: string | undefined;
  for (;;) {
    const r = await ask({ type: 'backup/export-part', ...(exportId ? { exportId } : {}) });
    exportId = r.exportId;
    const single = r.part === 1 && r.last;
    download(`outreach-guard-backup-${day}${single ? '' : `-deel-${r.part}`}.json`, r.text);
    onProgress(r.done, r.total, r.part);
    if (r.last) return r.part;
  }
}

function BackupSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [progress, setProgress] = useState<ProgressState>(null);
  const [result, setResult] = useState<Record<string, number> | null>(null);
  const [exported, setExported] = useState<number | null>(null);
  const [stopped, setStopped] = useState<{ restoreId: string; message: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The audit log's head at the export, to keep apart from the device (docs/audit-anchors.md).
  const [exportedHead, setExportedHead] = useState<{ seq: number; hash: string } | null>(null);

  /** Follows a restore the background runs in chunks until it is done, refused or interrupted. */
  async function follow(restoreId: string) {
    setStopped(null);
    await ask({ type: 'backup/restore-start', restoreId });
    for (;;) {
      const s = await ask({ type: 'backup/restore-status', restoreId });
      if (s.state === 'done') return setResult(s.result ?? {});
      if (s.state === 'failed') throw new Error(s.message ?? t('jobFailed'));
      if (s.state === 'applying' && s.message) {
        setStopped({ restoreId, message: s.message });
        return;
      }
      setProgress({ label: t('ioChecking'), value: s.total ? s.done : null, max: Math.max(1, s.total) });
      await pause(300);
    }
  }

  async function runImport() {
    setConfirming(false);
    setResult(null);
    if (!files.length) return;
    await action.run(async () => {
      try {
        let restoreId: string | undefined;
        let missing: (number | 'last')[] = [];
        for (const [i, file] of files.entries()) {
          const label = files.length > 1 ? t('ioSendingPart', String(i + 1), String(files.length)) : t('ioReading');
          const text = await readText(file, (loaded) => setProgress({ label, value: loaded, max: file.size }));
          let part: unknown;
          try {
            part = JSON.parse(text);
          } catch (e) {
            throw new Error(`${file.name}: ${t('ioNotJson', (e as Error).message)}`);
          }
          setProgress({ label: t('ioImporting'), value: null, max: 1 });
          const r = await ask({ type: 'backup/restore-part', mode, part, ...(restoreId ? { restoreId } : {}) });
          restoreId = r.restoreId;
          missing = r.missing;
        }
        if (missing.length) throw new Error(t('ioPartsMissing', missing.map((m) => (m === 'last' ? t('ioPartLast') : String(m))).join(', ')));
        await follow(restoreId!);
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
            setExported(null);
            setProgress({ label: t('ioExporting'), value: null, max: 1 });
            try {
              // Read before the export starts: the backup then holds at least this head.
              const { head } = await ask({ type: 'audit/head' });
              const parts = await exportInParts(isoDay(today()), (done, total, part) =>
                setProgress({ label: `${t('ioExporting')} · ${t('ioExportPart', String(part))}`, value: done, max: Math.max(1, total) }),
              );
              setExported(parts);
              setExportedHead(head);
            } finally {
              setProgress(null);
            }
          })
        }
      >
        {t('ioBackupExport')}
      </button>
      {exported && exported > 1 ? <Notice kind="success">{t('ioExportPart', `1–${exported}`)}</Notice> : null}
      {exportedHead ? (
        <Notice kind="info">
          <span data-testid="backup-audit-head">{t('ioBackupAuditHead', exportedHead.seq, exportedHead.hash)}</span>
        </Notice>
      ) : null}
      <h3>{t('ioBackupImport')}</h3>
      <Field label={t('ioBackupFile')} error={fileError}>
        {(id, describedBy) => (
          <input
            id={id}
            type="file"
            multiple
            accept=".json,application/json"
            aria-describedby={describedBy}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              const picked = [...((e.currentTarget as HTMLInputElement).files ?? [])];
              setFiles(picked);
              setResult(null);
              setStopped(null);
              // The one file limit holds for every part.
              const big = picked.find((f) => f.size > MAX_IMPORT_BYTES);
              setFileError(big ? `${picked.length > 1 ? `${big.name}: ` : ''}${t('errFileTooLarge', formatBytes(big.size), formatBytes(MAX_IMPORT_BYTES))}` : undefined);
            }}
          />
        )}
      </Field>
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
        disabled={action.busy || !files.length || !!fileError}
        onClick={() => (mode === 'replace' ? setConfirming(true) : void runImport())}
      >
        {t('ioBackupImportButton')}
      </button>
      {progress ? <Progress {...progress} /> : null}
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {stopped ? (
        <Notice kind="error">
          <span data-testid="backup-stopped">{t('ioRestoreStopped', stopped.message)}</span>{' '}
          <button type="button" disabled={action.busy} onClick={() => void action.run(() => follow(stopped.restoreId).finally(() => setProgress(null)))}>
            {t('ioRestoreRetry')}
          </button>
        </Notice>
      ) : null}
      {result ? (
        <Notice kind="success">
          <span data-testid="backup-result">
            {t('ioImported')}{' '}
            {backupParts
              .filter((k) => (result[k] ?? 0) > 0 || k === 'contacts')
              .map((k) => plural(i18n, `backupCount_${k}`, result[k] ?? 0))
              .join(', ')}
          </span>
        </Notice>
      ) : null}
      {confirming ? (
        <ConfirmDialog title={t('ioReplaceTitle')} body={<p>{t('ioReplaceBody')}</p>} confirmLabel={t('ioReplaceConfirm')} danger onCancel={() => setConfirming(false)} onConfirm={() => void runImport()} />
      ) : null}
    </section>
  );
}

function CsvCard() {
  const { t } = useI18n();
  const action = useAction();
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
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <CsvSection />
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
        <CsvCard />
      </div>
    </>
  );
}
