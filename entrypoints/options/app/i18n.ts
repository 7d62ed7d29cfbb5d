import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { useEffect, useState } from 'preact/hooks';
import nl from '@/public/_locales/nl/messages.json';
import en from '@/public/_locales/en/messages.json';
import { langOfLocale, tableTranslator, type I18n, type Lang, type MessageTable } from '@/components/i18n';
import { ask } from '@/lib/messaging/client';

// "Follow the browser" uses browser.i18n (Dutch for Dutch browsers); a language chosen in Settings
// overrides it with a lookup over the same message tables, since browser.i18n cannot switch locale.

export type LanguageSetting = 'auto' | Lang;

export const languageSetting = storage.defineItem<LanguageSetting>('local:ui-language', { fallback: 'auto' });

export const tables: Record<Lang, MessageTable> = { nl, en };

export function i18nFor(setting: LanguageSetting): I18n {
  if (setting === 'auto') {
    const lang = langOfLocale(browser.i18n.getUILanguage());
    const fallback = tableTranslator(tables[lang], tables.en);
    // WXT types getMessage with the generated key list; our keys are checked by tests/unit/ui/i18n.test.ts.
    const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
    return { lang, t: (key, ...subs) => getMessage(key, subs.map(String)) || fallback(key, ...subs) };
  }
  return { lang: setting, t: tableTranslator(tables[setting], tables.en) };
}

/** The current translator; re-renders when the language setting changes (in any open page). */
export function usePageI18n(): { i18n: I18n; setting: LanguageSetting; setSetting: (s: LanguageSetting) => Promise<void> } {
  const [setting, setState] = useState<LanguageSetting>('auto');
  useEffect(() => {
    void languageSetting.getValue().then(setState);
    // The ledger's settings are the record (a restored backup may bring a language); local storage only
    // lets the page start in the right language without waiting for the background.
    void ask({ type: 'settings/get' }).then(
      ({ settings }) => languageSetting.getValue().then((local) => (local !== settings.language ? languageSetting.setValue(settings.language) : undefined)),
      () => undefined,
    );
    return languageSetting.watch((value) => setState(value ?? 'auto'));
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18nFor(setting).lang;
  }, [setting]);
  return { i18n: i18nFor(setting), setting, setSetting: (s) => languageSetting.setValue(s) };
}
