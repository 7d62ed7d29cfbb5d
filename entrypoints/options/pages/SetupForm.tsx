import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { SelectField, TextField } from '@/components/ui/basics';
import type { Settings } from '@/lib/model/settings';

// The first-run setup: what every privacy notice needs (who you are, how to reach you, where the privacy
// statement is, how to opt out) and the language. Props in, callbacks out; the page saves.

export const LEGAL_FORMS = ['B.V.', 'N.V.', 'V.O.F.', 'C.V.', 'Stichting', 'Vereniging', 'Coöperatie', 'Eenmanszaak', ''] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
export type OptOutKind = 'reply' | 'link' | 'email';

export interface SetupValues {
  name: string;
  legalForm: LegalForm;
  contact: string;
  privacyUrl: string;
  optOut: OptOutKind;
  optOutValue: string;
  language: Settings['language'];
}

/** The form's start: what Settings already hold (a rep opening setup again sees their own answers). */
export function setupValuesOf(settings: Settings): SetupValues {
  const o = settings.organisation;
  const form = LEGAL_FORMS.find((f) => f && o.legalName.endsWith(` ${f}`)) ?? '';
  const method = o.optOutMethod.trim();
  const optOut: OptOutKind = /^https?:\/\//i.test(method) ? 'link' : /^[^\s@]+@[^\s@]+$/.test(method.replace(/^mailto:/i, '')) ? 'email' : 'reply';
  return {
    name: form ? o.legalName.slice(0, -(form.length + 1)) : o.legalName,
    legalForm: form,
    contact: o.contact,
    privacyUrl: o.privacyUrl,
    optOut,
    optOutValue: optOut === 'reply' ? '' : method,
    language: settings.language,
  };
}

export type SetupErrors = Partial<Record<'name' | 'contact' | 'privacyUrl' | 'optOutValue', string>>;

/** Checks the answers; the messages are keys of the message tables. */
export function validateSetup(v: SetupValues): SetupErrors {
  const errors: SetupErrors = {};
  if (!v.name.trim()) errors.name = 'setupErrName';
  if (!v.contact.trim()) errors.contact = 'setupErrContact';
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v.privacyUrl.trim())) errors.privacyUrl = 'setupErrPrivacyUrl';
  if (v.optOut === 'link' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v.optOutValue.trim())) errors.optOutValue = 'setupErrOptOutLink';
  if (v.optOut === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.optOutValue.trim())) errors.optOutValue = 'setupErrOptOutEmail';
  return errors;
}

/** The settings with the answers in; everything else stays as it was. */
export function settingsWithSetup(current: Settings, v: SetupValues, replyText: string): Settings {
  const name = v.name.trim();
  const legalName = v.legalForm && !name.endsWith(v.legalForm) ? `${name} ${v.legalForm}` : name;
  return {
    ...current,
    organisation: {
      ...current.organisation,
      legalName,
      contact: v.contact.trim(),
      privacyUrl: v.privacyUrl.trim(),
      optOutMethod: v.optOut === 'reply' ? replyText : v.optOutValue.trim(),
    },
    language: v.language,
  };
}

export function SetupForm(props: { initial: SetupValues; saving: boolean; onSave(values: SetupValues): void }) {
  const { t } = useI18n();
  const [v, setV] = useState<SetupValues>(props.initial);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [tried, setTried] = useState(false);
  const set = <K extends keyof SetupValues>(key: K, value: SetupValues[K]) => {
    const next = { ...v, [key]: value };
    setV(next);
    if (tried) setErrors(validateSetup(next));
  };
  const err = (key: keyof SetupErrors) => (errors[key] ? t(errors[key]!) : undefined);
  return (
    <form
      class="setup-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        const found = validateSetup(v);
        setErrors(found);
        if (Object.keys(found).length === 0) props.onSave(v);
      }}
    >
      <fieldset>
        <legend>{t('setupOrganisation')}</legend>
        <TextField label={t('setupName')} value={v.name} onValue={(x) => set('name', x)} error={err('name')} required name="setup-name" autoComplete="organization" />
        <SelectField<LegalForm>
          label={t('setupLegalForm')}
          value={v.legalForm}
          onValue={(x) => set('legalForm', x)}
          options={LEGAL_FORMS.map((f) => ({ value: f, label: f || t('setupLegalFormNone') }))}
        />
        <TextField label={t('setupContact')} hint={t('setupContactHint')} value={v.contact} onValue={(x) => set('contact', x)} error={err('contact')} required name="setup-contact" />
        <TextField label={t('setupPrivacyUrl')} hint={t('setupPrivacyUrlHint')} type="url" value={v.privacyUrl} onValue={(x) => set('privacyUrl', x)} error={err('privacyUrl')} required name="setup-privacy" placeholder="https://" />
      </fieldset>
      <fieldset>
        <legend>{t('setupOptOut')}</legend>
        <SelectField<OptOutKind>
          label={t('setupOptOutHow')}
          value={v.optOut}
          onValue={(x) => set('optOut', x)}
          options={[
            { value: 'reply', label: t('setupOptOutReply') },
            { value: 'link', label: t('setupOptOutLink') },
            { value: 'email', label: t('setupOptOutEmail') },
          ]}
        />
        {v.optOut !== 'reply' && (
          <TextField
            label={v.optOut === 'link' ? t('setupOptOutLinkField') : t('setupOptOutEmailField')}
            value={v.optOutValue}
            onValue={(x) => set('optOutValue', x)}
            error={err('optOutValue')}
            required
            type={v.optOut === 'link' ? 'url' : 'email'}
            name="setup-optout"
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('setupLanguage')}</legend>
        <SelectField<Settings['language']>
          label={t('setupLanguageLabel')}
          value={v.language}
          onValue={(x) => set('language', x)}
          options={[
            { value: 'auto', label: t('setupLanguageAuto') },
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
      </fieldset>
      <p>
        <button type="submit" class="primary" disabled={props.saving} data-action="save-setup">
          {t('setupSave')}
        </button>
      </p>
    </form>
  );
}
