import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

// The pages pick a translator (browser.i18n for "follow the browser", a table lookup when the user chose a
// language in Settings) and hand it down; components only ever call t().

export type Lang = 'nl' | 'en';
export type MessageTable = Record<string, { message: string; description?: string }>;
export type Translate = (key: string, ...substitutions: Array<string | number>) => string;

/** Chrome's $1…$9 substitution rules, so a table lookup reads exactly like browser.i18n.getMessage. */
export function substitute(message: string, substitutions: ReadonlyArray<string | number>): string {
  return message.replace(/\$(\$|[1-9])/g, (_m, which: string) =>
    which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? ''),
  );
}

/** A translator over one message table; a missing key shows itself rather than an empty label. */
export function tableTranslator(table: MessageTable, fallback?: MessageTable): Translate {
  return (key, ...subs) => {
    const entry = table[key] ?? fallback?.[key];
    return entry ? substitute(entry.message, subs) : `⟦${key}⟧`;
  };
}

/** Dutch for Dutch browsers, English otherwise (issue #6). */
export function langOfLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: 'en', t: (key) => `⟦${key}⟧` });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Picks the text in the current language from the rules engine's { nl, en } pairs. */
export function pick(lang: Lang, text: { nl: string; en: string }): string {
  return text[lang] || text.en || text.nl;
}

export function formatDate(lang: Lang, iso: string | number | Date | undefined): string {
  if (iso === undefined || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A calendar day (YYYY-MM-DD) written out as a person says it: "3 maart 2026" / "3 March 2026", read as a local day. */
export function formatLongDay(lang: Lang, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
}

export function formatDateTime(lang: Lang, iso: string | number | Date | undefined): string {
  if (iso === undefined || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
}

/**
 * A count in words with the right plural: `key_one` or `key_other` by the language's plural rule, the count
 * (formatted) as $1 and `more` as $2…. Chrome's message tables have no plurals, so each form is its own key.
 */
export function plural(i18n: I18n, key: string, n: number, ...more: Array<string | number>): string {
  const form = new Intl.PluralRules(i18n.lang === 'nl' ? 'nl-NL' : 'en-GB').select(n) === 'one' ? 'one' : 'other';
  return i18n.t(`${key}_${form}`, formatNumber(i18n.lang, n), ...more);
}
