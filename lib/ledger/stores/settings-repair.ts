import { settingsSchema, type Settings } from '../../model/settings';

/** The settings as stored, validated and repaired: an invalid field falls back to its default, the rest is kept. */
export function repairSettings(raw: unknown): Settings {
  const full = settingsSchema.safeParse(raw ?? {});
  if (full.success) return full.data;
  // Repair field by field: keep every valid part, reset only what is broken.
  const base = settingsSchema.parse({});
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base) as (keyof Settings)[]) {
    const part = settingsSchema.shape[key];
    const value = obj[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof base[key] === 'object' && !Array.isArray(base[key])) {
      const merged: Record<string, unknown> = { ...(base[key] as object) };
      for (const [k, v] of Object.entries(value)) {
        const candidate = { ...merged, [k]: v };
        if (part.safeParse(candidate).success) merged[k] = v;
      }
      out[key] = part.parse(merged);
    } else if (value !== undefined && part.safeParse(value).success) {
      out[key] = part.parse(value);
    }
  }
  return settingsSchema.parse(out);
}
