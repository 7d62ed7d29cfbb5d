import { z } from 'zod';

// The organisation's product catalogue (Settings): the engine finds which products a draft is about, so a
// consent's scope is compared by product and the customer exception by category (Tw 11.7 lid 4-5: "own
// similar products"; GDPR Art. 4(11): consent is specific).

export const productSchema = z.object({
  name: z
    .string()
    .max(200)
    .refine((s) => s.trim().length > 0, 'A product in the catalogue needs a name.'),
  /** products of the same category are "similar" for the customer exception */
  category: z.string().max(200).default(''),
  /** other words the reps use for it in messages ("planner", "PlanPro") */
  aliases: z.array(z.string().max(200)).max(50).default([]),
  /** the legal entity that sells it (consent and the customer exception are per entity) */
  legalEntity: z.string().max(300).default(''),
});
export type Product = z.infer<typeof productSchema>;
export type ProductInput = z.input<typeof productSchema>;

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
