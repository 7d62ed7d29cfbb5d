import { addMonths } from '../derive';
import { consentTooOld } from '../facts';
import type { BasisRecord } from '../../model/basis';
import type { ContactStore } from './contacts';
import type { LedgerCore } from './core';
import type { SettingsStore } from './settings';
import type { CleanupCategory } from './types';

// Clean-up: who has no provable basis, a consent too old, data past its retention, or an Art. 14 notice
// overdue, and erasing many of them at once.

export class CleanupStore {
  constructor(
    private readonly core: LedgerCore,
    private readonly settings: SettingsStore,
    private readonly contacts: ContactStore,
  ) {}

  /** Contacts in each clean-up category at `now`, with the policy's consent age and retention. */
  async cleanupScan(): Promise<{ categories: Record<CleanupCategory, { count: number; ids: string[] }>; total: number }> {
    const settings = await this.settings.get();
    const now = this.core.now();
    const today = now.toISOString().slice(0, 10);
    return this.core.read(['contacts', 'bases'], async (db) => {
      const consents = await db.bases.where('type').equals('consent').toArray();
      const byContact = new Map<string, BasisRecord[]>();
      for (const b of consents) byContact.set(b.contactId, [...(byContact.get(b.contactId) ?? []), b]);
      const tooOld: string[] = [];
      for (const [id, list] of byContact) {
        const live = list.filter((b) => b.type === 'consent' && !b.withdrawnAt);
        if (live.length && live.every((b) => b.type === 'consent' && consentTooOld(b.when, settings.policy.consentMaxAgeMonths, now))) tooOld.push(id);
      }
      // Retention: no interaction (or creation) within the retention period.
      const retention: string[] = [];
      const noBasis: string[] = [];
      const art14: string[] = [];
      const cutoff = addMonths(now, -settings.policy.retentionMonths).toISOString();
      await db.contacts.each((c) => {
        if (c.flags.includes('no_provable_basis')) noBasis.push(c.id);
        if (c.art14DueAt && c.art14DueAt < today) art14.push(c.id);
        const last = [c.lastInteractionAt, c.updatedAt, c.createdAt].filter((x): x is string => !!x).sort().pop()!;
        if (last < cutoff) retention.push(c.id);
      });
      const categories = {
        no_provable_basis: { count: noBasis.length, ids: noBasis },
        consent_too_old: { count: tooOld.length, ids: tooOld },
        retention_exceeded: { count: retention.length, ids: retention },
        art14_passed: { count: art14.length, ids: art14 },
      };
      const total = new Set([...noBasis, ...tooOld, ...retention, ...art14]).size;
      return { categories, total };
    });
  }
  /** Erases many contacts in chunks (each chunk one transaction), reporting progress. */
  async eraseMany(ids: readonly string[], reason: string, onProgress?: (done: number, total: number) => void): Promise<{ erased: number }> {
    const actor = await this.core.read(['settings'], (db) => this.core.actor(db));
    let erased = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      erased += await this.core.write(async (db) => {
        let n = 0;
        for (const id of chunk) if ((await this.contacts.eraseInTx(db, id, reason, actor)).erased) n++;
        return n;
      });
      onProgress?.(Math.min(i + chunk.length, ids.length), ids.length);
    }
    return { erased };
  }
}
