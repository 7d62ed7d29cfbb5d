import { keysOfContact } from '../../identity/keys';
import { AUDIT_HEAD_KEY, GENESIS_HASH, verifyAuditChain } from '../audit';
import { mergeContacts } from '../contact-input';
import type { LedgerDb } from '../db';
import { LedgerError } from '../errors';
import { fingerprintOfKey, KeyFilter } from '../key-filter';
import { dropListSnapshot } from '../list-snapshot';
import type { Assessment } from '../../model/assessment';
import type { AuditEntry } from '../../model/audit';
import type { BasisRecord } from '../../model/basis';
import type { Contact } from '../../model/contact';
import type { EvidenceRow } from '../../model/evidence';
import type { LedgerEvent } from '../../model/event';
import type { SuppressionRow } from '../../model/suppression';
import type { ContactListStore } from './contact-list';
import { addToContactCount, recountContacts, type LedgerCore } from './core';
import { refreshDerivedMany } from './shared';
import { addSuppressions, planContacts } from './backup-apply';
import {
  chunkKey,
  chunksOf,
  END,
  RESTORE_KEY,
  ROWS_PER_CHUNK,
  STAGE_PREFIX,
  STAGED_TABLES,
  tablePrefix,
  type BackupPartData,
  type RestoreRecord,
  type StagedChunk,
  type StagedTable,
} from './backup-staging';

// A restore in resumable chunks (docs/backup-format.md, "Import"). The backup's parts are first staged in
// the kv table, untouched by anything else; checks and the merge plan then run over the staged rows without
// writing the ledger; then each staged chunk is written in a transaction of its own that also moves the
// restore record's cursor. A service worker stopped half-way leaves the record at the last committed chunk,
// and the background continues from there when it starts again (resumeRestore): never half-done for long,
// never done twice.

const fail = (where: string | undefined, message: string) => new LedgerError('invalid-backup', `${message} Nothing was imported.`, where);

export class RestoreStore {
  /** restores running in this worker, so a page's retry and the start-up resume never run one twice */
  private readonly running = new Map<string, Promise<Record<string, number>>>();
  /** why restores were refused (their records are gone: a refused restore leaves the ledger as it was) */
  private readonly refused = new Map<string, { message: string; where?: string }>();
  /** why a restore that had begun writing stopped (it continues from its cursor when run again) */
  private readonly stopped = new Map<string, string>();

  constructor(
    private readonly core: LedgerCore,
    private readonly list: ContactListStore,
  ) {}

  async record(): Promise<RestoreRecord | undefined> {
    return this.core.read(['kv'], async (db) => (await db.kv.get(RESTORE_KEY))?.value as RestoreRecord | undefined);
  }

