import { useState } from 'preact/hooks';
import type { Finding } from '@/lib/rules/verdict';
import { pick, useI18n } from '../i18n';
import { TextArea, TextField } from '../ui/basics';
import { phoneCheck } from '../forms/validate';
import { VerdictSummary } from '../verdict/FindingsList';
import { ContactPicker } from '../contacts/ContactPicker';

export interface CallCheckInput {
  phone?: string;
  contactId?: string;
  purpose?: string;
  callerName?: string;
  answeredBy?: 'legal_person' | 'natural_person';
}

export interface CallCheckResult {
  decision: 'block' | 'warn' | 'allow';
  findings: Finding[];
  label: string;
  known: boolean;
  contactId?: string | undefined;
  phoneE164?: string | undefined;
  opening: { nl: string; en: string };
  line?: 'mobile' | 'landline' | undefined;
  recipientKind: 'natural_consumer' | 'natural_professional' | 'legal_person' | 'unknown';
  sourceKnown: boolean;
}

/**
 * A landline of a recipient the ledger cannot place: a company's switchboard may be called (opt-out,
 * NL-TM-03), a sole trader's or a consumer's line only with consent (NL-TM-01). The rep must say which
 * before the page gives a verdict, instead of reading "not allowed" for every unknown number.
 */
export function needsWhoAnswers(r: CallCheckResult): boolean {
  const blocks = r.findings.filter((f) => f.severity === 'block');
  return r.recipientKind === 'unknown' && r.line === 'landline' && blocks.length > 0 && blocks.every((f) => personOnly.has(f.code));
}

/** Blocks that hold only because the one called might be a natural person (opt-in for calls; no GDPR basis). */
const personOnly = new Set(['NL-TM-01', 'GD-01']);

export type CallOutcome = 'no_answer' | 'interested' | 'not_interested' | 'callback' | 'objected' | 'wrong_number' | 'other';
export const callOutcomes: readonly CallOutcome[] = ['interested', 'not_interested', 'callback', 'no_answer', 'wrong_number', 'objected', 'other'];

export interface ContactOption {
  id: string;
  label: string;
}

/**
 * The call check: a phone number or a contact → the verdict for a call today and the opening to read
 * out; then the outcome ("objected" creates a suppression, the page says so).
 */
export function CallCheck({
  onCheck,
  onInputChanged,
  onSearchContacts,
  onLogOutcome,
  result,
  busy,
  outcomeLogged,
}: {
  onCheck: (input: CallCheckInput) => void;
  /** the number, contact, purpose or caller changed: a verdict on screen no longer belongs to it */
  onInputChanged: () => void;
  onSearchContacts: (q: string) => Promise<ContactOption[]>;
  onLogOutcome: (outcome: CallOutcome, note: string) => void;
  result: CallCheckResult | null;
  busy?: boolean;
  outcomeLogged?: CallOutcome | null;
}) {
  const { t, lang } = useI18n();
  const [phone, setPhone] = useState('');
  const [contact, setContact] = useState<ContactOption | null>(null);
  const [purpose, setPurpose] = useState('');
  const [caller, setCaller] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [checked, setChecked] = useState<CallCheckInput | null>(null);

  /** Every edit drops the verdict shown: it was for what the fields said before. */
  const edit =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setChecked(null);
      onInputChanged();
    };

  function submit(e: Event) {
    e.preventDefault();
    setChecked(null);
    onInputChanged();
    if (!contact && !phone.trim()) return setError(t('errPhoneOrContact'));
    const err = contact ? null : phoneCheck(phone);
    setError(err ? t(err) : undefined);
    if (err) return;
    const input = {
      ...(contact ? { contactId: contact.id } : { phone: phone.trim() }),
      ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      ...(caller.trim() ? { callerName: caller.trim() } : {}),
    };
    setChecked(input);
    onCheck(input);
  }

  const ask = result && needsWhoAnswers(result);

  return (
    <div class="stack">
      <form class="stack" onSubmit={submit} noValidate>
        {contact ? (
          <p class="picked">
            {t('callContact')}: <strong>{contact.label}</strong>{' '}
            <button type="button" class="link" onClick={() => edit(setContact)(null)}>
              {t('actionChange')}
            </button>
          </p>
        ) : (
          <>
            <TextField label={t('idPhone')} type="tel" value={phone} onValue={edit(setPhone)} error={error} name="call-phone" />
            {/* The shared picker: it drops answers to older queries and shows a failed search as an error. */}
            <ContactPicker
              label={t('callPickContact')}
              name="call-contact-search"
              onSearch={onSearchContacts}
              onPick={(m) => {
                edit(setContact)(m);
                setError(undefined);
              }}
            />
          </>
        )}
        <TextField label={t('callPurpose')} value={purpose} onValue={edit(setPurpose)} hint={t('callPurposeHint')} name="call-purpose" />
        <TextField label={t('callCallerName')} value={caller} onValue={edit(setCaller)} name="call-caller" />
        <button type="submit" class="primary" disabled={busy}>
          {t('callCheckButton')}
        </button>
      </form>
      {result && ask ? (
        <section class="verdict" aria-live="polite" data-decision="ask" data-testid="call-who">
          <p class="verdict-head">
            <span class="badge badge-warn">{t('callDependsBadge')}</span> <span class="verdict-label">{result.label}</span>
          </p>
          <p>{t('callLandlineUnknown')}</p>
          <div class="button-row">
            <button type="button" disabled={busy} onClick={() => checked && onCheck({ ...checked, answeredBy: 'legal_person' })}>
              {t('callAnsweredByCompany')}
            </button>
            <button type="button" disabled={busy} onClick={() => checked && onCheck({ ...checked, answeredBy: 'natural_person' })}>
              {t('callAnsweredByPerson')}
            </button>
          </div>
        </section>
      ) : null}
      {result ? (
        <>
          {ask ? null : <VerdictSummary decision={result.decision} label={result.label} known={result.known} findings={result.findings} />}
          {!ask && result.recipientKind === 'unknown' && result.line === 'mobile' ? <p class="hint">{t('callMobileUnknown')}</p> : null}
          {!ask && result.recipientKind === 'legal_person' ? <p class="hint">{t('callLegalPersonLine')}</p> : null}
          {result.sourceKnown ? null : (
            <p class="notice notice-warn" data-testid="call-source-unknown">
              {t('callSourceUnknown')}
            </p>
          )}
          <section class="opening">
            <h3>{t('callOpening')}</h3>
            <blockquote lang={lang}>{pick(lang, result.opening)}</blockquote>
          </section>
          <fieldset class="outcome">
            <legend>{t('callOutcome')}</legend>
            <TextArea label={t('callOutcomeNote')} value={note} onValue={setNote} rows={2} />
            <div class="button-row">
              {callOutcomes.map((o) => (
                <button key={o} type="button" class={o === 'objected' ? 'danger' : ''} onClick={() => onLogOutcome(o, note)}>
                  {t(`outcome_${o}`)}
                </button>
              ))}
            </div>
            {outcomeLogged ? (
              <p role="status" class="notice notice-success">
                {outcomeLogged === 'objected' ? t('callObjectionLogged') : t('callOutcomeLogged')}
              </p>
            ) : null}
          </fieldset>
        </>
      ) : null}
    </div>
  );
}
