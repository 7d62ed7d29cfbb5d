import type { BasisInput } from '@/lib/messaging/management';
import { useI18n } from '../i18n';
import { Checkbox, SelectField, TextArea, TextField } from '../ui/basics';
import { collect, dateCheck, required, type Check, type Errors } from '../forms/validate';

// The lawful basis part of a form: what kind, and the facts each kind needs to be provable
// (consent: who, when, how, what, captured by — EV-01; customer: entity, sale date, opt-out at collection).

export type BasisChoice = '' | 'consent' | 'customer' | 'legitimate_interest' | 'contract_request' | 'inbound_request' | 'none';
export const basisChoices: readonly Exclude<BasisChoice, ''>[] = ['consent', 'customer', 'legitimate_interest', 'contract_request', 'inbound_request', 'none'];
export const consentHows = ['form', 'recording', 'written_note', 'email', 'event_note', 'verbal', 'checkbox', 'other'] as const;
export const consentChannelChoices = ['email', 'phone', 'linkedin', 'sms', 'whatsapp', 'any'] as const;

export interface BasisValues {
  basisType: BasisChoice;
  consentWho: string;
  consentWhen: string;
  consentHow: (typeof consentHows)[number];
  consentEntity: string;
  consentChannels: string[];
  consentCapturedBy: string;
  consentText: string;
  customerEntity: string;
  customerProduct: string;
  saleDate: string;
  endDate: string;
  informedAtCollection: boolean;
  optOutOfferedAtCollection: boolean;
  assessmentId: string;
  requestRef: string;
  requestDate: string;
  basisNote: string;
}

export const emptyBasis: BasisValues = {
  basisType: '',
  consentWho: '',
  consentWhen: '',
  consentHow: 'form',
  consentEntity: '',
  consentChannels: ['email'],
  consentCapturedBy: '',
  consentText: '',
  customerEntity: '',
  customerProduct: '',
  saleDate: '',
  endDate: '',
  informedAtCollection: false,
  optOutOfferedAtCollection: false,
  assessmentId: '',
  requestRef: '',
  requestDate: '',
  basisNote: '',
};

type K = keyof BasisValues;

export function validateBasis(v: BasisValues, today: Date): Errors<K> {
  const c: Partial<Record<K, Check[]>> = {};
  switch (v.basisType) {
    case 'consent':
      c.consentWho = [required(v.consentWho)];
      c.consentWhen = [required(v.consentWhen), dateCheck(v.consentWhen, today)];
      c.consentEntity = [required(v.consentEntity)];
      c.consentCapturedBy = [required(v.consentCapturedBy)];
      c.consentChannels = [v.consentChannels.length ? null : 'errPickChannel'];
      break;
    case 'customer':
      c.customerEntity = [required(v.customerEntity)];
      c.saleDate = [required(v.saleDate), dateCheck(v.saleDate, today)];
      c.endDate = [dateCheck(v.endDate, today, { allowFuture: true }), v.endDate && v.saleDate && v.endDate < v.saleDate ? 'errEndBeforeStart' : null];
      break;
    case 'legitimate_interest':
      c.assessmentId = [v.assessmentId ? null : 'errPickAssessment'];
      break;
    case 'contract_request':
    case 'inbound_request':
      c.requestDate = [dateCheck(v.requestDate, today)];
      break;
    default:
      break;
  }
  return collect(c as Record<K, Check[]>);
}

/** The protocol's basis input for the chosen kind; undefined when no basis was chosen. */
export function toBasisInput(v: BasisValues): BasisInput | undefined {
  const note = v.basisNote.trim() ? { note: v.basisNote.trim() } : {};
  switch (v.basisType) {
    case '':
      return undefined;
    case 'consent':
      return {
        type: 'consent',
        who: v.consentWho.trim(),
        when: v.consentWhen,
        how: v.consentHow,
        what: { entity: v.consentEntity.trim(), products: [], channels: v.consentChannels as never },
        shownText: v.consentText,
        capturedBy: v.consentCapturedBy.trim(),
        linkedTo: 'person',
        obtainedVia: 'data_subject',
        evidenceIds: [],
        ...note,
      } as BasisInput;
    case 'customer':
      return {
        type: 'customer',
        entity: v.customerEntity.trim(),
        ...(v.customerProduct.trim() ? { product: v.customerProduct.trim() } : {}),
        saleDate: v.saleDate,
        ...(v.endDate ? { endDate: v.endDate } : {}),
        informedAtCollection: v.informedAtCollection,
        optOutOfferedAtCollection: v.optOutOfferedAtCollection,
        evidenceIds: [],
        ...note,
      } as BasisInput;
    case 'legitimate_interest':
      return { type: 'legitimate_interest', assessmentId: v.assessmentId, evidenceIds: [], ...note } as BasisInput;
    case 'contract_request':
      return { type: 'contract_request', ...(v.requestRef ? { ref: v.requestRef } : {}), ...(v.requestDate ? { date: v.requestDate } : {}), evidenceIds: [], ...note } as BasisInput;
    case 'inbound_request':
      return { type: 'inbound_request', ...(v.requestRef ? { subject: v.requestRef } : {}), ...(v.requestDate ? { date: v.requestDate } : {}), evidenceIds: [], ...note } as BasisInput;
    case 'none':
      return { type: 'none', evidenceIds: [], ...note } as BasisInput;
  }
}

