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
}

export interface CallCheckResult {
  decision: 'block' | 'warn' | 'allow';
  findings: Finding[];
  label: string;
  known: boolean;
  contactId?: string | undefined;
  phoneE164?: string | undefined;
  opening: { nl: string; en: string };
}

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
  onSearchContacts,
  onLogOutcome,
  result,
  busy,
  outcomeLogged,
}: {
  onCheck: (input: CallCheckInput) => void;
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

  function submit(e: Event) {
    e.preventDefault();
    if (!contact && !phone.trim()) return setError(t('errPhoneOrContact'));
    const err = contact ? null : phoneCheck(phone);
    setError(err ? t(err) : undefined);
    if (err) return;
    onCheck({
      ...(contact ? { contactId: contact.id } : { phone: phone.trim() }),
      ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      ...(caller.trim() ? { callerName: caller.trim() } : {}),
    });
  }

  return (
    <div class="stack">
      <form class="stack" onSubmit={submit} noValidate>
        {contact ? (
          <p class="picked">
            {t('callContact')}: <strong>{contact.label}</strong>{' '}
            <button type="button" class="link" onClick={() => setContact(null)}>
              {t('actionChange')}
            </button>
          </p>
        ) : (
          <>
            <TextField label={t('idPhone')} type="tel" value={phone} onValue={setPhone} error={error} name="call-phone" />
            {/* The shared picker: it drops answers to older queries and shows a failed search as an error. */}
            <ContactPicker
              label={t('callPickContact')}
              name="call-contact-search"
              onSearch={onSearchContacts}
              onPick={(m) => {
                setContact(m);
                setError(undefined);
              }}
            />
          </>
        )}
        <TextField label={t('callPurpose')} value={purpose} onValue={setPurpose} hint={t('callPurposeHint')} name="call-purpose" />
        <TextField label={t('callCallerName')} value={caller} onValue={setCaller} name="call-caller" />
        <button type="submit" class="primary" disabled={busy}>
          {t('callCheckButton')}
        </button>
      </form>
      {result ? (
        <>
          <VerdictSummary decision={result.decision} label={result.label} known={result.known} findings={result.findings} />
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
