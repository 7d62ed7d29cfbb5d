import type { BasisInput } from '@/lib/messaging/management-contacts';
import { useI18n } from '../i18n';
import { Checkbox, Field, SelectField, TextArea, TextField } from '../ui/basics';
import { collect, dateCheck, fileSizeCheck, formatBytes, isoDay, MAX_EVIDENCE_BYTES, required, type Check, type Errors } from '../forms/validate';

// The lawful basis part of a form: what kind, and every fact the rules engine reads for that kind, so a
// documented contact can pass without "Send anyway". Only the chosen kind's fields are shown; what the
// extension already knows (the rep, the organisation's legal entity, the person, today) is filled in.
//  consent: who, when, how, what (entity, products, channels), captured by, evidence (EV-01, NL-EM-02/08/09)
//  customer: entity, category, sale, obtained at the sale, informed and opt-out at collection (NL-EM-03)
//  met in person: a dated meeting, the event, what was agreed (NL-EM-06, EV-02)

export type BasisChoice =
  | ''
  | 'consent'
  | 'customer'
  | 'legitimate_interest'
  | 'contract_request'
  | 'inbound_request'
  | 'met_in_person'
  | 'introduced'
  | 'none';
export const basisChoices: readonly Exclude<BasisChoice, ''>[] = [
  'consent',
  'customer',
  'legitimate_interest',
  'contract_request',
  'inbound_request',
  'met_in_person',
  'introduced',
  'none',
];
export const consentHows = ['form', 'recording', 'written_note', 'email', 'event_note', 'verbal', 'checkbox', 'other'] as const;
export const consentChannelChoices = ['email', 'phone', 'linkedin', 'sms', 'whatsapp', 'any'] as const;
export const consentSources = ['data_subject', 'lead_vendor', 'partner_clause', 'referrer'] as const;

export interface BasisValues {
  basisType: BasisChoice;
  consentWho: string;
  consentWhen: string;
  consentHow: (typeof consentHows)[number];
  consentEntity: string;
  /** comma-separated; empty = every product of the entity */
  consentProducts: string;
  consentChannels: string[];
  consentCapturedBy: string;
  consentText: string;
  consentVia: (typeof consentSources)[number];
  /** telemarketing consent checked before the call (NL-TM-05) */
  consentVerifiedBeforeCall: boolean;
  /** recorded only against the phone number, not the person (NL-TM-05) */
  consentPhoneOnly: boolean;
  customerEntity: string;
  customerProduct: string;
  saleDate: string;
  endDate: string;
  /** the address or number came with the sale (the customer exception) */
  obtainedAtSale: boolean;
  informedAtCollection: boolean;
  optOutOfferedAtCollection: boolean;
  /** the customer is the person's employer, not the person (GD-03) */
  viaEmployer: boolean;
  assessmentId: string;
  requestRef: string;
  requestDate: string;
  requestedBy: 'data_subject' | 'employer';
  metDate: string;
  metEvent: string;
  metAgreed: string;
  introThread: string;
  introDate: string;
  basisNote: string;
  /** evidence recorded with the basis and linked to it */
  evidenceText: string;
  evidenceFile: File | null;
}

export const emptyBasis: BasisValues = {
  basisType: '',
  consentWho: '',
  consentWhen: '',
  consentHow: 'form',
  consentEntity: '',
  consentProducts: '',
  consentChannels: ['email'],
  consentCapturedBy: '',
  consentText: '',
  consentVia: 'data_subject',
  consentVerifiedBeforeCall: false,
  consentPhoneOnly: false,
  customerEntity: '',
  customerProduct: '',
  saleDate: '',
  endDate: '',
  obtainedAtSale: false,
  informedAtCollection: false,
  optOutOfferedAtCollection: false,
  viaEmployer: false,
  assessmentId: '',
  requestRef: '',
  requestDate: '',
  requestedBy: 'data_subject',
  metDate: '',
  metEvent: '',
  metAgreed: '',
  introThread: '',
  introDate: '',
  basisNote: '',
  evidenceText: '',
  evidenceFile: null,
};

/** What the extension knows before the rep types anything. */
export interface BasisDefaults {
  /** the rep (Settings → you) */
  repName?: string;
  /** the organisation's legal entity (Settings → organisation) */
  entity?: string;
  /** the person the basis is for */
  personName?: string;
  today: Date;
  assessments?: ReadonlyArray<{ id: string }>;
}

