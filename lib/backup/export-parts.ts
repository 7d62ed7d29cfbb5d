import type { Ledger } from '../ledger/repository';
import { EXPORT_TABLES, type ExportKey, type ExportTable } from '../ledger/stores/backup';
import { LedgerError } from '../ledger/errors';
import { bytesToBase64 } from './base64';
import { BACKUP_FORMAT, BACKUP_PART_BUDGET, BACKUP_PARTS_VERSION } from './format';

// Export in numbered parts (format version 2, docs/backup-format.md). The page asks for one part at a time
// (`backup/export-part`): each answer is one file's text, under the one file limit and under Chromium's
// message limit, so a ledger of any size leaves the background without being held in memory at once.

type PartTable = ExportTable | 'provenance';
const PART_TABLES: readonly PartTable[] = ['contacts', 'provenance', 'bases', 'evidence', 'events', 'suppressions', 'assessments', 'audit'];
/** Rows per read: evidence rows carry files. */
const READ_ROWS: Record<ExportTable, number> = { contacts: 2000, bases: 5000, evidence: 50, events: 5000, suppressions: 20_000, assessments: 1000, audit: 5000 };
/** A session the page stopped asking for is dropped after this long. */
const SESSION_IDLE_MS = 10 * 60_000;

type Unit = { table: PartTable; json: string }[];

interface Session {
  id: string;
  exportedAt: string;
  appVersion: string;
  schemaVersion: number;
  settings: unknown;
  part: number;
  table: number;
  after: ExportKey | undefined;
  /** rows read but not yet in a part, as JSON text; a contact and its provenance rows are one unit (one part) */
  pending: Unit[];
  /** contacts written so far: rows of a contact added after its part was read are left out */
  contactIds: Set<string>;
  totals: Record<PartTable, number>;
  done: number;
  total: number;
  touchedAt: number;
}

/** What a row costs in a part: characters, plus what UTF-8 (up to three bytes) or escaping in transit adds. */
function costOf(json: string): number {
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c > 0x7e) extra += 2;
    else if (c === 0x22 || c === 0x5c) extra += 1;
  }
  return json.length + extra;
}

/** The backup's contact row: the derived index fields and the embedded provenance are not in the file. */
function contactRow(c: Record<string, unknown>): { contact: Record<string, unknown>; provenance: unknown[] } {
  const { sortName: _s, searchTokens: _t, flags: _f, art14DueAt: _a, obtainedAt: _o, keys: _k, provenance, ...contact } = c;
  return { contact, provenance: Array.isArray(provenance) ? provenance : [] };
}

export class BackupExporter {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ledger: Ledger,
    private readonly appVersion = '0.1.0',
    private readonly budget = BACKUP_PART_BUDGET,
  ) {}

  /** The next part of an export (a new export without `exportId`). */
  async nextPart(exportId?: string): Promise<{ exportId: string; part: number; last: boolean; text: string; done: number; total: number }> {
    const now = Date.now();
    for (const [id, s] of this.sessions) if (now - s.touchedAt > SESSION_IDLE_MS) this.sessions.delete(id);
    let s: Session;
    if (exportId) {
      const found = this.sessions.get(exportId);
      if (!found) throw new LedgerError('not-found', 'Deze export is onderbroken (de achtergrond is herstart); begin opnieuw. (This export was interrupted; start it again.)', 'exportId');
      s = found;
    } else {
      const start = await this.ledger.backup.exportStart();
      s = {
        id: crypto.randomUUID(),
        exportedAt: new Date().toISOString(),
        appVersion: this.appVersion,
        schemaVersion: start.schemaVersion,
        settings: start.settings,
        part: 0,
        table: 0,
        after: undefined,
        pending: [],
        contactIds: new Set(),
        totals: { contacts: 0, provenance: 0, bases: 0, evidence: 0, events: 0, suppressions: 0, assessments: 0, audit: 0 },
        done: 0,
        total: start.total,
        touchedAt: now,
      };
      this.sessions.set(s.id, s);
    }
    s.touchedAt = now;
    s.part++;
    const data: Record<PartTable, string[]> = { contacts: [], provenance: [], bases: [], evidence: [], events: [], suppressions: [], assessments: [], audit: [] };
    let used = 0;
    let full = false;
    const take = () => {
      while (s.pending.length) {
        const unit = s.pending[0]!;
        const cost = unit.reduce((sum, row) => sum + costOf(row.json) + 1, 0);
        // One unit always goes in, even alone over the budget (an evidence file is at most 25 MB).
        if (used > 0 && used + cost > this.budget) {
          full = true;
          return;
        }
        used += cost;
        for (const row of unit) {
          data[row.table].push(row.json);
          s.totals[row.table]++;
        }
        s.pending.shift();
      }
    };
    take();
    while (!full && s.table < EXPORT_TABLES.length) {
      const table = EXPORT_TABLES[s.table]!;
      const { rows, after } = await this.ledger.backup.exportRows(table, s.after, READ_ROWS[table]);
      s.after = after;
      if (rows.length < READ_ROWS[table]) {
        s.table++;
        s.after = undefined;
      }
      s.done += rows.length;
      s.pending.push(...(await this.rowsOf(s, table, rows)));
      take();
    }
    const last = !full && s.table >= EXPORT_TABLES.length && s.pending.length === 0;
    const head: Record<string, unknown> = {
      format: BACKUP_FORMAT,
      version: BACKUP_PARTS_VERSION,
      exportedAt: s.exportedAt,
      app: { name: 'Outreach Guard', version: s.appVersion },
      schemaVersion: s.schemaVersion,
      backupId: s.id,
      part: s.part,
      last,
      ...(last ? { totals: s.totals } : {}),
    };
    const tables = PART_TABLES.map((t) => `${JSON.stringify(t)}:[${data[t].join(',')}]`);
    if (s.part === 1) tables.push(`"settings":${JSON.stringify(s.settings)}`);
    const text = `${JSON.stringify(head).slice(0, -1)},"data":{${tables.join(',')}}}`;
    if (last) this.sessions.delete(s.id);
    return { exportId: s.id, part: s.part, last, text, done: last ? s.total : Math.min(s.done, s.total), total: s.total };
  }

  /** Rows of one read as the file's JSON, in file order (a contact's provenance after it). */
  private async rowsOf(s: Session, table: ExportTable, rows: Record<string, unknown>[]): Promise<Unit[]> {
    const out: Unit[] = [];
    for (const row of rows) {
      if (table === 'contacts') {
        const { contact, provenance } = contactRow(row);
        s.contactIds.add(contact.id as string);
        out.push([{ table, json: JSON.stringify(contact) }, ...provenance.map((p) => ({ table: 'provenance' as const, json: JSON.stringify(p) }))]);
        continue;
      }
      if ((table === 'bases' || table === 'evidence') && !s.contactIds.has(row.contactId as string)) continue;
      if (table === 'evidence' && row.blob instanceof Blob) {
        const { blob, ...meta } = row;
        out.push([{ table, json: JSON.stringify({ ...meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) }) }]);
        continue;
      }
      out.push([{ table, json: JSON.stringify(row) }]);
    }
    return out;
  }
}
