import { LedgerError } from '../ledger/errors';
import type { Ledger } from '../ledger/repository';
import type { BackupPartData } from '../ledger/stores/backup-staging';
import type { Contact, Provenance } from '../model/contact';
import type { EvidenceRow } from '../model/evidence';
import { sha256Hex } from '../ledger/sha256';
import { fileTooLargeMessage } from '../messaging/common';
import { base64ToBytes, bytesToBase64 } from './base64';
import { BACKUP_FORMAT, BACKUP_MAX_CHARS, BACKUP_PARTS_VERSION, BACKUP_VERSION, backupPartV2Schema, backupV1Schema, type BackupPartV2, type BackupV1 } from './format';

// Export and import of the versioned backup. Import checks everything first (format, version, every
// record, every evidence hash, the audit chain) and then writes in one transaction: a bad file changes nothing.

export async function exportBackup(ledger: Ledger, appVersion = '0.1.0'): Promise<BackupV1> {
  const d = await ledger.dumpForBackup();
  const evidence = await Promise.all(
    d.evidence.map(async (e) => {
      const { blob, ...meta } = e;
      return blob ? { ...meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) } : meta;
    }),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    app: { name: 'Outreach Guard', version: appVersion },
    schemaVersion: ledger.db.verno,
    data: {
      contacts: d.contacts.map(({ sortName: _s, searchTokens: _t, flags: _f, art14DueAt: _a, obtainedAt: _o, ...c }) => c),
      bases: d.bases,
      evidence,
      provenance: d.provenance,
      events: d.events,
      suppressions: d.suppressions,
      assessments: d.assessments,
      settings: d.settings,
      audit: d.audit,
    },
  };
}

/**
 * Rough size of a parsed value in characters, stopping once over the limit. Walks with an explicit stack
 * and pushes one child at a time: spreading a table of 65 000 rows into push() overflows the call stack.
 */
function approxSize(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 2;
    else if (Array.isArray(v)) {
      total += 2;
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') {
      for (const k in v) {
        total += k.length + 3;
        stack.push((v as Record<string, unknown>)[k]);
      }
    } else total += 5;
  }
  return total;
}

/** Reads the file text or parsed object of a backup or a part, refusing what is over the one file limit. */
function readInput(input: unknown): unknown {
  if (typeof input === 'string') {
    if (input.length > BACKUP_MAX_CHARS) throw new LedgerError('too-large', fileTooLargeMessage(input.length));
    try {
      return JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (e) {
      throw new LedgerError('malformed-json', `This is not a valid backup file: the JSON cannot be read (${(e as Error).message}).`);
    }
  }
  const size = approxSize(input, BACKUP_MAX_CHARS);
  if (size > BACKUP_MAX_CHARS) throw new LedgerError('too-large', fileTooLargeMessage(size));
  return input;
}

/**
 * Checks one backup file (a single-file backup of version 1, or one part of version 2) record by record and
 * returns its rows for staging. The checks that need the whole backup (parts complete, records of contacts
 * in another part, the audit chain) run when every part is staged (lib/ledger/stores/backup-restore.ts).
 * Throws LedgerError.
 */
export function parseBackupPart(input: unknown): BackupPartData {
  const raw = readInput(input);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new LedgerError('not-a-backup', 'This is not an Outreach Guard backup.');
  const head = raw as { format?: unknown; version?: unknown; part?: unknown };
  if (head.format !== BACKUP_FORMAT) throw new LedgerError('not-a-backup', 'This is not an Outreach Guard backup (the "format" field is missing or different).', 'format');
  if (head.version !== BACKUP_VERSION && head.version !== BACKUP_PARTS_VERSION) {
    throw new LedgerError(
      'unknown-version',
      `This backup has format version ${JSON.stringify(head.version)}; this Outreach Guard reads version ${BACKUP_VERSION} (one file) and version ${BACKUP_PARTS_VERSION} (numbered parts). ${
        typeof head.version === 'number' && head.version > BACKUP_PARTS_VERSION ? 'Update the extension and try again.' : ''
      }`.trim(),
      'version',
    );
  }
  const inPart = head.version === BACKUP_PARTS_VERSION && typeof head.part === 'number' ? ` (part ${head.part})` : '';
  const parsed = head.version === BACKUP_VERSION ? backupV1Schema.safeParse(raw) : backupPartV2Schema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const where = i.path.join('.');
    throw new LedgerError('invalid-backup', `The backup is damaged at ${where || 'the top level'}${inPart}: ${i.message}. Nothing was imported.`, where);
  }
  const file = parsed.data;
  const b = file.data;
  // A contact's provenance rows are in the contact's own file: provenance of nobody would be stored where no
  // page shows it and no erasure finds it.
  const provenanceOf = new Map<string, Provenance[]>(b.contacts.map((c) => [c.id, []]));
  b.provenance.forEach((p, i) => {
    const list = provenanceOf.get(p.contactId);
    if (!list) {
      const where = `data.provenance.${i}.contactId`;
      throw new LedgerError('invalid-backup', `The backup is damaged at ${where}${inPart}: provenance ${p.id} belongs to contact ${p.contactId}, which is not in ${inPart ? 'this part' : 'the backup'}. Nothing was imported.`, where);
    }
    list.push(p);
  });
  const evidence: EvidenceRow[] = b.evidence.map((e, i) => {
    const { data, ...meta } = e;
    if (meta.kind !== 'file') return meta;
    const where = `data.evidence.${i}.data`;
    if (!data) throw new LedgerError('invalid-backup', `Evidence file ${meta.fileName ?? meta.id}${inPart} has no data.`, where);
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(data);
    } catch {
      throw new LedgerError('invalid-backup', `Evidence file ${meta.fileName ?? meta.id}${inPart} is not valid base64.`, where);
    }
    if (meta.sha256 && sha256Hex(bytes) !== meta.sha256) {
      throw new LedgerError('invalid-backup', `Evidence file ${meta.fileName ?? meta.id}${inPart} does not match its recorded SHA-256.`, where);
    }
    return { ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime ?? 'application/octet-stream' }) };
  });
  const contacts = b.contacts.map((c) => ({ ...c, sortName: '', searchTokens: [], flags: [], provenance: provenanceOf.get(c.id)! }) as Contact);
  const rows = { audit: b.audit, assessments: b.assessments, suppressions: b.suppressions, contacts, bases: b.bases, evidence, events: b.events };
  if (file.version === BACKUP_VERSION) {
    // A single file is the whole backup: part 1 and the last, named by its content so a retry matches it.
    return { backupId: `single:${file.exportedAt}`, part: 1, last: true, settings: b.settings, rows };
  }
  const part = file as BackupPartV2;
  return { backupId: part.backupId, part: part.part, last: part.last, ...(part.totals ? { totals: part.totals } : {}), ...(part.data.settings ? { settings: part.data.settings } : {}), rows };
}

/** Restores one whole backup file (version 1, or a backup of one part) and waits for the restore to finish. */
export async function importBackup(ledger: Ledger, input: unknown, mode: 'merge' | 'replace'): Promise<Record<string, number>> {
  const part = parseBackupPart(input);
  const rec = await ledger.backup.restore.stagePart(part, mode);
  return ledger.backup.restore.run(rec.id);
}
