import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, useI18n } from '../i18n';
import { VirtualList } from '../ui/VirtualList';
import { Checkbox, SelectField, TextField } from '../ui/basics';
import type { ContactFilters, ContactSummary } from '@/lib/messaging/management-contacts';
import { sourceSchema } from '@/lib/rules/input';

export type ContactRow = ContactSummary;

/** The filter bar's state; the page turns it into the protocol's ContactFilters. */
export interface ContactFilterState {
  query: string;
  basis: string;
  source: string;
  objection: '' | 'yes' | 'no';
  firstContactPending: boolean;
  art14Passed: boolean;
}

export const emptyFilters: ContactFilterState = { query: '', basis: '', source: '', objection: '', firstContactPending: false, art14Passed: false };

/** Kept in step with lib/model/basis.ts by tests/unit/ui/i18n.test.ts. */
export const basisKinds = [
  'consent',
  'customer',
  'legitimate_interest',
  'contract_request',
  'inbound_request',
  'referral',
  'met_in_person',
  'prior_contact',
  'introduced',
  'newsletter_subscriber',
  'linkedin_connection',
  'public_request',
  'public_source',
  'none',
] as const;
/** The rules engine's source kinds (docs/research/legal-rules.md §5): one list, so a new source shows up in every picker. */
export const sourceKinds = sourceSchema.options;

export function toProtocolFilters(f: ContactFilterState): ContactFilters {
  return {
    ...(f.basis ? { basis: f.basis } : {}),
    ...(f.source ? { source: f.source as ContactFilters['source'] } : {}),
    ...(f.objection ? { objection: f.objection === 'yes' } : {}),
    ...(f.firstContactPending ? { firstContactPending: true } : {}),
    ...(f.art14Passed ? { art14Passed: true } : {}),
  };
}

export function ContactFiltersBar({ filters, onChange }: { filters: ContactFilterState; onChange: (f: ContactFilterState) => void }) {
  const { t } = useI18n();
  const set = <K extends keyof ContactFilterState>(key: K, value: ContactFilterState[K]) => onChange({ ...filters, [key]: value });
  return (
    <div class="toolbar" role="search">
      <div class="grow">
        <TextField label={t('contactsSearch')} type="search" value={filters.query} onValue={(v) => set('query', v)} name="contacts-search" />
      </div>
      <SelectField<string>
        label={t('filterBasis')}
        value={filters.basis}
        onValue={(v) => set('basis', v)}
        options={[
          { value: '', label: t('filterAny') },
          { value: 'no_provable_basis', label: t('basisNoProvable') },
          ...basisKinds.map((b) => ({ value: b, label: t(`basis_${b}`) })),
        ]}
      />
      <SelectField<string>
        label={t('filterSource')}
        value={filters.source}
        onValue={(v) => set('source', v)}
        options={[{ value: '', label: t('filterAny') }, ...sourceKinds.map((s) => ({ value: s, label: t(`source_${s}`) }))]}
      />
      <SelectField<ContactFilterState['objection']>
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
      <Checkbox label={t('filterArt14Passed')} checked={filters.art14Passed} onChecked={(v) => set('art14Passed', v)} />
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
                  {row.basisTypes.length === 0 ? (
                    <span class="tag tag-warn">{t('basisNoProvable')}</span>
                  ) : (
                    row.basisTypes.slice(0, 2).map((b) => (
                      <span key={b} class="tag">
                        {t(`basis_${b}`)}
                      </span>
                    ))
                  )}
                  {row.objection ? <span class="tag tag-block">{t('tagObjected')}</span> : null}
                  {row.art14Passed ? <span class="tag tag-warn">{t('tagArt14Passed')}</span> : null}
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
