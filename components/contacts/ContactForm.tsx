import { useState } from 'preact/hooks';
import type { ContactView } from '@/lib/messaging/management-contacts';
import type { RequestOf } from '@/lib/messaging/protocol';

type ContactInput = RequestOf<'contacts/save'>['contact'];
import { formatLongDay, useI18n } from '../i18n';
import { Notice, SelectField, TextArea, TextField } from '../ui/basics';
import { collect, dateCheck, domainCheck, emailCheck, hasErrors, isoDay, linkedInCheck, phoneCheck, required, type Check, type Errors } from '../forms/validate';
import { sourceKinds } from './ContactsList';
import { BasisFields, prefilledBasis, toBasisInput, validateBasis, type BasisDefaults, type BasisValues, type ProductSuggestions } from './BasisFields';

// Add and edit a contact. Every field is checked before anything is sent, and the background checks again;
// a refusal from the background is shown next to the field it names.

export interface ContactFormValues {
  name: string;
  emails: string;
  phones: string;
  linkedin: string;
  companyName: string;
  companyDomain: string;
  legalForm: string;
  kvk: string;
  country: string;
  recipientKind: 'natural_consumer' | 'natural_professional' | 'legal_person' | 'unknown';
  headline: string;
  notes: string;
  source: string;
  sourceDetail: string;
  obtainedAt: string;
}

export const emptyContact: ContactFormValues = {
  name: '',
  emails: '',
  phones: '',
  linkedin: '',
  companyName: '',
  companyDomain: '',
  legalForm: '',
  kvk: '',
  country: 'NL',
  recipientKind: 'unknown',
  headline: '',
  notes: '',
  source: '',
  sourceDetail: '',
  obtainedAt: '',
};

/** "a@x.nl, b@y.nl" or one per line → the items. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function eachItem(value: string, check: (v: string) => Check): Check {
  for (const item of splitList(value)) {
    const c = check(item);
    if (c) return c;
  }
  return null;
}

/** The first bad item of a list field, to name it in the message ("not an e-mail address: jan@"). */
export function firstBadItem(value: string, check: (v: string) => Check): string | undefined {
  return splitList(value).find((item) => check(item) !== null);
}

type K = keyof ContactFormValues;

export function validateContact(v: ContactFormValues, today: Date, isNew: boolean): Errors<K> {
  return collect<K>({
    name: [required(v.name)],
    emails: [eachItem(v.emails, emailCheck)],
    phones: [eachItem(v.phones, phoneCheck)],
    linkedin: [eachItem(v.linkedin, linkedInCheck)],
    companyName: [],
    companyDomain: [domainCheck(v.companyDomain)],
    legalForm: [],
    kvk: [v.kvk.trim() && !/^\d{8}$/.test(v.kvk.trim()) ? 'errKvk' : null],
    country: [v.country.trim() && !/^[A-Za-z]{2}$/.test(v.country.trim()) ? 'errCountry' : null],
    recipientKind: [],
    headline: [],
    notes: [],
    source: [isNew ? required(v.source) : null],
    sourceDetail: [],
    obtainedAt: [isNew ? required(v.obtainedAt) : null, dateCheck(v.obtainedAt, today)],
  });
}

export function valuesOf(c: ContactView): ContactFormValues {
  return {
    name: c.name,
    emails: c.emails.join(', '),
    phones: c.phones.join(', '),
    // Every stored identity goes back into the field: a saved contact is replaced by what the form sends, so a
    // Sales Navigator lead id left out here would be dropped on edit (normalize.ts parses /sales/lead/<id>).
    linkedin: [
      ...c.linkedin.vanities.map((v) => `https://www.linkedin.com/in/${v}/`),
      ...c.linkedin.memberIds.map((m) => `https://www.linkedin.com/in/${m}/`),
      ...c.linkedin.leadIds.map((l) => `https://www.linkedin.com/sales/lead/${l}`),
    ].join(', '),
    companyName: c.company?.name ?? '',
    companyDomain: c.company?.domain ?? '',
    legalForm: c.company?.legalForm ?? '',
    kvk: c.company?.kvk ?? '',
    country: c.country ?? c.company?.country ?? '',
    recipientKind: c.recipientKind,
    headline: c.headline ?? '',
    notes: c.notes ?? '',
    source: '',
    sourceDetail: '',
    obtainedAt: '',
  };
}

