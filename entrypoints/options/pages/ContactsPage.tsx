import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { ContactFiltersBar, ContactsList, emptyFilters, toProtocolFilters, type ContactFilterState, type ContactRow } from '@/components/contacts/ContactsList';
import { Notice } from '@/components/ui/basics';
import { ask, errorText } from '../app/api';
import { href } from '../app/routes';

// Two screenfuls: small enough that the first answer is quick, large enough that scrolling rarely waits.
const BLOCK = 100;

/**
 * The contacts list. Rows come from the background in blocks of 200 as they scroll into view, so the
 * first screen needs one request however many contacts there are; a keystroke starts a new result set.
 */
export function ContactsPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<ContactFilterState>(emptyFilters);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [, setVersion] = useState(0);
  const blocks = useRef(new Map<number, ContactRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  // One search in flight at a time; keystrokes typed meanwhile collapse into the latest (a slow query on a
  // large ledger must not pile up one request per character in the background).
  const searching = useRef(false);
  const nextSearch = useRef<(() => Promise<void>) | null>(null);

  async function latestOnly(task: () => Promise<void>) {
    if (searching.current) {
      nextSearch.current = task;
      return;
    }
    searching.current = true;
    try {
      await task();
    } finally {
      searching.current = false;
      const next = nextSearch.current;
      nextSearch.current = null;
      if (next) void latestOnly(next);
    }
  }

  async function fetchBlock(block: number, gen: number) {
    if (blocks.current.has(block) || pending.current.has(block)) return;
    pending.current.add(block);
    try {
      const result = await ask({
        type: 'contacts/list',
        query: filters.query,
        filters: toProtocolFilters(filters),
        offset: block * BLOCK,
        limit: BLOCK,
      });
      if (gen !== generation.current) return; // an older search answered late
      blocks.current.set(block, result.items);
      setTotal(result.total);
      setError(undefined);
      setVersion((v) => v + 1);
    } catch (e) {
      if (gen === generation.current) setError(errorText(e));
    } finally {
      pending.current.delete(block);
    }
  }

  useEffect(() => {
    const gen = ++generation.current;
    blocks.current = new Map();
    pending.current = new Set();
    void latestOnly(() => fetchBlock(0, gen));
  }, [filters]);

  const rowAt = (i: number) => blocks.current.get(Math.floor(i / BLOCK))?.[i % BLOCK];
  const onRange = (start: number, end: number) => {
    for (let b = Math.floor(start / BLOCK); b <= Math.floor(Math.max(start, end - 1) / BLOCK); b++) void fetchBlock(b, generation.current);
  };

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>{t('navContacts')}</h1>
        <a class="button primary" href={href('contacts', 'new')}>
          {t('contactsAdd')}
        </a>
      </div>
      <ContactFiltersBar filters={filters} onChange={setFilters} />
      {error ? <Notice kind="error">{error}</Notice> : null}
      {total === null && !error ? <p role="status">{t('loading')}</p> : null}
      {total !== null ? <ContactsList total={total} rowAt={rowAt} onRange={onRange} onOpen={(id) => (location.hash = href('contacts', id))} /> : null}
    </>
  );
}
