import { useI18n } from '../i18n';

export type TabGuardView = { state: 'active' | 'inactive' | 'held' | 'none'; site?: string | undefined; detail?: string | undefined };

/** The current tab's guard state in one line, with the failing selector when the guard is not active. */
export function TabState({ view, error }: { view: TabGuardView | null; error?: string | undefined }) {
  const { t } = useI18n();
  if (error) return <p class="tabstate tabstate-none">{error}</p>;
  if (!view) return <p class="tabstate tabstate-none">{t('loading')}</p>;
  const text = {
    active: t('tabStateActive', view.site ?? ''),
    inactive: t('tabStateInactive', view.site ?? ''),
    held: t('tabStateHeld', view.site ?? ''),
    none: t('tabStateNone'),
  }[view.state];
  return (
    <div class={`tabstate tabstate-${view.state}`} role="status">
      <span class="dot" aria-hidden="true" /> {text}
      {view.detail && view.state !== 'active' ? <p class="hint">{view.detail}</p> : null}
    </div>
  );
}
