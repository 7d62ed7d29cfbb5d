import { z } from 'zod';

// A product of the organisation's catalogue (Settings); the rules engine finds them in a draft.

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
