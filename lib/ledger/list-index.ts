import type { Contact } from '../model/contact';

// An in-memory index of the contacts list, kept by the background next to the database. A search keystroke
// over 100 000 contacts is a scan of short strings here (milliseconds) instead of IndexedDB range reads
// that return most of the ledger for a one-letter prefix. The database stays the truth: the index is
// persisted as a few packed chunks (list-snapshot.ts) so a cold start reads those instead of every
// contact, patched for the contacts the writes report as changed, and rebuilt when its snapshot is gone.

export interface Entry {
  id: string;
  sortName: string;
  /** " token token …" (leading space) so a word-prefix test is `hay.includes(' ' + word)` */
  hay: string;
  flags: readonly string[];
  art14DueAt?: string;
}

export interface ListFilters {
  basis?: string;
  source?: string;
  objection?: boolean;
  firstContactPending?: boolean;
  art14Passed?: boolean;
  savedFromLinkedIn?: boolean;
}

export function entryOf(c: Contact): Entry {
  return { id: c.id, sortName: c.sortName, hay: ` ${c.searchTokens.join(' ')}`, flags: c.flags, ...(c.art14DueAt ? { art14DueAt: c.art14DueAt } : {}) };
}

/** Natural order: "persoon 2" before "persoon 10" (numeric collation); a contact without a name ('\uffff') last. */
const collator = new Intl.Collator('nl', { numeric: true });

export function compareEntries(a: Entry, b: Entry): number {
  if (a.sortName !== b.sortName) {
    const blankA = a.sortName === '\uffff';
    if (blankA !== (b.sortName === '\uffff')) return blankA ? 1 : -1;
    const c = collator.compare(a.sortName, b.sortName);
    if (c !== 0) return c;
    return a.sortName < b.sortName ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function before(a: Entry, b: Entry): boolean {
  return compareEntries(a, b) < 0;
}

export class ContactListIndex {
  private entries: Entry[] = [];
  private byId = new Map<string, Entry>();

  static build(contacts: readonly Contact[]): ContactListIndex {
    return ContactListIndex.fromSorted(contacts.map(entryOf).sort(compareEntries));
  }

  /** An index over entries already in list order (a persisted snapshot). */
  static fromSorted(entries: Entry[]): ContactListIndex {
    const index = new ContactListIndex();
    index.entries = entries;
    for (const e of entries) index.byId.set(e.id, e);
    return index;
  }

  /** Every entry in list order (to persist them). */
  all(): readonly Entry[] {
    return this.entries;
  }

  /**
   * Replaces the entries of many contacts at once (an import): one sort of the new entries and one merge,
   * instead of a sorted insert per contact.
   */
  replaceMany(contacts: readonly Contact[]): void {
    const ids = new Set(contacts.map((c) => c.id));
    const fresh = contacts.map(entryOf).sort(compareEntries);
    const kept = this.entries.filter((e) => !ids.has(e.id));
    const merged: Entry[] = new Array(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < fresh.length) merged[k++] = compareEntries(kept[i]!, fresh[j]!) <= 0 ? kept[i++]! : fresh[j++]!;
    while (i < kept.length) merged[k++] = kept[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.entries = merged;
    for (const id of ids) this.byId.delete(id);
    for (const e of fresh) this.byId.set(e.id, e);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Replaces (or removes, when `contact` is undefined) one contact's entry. */
  update(id: string, contact: Contact | undefined): void {
    this.updateEntry(id, contact ? entryOf(contact) : undefined);
  }

  /** Replaces (or removes, when `e` is undefined) one entry. */
  updateEntry(id: string, e: Entry | undefined): void {
    const old = this.byId.get(id);
    if (old) {
      const at = this.position(old);
      if (this.entries[at]?.id === id) this.entries.splice(at, 1);
      else this.entries = this.entries.filter((e) => e.id !== id); // never expected; stays correct regardless
      this.byId.delete(id);
    }
    if (!e) return;
    this.entries.splice(this.position(e), 0, e);
    this.byId.set(id, e);
  }

  /** The index where `e` is or would go (binary search on name, then id). */
  private position(e: Entry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.entries[mid]!, e)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Ids of the matching contacts in name order, one page of them, and how many match in all.
   * Every query word must start one of the contact's tokens; a lone one- or two-letter word matches the
   * start of the name (the first keystroke).
   */
  query(words: readonly string[], filters: ListFilters, today: string, offset: number, limit: number): { total: number; ids: string[] } {
    const nameOnly = words.length === 1 && words[0]!.length <= 2 ? words[0]! : null;
    const needles = nameOnly ? [] : words.map((w) => ` ${w}`);
    const wanted: string[] = [];
    if (filters.basis) wanted.push(filters.basis === 'no_provable_basis' ? 'no_provable_basis' : `basis:${filters.basis}`);
    if (filters.source) wanted.push(`source:${filters.source}`);
    if (filters.savedFromLinkedIn) wanted.push('mylist');
    const flagTest: [string, boolean][] = [];
    if (filters.objection !== undefined) flagTest.push(['objection', filters.objection]);
    if (filters.firstContactPending !== undefined) flagTest.push(['first_contact_pending', filters.firstContactPending]);
    let total = 0;
    const ids: string[] = [];
    for (const e of this.entries) {
      if (nameOnly !== null && !e.sortName.startsWith(nameOnly)) continue;
      if (needles.length && !needles.every((n) => e.hay.includes(n))) continue;
      if (wanted.length && !wanted.every((f) => e.flags.includes(f))) continue;
      if (flagTest.length && !flagTest.every(([f, want]) => e.flags.includes(f) === want)) continue;
      if (filters.art14Passed !== undefined && (!!e.art14DueAt && e.art14DueAt < today) !== filters.art14Passed) continue;
      if (total >= offset && ids.length < limit) ids.push(e.id);
      total++;
    }
    return { total, ids };
  }
}
