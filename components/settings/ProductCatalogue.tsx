import type { Settings } from '@/lib/model/settings';
import { useI18n } from '../i18n';
import { TextField } from '../ui/basics';

// The organisation's products: the engine finds which ones a draft is about, compares a consent's scope by
// product and the customer exception by category ("own similar products", Tw 11.7). An entry without a
// name is refused and nothing stored changes.

export interface ProductRow {
  name: string;
  category: string;
  /** comma-separated */
  aliases: string;
  legalEntity: string;
}

export function rowsOfProducts(products: Settings['products']): ProductRow[] {
  return products.map((p) => ({ name: p.name, category: p.category, aliases: p.aliases.join(', '), legalEntity: p.legalEntity }));
}

export function productsOfRows(rows: readonly ProductRow[]): Settings['products'] {
  return rows.map((r) => ({
    name: r.name.trim(),
    category: r.category.trim(),
    aliases: r.aliases
      .split(/[,;\n]+/)
      .map((a) => a.trim())
      .filter(Boolean),
    legalEntity: r.legalEntity.trim(),
  }));
}

/** Row index → message key, for rows that cannot be stored (no name). */
export function validateProducts(rows: readonly ProductRow[]): Record<number, string> {
  const out: Record<number, string> = {};
  rows.forEach((r, i) => {
    if (!r.name.trim()) out[i] = 'errProductName';
  });
  return out;
}

export function ProductCatalogue({
  rows,
  onChange,
  errors,
  defaultEntity,
}: {
  rows: readonly ProductRow[];
  onChange: (rows: ProductRow[]) => void;
  errors: Record<number, string>;
  /** the organisation's legal name, for a new product */
  defaultEntity: string;
}) {
  const { t } = useI18n();
  const setRow = (i: number, patch: Partial<ProductRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset data-testid="product-catalogue">
      <legend>{t('settingsProducts')}</legend>
      <p class="hint">{t('settingsProductsHint')}</p>
      {rows.length === 0 ? <p class="muted">{t('settingsProductsNone')}</p> : null}
      {rows.map((r, i) => (
        <div class="subform" key={i} role="group" aria-label={t('settingsProductN', i + 1)} data-product-row={i}>
          <div class="row-2">
            <TextField label={t('settingsProductName')} value={r.name} onValue={(name) => setRow(i, { name })} error={errors[i] ? t(errors[i]!) : undefined} required />
            <TextField label={t('settingsProductCategory')} hint={t('settingsProductCategoryHint')} value={r.category} onValue={(category) => setRow(i, { category })} />
          </div>
          <div class="row-2">
            <TextField label={t('settingsProductAliases')} hint={t('settingsProductAliasesHint')} value={r.aliases} onValue={(aliases) => setRow(i, { aliases })} />
            <TextField label={t('settingsProductEntity')} value={r.legalEntity} onValue={(legalEntity) => setRow(i, { legalEntity })} />
          </div>
          <button type="button" class="link" aria-label={t('settingsProductRemoveLabel', r.name || String(i + 1))} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('actionDelete')}
          </button>
        </div>
      ))}
      <div class="button-row">
        <button type="button" onClick={() => onChange([...rows, { name: '', category: '', aliases: '', legalEntity: defaultEntity }])}>
          {t('settingsProductAdd')}
        </button>
      </div>
    </fieldset>
  );
}
