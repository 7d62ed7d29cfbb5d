import { verifyAuditChain } from '../ledger/audit';
import { LedgerError } from '../ledger/errors';
import type { BackupData, Ledger } from '../ledger/repository';
import type { Contact } from '../model/contact';
import type { EvidenceRow } from '../model/evidence';
import { sha256Hex } from '../ledger/sha256';
import { fileTooLargeMessage } from '../messaging/common';
import { base64ToBytes, bytesToBase64 } from './base64';
import { BACKUP_FORMAT, BACKUP_MAX_CHARS, BACKUP_VERSION, backupV1Schema, type BackupV1 } from './format';

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

/** Checks a backup (a parsed object, or the file's text) and returns the data to restore. Throws LedgerError. */
export function parseBackup(input: unknown): BackupData {
  let raw = input;
  if (typeof raw === 'string') {
    if (raw.length > BACKUP_MAX_CHARS) throw new LedgerError('too-large', fileTooLargeMessage(raw.length));
    try {
      raw = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    } catch (e) {
      throw new LedgerError('malformed-json', `This is not a valid backup file: the JSON cannot be read (${(e as Error).message}).`);
    }
  } else {
    const size = approxSize(raw, BACKUP_MAX_CHARS);
    if (size > BACKUP_MAX_CHARS) throw new LedgerError('too-large', fileTooLargeMessage(size));
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new LedgerError('not-a-backup', 'This is not an Outreach Guard backup.');
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) throw new LedgerError('not-a-backup', 'This is not an Outreach Guard backup (the "format" field is missing or different).', 'format');
  if (head.version !== BACKUP_VERSION) {
    throw new LedgerError(
      'unknown-version',
      `This backup has format version ${JSON.stringify(head.version)}; this Outreach Guard reads version ${BACKUP_VERSION}. ${
        typeof head.version === 'number' && head.version > BACKUP_VERSION ? 'Update the extension and try again.' : ''
      }`.trim(),
      'version',
    );
  }
  const parsed = backupV1Schema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const where = i.path.join('.');
    throw new LedgerError('invalid-backup', `The backup is damaged at ${where || 'the top level'}: ${i.message}. Nothing was imported.`, where);
  }
  const b = parsed.data.data;
  // Every record that belongs to a contact must find it in the backup: a basis or evidence of nobody
  // would be stored where no page shows it and no erasure finds it.
  const contactIds = new Set(b.contacts.map((c) => c.id));
  for (const table of ['bases', 'evidence', 'provenance'] as const) {
    b[table].forEach((row: { id: string; contactId: string }, i: number) => {
      if (!contactIds.has(row.contactId)) {
        throw new LedgerError('invalid-backup', `The backup is damaged at data.${table}.${i}.contactId: ${table} ${row.id} belongs to contact ${row.contactId}, which is not in the backup. Nothing was imported.`, `data.${table}.${i}.contactId`);
      }
    });
  }
  const chain = verifyAuditChain(b.audit);
  if (!chain.ok) throw new LedgerError('audit-broken', `The backup's audit log does not verify: ${chain.problem} Nothing was imported.`, `data.audit`);
  const evidence: EvidenceRow[] = b.evidence.map((e, i) => {
    const { data, ...meta } = e;
    if (meta.kind !== 'file') return meta;
    if (!data) throw new LedgerError('invalid-backup', `Evidence file ${meta.fileName ?? meta.id} has no data.`, `data.evidence.${i}.data`);
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(data);
    } catch {
      throw new LedgerError('invalid-backup', `Evidence file ${meta.fileName ?? meta.id} is not valid base64.`, `data.evidence.${i}.data`);
    }
    if (meta.sha256 && sha256Hex(bytes) !== meta.sha256) {
      throw new LedgerError('invalid-backup', `Evidence file ${meta.fileName ?? meta.id} does not match its recorded SHA-256.`, `data.evidence.${i}.data`);
    }
    return { ...meta, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mime ?? 'application/octet-stream' }) };
  });
  const contacts = b.contacts.map((c) => ({ ...c, sortName: '', searchTokens: [], flags: [] }) as Contact);
  return { ...b, contacts, evidence };
}

export async function importBackup(ledger: Ledger, input: unknown, mode: 'merge' | 'replace'): Promise<Record<string, number>> {
  const data = parseBackup(input);
  return ledger.restoreFromBackup(data, mode);
}
