import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber, useI18n } from '@/components/i18n';
import { DncForm, type DncEntry } from '@/components/dnc/DncForm';
import { maskedLabel } from '@/components/dnc/mask';
import { keyKindLabel, TeamEntriesTable, type TeamEntryView } from '@/components/dnc/TeamEntriesTable';
import { ConfirmDialog, Loading, Notice } from '@/components/ui/basics';
import type { RequestOf } from '@/lib/messaging/protocol';
import { ask, errorText } from '../app/api';
import { useAction, useLoad } from '../app/hooks';

const PAGE = 200;
const TEAM_PAGE = 50;

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
  // Paged by offset: the protocol gives at most 500 per request, and every entry must stay reachable to remove it.
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => ask({ type: 'suppressions/list', offset, limit: PAGE }), [offset]);
  // Outside a team this answers inTeam: false; an error is shown, not taken for "no team".
  const team = useLoad(() => ask({ type: 'team/status' }));
  const inTeam = !!team.data?.inTeam;
  const [teamOffset, setTeamOffset] = useState(0);
  const teamList = useLoad(
    () => (inTeam ? ask({ type: 'team/list-entries', offset: teamOffset, limit: TEAM_PAGE }) : Promise.resolve(null)),
    [inTeam, teamOffset],
  );
  const [retracting, setRetracting] = useState<TeamEntryView | null>(null);
  const [removing, setRemoving] = useState<{ id: string; label: string } | null>(null);
  const [teamStatus, setTeamStatus] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const retract = useAction();
  const action = useAction();
  const [status, setStatus] = useState<string | undefined>();

  async function confirmRetract(item: TeamEntryView) {
    setRetracting(null);
    setTeamStatus(undefined);
    try {
      await ask({ type: 'team/retract', ids: item.ids.slice(0, 100) });
      setTeamStatus({ kind: 'success', text: t('dncTeamRetracted') });
    } catch (error) {
      setTeamStatus({ kind: 'error', text: t('dncTeamRetractFailed', errorText(error)) });
    }
    // The last item of a later page is gone: show the page before it rather than an empty one.
    if (teamOffset > 0 && teamList.data?.items.length === 1) setTeamOffset(Math.max(0, teamOffset - TEAM_PAGE));
    await Promise.all([teamList.reload(), team.reload()]);
  }

  // The last entries of a later page were removed: show the last page that has any rather than an empty one.
  const personalTotal = list.data?.total;
  useEffect(() => {
    if (personalTotal !== undefined && offset > 0 && offset >= personalTotal) setOffset(Math.max(0, Math.ceil(personalTotal / PAGE) - 1) * PAGE);
  }, [personalTotal, offset]);

  // Entries recorded here wait for the next sync (seconds): look again until the server has them all.
  const waitingForServer = !!teamList.data?.items.some((i) => !i.synced);
  useEffect(() => {
    if (!waitingForServer) return;
    const timer = setTimeout(() => void Promise.all([teamList.reload(), team.reload()]), 3000);
    return () => clearTimeout(timer);
  }, [waitingForServer, teamList.data]);

  async function add(e: DncEntry): Promise<boolean> {
    setStatus(undefined);
    const done = await action.run(async () => {
      let queued = 0;
      let teamError: string | undefined;
      if (e.shareWithTeam && team.data?.inTeam) {
        // First, with the masked display label: the background shares every personal entry with the team
        // anyway, but without a label, and an identity the team already lists is not queued twice.
        const level = e.by === 'company' || e.by === 'domain' ? 'company' : 'person';
        try {
          queued = (await ask({ type: 'team/add-entry', identity: teamIdentity(e), reason: e.reason, scope: e.scope, level, label: maskedLabel(e) })).queued;
        } catch (error) {
          teamError = errorText(error); // the personal entry must still be stored
        }
      }
      const personal = await ask({ type: 'suppressions/add', by: e.by, value: e.value, scope: e.scope, reason: e.reason });
      return { personal, queued, teamError };
    });
    if (!done) return false;
    setStatus(done.queued ? t('dncAddedShared', done.personal.added) : t('dncAdded', done.personal.added));
    setTeamStatus(done.teamError ? { kind: 'error', text: t('dncTeamAddFailed', done.teamError) } : undefined);
    await Promise.all([list.reload(), inTeam ? Promise.all([team.reload(), teamList.reload()]) : null]);
    return true;
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('navDnc')}</h1>
      <p class="muted">{t('dncIntro')}</p>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {status ? <Notice kind="success">{status}</Notice> : null}
      <DncForm inTeam={!!team.data?.inTeam} onAdd={add} busy={action.busy} />
      {/* Only when no team list is shown: a failed poll keeps the list it had. */}
      {team.error && !team.data ? <Notice kind="error">{t('dncTeamStatusFailed', team.error)}</Notice> : null}
      {inTeam && team.data ? (
        <section aria-labelledby="dnc-team-title">
          <h2 id="dnc-team-title">{t('dncTeamTitle')}</h2>
          <p>
            {t('dncTeamEntries', formatNumber(lang, team.data.entries))} <a href="#/team">{t('navTeam')}</a>
          </p>
          {teamStatus ? <Notice kind={teamStatus.kind}>{teamStatus.text}</Notice> : null}
          {teamList.error ? <Notice kind="error">{t('dncTeamLoadFailed', teamList.error)}</Notice> : null}
          {!teamList.data ? (
            teamList.error ? null : <Loading />
          ) : teamList.data.total === 0 ? (
            <p>{t('dncTeamNone')}</p>
          ) : (
            <>
              {team.data.role === 'lead' ? null : <p class="muted">{t('dncTeamLeadOnly')}</p>}
              <TeamEntriesTable items={teamList.data.items} canRetract={team.data.role === 'lead'} busy={retract.busy} onRetract={setRetracting} />
              {teamList.data.total > TEAM_PAGE ? (
                <nav class="pager" aria-label={t('dncTeamTitle')}>
                  <button type="button" disabled={teamOffset === 0} onClick={() => setTeamOffset(Math.max(0, teamOffset - TEAM_PAGE))}>
                    {t('actionPrevious')}
                  </button>{' '}
                  <span>
                    {t(
                      'dncTeamPageOf',
                      formatNumber(lang, teamOffset + 1),
                      formatNumber(lang, Math.min(teamOffset + TEAM_PAGE, teamList.data.total)),
                      formatNumber(lang, teamList.data.total),
                    )}
                  </span>{' '}
                  <button type="button" disabled={teamOffset + TEAM_PAGE >= teamList.data.total} onClick={() => setTeamOffset(teamOffset + TEAM_PAGE)}>
                    {t('actionNext')}
                  </button>
                </nav>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      {retracting ? (
        <ConfirmDialog
          title={t('dncTeamRetractTitle')}
          body={<p>{t('dncTeamRetractBody', retracting.label || retracting.keyKinds.map((k) => keyKindLabel(t, k)).join(', '))}</p>}
          confirmLabel={t('dncTeamRetract')}
          danger
          onConfirm={() => void retract.run(() => confirmRetract(retracting))}
          onCancel={() => setRetracting(null)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('dncRemoveTitle', removing.label)}
          body={<p>{t('dncRemoveConfirm')}</p>}
          confirmLabel={t('dncRemoveButton')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id;
            setRemoving(null);
            void action.run(() => ask({ type: 'suppressions/remove', id })).then((ok) => (ok ? list.reload() : undefined));
          }}
        />
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
                      {s.label ?? keyKindLabel(t, s.keyKind)}
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
                        aria-label={t('dncRemoveLabel', s.label ?? keyKindLabel(t, s.keyKind))}
                        onClick={() => setRemoving({ id: s.id, label: s.label ?? keyKindLabel(t, s.keyKind) })}
                      >
                        {t('actionRemove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.total > PAGE ? (
            <nav class="pager" aria-label={t('dncPersonal')}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('actionPrevious')}
              </button>{' '}
              <span>
                {t('dncPageOf', formatNumber(lang, offset + 1), formatNumber(lang, Math.min(offset + PAGE, list.data.total)), formatNumber(lang, list.data.total))}
              </span>{' '}
              <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
                {t('actionNext')}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
