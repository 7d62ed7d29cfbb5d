import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pick, useI18n } from '@/components/i18n';
import { InviteCode, TeamStatusCard } from '@/components/team/TeamStatus';
import { ConfirmDialog, Loading, Notice, TextArea, TextField } from '@/components/ui/basics';
import { collect, hasErrors, required, urlCheck, type Errors } from '@/components/forms/validate';
import { parseInvite } from '@/lib/sync/invite';
import { ask } from '../app/api';
import { useAction, useLoad } from '../app/hooks';

/**
 * The optional host permission for the team server; must be asked in the click handler (a user gesture).
 * A refusal is not the end: a server with CORS set up for the extension works without it (docs/team-sync.md).
 */
function requestServerPermission(serverUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${new URL(serverUrl).origin}/*`] }).catch(() => false);
}

/** Runs the team request; when it fails and the permission was refused, says that too. */
async function withPermission<T>(granted: Promise<boolean>, work: () => Promise<T>, refusedText: string): Promise<T> {
  const ok = await granted;
  try {
    return await work();
  } catch (e) {
    if (!ok) throw new Error(`${refusedText} ${(e as Error).message}`);
    throw e;
  }
}

export function TeamPage() {
  const { t, lang } = useI18n();
  const status = useLoad(() => ask({ type: 'team/status' }));
  const action = useAction();
  const [leaving, setLeaving] = useState(false);
  const [invite, setInvite] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [join, setJoin] = useState({ inviteCode: '', username: '', password: '' });
  const [joinErrors, setJoinErrors] = useState<Errors<'inviteCode' | 'username' | 'password'>>({});
  const [create, setCreate] = useState({ serverUrl: '', db: '', username: '', password: '' });
  const [rep, setRep] = useState({ username: '', password: '' });
  const [repErrors, setRepErrors] = useState<Errors<'username' | 'password'>>({});
  const [createErrors, setCreateErrors] = useState<Errors<'serverUrl' | 'db' | 'username' | 'password'>>({});

  function onJoin(e: Event) {
    e.preventDefault();
    const found = collect({ inviteCode: [required(join.inviteCode)], username: [required(join.username)], password: [required(join.password)] });
    let serverUrl = '';
    if (!found.inviteCode) {
      try {
        serverUrl = parseInvite(join.inviteCode).serverUrl;
      } catch {
        found.inviteCode = 'errInvite';
      }
    }
    setJoinErrors(found);
    if (hasErrors(found)) return;
    // permissions.request first, synchronously in the click, or the browser refuses it.
    const granted = requestServerPermission(serverUrl);
    void action.run(async () => {
      await withPermission(granted, () => ask({ type: 'team/join', ...join }), t('teamPermissionDenied'));
      setNotice(t('teamJoined'));
      setJoin({ inviteCode: '', username: '', password: '' });
      await status.reload();
    });
  }

  function onCreate(e: Event) {
    e.preventDefault();
    const found = collect({
      serverUrl: [required(create.serverUrl), urlCheck(create.serverUrl)],
      db: [required(create.db), /^[a-z][a-z0-9_$()+/-]*$/.test(create.db.trim()) || !create.db.trim() ? null : 'errDbName'],
      username: [required(create.username)],
      password: [required(create.password)],
    });
    setCreateErrors(found);
    if (hasErrors(found)) return;
    const granted = requestServerPermission(create.serverUrl.trim());
    void action.run(async () => {
      const result = await withPermission(
        granted,
        () => ask({ type: 'team/create', ...create, serverUrl: create.serverUrl.trim(), db: create.db.trim() }),
        t('teamPermissionDenied'),
      );
      setInvite(result.inviteCode);
      setNotice(t('teamCreated'));
      await status.reload();
    });
  }

  function onCreateRep(e: Event) {
    e.preventDefault();
    const found = collect({
      username: [required(rep.username), /^[^_:][^:]*$/.test(rep.username.trim()) || !rep.username.trim() ? null : 'errRepName'],
      password: [required(rep.password), rep.password.length >= 8 || !rep.password ? null : 'errPasswordShort'],
    });
    setRepErrors(found);
    if (hasErrors(found)) return;
    void action.run(async () => {
      await ask({ type: 'team/create-rep', username: rep.username.trim(), password: rep.password });
      setNotice(t('teamRepCreated', rep.username.trim()));
      setRep({ username: '', password: '' });
    });
  }

  if (status.error) return <Notice kind="error">{status.error}</Notice>;
  if (!status.data) return <Loading />;
  const s = status.data;
  return (
    <>
      <h1 tabIndex={-1}>{t('navTeam')}</h1>
      <p class="muted">{t('teamIntro')}</p>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {s.inTeam ? (
        <div class="cards">
          <TeamStatusCard
            status={s}
            busy={action.busy}
            onSyncNow={() =>
              void action.run(async () => {
                const r = await ask({ type: 'team/sync-now' });
                setNotice(t('teamSynced', r.pulled, r.pushed));
                await status.reload();
              })
            }
          />
          {invite ? (
            <InviteCode code={invite} onCopy={(c) => void navigator.clipboard.writeText(c)} />
          ) : s.role === 'lead' ? (
            <section class="card">
              <h2>{t('teamInviteCode')}</h2>
              <button
                type="button"
                onClick={() =>
                  void action.run(async () => {
                    setInvite((await ask({ type: 'team/invite' })).inviteCode);
                  })
                }
              >
                {t('teamShowInvite')}
              </button>
            </section>
          ) : null}
          {s.role === 'lead' ? (
            <form class="card" onSubmit={onCreateRep} noValidate aria-labelledby="rep-h">
              <h2 id="rep-h">{t('teamCreateRep')}</h2>
              <p class="muted">{t('teamCreateRepIntro')}</p>
              <TextField label={t('teamUser')} value={rep.username} onValue={(username) => setRep({ ...rep, username })} error={repErrors.username && t(repErrors.username)} required />
              <TextField
                label={t('teamPassword')}
                type="password"
                value={rep.password}
                onValue={(password) => setRep({ ...rep, password })}
                error={repErrors.password && t(repErrors.password)}
                required
                autoComplete="new-password"
              />
              <button type="submit" disabled={action.busy}>
                {t('teamCreateRepButton')}
              </button>
            </form>
          ) : null}
          <section class="card">
            <h2>{t('teamLeave')}</h2>
            <p class="muted">{t('teamLeaveIntro')}</p>
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              // The count of entries not yet uploaded must be today's, not the one read when the page opened.
              onClick={() => void status.reload().finally(() => setLeaving(true))}
            >
              {t('teamLeaveButton')}
            </button>
            {leaving ? (
              <ConfirmDialog
                title={t('teamLeaveTitle')}
                // Leaving first tries to upload what waits; offline those entries would never reach the team.
                body={<p>{(status.data?.pendingUploads ?? 0) > 0 ? t('teamLeaveConfirmPending', status.data!.pendingUploads) : t('teamLeaveConfirm')}</p>}
                confirmLabel={t('teamLeaveButton')}
                danger
                onCancel={() => setLeaving(false)}
                onConfirm={() => {
                  setLeaving(false);
                  void action.run(async () => {
                    await ask({ type: 'team/leave' });
                    setInvite(undefined);
                    setNotice(t('teamLeft'));
                    await status.reload();
                  });
                }}
              />
            ) : null}
          </section>
        </div>
      ) : (
        <>
          {s.lastError ? <Notice kind="error">{pick(lang, s.lastError)}</Notice> : null}
          <div class="cards">
            <form class="card" onSubmit={onJoin} noValidate aria-labelledby="join-h">
              <h2 id="join-h">{t('teamJoin')}</h2>
              <p class="muted">{t('teamJoinIntro')}</p>
              <TextArea label={t('teamInviteCode')} value={join.inviteCode} onValue={(inviteCode) => setJoin({ ...join, inviteCode })} error={joinErrors.inviteCode && t(joinErrors.inviteCode)} required rows={3} />
              <TextField label={t('teamUser')} value={join.username} onValue={(username) => setJoin({ ...join, username })} error={joinErrors.username && t(joinErrors.username)} required autoComplete="username" />
              <TextField
                label={t('teamPassword')}
                type="password"
                value={join.password}
                onValue={(password) => setJoin({ ...join, password })}
                error={joinErrors.password && t(joinErrors.password)}
                required
                autoComplete="current-password"
              />
              <button type="submit" class="primary" disabled={action.busy}>
                {t('teamJoinButton')}
              </button>
            </form>
            <form class="card" onSubmit={onCreate} noValidate aria-labelledby="create-h">
              <h2 id="create-h">{t('teamCreate')}</h2>
              <p class="muted">{t('teamCreateIntro')}</p>
              <TextField label={t('teamServerUrl')} type="url" placeholder="https://couch.example.nl" value={create.serverUrl} onValue={(serverUrl) => setCreate({ ...create, serverUrl })} error={createErrors.serverUrl && t(createErrors.serverUrl)} required />
              <TextField label={t('teamDb')} hint={t('teamDbHint')} value={create.db} onValue={(db) => setCreate({ ...create, db })} error={createErrors.db && t(createErrors.db)} required />
              <TextField label={t('teamAdminUser')} value={create.username} onValue={(username) => setCreate({ ...create, username })} error={createErrors.username && t(createErrors.username)} required />
              <TextField
                label={t('teamPassword')}
                type="password"
                value={create.password}
                onValue={(password) => setCreate({ ...create, password })}
                error={createErrors.password && t(createErrors.password)}
                required
              />
              <button type="submit" class="primary" disabled={action.busy}>
                {t('teamCreateButton')}
              </button>
            </form>
          </div>
        </>
      )}
    </>
  );
}
