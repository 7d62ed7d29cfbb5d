import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { SelectField, TextArea, TextField } from '../ui/basics';
import { collect, domainCheck, emailCheck, hasErrors, linkedInCheck, phoneCheck, required, type Errors } from '../forms/validate';

export type DncBy = 'email' | 'phone' | 'linkedin' | 'company' | 'domain';
export type DncScope = 'all' | 'email' | 'phone' | 'linkedin';
export interface DncEntry {
  by: DncBy;
  value: string;
  scope: DncScope;
  reason: string;
  shareWithTeam: boolean;
}

const checks: Record<DncBy, (v: string) => string | null> = {
  email: emailCheck,
  phone: phoneCheck,
  linkedin: linkedInCheck,
  domain: domainCheck,
  // A company is a name, a domain or an e-mail at it; the background works out the domain.
  company: () => null,
};

export function validateDnc(e: DncEntry): Errors<'value' | 'reason'> {
  return collect({ value: [required(e.value), checks[e.by](e.value)], reason: [e.shareWithTeam ? required(e.reason) : null] });
}

/** Add a do-not-contact entry: a person by e-mail, phone or LinkedIn URL, or a whole company or domain. */
export function DncForm({ inTeam, onAdd, busy }: { inTeam: boolean; onAdd: (e: DncEntry) => Promise<boolean>; busy?: boolean }) {
  const { t } = useI18n();
  const [e, setE] = useState<DncEntry>({ by: 'email', value: '', scope: 'all', reason: '', shareWithTeam: inTeam });
  const [errors, setErrors] = useState<Errors<'value' | 'reason'>>({});
  // The team status arrives after the first render; in a team every entry is shared (Art. 21(3)).
  useEffect(() => setE((cur) => ({ ...cur, shareWithTeam: inTeam })), [inTeam]);
  async function submit(ev: Event) {
    ev.preventDefault();
    const found = validateDnc(e);
    setErrors(found);
    if (hasErrors(found)) return;
    if (await onAdd({ ...e, value: e.value.trim(), reason: e.reason.trim() })) setE({ ...e, value: '', reason: '' });
  }
  return (
    <form class="subform" onSubmit={submit} noValidate aria-label={t('dncAdd')}>
      <h2>{t('dncAdd')}</h2>
      <div class="row-3">
        <SelectField<DncBy>
          label={t('dncBy')}
          value={e.by}
          onValue={(by) => setE({ ...e, by })}
          options={(['email', 'phone', 'linkedin', 'company', 'domain'] as const).map((b) => ({ value: b, label: t(`dncBy_${b}`) }))}
        />
        <TextField label={t(`dncValue_${e.by}`)} value={e.value} onValue={(value) => setE({ ...e, value })} error={errors.value && t(errors.value)} required name="dnc-value" />
        <SelectField<DncScope>
          label={t('dncScope')}
          value={e.scope}
          onValue={(scope) => setE({ ...e, scope })}
          options={(['all', 'email', 'phone', 'linkedin'] as const).map((s) => ({ value: s, label: t(`scope_${s}`) }))}
        />
      </div>
      <TextArea label={t('dncReason')} hint={t('dncReasonHint')} value={e.reason} onValue={(reason) => setE({ ...e, reason })} error={errors.reason && t(errors.reason)} rows={2} />
      {/* No opt-out: the background shares every do-not-contact entry with the team (lib/background/main.ts). */}
      {inTeam ? <p class="hint">{t('dncSharedWithTeamNote')}</p> : null}
      <button type="submit" class="primary" disabled={busy}>
        {t('dncAddButton')}
      </button>
    </form>
  );
}
