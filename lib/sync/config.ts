import { z } from 'zod';
import { browser } from 'wxt/browser';
import { teamKeySchema } from './crypto';
import { couchDbNameSchema, serverUrlSchema } from './invite';

// The team's secrets (team key, server password) are for trusted contexts only. storage.local is
// readable and writable by every content script (its default access level), so a script in a LinkedIn
// page could read the key or remove it and silently switch the team list off. They live in the
// extension's own IndexedDB instead, which only the background opens.

export const teamConfigSchema = z.object({
  v: z.literal(1),
  serverUrl: serverUrlSchema,
  db: couchDbNameSchema,
  teamKey: teamKeySchema,
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
  role: z.enum(['lead', 'rep']),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

export interface TeamConfigStorage {
  get(): Promise<TeamConfig | null>;
  set(config: TeamConfig): Promise<void>;
  clear(): Promise<void>;
}

/** Where versions before this one kept the configuration (storage.local, key `teamConfig`). */
export const LEGACY_CONFIG_KEY = 'teamConfig';
/** The kv row of the ledger database that holds it now. */
export const KV_CONFIG = 'teamConfig';

/** The configuration still in storage.local from an older version, validated (null when none or damaged). */
export async function legacyTeamConfig(): Promise<TeamConfig | null> {
  const raw = (await browser.storage.local.get(LEGACY_CONFIG_KEY))[LEGACY_CONFIG_KEY];
  const parsed = teamConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
