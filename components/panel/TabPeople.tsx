import type { RecipientVerdict } from '@/lib/messaging/guard';
import { useI18n } from '../i18n';
import { Notice } from '../ui/basics';
import { VerdictSummary } from '../verdict/FindingsList';

/**
 * The people of the rep's current tab (a LinkedIn profile, a Gmail or Outlook compose) with their verdict and
 * findings — basis, evidence, objections as the engine sees them — and the way to record a basis.
 */
export function TabPeople({
  people,
  error,
  onRecordBasis,
}: {
  people: readonly RecipientVerdict[] | undefined;
  error?: string | undefined;
  /** offered when the background knows where to record a basis for this tab's person */
  onRecordBasis?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <section class="tab-people" aria-labelledby="og-tab-people">
      <h2 id="og-tab-people">{t('panelTabPeople')}</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {people && people.length === 0 ? <p class="muted">{t('panelTabNobody')}</p> : null}
      {people?.map((p) => <VerdictSummary key={p.key} decision={p.decision} label={p.label} known={p.known} findings={p.findings} />)}
      {people?.length && onRecordBasis ? (
        <button type="button" onClick={onRecordBasis}>
          {t('panelRecordBasis')}
        </button>
      ) : null}
    </section>
  );
}