/** The form's starting values: every date today, the rep, the entity, the person, and the only assessment. */
export function prefilledBasis(d: BasisDefaults, basisType: BasisChoice = ''): BasisValues {
  const day = isoDay(d.today);
  return {
    ...emptyBasis,
    basisType,
    consentWho: d.personName?.trim() ?? '',
    consentWhen: day,
    consentEntity: d.entity?.trim() ?? '',
    consentCapturedBy: d.repName?.trim() ?? '',
    customerEntity: d.entity?.trim() ?? '',
    requestDate: day,
    metDate: day,
    introDate: day,
    assessmentId: d.assessments?.length === 1 ? d.assessments[0]!.id : '',
  };
}

type K = keyof BasisValues;

const phoneChannel = (v: BasisValues) => v.consentChannels.includes('phone') || v.consentChannels.includes('any');

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
    case 'met_in_person':
      // NL-EM-06 needs a dated meeting: without the date the meeting covers nothing.
      c.metDate = [required(v.metDate), dateCheck(v.metDate, today)];
      break;
    case 'introduced':
      c.introDate = [dateCheck(v.introDate, today)];
      break;
    default:
      break;
  }
  if (v.basisType && v.evidenceFile) c.evidenceFile = [fileSizeCheck(v.evidenceFile.size, MAX_EVIDENCE_BYTES)];
  return collect(c as Record<K, Check[]>);
}

