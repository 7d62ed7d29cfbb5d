import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { Loading, Notice } from '@/components/ui/basics';
import { ask } from '../app/api';
import { useAction, useLoad } from '../app/hooks';
import { languageSetting } from '../app/i18n';
import { SetupForm, settingsWithSetup, setupValuesOf } from './SetupForm';

// Opens by itself after install: until the organisation is set up, the guard writes no privacy notice
// (a notice with "[company name]" would reach the recipient as is).

export function SetupPage() {
  const { t } = useI18n();
  const { data, error, setData } = useLoad(() => ask({ type: 'settings/get' }));
  const action = useAction();
  const [done, setDone] = useState(false);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading />;
  return (
    <>
      <h1 tabIndex={-1}>{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {done ? (
        <section data-setup="done" aria-live="polite">
          <Notice kind="success">{t('setupDone')}</Notice>
          <h2>{t('setupNext')}</h2>
          <ul>
            <li>
              <a href="#/assessments/new">{t('setupNextAssessment')}</a>
            </li>
            <li>
              <a href="#/settings">{t('setupNextCatalogue')}</a>
            </li>
            <li>
              <a href="#/contacts">{t('setupNextContacts')}</a>
            </li>
          </ul>
          <p>
            <button type="button" onClick={() => setDone(false)}>
              {t('setupChange')}
            </button>
          </p>
        </section>
      ) : (
        <SetupForm
          initial={setupValuesOf(data.settings)}
          saving={action.busy}
          onSave={async (values) => {
            const settings = settingsWithSetup(data.settings, values, t('setupOptOutReplyText'));
            const result = await action.run(() => ask({ type: 'settings/save', settings }));
            if (!result) return;
            // the pages read the language from local storage at start
            await languageSetting.setValue(result.settings.language);
            setData(result);
            setDone(true);
          }}
        />
      )}
    </>
  );
}
