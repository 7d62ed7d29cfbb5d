import { renderSVG } from 'uqr';
import { useState } from 'preact/hooks';
import type { TeamStatusResult } from '@/lib/messaging/team';
import { formatDateTime, formatNumber, pick, useI18n } from '../i18n';
import { Notice } from '../ui/basics';

/** One line for the popup: synced when, how many entries, and an error if there is one. */
export function TeamStatusLine({ status }: { status: TeamStatusResult }) {
  const { t, lang } = useI18n();
  return (
    <p class="muted team-line">
      {t('teamLine', formatNumber(lang, status.entries), status.lastSyncAt ? formatDateTime(lang, status.lastSyncAt) : t('teamNever'))}
      {status.pendingUploads ? ` · ${t('teamPending', status.pendingUploads)}` : ''}
      {status.lastError ? <span class="error"> {pick(lang, status.lastError)}</span> : null}
    </p>
  );
}

/** The team's sync status in plain words. */
export function TeamStatusCard({ status, onSyncNow, busy }: { status: TeamStatusResult; onSyncNow: () => void; busy?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="team-status-h">
      <h2 id="team-status-h">{t('teamStatus')}</h2>
      <dl class="dl">
        <dt>{t('teamRole')}</dt>
        <dd>{status.role ? t(`teamRole_${status.role}`) : '—'}</dd>
        <dt>{t('teamServer')}</dt>
        <dd>
          {status.serverUrl ?? '—'} / {status.db ?? '—'}
        </dd>
        <dt>{t('teamUser')}</dt>
        <dd>{status.username ?? '—'}</dd>
        <dt>{t('teamLastSync')}</dt>
        <dd>{status.lastSyncAt ? formatDateTime(lang, status.lastSyncAt) : t('teamNever')}</dd>
        <dt>{t('teamEntries')}</dt>
        <dd>{formatNumber(lang, status.entries)}</dd>
        <dt>{t('teamPendingUploads')}</dt>
        <dd>{formatNumber(lang, status.pendingUploads)}</dd>
        {status.ignoredEntries ? (
          <>
            <dt>{t('teamIgnored')}</dt>
            <dd>{formatNumber(lang, status.ignoredEntries)}</dd>
          </>
        ) : null}
        {status.rejectedUploads ? (
          <>
            <dt>{t('teamRejected')}</dt>
            <dd>{formatNumber(lang, status.rejectedUploads)}</dd>
          </>
        ) : null}
        {status.nextAttemptAt ? (
          <>
            <dt>{t('teamNextAttempt')}</dt>
            <dd>{formatDateTime(lang, status.nextAttemptAt)}</dd>
          </>
        ) : null}
      </dl>
      {status.lastError ? (
        <Notice kind="error">
          {pick(lang, status.lastError)} <span class="muted">({formatDateTime(lang, status.lastError.at)})</span>
        </Notice>
      ) : (
        <Notice kind="success">{t('teamAllGood')}</Notice>
      )}
      <button type="button" class="primary" onClick={onSyncNow} disabled={busy}>
        {t('teamSyncNow')}
      </button>
    </section>
  );
}

/** The invite code as text to copy and as a QR code to scan. It contains the team key: treat it as a secret. */
export function InviteCode({ code, onCopy }: { code: string; onCopy?: (code: string) => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <section class="card" aria-labelledby="invite-h">
      <h2 id="invite-h">{t('teamInviteCode')}</h2>
      <Notice kind="warn">{t('teamInviteSecret')}</Notice>
      <label for="invite-text">{t('teamInviteText')}</label>
      <textarea id="invite-text" class="invite" readOnly rows={4} value={code} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
      {onCopy ? (
        <button
          type="button"
          onClick={() => {
            onCopy(code);
            setCopied(true);
          }}
        >
          {copied ? t('teamCopied') : t('teamCopy')}
        </button>
      ) : null}
      <div class="qr" role="img" aria-label={t('teamInviteQr')} dangerouslySetInnerHTML={{ __html: renderSVG(code, { ecc: 'M' }) }} />
    </section>
  );
}
