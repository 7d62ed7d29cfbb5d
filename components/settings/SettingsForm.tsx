import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/model/settings';
import { useI18n } from '../i18n';
import { Checkbox, Notice, SelectField, TextArea, TextField } from '../ui/basics';
import { collect, emailCheck, hasErrors, positiveIntCheck, required, urlCheck, type Errors } from '../forms/validate';
import { ProductCatalogue, productsOfRows, rowsOfProducts, validateProducts, type ProductRow } from './ProductCatalogue';
import { RulePolicy, storedRuleActions, type RuleActions } from './RulePolicy';
import { checkTemplate, renderTemplate, standardTemplate, type PlaceholderValues, type TemplateChannel, type TemplateLang } from '@/lib/rules/templates';


export interface SettingsFormValues {
  legalName: string;
  contact: string;
  privacyUrl: string;
  optOutMethod: string;
  dpo: string;
  country: string;
  exempt2026: boolean;
  mode: 'strict' | 'lenient';
  consentMaxAgeMonths: string;
  retentionMonths: string;
  overridesAllowed: boolean;
  overrideNeedsReason: boolean;
  repName: string;
  repEmail: string;
  templates: Record<string, string>;
  products: ProductRow[];
  ruleActions: RuleActions;
}

const templateKey = (lang: TemplateLang, channel: TemplateChannel) => `${channel}-${lang}`;

export function valuesOfSettings(s: Settings): SettingsFormValues {
  const templates: Record<string, string> = {};
  for (const tpl of s.disclosureTemplates) templates[templateKey(tpl.language, tpl.channel)] = tpl.text;
  return {
    legalName: s.organisation.legalName,
    contact: s.organisation.contact,
    privacyUrl: s.organisation.privacyUrl,
    optOutMethod: s.organisation.optOutMethod,
    dpo: s.organisation.dpo,
    country: s.organisation.country,
    exempt2026: s.organisation.exempt2026,
    mode: s.policy.mode,
    consentMaxAgeMonths: String(s.policy.consentMaxAgeMonths),
    retentionMonths: String(s.policy.retentionMonths),
    overridesAllowed: s.policy.overridesAllowed,
    overrideNeedsReason: s.policy.overrideNeedsReason,
    repName: s.rep.name,
    repEmail: s.rep.email,
    templates,
    products: rowsOfProducts(s.products),
    ruleActions: { ...s.policy.rules },
  };
}

export function settingsOf(v: SettingsFormValues, base: Settings): Settings {
  const templates = Object.entries(v.templates)
    .filter(([, text]) => text.trim())
    .map(([key, text]) => {
      const [channel, language] = key.split('-') as [TemplateChannel, TemplateLang];
      return { id: key, channel, language, text };
    });
  return {
    ...base,
    organisation: {
      legalName: v.legalName.trim(),
      contact: v.contact.trim(),
      privacyUrl: v.privacyUrl.trim(),
      optOutMethod: v.optOutMethod.trim(),
      dpo: v.dpo.trim(),
      country: v.country.trim().toUpperCase() || 'NL',
      exempt2026: v.exempt2026,
    },
    policy: {
      ...base.policy,
      mode: v.mode,
      consentMaxAgeMonths: Number(v.consentMaxAgeMonths),
      retentionMonths: Number(v.retentionMonths),
      overridesAllowed: v.overridesAllowed,
      overrideNeedsReason: v.overrideNeedsReason,
      rules: storedRuleActions(v.ruleActions),
    },
    products: productsOfRows(v.products),
    // the language is saved on its own (LanguageSetting): keep the stored one
    language: base.language,
    rep: { name: v.repName.trim(), email: v.repEmail.trim() },
    disclosureTemplates: templates,
  };
}

type K = keyof SettingsFormValues;

export function validateSettings(v: SettingsFormValues): Errors<K> {
  return collect<K>({
    legalName: [required(v.legalName)],
    contact: [required(v.contact)],
    privacyUrl: [required(v.privacyUrl), urlCheck(v.privacyUrl)],
    optOutMethod: [required(v.optOutMethod)],
    country: [/^[A-Za-z]{2}$/.test(v.country.trim()) ? null : 'errCountry'],
    consentMaxAgeMonths: [positiveIntCheck(v.consentMaxAgeMonths, 1, 600)],
    retentionMonths: [positiveIntCheck(v.retentionMonths, 1, 600)],
    repEmail: [emailCheck(v.repEmail)],
  } as Record<K, (string | null)[]>);
}

