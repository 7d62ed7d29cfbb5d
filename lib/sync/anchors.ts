import { z } from 'zod';
import { anchorOf, fingerprintOf, FINGERPRINT_CHARS, type AuditAnchor, type AuditHeadInfo } from '../ledger/audit';
import type { AuditEntry } from '../model/audit';
import { CouchClient } from './couch';
import type { TeamConfig, TeamConfigStorage } from './config';
import { blindId, deriveTeamKeys } from './crypto';
import { TeamSyncError } from './errors';

// Audit anchors (issue 14.7): whoever can write this device's database can edit an audit entry and
// recompute every later hash, so the chain alone proves nothing against them. When the rep is in a team,
// the chain's head and the fingerprint of every entry up to it are written to the team server as an
// anchor document that the server's validation function lets nobody change or delete (couch.ts). `verify`
// then compares the chain with those anchors and names the first entry that no longer matches.
// What this does and does not prove: docs/audit-anchors.md.

export const AUDIT_ANCHOR_ALARM = 'audit-anchor';
/** Anchors are made at least this often while the log grows (and at each export). */
export const ANCHOR_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Entries per anchor document: 5 000 fingerprints are about 100 kB, far below CouchDB's document limit. */
export const ANCHOR_CHUNK = 5000;
export const ANCHOR_ID_PREFIX = 'anchor:';
/** Per request: an anchor is at most ~100 kB, so a server that has not answered in 10 s is treated as away. */
const ANCHOR_TIMEOUT_MS = 10_000;

/** An anchor's document id: one per member and entry number, so a second anchor at the same place is refused. */
export function anchorDocId(member: string, seq: number): string {
  return `${ANCHOR_ID_PREFIX}${member}:${String(seq).padStart(12, '0')}`;
}

