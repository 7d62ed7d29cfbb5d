import { Dexie, type Transaction } from 'dexie';
import { appendAudit, type AuditInput } from '../audit';
import { LedgerDb, LEDGER_DB_NAME } from '../db';
import { journalRowOf } from '../list-snapshot';
import type { Settings } from '../../model/settings';
import { repairSettings } from './settings-repair';

// What every store shares: one database handle, the clock, and one way each to read and to write. Every
// write that matters appends to the hash-chained audit log in the same transaction. No browser.* or fetch
// inside a transaction: hashing inside transactions is synchronous (sha256.ts), WebCrypto only before them.

export interface LedgerOptions {
  /** database name; tests use one per test */
  name?: string;
  /** the clock (tests fix it) */
  now?: () => Date;
  /** indexedDB/IDBKeyRange for tests that pass their own */
  dexieOptions?: ConstructorParameters<typeof Dexie>[1];
}

export const TABLES_ALL = ['contacts', 'bases', 'evidence', 'events', 'suppressions', 'suppressedKeys', 'keyFilter', 'assessments', 'settings', 'audit', 'kv', 'listJournal'] as const;

/**
 * kv key holding how many contacts there are, kept in the same transaction as every write that adds or
 * deletes contacts: IndexedDB’s count() walks the whole store (0.2–1.6 s at 100 000 contacts in Chromium),
 * which the list's first page cannot afford.
 */
export const CONTACT_COUNT_KEY = 'contacts.count';

export function storedCount(row: { value: unknown } | undefined): number | undefined {
  const v = row?.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Adds `delta` to the stored count (call after the contact rows are written); an older database without it counts once. */
export async function addToContactCount(db: LedgerDb, delta: number): Promise<void> {
  const stored = storedCount(await db.kv.get(CONTACT_COUNT_KEY));
  // Counted inside the transaction, so the count already includes this write.
  const value = stored === undefined ? await db.contacts.count() : stored + delta;
  await db.kv.put({ key: CONTACT_COUNT_KEY, value });
}

/** Sets the stored count from the table itself (bulk restores, repairs). */
export async function recountContacts(db: LedgerDb): Promise<number> {
  const value = await db.contacts.count();
  await db.kv.put({ key: CONTACT_COUNT_KEY, value });
  return value;
}

/**
 * Puts rows into a store of this transaction with plain IndexedDB requests, listening on the last one only.
 * (Dexie's bulkPut puts an error listener on each request and collects every result: ~15 µs a row in
 * Chromium, three quarters of a second for a 50 000-row import.) A failing request aborts the transaction,
 * which fails the last request too, so its listener hears about any failure.
 */
export function putRows(db: LedgerDb, store: 'contacts', rows: readonly object[]): Promise<void> {
  const objectStore = (db as LedgerDb & { idbTransaction: IDBTransaction }).idbTransaction.objectStore(store);
  return new Promise((resolve, reject) => {
    let last: IDBRequest | undefined;
    for (const row of rows) last = objectStore.put(row);
    if (!last) return resolve();
    const lastRequest = last;
    lastRequest.onsuccess = () => resolve();
    lastRequest.onerror = () => reject(lastRequest.error ?? new Error('The import could not be stored.'));
  });
}

/** The contacts a write transaction changed (a property of its bound database). */
const TOUCHED = Symbol('touched contacts');

function isClosedError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'DatabaseClosedError' || e.name === Dexie.errnames.DatabaseClosed);
}

/**
 * The database with each of the transaction's tables bound to it (`tx.table(name)`), so every request made
 * through it joins this transaction whatever Dexie's current zone is.
 */
function boundTo(db: LedgerDb, tx: Transaction): LedgerDb {
  const bound = Object.create(db) as LedgerDb;
  for (const name of tx.storeNames) Object.defineProperty(bound, name, { value: tx.table(name) });
  Object.defineProperty(bound, 'table', { value: (name: string) => tx.table(name) });
  Object.defineProperty(bound, 'idbTransaction', { value: tx.idbtrans });
  return bound;
}

export async function readSettingsRow(db: LedgerDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  return repairSettings(row?.value);
}

export class LedgerCore {
  readonly db: LedgerDb;
  readonly now: () => Date;
  /** contacts changed since the list index was last patched (the contact list store reads and clears it) */
  readonly listDirty = new Set<string>();
  /** marked inside transactions; marked again once they commit, so a list read in between cannot lose them */
  private readonly listPending = new Set<string>();

  constructor(options: LedgerOptions = {}) {
    this.db = new LedgerDb(options.name ?? LEDGER_DB_NAME, options.dexieOptions);
    this.now = options.now ?? (() => new Date());
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Runs `op`; after a service-worker wake-up the connection may be closed: reopen and retry once. */
  async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      if (!this.db.isOpen()) await this.db.open();
      return await op();
    } catch (e) {
      if (!isClosedError(e)) throw e;
      this.db.close();
      await this.db.open();
      return op();
    }
  }

  /**
   * One read-write transaction over every table. `op` gets the database with its tables bound to this
   * transaction: Dexie otherwise finds the transaction through its zone, which a concurrent request in the
   * same service worker can make it lose; the next request then runs outside the transaction, this one
   * has nothing pending and commits ("Transaction committed too early", seen in about 1 in 4 e2e runs).
   * 'rw!' makes it a transaction of its own even if a zone leaked in from another request.
   */
  async write<T>(op: (db: LedgerDb) => Promise<T>): Promise<T> {
    try {
      return await this.run(() =>
        this.db.transaction('rw!', [...TABLES_ALL], async (tx) => {
          const db = boundTo(this.db, tx);
          const touched = new Set<string>();
          Object.defineProperty(db, TOUCHED, { value: touched });
          const result = await op(db);
          // The persisted list index learns of every contact this write changed (list-snapshot.ts).
          if (touched.size) {
            const ids = [...touched];
            const rows = await db.contacts.bulkGet(ids);
            await db.listJournal.bulkPut(ids.map((id, i) => journalRowOf(id, rows[i])));
          }
          return result;
        }),
      );
    } finally {
      for (const id of this.listPending) this.listDirty.add(id);
      this.listPending.clear();
    }
  }

  /** A small read-write transaction over `tables` only (e.g. contacts and kv for the stored count). */
  writeTables<T>(tables: readonly string[], op: (db: LedgerDb) => Promise<T>): Promise<T> {
    return this.run(() => this.db.transaction('rw!', [...tables], (tx) => op(boundTo(this.db, tx))));
  }

  /** One read-only transaction over `tables`; `op` gets them bound to it (see `write`). */
  read<T>(tables: readonly string[], op: (db: LedgerDb) => Promise<T>): Promise<T> {
    return this.run(() => this.db.transaction('r!', [...tables], (tx) => op(boundTo(this.db, tx))));
  }

  /** A contact changed (inside a write transaction `db`): the list index must re-read it. */
  touch(db: LedgerDb, id: string) {
    this.listDirty.add(id);
    this.listPending.add(id);
    (db as LedgerDb & { [TOUCHED]?: Set<string> })[TOUCHED]?.add(id);
  }

  /** Who the audit log names: the rep of the settings, or "local user". */
  async actor(db: LedgerDb): Promise<string> {
    const s = await readSettingsRow(db);
    return s.rep.name || s.rep.email || 'local user';
  }

  audit(db: LedgerDb, input: AuditInput) {
    return appendAudit(db, input, this.nowIso());
  }

  close() {
    this.db.close();
  }
}