  /**
   * Stages one checked part. Without `restoreId` a new restore begins (an unfinished staging is dropped; a
   * restore that is writing is not). Returns the record, which says which parts are still missing.
   */
  async stagePart(part: BackupPartData, mode: 'merge' | 'replace', restoreId?: string): Promise<RestoreRecord> {
    const stale = await this.record();
    if (stale && (stale.state === 'applying' || stale.state === 'checking') && stale.id !== restoreId) {
      throw new LedgerError('restore-running', 'Er loopt al een herstel; wacht tot het klaar is. (A restore is already running; wait for it to finish.)');
    }
    if (!restoreId && stale && stale.state === 'staging') await this.dropStaging(stale.id);
    const now = this.core.nowIso();
    return this.core.writeTables(['kv'], async (db) => {
      let rec = (await db.kv.get(RESTORE_KEY))?.value as RestoreRecord | undefined;
      if (restoreId) {
        if (!rec || rec.id !== restoreId || rec.state !== 'staging') throw new LedgerError('not-found', 'This restore is no longer waiting for parts; start again with all parts.', 'restoreId');
        if (rec.backupId !== part.backupId) throw fail('backupId', `Part ${part.part} belongs to another backup than the parts before it.`);
        if (rec.received.includes(part.part)) throw fail('part', `Part ${part.part} was given twice.`);
      } else {
        rec = { id: crypto.randomUUID(), mode, backupId: part.backupId, state: 'staging', received: [], staged: {}, chunks: 0, done: 0, total: 0, startedAt: now };
      }
      let n = rec.chunks;
      for (const table of STAGED_TABLES) {
        const chunks = chunksOf(table, part.rows[table]);
        await db.kv.bulkPut(chunks.map((c) => ({ key: chunkKey(rec.id, table, part.part, n++), value: { part: part.part, start: c.start, rows: c.rows } satisfies StagedChunk })));
        rec.staged[table] = (rec.staged[table] ?? 0) + part.rows[table].length;
      }
      rec.staged.provenance = (rec.staged.provenance ?? 0) + part.rows.contacts.reduce((s, c) => s + (c.provenance?.length ?? 0), 0);
      rec.chunks = n;
      rec.received = [...rec.received, part.part].sort((a, b) => a - b);
      if (part.settings) rec.settings = part.settings;
      if (part.last) {
        rec.lastPart = part.part;
        if (part.totals) rec.totals = part.totals;
      }
      await db.kv.put({ key: RESTORE_KEY, value: rec });
      return rec;
    });
  }

  /** Parts still missing before the restore can run: numbers, or 'last' while the closing part is unknown. */
  static missing(rec: RestoreRecord): (number | 'last')[] {
    const upTo = rec.lastPart ?? Math.max(0, ...rec.received);
    const out: (number | 'last')[] = [];
    for (let p = 1; p <= upTo; p++) if (!rec.received.includes(p)) out.push(p);
    if (rec.lastPart === undefined) out.push('last');
    return out;
  }

  /**
   * Checks the staged backup as a whole, plans the merge and writes it chunk by chunk; resumes a restore
   * that a stopped worker left half-way. Resolves with the counts the rep sees.
   */
  run(restoreId: string, onProgress?: (done: number, total: number) => void): Promise<Record<string, number>> {
    const running = this.running.get(restoreId);
    if (running) return running;
    this.stopped.delete(restoreId);
    const p = this.runOnce(restoreId, onProgress)
      .catch((error: unknown) => {
        if (!this.refused.has(restoreId)) this.stopped.set(restoreId, error instanceof Error ? error.message : String(error));
        throw error;
      })
      .finally(() => this.running.delete(restoreId));
    this.running.set(restoreId, p);
    return p;
  }

  private async runOnce(restoreId: string, onProgress?: (done: number, total: number) => void): Promise<Record<string, number>> {
    let rec = await this.record();
    if (!rec || rec.id !== restoreId) throw new LedgerError('not-found', 'This restore is unknown (it may have finished or been replaced).', 'restoreId');
    if (rec.state === 'done') return rec.result ?? {};
    if (rec.state === 'staging' || rec.state === 'checking') {
      try {
        rec = await this.check(rec);
      } catch (e) {
        await this.markFailed(rec.id, e);
        throw e;
      }
    }
    for (;;) {
      const step = await this.core.write(async (db) => this.step(db, restoreId));
      if (step.rec) onProgress?.(step.rec.done, step.rec.total);
      if (!step.more) {
        if (step.rec?.state !== 'done') throw new LedgerError('not-found', 'This restore was replaced by another one.', 'restoreId');
        this.list.invalidateList();
        await this.dropStaging(restoreId);
        return step.rec.result ?? {};
      }
    }
  }

  /**
   * At the background's start: a restore that a stopped worker left after its checks continues from its
   * last committed chunk. Resolves with its id, or undefined when there was none.
   */
  async resumePending(): Promise<string | undefined> {
    const rec = await this.record();
    if (!rec || (rec.state !== 'applying' && rec.state !== 'checking')) return undefined;
    await this.run(rec.id);
    return rec.id;
  }

