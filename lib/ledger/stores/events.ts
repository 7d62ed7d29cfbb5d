import { Dexie } from 'dexie';
import type { LedgerEvent } from '../../model/event';
import { newId } from '../ids';
import { LedgerError } from '../errors';
import { keysOfContact } from '../../identity/keys';
import type { LedgerCore } from './core';
import { bestContactId, refreshDerived } from './shared';
import type { SuppressionStore } from './suppressions';
import type { OutboundRecord, OverrideRecord } from './types';

// What happened with a person: messages sent, sends against advice, replies and meetings, calls. Each is an
// event keyed by the recipient's identity keys, filed under their contact when the ledger knows them.

export class EventStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly suppressions: SuppressionStore,
  ) {}

  /** How many outbound messages with this body fingerprint went out since `sinceIso` (LI-04 bulk sending). */
  countRecentSimilarSends(fingerprint: string, sinceIso: string): Promise<number> {
    return this.core.read(['events'], (db) =>
      db.events.where('[bodyFingerprint+at]').between([fingerprint, sinceIso], [fingerprint, Dexie.maxKey], true, true).count(),
    );
  }
  /** Records one outbound event per recipient; a known recipient's contact gets its first/last contact dates. */
  async recordOutbound(record: OutboundRecord): Promise<number> {
    const at = record.at ?? this.core.nowIso();
    return this.core.write(async (db) => {
      let n = 0;
      for (const r of record.recipients) {
        const { best } = await bestContactId(db, r.keys);
        const ev: LedgerEvent = {
          id: newId(),
          kind: 'outbound',
          at,
          channel: record.channel,
          ...(record.site ? { site: record.site } : {}),
          disclosureIncluded: record.disclosureIncluded,
          bodyFingerprint: record.bodyFingerprint,
          keys: r.keys.slice(0, 50),
          ...(best ? { contactId: best } : {}),
        };
        await db.events.add(ev);
        if (best) {
          await db.contacts.update(best, (c) => {
            c.firstContactAt ??= at;
            c.lastInteractionAt = at;
            if (record.disclosureIncluded && !c.art14SentAt && !c.art13SentAt) c.art14SentAt = at;
          });
          await refreshDerived(this.core, db, best);
        }
        n++;
      }
      await this.core.audit(db, {
        actor: await this.core.actor(db),
        action: 'outbound-recorded',
        detail: { channel: record.channel, recipients: n, disclosureIncluded: record.disclosureIncluded },
      });
      return n;
    });
  }
  /** Records a "send anyway" against the engine's advice; always audited with the codes and reason. */
  async recordOverride(record: OverrideRecord): Promise<number> {
    const at = record.at ?? this.core.nowIso();
    return this.core.write(async (db) => {
      const contactIds: string[] = [];
      for (const r of record.recipients) {
        const { best } = await bestContactId(db, r.keys);
        if (best) contactIds.push(best);
        await db.events.add({
          id: newId(),
          kind: 'override',
          at,
          channel: record.channel,
          ...(record.site ? { site: record.site } : {}),
          keys: r.keys.slice(0, 50),
          codes: record.codes,
          reason: record.reason,
          decision: record.decision,
          ...(best ? { contactId: best } : {}),
        });
      }
      await this.core.audit(db, {
        actor: await this.core.actor(db),
        action: 'override',
        detail: { channel: record.channel, codes: record.codes, reason: record.reason, decision: record.decision, contactIds, recipients: record.recipients.length },
      });
      return record.recipients.length;
    });
  }
  /** A generic event (reply, declined InMail, meeting) about a recipient. */
  async recordEvent(kind: LedgerEvent['kind'], keys: string[], extra: Partial<LedgerEvent> = {}): Promise<string> {
    return this.core.write(async (db) => {
      const { best } = await bestContactId(db, keys);
      const id = newId();
      await db.events.add({ ...extra, id, kind, at: extra.at ?? this.core.nowIso(), keys: keys.slice(0, 50), ...(best ? { contactId: best } : {}) });
      if (best) {
        if (kind === 'reply' || kind === 'meeting' || kind === 'call') await db.contacts.update(best, { lastInteractionAt: extra.at ?? this.core.nowIso() });
        await refreshDerived(this.core, db, best);
      }
      await this.core.audit(db, { actor: await this.core.actor(db), action: `event-${kind}`, ...(best ? { contactId: best } : {}), detail: { kind, outcome: extra.outcome } });
      return id;
    });
  }
  async logCallOutcome(input: { contactId?: string; phoneKey: string; outcome: string; note: string; openingRead: boolean }) {
    return this.core.write(async (db) => {
      const actor = await this.core.actor(db);
      let contactId = input.contactId;
      if (contactId && !(await db.contacts.get(contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      contactId ??= (await bestContactId(db, [input.phoneKey])).best;
      const at = this.core.nowIso();
      const eventId = newId();
      const keys = [input.phoneKey];
      await db.events.add({
        id: eventId,
        kind: 'call',
        at,
        channel: 'call',
        outcome: input.outcome,
        note: input.note,
        keys,
        ...(contactId ? { contactId } : {}),
        recordedBy: actor,
      });
      let suppressionAdded = false;
      let blockedKeys: string[] = [];
      if (input.outcome === 'objected') {
        await db.events.add({ id: newId(), kind: 'objection', at, channel: 'call', keys, ...(contactId ? { contactId } : {}), recordedBy: actor });
        const contact = contactId ? await db.contacts.get(contactId) : undefined;
        const personKeys = contact ? keysOfContact(contact) : keys;
        // Art. 21(3) and Tw verzet: the objection binds the whole organisation on every channel.
        suppressionAdded = (await this.suppressions.addSuppressionsInTx(db, personKeys, { scope: 'all', level: 'person', reason: 'objected during a call', recordedBy: actor })).added > 0;
        blockedKeys = personKeys;
      }
      if (contactId) {
        await db.contacts.update(contactId, { lastInteractionAt: at });
        await refreshDerived(this.core, db, contactId);
      }
      await this.core.audit(db, { actor, action: 'call-logged', ...(contactId ? { contactId } : {}), detail: { outcome: input.outcome, openingRead: input.openingRead, suppressionAdded } });
      return { eventId, suppressionAdded, blockedKeys };
    });
  }
}