export function isAnchorId(id: string): boolean {
  return id.startsWith(ANCHOR_ID_PREFIX);
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const iso = z.string().max(40);

/** An anchor as the server keeps it. `member` is a blinded id (HMAC of the username under the team key). */
export const anchorDocSchema = z
  .object({
    _id: z.string().max(100),
    _rev: z.string().optional(),
    v: z.literal(1),
    kind: z.literal('audit-anchor'),
    member: hex64,
    from: z.number().int().min(1),
    seq: z.number().int().min(1),
    hash: hex64,
    at: iso,
    anchoredAt: iso,
    fingerprints: z.array(z.string().regex(new RegExp(`^[0-9a-f]{${FINGERPRINT_CHARS}}$`))).max(ANCHOR_CHUNK),
  })
  .refine((d) => d._id === anchorDocId(d.member, d.seq) && d.fingerprints.length === d.seq - d.from + 1 && d.fingerprints.at(-1) === fingerprintOf(d.hash), {
    message: 'an anchor names its own member and entry, and fingerprints every entry it covers',
  });
export type AnchorDoc = z.infer<typeof anchorDocSchema>;

const allDocsSchema = z.object({
  rows: z.array(z.object({ id: z.string(), doc: z.unknown().optional() })),
});

/** What the anchor service keeps per team member (kv, outside `team.*`, so leaving a team keeps it). */
const anchorStateSchema = z.object({
  /** the newest entry anchored (sent, or waiting to be sent) */
  lastSeq: z.number().int().min(0).default(0),
  lastAnchoredAt: z.string().nullable().default(null),
  /** anchors not yet confirmed by the server, oldest first */
  pending: z.array(z.unknown()).default([]),
  lastError: z.object({ code: z.string(), at: z.string(), detail: z.string().optional() }).nullable().default(null),
  /** anchors the server refused because another one already stands at their place (a rewritten or reinstalled log) */
  refused: z.number().int().default(0),
});
type AnchorState = z.infer<typeof anchorStateSchema>;

/** The ledger's side: the audit log store (lib/ledger/stores/audit-log.ts). */
export interface AnchorLedger {
  auditHead(): Promise<AuditHeadInfo | null>;
  auditFrom(from: number, limit: number): Promise<AuditEntry[]>;
  keepAnchors(anchors: readonly AuditAnchor[]): Promise<void>;
}

export interface AnchorServiceDeps {
  config: TeamConfigStorage;
  ledger: AnchorLedger;
  kv: { getKv(key: string): Promise<unknown>; setKv(key: string, value: unknown): Promise<void> };
  fetch?: typeof fetch;
  now?: () => Date;
  chunk?: number;
}

export interface AnchorStatus {
  inTeam: boolean;
  head: AuditHeadInfo | null;
  lastAnchoredAt: string | null;
  anchoredToSeq: number;
  pending: number;
  refused: number;
  lastError: { code: string; at: string } | null;
}

/** What verify gets from the server: its anchors, or why there are none. */
export interface ServerAnchors {
  anchors: AuditAnchor[];
  /** null when not in a team; otherwise whether the server answered */
  reachable: boolean | null;
  error?: string;
}

/** What the page shows; `state` null: not in a team. */
function statusOf(head: AuditHeadInfo | null, state: AnchorState | null): AnchorStatus {
  if (!state) return { inTeam: false, head, lastAnchoredAt: null, anchoredToSeq: 0, pending: 0, refused: 0, lastError: null };
  return {
    inTeam: true,
    head,
    lastAnchoredAt: state.lastAnchoredAt,
    anchoredToSeq: state.lastSeq,
    pending: state.pending.length,
    refused: state.refused,
    lastError: state.lastError ? { code: state.lastError.code, at: state.lastError.at } : null,
  };
}

function toAnchor(d: AnchorDoc, where: AuditAnchor['where']): AuditAnchor {
  return { from: d.from, seq: d.seq, hash: d.hash, at: d.at, anchoredAt: d.anchoredAt, fingerprints: d.fingerprints, where };
}

export function createAnchorService(deps: AnchorServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const chunk = deps.chunk ?? ANCHOR_CHUNK;
  let running: Promise<AnchorStatus> | null = null;

  async function memberOf(c: TeamConfig): Promise<string> {
    return blindId(await deriveTeamKeys(c.teamKey), `audit-member:${c.username}`);
  }
  const stateKey = (member: string) => `audit-anchor.${member}`;

  async function readState(member: string): Promise<AnchorState> {
    const parsed = anchorStateSchema.safeParse((await deps.kv.getKv(stateKey(member))) ?? {});
    return parsed.success ? parsed.data : anchorStateSchema.parse({});
  }

  // An export waits for its anchor: a server that does not answer must not hold it for the client's default minute.
  function clientFor(c: TeamConfig) {
    return new CouchClient({ serverUrl: c.serverUrl, auth: { username: c.username, password: c.password }, fetch: deps.fetch, timeoutMs: ANCHOR_TIMEOUT_MS });
  }

  /** Anchor documents for entries after `state.lastSeq` up to the head, ANCHOR_CHUNK entries each. */
  async function newAnchors(member: string, after: number): Promise<AnchorDoc[]> {
    const docs: AnchorDoc[] = [];
    const anchoredAt = now().toISOString();
    for (let from = after + 1; ; from += chunk) {
      const entries = await deps.ledger.auditFrom(from, chunk);
      const anchor = anchorOf(entries, from, anchoredAt, 'server');
      if (!anchor) break;
      docs.push({ _id: anchorDocId(member, anchor.seq), v: 1, kind: 'audit-anchor', member, ...anchor, fingerprints: [...anchor.fingerprints] });
      if (entries.length < chunk) break;
    }
    return docs;
  }

  /** Sends waiting anchors; an anchor the server already holds unchanged counts as sent. */
  async function push(c: TeamConfig, state: AnchorState): Promise<AnchorState> {
    const client = clientFor(c);
    const pending = [...state.pending];
    let refused = state.refused;
    while (pending.length) {
      const parsed = anchorDocSchema.safeParse(pending[0]);
      if (!parsed.success) {
        pending.shift(); // not an anchor (a damaged kv row): nothing the server would take
        continue;
      }
      const { _rev: _r, ...doc } = parsed.data;
      try {
        await client.putDoc(c.db, doc);
      } catch (error) {
        if (!(error instanceof TeamSyncError) || error.code === 'unreachable' || error.code === 'wrong-password') throw error;
        // Refused or a conflict: maybe our own earlier write that we never heard back from.
        const there = anchorDocSchema.safeParse(await client.getDoc(c.db, doc._id));
        if (!there.success) throw error; // e.g. a server whose validation predates anchors: stays queued
        if (there.data.hash !== doc.hash || there.data.from !== doc.from) refused++;
      }
      pending.shift();
    }
    return { ...state, pending, refused, lastError: null };
  }

  async function run(force: boolean): Promise<AnchorStatus> {
    const c = await deps.config.get();
    const head = await deps.ledger.auditHead();
    if (!c) return statusOf(head, null);
    const member = await memberOf(c);
    let state = await readState(member);
    const due = !state.lastAnchoredAt || now().getTime() - Date.parse(state.lastAnchoredAt) >= ANCHOR_INTERVAL_MS;
    if (head && head.seq > state.lastSeq && (force || due)) {
      const docs = await newAnchors(member, state.lastSeq);
      if (docs.length) {
        // The device's copy first: even a server that never answers leaves an anchor here to check against.
        await deps.ledger.keepAnchors(docs.map((d) => toAnchor(d, 'local')));
        state = { ...state, lastSeq: docs.at(-1)!.seq, lastAnchoredAt: docs.at(-1)!.anchoredAt, pending: [...state.pending, ...docs] };
        await deps.kv.setKv(stateKey(member), state);
      }
    }
    if (state.pending.length) {
      try {
        state = await push(c, state);
      } catch (error) {
        const code = error instanceof TeamSyncError ? error.code : 'server-error';
        state = { ...state, lastError: { code, at: now().toISOString(), detail: String((error as Error)?.message ?? error) } };
      }
      await deps.kv.setKv(stateKey(member), state);
    }
    return statusOf(head, state);
  }

  /** One run at a time: an export during the daily run waits for it and then anchors what it added. */
  function serial(force: boolean): Promise<AnchorStatus> {
    const next = (running ?? Promise.resolve(null as unknown as AnchorStatus)).catch(() => undefined).then(() => run(force));
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    }).catch(() => undefined);
    return next;
  }

  return {
    /** Anchors every entry not anchored yet (at an export); never throws for a server that is down. */
    anchorNow: () => serial(true),
    /** Anchors when the last anchor is a day old or older (the alarm, start-up); sends what waits. */
    anchorIfDue: () => serial(false),
    /** Where anchoring stands, without sending anything. */
    async status(): Promise<AnchorStatus> {
      const c = await deps.config.get();
      const head = await deps.ledger.auditHead();
      return statusOf(head, c ? await readState(await memberOf(c)) : null);
    },
    /** Every anchor this member has on the team server (the ones verify trusts most). */
    async serverAnchors(): Promise<ServerAnchors> {
      const c = await deps.config.get();
      if (!c) return { anchors: [], reachable: null };
      const member = await memberOf(c);
      const q = new URLSearchParams({
        include_docs: 'true',
        startkey: JSON.stringify(`${ANCHOR_ID_PREFIX}${member}:`),
        endkey: JSON.stringify(`${ANCHOR_ID_PREFIX}${member}:\ufff0`),
      });
      try {
        const { json } = await clientFor(c).call('GET', `${encodeURIComponent(c.db)}/_all_docs?${q}`);
        const parsed = allDocsSchema.safeParse(json);
        if (!parsed.success) throw new TeamSyncError('server-error', '_all_docs: unexpected shape');
        const anchors: AuditAnchor[] = [];
        for (const row of parsed.data.rows) {
          const doc = anchorDocSchema.safeParse(row.doc);
          // The validation function admits only well-formed anchors; anything else was not written through it.
          if (doc.success && doc.data.member === member) anchors.push(toAnchor(doc.data, 'server'));
        }
        return { anchors, reachable: true };
      } catch (error) {
        return { anchors: [], reachable: false, error: String((error as Error)?.message ?? error) };
      }
    },
  };
}

export type AnchorService = ReturnType<typeof createAnchorService>;
