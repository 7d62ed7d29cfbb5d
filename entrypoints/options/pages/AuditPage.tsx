import { useState } from 'preact/hooks';
import { formatDateTime, formatNumber, useI18n } from '@/components/i18n';
import { Loading, Notice, SelectField, TextField } from '@/components/ui/basics';
import { actionKey, actorName, auditActions, describeAudit } from '@/components/audit/auditWords';
import { AuditHeadPanel, VerifyResult } from '@/components/audit/AuditCheck';
import { dateCheck, isoDay, localDayBounds } from '@/components/forms/validate';
import { ask, download, type ResultOf } from '../app/api';
import { today, useAction, useLoad } from '../app/hooks';
import { href } from '../app/routes';

const PAGE = 100;

/** The append-only audit log: filter it, check the hash chain, export it. */
export function AuditPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [filters, setFilters] = useState({ action: '', from: '', to: '' });
  const [applied, setApplied] = useState(filters);
  const [offset, setOffset] = useState(0);
  const [verify, setVerify] = useState<ResultOf<'audit/verify'> | null>(null);
  const action = useAction();
  // The head changes with every write and every anchor: read again after each check or export.
  const [headVersion, setHeadVersion] = useState(0);
  const head = useLoad(() => ask({ type: 'audit/head' }), [headVersion]);
  const check = (kept?: { seq: number; hash: string }) =>
    void action.run(async () => {
      setVerify(await ask({ type: 'audit/verify', ...(kept ? { kept } : {}) }));
      setHeadVersion((v) => v + 1);
    });
  const list = useLoad(
    () =>
      ask({
        type: 'audit/list',
        ...(applied.action.trim() ? { action: applied.action.trim() } : {}),
        // The rep picks days on their own clock; entries are stamped in UTC.
        ...(applied.from ? { from: localDayBounds(applied.from).start } : {}),
        ...(applied.to ? { to: localDayBounds(applied.to).end } : {}),
        offset,
        limit: PAGE,
      }),
    [applied, offset],
  );
  const now = today();
  const fromErr = dateCheck(filters.from, now, { allowFuture: true });
  const toErr = dateCheck(filters.to, now, { allowFuture: true });

  return (
    <>
      <h1 tabIndex={-1}>{t('navAudit')}</h1>
      <p class="muted">{t('auditIntro')}</p>
      <div class="button-row">
        <button type="button" class="primary" disabled={action.busy} onClick={() => check()}>
          {t('auditVerify')}
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              const result = await ask({ type: 'audit/export' });
              download(`audit-log-${isoDay(today())}.json`, JSON.stringify(result, null, 2));
              setHeadVersion((v) => v + 1);
            })
          }
        >
          {t('auditExport')}
        </button>
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {verify ? <VerifyResult result={verify} /> : null}
      {head.error ? <Notice kind="error">{head.error}</Notice> : null}
      {head.data ? (
        <AuditHeadPanel
          head={head.data.head}
          anchoring={head.data.anchoring}
          busy={action.busy}
          onCopy={(text) => void navigator.clipboard.writeText(text)}
          onCheckKept={(kept) => check(kept)}
        />
      ) : null}
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (fromErr || toErr) return;
          setOffset(0);
          setApplied(filters);
        }}
      >
        <SelectField<string>
          label={t('auditAction')}
          value={filters.action}
          onValue={(a) => setFilters({ ...filters, action: a })}
          options={[
            { value: '', label: t('auditActionAll') },
            ...auditActions.map((a) => ({ value: a, label: t(`${actionKey(a)}_name`) })).sort((a, b) => a.label.localeCompare(b.label, lang, { numeric: true })),
          ]}
        />
        <TextField label={t('auditFrom')} type="date" value={filters.from} onValue={(from) => setFilters({ ...filters, from })} error={fromErr ? t(fromErr) : undefined} />
        <TextField label={t('auditTo')} type="date" value={filters.to} onValue={(to) => setFilters({ ...filters, to })} error={toErr ? t(toErr) : undefined} />
        <button type="submit">{t('actionFilter')}</button>
      </form>
      {list.error ? <Notice kind="error">{list.error}</Notice> : null}
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <p role="status">{t('auditCount', formatNumber(lang, list.data.total))}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('colDate')}</th>
                  <th scope="col">{t('auditActor')}</th>
                  <th scope="col">{t('auditWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => {
                  const words = describeAudit(i18n, e, list.data?.people);
                  return (
                    <tr key={e.seq} data-action={e.action}>
                      <td class="nowrap">{formatDateTime(lang, e.at)}</td>
                      <td>{actorName(i18n, e.actor)}</td>
                      <td>
                        <span class="audit-summary">{words.summary}</span>{' '}
                        {e.contactId && list.data?.people?.contacts[e.contactId] ? <a href={href('contacts', e.contactId)}>{t('auditContact')}</a> : null}
                        <details class="audit-details">
                          <summary>{t('auditDetails')}</summary>
                          <dl>
                            {words.details.map(([k, v]) => (
                              <div key={k}>
                                <dt>{k}</dt>
                                <dd>{v}</dd>
                              </div>
                            ))}
                            <div>
                              <dt>{t('auditEntryNumber')}</dt>
                              <dd>{e.seq}</dd>
                            </div>
                          </dl>
                        </details>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div class="button-row">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('actionPrevious')}
            </button>
            <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t('actionNext')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
