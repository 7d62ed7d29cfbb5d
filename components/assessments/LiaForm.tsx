import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { Checkbox, TextArea, TextField } from '../ui/basics';
import { collect, dateCheck, hasErrors, positiveIntCheck, required, type Errors } from '../forms/validate';

// The EDPB's three steps (Guidelines 1/2024; docs/research/legal-rules.md §2.5): the interest, necessity, and the balancing
// with reasonable expectations and safeguards. Each step is its own page of the form so none is skipped.

/** The form's state; `toAssessmentInput` in the page turns it into the ledger's assessment shape. */
export interface LiaDraft {
  title: string;
  interest: string;
  interestLawful: boolean;
  interestPresent: boolean;
  necessity: string;
  reasonableExpectations: string;
  balancing: string;
  safeguards: string[];
  otherSafeguards: string;
  optOutOffered: boolean;
  retentionMonths: string;
  reviewDate: string;
  decidedBy: string;
}

/** Safeguards of docs/research/legal-rules.md §2.5 offered as a checklist; stored by these stable ids. */
export const standardSafeguards = ['suppression-list', 'minimisation', 'no-scraping', 'art14-first-contact', 'role-relevance'] as const;

export const emptyLia: LiaDraft = {
  title: '',
  interest: '',
  interestLawful: false,
  interestPresent: false,
  necessity: '',
  reasonableExpectations: '',
  balancing: '',
  safeguards: [...standardSafeguards],
  otherSafeguards: '',
  optOutOffered: true,
  retentionMonths: '12',
  reviewDate: '',
  decidedBy: '',
};

type Field = keyof LiaDraft;
export type LiaStep = 0 | 1 | 2 | 3;
type Checks = Record<Field, (string | null)[]>;

/** Checks one step; the message keys are shown next to the fields. `today` is an input (no clock here). */
export function validateLiaStep(step: LiaStep, d: LiaDraft, today: Date): Errors<Field> {
  switch (step) {
    case 0:
      return collect<Field>({
        title: [required(d.title)],
        interest: [required(d.interest), d.interest.trim().length >= 20 || !d.interest.trim() ? null : 'errTooVague'],
        interestLawful: [d.interestLawful ? null : 'errMustConfirm'],
        interestPresent: [d.interestPresent ? null : 'errMustConfirm'],
      } as Checks);
    case 1:
      return collect<Field>({ necessity: [required(d.necessity)] } as Checks);
    case 2:
      return collect<Field>({
        reasonableExpectations: [required(d.reasonableExpectations)],
        balancing: [required(d.balancing)],
        retentionMonths: [positiveIntCheck(d.retentionMonths, 1, 600)],
        optOutOffered: [d.optOutOffered ? null : 'errOptOutRequired'],
      } as Checks);
    case 3:
      return collect<Field>({
        reviewDate: [required(d.reviewDate) ?? dateCheck(d.reviewDate, today, { allowFuture: true })],
        decidedBy: [required(d.decidedBy)],
      } as Checks);
  }
}

