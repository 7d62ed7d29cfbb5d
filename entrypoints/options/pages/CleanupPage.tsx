import { useState } from 'preact/hooks';
import { formatNumber, useI18n } from '@/components/i18n';
import { Checkbox, ConfirmDialog, Loading, Notice, Progress } from '@/components/ui/basics';
import type { CleanupCategory, JobStatus } from '@/lib/messaging/management';
import { ask } from '../app/api';
import { followJob, useAction, useLoad } from '../app/hooks';

const categories: readonly CleanupCategory[] = ['no_provable_basis', 'consent_too_old', 'retention_exceeded', 'art14_passed'];

/** Records the law says must go: the categories with counts, and a bulk erase behind a confirmation. */
export function CleanupPage() {
  const { t, lang } = useI18n();
  const scan = useLoad(() => ask({ type: 'cleanup/scan' }));
  const action = useAction();
  const [picked, setPicked] = useState<Set<CleanupCategory>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [job, setJob] = useState<JobStatus | null>(null);

  if (scan.error) return <Notice kind="error">{scan.error}</Notice>;
  if (!scan.data) return <Loading />;
  const data = scan.data;
  const ids = [...new Set([...picked].flatMap((c) => data.categories[c]?.ids ?? []))];

  async function erase() {
    setConfirming(false);
    setJob(null);
    await action.run(async () => {
      const { jobId } = await ask({ type: 'cleanup/erase', ids, reason: [...picked].join(', ') });
      const end = await followJob(jobId, setJob);
      if (end.state === 'failed') throw new Error(end.message ?? t('jobFailed'));
      setPicked(new Set());
      await scan.reload();
    });
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('navCleanup')}</h1>
      <p class="muted">{t('cleanupIntro')}</p>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      <div class="cards">
        {categories.map((c) => {
          const count = data.categories[c]?.count ?? 0;
          return (
            <section key={c} class="card" aria-labelledby={`cat-${c}`}>
              <h2 id={`cat-${c}`}>{t(`cleanup_${c}`)}</h2>
              <p class="count" data-testid={`count-${c}`}>
                {formatNumber(lang, count)}
              </p>
              <p class="hint">{t(`cleanupHint_${c}`)}</p>
              {count > 0 ? (
                <Checkbox
                  label={t('cleanupSelect')}
                  checked={picked.has(c)}
                  onChecked={(on) => {
                    const next = new Set(picked);
                    if (on) next.add(c);
                    else next.delete(c);
                    setPicked(next);
                  }}
                />
              ) : null}
            </section>
          );
        })}
      </div>
      <div class="actions">
        <button type="button" class="danger" disabled={ids.length === 0 || action.busy} onClick={() => setConfirming(true)}>
          {t('cleanupErase', formatNumber(lang, ids.length))}
        </button>
        <button type="button" onClick={() => void scan.reload()} disabled={action.busy}>
          {t('cleanupRescan')}
        </button>
      </div>
      {job ? (
        <div aria-live="polite">
          <Progress label={t('cleanupProgress', formatNumber(lang, job.done), formatNumber(lang, job.total))} value={job.done} max={Math.max(1, job.total)} />
          {job.state === 'done' ? <Notice kind="success">{t('cleanupDone', formatNumber(lang, job.done))}</Notice> : null}
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('cleanupConfirmTitle')}
          body={<p>{t('cleanupConfirmBody', formatNumber(lang, ids.length))}</p>}
          confirmLabel={t('cleanupConfirm', formatNumber(lang, ids.length))}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void erase()}
        />
      ) : null}
    </>
  );
}
