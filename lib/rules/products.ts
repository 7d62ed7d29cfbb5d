import { z } from 'zod';
import { productSchema, type Product, type ProductInput } from '../model/products';

// The organisation's product catalogue (Settings): the engine finds which products a draft is about, so a
// consent's scope is compared by product and the customer exception by category (Tw 11.7 lid 4-5: "own
// similar products"; GDPR Art. 4(11): consent is specific).

export { productSchema, type Product, type ProductInput };

/** A catalogue product the draft is about, and the word in the draft that named it. */
export const productRefSchema = z.object({
  name: z.string(),
  category: z.string(),
  legalEntity: z.string(),
  /** the name or alias found in the draft; absent when the rep picked the product */
  matchedOn: z.string().optional(),
});
export type ProductRef = z.infer<typeof productRefSchema>;

const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Lower case, punctuation as single spaces, padded: "PlanPro-app" → " planpro app ". */
function words(s: string): string {
  return ` ${s.toLowerCase().replace(NON_WORD, ' ').trim()} `;
}

/**
 * The catalogue products a text names, by name or alias as whole words (so "plan" does not match "planning").
 * Order follows the catalogue; each product once.
 */
export function findProducts(text: string, catalogue: readonly Product[]): ProductRef[] {
  if (catalogue.length === 0 || !text) return [];
  const hay = words(text);
  const out: ProductRef[] = [];
  for (const p of catalogue) {
    for (const term of [p.name, ...p.aliases]) {
      const w = words(term);
      if (w.trim().length < 2) continue;
      if (hay.includes(w)) {
        out.push({ name: p.name.trim(), category: p.category, legalEntity: p.legalEntity, matchedOn: term.trim() });
        break;
      }
    }
  }
  return out;
}

/** The catalogue entries the rep picked by name (unknown names are kept as products without a category). */
export function pickedProducts(names: readonly string[], catalogue: readonly Product[]): ProductRef[] {
  const out: ProductRef[] = [];
  for (const n of names) {
    const key = words(n);
    if (key.trim().length === 0) continue;
    const p = catalogue.find((c) => words(c.name) === key || c.aliases.some((a) => words(a) === key));
    out.push(p ? { name: p.name.trim(), category: p.category, legalEntity: p.legalEntity } : { name: n.trim(), category: '', legalEntity: '' });
  }
  return out;
}