export function toContactInput(v: ContactFormValues, basis: BasisValues, id: string | undefined): ContactInput {
  const country = v.country.trim().toUpperCase();
  const company = {
    ...(v.companyName.trim() ? { name: v.companyName.trim() } : {}),
    ...(v.companyDomain.trim() ? { domain: v.companyDomain.trim().toLowerCase() } : {}),
    ...(v.legalForm.trim() ? { legalForm: v.legalForm.trim() } : {}),
    ...(v.kvk.trim() ? { kvk: v.kvk.trim() } : {}),
    ...(country ? { country } : {}),
  };
  const b = toBasisInput(basis);
  return {
    ...(id ? { id } : {}),
    name: v.name.trim(),
    emails: splitList(v.emails),
    phones: splitList(v.phones),
    linkedin: splitList(v.linkedin),
    ...(Object.keys(company).length ? { company } : {}),
    recipientKind: v.recipientKind,
    ...(country ? { country } : {}),
    ...(v.headline.trim() ? { headline: v.headline.trim() } : {}),
    ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
    ...(!id && v.source
      ? { provenance: { source: v.source as never, obtainedAt: v.obtainedAt, ...(v.sourceDetail.trim() ? { detail: v.sourceDetail.trim() } : {}) } }
      : {}),
    ...(!id && b ? { basis: b } : {}),
  };
}

