import { planCsvImport } from '../lib/csv/import';
import { deriveContactIndex } from '../lib/ledger/derive';
import { CONTACT_COUNT_KEY, type Ledger } from '../lib/ledger/repository';
import type { Contact, Provenance } from '../lib/model/contact';
import type { SuppressionRow } from '../lib/model/suppression';
import { sha256Hex } from '../lib/ledger/sha256';
import { fingerprintOfKey, rebuildKeyFilters, removeFromKeyFilter } from '../lib/ledger/key-filter';

// Benchmark hooks: seed a large synthetic ledger quickly and time lookups and a CSV
// import where the numbers mean something: Chromium's IndexedDB (the background service worker in a
// VITE_OG_BENCH=1 build exposes this as globalThis.__ogBench; bench/ledger-lookup.bench.ts drives it).
// Never used by the product itself.

export interface Timings {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function timingsOf(samples: number[]): Timings {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { count: s.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(s[s.length - 1] ?? 0), mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

/** The identity keys of synthetic contact `i` (what a lookup for that recipient would send). */
export function syntheticKeys(i: number): string[] {
  return [`email:persoon${i}@bedrijf${i % 5000}.nl`, `phone:+3161${String(i).padStart(7, '0')}`, `li-vanity:persoon-${i}`];
}

function syntheticContact(i: number, now: string): { contact: Contact; provenance: Provenance } {
  const base = {
    id: `bench-${i}`,
    name: `Persoon ${i} Achternaam${i % 997}`,
    emails: [`persoon${i}@bedrijf${i % 5000}.nl`],
    phones: [`+3161${String(i).padStart(7, '0')}`],
    linkedin: { memberIds: [], vanities: [`persoon-${i}`], leadIds: [] },
    company: { name: `Bedrijf ${i % 5000}`, domain: `bedrijf${i % 5000}.nl` },
    recipientKind: 'natural_professional' as const,
    addresses: [],
    createdAt: now,
    updatedAt: now,
  };
  const provenance: Provenance = { id: `bench-p-${i}`, contactId: base.id, source: i % 3 ? 'linkedin_manual' : 'event_list', obtainedAt: '2026-01-01', recordedAt: now, recordedBy: 'bench' };
  return { contact: deriveContactIndex({ ...base, provenance: [provenance] }, [], [provenance], [], false), provenance };
}

/**
 * Counts IndexedDB requests (per store/index and method) until the returned function is called. The list
 * starts its index build in the background just before it returns, so that build's first request may show up too.
 */
function countRequests(into: Record<string, number>): () => void {
  const undo: (() => void)[] = [];
  const wrap = (proto: object, kind: string, names: string[]) => {
    for (const name of names) {
      const original = (proto as Record<string, unknown>)[name];
      if (typeof original !== 'function') continue;
      (proto as Record<string, unknown>)[name] = function (this: { name: string }, ...args: unknown[]) {
        const key = kind === 'cursor' ? `cursor.${name}` : `${kind}:${this.name}.${name}`;
        into[key] = (into[key] ?? 0) + 1;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
      undo.push(() => ((proto as Record<string, unknown>)[name] = original));
    }
  };
  const ops = ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete'];
  wrap(IDBObjectStore.prototype, 'store', ops);
  wrap(IDBIndex.prototype, 'index', ops);
  wrap(IDBCursor.prototype, 'cursor', ['continue', 'advance']);
  return () => undo.forEach((u) => u());
}

/** What the verdict service asks besides the ledger: the team do-not-contact lookup (lib/sync/engine.ts). */
export interface BenchTeamLookup {
  teamSuppressionsFor(keys: string[]): Promise<unknown[]>;
}

export function benchHooks(ledger: Ledger, team?: BenchTeamLookup) {
  const db = ledger.db;
  return {
    /** Adds `contacts` synthetic contacts and `suppressions` suppression keys in bulk (chunked transactions). */
    async seed(options: { contacts: number; suppressions: number; chunk?: number }): Promise<{ ms: number; contacts: number; suppressions: number }> {
      const started = performance.now();
      const chunk = options.chunk ?? 5000;
      const now = new Date().toISOString();
      for (let start = 0; start < options.contacts; start += chunk) {
        const rows: ReturnType<typeof syntheticContact>[] = [];
        for (let i = start; i < Math.min(options.contacts, start + chunk); i++) rows.push(syntheticContact(i, now));
        await db.transaction('rw', [db.contacts], async () => {
          await db.contacts.bulkPut(rows.map((r) => r.contact));
        });
      }
      for (let start = 0; start < options.suppressions; start += chunk * 4) {
        const rows: SuppressionRow[] = [];
        for (let i = start; i < Math.min(options.suppressions, start + chunk * 4); i++) {
          rows.push({
            id: `bench-s-${i}`,
            keyHash: sha256Hex(`email:blocked${i}@elders${i % 20000}.nl`),
            keyKind: 'email',
            level: 'person',
            scope: 'all',
            reason: 'bench',
            recordedBy: 'bench',
            recordedAt: now,
            source: 'personal',
          });
        }
        await db.transaction('rw', [db.suppressions, db.suppressedKeys], async () => {
          await db.suppressions.bulkPut(rows);
          await db.suppressedKeys.bulkPut(rows.map((r) => ({ keyHash: r.keyHash, count: 1 })));
        });
      }
      // Seeding writes past the repository: keep its stored contact count (the list's total) true.
      const seeded = await db.contacts.count();
      await db.kv.put({ key: CONTACT_COUNT_KEY, value: seeded });
      // …and its key filters (what a real import's duplicate and do-not-contact checks read).
      await db.transaction('rw', [db.contacts, db.suppressedKeys, db.keyFilter], (tx) => rebuildKeyFilters(tx));
      // The background built its list index at start-up, before these rows existed.
      ledger.invalidateList();
      return { ms: Math.round(performance.now() - started), contacts: seeded, suppressions: await db.suppressions.count() };
    },

    /** Times `factsForRecipient` for `count` random seeded contacts (all their identities) plus unknown ones. */
    async lookups(options: { count: number; seededContacts: number; unknownShare?: number }): Promise<Timings & { found: number }> {
      const samples: number[] = [];
      let found = 0;
      const now = new Date();
      // Warm-up: the first transactions open the connection and warm the caches.
      for (let i = 0; i < 20; i++) await ledger.factsForRecipient(syntheticKeys(i), now);
      for (let n = 0; n < options.count; n++) {
        const unknown = Math.random() < (options.unknownShare ?? 0.2);
        const i = Math.floor(Math.random() * options.seededContacts);
        const keys = unknown ? [`email:nobody${n}@nergens.nl`] : syntheticKeys(i);
        const t0 = performance.now();
        const f = await ledger.factsForRecipient(keys, now);
        samples.push(performance.now() - t0);
        if (f.known) found++;
      }
      return { ...timingsOf(samples), found };
    },

    /**
     * Times one recipient's look-up as the verdict service makes it (verdict-service.ts): ledger facts and the
     * team list at once; and each alone, to say which part costs what. `keys` per recipient; the team is
     * asked with the e-mail's `domain:` key too, as the service does.
     */
    async recipientLookups(options: { recipients: string[][]; warmUp?: number }): Promise<{ facts: Timings; team: Timings; both: Timings; teamHits: number }> {
      if (!team) throw new Error('benchHooks was made without a team lookup');
      const withDomain = (keys: string[]) => [...new Set([...keys, ...keys.filter((k) => k.startsWith('email:')).map((k) => `domain:${k.slice(k.lastIndexOf('@') + 1)}`)])];
      const now = new Date();
      for (const keys of options.recipients.slice(0, options.warmUp ?? 20)) await Promise.all([ledger.factsForRecipient(keys, now), team.teamSuppressionsFor(withDomain(keys))]);
      const facts: number[] = [];
      const teamMs: number[] = [];
      const both: number[] = [];
      let teamHits = 0;
      for (const keys of options.recipients) {
        let t = performance.now();
        await ledger.factsForRecipient(keys, now);
        facts.push(performance.now() - t);
        t = performance.now();
        const hits = await team.teamSuppressionsFor(withDomain(keys));
        teamMs.push(performance.now() - t);
        if (hits.length) teamHits++;
        t = performance.now();
        await Promise.all([ledger.factsForRecipient(keys, now), team.teamSuppressionsFor(withDomain(keys))]);
        both.push(performance.now() - t);
      }
      return { facts: timingsOf(facts), team: timingsOf(teamMs), both: timingsOf(both), teamHits };
    },

    /** Times the contacts list: first page, and a search per "keystroke". */
    async list(options: { searches: string[]; probe?: boolean; dropStoredCount?: boolean }): Promise<{ probes?: Record<string, number>; firstPageMs: number; firstPageTotal: number; firstPageRequests: Record<string, number>; firstSearchMs: number; search: Timings }> {
      // probe: time the first page's two reads on their own first, to see which one is cold.
      // dropStoredCount: as an older database without the stored count (what the first page cost before it).
      if (options.dropStoredCount) await db.kv.delete(CONTACT_COUNT_KEY);
      let probes: Record<string, number> | undefined;
      if (options.probe) {
        const time = async (fn: () => Promise<unknown>) => ((t) => fn().then(() => Math.round(performance.now() - t)))(performance.now());
        probes = {
          kvGet: await time(() => db.kv.get(CONTACT_COUNT_KEY)),
          sortNameFirst50: await time(() => db.contacts.orderBy('sortName').limit(50).toArray()),
          sortNameAgain: await time(() => db.contacts.orderBy('sortName').limit(50).toArray()),
          sortNameFromJ: await time(() => db.contacts.where('sortName').aboveOrEqual('j').limit(50).toArray()),
          sortNameFromJAgain: await time(() => db.contacts.where('sortName').aboveOrEqual('j').limit(50).toArray()),
          primaryFirst50: await time(() => db.contacts.limit(50).toArray()),
          sortNameKeys50: await time(() => db.contacts.orderBy('sortName').limit(50).primaryKeys()),
          sortNameCursor50: await time(() => db.contacts.orderBy('sortName').offset(1).limit(50).toArray()),
          sortNameFromA: await time(() => db.contacts.where('sortName').aboveOrEqual('').limit(50).toArray()),
          rawGetAll50: await time(
            () =>
              new Promise((resolve, reject) => {
                const r = db.backendDB().transaction('contacts').objectStore('contacts').index('sortName').getAll(null, 50);
                r.onsuccess = () => resolve(r.result);
                r.onerror = () => reject(r.error);
              }),
          ),
          rawCursor50: await time(
            () =>
              new Promise((resolve, reject) => {
                const out: unknown[] = [];
                const r = db.backendDB().transaction('contacts').objectStore('contacts').index('sortName').openCursor();
                r.onsuccess = () => {
                  const c = r.result;
                  if (!c || out.length >= 50) return resolve(out);
                  out.push(c.value);
                  c.continue();
                };
                r.onerror = () => reject(r.error);
              }),
          ),
        };
      }
      const requests: Record<string, number> = {};
      const restore = countRequests(requests);
      const t0 = performance.now();
      let first: { total: number };
      try {
        first = await ledger.listContacts({ offset: 0, limit: 50 });
      } finally {
        restore();
      }
      const firstPageMs = performance.now() - t0;
      const samples: number[] = [];
      for (const q of options.searches) {
        const t = performance.now();
        await ledger.listContacts({ query: q, offset: 0, limit: 50 });
        samples.push(performance.now() - t);
      }
      return { ...(probes ? { probes } : {}), firstPageMs: Math.round(firstPageMs * 1000) / 1000, firstPageTotal: first.total, firstPageRequests: requests, firstSearchMs: Math.round(samples[0]! * 1000) / 1000, search: timingsOf(samples) };
    },

    /** Generates a Dutch-Excel CSV of `rows` contacts and imports it: parse+check and write times. */
    async csvImport(options: { rows: number; offset?: number }): Promise<{ parseMs: number; writeMs: number; totalMs: number; created: number; merged: number; progressReports: number; phases: Record<string, number> }> {
      const off = options.offset ?? 1_000_000;
      const lines = ['Naam;E-mail;Telefoon;Bedrijf;Bron;Verkregen op'];
      for (let i = off; i < off + options.rows; i++) {
        lines.push(`"Zz Import ${i}; Test";import${i}@klant${i % 3000}.nl;06${String(i % 100_000_000).padStart(8, '0')};Klant ${i % 3000};beurs;${(i % 28) + 1}-1-2026`);
      }
      const text = '\ufeff' + lines.join('\r\n');
      // As the csv/import handler does it: the plan's rows carry checked addresses the ledger does not normalise again.
      const t0 = performance.now();
      const plan = planCsvImport(text, { today: new Date().toISOString().slice(0, 10) });
      if (plan.errors.length) throw new Error(`bench CSV has errors: ${plan.errors[0]!.message}`);
      const t1 = performance.now();
      let progressReports = 0;
      const r = await ledger.importContacts(plan.rows, () => progressReports++);
      const t2 = performance.now();
      return { parseMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0), ...r, progressReports, phases: ledger.lastImportPhases };
    },

    /** Rebuilds both key filters from the stored data: the work of the schema v4 upgrade on this ledger. */
    async keyFilterRebuild(): Promise<{ ms: number }> {
      const t = performance.now();
      await db.transaction('rw', [db.contacts, db.suppressedKeys, db.keyFilter], (tx) => rebuildKeyFilters(tx));
      return { ms: Math.round(performance.now() - t) };
    },

    /** How many contacts and suppression keys are stored (a kept bench profile need not be seeded again). */
    async counts(): Promise<{ contacts: number; suppressions: number }> {
      return { contacts: await db.contacts.count(), suppressions: await db.suppressions.count() };
    },

    /**
     * Deletes what `csvImport` added (named "Zz Import …"; "Import …" in older runs), so a kept profile stays as
     * seeded. They sort after the seeded contacts on purpose: Chromium's LevelDB keeps deleted index entries
     * for a while, and a run of them at the head of the name order made every later first page of the list
     * skip them (~0.9 s after many runs).
     */
    async removeCsvImport(): Promise<number> {
      const ids = (await db.contacts.where('sortName').startsWithAnyOf(['zz import ', 'import ']).primaryKeys()) as string[];
      for (let i = 0; i < ids.length; i += 5000) {
        const chunk = ids.slice(i, i + 5000);
        await db.transaction('rw', [db.contacts, db.kv, db.keyFilter], async () => {
          const rows = await db.contacts.bulkGet(chunk);
          // As the repository's delete does: the next run imports the same keys, which must be new again.
          await removeFromKeyFilter(db, 'c', rows.flatMap((c) => c?.keys ?? []).map(fingerprintOfKey));
          const stored = (await db.kv.get(CONTACT_COUNT_KEY))?.value;
          if (typeof stored === 'number') await db.kv.put({ key: CONTACT_COUNT_KEY, value: stored - rows.filter(Boolean).length });
          await db.contacts.bulkDelete(chunk);
        });
      }
      ledger.invalidateList();
      return ids.length;
    },

    /** Removes everything (between runs). */
    async clear(): Promise<void> {
      await db.transaction('rw', db.tables, async () => {
        for (const t of db.tables) await t.clear();
      });
    },
  };
}
