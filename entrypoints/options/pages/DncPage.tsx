import { useState } from 'preact/hooks';
import { formatDate, formatNumber, useI18n } from '@/components/i18n';
import { DncForm, type DncEntry } from '@/components/dnc/DncForm';
import { Loading, Notice } from '@/components/ui/basics';
import type { RequestOf } from '@/lib/messaging/protocol';
import { ask } from '../app/api';
import { useAction, useLoad } from '../app/hooks';

const PAGE = 200;

function teamIdentity(e: DncEntry): RequestOf<'team/add-entry'>['identity'] {
  switch (e.by) {
    case 'email':
      return { emails: [e.value] };
    case 'phone':
      return { phones: [e.value] };
    case 'linkedin':
      return { linkedin: { profileUrl: e.value } };
    case 'domain':
      return { domains: [e.value] };
    case 'company':
      // The team list is keyed by domain: an e-mail at the company gives it, a name alone cannot be shared.
      return { domains: [e.value.includes('@') ? e.value.split('@').pop()! : e.value] };
  }
}

export function DncPage() {
  const { t, lang } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const list = useLoad(() => ask({ type: 'suppressions/list', offset: 0, limit: Math.min(limit, 500) }), [limit]);
  const team = useLoad(() => ask({ type: 'team/status' }).catch(() => null));
  const action = useAction();
  const [status, setStatus] = useState<string | undefined>();

  async function add(e: DncEntry): Promise<boolean> {
    setStatus(undefined);
    const done = await action.run(async () => {
      const personal = await ask({ type: 'suppressions/add', by: e.by, value: e.value, scope: e.scope, reason: e.reason });
      let queued = 0;
      if (e.shareWithTeam && team.data?.inTeam) {
        const level = e.by === 'company' || e.by === 'domain' ? 'company' : 'person';
        queued = (await ask({ type: 'team/add-entry', identity: teamIdentity(e), reason: e.reason, scope: e.scope, level, label: e.value })).queued;
      }
      return { personal, queued };
    });
    if (!done) return false;
    setStatus(done.queued ? t('dncAddedShared', done.personal.added) : t('dncAdded', done.personal.added));
    await list.reload();
    return true;
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('navDnc')}</h1>
      <p class="muted">{t('dncIntro')}</p>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {status ? <Notice kind="success">{status}</Notice> : null}
      <DncForm inTeam={!!team.data?.inTeam} onAdd={add} busy={action.busy} />
      {team.data?.inTeam ? (
        <p>
          {t('dncTeamEntries', formatNumber(lang, team.data.entries))} <a href="#/team">{t('navTeam')}</a>
        </p>
      ) : null}
      <h2>{t('dncPersonal')}</h2>
      {list.error ? <Notice kind="error">{list.error}</Notice> : null}
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t('dncNone')}</p>
      ) : (
        <>
          <p role="status">{t('dncCount', formatNumber(lang, list.data.total))}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dncWho')}</th>
                  <th scope="col">{t('dncLevel')}</th>
                  <th scope="col">{t('dncScope')}</th>
                  <th scope="col">{t('dncReason')}</th>
                  <th scope="col">{t('colDate')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.label ?? t(`keyKind_${s.keyKind.replace(/-/g, '_')}`)}
                      {s.erased ? <span class="tag">{t('dncErased')}</span> : null}
                    </td>
                    <td>{t(`level_${s.level}`)}</td>
                    <td>{t(`scope_${s.scope}`)}</td>
                    <td>{s.reason || '—'}</td>
                    <td>
                      {formatDate(lang, s.recordedAt)} <span class="muted">{s.recordedBy}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        class="link"
                        aria-label={t('dncRemoveLabel', s.label ?? s.keyKind)}
                        onClick={async () => {
                          if (!confirm(t('dncRemoveConfirm'))) return;
                          if (await action.run(() => ask({ type: 'suppressions/remove', id: s.id }))) await list.reload();
                        }}
                      >
                        {t('actionRemove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.total > list.data.items.length && limit < 500 ? (
            <button type="button" onClick={() => setLimit(500)}>
              {t('actionLoadMore')}
            </button>
          ) : null}
        </>
      )}
    </>
  );
}
