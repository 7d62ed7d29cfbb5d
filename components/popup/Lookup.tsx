import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { SelectField, TextField } from '../ui/basics';
import { emailCheck, linkedInCheck, phoneCheck, required } from '../forms/validate';

export type LookupKind = 'email' | 'phone' | 'linkedin';
export type LookupChannel = 'email' | 'linkedin_dm' | 'linkedin_inmail' | 'linkedin_connect_note' | 'sms' | 'whatsapp' | 'call';
export interface LookupQuery {
  email?: string;
  phone?: string;
  linkedinUrl?: string;
  channel: LookupChannel;
}

const defaultChannel: Record<LookupKind, LookupChannel> = { email: 'email', phone: 'call', linkedin: 'linkedin_dm' };

/** Look a person up by e-mail, phone or LinkedIn URL for one channel; the page asks the background. */
export function LookupForm({ onLookup, busy }: { onLookup: (q: LookupQuery) => void; busy?: boolean }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<LookupKind>('email');
  const [value, setValue] = useState('');
  const [channel, setChannel] = useState<LookupChannel>('email');
  const [error, setError] = useState<string | undefined>();

  function submit(e: Event) {
    e.preventDefault();
    const check = { email: emailCheck, phone: phoneCheck, linkedin: linkedInCheck }[kind];
    const err = required(value) ?? check(value);
    setError(err ? t(err) : undefined);
    if (err) return;
    const v = value.trim();
    onLookup(kind === 'email' ? { email: v, channel } : kind === 'phone' ? { phone: v, channel } : { linkedinUrl: v, channel });
  }

  const channels: LookupChannel[] = ['email', 'linkedin_dm', 'linkedin_inmail', 'linkedin_connect_note', 'call', 'sms', 'whatsapp'];
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <div class="row-2">
        <SelectField<LookupKind>
          label={t('lookupKind')}
          value={kind}
          onValue={(k) => {
            setKind(k);
            setChannel(defaultChannel[k]);
            setError(undefined);
          }}
          options={[
            { value: 'email', label: t('idEmail') },
            { value: 'phone', label: t('idPhone') },
            { value: 'linkedin', label: t('idLinkedIn') },
          ]}
        />
        <SelectField<LookupChannel>
          label={t('channel')}
          value={channel}
          onValue={setChannel}
          options={channels.map((c) => ({ value: c, label: t(`channel_${c}`) }))}
        />
      </div>
      <TextField
        label={{ email: t('idEmail'), phone: t('idPhone'), linkedin: t('idLinkedInUrl') }[kind]}
        type={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : 'url'}
        value={value}
        onValue={setValue}
        error={error}
        required
        name="lookup-value"
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('lookupCheck')}
      </button>
    </form>
  );
}
