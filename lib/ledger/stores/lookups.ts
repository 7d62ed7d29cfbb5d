import { companyKeysOf, kindOfKey, keysOfContact, personKeysOf } from '../../identity/keys';
import type { MatchedSuppression, RecipientFacts } from '../facts';
import type { BasisRecord } from '../../model/basis';
import type { LedgerEvent } from '../../model/event';
import type { EvidenceRow } from '../../model/evidence';
import type { SuppressionRow } from '../../model/suppression';
import { sha256Hex } from '../sha256';
import type { LedgerCore } from './core';
import { contactsByKeys, dedupeById, evidenceMeta, latestVersions, summarizeEvents, whereAnyOf } from './shared';

// What the verdict service asks before a send: everything the ledger knows about one recipient, in one read.

export class LookupStore {
  constructor(private readonly core: LedgerCore) {}

  /**
   * Everything the ledger knows about one recipient, in one read transaction.
   * @param keys the recipient's identity keys (identityKeysOf); any subset resolves the contact
   * @param now the send date: decides nothing here but is kept for callers that derive from it
   */
  async factsForRecipient(keys: readonly string[], _now: Date = this.core.now()): Promise<RecipientFacts> {
    // Two rounds of parallel requests (each one IPC hop in Chromium): what the keys alone find, the contact
    // included; then the contact's records and what its other identities add.
    return this.core.read(['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments'], async (db) => {
      const inputKeys = [...new Set(keys)];
      const hashOf = new Map<string, string>();
      const hashesFor = (ks: string[]) => ks.filter((k) => !hashOf.has(k)).map((k) => (hashOf.set(k, sha256Hex(k)), hashOf.get(k)!));
      const round1Keys = [...new Set([...inputKeys, ...companyKeysOf(inputKeys)])];
      // Round 1 finds the contact itself (the `*keys` index returns it whole), so round 2 can ask for its
      // records and for what its other identities add at once; assessments only when a basis names one.
      const [found, sup1, ev1] = await Promise.all([
        contactsByKeys(db, personKeysOf(inputKeys)),
        whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', hashesFor(round1Keys)),
        whereAnyOf<LedgerEvent>(db.events, 'keys', personKeysOf(inputKeys)),
      ]);
      const best = found.best;
      const contact = best ? found.contacts.get(best) : undefined;
      const provenance = contact?.provenance ?? [];
      const allKeys = new Set(round1Keys);
      if (contact) for (const k of keysOfContact(contact)) allKeys.add(k);
      for (const k of companyKeysOf([...allKeys], contact?.company)) allKeys.add(k);
      const extra = [...allKeys].filter((k) => !round1Keys.includes(k));
      const [bases, evidence, ev2, sup3, ev3] = await Promise.all([
        best ? db.bases.where('contactId').equals(best).toArray() : Promise.resolve([] as BasisRecord[]),
        best ? db.evidence.where('contactId').equals(best).toArray() : Promise.resolve([] as EvidenceRow[]),
        best ? db.events.where('contactId').equals(best).toArray() : Promise.resolve([] as LedgerEvent[]),
        whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', hashesFor(extra)),
        whereAnyOf<LedgerEvent>(db.events, 'keys', personKeysOf(extra)),
      ]);
      const liIds = bases.filter((b) => b.type === 'legitimate_interest').map((b) => (b as { assessmentId: string }).assessmentId);
      const assessments = liIds.length ? await db.assessments.where('id').anyOf(liIds).toArray() : [];
      const keyOfHash = new Map([...hashOf.entries()].map(([k, h]) => [h, k]));
      const events = dedupeById([...ev1, ...ev2, ...ev3]);
      const matched: MatchedSuppression[] = dedupeById([...sup1, ...sup3])
        .filter((s) => {
          const k = keyOfHash.get(s.keyHash)!;
          // A domain or company key only matches a company-level entry.
          return s.level === 'company' || !(k.startsWith('domain:') || k.startsWith('company:'));
        })
        .map((s) => ({ ...s, matchedKeyKind: kindOfKey(keyOfHash.get(s.keyHash)!) ?? 'company' }));
      return {
        keys: [...allKeys],
        known: !!contact,
        ...(contact ? { contact } : {}),
        otherContactIds: found.others,
        bases,
        evidence: evidence.map(evidenceMeta),
        provenance,
        events: summarizeEvents(events, contact),
        suppressions: matched,
        erased: matched.some((s) => s.erased),
        assessments: latestVersions(assessments, bases),
      };
    });
  }
}