  /** The whole-backup checks (every part there, records of existing contacts, an intact audit chain) and the merge plan. */
  private async check(start: RestoreRecord): Promise<RestoreRecord> {
    let rec = await this.updateRecord(start.id, (r) => ({ ...r, state: 'checking' }));
    const missing = RestoreStore.missing(rec);
    if (missing.length) {
      throw fail('part', missing.includes('last') ? 'The last part of this backup is missing.' : `Part ${missing.join(', ')} of this backup is missing (${rec.lastPart} parts in all).`);
    }
    if (!rec.settings) throw fail('data.settings', 'The backup has no settings (they are in its first part).');
    if (rec.totals) {
      for (const [table, n] of Object.entries(rec.totals)) {
        if ((rec.staged[table] ?? 0) !== n) throw fail(`data.${table}`, `The backup should hold ${n} ${table}, its parts hold ${rec.staged[table] ?? 0}.`);
      }
    }
    const chunks = (table: StagedTable) => this.stagedKeys(rec.id, table);
    // The audit chain, chunk by chunk.
    let prev = GENESIS_HASH;
    let seq = 1;
    let auditCount = 0;
    for (const key of await chunks('audit')) {
      const { rows } = await this.readChunk(key);
      const entries = rows as AuditEntry[];
      const v = verifyAuditChain(entries, undefined, prev, seq);
      if (!v.ok) throw new LedgerError('audit-broken', `The backup's audit log does not verify: ${v.problem} Nothing was imported.`, 'data.audit');
      if (entries.length) {
        prev = entries[entries.length - 1]!.hash;
        seq = entries[entries.length - 1]!.seq + 1;
      }
      auditCount += entries.length;
    }
    // Contacts, and the merge plan over them: an incoming contact whose identity is already known merges
    // into that contact (or into an earlier contact of the backup). Resolved in memory before any write, so
    // a conflict refuses the whole backup.
    const incoming: Contact[] = [];
    for (const key of await chunks('contacts')) incoming.push(...((await this.readChunk(key)).rows as Contact[]));
    const contactIds = new Set(incoming.map((c) => c.id));
    for (const table of ['bases', 'evidence'] as const) {
      for (const key of await chunks(table)) {
        const chunk = await this.readChunk(key);
        (chunk.rows as { id: string; contactId: string }[]).forEach((row, i) => {
          if (!contactIds.has(row.contactId)) {
            const where = `${rec.lastPart! > 1 ? `part ${chunk.part}: ` : ''}data.${table}.${chunk.start + i}.contactId`;
            throw fail(where, `The backup is damaged at ${where}: ${table} ${row.id} belongs to contact ${row.contactId}, which is not in the backup.`);
          }
        });
      }
    }
    const plan = await this.core.read(['contacts'], (db) => planContacts(db, incoming, rec.mode));
    const staged = rec.staged;
    rec = await this.updateRecord(rec.id, (r) => ({
      ...r,
      state: 'applying',
      phase: 'apply',
      remap: plan.remap,
      added: plan.added,
      done: 0,
      // one step per staged chunk, one per contact chunk to recompute derived fields, one to finish
      total: r.chunks + Math.ceil((staged.contacts ?? 0) / ROWS_PER_CHUNK.contacts) + 1,
      counts: {
        contacts: staged.contacts ?? 0,
        mergedContacts: plan.merged,
        bases: staged.bases ?? 0,
        evidence: staged.evidence ?? 0,
        provenance: staged.provenance ?? 0,
        events: staged.events ?? 0,
        suppressions: 0,
        assessments: staged.assessments ?? 0,
        audit: r.mode === 'replace' ? auditCount : 0,
      },
    }));
    return rec;
  }

