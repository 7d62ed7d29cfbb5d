import type { Contact } from '../../model/contact';
import { queryWords } from '../derive';
import { ContactListIndex } from '../list-index';
import { dropListSnapshot, LIST_SNAPSHOT_KEY, loadListSnapshot, saveListSnapshot } from '../list-snapshot';
import { CONTACT_COUNT_KEY, recountContacts, storedCount, type LedgerCore } from './core';
import { summaryOf } from './shared';
import type { ContactListQuery, ContactSummary } from './types';

// The contacts list and its search: an index kept next to the database (list-index.ts), loaded from its
// persisted snapshot (list-snapshot.ts), patched for the contacts the writes report as changed
// (LedgerCore.touch), merged with what an import wrote, and rebuilt from the contacts when no snapshot holds.

/** Journal rows past which a cold start writes a fresh snapshot (each is applied on every cold start). */
const JOURNAL_COMPACT = 2000;

export class ContactListStore {
  /** the contacts list's in-memory index (list-index.ts); null until first used or after bulk writes */
  private listIndex: ContactListIndex | null = null;
  /** bumped on bulk writes so an index built from an older snapshot is not kept */
  private listGeneration = 0;
  /** the build in flight, with the generation it started under (a later generation must not reuse it) */
  private listBuild: { generation: number; promise: Promise<ContactListIndex> } | null = null;

  /** bulk writes under way (beginBulk) */
  private bulkWrites = 0;
  /** the snapshot writes, one after another */
  private persisting: Promise<void> = Promise.resolve();
  /** the index just loaded was built from the contacts, or its journal is long: persist it once kept */
  private needsPersist = false;

  constructor(private readonly core: LedgerCore) {}

  private get listDirty() {
    return this.core.listDirty;
  }

  /** After bulk writes (also ones made past the repository, as the bench's seeding): rebuild the list index on next use. */
  invalidateList() {
    this.forget();
    // A cold start must not read the snapshot of before either.
    void this.core.writeTables(['kv'], (db) => dropListSnapshot(db)).catch((e: unknown) => console.warn('[ledger] list snapshot not dropped', e));
  }

  private forget() {
    this.listIndex = null;
    this.listGeneration++;
  }

  /**
   * Builds the contacts list's search index ahead of the first search (call when the background starts or
   * the options page opens). Failures are left for the next list call to report.
   */
  async warmUp(): Promise<void> {
    await this.contactListIndex().catch(() => undefined);
  }

  /**
   * After a bulk write committed (its transaction dropped the snapshot): the written contacts join the index
   * in one merge, so a search right after an import finds them, and the snapshot is written again.
   */
  applyBulk(contacts: readonly Contact[]) {
    if (this.listIndex && !this.listBuild && this.listDirty.size <= 500) {
      this.listIndex.replaceMany(contacts);
      void this.persist();
    } else this.forget();
  }

  /** Marks a bulk write in progress: no snapshot is written meanwhile (it would miss what the write adds). */
  beginBulk(): () => void {
    this.bulkWrites++;
    let ended = false;
    return () => {
      if (!ended) this.bulkWrites--;
      ended = true;
    };
  }

  /** Writes the index as the persisted snapshot (after a rebuild, a bulk write, or when the journal grew long). */
  persist(): Promise<void> {
    const run = async () => {
      const generation = this.listGeneration;
      const index = await this.contactListIndex();
      await this.core.writeTables(['kv', 'listChunks', 'listJournal'], async (db) => {
        // A bulk write since (or under way) has dropped the snapshot and changed what the index must hold.
        if (generation !== this.listGeneration || this.bulkWrites > 0 || index !== this.listIndex) return;
        await saveListSnapshot(db, index);
      });
    };
    this.persisting = this.persisting.then(run, run).catch((e: unknown) => console.warn('[ledger] list snapshot not saved', e));
    return this.persisting;
  }

  /** Resolves once the snapshot writes asked for so far are done (tests, the benchmark). */
  whenPersisted(): Promise<void> {
    return this.persisting;
  }

  async contactListIndex(): Promise<ContactListIndex> {
    // Patching is a sorted insert per contact; past a few hundred changes a rebuild is cheaper.
    if (this.listIndex && this.listDirty.size > 500) this.forget();
    if (!this.listIndex) {
      const generation = this.listGeneration;
      // One build at a time: concurrent list calls (and the warm-up) share it, unless a bulk write came
      // after it started: then its snapshot is old and a caller from the new generation builds afresh.
      if (this.listBuild?.generation !== generation) {
        const build = { generation, promise: this.load() };
        this.listBuild = build;
        build.promise.then(
          () => this.listBuild === build && (this.listBuild = null),
          () => this.listBuild === build && (this.listBuild = null),
        );
      }
      const built = await this.listBuild!.promise;
      if (generation !== this.listGeneration) return built; // a bulk write happened meanwhile: use once, do not keep
      this.listIndex = built;
      if (this.needsPersist) {
        this.needsPersist = false;
        void this.persist();
      }
    }
    const index = this.listIndex;
    if (this.listDirty.size) {
      const ids = [...this.listDirty];
      this.listDirty.clear();
      try {
        const rows = await this.core.read(['contacts'], (db) => db.contacts.bulkGet(ids));
        ids.forEach((id, i) => index.update(id, rows[i]));
      } catch (error) {
        for (const id of ids) this.listDirty.add(id); // patched on the next call instead of lost
        throw error;
      }
    }
    return index;
  }

