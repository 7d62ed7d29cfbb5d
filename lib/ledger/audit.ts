import type { LedgerDb } from './db';
import type { AuditEntry } from '../model/audit';
import { sha256Hex } from './sha256';

// The audit log is append-only and hash-chained: each entry's hash covers the previous entry's hash and
// the entry itself, so editing or deleting any entry breaks every hash after it and `verifyAuditChain` says where.

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hashOfEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, contactId, detail, prevHash } = entry;
  return sha256Hex(prevHash + canonicalJson({ seq, at, actor, action, contactId, detail }));
}

export interface AuditInput {
  actor: string;
  action: string;
  contactId?: string;
  detail?: Record<string, unknown>;
}

/** The kv row that remembers the chain's head, so deleting the newest entries is detected too. */
export const AUDIT_HEAD_KEY = 'audit-head';
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Appends one entry. Call inside a read-write transaction that includes the audit and kv tables. */
export async function appendAudit(db: LedgerDb, input: AuditInput, at: string): Promise<AuditEntry> {
  const audit = db.audit;
  const last = await audit.orderBy('seq').last();
  const base: Omit<AuditEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at,
    actor: input.actor,
    action: input.action,
    ...(input.contactId ? { contactId: input.contactId } : {}),
    detail: JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...base, hash: hashOfEntry(base) };
  await audit.add(entry);
  await db.kv.put({ key: AUDIT_HEAD_KEY, value: { seq: entry.seq, hash: entry.hash } satisfies AuditHead });
  return entry;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  brokenAtSeq?: number;
  problem?: string;
}

/** Checks a whole chain in sequence order; names the first entry that was edited, removed or reordered. */
export function verifyAuditChain(entries: readonly AuditEntry[], head?: AuditHead, startHash = GENESIS_HASH, startSeq = 1): AuditVerifyResult {
  let prev = startHash;
  let expectSeq = startSeq;
  for (const e of entries) {
    if (e.seq !== expectSeq) {
      return {
        ok: false,
        count: entries.length,
        brokenAtSeq: expectSeq,
        problem: e.seq > expectSeq ? `Entry ${expectSeq} is missing (deleted) before entry ${e.seq}.` : `Entry ${e.seq} is out of order.`,
      };
    }
    if (e.prevHash !== prev) {
      return { ok: false, count: entries.length, brokenAtSeq: e.seq, problem: `Entry ${e.seq} does not follow the entry before it (an entry was removed or changed).` };
    }
    const { hash: _h, ...rest } = e;
    if (hashOfEntry(rest) !== e.hash) {
      return { ok: false, count: entries.length, brokenAtSeq: e.seq, problem: `Entry ${e.seq} was changed after it was written.` };
    }
    prev = e.hash;
    expectSeq++;
  }
  if (head && (head.seq !== expectSeq - 1 || head.hash !== prev)) {
    return {
      ok: false,
      count: entries.length,
      brokenAtSeq: Math.min(head.seq, expectSeq),
      problem: head.seq > expectSeq - 1 ? `The newest entries after ${expectSeq - 1} were deleted (the log had ${head.seq}).` : 'The end of the log does not match its recorded head.',
    };
  }
  return { ok: true, count: entries.length };
}
