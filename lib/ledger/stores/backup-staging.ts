import type { Assessment } from '../../model/assessment';
import type { AuditEntry } from '../../model/audit';
import type { BasisRecord } from '../../model/basis';
import type { Contact } from '../../model/contact';
import type { EvidenceRow } from '../../model/evidence';
import type { LedgerEvent } from '../../model/event';
import type { Settings } from '../../model/settings';
import type { SuppressionRow } from '../../model/suppression';

// What a restore in chunks stages and keeps (lib/ledger/stores/backup-restore.ts runs it): the shape of a
// backup part, the restore record with its cursor, and where each staged chunk lives in the kv table.

/** The staged tables, in the order they are written (the audit chain first: later writes append to it). */
export const STAGED_TABLES = ['audit', 'assessments', 'suppressions', 'contacts', 'bases', 'evidence', 'events'] as const;
export type StagedTable = (typeof STAGED_TABLES)[number];

/** One part of a backup, checked record by record (contacts carry their provenance rows). */
export interface BackupPartData {
  backupId: string;
  part: number;
  /** the part that closes the backup (a single-file backup is part 1 and last) */
  last: boolean;
  /** counts of the whole backup, in the last part: every part must be there, none twice */
  totals?: Record<string, number>;
  settings?: Settings;
  rows: {
    audit: AuditEntry[];
    assessments: Assessment[];
    suppressions: SuppressionRow[];
    contacts: Contact[];
    bases: BasisRecord[];
    evidence: EvidenceRow[];
    events: LedgerEvent[];
  };
}

/** 'failed' is never stored: a refused restore leaves no record (RestoreStore.status reports it). */
export type RestoreState = 'staging' | 'checking' | 'applying' | 'done' | 'failed';
export type Phase = 'apply' | 'derive' | 'finish';

export interface RestoreRecord {
  id: string;
  mode: 'merge' | 'replace';
  backupId: string;
  state: RestoreState;
  received: number[];
  lastPart?: number;
  totals?: Record<string, number>;
  /** rows staged per table (provenance counted apart) */
  staged: Record<string, number>;
  chunks: number;
  settings?: Settings;
  phase?: Phase;
  /** key of the last staged chunk written in this phase */
  cursor?: string;
  cleared?: boolean;
  /** backup contact id → ledger contact id, where they differ or the contact merges into a stored one */
  remap?: Record<string, string>;
  added?: number;
  counts?: Record<string, number>;
  done: number;
  total: number;
  result?: Record<string, number>;
  startedAt: string;
}

export const RESTORE_KEY = 'backup-restore';
export const STAGE_PREFIX = 'backup-restore/';
const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const tablePrefix = (id: string, table: StagedTable) => `${STAGE_PREFIX}${id}/${STAGED_TABLES.indexOf(table)}/`;
export const chunkKey = (id: string, table: StagedTable, part: number, n: number) => `${tablePrefix(id, table)}${pad(part, 5)}/${pad(n, 6)}`;
export const END = '\uffff';

export interface StagedChunk {
  part: number;
  /** index of the first row within its part's table (for messages that name a row) */
  start: number;
  rows: unknown[];
}

/** Rows per staged chunk: one transaction writes one chunk (evidence by size, files can be large). */
export const ROWS_PER_CHUNK: Record<StagedTable, number> = { audit: 10_000, assessments: 1000, suppressions: 20_000, contacts: 2500, bases: 10_000, evidence: 1000, events: 10_000 };
export const EVIDENCE_BYTES_PER_CHUNK = 8 * 1024 * 1024;

export function chunksOf(table: StagedTable, rows: readonly unknown[]): { start: number; rows: unknown[] }[] {
  const out: { start: number; rows: unknown[] }[] = [];
  let current: unknown[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = table === 'evidence' ? ((row as EvidenceRow).blob?.size ?? 0) : 0;
    if (current.length && (current.length >= ROWS_PER_CHUNK[table] || bytes + size > EVIDENCE_BYTES_PER_CHUNK)) {
      out.push({ start, rows: current });
      current = [];
      bytes = 0;
      start = i;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length) out.push({ start, rows: current });
  return out;
}
