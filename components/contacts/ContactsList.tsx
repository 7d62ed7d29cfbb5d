import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, useI18n } from '../i18n';
import { VirtualList } from '../ui/VirtualList';
import { Checkbox, SelectField, TextField } from '../ui/basics';

/** One line of the contacts list, as small as the list needs (100 000 of them may be on hand). */
export interface ContactRow {
  id: string;
  name: string;
  company?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  bases: string[];
  source?: string | undefined;
  objected: boolean;
  firstContactPending: boolean;
  art14Overdue: boolean;
}

export interface ContactFilters {
  query: string;
  basis: '' | 'consent' | 'customer' | 'legitimate_interest' | 'contract_request' | 'none';
  source: string;
  objection: '' | 'yes' | 'no';
  firstContactPending: boolean;
  art14Overdue: boolean;
}

export const emptyFilters: ContactFilters = { query: '', basis: '', source: '', objection: '', firstContactPending: false, art14Overdue: false };

export const basisKinds = ['consent', 'customer', 'legitimate_interest', 'contract_request'] as const;
export const sourceKinds = ['linkedin', 'website', 'kvk', 'referral', 'data_vendor', 'event', 'inbound', 'colleague', 'import', 'other'] as const;

export function ContactFiltersBar({ filters, onChange }: { filters: ContactFilters; onChange: (f: ContactFilters) => void }) {
  const { t } = useI18n();
  const set = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <div class="toolbar" role="search">
      <div class="grow">
        <TextField label={t('contactsSearch')} type="search" value={filters.query} onValue={(v) => set('query', v)} name="contacts-search" />
      </div>
      <SelectField<ContactFilters['basis']>
        label={t('filterBasis')}
        value={filters.basis}
        onValue={(v) => set('basis', v)}
        options={[{ value: '', label: t('filterAny') }, ...basisKinds.map((b) => ({ value: b, label: t(`basis_${b}`) })), { value: 'none', label: t('basisNone') }]}
      />
      <SelectField<string>
        label={t('filterSource')}
        value={filters.source}
        onValue={(v) => set('source', v)}
        options={[{ value: '', label: t('filterAny') }, ...sourceKinds.map((s) => ({ value: s, label: t(`source_${s}`) }))]}
      />
      <SelectField<ContactFilters['objection']>
        label={t('filterObjection')}
        value={filters.objection}
        onValue={(v) => set('objection', v)}
        options={[
          { value: '', label: t('filterAny') },
          { value: 'yes', label: t('filterObjected') },
          { value: 'no', label: t('filterNotObjected') },
        ]}
      />
      <Checkbox label={t('filterFirstContactPending')} checked={filters.firstContactPending} onChecked={(v) => set('firstContactPending', v)} />
      <Checkbox label={t('filterArt14Overdue')} checked={filters.art14Overdue} onChecked={(v) => set('art14Overdue', v)} />
    </div>
  );
}

/** The list height follows the window so the whole screen is used (and stays windowed). */
function useListHeight(min = 240): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(480);
  useEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 200;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - 24)));
    };
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, []);
  return [ref, height];
}

export function ContactsList({
  total,
  rowAt,
  onRange,
  onOpen,
}: {
  total: number;
  rowAt: (index: number) => ContactRow | undefined;
  onRange: (start: number, end: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const [ref, height] = useListHeight();
  return (
    <div ref={ref}>
      <p class="muted" role="status" aria-live="polite" data-testid="contacts-count">
        {t('contactsCount', formatNumber(lang, total))}
      </p>
      {total === 0 ? (
        <p>{t('contactsNone')}</p>
      ) : (
        <VirtualList
          count={total}
          rowHeight={48}
          height={height}
          label={t('navContacts')}
          idPrefix="contact"
          onRange={onRange}
          onActivate={(i) => {
            const row = rowAt(i);
            if (row) onOpen(row.id);
          }}
          renderRow={(i) => {
            const row = rowAt(i);
            if (!row) return <span class="muted">…</span>;
            return (
              <>
                <span class="crow-name">
                  {row.name}
                  {row.company ? <span class="muted"> · {row.company}</span> : null}
                </span>
                <span class="crow-meta">{[row.email, row.phone].filter(Boolean).join(' · ')}</span>
                <span class="crow-tags">
                  {row.bases.length === 0 ? <span class="tag tag-warn">{t('basisNone')}</span> : row.bases.map((b) => <span key={b} class="tag">{t(`basis_${b}`)}</span>)}
                  {row.objected ? <span class="tag tag-block">{t('tagObjected')}</span> : null}
                  {row.art14Overdue ? <span class="tag tag-warn">{t('tagArt14Overdue')}</span> : null}
                  {row.firstContactPending ? <span class="tag">{t('tagFirstContactPending')}</span> : null}
                </span>
              </>
            );
          }}
        />
      )}
    </div>
  );
}