/** Placeholder values for the live preview: the organisation as typed, plus sample person facts. */
export function previewValues(v: SettingsFormValues, lang: TemplateLang): PlaceholderValues {
  return {
    legalName: v.legalName || 'Voorbeeld B.V.',
    contact: v.contact || 'info@voorbeeld.nl',
    privacyUrl: v.privacyUrl || 'https://voorbeeld.nl/privacy',
    optOut: v.optOutMethod,
    dpo: v.dpo,
    product: lang === 'nl' ? 'onze planningssoftware' : 'our planning software',
    source: lang === 'nl' ? 'uw LinkedIn-profiel' : 'your LinkedIn profile',
    callerName: v.repName || 'Sanne de Vries',
  };
}

function TemplateEditor({ values, onChange }: { values: SettingsFormValues; onChange: (templates: Record<string, string>) => void }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<TemplateLang>('nl');
  const [channel, setChannel] = useState<TemplateChannel>('email');
  const key = templateKey(lang, channel);
  const text = values.templates[key] ?? standardTemplate(lang, channel);
  const filled = renderTemplate(text, previewValues(values, lang));
  const checks = checkTemplate(filled, channel, values.legalName || 'Voorbeeld B.V.');
  const missing = checks.filter((c) => !c.ok);
  return (
    <fieldset>
      <legend>{t('settingsTemplates')}</legend>
      <p class="hint">{t('settingsTemplatesHint')}</p>
      <div class="row-2">
        <SelectField<TemplateLang> label={t('settingsTemplateLang')} value={lang} onValue={setLang} options={[{ value: 'nl', label: 'Nederlands' }, { value: 'en', label: 'English' }]} />
        <SelectField<TemplateChannel>
          label={t('channel')}
          value={channel}
          onValue={setChannel}
          options={(['email', 'linkedin', 'call'] as const).map((c) => ({ value: c, label: t(`templateChannel_${c}`) }))}
        />
      </div>
      <TextArea label={t('settingsTemplateText')} value={text} onValue={(v) => onChange({ ...values.templates, [key]: v })} rows={7} />
      <div class="button-row">
        <button type="button" onClick={() => onChange({ ...values.templates, [key]: standardTemplate(lang, channel) })}>
          {t('settingsTemplateReset')}
        </button>
      </div>
      <h3>{t('settingsPreview')}</h3>
      <div class="preview" lang={lang} aria-live="polite" data-testid="template-preview">
        {filled}
      </div>
      <ul class="checks" aria-label={t('settingsTemplateChecks')} data-testid="template-checks">
        {checks.map((c) => (
          <li key={c.item} class={c.ok ? 'check-ok' : 'check-missing'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {t(`tplItem_${c.item}`)} — {c.ok ? t('tplPresent') : t('tplMissing')}
          </li>
        ))}
      </ul>
      {missing.length ? <Notice kind="error">{t('settingsTemplateMissing', missing.map((m) => t(`tplItem_${m.item}`)).join(', '))}</Notice> : null}
    </fieldset>
  );
}

/** True when every template the user wrote still has every required item. */
export function templatesComplete(v: SettingsFormValues): boolean {
  return Object.entries(v.templates).every(([key, text]) => {
    if (!text.trim()) return true;
    const [channel, lang] = key.split('-') as [TemplateChannel, TemplateLang];
    return checkTemplate(renderTemplate(text, previewValues(v, lang)), channel, v.legalName || 'Voorbeeld B.V.').every((c) => c.ok);
  });
}

export function SettingsForm({ initial, onSave, saving }: { initial: SettingsFormValues; onSave: (v: SettingsFormValues) => void; saving?: boolean }) {
  const { t } = useI18n();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Errors<K>>({});
  const [templateError, setTemplateError] = useState(false);
  const [productErrors, setProductErrors] = useState<Record<number, string>>({});
  const set =
    <F extends K>(k: F) =>
    (x: SettingsFormValues[F]) =>
      setV({ ...v, [k]: x });
  const err = (k: K) => (errors[k] ? t(errors[k]!) : undefined);
  function submit(e: Event) {
    e.preventDefault();
    const found = validateSettings(v);
    setErrors(found);
    const tplOk = templatesComplete(v);
    setTemplateError(!tplOk);
    const badProducts = validateProducts(v.products);
    setProductErrors(badProducts);
    if (hasErrors(found) || !tplOk || Object.keys(badProducts).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSave(v);
  }
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('settingsOrganisation')}</legend>
        <p class="hint">{t('settingsOrganisationHint')}</p>
        <div class="row-2">
          <TextField label={t('settingsLegalName')} value={v.legalName} onValue={set('legalName')} error={err('legalName')} required name="legalName" />
          <TextField label={t('settingsContact')} hint={t('settingsContactHint')} value={v.contact} onValue={set('contact')} error={err('contact')} required name="contact" />
        </div>
        <div class="row-2">
          <TextField label={t('settingsPrivacyUrl')} type="url" value={v.privacyUrl} onValue={set('privacyUrl')} error={err('privacyUrl')} required name="privacyUrl" />
          <TextField label={t('settingsOptOut')} hint={t('settingsOptOutHint')} value={v.optOutMethod} onValue={set('optOutMethod')} error={err('optOutMethod')} required name="optOutMethod" />
        </div>
        <div class="row-2">
          <TextField label={t('settingsDpo')} hint={t('settingsDpoHint')} value={v.dpo} onValue={set('dpo')} name="dpo" />
          <TextField label={t('companyCountry')} value={v.country} onValue={set('country')} error={err('country')} name="orgCountry" />
        </div>
        <Checkbox label={t('settingsExempt2026')} checked={v.exempt2026} onChecked={set('exempt2026')} />
      </fieldset>
      <fieldset>
        <legend>{t('settingsPolicy')}</legend>
        <SelectField<'strict' | 'lenient'>
          label={t('settingsMode')}
          hint={t('settingsModeHint')}
          value={v.mode}
          onValue={set('mode')}
          options={[
            { value: 'strict', label: t('settingsModeStrict') },
            { value: 'lenient', label: t('settingsModeLenient') },
          ]}
        />
        <div class="row-2">
          <TextField label={t('settingsConsentMaxAge')} type="number" min="1" max="600" value={v.consentMaxAgeMonths} onValue={set('consentMaxAgeMonths')} error={err('consentMaxAgeMonths')} required />
          <TextField label={t('settingsRetention')} type="number" min="1" max="600" value={v.retentionMonths} onValue={set('retentionMonths')} error={err('retentionMonths')} required />
        </div>
        <Checkbox label={t('settingsOverridesAllowed')} checked={v.overridesAllowed} onChecked={set('overridesAllowed')} />
        <Checkbox label={t('settingsOverrideNeedsReason')} checked={v.overrideNeedsReason} onChecked={set('overrideNeedsReason')} />
      </fieldset>
      <fieldset>
        <legend>{t('settingsYou')}</legend>
        <div class="row-2">
          <TextField label={t('settingsRepName')} value={v.repName} onValue={set('repName')} name="repName" />
          <TextField label={t('settingsRepEmail')} type="email" value={v.repEmail} onValue={set('repEmail')} error={err('repEmail')} name="repEmail" />
        </div>
      </fieldset>
      <ProductCatalogue rows={v.products} onChange={set('products')} errors={productErrors} defaultEntity={v.legalName.trim()} />
      {Object.keys(productErrors).length ? <Notice kind="error">{t('settingsProductsBlocked')}</Notice> : null}
      <RulePolicy actions={v.ruleActions} onChange={set('ruleActions')} />
      <TemplateEditor values={v} onChange={set('templates')} />
      {templateError ? <Notice kind="error">{t('settingsTemplateBlocked')}</Notice> : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('actionSave')}
        </button>
      </div>
    </form>
  );
}