export function ContactForm({
  initial,
  isNew,
  today,
  assessments,
  serverError,
  saving,
  onSave,
  onCancel,
  basisDefaults,
  products,
  erasedAt,
}: {
  initial: ContactFormValues;
  isNew: boolean;
  today: Date;
  assessments: ReadonlyArray<{ id: string; title: string }>;
  /** the background's refusal: its message, and the field path it names */
  serverError?: { message: string; where?: string | undefined } | undefined;
  saving?: boolean;
  onSave: (v: ContactFormValues, basis: BasisValues) => void;
  onCancel: () => void;
  /** what the extension knows for the basis (the rep, the organisation's entity); the person comes from the form */
  basisDefaults?: Omit<BasisDefaults, 'today' | 'personName' | 'assessments'>;
  products?: ProductSuggestions;
  /** the ledger refused this person as erased on that day (YYYY-MM-DD): saving now needs a basis and says it re-adds them */
  erasedAt?: string | undefined;
}) {
  const { t, lang } = useI18n();
  const [v, setV] = useState(initial);
  const [basis, setBasis] = useState<BasisValues>(() => prefilledBasis({ ...basisDefaults, today, personName: initial.name, assessments }));
  const [errors, setErrors] = useState<Errors<K>>({});
  const [basisErrors, setBasisErrors] = useState<Errors<keyof BasisValues>>({});
  const set =
    <F extends K>(k: F) =>
    (x: ContactFormValues[F]) => {
      setV({ ...v, [k]: x });
      // "Who gave consent" follows the name until the rep types another one there.
      if (k === 'name' && basis.consentWho.trim() === v.name.trim()) setBasis((b) => ({ ...b, consentWho: String(x) }));
    };
  const listErr = (k: K, check: (s: string) => Check) => {
    const code = errors[k];
    if (!code) return undefined;
    const bad = firstBadItem(v[k] as string, check);
    return bad ? `${t(code)}: ${bad}` : t(code);
  };
  const err = (k: K) => (errors[k] ? t(errors[k]!) : undefined);

  function submit(e: Event) {
    e.preventDefault();
    const found = validateContact(v, today, isNew);
    const foundBasis = isNew ? validateBasis(basis, today) : {};
    // An erased person comes back only on a new basis (art. 17 AVG): "record later" is no answer here.
    if (erasedAt && !basis.basisType) foundBasis.basisType = 'erasedNeedsBasis';
    setErrors(found);
    setBasisErrors(foundBasis);
    if (hasErrors(found) || hasErrors(foundBasis)) {
      // Take the keyboard to the first problem.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSave(v, basis);
  }

  return (
    <form onSubmit={submit} noValidate class="contact-form">
      {erasedAt ? <Notice kind="warn">{t('erasedWarning', formatLongDay(lang, erasedAt))}</Notice> : null}
      {serverError ? <Notice kind="error">{serverError.where ? `${serverError.message} (${serverError.where})` : serverError.message}</Notice> : null}
      <fieldset>
        <legend>{t('contactPerson')}</legend>
        <TextField label={t('contactName')} value={v.name} onValue={set('name')} error={err('name')} required name="name" autoComplete="off" />
        <TextField label={t('contactEmails')} hint={t('listHint')} value={v.emails} onValue={set('emails')} error={listErr('emails', emailCheck)} name="emails" />
        <TextField label={t('contactPhones')} hint={t('listHint')} value={v.phones} onValue={set('phones')} error={listErr('phones', phoneCheck)} name="phones" />
        <TextField label={t('contactLinkedIn')} hint={t('listHint')} value={v.linkedin} onValue={set('linkedin')} error={listErr('linkedin', linkedInCheck)} name="linkedin" />
        <TextField label={t('contactHeadline')} value={v.headline} onValue={set('headline')} name="headline" />
        <SelectField
          label={t('recipientKind')}
          hint={t('recipientKindHint')}
          value={v.recipientKind}
          onValue={set('recipientKind')}
          options={(['unknown', 'natural_professional', 'natural_consumer', 'legal_person'] as const).map((k) => ({ value: k, label: t(`recipientKind_${k}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('contactCompany')}</legend>
        <div class="row-2">
          <TextField label={t('companyName')} value={v.companyName} onValue={set('companyName')} name="companyName" />
          <TextField label={t('companyDomain')} value={v.companyDomain} onValue={set('companyDomain')} error={err('companyDomain')} name="companyDomain" />
        </div>
        <div class="row-3">
          <TextField label={t('companyLegalForm')} hint={t('companyLegalFormHint')} value={v.legalForm} onValue={set('legalForm')} name="legalForm" />
          <TextField label={t('companyKvk')} value={v.kvk} onValue={set('kvk')} error={err('kvk')} name="kvk" />
          <TextField label={t('companyCountry')} value={v.country} onValue={set('country')} error={err('country')} name="country" />
        </div>
      </fieldset>
      {isNew ? (
        <fieldset>
          <legend>{t('provenanceLegend')}</legend>
          <div class="row-2">
            <SelectField<string>
              label={t('provenanceSource')}
              value={v.source}
              onValue={set('source')}
              error={err('source')}
              required
              options={[{ value: '', label: t('pickOne') }, ...sourceKinds.map((s) => ({ value: s, label: t(`source_${s}`) }))]}
            />
            <TextField
              label={t('provenanceObtainedAt')}
              type="date"
              max={isoDay(today)}
              value={v.obtainedAt}
              onValue={set('obtainedAt')}
              error={err('obtainedAt')}
              required
              name="obtainedAt"
            />
          </div>
          <TextField label={t('provenanceDetail')} hint={t('provenanceDetailHint')} value={v.sourceDetail} onValue={set('sourceDetail')} name="sourceDetail" />
        </fieldset>
      ) : null}
      {isNew ? <BasisFields values={basis} onChange={setBasis} errors={basisErrors} assessments={assessments} products={products} optional /> : null}
      <TextArea label={t('contactNotes')} value={v.notes} onValue={set('notes')} rows={3} />
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('actionCancel')}
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {erasedAt ? t('erasedSaveAnyway') : t('actionSave')}
        </button>
      </div>
    </form>
  );
}
