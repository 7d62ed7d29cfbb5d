import { z } from 'zod';
import { KV_STATUS, type TeamStore } from './store';

// How the team's sync runs went, kept in the store's kv table beside the entries: the team page shows it,
// and the back-off after failures reads it.

const statusRecordSchema = z.object({
  lastSyncAt: z.string().nullable().default(null),
  lastAttemptAt: z.string().nullable().default(null),
  lastError: z.object({ code: z.string(), nl: z.string(), en: z.string(), at: z.string(), detail: z.string().optional() }).nullable().default(null),
  consecutiveFailures: z.number().default(0),
  nextAttemptAt: z.string().nullable().default(null),
  /** blinded ids of documents that did not decrypt (tampered or written under another key) */
  ignoredIds: z.array(z.string()).default([]),
  /** uploads the server refused for good (its validation said no) */
  rejectedUploads: z.number().default(0),
  lastRun: z
    .object({ pulled: z.number(), pushed: z.number(), durationMs: z.number(), pages: z.number(), fetchWaitMs: z.number(), decryptMs: z.number(), storeWaitMs: z.number() })
    .nullable()
    .default(null),
});
export type StatusRecord = z.infer<typeof statusRecordSchema>;

export interface TeamStatus {
  inTeam: boolean;
  role: 'lead' | 'rep' | null;
  serverUrl: string | null;
  db: string | null;
  username: string | null;
  lastSyncAt: string | null;
  entries: number;
  pendingUploads: number;
  ignoredEntries: number;
  rejectedUploads: number;
  lastError: { code: string; nl: string; en: string; at: string } | null;
  nextAttemptAt: string | null;
  /** the last successful run: how much it moved and where its time went */
  lastRun: { pulled: number; pushed: number; durationMs: number; pages: number; fetchWaitMs: number; decryptMs: number; storeWaitMs: number } | null;
}

/** Reads and updates the status record; a record that does not parse reads as a fresh one. */
export function statusRecords(store: TeamStore) {
  async function readStatus(): Promise<StatusRecord> {
    const parsed = statusRecordSchema.safeParse((await store.getKv(KV_STATUS)) ?? {});
    return parsed.success ? parsed.data : statusRecordSchema.parse({});
  }

  async function writeStatus(update: Partial<StatusRecord>) {
    await store.setKv(KV_STATUS, { ...(await readStatus()), ...update });
  }

  return { readStatus, writeStatus };
}

export type StatusRecords = ReturnType<typeof statusRecords>;
