import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { SettingsForm, settingsOf, valuesOfSettings } from '@/components/settings/SettingsForm';
import { LanguageSetting, withLanguage } from '@/components/settings/LanguageSetting';
import { Loading, Notice } from '@/components/ui/basics';
import type { Settings } from '@/lib/model/settings';
import { ask } from '../app/api';
import { useAction, useLoad } from '../app/hooks';
import { languageSetting } from '../app/i18n';

export function SettingsPage() {
  const { t } = useI18n();
  const { data, error, setData } = useLoad(() => ask({ type: 'settings/get' }));
  const action = useAction();
  const [saved, setSaved] = useState<'settings' | 'language' | false>(false);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading />;

  async function save(settings: Settings, what: 'settings' | 'language') {
    setSaved(false);
    const result = await action.run(() => ask({ type: 'settings/save', settings }));
    if (!result) return;
    // The pages read the language from local storage at start, so they need no round trip to show.
    await languageSetting.setValue(result.settings.language);
    setData(result);
    setSaved(what);
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('navSettings')}</h1>
      {action.error ? <Notice kind="error">{action.error}</Notice> : null}
      {saved ? <Notice kind="success">{t(saved === 'language' ? 'settingsLanguageSaved' : 'settingsSaved')}</Notice> : null}
      <LanguageSetting value={data.settings.language} busy={action.busy} onPick={(language) => void save(withLanguage(data.settings, language), 'language')} />
      <SettingsForm initial={valuesOfSettings(data.settings)} saving={action.busy} onSave={(values) => void save(settingsOf(values, data.settings), 'settings')} />
    </>
  );
}