export function LiaForm({
  initial,
  today,
  onSave,
  onCancel,
  saving,
}: {
  initial: LiaDraft;
  today: Date;
  onSave: (draft: LiaDraft) => void;
  onCancel: () => void;
  saving?: boolean;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(initial);
  const [step, setStep] = useState<LiaStep>(0);
  const [errors, setErrors] = useState<Errors<Field>>({});
  const set = <K extends Field>(k: K) => (v: LiaDraft[K]) => setD({ ...d, [k]: v });
  const err = (k: Field) => (errors[k] ? t(errors[k]!) : undefined);

  function next(e: Event) {
    e.preventDefault();
    const found = validateLiaStep(step, d, today);
    setErrors(found);
    if (hasErrors(found)) return;
    if (step < 3) setStep((step + 1) as LiaStep);
    else onSave(d);
  }

  const steps = [t('liaStep1'), t('liaStep2'), t('liaStep3'), t('liaStep4')];
  return (
    <form onSubmit={next} noValidate>
      <ol class="steps" aria-label={t('liaStepsLabel')}>
        {steps.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} class={i === step ? 'step-current' : i < step ? 'step-done' : ''}>
            {s}
          </li>
        ))}
      </ol>
      {step === 0 ? (
        <fieldset>
          <legend>{t('liaStepLegend', 1, steps.length, steps[0]!)}</legend>
          <p class="hint">{t('liaInterestIntro')}</p>
          <TextField label={t('liaTitle')} value={d.title} onValue={set('title')} error={err('title')} required />
          <TextArea label={t('liaInterest')} hint={t('liaInterestHint')} value={d.interest} onValue={set('interest')} error={err('interest')} required />
          <Checkbox label={t('liaInterestLawful')} checked={d.interestLawful} onChecked={set('interestLawful')} />
          {errors.interestLawful ? <p class="error">{t(errors.interestLawful)}</p> : null}
          <Checkbox label={t('liaInterestPresent')} checked={d.interestPresent} onChecked={set('interestPresent')} />
          {errors.interestPresent ? <p class="error">{t(errors.interestPresent)}</p> : null}
        </fieldset>
      ) : null}
      {step === 1 ? (
        <fieldset>
          <legend>{t('liaStepLegend', 2, steps.length, steps[1]!)}</legend>
          <TextArea label={t('liaNecessity')} hint={t('liaNecessityHint')} value={d.necessity} onValue={set('necessity')} error={err('necessity')} required rows={6} />
        </fieldset>
      ) : null}
      {step === 2 ? (
        <fieldset>
          <legend>{t('liaStepLegend', 3, steps.length, steps[2]!)}</legend>
          <TextArea
            label={t('liaExpectations')}
            hint={t('liaExpectationsHint')}
            value={d.reasonableExpectations}
            onValue={set('reasonableExpectations')}
            error={err('reasonableExpectations')}
            required
          />
          <TextArea label={t('liaBalancing')} hint={t('liaBalancingHint')} value={d.balancing} onValue={set('balancing')} error={err('balancing')} required />
          <fieldset>
            <legend>{t('liaSafeguards')}</legend>
            <Checkbox label={t('liaSafeguardOptOut')} checked={d.optOutOffered} onChecked={set('optOutOffered')} />
            {errors.optOutOffered ? <p class="error">{t(errors.optOutOffered)}</p> : null}
            {standardSafeguards.map((g) => (
              <Checkbox
                key={g}
                label={t(`liaSafeguard_${g.replace(/-/g, '_')}`)}
                checked={d.safeguards.includes(g)}
                onChecked={(on) => set('safeguards')(on ? [...d.safeguards, g] : d.safeguards.filter((x) => x !== g))}
              />
            ))}
            <TextArea label={t('liaOtherSafeguards')} value={d.otherSafeguards} onValue={set('otherSafeguards')} rows={2} />
            <TextField
              label={t('liaRetentionMonths')}
              type="number"
              min="1"
              max="600"
              value={d.retentionMonths}
              onValue={set('retentionMonths')}
              error={err('retentionMonths')}
              required
            />
          </fieldset>
        </fieldset>
      ) : null}
      {step === 3 ? (
        <fieldset>
          <legend>{t('liaStepLegend', 4, steps.length, steps[3]!)}</legend>
          <LiaDocument draft={d} version={null} date="" />
          <TextField label={t('liaDecidedBy')} value={d.decidedBy} onValue={set('decidedBy')} error={err('decidedBy')} required />
          <TextField label={t('liaReviewDate')} type="date" value={d.reviewDate} onValue={set('reviewDate')} error={err('reviewDate')} required />
        </fieldset>
      ) : null}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('actionCancel')}
        </button>
        {step > 0 ? (
          <button type="button" onClick={() => setStep((step - 1) as LiaStep)}>
            {t('actionBack')}
          </button>
        ) : null}
        <button type="submit" class="primary" disabled={saving}>
          {step < 3 ? t('actionNext') : t('liaSave')}
        </button>
      </div>
    </form>
  );
}

/** The text of a safeguard id, or the id itself when it is a free-text safeguard. */
export function safeguardText(t: (k: string) => string, id: string): string {
  return (standardSafeguards as readonly string[]).includes(id) ? t(`liaSafeguard_${id.replace(/-/g, '_')}`) : id;
}

/** The assessment as a document: what a regulator would read, and what prints. */
export function LiaDocument({ draft, version, date }: { draft: LiaDraft; version: number | null; date: string }) {
  const { t } = useI18n();
  const safeguards = [...draft.safeguards, ...draft.otherSafeguards.split('\n').map((x) => x.trim()).filter(Boolean)];
  return (
    <article class="lia-doc">
      <h2>
        {draft.title || '—'}
        {version !== null ? ` — ${t('liaVersion', version)}` : ''}
        {date ? ` (${date})` : ''}
      </h2>
      <h3>{t('liaStep1')}</h3>
      <p class="pre">{draft.interest}</p>
      <h3>{t('liaStep2')}</h3>
      <p class="pre">{draft.necessity}</p>
      <h3>{t('liaStep3')}</h3>
      <dl class="dl">
        <dt>{t('liaExpectations')}</dt>
        <dd class="pre">{draft.reasonableExpectations}</dd>
        <dt>{t('liaBalancing')}</dt>
        <dd class="pre">{draft.balancing}</dd>
        <dt>{t('liaSafeguards')}</dt>
        <dd>
          <ul>
            {draft.optOutOffered ? <li>{t('liaSafeguardOptOut')}</li> : null}
            {safeguards.map((g) => (
              <li key={g}>{safeguardText(t, g)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('liaRetentionMonths')}</dt>
        <dd>{draft.retentionMonths}</dd>
        <dt>{t('liaDecidedBy')}</dt>
        <dd>{draft.decidedBy || '—'}</dd>
        <dt>{t('liaReviewDate')}</dt>
        <dd>{draft.reviewDate || '—'}</dd>
      </dl>
    </article>
  );
}
