import type { Table } from 'dexie';
import { ContactListIndex, entryOf, type Entry } from './list-index';
import type { Contact } from '../model/contact';

// The contacts list's index, persisted: a cold start reads ~10 packed rows instead of every contact (1.5–3.5 s
// at 100 000 contacts in Chromium). Each chunk holds 10 000 entries in list order, every field joined into
// one string (one string per field deserialises far faster than 10 000 small ones). Writes of single
// contacts add a journal row in their own transaction; bulk writes (import, restore) drop the snapshot's
// meta row in theirs and persist a new snapshot after commit. No meta row: rebuild from the contacts.

/** kv key of the snapshot's meta row: present only while the chunks and the journal describe every contact */
export const LIST_SNAPSHOT_KEY = 'list.snapshot';
const CHUNK = 10_000;
const SEP = '\u0001';
const FORMAT = 1;

export interface ListChunkRow {
  id: number;
  ids: string;
  names: string;
  hays: string;
  flags: string;
  art14: string;
}

/** One contact's entry as of its last write, or `removed` when it was deleted. */
export interface ListJournalRow {
  id: string;
  removed?: true;
  name?: string;
  hay?: string;
  flags?: string;
  art14?: string;
}

interface SnapshotMeta {
  format: number;
  chunks: number;
  size: number;
}

/** A database or transaction whose kv, listChunks and listJournal tables are in reach (also an upgrade's). */
interface Tables {
  table(name: 'kv'): Table<{ key: string; value: unknown }, string>;
  table(name: 'listChunks'): Table<ListChunkRow, number>;
  table(name: 'listJournal'): Table<ListJournalRow, string>;
}

const clean = (s: string) => (s.includes(SEP) ? s.split(SEP).join(' ') : s);

function pack(entries: readonly Entry[], id: number): ListChunkRow {
  return {
    id,
    ids: entries.map((e) => e.id).join(SEP),
    names: entries.map((e) => clean(e.sortName)).join(SEP),
    hays: entries.map((e) => clean(e.hay)).join(SEP),
    flags: entries.map((e) => e.flags.join(' ')).join(SEP),
    art14: entries.map((e) => e.art14DueAt ?? '').join(SEP),
  };
}

function unpack(row: ListChunkRow, into: Entry[]): void {
  if (!row.ids) return;
  const ids = row.ids.split(SEP);
  const names = row.names.split(SEP);
  const hays = row.hays.split(SEP);
  const flags = row.flags.split(SEP);
  const art14 = row.art14.split(SEP);
  for (let i = 0; i < ids.length; i++) {
    const e: Entry = { id: ids[i]!, sortName: names[i]!, hay: hays[i]!, flags: flags[i] ? flags[i]!.split(' ') : [] };
    if (art14[i]) e.art14DueAt = art14[i]!;
    into.push(e);
  }
}

function entryOfJournal(row: ListJournalRow): Entry | undefined {
  if (row.removed) return undefined;
  return { id: row.id, sortName: row.name ?? '', hay: row.hay ?? '', flags: row.flags ? row.flags.split(' ') : [], ...(row.art14 ? { art14DueAt: row.art14 } : {}) };
}

/** The journal row for a contact as written (undefined: deleted). Inside the write's transaction. */
export function journalRowOf(id: string, c: Contact | undefined): ListJournalRow {
  if (!c) return { id, removed: true };
  const e = entryOf(c);
  return { id, name: e.sortName, hay: e.hay, flags: e.flags.join(' '), ...(e.art14DueAt ? { art14: e.art14DueAt } : {}) };
}

/** The persisted index with its journal applied, or null when there is no valid snapshot. Inside a read transaction. */
export async function loadListSnapshot(db: Tables): Promise<{ index: ContactListIndex; journal: number } | null> {
  const [metaRow, chunks, journal] = await Promise.all([db.table('kv').get(LIST_SNAPSHOT_KEY), db.table('listChunks').toArray(), db.table('listJournal').toArray()]);
  const meta = metaRow?.value as SnapshotMeta | undefined;
  if (!meta || meta.format !== FORMAT || meta.chunks !== chunks.length) return null;
  const entries: Entry[] = [];
  for (const row of chunks.sort((a, b) => a.id - b.id)) unpack(row, entries);
  if (entries.length !== meta.size) return null;
  const index = ContactListIndex.fromSorted(entries);
  for (const row of journal) index.updateEntry(row.id, entryOfJournal(row));
  return { index, journal: journal.length };
}

/**
 * Writes `index` as the snapshot and empties the journal, in a transaction over kv, listChunks and listJournal.
 * The journal is applied to the index first: it holds every single-contact write committed since the index
 * was read, so the snapshot is the database as of this transaction.
 */
export async function saveListSnapshot(db: Tables, index: ContactListIndex): Promise<void> {
  for (const row of await db.table('listJournal').toArray()) index.updateEntry(row.id, entryOfJournal(row));
  const all = index.all();
  const rows: ListChunkRow[] = [];
  for (let at = 0; at < all.length; at += CHUNK) rows.push(pack(all.slice(at, at + CHUNK), rows.length));
  await db.table('listChunks').clear();
  await db.table('listChunks').bulkPut(rows);
  await db.table('listJournal').clear();
  await db.table('kv').put({ key: LIST_SNAPSHOT_KEY, value: { format: FORMAT, chunks: rows.length, size: all.length } satisfies SnapshotMeta });
}

/** Drops the snapshot (a bulk write, inside its transaction): the next cold start rebuilds from the contacts. */
export async function dropListSnapshot(db: Tables): Promise<void> {
  await db.table('kv').delete(LIST_SNAPSHOT_KEY);
}