  /** One transaction's worth of work; `more` is false once the restore is done. */
  private async step(db: LedgerDb, restoreId: string): Promise<{ more: boolean; rec?: RestoreRecord }> {
    const rec = (await db.kv.get(RESTORE_KEY))?.value as RestoreRecord | undefined;
    if (!rec || rec.id !== restoreId || rec.state !== 'applying') return { more: false, ...(rec?.id === restoreId ? { rec } : {}) };
    const remap = rec.remap ?? {};
    const target = (id: string) => remap[id] ?? id;
    if (rec.mode === 'replace' && !rec.cleared) {
      // The first write of a replace empties the ledger; the cursor moves in the same transaction.
      for (const t of ['contacts', 'bases', 'evidence', 'events', 'suppressions', 'suppressedKeys', 'keyFilter', 'assessments', 'settings', 'audit'] as const) await db.table(t).clear();
      await db.kv.delete(AUDIT_HEAD_KEY);
      rec.cleared = true;
    }
    await dropListSnapshot(db);
    const prefix = `${STAGE_PREFIX}${rec.id}/`;
    const scope = rec.phase === 'derive' ? tablePrefix(rec.id, 'contacts') : prefix;
    if (rec.phase !== 'finish') {
      const lower = rec.cursor ?? scope;
      const row = await db.kv.where('key').between(lower, scope + END, !rec.cursor, false).first();
      if (!row) {
        rec.phase = rec.phase === 'apply' ? 'derive' : 'finish';
        delete rec.cursor;
      } else {
        const chunk = row.value as StagedChunk;
        const table = STAGED_TABLES[Number(row.key.slice(prefix.length).split('/')[0])]!;
        if (rec.phase === 'derive') await this.derive(db, chunk.rows as Contact[], target);
        else await this.apply(db, rec, table, chunk.rows, target);
        rec.cursor = row.key;
        rec.done++;
      }
      await db.kv.put({ key: RESTORE_KEY, value: rec });
      return { more: true, rec };
    }
    // Finish: settings, the contact count, the audit head and the entry that records the restore.
    if (rec.mode === 'replace' || !(await db.settings.get('settings'))) await db.settings.put({ key: 'settings', value: rec.settings! });
    if (rec.mode === 'replace') await recountContacts(db);
    else await addToContactCount(db, rec.added ?? 0);
    const last = await db.audit.orderBy('seq').last();
    if (last) await db.kv.put({ key: AUDIT_HEAD_KEY, value: { seq: last.seq, hash: last.hash } });
    const counts = rec.counts ?? {};
    const importedHead = rec.mode === 'replace' ? (last?.hash ?? null) : null;
    await this.core.audit(db, { actor: await this.core.actor(db), action: 'backup-imported', detail: { mode: rec.mode, ...counts, importedAuditHead: importedHead } });
    const done: RestoreRecord = { ...rec, state: 'done', done: rec.total, result: counts };
    delete done.remap;
    await db.kv.put({ key: RESTORE_KEY, value: done });
    return { more: false, rec: done };
  }

  private async apply(db: LedgerDb, rec: RestoreRecord, table: StagedTable, rows: unknown[], target: (id: string) => string): Promise<void> {
    const cid = <T extends { contactId?: string }>(r: T): T => (r.contactId ? { ...r, contactId: target(r.contactId) } : r);
    switch (table) {
      case 'audit':
        // The backup's chain replaces the ledger's; a merge keeps the local chain (the backup's would not chain).
        if (rec.mode === 'replace') await db.audit.bulkPut(rows as AuditEntry[]);
        return;
      case 'assessments':
        await db.assessments.bulkPut(rows as Assessment[]);
        return;
      case 'suppressions':
        rec.counts!.suppressions! += await addSuppressions(db, rows as SuppressionRow[]);
        return;
      case 'contacts': {
        const incoming = rows as Contact[];
        const stored = await db.contacts.bulkGet([...new Set(incoming.map((c) => target(c.id)))]);
        const byId = new Map<string, Contact>();
        for (const c of stored) if (c) byId.set(c.id, c);
        for (const c of incoming) {
          const id = target(c.id);
          const into = byId.get(id);
          const written = into ? (mergeContacts(into, c) as Contact) : c;
          byId.set(id, { ...written, keys: keysOfContact(written) });
        }
        await db.contacts.bulkPut([...byId.values()]);
        return;
      }
      case 'bases':
        await db.bases.bulkPut((rows as BasisRecord[]).map(cid));
        return;
      case 'evidence':
        await db.evidence.bulkPut((rows as EvidenceRow[]).map(cid));
        return;
      case 'events':
        await db.events.bulkPut((rows as LedgerEvent[]).map(cid));
        return;
    }
  }