export function BasisFields({
  values,
  onChange,
  errors,
  assessments,
  optional,
}: {
  values: BasisValues;
  onChange: (v: BasisValues) => void;
  errors: Errors<K>;
  assessments: ReadonlyArray<{ id: string; title: string }>;
  /** the "no basis yet" choice is offered (new contact) */
  optional?: boolean;
}) {
  const { t } = useI18n();
  const set =
    <F extends K>(k: F) =>
    (x: BasisValues[F]) =>
      onChange({ ...values, [k]: x });
  const err = (k: K) => (errors[k] ? t(errors[k]!) : undefined);
  return (
    <fieldset>
      <legend>{t('basisLegend')}</legend>
      <SelectField<BasisChoice>
        label={t('basisType')}
        value={values.basisType}
        onValue={set('basisType')}
        options={[...(optional ? [{ value: '' as BasisChoice, label: t('basisLater') }] : []), ...basisChoices.map((b) => ({ value: b, label: t(`basis_${b}`) }))]}
      />
      {values.basisType === 'consent' ? (
        <>
          <div class="row-2">
            <TextField label={t('consentWho')} value={values.consentWho} onValue={set('consentWho')} error={err('consentWho')} required />
            <TextField label={t('consentWhen')} type="date" value={values.consentWhen} onValue={set('consentWhen')} error={err('consentWhen')} required />
          </div>
          <div class="row-2">
            <SelectField
              label={t('consentHow')}
              value={values.consentHow}
              onValue={set('consentHow')}
              options={consentHows.map((h) => ({ value: h, label: t(`consentHow_${h}`) }))}
            />
            <TextField label={t('consentEntity')} value={values.consentEntity} onValue={set('consentEntity')} error={err('consentEntity')} required />
          </div>
          <fieldset>
            <legend>{t('consentChannels')}</legend>
            {consentChannelChoices.map((c) => (
              <Checkbox
                key={c}
                label={t(`consentChannel_${c}`)}
                checked={values.consentChannels.includes(c)}
                onChecked={(on) => set('consentChannels')(on ? [...values.consentChannels, c] : values.consentChannels.filter((x) => x !== c))}
              />
            ))}
            {errors.consentChannels ? <p class="error">{t(errors.consentChannels)}</p> : null}
          </fieldset>
          <TextField label={t('consentCapturedBy')} value={values.consentCapturedBy} onValue={set('consentCapturedBy')} error={err('consentCapturedBy')} required />
          <TextArea label={t('consentText')} hint={t('consentTextHint')} value={values.consentText} onValue={set('consentText')} rows={2} />
        </>
      ) : null}
      {values.basisType === 'customer' ? (
        <>
          <div class="row-2">
            <TextField label={t('customerEntity')} value={values.customerEntity} onValue={set('customerEntity')} error={err('customerEntity')} required />
            <TextField label={t('customerProduct')} value={values.customerProduct} onValue={set('customerProduct')} />
          </div>
          <div class="row-2">
            <TextField label={t('customerSaleDate')} type="date" value={values.saleDate} onValue={set('saleDate')} error={err('saleDate')} required />
            <TextField label={t('customerEndDate')} type="date" value={values.endDate} onValue={set('endDate')} error={err('endDate')} />
          </div>
          <Checkbox label={t('customerInformed')} checked={values.informedAtCollection} onChecked={set('informedAtCollection')} />
          <Checkbox label={t('customerOptOut')} checked={values.optOutOfferedAtCollection} onChecked={set('optOutOfferedAtCollection')} />
        </>
      ) : null}
      {values.basisType === 'legitimate_interest' ? (
        assessments.length === 0 ? (
          <p class="error">{t('basisNoAssessments')}</p>
        ) : (
          <SelectField<string>
            label={t('basisAssessment')}
            value={values.assessmentId}
            onValue={set('assessmentId')}
            error={err('assessmentId')}
            required
            options={[{ value: '', label: t('pickOne') }, ...assessments.map((a) => ({ value: a.id, label: a.title }))]}
          />
        )
      ) : null}
      {values.basisType === 'contract_request' || values.basisType === 'inbound_request' ? (
        <div class="row-2">
          <TextField label={t('requestRef')} value={values.requestRef} onValue={set('requestRef')} />
          <TextField label={t('requestDate')} type="date" value={values.requestDate} onValue={set('requestDate')} error={err('requestDate')} />
        </div>
      ) : null}
      {values.basisType ? <TextArea label={t('basisNote')} value={values.basisNote} onValue={set('basisNote')} rows={2} /> : null}
    </fieldset>
  );
}
