import { z } from 'zod';
import { isoDate, text } from './fields';
import { productSchema, type ProductInput } from './products';
import { rulePolicySchema } from './rule-policy';

// The organisation's settings: repaired on read with these defaults, so an older or damaged record still loads.

export const disclosureTemplateSchema = z.object({
  id: text(100),
  language: z.enum(['nl', 'en']),
  channel: z.enum(['email', 'linkedin', 'call']),
  text: text(5000),
});

export const settingsSchema = z.object({
  organisation: z
    .object({
      legalName: text(300).default(''),
      contact: text(1000).default(''),
      privacyUrl: text(2000).default(''),
      optOutMethod: text(1000).default(''),
      dpo: text(500).default(''),
      country: z.string().regex(/^[A-Z]{2}$/).default('NL'),
      /** charity, charity lottery or press publisher (NL-TM-02 after the cut-over) */
      exempt2026: z.boolean().default(false),
    })
    .default({ legalName: '', contact: '', privacyUrl: '', optOutMethod: '', dpo: '', country: 'NL', exempt2026: false }),
  policy: z
    .object({
      mode: z.enum(['strict', 'lenient']).default('strict'),
      consentMaxAgeMonths: z.number().int().min(1).max(600).default(24),
      retentionMonths: z.number().int().min(1).max(600).default(12),
      telemarketingCutover: isoDate.default('2026-07-01'),
      overridesAllowed: z.boolean().default(true),
      overrideNeedsReason: z.boolean().default(true),
      /** per rule code: block | override (with a justification) | warn; codes left out allow an override with a reason */
      rules: rulePolicySchema.default({}),
    })
    .default({
      mode: 'strict',
      consentMaxAgeMonths: 24,
      retentionMonths: 12,
      telemarketingCutover: '2026-07-01',
      overridesAllowed: true,
      overrideNeedsReason: true,
      rules: {},
    }),
  /** the organisation's product catalogue: what a draft is about (consent scope, the customer exception) */
  products: z.array(productSchema).max(500).default([]),
  language: z.enum(['auto', 'nl', 'en']).default('auto'),
  rep: z.object({ name: text(300).default(''), email: text(320).default('') }).default({ name: '', email: '' }),
  disclosureTemplates: z.array(disclosureTemplateSchema).max(50).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type CatalogueProduct = z.infer<typeof productSchema>;
export type CatalogueProductInput = ProductInput;
