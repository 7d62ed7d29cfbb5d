// A persisted set of 64-bit fingerprints, in 1 024 buckets: "certainly absent" for many keys at once.
//
// A 50 000-row import asks, for ~100 000 identity keys, whether a contact holds them and whether they are on
// the do-not-contact list. Asked key by key, that is one IndexedDB request each (~50–60 µs in Chromium on
// this project's 2-core reference machine, over 7 s against 100 000 contacts and 1 000 000 suppression
// keys). Read as buckets it is at most 1 024 requests (~0.1 s); only the keys a bucket may hold are asked
// exactly, so a fingerprint collision costs one extra lookup and never a wrong answer.
//
// Every write that gives a contact a key or adds a suppression key must add its fingerprint (see
// repository.ts): a missing fingerprint would make an import miss a stored identity. Removal is only for
// erasure and for suppression keys no entry holds any more; a stale fingerprint is harmless.

import type { EntityTable, Table } from 'dexie';

/**
 * The one table these functions touch. Structural, not `LedgerDb`, so that db.ts (which rebuilds the
 * filters in its upgrade) can import this file without this file importing db.ts back: no import cycle.
 */
export interface KeyFilterDb {
  keyFilter: EntityTable<KeyFilterRow, 'id'>;
}

export const KEY_FILTER_BUCKETS = 1024;

/** 'c': the contacts' identity keys (`email:…`, `phone:…`); 's': suppression key hashes (suppressedKeys). */
export type KeyFilterKind = 'c' | 's';

export interface KeyFilterRow {
  /** `${kind}:${bucket}` */
  id: string;
  /** fingerprints as [hi, lo] pairs, sorted ascending by hi then lo, no repeats */
  fps: Uint32Array;
}

export interface Fingerprint {
  bucket: number;
  hi: number;
  lo: number;
}

/**
 * A suppression key hash (64 hex digits) is already uniform: the bucket is its first 10 bits, the
 * fingerprint its second and third 32-bit words.
 */
export function fingerprintOfHash(keyHash: string): Fingerprint {
  return {
    bucket: parseInt(keyHash.slice(0, 3), 16) >>> 2,
    hi: parseInt(keyHash.slice(8, 16), 16) >>> 0,
    lo: parseInt(keyHash.slice(16, 24), 16) >>> 0,
  };
}

/** The same fingerprint from the digest's words (sha256Words), without making the hex first. */
export function fingerprintOfWords(h: Uint32Array): Fingerprint {
  return { bucket: h[0]! >>> 22, hi: h[1]!, lo: h[2]! };
}

/** An identity key's fingerprint: three independent 32-bit string hashes (fast; not for secrets). */
export function fingerprintOfKey(key: string): Fingerprint {
  let a = 0x811c9dc5 ^ 0x9e3779b9, b = 0x01000193 ^ 0x85ebca6b, c = 0xc2b2ae35;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
    c = Math.imul(c ^ ch, 0x27d4eb2d);
  }
  return { bucket: mix(c, key.length) >>> 22, hi: mix(a, 0x68e31da4) >>> 0, lo: mix(b, 0xb5297a4d) >>> 0 };
}

/** murmur3's finaliser: spreads every input bit over the word. */
function mix(h: number, seed: number): number {
  h ^= seed;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const rowId = (kind: KeyFilterKind, bucket: number) => `${kind}:${bucket}`;

/** [hi, lo] pairs as a bucket stores them: sorted, without repeats. */
function packed(pairs: Array<[number, number]>): Uint32Array {
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = new Uint32Array(pairs.length * 2);
  let n = 0;
  for (const [h, l] of pairs) {
    if (n && out[n - 2] === h && out[n - 1] === l) continue;
    out[n++] = h;
    out[n++] = l;
  }
  return out.slice(0, n);
}

/** Index of the first pair not below (hi, lo); `found` when it is that pair. */
function search(fps: Uint32Array, hi: number, lo: number): { at: number; found: boolean } {
  let low = 0, high = fps.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const h = fps[mid * 2]!, l = fps[mid * 2 + 1]!;
    if (h < hi || (h === hi && l < lo)) low = mid + 1;
    else high = mid;
  }
  return { at: low, found: low * 2 < fps.length && fps[low * 2] === hi && fps[low * 2 + 1] === lo };
}

/**
 * The buckets a batch of fingerprints needs, read in one request; answers and edits them in memory, and
 * `save` writes back the buckets it changed. Use inside one read-write transaction.
 */
export class KeyFilter {
  private readonly changed = new Set<number>();

  private constructor(
    readonly kind: KeyFilterKind,
    private readonly buckets: Map<number, Uint32Array>,
  ) {}

  /** Reads the buckets of these fingerprints (all buckets when `all`). */
  static async load(db: KeyFilterDb, kind: KeyFilterKind, fps: readonly Fingerprint[] | 'all'): Promise<KeyFilter> {
    const wanted = fps === 'all' ? Array.from({ length: KEY_FILTER_BUCKETS }, (_, i) => i) : [...new Set(fps.map((f) => f.bucket))];
    const rows = wanted.length ? await db.keyFilter.bulkGet(wanted.map((b) => rowId(kind, b))) : [];
    const buckets = new Map<number, Uint32Array>();
    wanted.forEach((b, i) => buckets.set(b, rows[i]?.fps ?? new Uint32Array(0)));
    return new KeyFilter(kind, buckets);
  }

