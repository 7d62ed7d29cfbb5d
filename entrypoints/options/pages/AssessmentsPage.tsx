import { useState } from 'preact/hooks';
import { formatDate, useI18n } from '@/components/i18n';
import { emptyLia, LiaDocument, LiaForm, standardSafeguards, type LiaDraft } from '@/components/assessments/LiaForm';
import { Loading, Notice, SelectField } from '@/components/ui/basics';
import type { Assessment } from '@/lib/model/assessment';
import { ask } from '../app/api';
import { today, useAction, useLoad } from '../app/hooks';
import { href } from '../app/routes';

export function draftOf(a: Assessment): LiaDraft {
  const standard = standardSafeguards as readonly string[];
  return {
    title: a.title,
    interest: a.interest,
    // A saved assessment passed these confirmations when it was written.
    interestLawful: true,
    interestPresent: true,
    necessity: a.necessity,
    reasonableExpectations: a.reasonableExpectations,
    balancing: a.balancing,
    safeguards: a.safeguards.filter((s) => standard.includes(s)),
    otherSafeguards: a.safeguards.filter((s) => !standard.includes(s)).join('\n'),
    optOutOffered: a.optOutOffered,
    retentionMonths: String(a.retentionMonths),
    reviewDate: a.reviewDate.slice(0, 10),
    decidedBy: a.decidedBy,
  };
}

function inputOf(d: LiaDraft, id: string | undefined) {
  return {
    ...(id ? { id } : {}),
    title: d.title.trim(),
    interest: d.interest.trim(),
    necessity: d.necessity.trim(),
    balancing: d.balancing.trim(),
    reasonableExpectations: d.reasonableExpectations.trim(),
    safeguards: [
      ...d.safeguards,
      ...d.otherSafeguards
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ],
    optOutOffered: d.optOutOffered,
    retentionMonths: Number(d.retentionMonths),
    reviewDate: d.reviewDate,
    decidedBy: d.decidedBy.trim(),
  };
}

export function AssessmentsPage() {
  const { t, lang } = useI18n();
  const { data, error } = useLoad(() => ask({ type: 'assessments/list' }));
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading />;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{t('navAssessments')}</h1>
        <a class="button primary" href={href('assessments', 'new')}>
          {t('liaNew')}
        </a>
      </div>
      <p class="muted">{t('liaIntro')}</p>
      {data.items.length === 0 ? (
        <p>{t('liaNone')}</p>
      ) : (
        <ul class="cards">
          {data.items.map((a) => (
            <li key={a.id} class="card">
              <h3>
                <a href={href('assessments', a.id)}>{a.title}</a>
              </h3>
              <p>
                {t('liaVersion', a.version)} · {formatDate(lang, a.createdAt)}
              </p>
              <p>
                {t('liaReviewDate')}: {formatDate(lang, a.reviewDate)} {a.reviewDue ? <span class="tag tag-warn">{t('liaReviewDue')}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One assessment: read (any version), print, or write a new version. A new assessment starts in the form. */
export function AssessmentPage({ id }: { id?: string }) {
  const { t, lang } = useI18n();
  const [version, setVersion] = useState<number | undefined>();
  const [editing, setEditing] = useState(!id);
  const action = useAction();
  const { data, error, reload } = useLoad(
    () => (id ? ask({ type: 'assessments/get', id, ...(version ? { version } : {}) }) : Promise.resolve(null)),
    [id, version],
  );

  async function save(d: LiaDraft) {
    const saved = await action.run(() => ask({ type: 'assessments/save', assessment: inputOf(d, id) }));
    if (!saved) return;
    setEditing(false);
    setVersion(undefined);
    if (saved.id !== id) location.hash = href('assessments', saved.id);
    else await reload();
  }

  if (error) return <Notice kind="error">{error}</Notice>;
  if (id && !data) return <Loading />;

  if (editing) {
    return (
      <>
        <h1 tabIndex={-1}>{id ? t('liaNewVersion', data?.assessment.title ?? '') : t('liaNew')}</h1>
        {action.error ? <Notice kind="error">{action.error}</Notice> : null}
        <LiaForm
          initial={data ? draftOf(data.assessment) : emptyLia}
          today={today()}
          saving={action.busy}
          onSave={(d) => void save(d)}
          onCancel={() => (id ? setEditing(false) : (location.hash = href('assessments')))}
        />
      </>
    );
  }
  if (!data) return <Loading />;
  const a = data.assessment;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{a.title}</h1>
        <div class="button-row no-print">
          <button type="button" onClick={() => window.print()}>
            {t('actionPrint')}
          </button>
          <button type="button" class="primary" onClick={() => setEditing(true)}>
            {t('liaEditNewVersion')}
          </button>
        </div>
      </div>
      <p>{t('liaLinkedContacts', data.contactCount)}</p>
      {data.versions.length > 1 ? (
        <div class="no-print" style={{ maxWidth: '16rem' }}>
          <SelectField<string>
            label={t('liaVersions')}
            value={String(a.version)}
            onValue={(v) => setVersion(Number(v))}
            options={[...data.versions].reverse().map((v) => ({ value: String(v), label: t('liaVersion', v) }))}
          />
        </div>
      ) : null}
      <LiaDocument draft={draftOf(a)} version={a.version} date={formatDate(lang, a.createdAt)} />
    </>
  );
}
