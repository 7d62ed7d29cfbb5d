import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { ContactPicker } from '@/components/contacts/ContactPicker';
import { ConfirmDialog, Loading, Notice, TextArea } from '@/components/ui/basics';
import { ask, download, type ResultOf } from '../app/api';
import { useAction, useLoad } from '../app/hooks';
import { href } from '../app/routes';
import { searchContactOptions } from '../app/calls';
import { accessReportSections } from '@/components/rights/accessReport';
import { contactPageSchema } from '@/lib/messaging/management-contacts';
import { auditHeadSchema } from '@/lib/messaging/audit-anchors';

type AccessExport = ResultOf<'rights/access-export'>;

/** The readable access export in the page's language, laid out to print (it is what the person receives). */
function AccessReport({ report }: { report: AccessExport }) {
  const i18n = useI18n();
  const parsed = contactPageSchema.safeParse(report.json);
  if (!parsed.success) return <Notice kind="error">{i18n.t('reportUnreadable')}</Notice>;
  const title = i18n.t('reportTitle', parsed.data.contact.name);
  return (
    <article class="access-report" aria-label={title} data-testid="access-report">
      <h2>{title}</h2>
      {accessReportSections(i18n, parsed.data, auditHeadSchema.safeParse(report.json.auditHead).data).map((s) => (
        <section key={s.heading}>
          <h3>{s.heading}</h3>
          {s.rows.length === 0 ? (
            <p class="muted">—</p>
          ) : (
            <dl class="dl">
              {s.rows.map((r, i) => (
                <Fragment key={i}>
                  <dt>{r.label}</dt>
                  <dd class="pre">{r.value}</dd>
                </Fragment>
              ))}
            </dl>
          )}
        </section>
      ))}
    </article>
  );
}

/** Rights requests for one person: access (JSON and a printable page) and erasure. */
export function RightsPage({ id }: { id?: string | undefined }) {
  const { t } = useI18n();
  const action = useAction();
  const [report, setReport] = useState<AccessExport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [erased, setErased] = useState<ResultOf<'rights/erase'> | null>(null);
  const contact = useLoad(() => (id ? ask({ type: 'contacts/get', id }) : Promise.resolve(null)), [id]);

  async function exportAccess(kind: 'json' | 'page') {
    if (!id) return;
    const result = report ?? (await action.run(() => ask({ type: 'rights/access-export', contactId: id })));
    if (!result) return;
    setReport(result);
    if (kind === 'json') download(`access-request-${id}.json`, JSON.stringify(result.json, null, 2));
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('rightsTitle')}</h1>
      <p class="muted no-print">{t('rightsIntro')}</p>
      <div class="no-print">
        <ContactPicker label={t('rightsPick')} onSearch={(q) => searchContactOptions(q)} onPick={(o) => (location.hash = href('rights', o.id))} />
      </div>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {erased ? (
        <Notice kind="success">
          <span data-testid="erased">{t('rightsErased', erased.suppressionKeys)}</span>
        </Notice>
      ) : null}
      {id && !erased ? (
        contact.error ? (
          <Notice kind="error">{contact.error}</Notice>
        ) : !contact.data ? (
          <Loading />
        ) : (
          <>
            <h2 class="no-print">{contact.data.contact.name}</h2>
            <div class="cards no-print">
              <section class="card">
                <h3>{t('rightsAccess')}</h3>
                <p>{t('rightsAccessIntro')}</p>
                <div class="button-row">
                  <button type="button" class="primary" disabled={action.busy} onClick={() => void exportAccess('json')}>
                    {t('rightsDownloadJson')}
                  </button>
                  <button type="button" disabled={action.busy} onClick={() => void exportAccess('page')}>
                    {t('rightsShowReport')}
                  </button>
                  {report ? (
                    <button type="button" onClick={() => window.print()}>
                      {t('actionPrint')}
                    </button>
                  ) : null}
                </div>
              </section>
              <section class="card">
                <h3>{t('rightsErase')}</h3>
                <p>{t('rightsEraseIntro')}</p>
                <TextArea label={t('rightsEraseReason')} value={reason} onValue={setReason} rows={2} />
                <button type="button" class="danger" onClick={() => setConfirming(true)}>
                  {t('rightsEraseButton')}
                </button>
              </section>
            </div>
            {report ? <AccessReport report={report} /> : null}
            {confirming ? (
              <ConfirmDialog
                title={t('rightsEraseConfirmTitle')}
                body={<p>{t('rightsEraseConfirmBody', contact.data.contact.name)}</p>}
                confirmLabel={t('rightsEraseConfirm')}
                danger
                onCancel={() => setConfirming(false)}
                onConfirm={async () => {
                  setConfirming(false);
                  const result = await action.run(() => ask({ type: 'rights/erase', contactId: id, reason: reason.trim() }));
                  if (result) {
                    setErased(result);
                    setReport(null);
                  }
                }}
              />
            ) : null}
          </>
        )
      ) : null}
    </>
  );
}
