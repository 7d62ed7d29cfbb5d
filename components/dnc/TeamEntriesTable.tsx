import { formatDateTime, useI18n, type Translate } from '../i18n';

/** What kind of identifier a do-not-contact key is, in words ("E-mail address"); `email`, `li-member`, … */
export function keyKindLabel(t: Translate, keyKind: string): string {
  return t(`keyKind_${keyKind.replace(/-/g, '_')}`);
}

// The team's do-not-contact entries (issue #7). The list holds no identifiers (the server and the local
// copy key entries by blinded ids), so an entry shows its display label, or else what kind of identifier it covers.

export interface TeamEntryView {
  id: string;
  ids: string[];
  keyKinds: string[];
  label?: string | undefined;
  reason: string;
  scope: 'all' | 'email' | 'phone' | 'linkedin';
  level: 'person' | 'company';
  recordedBy: string;
  recordedAt: string;
  synced: boolean;
}

export function TeamEntriesTable({
  items,
  canRetract,
  busy,
  onRetract,
}: {
  items: readonly TeamEntryView[];
  /** team leads only: reps may add but never remove (the server refuses it too) */
  canRetract: boolean;
  busy?: boolean;
  onRetract: (item: TeamEntryView) => void;
}) {
  const { t, lang } = useI18n();
  const who = (item: TeamEntryView) => item.label || item.keyKinds.map((k) => keyKindLabel(t, k)).join(', ');
  return (
    <div class="table-wrap">
      <table class="team-entries">
        <thead>
          <tr>
            <th scope="col">{t('dncWho')}</th>
            <th scope="col">{t('dncLevel')}</th>
            <th scope="col">{t('dncScope')}</th>
            <th scope="col">{t('dncReason')}</th>
            <th scope="col">{t('dncTeamRecorded')}</th>
            {canRetract ? (
              <th scope="col">
                <span class="sr-only">{t('colActions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                {who(item)}
                {item.synced ? null : <span class="tag">{t('dncTeamNotSynced')}</span>}
              </td>
              <td>{t(`level_${item.level}`)}</td>
              <td>{t(`scope_${item.scope}`)}</td>
              <td>{item.reason || '—'}</td>
              <td>{t('dncTeamRecordedByAt', item.recordedBy, formatDateTime(lang, item.recordedAt))}</td>
              {canRetract ? (
                <td>
                  <button type="button" class="link" disabled={busy} aria-label={t('dncTeamRetractLabel', who(item))} onClick={() => onRetract(item)}>
                    {t('dncTeamRetract')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
