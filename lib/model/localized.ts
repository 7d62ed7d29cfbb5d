import { z } from 'zod';

/** A text the user reads, in Dutch and English. */
export const localizedSchema = z.object({ nl: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;
