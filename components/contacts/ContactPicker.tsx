import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { TextField } from '../ui/basics';

export interface PickOption {
  id: string;
  label: string;
}

/** Search a contact by name, e-mail, phone or company and pick one. */
export function ContactPicker({ onSearch, onPick, label }: { onSearch: (q: string) => Promise<PickOption[]>; onPick: (o: PickOption) => void; label?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PickOption[]>([]);
  const seq = useRef(0);
  async function search(value: string) {
    setQ(value);
    const mine = ++seq.current;
    const found = value.trim().length >= 2 ? await onSearch(value) : [];
    if (mine === seq.current) setOptions(found);
  }
  return (
    <div class="picker">
      <TextField label={label ?? t('pickContact')} type="search" value={q} onValue={(v) => void search(v)} name="pick-contact" />
      {options.length > 0 ? (
        <ul class="picklist" aria-label={t('pickResults')}>
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  onPick(o);
                  setOptions([]);
                  setQ('');
                }}
              >
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      ) : q.trim().length >= 2 ? (
        <p class="muted">{t('pickNoResults')}</p>
      ) : null}
    </div>
  );
}
