import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { Notice, TextField } from '../ui/basics';

export interface PickOption {
  id: string;
  label: string;
}

/**
 * Search a contact by name, e-mail, phone or company and pick one. A failed search says so: shown as
 * "No contact found." it reads as "we hold nothing on this person", wrong for an access request (GDPR Art. 15).
 */
export function ContactPicker({
  onSearch,
  onPick,
  label,
  name = 'pick-contact',
}: {
  onSearch: (q: string) => Promise<PickOption[]>;
  onPick: (o: PickOption) => void;
  label?: string;
  /** the input's name (the call check keeps its own, `call-contact-search`) */
  name?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PickOption[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  // The query the list (or the failure) answers. Until the newest query's answer is in, neither the old list
  // nor "No contact found." may show: on the rights page that would read as "we hold nothing on this person".
  const [answered, setAnswered] = useState('');
  const seq = useRef(0);
  async function search(value: string) {
    setQ(value);
    // Only the newest query may set the list: an older, slower answer is dropped.
    const mine = ++seq.current;
    try {
      const found = value.trim().length >= 2 ? await onSearch(value) : [];
      if (mine !== seq.current) return;
      setOptions(found);
      setFailed(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setOptions([]);
      setFailed(e instanceof Error ? e.message : String(e));
    }
    setAnswered(value);
  }
  const searching = q.trim().length >= 2 && answered !== q;
  return (
    <div class="picker">
      <TextField label={label ?? t('pickContact')} type="search" value={q} onValue={(v) => void search(v)} name={name} />
      {failed !== null && q.trim().length >= 2 && !searching ? (
        <Notice kind="error">{t('pickSearchFailed', failed)}</Notice>
      ) : options.length > 0 ? (
        <ul class="picklist" aria-label={t('pickResults')}>
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  seq.current++; // a search still under way must not reopen the list after the pick
                  onPick(o);
                  setOptions([]);
                  setFailed(null);
                  setQ('');
                  setAnswered('');
                }}
              >
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      ) : searching ? (
        // (The previous list stays while the next query runs, so the rep can still pick from it.)
        <p class="muted" role="status">
          {t('pickSearching')}
        </p>
      ) : q.trim().length >= 2 ? (
        <p class="muted">{t('pickNoResults')}</p>
      ) : null}
    </div>
  );
}
