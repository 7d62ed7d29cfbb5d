import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { SettingsForm, settingsOf, valuesOfSettings } from '@/components/settings/SettingsForm';
import { Loading, Notice } from '@/components/ui/basics';
import { ask } from '../app/api';
import { useAction, useLoad } from '../app/hooks';
import { languageSetting } from '../app/i18n';

export function SettingsPage() {
  const { t } = useI18n();
  const { data, error, setData } = useLoad(() => ask({ type: 'settings/get' }));
  const action = useAction();
  const [saved, setSaved] = useState(false);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading />;
  return (
    <>
      <h1 tabIndex={-1}>{t('navSettings')}</h1>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {saved ? <Notice kind="success">{t('settingsSaved')}</Notice> : null}
      <SettingsForm
        initial={valuesOfSettings(data.settings)}
        saving={action.busy}
        onSave={async (values) => {
          setSaved(false);
          const result = await action.run(() => ask({ type: 'settings/save', settings: settingsOf(values, data.settings) }));
          if (!result) return;
          // The pages read the language from local storage at start, so they need no round trip to show.
          await languageSetting.setValue(result.settings.language);
          setData(result);
          setSaved(true);
        }}
      />
    </>
  );
}
