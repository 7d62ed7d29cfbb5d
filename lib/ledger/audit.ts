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

/** Why the chain fails: the page words each in Dutch and English (`problem` keeps the English for exports). */
export type AuditProblemCode =
  | 'missing'
  | 'out-of-order'
  | 'unlinked'
  | 'changed'
  | 'tail-deleted'
  | 'head-mismatch'
  | 'anchor-changed'
  | 'anchor-missing'
  | 'anchor-range';

/**
 * A copy of the chain at one point, kept where whoever can write this device's database cannot change it:
 * on the team server (`server`), as the device's own copy of what it sent there (`local`), or a head the
 * rep kept elsewhere and typed in (`kept`). `fingerprints` are the first FINGERPRINT_CHARS of the hash of
 * every entry `from`…`seq`, so a mismatch names the exact entry; a kept head has none and only narrows it down.
 */
export interface AuditAnchor {
  from: number;
  seq: number;
  hash: string;
  /** when the entry at `seq` was written */
  at: string;
  /** when the anchor was made */
  anchoredAt: string;
  fingerprints: readonly string[];
  where: 'server' | 'local' | 'kept';
}

/** Enough of every entry's hash that no one can find another entry with the same start (64 bits). */
export const FINGERPRINT_CHARS = 16;

export function fingerprintOf(hash: string): string {
  return hash.slice(0, FINGERPRINT_CHARS);
}

/** The chain's newest entry: what an anchor, an export and the access report record. */
export interface AuditHeadInfo {
  seq: number;
  hash: string;
  at: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  brokenAtSeq?: number;
  problem?: string;
  code?: AuditProblemCode;
  /** the first entry that no longer matches, as it is stored now (absent when it was deleted) */
  entry?: { seq: number; at: string; action: string };
  /** for a mismatch with an anchor: the anchor that caught it */
  anchor?: { seq: number; anchoredAt: string; where: AuditAnchor['where'] };
  /** for a kept head without fingerprints: the change lies after this entry (and at or before brokenAtSeq) */
  afterSeq?: number;
  /** how many anchors were compared, and the newest entry they cover */
  anchors?: { checked: number; coveredToSeq: number; lastAnchoredAt: string };
}

interface ChainBreak {
  seq: number;
  code: AuditProblemCode;
  problem: string;
  anchor?: AuditAnchor;
  afterSeq?: number;
}

/** Checks the chain's own links; the first entry that was edited, removed or reordered. */
function chainBreak(entries: readonly AuditEntry[], head: AuditHead | undefined, startHash: string, startSeq: number): ChainBreak | null {
  let prev = startHash;
  let expectSeq = startSeq;
  for (const e of entries) {
    if (e.seq !== expectSeq) {
      return e.seq > expectSeq
        ? { seq: expectSeq, code: 'missing', problem: `Entry ${expectSeq} is missing (deleted) before entry ${e.seq}.` }
        : { seq: expectSeq, code: 'out-of-order', problem: `Entry ${e.seq} is out of order.` };
    }
    if (e.prevHash !== prev) {
      return { seq: e.seq, code: 'unlinked', problem: `Entry ${e.seq} does not follow the entry before it (an entry was removed or changed).` };
    }
    const { hash: _h, ...rest } = e;
    if (hashOfEntry(rest) !== e.hash) return { seq: e.seq, code: 'changed', problem: `Entry ${e.seq} was changed after it was written.` };
    prev = e.hash;
    expectSeq++;
  }
  if (head && (head.seq !== expectSeq - 1 || head.hash !== prev)) {
    return head.seq > expectSeq - 1
      ? { seq: expectSeq, code: 'tail-deleted', problem: `The newest entries after ${expectSeq - 1} were deleted (the log had ${head.seq}).` }
      : { seq: Math.min(head.seq, expectSeq), code: 'head-mismatch', problem: 'The end of the log does not match its recorded head.' };
  }
  return null;
}

/**
 * Compares the chain with every anchor. An attacker who edits an entry and recomputes every later hash
 * passes chainBreak, but not an anchor made before the edit: its fingerprint of that entry differs.
 */
