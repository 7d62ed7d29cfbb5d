import { useRef, useState } from 'preact/hooks';
import { formatDate, formatNumber, useI18n } from '@/components/i18n';
import { Loading, Notice } from '@/components/ui/basics';
import { ask, errorText, type ResultOf } from '../app/api';
import { useLoad } from '../app/hooks';
import { href } from '../app/routes';

const PAGE = 100;

/** Profiles saved from LinkedIn with the save button, newest first. */
export function MyListPage() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<ResultOf<'mylist/list'>['items']>([]);
  const { data, error, loading } = useLoad(async () => {
    const first = await ask({ type: 'mylist/list', offset: 0, limit: PAGE });
    setItems(first.items);
    return first;
  });
  const [more, setMore] = useState<string | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const fetching = useRef(false); // also blocks a second click that lands before the re-render

  if (error) return <Notice kind="error">{error}</Notice>;
  if (loading && !data) return <Loading />;
  const total = data?.total ?? 0;
  return (
    <>
      <h1 tabIndex={-1}>{t('navMyList')}</h1>
      <p class="muted">{t('myListIntro')}</p>
      <p role="status">{t('myListCount', formatNumber(lang, total))}</p>
      {items.length === 0 ? (
        <p>{t('myListEmpty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('contactName')}</th>
                <th scope="col">{t('companyName')}</th>
                <th scope="col">{t('myListSaved')}</th>
                <th scope="col">{t('contactBases')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href('contacts', p.id)}>{p.name}</a>
                    {p.headline ? <div class="muted">{p.headline}</div> : null}
                    {p.restrictedVisibility ? <span class="tag tag-warn">{t('myListRestricted')}</span> : null}
                  </td>
                  <td>{p.company ?? '—'}</td>
                  <td>{formatDate(lang, p.savedAt)}</td>
                  <td>{p.basisTypes.length ? p.basisTypes.map((b) => t(`basis_${b}`)).join(', ') : <span class="tag tag-warn">{t('basisNoProvable')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <Notice kind="error">{more}</Notice> : null}
      {items.length < total ? (
        <button
          type="button"
          // one page at a time: a double click would otherwise append the same page twice
          disabled={loadingMore}
          onClick={async () => {
            if (fetching.current) return;
            fetching.current = true;
            setLoadingMore(true);
            setMore(undefined);
            try {
              const next = await ask({ type: 'mylist/list', offset: items.length, limit: PAGE });
              setItems([...items, ...next.items]);
            } catch (e) {
              setMore(errorText(e));
            } finally {
              fetching.current = false;
              setLoadingMore(false);
            }
          }}
        >
          {t('actionLoadMore')}
        </button>
      ) : null}
    </>
  );
}
