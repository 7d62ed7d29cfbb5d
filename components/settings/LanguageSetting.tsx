import type { Settings } from '@/lib/model/settings';
import { useI18n } from '../i18n';
import { SelectField } from '../ui/basics';

// The language is the rep's own choice and is saved the moment it is picked: it must not wait for the
// organisation's details, which a new rep may not know yet.

export type Language = Settings['language'];

export function LanguageSetting({ value, onPick, busy }: { value: Language; onPick: (language: Language) => void; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <div class="language-setting" aria-busy={busy ? true : undefined}>
      <SelectField<Language>
        label={t('settingsLanguage')}
        hint={t('settingsLanguageSavedAtOnce')}
        value={value}
        onValue={(v) => v !== value && onPick(v)}
        options={[
          { value: 'auto', label: t('settingsLanguageAuto') },
          { value: 'nl', label: 'Nederlands' },
          { value: 'en', label: 'English' },
        ]}
      />
    </div>
  );
}

/** The stored settings with only the language changed (everything else exactly as stored). */
export function withLanguage(settings: Settings, language: Language): Settings {
  return { ...settings, language };
}
