import { describe, expect, test } from 'vitest';
import { parseBackupPart } from '../../../lib/backup/backup';
import { BackupExporter } from '../../../lib/backup/export-parts';
import type { LedgerDb } from '../../../lib/ledger/db';
import { Ledger } from '../../../lib/ledger/repository';
import { IMPORT_FILE_MAX_BYTES } from '../../../lib/messaging/common';
import { sha256Hex } from '../../../lib/ledger/sha256';
import { managementBackground } from '../management/setup';

// Backups in parts (format version 2) and the chunked restore: a ledger split over several files comes back
// whole in both modes, parts are checked together before anything is written, and a restore that a stopped
// worker left half-way continues from its last committed chunk to the same ledger as an uninterrupted one.

type Bg = ReturnType<typeof managementBackground>;
const at = '2026-02-01T10:00:00.000Z';
const TABLES = ['contacts', 'bases', 'evidence', 'provenance', 'events', 'suppressions', 'assessments', 'settings'] as const;

/** A ledger with contacts (each with provenance, a consent, a note and for some a file) and do-not-contact keys. */
async function populated(contacts = 300, keys = 4000) {
  const bg = managementBackground('2026-03-01T10:00:00.000Z');
  await bg.ok({ type: 'contacts/save', contact: { name: 'Zaad', emails: ['zaad@acme.nl'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' } } });
  const { backup } = await bg.ok({ type: 'backup/export' });
  for (let i = 0; i < contacts; i++) {
    const id = `c_${i}`;
    backup.data.contacts.push({ id, name: `Persoon ${i} "de Één"`, emails: [`p${i}@bedrijf${i % 40}.nl`], phones: [], linkedin: { memberIds: [], vanities: [`p-${i}`], leadIds: [] }, recipientKind: 'natural_professional', addresses: [], createdAt: at, updatedAt: at });
    backup.data.provenance.push({ id: `p_${i}`, contactId: id, source: 'event_list', obtainedAt: '2026-01-01', recordedAt: at, recordedBy: 'rep' });
    backup.data.bases.push({ id: `b_${i}`, contactId: id, type: 'consent', who: `Persoon ${i}`, when: '2026-01-01', how: 'form', what: { entity: 'Acme B.V.', products: ['software'], channels: ['email'] }, shownText: 'Ja', capturedBy: 'webform', recordedAt: at, recordedBy: 'rep', note: '', evidenceIds: [] });
    backup.data.evidence.push({ id: `e_${i}`, contactId: id, kind: 'note', date: '2026-01-01', title: '', text: `Gesprek ${i}: “prima” — ${'é'.repeat(i % 50)}`, recordedAt: at, recordedBy: 'rep' });
    if (i % 60 === 0) {
      const bytes = Buffer.from(`%PDF-1.4 formulier ${i}`);
      backup.data.evidence.push({ id: `f_${i}`, contactId: id, kind: 'file', date: '2026-01-01', title: '', fileName: `f${i}.pdf`, mime: 'application/pdf', size: bytes.length, sha256: sha256Hex(new Uint8Array(bytes)), data: bytes.toString('base64'), recordedAt: at, recordedBy: 'rep' });
    }
  }
  for (let i = 0; i < keys; i++) {
    backup.data.suppressions.push({ id: `s_${i}`, keyHash: sha256Hex(`email:weg${i}@elders.nl`), keyKind: 'email', level: 'person', scope: 'all', reason: 'bezwaar', recordedBy: 'rep', recordedAt: at, source: 'personal' });
  }
  const source = managementBackground('2026-03-01T10:00:00.000Z');
  await source.ok({ type: 'backup/import', backup, mode: 'replace' });
  return source;
}

/** Every part of an export, as the page gets them. */
async function exportParts(bg: Bg, budget?: number): Promise<string[]> {
  const exporter = budget ? new BackupExporter(bg.ledger, '0.1.0', budget) : undefined;
  const texts: string[] = [];
  let exportId: string | undefined;
  for (;;) {
    const r = exporter ? await exporter.nextPart(exportId) : await bg.ok({ type: 'backup/export-part', ...(exportId ? { exportId } : {}) });
    texts.push(r.text);
    exportId = r.exportId;
    if (r.last) return texts;
  }
}

async function restoreStatus(bg: Bg, restoreId: string) {
  for (;;) {
    const s = await bg.ok({ type: 'backup/restore-status', restoreId });
    if (s.state === 'done' || s.state === 'failed' || (s.state === 'applying' && s.message)) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Gives every part to the background (in the order given) and runs the restore as the page does. */
async function restoreParts(bg: Bg, texts: string[], mode: 'merge' | 'replace') {
  let restoreId: string | undefined;
  let missing: unknown[] = [];
  for (const text of texts) {
    const r = await bg.ok({ type: 'backup/restore-part', mode, part: JSON.parse(text), ...(restoreId ? { restoreId } : {}) });
    restoreId = r.restoreId;
    missing = r.missing;
  }
  expect(missing).toEqual([]);
  await bg.ok({ type: 'backup/restore-start', restoreId });
  return restoreStatus(bg, restoreId!);
}

const dataOf = async (bg: Bg) => (await bg.ok({ type: 'backup/export' })).backup.data;

async function snapshot(db: LedgerDb): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out, (_k, v: unknown) => (v instanceof Blob ? `blob:${v.size}` : v));
}

describe('a backup in parts', () => {
  test('export splits at the budget, each file within it in UTF-8 bytes and in transit; the parts restore to the same ledger (replace), in any order', async () => {
    const source = await populated();
    const budget = 60_000;
    const texts = await exportParts(source, budget);
    expect(texts.length).toBeGreaterThan(5);
    const header = 400;
    for (const t of texts) {
      expect(Buffer.byteLength(t, 'utf8')).toBeLessThanOrEqual(budget + header);
      expect(JSON.stringify(t).length).toBeLessThanOrEqual(budget + header);
    }
    const parts = texts.map((t) => JSON.parse(t));
    expect(parts.map((p) => [p.part, p.last])).toEqual(texts.map((_t, i) => [i + 1, i === texts.length - 1]));
    expect(new Set(parts.map((p) => p.backupId)).size).toBe(1);
    // A contact's provenance travels in its own part.
    for (const p of parts) for (const row of p.data.provenance) expect(p.data.contacts.map((c: { id: string }) => c.id)).toContain(row.contactId);

    const target = managementBackground('2026-03-02T10:00:00.000Z');
    await target.ok({ type: 'contacts/save', contact: { name: 'Gaat weg', emails: ['weg@x.nl'], provenance: { source: 'unknown', obtainedAt: '2026-01-01' } } });
    const shuffled = [texts[2]!, ...texts.slice(3).reverse(), texts[0]!, texts[1]!];
    const status = await restoreParts(target, shuffled, 'replace');
    expect(status).toMatchObject({ state: 'done', result: { contacts: 301, suppressions: 4000, evidence: 305 } });
    const [a, b] = [await dataOf(source), await dataOf(target)];
    for (const t of TABLES) expect(b[t], t).toEqual(a[t]);
    expect(b.audit.slice(0, a.audit.length)).toEqual(a.audit);
    expect((await target.ok({ type: 'audit/verify' })).ok).toBe(true);
    expect((await target.ok({ type: 'contacts/list', limit: 1 })).total).toBe(301);
    expect((await target.ok({ type: 'lookup/person', query: 'weg@x.nl' })).found).toBe(false);
    expect((await target.ok({ type: 'lookup/person', query: 'weg3999@elders.nl' })).suppressed).toBe(true);
    const page = await target.ok({ type: 'contacts/get', id: 'c_120' });
    expect(page.summary.basisTypes).toEqual(['consent']);
    const file = await target.ok({ type: 'evidence/get-file', id: 'f_120' });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.4 formulier 120');
  }, 120_000);

  test('merge: parts merge into a ledger that knows some of the people, once per key', async () => {
    const source = await populated(200, 2000);
    const texts = await exportParts(source, 50_000);
    const local = managementBackground('2026-03-02T10:00:00.000Z');
    const { id: mine } = await local.ok({ type: 'contacts/save', contact: { name: 'Al bekend', emails: ['p7@bedrijf7.nl'], phones: ['0612345678'], provenance: { source: 'data_subject', obtainedAt: '2026-01-01' } } });
    await local.ok({ type: 'suppressions/add', by: 'email', value: 'weg5@elders.nl', scope: 'all', reason: 'al bekend' });
    const status = await restoreParts(local, texts, 'merge');
    expect(status).toMatchObject({ state: 'done', result: { contacts: 201, mergedContacts: 1, suppressions: 1999 } });
    expect((await local.ok({ type: 'contacts/list', limit: 1 })).total).toBe(201);
    const merged = await local.ok({ type: 'contacts/get', id: mine });
    expect(merged.contact.linkedin.vanities).toEqual(['p-7']);
    expect(merged.bases.map((b: { id: string }) => b.id)).toEqual(['b_7']);
    expect((await local.ok({ type: 'audit/verify' })).ok).toBe(true);
    // The same parts again add nothing new.
    const again = await restoreParts(local, texts, 'merge');
    expect(again.result).toMatchObject({ suppressions: 0, mergedContacts: 201 });
    expect((await local.ok({ type: 'contacts/list', limit: 1 })).total).toBe(201);
  }, 120_000);

  test('a missing part, a part of another backup, or a conflict in the last part: refused before anything is written', async () => {
    const source = await populated(120, 500);
    const texts = await exportParts(source, 30_000);
    const other = await exportParts(source, 30_000);
    const target = managementBackground('2026-03-02T10:00:00.000Z');
    await target.ok({ type: 'contacts/save', contact: { name: 'Eén', emails: ['p119@bedrijf39.nl'], provenance: { source: 'unknown', obtainedAt: '2026-01-01' } } });
    await target.ok({ type: 'contacts/save', contact: { name: 'Twee', linkedin: ['https://www.linkedin.com/in/p-119/'], provenance: { source: 'unknown', obtainedAt: '2026-01-01' } } });
    const before = await snapshot(target.ledger.db);

    const first = await target.ok({ type: 'backup/restore-part', mode: 'replace', part: JSON.parse(texts[0]!) });
    expect(first.missing).toEqual(['last']);
    const wrong = await target.ask({ type: 'backup/restore-part', mode: 'replace', restoreId: first.restoreId, part: JSON.parse(other[1]!) });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/another backup/);
    const last = await target.ok({ type: 'backup/restore-part', mode: 'replace', restoreId: first.restoreId, part: JSON.parse(texts[texts.length - 1]!) });
    expect(last.missing).toEqual(texts.slice(1, -1).map((_t, i) => i + 2));
    await target.ok({ type: 'backup/restore-start', restoreId: first.restoreId });
    const refused = await restoreStatus(target, first.restoreId);
    expect(refused).toMatchObject({ state: 'failed' });
    expect(refused.message).toMatch(/Part 2.* missing/);
    expect(await snapshot(target.ledger.db)).toBe(before);

    // Contact 119 is in the last part; in the ledger its e-mail and its LinkedIn belong to two contacts.
    const conflict = await restoreParts(target, texts, 'merge');
    expect(conflict.state).toBe('failed');
    expect(conflict.message).toMatch(/two different contacts/);
    expect(await snapshot(target.ledger.db)).toBe(before);
  }, 120_000);

  test('a restore stopped after some committed chunks continues from there when the background starts again, to the same ledger', async () => {
    const source = await populated(300, 25_000);
    const texts = await exportParts(source);
    expect(texts).toHaveLength(1);
    const name = `resume-${Date.now()}`;
    const first = new Ledger({ name, now: () => new Date('2026-03-02T10:00:00.000Z') });
    await first.saveContact({ name: 'Gaat weg', emails: ['weg@x.nl'] }, { provenance: { source: 'unknown', obtainedAt: '2026-01-01' } });
    const rec = await first.backup.restore.stagePart(parseBackupPart(texts[0]), 'replace');
    // The worker "stops" right after the second committed chunk (the audit chain, 20 000 of the keys).
    class Stopped extends Error {}
    await expect(
      first.backup.restore.run(rec.id, (done) => {
        if (done === 2) throw new Stopped('worker stopped');
      }),
    ).rejects.toBeInstanceOf(Stopped);
    const half = await first.backup.restore.record();
    expect(half).toMatchObject({ state: 'applying', done: 2, cleared: true });
    expect(await first.db.suppressions.count()).toBeGreaterThan(0);
    expect(await first.db.suppressions.count()).toBeLessThan(25_000);
    first.close();

    // A new worker: the background's start-up resumes it.
    const second = new Ledger({ name, now: () => new Date('2026-03-02T10:05:00.000Z') });
    expect(await second.backup.restore.resumePending()).toBe(rec.id);
    expect(await second.backup.restore.status(rec.id)).toMatchObject({ state: 'done', result: { contacts: 301, suppressions: 25_000 } });
    expect(await second.db.suppressions.count()).toBe(25_000);
    expect(await second.db.suppressedKeys.count()).toBe(25_000);
    expect((await second.listContacts({ offset: 0, limit: 1 })).total).toBe(301);
    expect((await second.verifyAudit()).ok).toBe(true);
    // The backup's chain plus one entry for this restore: the resumed run recorded it once.
    const imports = (entries: { action: string }[]) => entries.filter((e) => e.action === 'backup-imported').length;
    expect(imports(await second.db.audit.toArray())).toBe(imports(JSON.parse(texts[0]!).data.audit) + 1);
    expect(await second.db.kv.where('key').startsWith('backup-restore/').count()).toBe(0);
    // Same ledger as an uninterrupted restore of the same file.
    const clean = managementBackground('2026-03-02T10:00:00.000Z');
    await clean.ok({ type: 'backup/import', backup: texts[0], mode: 'replace' });
    const a = await dataOf(clean);
    const viaResume = new BackupExporter(second);
    const b = JSON.parse((await viaResume.nextPart()).text).data;
    for (const t of TABLES) expect(b[t], t).toEqual(a[t]);
    expect(await second.backup.restore.resumePending()).toBeUndefined();
    second.close();
  }, 120_000);

  test('one size limit for a part, in the page and the background: a larger file is refused with both sizes', async () => {
    const bg = managementBackground();
    const big = ' '.repeat(IMPORT_FILE_MAX_BYTES + 1);
    const r = await bg.ask({ type: 'backup/restore-part', mode: 'merge', part: big });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Het bestand is 51 MB; Outreach Guard leest bestanden tot 50 MB. (The file is 51 MB; Outreach Guard reads files up to 50 MB.)');
  });
});
