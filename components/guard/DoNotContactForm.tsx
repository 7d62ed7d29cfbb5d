import { useState } from 'preact/hooks';
import { strings, type Lang } from './strings';

// "Do not contact this person" from the hold: a proper entry (all channels unless the rep narrows it, a
// reason from a short list or typed), confirmed before anything is stored.

export type DncScope = 'all' | 'email' | 'phone' | 'linkedin';

export interface DoNotContactChoice {
  scope: DncScope;
  reason: string;
}

export function DoNotContactForm(props: {
  lang: Lang;
  name: string;
  recipientKey: string;
  busy: boolean;
  onConfirm(choice: DoNotContactChoice): void;
  onClose(): void;
}) {
  const t = strings[props.lang];
  const [scope, setScope] = useState<DncScope>('all');
  const [reasonIndex, setReasonIndex] = useState(0);
  const [other, setOther] = useState('');
  const [error, setError] = useState(false);
  const isOther = reasonIndex === t.dncReasons.length - 1;
  const id = `og-dnc-${props.recipientKey.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const confirm = () => {
    const reason = isOther ? other.trim() : t.dncReasons[reasonIndex]!;
    if (reason.length < 3) return setError(true);
    props.onConfirm({ scope, reason });
  };
  return (
    <fieldset class="dnc" data-form="do-not-contact" data-recipient-form={props.recipientKey}>
      <legend>{t.dncTitle(props.name)}</legend>
      <label for={`${id}-scope`}>{t.dncScope}</label>
      <select id={`${id}-scope`} data-field="dnc-scope" value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as DncScope)}>
        {(Object.keys(t.dncScopes) as DncScope[]).map((s) => (
          <option key={s} value={s}>
            {t.dncScopes[s]}
          </option>
        ))}
      </select>
      <label for={`${id}-reason`}>{t.dncReason}</label>
      <select
        id={`${id}-reason`}
        data-field="dnc-reason"
        value={String(reasonIndex)}
        onChange={(e) => {
          setReasonIndex(Number((e.currentTarget as HTMLSelectElement).value));
          setError(false);
        }}
      >
        {t.dncReasons.map((r, i) => (
          <option key={r} value={String(i)}>
            {r}
          </option>
        ))}
      </select>
      {isOther && (
        <>
          <label for={`${id}-other`}>{t.dncOther}</label>
          <input
            id={`${id}-other`}
            type="text"
            data-field="dnc-other"
            maxLength={2000}
            value={other}
            aria-invalid={error}
            onInput={(e) => {
              setOther((e.currentTarget as HTMLInputElement).value);
              setError(false);
            }}
          />
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {t.reasonTooShort}
        </p>
      )}
      <div class="dnc-actions">
        <button type="button" data-action="confirm-do-not-contact" data-recipient={props.recipientKey} disabled={props.busy} onClick={confirm}>
          {t.dncConfirm}
        </button>
        <button type="button" data-action="close-do-not-contact" onClick={props.onClose}>
          {t.cancel}
        </button>
      </div>
    </fieldset>
  );
}