function anchorBreak(bySeq: ReadonlyMap<number, AuditEntry>, anchors: readonly AuditAnchor[]): ChainBreak | null {
  let first: ChainBreak | null = null;
  const note = (b: ChainBreak) => {
    if (!first || b.seq < first.seq) first = b;
  };
  // Kept heads carry no fingerprints: the newest kept or fingerprinted anchor that still matches below one bounds the range.
  const matchingSeqs: number[] = [];
  for (const a of anchors) {
    if (a.fingerprints.length === 0) continue;
    let broken = false;
    for (let i = 0; i < a.fingerprints.length; i++) {
      const seq = a.from + i;
      const e = bySeq.get(seq);
      if (!e) {
        note({ seq, code: 'anchor-missing', problem: `Entry ${seq} was deleted after it was anchored (${a.anchoredAt}).`, anchor: a });
        broken = true;
        break;
      }
      if (fingerprintOf(e.hash) !== a.fingerprints[i]) {
        note({ seq, code: 'anchor-changed', problem: `Entry ${seq} no longer matches its anchor of ${a.anchoredAt}: it was changed after it was anchored.`, anchor: a });
        broken = true;
        break;
      }
    }
    if (!broken && bySeq.get(a.seq)?.hash === a.hash) matchingSeqs.push(a.seq);
  }
  for (const a of anchors) {
    if (a.fingerprints.length !== 0) continue;
    const e = bySeq.get(a.seq);
    if (e?.hash === a.hash) {
      matchingSeqs.push(a.seq);
      continue;
    }
    const afterSeq = Math.max(0, ...matchingSeqs.filter((s) => s < a.seq));
    note({
      seq: a.seq,
      code: e ? 'anchor-range' : 'anchor-missing',
      problem: e ? `An entry after ${afterSeq} and up to ${a.seq} was changed after the head of ${a.anchoredAt} was kept.` : `Entry ${a.seq} was deleted after its head was kept (${a.anchoredAt}).`,
      anchor: a,
      afterSeq,
    });
  }
  return first;
}

/**
 * Checks a whole chain in sequence order against its recorded head and every anchor; names the first entry
 * that was edited, removed or reordered, or that no longer matches an anchor.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  head?: AuditHead,
  startHash = GENESIS_HASH,
  startSeq = 1,
  anchors: readonly AuditAnchor[] = [],
): AuditVerifyResult {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const own = chainBreak(entries, head, startHash, startSeq);
  const anchored = anchors.length ? anchorBreak(bySeq, anchors) : null;
  const summary = anchors.length
    ? { anchors: { checked: anchors.length, coveredToSeq: Math.max(...anchors.map((a) => a.seq)), lastAnchoredAt: anchors.map((a) => a.anchoredAt).sort().at(-1)! } }
    : {};
  const first = own && (!anchored || own.seq <= anchored.seq) ? own : anchored;
  if (!first) return { ok: true, count: entries.length, ...summary };
  const e = bySeq.get(first.seq);
  return {
    ok: false,
    count: entries.length,
    brokenAtSeq: first.seq,
    problem: first.problem,
    code: first.code,
    ...(e ? { entry: { seq: e.seq, at: e.at, action: e.action } } : {}),
    ...(first.anchor ? { anchor: { seq: first.anchor.seq, anchoredAt: first.anchor.anchoredAt, where: first.anchor.where } } : {}),
    ...(first.afterSeq !== undefined ? { afterSeq: first.afterSeq } : {}),
    ...summary,
  };
}

/** The fingerprints of entries `from`…`to` (in order) for an anchor; null when one is missing. */
export function anchorOf(entries: readonly AuditEntry[], from: number, anchoredAt: string, where: AuditAnchor['where']): AuditAnchor | null {
  if (entries.length === 0 || entries[0]!.seq !== from) return null;
  for (let i = 1; i < entries.length; i++) if (entries[i]!.seq !== from + i) return null;
  const last = entries[entries.length - 1]!;
  return { from, seq: last.seq, hash: last.hash, at: last.at, anchoredAt, fingerprints: entries.map((e) => fingerprintOf(e.hash)), where };
}
