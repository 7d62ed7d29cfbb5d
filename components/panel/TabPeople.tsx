import type { PanelPerson } from '@/lib/messaging/verdict';
import { formatDate, plural, useI18n } from '../i18n';
import { DecisionBadge, Notice } from '../ui/basics';
import { FindingsList } from '../verdict/FindingsList';

/**
 * The people of the rep's current tab (a LinkedIn profile, a Gmail or Outlook compose): per person the verdict,
 * the basis, evidence and objections the ledger holds, why (folded), and the way to record a basis.
 */
export function TabPeople({
  people,
  error,
  onRecordBasis,
}: {
  people: readonly PanelPerson[] | undefined;
  error?: string | undefined;
  /** offered per person when the background says where to record a basis for them */
  onRecordBasis?: ((person: PanelPerson) => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <section class="tab-people" aria-labelledby="og-tab-people">
      <h2 id="og-tab-people">{t('panelTabPeople')}</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {people && people.length === 0 ? <p class="muted">{t('panelTabNobody')}</p> : null}
      {people?.map((p) => <TabPerson key={p.key} person={p} onRecordBasis={onRecordBasis} />)}
    </section>
  );
}

function TabPerson({ person: p, onRecordBasis }: { person: PanelPerson; onRecordBasis?: ((person: PanelPerson) => void) | undefined }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const newest = p.bases[0];
  // An objection or an erasure is final (AVG art. 17, 21(3)): a new basis changes nothing, so none is offered.
  const blockedForGood = p.erased || p.objections.some((o) => o.level === 'person');
  return (
    <article class="verdict tab-person" data-decision={p.decision} aria-label={p.label}>
      <p class="verdict-head">
        <DecisionBadge decision={p.decision} /> <span class="verdict-label">{p.label}</span>
      </p>
      {p.erased ? (
        <p>{t('panelErased')}</p>
      ) : (
        <ul class="tab-person-facts">
          {!p.known ? <li class="muted">{t('verdictUnknownPerson')}</li> : null}
          <li data-fact="basis">
            {newest
              ? t('panelBasis', t('panelBasisSince', [...new Set(p.bases.map((b) => t(`basis_${b.type}`)))].join(', '), formatDate(lang, newest.recordedAt)))
              : t('panelNoBasis')}
          </li>
          <li data-fact="evidence">{p.evidenceCount > 0 ? plural(i18n, 'panelEvidence', p.evidenceCount) : t('panelNoEvidence')}</li>
          {p.objections.length > 0 ? (
            p.objections.map((o, i) => (
              <li key={i} data-fact="objection" class="tab-person-objection">
                {t(o.level === 'company' ? 'panelObjectionCompany' : 'panelObjection', formatDate(lang, o.recordedAt), t(`scope_${o.scope}`))}
              </li>
            ))
          ) : (
            <li data-fact="objection">{t('panelNoObjection')}</li>
          )}
        </ul>
      )}
      {p.findings.length > 0 ? (
        <details>
          <summary>{t('panelWhy')}</summary>
          <FindingsList findings={p.findings} />
        </details>
      ) : null}
      {onRecordBasis && !blockedForGood ? (
        <button type="button" onClick={() => onRecordBasis(p)}>
          {t('panelRecordBasis')}
        </button>
      ) : null}
    </article>
  );
}