  /** Recomputes the derived index fields of the contacts one staged chunk wrote. */
  private async derive(db: LedgerDb, rows: Contact[], target: (id: string) => string): Promise<void> {
    const ids = [...new Set(rows.map((c) => target(c.id)))];
    // Only the filter buckets the written contacts' keys fall in (merged ones included), not all of them.
    const written = (await db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c);
    const filter = await KeyFilter.load(db, 'c', written.flatMap((c) => c.keys ?? keysOfContact(c)).map(fingerprintOfKey));
    await refreshDerivedMany(this.core, db, ids, filter);
    await filter.save(db);
  }

  private async stagedKeys(id: string, table: StagedTable): Promise<string[]> {
    const prefix = tablePrefix(id, table);
    return this.core.read(['kv'], async (db) => (await db.kv.where('key').between(prefix, prefix + END, true, false).primaryKeys()) as string[]);
  }

  private readChunk(key: string): Promise<StagedChunk> {
    return this.core.read(['kv'], async (db) => (await db.kv.get(key))!.value as StagedChunk);
  }

  private updateRecord(id: string, change: (r: RestoreRecord) => RestoreRecord): Promise<RestoreRecord> {
    return this.core.writeTables(['kv'], async (db) => {
      const r = (await db.kv.get(RESTORE_KEY))?.value as RestoreRecord | undefined;
      if (!r || r.id !== id) throw new LedgerError('not-found', 'This restore was replaced by another one.', 'restoreId');
      const next = change(r);
      await db.kv.put({ key: RESTORE_KEY, value: next });
      return next;
    });
  }

  /**
   * A refused restore wrote nothing to the ledger and leaves nothing in it: record and staged rows go; the
   * reason is kept in memory for the page that asks (restoreStatus).
   */
  private async markFailed(id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const where = (error as { where?: string }).where;
    this.refused.set(id, { message, ...(where ? { where } : {}) });
    await this.core.writeTables(['kv'], async (db) => {
      if (((await db.kv.get(RESTORE_KEY))?.value as RestoreRecord | undefined)?.id === id) await db.kv.delete(RESTORE_KEY);
    });
    await this.dropStaging(id);
  }

  /** Where a restore stands, for the page: its record, or why it was refused. */
  async status(id: string): Promise<Pick<RestoreRecord, 'state' | 'done' | 'total'> & { result?: Record<string, number>; message?: string; where?: string; missing?: (number | 'last')[] }> {
    const refused = this.refused.get(id);
    if (refused) return { state: 'failed', done: 0, total: 0, ...refused };
    const rec = await this.record();
    if (!rec || rec.id !== id) throw new LedgerError('not-found', 'This restore is unknown (it may have been replaced by another one).', 'restoreId');
    return {
      state: rec.state,
      done: rec.done,
      total: rec.total,
      ...(rec.result ? { result: rec.result } : {}),
      ...(rec.state === 'staging' ? { missing: RestoreStore.missing(rec) } : {}),
      ...(rec.state === 'applying' && this.stopped.has(id) && !this.running.has(id) ? { message: this.stopped.get(id)! } : {}),
    };
  }

  /** Removes a restore's staged rows (after it finished or was refused or dropped). */
  async dropStaging(id: string): Promise<void> {
    const prefix = `${STAGE_PREFIX}${id}/`;
    await this.core.writeTables(['kv'], (db) => db.kv.where('key').between(prefix, prefix + END, true, false).delete());
  }
}
