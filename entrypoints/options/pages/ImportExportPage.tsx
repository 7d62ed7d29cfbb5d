import { useState } from 'preact/hooks';
import { plural, useI18n } from '@/components/i18n';
import { ConfirmDialog, Notice, Progress, SelectField } from '@/components/ui/basics';
import { FilePicker } from '@/components/ui/FilePicker';
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

function BackupSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [progress, setProgress] = useState<{ label: string; value: number | null; max: number } | null>(null);
  const [result, setResult] = useState<Record<string, number> | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The audit log's head at the export, to keep apart from the device (docs/audit-anchors.md).
  const [exportedHead, setExportedHead] = useState<{ seq: number; hash: string } | null>(null);

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
              const { backup, auditHead } = await ask({ type: 'backup/export' });
              download(`outreach-guard-backup-${isoDay(today())}.json`, JSON.stringify(backup));
              setExportedHead(auditHead ?? null);
            } finally {
              setProgress(null);
            }
          })
        }
      >
        {t('ioBackupExport')}
      </button>
      {exportedHead ? (
        <Notice kind="info">
          <span data-testid="backup-audit-head">{t('ioBackupAuditHead', exportedHead.seq, exportedHead.hash)}</span>
        </Notice>
      ) : null}
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