  /** The persisted index, or (none valid) one built from every contact, to be persisted once kept. */
  private async load(): Promise<ContactListIndex> {
    this.listDirty.clear();
    const [snapshot, countRow] = await this.core.read(['kv', 'listChunks', 'listJournal'], (db) => Promise.all([loadListSnapshot(db), db.kv.get(CONTACT_COUNT_KEY)]));
    if (snapshot && snapshot.index.size === storedCount(countRow)) {
      if (snapshot.journal > JOURNAL_COMPACT) this.needsPersist = true;
      return snapshot.index;
    }
    const [all, count] = await this.core.read(['contacts', 'kv'], (db) => Promise.all([db.contacts.toArray(), db.kv.get(CONTACT_COUNT_KEY)]));
    const built = ContactListIndex.build(all);
    await this.checkContactCount(built.size, storedCount(count));
    this.needsPersist = true;
    return built;
  }

  /**
   * Self-check of the stored contact count against the freshly built index (both read in one transaction):
   * a write path that forgot to keep it would otherwise show a wrong total on every cold start.
   */
  async checkContactCount(indexed: number, stored: number | undefined): Promise<void> {
    if (stored === indexed) return;
    if (stored !== undefined) console.warn(`[ledger] stored contact count ${stored} ≠ ${indexed} contacts; repaired`);
    // Recounted in a write transaction of its own: writes since the index's read are included.
    await this.core.writeTables(['contacts', 'kv'], async (db) => void (await recountContacts(db))).catch((e: unknown) => console.warn('[ledger] contact count repair failed', e));
  }
  /**
   * The contacts list: prefix search per word over names, addresses, phones, companies and LinkedIn slugs,
   * plus filters, in name order, paged, with the total. Runs on the in-memory list index; only the page's
   * contacts are read from the database.
   */
  async listContacts(q: ContactListQuery): Promise<{ total: number; items: ContactSummary[] }> {
    const now = this.core.now();
    const words = queryWords(q.query ?? '');
    const f = q.filters ?? {};
    const plain = words.length === 0 && Object.values(f).every((v) => v === undefined || v === false || v === '');
    // The first page as the list opens with no persisted index (an older database, or just after a bulk
    // write): straight from the name index while the search index is built from every contact. (Its order
    // is the natural one except among names that differ only in their numbers.) The total is the stored count.
    const cold = plain && !this.listIndex ? await this.core.read(['kv'], (db) => db.kv.get(LIST_SNAPSHOT_KEY)) : 'warm';
    if (cold === undefined) {
      const [countRow, contacts] = await this.core.read(['contacts', 'kv'], (db) =>
        Promise.all([db.kv.get(CONTACT_COUNT_KEY), db.contacts.orderBy('sortName').offset(q.offset ?? 0).limit(q.limit ?? 50).toArray()]),
      );
      // An older database has no stored count yet: count once and keep it.
      const total = storedCount(countRow) ?? (await this.core.writeTables(['contacts', 'kv'], async (db) => storedCount(await db.kv.get(CONTACT_COUNT_KEY)) ?? (await recountContacts(db))));
      void this.warmUp();
      return { total, items: contacts.map((c) => summaryOf(c, now)) };
    }
    const index = await this.contactListIndex();
    const { total, ids } = index.query(words, f, now.toISOString().slice(0, 10), q.offset ?? 0, q.limit ?? 50);
    const contacts = (await this.core.read(['contacts'], (db) => db.contacts.bulkGet(ids))).filter((c): c is Contact => !!c);
    return { total, items: contacts.map((c) => summaryOf(c, now)) };
  }
  /** "My list": contacts saved from LinkedIn, newest first. */
  async myList(offset = 0, limit = 50) {
    const index = await this.contactListIndex();
    const { ids } = index.query([], { savedFromLinkedIn: true }, this.core.nowIso().slice(0, 10), 0, Number.MAX_SAFE_INTEGER);
    return this.core.read(['contacts', 'bases'], async (db) => {
      const contacts = (await db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c);
      contacts.sort((a, b) => (b.savedFromLinkedIn?.at ?? '').localeCompare(a.savedFromLinkedIn?.at ?? ''));
      return {
        total: contacts.length,
        items: contacts.slice(offset, offset + limit).map((c) => ({
          id: c.id,
          name: c.name,
          ...(c.headline ? { headline: c.headline } : {}),
          ...(c.company?.name ? { company: c.company.name } : {}),
          ...(c.linkedin.profileUrl ? { profileUrl: c.linkedin.profileUrl } : {}),
          savedAt: c.savedFromLinkedIn?.at ?? c.createdAt,
          basisTypes: c.flags.filter((f) => f.startsWith('basis:')).map((f) => f.slice(6)),
          restrictedVisibility: c.savedFromLinkedIn?.restrictedVisibility ?? false,
        })),
      };
    });
  }
}
