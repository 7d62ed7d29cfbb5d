import { toHex } from '../../identity/normalize';
import type { LedgerDb } from '../db';
import { LedgerError } from '../errors';
import { newId } from '../ids';
import { type Provenance } from '../../model/contact';
import { EVIDENCE_MAX_BYTES, type EvidenceMeta, type EvidenceRow } from '../../model/evidence';
import { sha256Hex } from '../sha256';
import type { LedgerCore } from './core';
import { checkAssessmentExists, checkBasis, evidenceMeta, refreshDerived } from './shared';
import type { BasisDraft, ProvenanceDraft } from './types';

// A contact's lawful bases, where their data came from (provenance), and the evidence behind a basis: notes
// and files, each file kept with its SHA-256 so a changed file is noticed.

export class BasisStore {
  constructor(private readonly core: LedgerCore) {}

  async saveBasis(contactId: string, draft: BasisDraft): Promise<string> {
    const basis = checkBasis(draft, contactId, this.core.nowIso(), 'basis.');
    return this.core.write(async (db) => {
      if (!(await db.contacts.get(contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.core.actor(db);
      const previous = draft.id ? await db.bases.get(draft.id) : undefined;
      if (previous && previous.contactId !== contactId) throw new LedgerError('not-found', 'This basis belongs to another contact.', 'basis.id');
      await checkAssessmentExists(db, basis);
      const record = { ...basis, recordedBy: previous?.recordedBy ?? actor, recordedAt: previous?.recordedAt ?? basis.recordedAt };
      await db.bases.put(record);
      await refreshDerived(this.core, db, contactId);
      await this.core.audit(db, { actor, action: previous ? 'basis-updated' : 'basis-added', contactId, detail: { basisId: record.id, type: record.type } });
      return record.id;
    });
  }
  async deleteBasis(id: string): Promise<boolean> {
    return this.core.write(async (db) => {
      const b = await db.bases.get(id);
      if (!b) return false;
      await db.bases.delete(id);
      await refreshDerived(this.core, db, b.contactId);
      await this.core.audit(db, { actor: await this.core.actor(db), action: 'basis-deleted', contactId: b.contactId, detail: { basisId: id, type: b.type } });
      return true;
    });
  }
  async addProvenance(contactId: string, draft: ProvenanceDraft): Promise<string> {
    return this.core.write(async (db) => {
      if (!(await db.contacts.get(contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.core.actor(db);
      const id = newId();
      const row: Provenance = { id, contactId, ...draft, recordedAt: this.core.nowIso(), recordedBy: actor };
      await db.contacts.update(contactId, (c) => void (c.provenance = [...(c.provenance ?? []), row]));
      await refreshDerived(this.core, db, contactId);
      await this.core.audit(db, { actor, action: 'provenance-added', contactId, detail: { source: draft.source } });
      return id;
    });
  }
  async addEvidenceNote(input: { contactId: string; basisId?: string; date: string; title?: string; text: string }): Promise<string> {
    return this.core.write(async (db) => {
      if (!(await db.contacts.get(input.contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.core.actor(db);
      const id = newId();
      await db.evidence.add({
        id,
        contactId: input.contactId,
        ...(input.basisId ? { basisId: input.basisId } : {}),
        kind: 'note',
        date: input.date,
        title: input.title ?? '',
        text: input.text,
        recordedAt: this.core.nowIso(),
        recordedBy: actor,
      });
      await this.linkEvidence(db, input.basisId, id);
      await this.core.audit(db, { actor, action: 'evidence-note-added', contactId: input.contactId, detail: { evidenceId: id, textSha256: sha256Hex(input.text) } });
      return id;
    });
  }
  async linkEvidence(db: LedgerDb, basisId: string | undefined, evidenceId: string) {
    if (!basisId) return;
    const b = await db.bases.get(basisId);
    if (!b) throw new LedgerError('not-found', 'The basis this evidence belongs to does not exist.', 'basisId');
    await db.bases.update(basisId, { evidenceIds: [...b.evidenceIds, evidenceId] });
  }
  /** Stores a file (e.g. a call recording) with its SHA-256. Over 25 MB is refused before anything is written. */
  async addEvidenceFile(input: {
    contactId: string;
    basisId?: string;
    date: string;
    title?: string;
    fileName: string;
    mime: string;
    bytes: Uint8Array;
  }): Promise<{ id: string; sha256: string; size: number }> {
    if (input.bytes.byteLength > EVIDENCE_MAX_BYTES) {
      throw new LedgerError('too-large', `The file is ${(input.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; evidence files may be at most 25 MB.`, 'file');
    }
    // Hash before the transaction: WebCrypto is async and would let the transaction close.
    const sha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', input.bytes as Uint8Array<ArrayBuffer>)));
    const blob = new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.mime });
    return this.core.write(async (db) => {
      if (!(await db.contacts.get(input.contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.core.actor(db);
      const id = newId();
      const row: EvidenceRow = {
        id,
        contactId: input.contactId,
        ...(input.basisId ? { basisId: input.basisId } : {}),
        kind: 'file',
        date: input.date,
        title: input.title ?? '',
        fileName: input.fileName,
        mime: input.mime,
        size: input.bytes.byteLength,
        sha256,
        recordedAt: this.core.nowIso(),
        recordedBy: actor,
        blob,
      };
      await db.evidence.add(row);
      await this.linkEvidence(db, input.basisId, id);
      await this.core.audit(db, { actor, action: 'evidence-file-added', contactId: input.contactId, detail: { evidenceId: id, sha256, size: row.size } });
      return { id, sha256, size: input.bytes.byteLength };
    });
  }
  /** The file and its metadata; the hash is checked again so a changed file is noticed. */
  async getEvidenceFile(id: string): Promise<{ meta: EvidenceMeta; bytes: Uint8Array }> {
    const row = await this.core.read(['evidence'], (db) => db.evidence.get(id));
    if (!row || row.kind !== 'file' || !row.blob) throw new LedgerError('not-found', 'This evidence file does not exist.', 'id');
    const bytes = new Uint8Array(await row.blob.arrayBuffer());
    const actual = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    if (actual !== row.sha256) throw new LedgerError('evidence-changed', 'This evidence file no longer matches the hash recorded when it was stored.', 'id');
    return { meta: evidenceMeta(row), bytes };
  }
  async deleteEvidence(id: string): Promise<boolean> {
    return this.core.write(async (db) => {
      const row = await db.evidence.get(id);
      if (!row) return false;
      await db.evidence.delete(id);
      if (row.basisId) {
        const b = await db.bases.get(row.basisId);
        if (b) await db.bases.update(b.id, { evidenceIds: b.evidenceIds.filter((e) => e !== id) });
      }
      await this.core.audit(db, { actor: await this.core.actor(db), action: 'evidence-deleted', contactId: row.contactId, detail: { evidenceId: id, sha256: row.sha256 } });
      return true;
    });
  }
}
