import { keysOfContact, companyKeysOf } from '../../identity/keys';
import { normalizeIdentities, mergeContacts } from '../contact-input';
import type { LedgerDb } from '../db';
import { deriveContactIndex } from '../derive';
import { ErasedIdentityError, LedgerError } from '../errors';
import { newId } from '../ids';
import { removeFromKeyFilter, fingerprintOfKey } from '../key-filter';
import type { Contact, Provenance } from '../../model/contact';
import type { SuppressionRow } from '../../model/suppression';
import { sha256Hex } from '../sha256';
import { addToContactCount, type LedgerCore } from './core';
import type { SuppressionStore } from './suppressions';
import {
  checkAssessmentExists,
  checkBasis,
  contactFields,
  contactsByKeys,
  dedupeById,
  evidenceMeta,
  fieldOfKey,
  latestVersions,
  refreshDerived,
  singleOwner,
  summaryOf,
  whereAnyOf,
} from './shared';
import type { BasisDraft, ContactDraft, ProvenanceDraft } from './types';

// Contacts one at a time: add or edit (merging into the holder of an identity), delete, erase (Art. 17),
// and the contact page with all its records.

export class ContactStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly suppressions: SuppressionStore,
  ) {}

  /**
   * Adds or edits a contact. A new contact whose identities already belong to a contact is merged into
   * it (`mergedInto`); an edit that takes another contact's identity is refused naming the field.
   */
  async saveContact(
    draft: ContactDraft,
    extra: { provenance?: ProvenanceDraft; basis?: BasisDraft; confirmErased?: boolean } = {},
  ): Promise<{ id: string; created: boolean; mergedInto?: string }> {
    const ids = normalizeIdentities(draft, '');
    if (!draft.name.trim()) throw new LedgerError('invalid-contact', 'A name is required.', 'name');
    if (ids.emails.length + ids.phones.length + ids.linkedin.memberIds.length + ids.linkedin.vanities.length + ids.linkedin.leadIds.length === 0) {
      throw new LedgerError('invalid-contact', 'Enter at least one e-mail address, phone number or LinkedIn profile.', 'emails');
    }
    const basis = extra.basis ? checkBasis(extra.basis, 'x', this.core.nowIso(), 'basis.') : undefined;
    const result = await this.core.write(async (db) => {
      const actor = await this.core.actor(db);
      await checkAssessmentExists(db, basis);
      const existing = draft.id ? await db.contacts.get(draft.id) : undefined;
      if (draft.id && !existing) throw new LedgerError('not-found', 'This contact no longer exists.', 'id');
      const keys = keysOfContact(ids);
      const found = await contactsByKeys(db, keys);
      const owners = keys.map((key) => ({ key, owner: found.ownersOf.get(key)?.find((o) => o !== existing?.id) ?? found.ownerOf.get(key) }));
      const erasedConfirmed = await this.checkNotErased(db, keys, existing, ids, extra.confirmErased === true && !!basis, !basis);
      const now = this.core.nowIso();
      let id: string;
      let created = false;
      let mergedInto: string | undefined;
      if (existing) {
        const clash = owners.find((o) => o.owner && o.owner !== existing.id);
        if (clash) {
          throw new LedgerError('duplicate-identity', `${clash.key.slice(clash.key.indexOf(':') + 1)} already belongs to another contact.`, fieldOfKey(clash.key, ids));
        }
        id = existing.id;
        const next = { ...existing, ...contactFields(draft), ...ids, updatedAt: now };
        if (!ids.company) delete (next as Partial<Contact>).company;
        await db.contacts.put(next);
      } else {
        const owner = singleOwner((k) => found.ownersOf.get(k) ?? [], (id) => found.contacts.get(id)?.name ?? id, keys, ids);
        const fresh = { id: newId(), ...contactFields(draft), ...ids, addresses: draft.addresses ?? [], recipientKind: draft.recipientKind ?? 'unknown', createdAt: now, updatedAt: now };
        if (owner) {
          const into = (await db.contacts.get(owner))!;
          id = into.id;
          mergedInto = into.id;
          await db.contacts.put({ ...mergeContacts(into, fresh), updatedAt: now });
        } else {
          id = fresh.id;
          created = true;
          await db.contacts.put(deriveContactIndex(fresh as Contact, [], [], [], false));
          await addToContactCount(db, 1);
        }
      }
      if (extra.provenance) {
        const row: Provenance = { id: newId(), contactId: id, ...extra.provenance, recordedAt: now, recordedBy: actor };
        await db.contacts.update(id, (c) => void (c.provenance = [...(c.provenance ?? []), row]));
      }
      if (basis) await db.bases.put({ ...basis, contactId: id });
      await refreshDerived(this.core, db, id);
      await this.core.audit(db, {
        actor,
        action: created ? 'contact-created' : mergedInto ? 'contact-merged' : 'contact-updated',
        contactId: id,
        detail: {
          identities: keys.length,
          ...(extra.provenance ? { source: extra.provenance.source } : {}),
          ...(basis ? { basis: basis.type } : {}),
          ...(erasedConfirmed ? { erasedBefore: erasedConfirmed } : {}),
        },
      });
      return { id, created, ...(mergedInto ? { mergedInto } : {}) };
    });
    return result;
  }
  /** Deletes a contact and everything about it (no suppression kept; use `erase` for a rights request). */
  /**
   * Refuses (ErasedIdentityError) identities this contact does not hold yet that belong to an erased person,
   * unless `confirmed` (the caller confirmed and gave a basis). Returns the erasure date when confirmed.
   */
  private async checkNotErased(
    db: LedgerDb,
    keys: readonly string[],
    existing: Contact | undefined,
    ids: { emails: string[]; phones: string[] },
    confirmed: boolean,
    basisMissing: boolean,
  ): Promise<string | undefined> {
    const held = new Set(existing ? keysOfContact(existing) : []);
    const added = keys.filter((k) => !held.has(k));
    const hits = await Promise.all(added.map((k) => db.suppressions.where('keyHash').equals(sha256Hex(k)).toArray()));
    const erased = added
      .map((key, i) => ({ key, at: hits[i]!.filter((s) => s.erased && s.level === 'person').map((s) => s.recordedAt.slice(0, 10)).sort()[0] }))
      .filter((x): x is { key: string; at: string } => !!x.at);
    if (!erased.length) return undefined;
    const first = erased.reduce((a, b) => (b.at < a.at ? b : a));
    if (!confirmed) throw new ErasedIdentityError(first.at, fieldOfKey(first.key, ids), basisMissing);
    return first.at;
  }

  async deleteContact(id: string): Promise<boolean> {
    const done = await this.core.write(async (db) => {
      const c = await db.contacts.get(id);
      if (!c) return false;
      await this.deleteContactInTx(db, c);
      await this.core.audit(db, { actor: await this.core.actor(db), action: 'contact-deleted', contactId: id, detail: {} });
      return true;
    });
    return done;
  }
  async deleteContactInTx(db: LedgerDb, c: Contact): Promise<void> {
    // primaryKeys + bulkDelete rather than Collection.delete(), which let the transaction commit early here.
    await db.bases.bulkDelete(await db.bases.where('contactId').equals(c.id).primaryKeys());
    await db.evidence.bulkDelete(await db.evidence.where('contactId').equals(c.id).primaryKeys());
    const eventIds = new Set([
      ...(await db.events.where('contactId').equals(c.id).primaryKeys()),
      ...(await db.events.where('keys').anyOf(keysOfContact(c)).primaryKeys()),
    ]);
    await db.events.bulkDelete([...eventIds]);
    await db.contacts.delete(c.id);
    // Its keys were its own (one owner per key): nothing of the person stays behind in the filter either.
    await removeFromKeyFilter(db, 'c', keysOfContact(c).map(fingerprintOfKey));
    await addToContactCount(db, -1);
    this.core.touch(db, c.id);
  }
  /**
   * Erasure (Art. 17): deletes the person's data and evidence and keeps only hashed suppression keys
   * marked `erased`, so the guard keeps blocking them without knowing who they were.
   */
  async erase(contactId: string, reason: string): Promise<{ erased: boolean; suppressionKeys: number }> {
    // An async arrow: handing Dexie the method's promise directly made it commit early (PrematureCommitError).
    const r = await this.core.write(async (db) => await this.eraseInTx(db, contactId, reason));
    return r;
  }
  async eraseInTx(db: LedgerDb, contactId: string, reason: string, actorName?: string): Promise<{ erased: boolean; suppressionKeys: number }> {
    const c = await db.contacts.get(contactId);
    if (!c) return { erased: false, suppressionKeys: 0 };
    const actor = actorName ?? (await this.core.actor(db));
    const keys = keysOfContact(c);
    const { hashes } = await this.suppressions.addSuppressionsInTx(db, keys, { scope: 'all', level: 'person', reason: 'erased', recordedBy: actor, erased: true });
    await this.deleteContactInTx(db, c);
    await this.core.audit(db, { actor, action: 'erased', contactId, detail: { reason, keyHashes: hashes } });
    return { erased: true, suppressionKeys: hashes.length };
  }
  async getContact(id: string): Promise<Contact | undefined> {
    return this.core.read(['contacts'], (db) => db.contacts.get(id));
  }
  /** The contact page: the contact with all its records (evidence without files). */
  async contactPage(id: string) {
    return this.core.read(['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments'], async (db) => {
      const contact = await db.contacts.get(id);
      if (!contact) throw new LedgerError('not-found', 'This contact does not exist (any more).', 'id');
      const keys = keysOfContact(contact);
      const allKeys = [...keys, ...companyKeysOf(keys, contact.company)];
      const provenance = contact.provenance ?? [];
      const [bases, evidence, byContact, suppressions] = await Promise.all([
        db.bases.where('contactId').equals(id).toArray(),
        db.evidence.where('contactId').equals(id).toArray(),
        db.events.where('contactId').equals(id).toArray(),
        whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', allKeys.map(sha256Hex)).then(dedupeById),
      ]);
      const liIds = bases.filter((b) => b.type === 'legitimate_interest').map((b) => (b as { assessmentId: string }).assessmentId);
      const assessments = liIds.length ? await db.assessments.where('id').anyOf(liIds).toArray() : [];
      return {
        contact,
        bases,
        evidence: evidence.map(evidenceMeta),
        provenance,
        events: byContact.sort((a, b) => b.at.localeCompare(a.at)),
        suppressions,
        assessments: latestVersions(assessments, bases),
        summary: summaryOf(contact, this.core.now()),
      };
    });
  }
  /** The contact the most of these identity keys belong to, or undefined. */
  async findContactByIdentityKeys(keys: readonly string[]): Promise<Contact | undefined> {
    return this.core.read(['contacts'], async (db) => {
      const found = await contactsByKeys(db, keys);
      return found.best ? found.contacts.get(found.best) : undefined;
    });
  }
}