  /** Reads the buckets of these fingerprints that are not loaded yet. */
  async loadMore(db: KeyFilterDb, fps: readonly Fingerprint[]): Promise<void> {
    const missing = [...new Set(fps.map((f) => f.bucket))].filter((b) => !this.buckets.has(b));
    if (!missing.length) return;
    const rows = await db.keyFilter.bulkGet(missing.map((b) => rowId(this.kind, b)));
    missing.forEach((b, i) => this.buckets.set(b, rows[i]?.fps ?? new Uint32Array(0)));
  }

  /** False means no stored key has this fingerprint; true means one may (ask exactly). */
  mayHave(fp: Fingerprint): boolean {
    const fps = this.bucket(fp.bucket);
    return search(fps, fp.hi, fp.lo).found;
  }

  add(fps: readonly Fingerprint[]): void {
    const byBucket = new Map<number, Fingerprint[]>();
    for (const fp of fps) {
      if (this.mayHave(fp)) continue;
      const list = byBucket.get(fp.bucket);
      if (list) list.push(fp);
      else byBucket.set(fp.bucket, [fp]);
    }
    for (const [bucket, news] of byBucket) {
      const old = this.bucket(bucket);
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i < old.length; i += 2) pairs.push([old[i]!, old[i + 1]!]);
      for (const f of news) pairs.push([f.hi, f.lo]);
      this.buckets.set(bucket, packed(pairs));
      this.changed.add(bucket);
    }
  }

  remove(fps: readonly Fingerprint[]): void {
    const byBucket = new Map<number, Set<string>>();
    for (const fp of fps) {
      if (!this.mayHave(fp)) continue;
      const gone = byBucket.get(fp.bucket) ?? new Set<string>();
      gone.add(`${fp.hi}:${fp.lo}`);
      byBucket.set(fp.bucket, gone);
    }
    for (const [bucket, gone] of byBucket) {
      const old = this.bucket(bucket);
      const next = new Uint32Array(old.length);
      let n = 0;
      for (let i = 0; i < old.length; i += 2) {
        if (gone.has(`${old[i]}:${old[i + 1]}`)) continue;
        next[n++] = old[i]!;
        next[n++] = old[i + 1]!;
      }
      this.buckets.set(bucket, next.slice(0, n));
      this.changed.add(bucket);
    }
  }

  async save(db: KeyFilterDb): Promise<void> {
    if (!this.changed.size) return;
    const rows = [...this.changed].map((b) => ({ id: rowId(this.kind, b), fps: this.bucket(b) }));
    this.changed.clear();
    await db.keyFilter.bulkPut(rows);
  }

  private bucket(bucket: number): Uint32Array {
    const fps = this.buckets.get(bucket);
    // A programming error, not a data problem: answering "absent" for an unread bucket would be wrong.
    if (!fps) throw new Error(`key filter bucket ${this.kind}:${bucket} was not loaded`);
    return fps;
  }
}

/** Adds these fingerprints to a kind's filter (reads and writes only their buckets). */
export async function addToKeyFilter(db: KeyFilterDb, kind: KeyFilterKind, fps: readonly Fingerprint[]): Promise<void> {
  if (!fps.length) return;
  const filter = await KeyFilter.load(db, kind, fps);
  filter.add(fps);
  await filter.save(db);
}

export async function removeFromKeyFilter(db: KeyFilterDb, kind: KeyFilterKind, fps: readonly Fingerprint[]): Promise<void> {
  if (!fps.length) return;
  const filter = await KeyFilter.load(db, kind, fps);
  filter.remove(fps);
  await filter.save(db);
}

/**
 * Builds both filters from the stored contacts and suppression keys, replacing what was there (the schema
 * upgrade, a replacing restore, the benchmark's seeding). Pages through the tables so a million keys never
 * sit in memory as strings at once.
 */
export async function rebuildKeyFilters(db: { table(name: string): Table }): Promise<void> {
  const buckets = { c: new Map<number, Array<[number, number]>>(), s: new Map<number, Array<[number, number]>>() };
  const put = (kind: KeyFilterKind, fp: Fingerprint) => {
    const m = buckets[kind];
    const list = m.get(fp.bucket) ?? [];
    if (!m.has(fp.bucket)) m.set(fp.bucket, list);
    list.push([fp.hi, fp.lo]);
  };
  const PAGE = 20_000;
  let after: string | undefined;
  for (;;) {
    const coll = after === undefined ? db.table('contacts').orderBy(':id') : db.table('contacts').where(':id').above(after);
    const page = (await coll.limit(PAGE).toArray()) as Array<{ id: string; keys?: string[] }>;
    for (const c of page) for (const k of c.keys ?? []) put('c', fingerprintOfKey(k));
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  after = undefined;
  for (;;) {
    const coll = after === undefined ? db.table('suppressedKeys').toCollection() : db.table('suppressedKeys').where(':id').above(after);
    const keys = (await coll.limit(PAGE * 5).primaryKeys()) as string[];
    for (const h of keys) put('s', fingerprintOfHash(h));
    if (keys.length < PAGE * 5) break;
    after = keys[keys.length - 1]!;
  }
  await db.table('keyFilter').clear();
  const rows: KeyFilterRow[] = [];
  for (const kind of ['c', 's'] as const) {
    for (const [bucket, pairs] of buckets[kind]) rows.push({ id: rowId(kind, bucket), fps: packed(pairs) });
  }
  await db.table('keyFilter').bulkPut(rows);
}