const listOf = (s: string) =>
  s
    .split(/[,;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The protocol's basis input for the chosen kind; undefined when no basis was chosen. */
export function toBasisInput(v: BasisValues): BasisInput | undefined {
  const note = v.basisNote.trim() ? { note: v.basisNote.trim() } : {};
  const opt = <T extends string>(key: string, value: T) => (value.trim() ? { [key]: value.trim() } : {});
  switch (v.basisType) {
    case '':
      return undefined;
    case 'consent': {
      const phone = phoneChannel(v);
      return {
        type: 'consent',
        who: v.consentWho.trim(),
        when: v.consentWhen,
        how: v.consentHow,
        what: { entity: v.consentEntity.trim(), products: listOf(v.consentProducts), channels: v.consentChannels as never },
        shownText: v.consentText,
        capturedBy: v.consentCapturedBy.trim(),
        linkedTo: phone && v.consentPhoneOnly ? 'phone_number' : 'person',
        obtainedVia: v.consentVia,
        ...(phone ? { verifiedBeforeCall: v.consentVerifiedBeforeCall } : {}),
        evidenceIds: [],
        ...note,
      } as BasisInput;
    }
    case 'customer':
      return {
        type: 'customer',
        entity: v.customerEntity.trim(),
        ...opt('product', v.customerProduct),
        saleDate: v.saleDate,
        ...(v.endDate ? { endDate: v.endDate } : {}),
        // Unticked means "not confirmed": the engine then treats the exception as unproven, not as refused.
        ...(v.obtainedAtSale ? { obtainedAtSale: true } : {}),
        informedAtCollection: v.informedAtCollection,
        optOutOfferedAtCollection: v.optOutOfferedAtCollection,
        ...(v.viaEmployer ? { viaEmployer: true } : {}),
        evidenceIds: [],
        ...note,
      } as BasisInput;
    case 'legitimate_interest':
      return { type: 'legitimate_interest', assessmentId: v.assessmentId, evidenceIds: [], ...note } as BasisInput;
    case 'contract_request':
      return {
        type: 'contract_request',
        ...opt('ref', v.requestRef),
        ...(v.requestDate ? { date: v.requestDate } : {}),
        requestedBy: v.requestedBy,
        evidenceIds: [],
        ...note,
      } as BasisInput;
    case 'inbound_request':
      return { type: 'inbound_request', ...opt('subject', v.requestRef), ...(v.requestDate ? { date: v.requestDate } : {}), evidenceIds: [], ...note } as BasisInput;
    case 'met_in_person':
      return { type: 'met_in_person', date: v.metDate, ...opt('event', v.metEvent), ...opt('agreed', v.metAgreed), evidenceIds: [], ...note } as BasisInput;
    case 'introduced':
      return { type: 'introduced', ...opt('threadRef', v.introThread), ...(v.introDate ? { date: v.introDate } : {}), evidenceIds: [], ...note } as BasisInput;
    case 'none':
      return { type: 'none', evidenceIds: [], ...note } as BasisInput;
  }
}

/** Evidence typed in with the basis, to store linked to it once the basis has its id. */
export function evidenceWithBasis(v: BasisValues, today: Date): { note?: { date: string; title: string; text: string }; file?: { file: File; date: string; title: string } } {
  if (!v.basisType || v.basisType === 'none') return {};
  const date = (v.basisType === 'consent' && v.consentWhen) || isoDay(today);
  return {
    ...(v.evidenceText.trim() ? { note: { date, title: '', text: v.evidenceText.trim() } } : {}),
    ...(v.evidenceFile ? { file: { file: v.evidenceFile, date, title: '' } } : {}),
  };
}

/** The catalogue's names and categories, offered as suggestions (the rep may type anything). */
export interface ProductSuggestions {
  names: readonly string[];
  categories: readonly string[];
}

function Suggestions({ id, items }: { id: string; items: readonly string[] }) {
  if (!items.length) return null;
  return (
    <datalist id={id}>
      {items.map((x) => (
        <option key={x} value={x} />
      ))}
    </datalist>
  );
}

export function BasisFields({
  values,
  onChange,
  errors,
  assessments,
  optional,
  products,
}: {
  values: BasisValues;
  onChange: (v: BasisValues) => void;
  errors: Errors<K>;
  assessments: ReadonlyArray<{ id: string; title: string }>;
  /** the "no basis yet" choice is offered (new contact) */
  optional?: boolean;
  products?: ProductSuggestions;
}) {
  const { t } = useI18n();
  const set =
    <F extends K>(k: F) =>
    (x: BasisValues[F]) =>
      onChange({ ...values, [k]: x });
  const err = (k: K) => {
    const code = errors[k];
    if (!code) return undefined;
    return code === 'errFileTooLarge' && values.evidenceFile ? t(code, formatBytes(values.evidenceFile.size), formatBytes(MAX_EVIDENCE_BYTES)) : t(code);
  };
  const type = values.basisType;
  return (
    <fieldset data-basis={type || undefined}>
      <legend>{t('basisLegend')}</legend>
      <SelectField<BasisChoice>
        label={t('basisType')}
        hint={type ? t(`basisHint_${type}`) : undefined}
        value={type}
        onValue={set('basisType')}
        error={err('basisType')}
        options={[...(optional ? [{ value: '' as BasisChoice, label: t('basisLater') }] : []), ...basisChoices.map((b) => ({ value: b, label: t(`basis_${b}`) }))]}
      />
      {type === 'consent' ? (
        <>
          <div class="row-2">
            <TextField label={t('consentWho')} value={values.consentWho} onValue={set('consentWho')} error={err('consentWho')} required />
            <TextField label={t('consentWhen')} type="date" value={values.consentWhen} onValue={set('consentWhen')} error={err('consentWhen')} required />
          </div>
          <div class="row-2">
            <SelectField label={t('consentHow')} value={values.consentHow} onValue={set('consentHow')} options={consentHows.map((h) => ({ value: h, label: t(`consentHow_${h}`) }))} />
            <TextField label={t('consentEntity')} value={values.consentEntity} onValue={set('consentEntity')} error={err('consentEntity')} required />
          </div>
          <ListField
            label={t('consentProducts')}
            hint={t('consentProductsHint')}
            value={values.consentProducts}
            onValue={set('consentProducts')}
            suggestions={products?.names ?? []}
            listId="og-product-names"
          />
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
          {phoneChannel(values) ? (
            <>
              <Checkbox label={t('consentVerifiedBeforeCall')} checked={values.consentVerifiedBeforeCall} onChecked={set('consentVerifiedBeforeCall')} />
              <Checkbox label={t('consentPhoneOnly')} checked={values.consentPhoneOnly} onChecked={set('consentPhoneOnly')} />
            </>
          ) : null}
          <div class="row-2">
            <TextField label={t('consentCapturedBy')} value={values.consentCapturedBy} onValue={set('consentCapturedBy')} error={err('consentCapturedBy')} required />
            <SelectField label={t('consentVia')} value={values.consentVia} onValue={set('consentVia')} options={consentSources.map((s) => ({ value: s, label: t(`consentVia_${s}`) }))} />
          </div>
          <TextArea label={t('consentText')} hint={t('consentTextHint')} value={values.consentText} onValue={set('consentText')} rows={2} />
        </>
      ) : null}
      {type === 'customer' ? (
        <>
          <div class="row-2">
            <TextField label={t('customerEntity')} value={values.customerEntity} onValue={set('customerEntity')} error={err('customerEntity')} required />
            <ListField
              label={t('customerProduct')}
              hint={t('customerProductHint')}
              value={values.customerProduct}
              onValue={set('customerProduct')}
              suggestions={products?.categories ?? []}
              listId="og-product-categories"
            />
          </div>
          <div class="row-2">
            <TextField label={t('customerSaleDate')} type="date" value={values.saleDate} onValue={set('saleDate')} error={err('saleDate')} required />
            <TextField label={t('customerEndDate')} type="date" value={values.endDate} onValue={set('endDate')} error={err('endDate')} />
          </div>
          <Checkbox label={t('customerObtainedAtSale')} hint={t('customerObtainedAtSaleHint')} checked={values.obtainedAtSale} onChecked={set('obtainedAtSale')} />
          <Checkbox label={t('customerInformed')} checked={values.informedAtCollection} onChecked={set('informedAtCollection')} />
          <Checkbox label={t('customerOptOut')} checked={values.optOutOfferedAtCollection} onChecked={set('optOutOfferedAtCollection')} />
          <Checkbox label={t('customerViaEmployer')} checked={values.viaEmployer} onChecked={set('viaEmployer')} />
        </>
      ) : null}
      {type === 'legitimate_interest' ? (
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
      {type === 'contract_request' || type === 'inbound_request' ? (
        <div class="row-2">
          <TextField
            label={t(type === 'inbound_request' ? 'requestSubject' : 'requestRef')}
            hint={type === 'inbound_request' ? t('requestSubjectHint') : undefined}
            value={values.requestRef}
            onValue={set('requestRef')}
          />
          <TextField label={t('requestDate')} type="date" value={values.requestDate} onValue={set('requestDate')} error={err('requestDate')} />
        </div>
      ) : null}
      {type === 'contract_request' ? (
        <SelectField<'data_subject' | 'employer'>
          label={t('requestedBy')}
          value={values.requestedBy}
          onValue={set('requestedBy')}
          options={[
            { value: 'data_subject', label: t('requestedBy_data_subject') },
            { value: 'employer', label: t('requestedBy_employer') },
          ]}
        />
      ) : null}
      {type === 'met_in_person' ? (
        <>
          <div class="row-2">
            <TextField label={t('metDate')} type="date" value={values.metDate} onValue={set('metDate')} error={err('metDate')} required />
            <TextField label={t('metEvent')} hint={t('metEventHint')} value={values.metEvent} onValue={set('metEvent')} />
          </div>
          <TextArea label={t('metAgreed')} hint={t('metAgreedHint')} value={values.metAgreed} onValue={set('metAgreed')} rows={2} />
        </>
      ) : null}
      {type === 'introduced' ? (
        <div class="row-2">
          <TextField label={t('introThread')} hint={t('introThreadHint')} value={values.introThread} onValue={set('introThread')} />
          <TextField label={t('introDate')} type="date" value={values.introDate} onValue={set('introDate')} error={err('introDate')} />
        </div>
      ) : null}
      {type ? <TextArea label={t('basisNote')} value={values.basisNote} onValue={set('basisNote')} rows={2} /> : null}
      {type && type !== 'none' ? (
        <fieldset class="evidence-with-basis">
          <legend>{t('basisEvidence')}</legend>
          <p class="hint">{t(type === 'consent' ? 'basisEvidenceHintConsent' : 'basisEvidenceHint')}</p>
          <TextArea label={t('basisEvidenceNote')} value={values.evidenceText} onValue={set('evidenceText')} rows={2} />
          <Field label={t('basisEvidenceFile')} error={err('evidenceFile')}>
            {(id, describedBy) => (
              <input
                id={id}
                type="file"
                name="basis-evidence-file"
                aria-describedby={describedBy}
                aria-invalid={errors.evidenceFile ? true : undefined}
                onChange={(e) => set('evidenceFile')((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
              />
            )}
          </Field>
        </fieldset>
      ) : null}
    </fieldset>
  );
}

/** A text field with the catalogue's entries as suggestions. */
function ListField({
  label,
  hint,
  value,
  onValue,
  suggestions,
  listId,
}: {
  label: string;
  hint: string;
  value: string;
  onValue: (v: string) => void;
  suggestions: readonly string[];
  listId: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id, describedBy) => (
        <>
          <input
            id={id}
            type="text"
            value={value}
            list={suggestions.length ? listId : undefined}
            aria-describedby={describedBy}
            onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
          />
          <Suggestions id={listId} items={suggestions} />
        </>
      )}
    </Field>
  );
}
