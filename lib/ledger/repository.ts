import { Dexie, type Transaction } from 'dexie';
import { domainKeyOfEmailKey, kindOfKey, normalizeDomain, toHex } from '../identity/normalize';
import { appendAudit, AUDIT_HEAD_KEY, verifyAuditChain, type AuditHead, type AuditInput, type AuditVerifyResult } from './audit';
import { normalizeIdentities, mergeContacts, type RawIdentities } from './contact-input';
import { LedgerDb, keysOfContact, LEDGER_DB_NAME } from './db';
import { addMonths, dateOf, deriveContactIndex, foldText, isProvableBasis, queryWords } from './derive';
import { LedgerError } from './errors';
import { ContactListIndex } from './list-index';
import type { EventSummary, MatchedSuppression, RecipientFacts } from './facts';
import { consentTooOld } from './facts';
import {
  assessmentSchema,
  basisRecordSchema,
  EVIDENCE_MAX_BYTES,
  settingsSchema,
  type Assessment,
  type AuditEntry,
  type BasisRecord,
  type Company,
  type Contact,
  type EvidenceMeta,
  type EvidenceRow,
  type LedgerEvent,
  type Provenance,
  type Settings,
  type SettingsInput,
  type SourceKind,
  type SuppressionRow,
  type SuppressionScope,
} from './schema';
import { hexOfWords, sha256Hex, sha256Words } from './sha256';
import { newId } from './ids';
import { addToKeyFilter, fingerprintOfHash, fingerprintOfKey, fingerprintOfWords, KeyFilter, removeFromKeyFilter } from './key-filter';

// The one module that touches the ledger database. Callers (the background's handlers, the verdict
// service, backup and CSV import) go through `Ledger`; nothing else imports Dexie. Every write that
// matters appends to the hash-chained audit log in the same transaction. No browser.* or fetch inside a
// transaction: hashing inside transactions is synchronous (sha256.ts), WebCrypto only before them.

export type { RecipientFacts } from './facts';

export interface LedgerOptions {
  /** database name; tests use one per test */
  name?: string;
  /** the clock (tests fix it) */
  now?: () => Date;
  /** indexedDB/IDBKeyRange for tests that pass their own */
  dexieOptions?: ConstructorParameters<typeof Dexie>[1];
}

/** A contact as the contact form, CSV import or save-profile button hands it in (identities raw). */
export interface ContactDraft extends RawIdentities {
  id?: string;
  name: string;
  recipientKind?: Contact['recipientKind'];
  country?: string;
  addresses?: Contact['addresses'];
  headline?: string;
  notes?: string;
  art13SentAt?: string;
  art14SentAt?: string;
  legacy?: boolean;
  savedFromLinkedIn?: Contact['savedFromLinkedIn'];
}

export interface ProvenanceDraft {
  source: SourceKind;
  detail?: string;
  url?: string;
  obtainedAt: string;
}

/** A basis record as handed in: without the fields the ledger fills in. */
export type BasisDraft = { id?: string } & Record<string, unknown> & { type: BasisRecord['type'] };

export interface ContactListQuery {
  query?: string;
  filters?: {
    basis?: string;
    source?: SourceKind;
    objection?: boolean;
    firstContactPending?: boolean;
    art14Passed?: boolean;
    savedFromLinkedIn?: boolean;
  };
  offset?: number;
  limit?: number;
}

export interface ContactSummary {
  id: string;
  name: string;
  company?: string;
  email?: string;
  phone?: string;
  linkedin?: string;
  basisTypes: string[];
  source?: SourceKind;
  objection: boolean;
  firstContactPending: boolean;
  art14Passed: boolean;
  updatedAt: string;
}

export interface SuppressionOptions {
  scope: SuppressionScope;
  reason: string;
  level: 'person' | 'company';
  recordedBy?: string;
  /** left by an erasure */
  erased?: boolean;
}

export interface OutboundRecord {
  site?: string;
  channel: string;
  /** one entry per recipient: its identity keys (normalised; see identityKeysOf) */
  recipients: { keys: string[] }[];
  disclosureIncluded: boolean;
  bodyFingerprint: string;
  at?: string;
}

export interface OverrideRecord {
  site?: string;
  channel: string;
  recipients: { keys: string[] }[];
  codes: string[];
  reason: string;
  decision: string;
  at?: string;
}

export type CleanupCategory = 'no_provable_basis' | 'consent_too_old' | 'retention_exceeded' | 'art14_passed';

export interface ImportRow {
  /** 1-based row number in the file, for error messages */
  row: number;
  contact: ContactDraft;
  provenance?: ProvenanceDraft;
  basis?: BasisDraft;
}

const TABLES_ALL = ['contacts', 'bases', 'evidence', 'events', 'suppressions', 'suppressedKeys', 'keyFilter', 'assessments', 'settings', 'audit', 'kv'] as const;

/**
 * kv key holding how many contacts there are, kept in the same transaction as every write that adds or
 * deletes contacts: IndexedDB’s count() walks the whole store (0.2–1.6 s at 100 000 contacts in Chromium),
 * which the list's first page cannot afford.
 */
export const CONTACT_COUNT_KEY = 'contacts.count';

function storedCount(row: { value: unknown } | undefined): number | undefined {
  const v = row?.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Adds `delta` to the stored count (call after the contact rows are written); an older database without it counts once. */
async function addToContactCount(db: LedgerDb, delta: number): Promise<void> {
  const stored = storedCount(await db.kv.get(CONTACT_COUNT_KEY));
  // Counted inside the transaction, so the count already includes this write.
  const value = stored === undefined ? await db.contacts.count() : stored + delta;
  await db.kv.put({ key: CONTACT_COUNT_KEY, value });
}

/** Sets the stored count from the table itself (bulk restores, repairs). */
async function recountContacts(db: LedgerDb): Promise<number> {
  const value = await db.contacts.count();
  await db.kv.put({ key: CONTACT_COUNT_KEY, value });
  return value;
}

const uuid = newId;

/**
 * Puts rows into a store of this transaction with plain IndexedDB requests, listening on the last one only.
 * (Dexie's bulkPut puts an error listener on each request and collects every result: ~15 µs a row in
 * Chromium, three quarters of a second for a 50 000-row import.) A failing request aborts the transaction,
 * which fails the last request too, so its listener hears about any failure.
 */
function putRows(db: LedgerDb, store: 'contacts', rows: readonly object[]): Promise<void> {
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

/** A masked label for a suppressed key that a list can show without revealing the whole identifier. */
export function maskKey(key: string): string {
  const kind = kindOfKey(key) ?? key.slice(0, key.indexOf(':'));
  const v = key.slice(key.indexOf(':') + 1);
  if (kind === 'email') {
    const at = v.lastIndexOf('@');
    return `${v.slice(0, 1)}…@${v.slice(at + 1)}`;
  }
  if (kind === 'phone') return `${v.slice(0, 4)}…${v.slice(-2)}`;
  if (kind === 'domain' || kind === 'company') return v;
  return `${v.slice(0, 3)}…`;
}

/** The company-level keys a set of identity keys implies: `domain:` of each e-mail (and of the company). */
export function companyKeysOf(keys: readonly string[], company?: Company): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    const d = domainKeyOfEmailKey(k);
    if (d) out.add(d);
    if (k.startsWith('domain:') || k.startsWith('company:')) out.add(k);
  }
  if (company?.domain) out.add(`domain:${company.domain}`);
  if (company?.name) out.add(companyKey(company.name));
  return [...out];
}

/** `company:<folded name>`: the key of a company-level block by name (outside the shared convention; local only). */
export function companyKey(name: string): string {
  return `company:${foldText(name).replace(/\s+/g, ' ').trim()}`;
}

export class Ledger {
  readonly db: LedgerDb;
  private readonly now: () => Date;
  /** the contacts list's in-memory index (list-index.ts); null until first used or after bulk writes */
  private listIndex: ContactListIndex | null = null;
  /** bumped on bulk writes so an index built from an older snapshot is not kept */
  private listGeneration = 0;
  /** the build in flight, with the generation it started under (a later generation must not reuse it) */
  private listBuild: { generation: number; promise: Promise<ContactListIndex> } | null = null;
  /** contacts changed since the index was last patched */
  private readonly listDirty = new Set<string>();
  /** marked inside transactions; marked again once they commit, so a list read in between cannot lose them */
  private readonly listPending = new Set<string>();
  /** milliseconds per phase of the last CSV import (the benchmark reports them) */
  lastImportPhases: Record<string, number> = {};

  constructor(options: LedgerOptions = {}) {
    this.db = new LedgerDb(options.name ?? LEDGER_DB_NAME, options.dexieOptions);
    this.now = options.now ?? (() => new Date());
  }

  private nowIso(): string {
    return this.now().toISOString();
  }

  /** Runs `op`; after a service-worker wake-up the connection may be closed: reopen and retry once. */
  private async run<T>(op: () => Promise<T>): Promise<T> {
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
  private async write<T>(op: (db: LedgerDb) => Promise<T>): Promise<T> {
    try {
      return await this.run(() => this.db.transaction('rw!', [...TABLES_ALL], (tx) => op(boundTo(this.db, tx))));
    } finally {
      for (const id of this.listPending) this.listDirty.add(id);
      this.listPending.clear();
    }
  }

  /** A contact changed (inside a write transaction): the list index must re-read it. */
  private touch(id: string) {
    this.listDirty.add(id);
    this.listPending.add(id);
  }

  /** After bulk writes (also ones made past the repository, as the bench's seeding): rebuild the list index on next use. */
  invalidateList() {
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

  private async contactListIndex(): Promise<ContactListIndex> {
    // Patching is a sorted insert per contact; past a few hundred changes a rebuild is cheaper.
    if (this.listIndex && this.listDirty.size > 500) this.invalidateList();
    if (!this.listIndex) {
      const generation = this.listGeneration;
      // One build at a time: concurrent list calls (and the warm-up) share it, unless a bulk write came
      // after it started: then its snapshot is old and a caller from the new generation builds afresh.
      if (this.listBuild?.generation !== generation) {
        const build = {
          generation,
          promise: (async () => {
            this.listDirty.clear();
            const [all, countRow] = await this.read(['contacts', 'kv'], (db) => Promise.all([db.contacts.toArray(), db.kv.get(CONTACT_COUNT_KEY)]));
            const built = ContactListIndex.build(all);
            await this.checkContactCount(built.size, storedCount(countRow));
            return built;
          })(),
        };
        this.listBuild = build;
        build.promise.then(
          () => this.listBuild === build && (this.listBuild = null),
          () => this.listBuild === build && (this.listBuild = null),
        );
      }
      const built = await this.listBuild!.promise;
      if (generation !== this.listGeneration) return built; // a bulk write happened meanwhile: use once, do not keep
      this.listIndex = built;
    }
    const index = this.listIndex;
    if (this.listDirty.size) {
      const ids = [...this.listDirty];
      this.listDirty.clear();
      try {
        const rows = await this.read(['contacts'], (db) => db.contacts.bulkGet(ids));
        ids.forEach((id, i) => index.update(id, rows[i]));
      } catch (error) {
        for (const id of ids) this.listDirty.add(id); // patched on the next call instead of lost
        throw error;
      }
    }
    return index;
  }

  /**
   * Self-check of the stored contact count against the freshly built index (both read in one transaction):
   * a write path that forgot to keep it would otherwise show a wrong total on every cold start.
   */
  private async checkContactCount(indexed: number, stored: number | undefined): Promise<void> {
    if (stored === indexed) return;
    if (stored !== undefined) console.warn(`[ledger] stored contact count ${stored} ≠ ${indexed} contacts; repaired`);
    // Recounted in a write transaction of its own: writes since the index's read are included.
    await this.countTx(async (db) => void (await recountContacts(db))).catch((e: unknown) => console.warn('[ledger] contact count repair failed', e));
  }

  /** A small read-write transaction over contacts and kv only (the stored count). */
  private countTx<T>(op: (db: LedgerDb) => Promise<T>): Promise<T> {
    return this.run(() => this.db.transaction('rw!', ['contacts', 'kv'], (tx) => op(boundTo(this.db, tx))));
  }

  /** One read-only transaction over `tables`; `op` gets them bound to it (see `write`). */
  private read<T>(tables: readonly string[], op: (db: LedgerDb) => Promise<T>): Promise<T> {
    return this.run(() => this.db.transaction('r!', [...tables], (tx) => op(boundTo(this.db, tx))));
  }

  private async actor(db: LedgerDb): Promise<string> {
    const s = await this.readSettingsRow(db);
    return s.rep.name || s.rep.email || 'local user';
  }

  private audit(db: LedgerDb, input: AuditInput) {
    return appendAudit(db, input, this.nowIso());
  }

  close() {
    this.db.close();
  }

  // --- settings ------------------------------------------------------------------------------------

  private async readSettingsRow(db: LedgerDb): Promise<Settings> {
    const row = await db.settings.get('settings');
    return repairSettings(row?.value);
  }

  /** The settings, validated and repaired on read: an invalid field falls back to its default. */
  getSettings(): Promise<Settings> {
    return this.read(['settings'], (db) => this.readSettingsRow(db));
  }

  async saveSettings(input: SettingsInput): Promise<Settings> {
    const parsed = settingsSchema.safeParse(input);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new LedgerError('invalid-settings', i.message, i.path.join('.'));
    }
    return this.write(async (db) => {
      await db.settings.put({ key: 'settings', value: parsed.data });
      await this.audit(db, { actor: await this.actor(db), action: 'settings-saved', detail: { policy: parsed.data.policy } });
      return parsed.data;
    });
  }

  // --- lookups for the verdict service ------------------------------------------------------------------

  /** The contact the most of these identity keys belong to, or undefined. */
  async findContactByIdentityKeys(keys: readonly string[]): Promise<Contact | undefined> {
    return this.read(['contacts'], async (db) => {
      const found = await contactsByKeys(db, keys);
      return found.best ? found.contacts.get(found.best) : undefined;
    });
  }

  private async bestContactId(db: LedgerDb, keys: readonly string[]): Promise<{ best?: string; others: string[] }> {
    const { best, others } = await contactsByKeys(db, keys);
    return { ...(best ? { best } : {}), others };
  }

  /**
   * Everything the ledger knows about one recipient, in one read transaction.
   * @param keys the recipient's identity keys (identityKeysOf); any subset resolves the contact
   * @param now the send date: decides nothing here but is kept for callers that derive from it
   */
  async factsForRecipient(keys: readonly string[], _now: Date = this.now()): Promise<RecipientFacts> {
    // Two rounds of parallel requests (each one IPC hop in Chromium): what the keys alone find, the contact
    // included; then the contact's records and what its other identities add.
    return this.read(['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments'], async (db) => {
      const inputKeys = [...new Set(keys)];
      const hashOf = new Map<string, string>();
      const hashesFor = (ks: string[]) => ks.filter((k) => !hashOf.has(k)).map((k) => (hashOf.set(k, sha256Hex(k)), hashOf.get(k)!));
      const personKeys = (ks: string[]) => ks.filter((k) => !k.startsWith('domain:') && !k.startsWith('company:'));
      const round1Keys = [...new Set([...inputKeys, ...companyKeysOf(inputKeys)])];
      // Round 1 finds the contact itself (the `*keys` index returns it whole), so round 2 can ask for its
      // records and for what its other identities add at once; assessments only when a basis names one.
      const [found, sup1, ev1] = await Promise.all([
        contactsByKeys(db, personKeys(inputKeys)),
        whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', hashesFor(round1Keys)),
        whereAnyOf<LedgerEvent>(db.events, 'keys', personKeys(inputKeys)),
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
        whereAnyOf<LedgerEvent>(db.events, 'keys', personKeys(extra)),
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

  /** How many outbound messages with this body fingerprint went out since `sinceIso` (LI-04 bulk sending). */
  countRecentSimilarSends(fingerprint: string, sinceIso: string): Promise<number> {
    return this.read(['events'], (db) =>
      db.events.where('[bodyFingerprint+at]').between([fingerprint, sinceIso], [fingerprint, Dexie.maxKey], true, true).count(),
    );
  }

  /** Records one outbound event per recipient; a known recipient's contact gets its first/last contact dates. */
  async recordOutbound(record: OutboundRecord): Promise<number> {
    const at = record.at ?? this.nowIso();
    return this.write(async (db) => {
      let n = 0;
      for (const r of record.recipients) {
        const { best } = await this.bestContactId(db, r.keys);
        const ev: LedgerEvent = {
          id: uuid(),
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
          await this.refreshDerived(db, best);
        }
        n++;
      }
      await this.audit(db, {
        actor: await this.actor(db),
        action: 'outbound-recorded',
        detail: { channel: record.channel, recipients: n, disclosureIncluded: record.disclosureIncluded },
      });
      return n;
    });
  }

  /** Records a "send anyway" against the engine's advice; always audited with the codes and reason. */
  async recordOverride(record: OverrideRecord): Promise<number> {
    const at = record.at ?? this.nowIso();
    return this.write(async (db) => {
      const contactIds: string[] = [];
      for (const r of record.recipients) {
        const { best } = await this.bestContactId(db, r.keys);
        if (best) contactIds.push(best);
        await db.events.add({
          id: uuid(),
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
      await this.audit(db, {
        actor: await this.actor(db),
        action: 'override',
        detail: { channel: record.channel, codes: record.codes, reason: record.reason, decision: record.decision, contactIds, recipients: record.recipients.length },
      });
      return record.recipients.length;
    });
  }

  /** A generic event (reply, declined InMail, meeting) about a recipient. */
  async recordEvent(kind: LedgerEvent['kind'], keys: string[], extra: Partial<LedgerEvent> = {}): Promise<string> {
    return this.write(async (db) => {
      const { best } = await this.bestContactId(db, keys);
      const id = uuid();
      await db.events.add({ ...extra, id, kind, at: extra.at ?? this.nowIso(), keys: keys.slice(0, 50), ...(best ? { contactId: best } : {}) });
      if (best) {
        if (kind === 'reply' || kind === 'meeting' || kind === 'call') await db.contacts.update(best, { lastInteractionAt: extra.at ?? this.nowIso() });
        await this.refreshDerived(db, best);
      }
      await this.audit(db, { actor: await this.actor(db), action: `event-${kind}`, ...(best ? { contactId: best } : {}), detail: { kind, outcome: extra.outcome } });
      return id;
    });
  }

  /**
   * Do-not-contact for these identity keys. Person level stores each key's hash; company level stores the
   * hashes of the domain/company keys they imply. Returns how many new entries were written.
   */
  async addSuppressionForKeys(keys: readonly string[], options: SuppressionOptions): Promise<number> {
    return this.write(async (db) => {
      const n = await this.addSuppressionsInTx(db, keys, options);
      await this.audit(db, {
        actor: options.recordedBy ?? (await this.actor(db)),
        action: 'suppression-added',
        detail: { level: options.level, scope: options.scope, reason: options.reason, keyHashes: n.hashes },
      });
      return n.added;
    });
  }

  private async addSuppressionsInTx(db: LedgerDb, keys: readonly string[], options: SuppressionOptions): Promise<{ added: number; hashes: string[] }> {
    const target = options.level === 'company' ? companyKeysOf(keys) : keys.filter((k) => !k.startsWith('domain:') && !k.startsWith('company:'));
    const recordedBy = options.recordedBy ?? (await this.actor(db));
    let added = 0;
    const hashes: string[] = [];
    const newHashes: string[] = [];
    for (const key of new Set(target)) {
      const keyHash = sha256Hex(key);
      hashes.push(keyHash);
      const existing = await db.suppressions.where('keyHash').equals(keyHash).toArray();
      const same = existing.find((s) => s.scope === options.scope && s.level === options.level);
      if (same) {
        if (options.erased && !same.erased) await db.suppressions.update(same.id, { erased: true });
        continue;
      }
      await db.suppressions.add({
        id: uuid(),
        keyHash,
        keyKind: kindOfKey(key) ?? 'company',
        level: options.level,
        scope: options.scope,
        reason: options.reason,
        recordedBy,
        recordedAt: this.nowIso(),
        source: 'personal',
        ...(options.erased ? { erased: true } : { label: maskKey(key) }),
      });
      await db.suppressedKeys.put({ keyHash, count: existing.length + 1 });
      newHashes.push(keyHash);
      added++;
    }
    await addToKeyFilter(db, 's', newHashes.map(fingerprintOfHash));
    // The contacts list's "objection" filter reads a derived flag: refresh the people these keys belong to.
    const owners = (await contactsByKeys(db, keys)).contacts.keys();
    for (const id of owners) await this.refreshDerived(db, id);
    return { added, hashes };
  }

  async listSuppressions(offset = 0, limit = 50): Promise<{ total: number; items: SuppressionRow[] }> {
    return this.read(['suppressions'], async (db) => ({
      total: await db.suppressions.count(),
      items: await db.suppressions.orderBy('recordedAt').reverse().offset(offset).limit(limit).toArray(),
    }));
  }

  async removeSuppression(id: string): Promise<boolean> {
    // The entry stores only a hash, so its people are found among the contacts flagged as objecting (read
    // before the write: the list index has its own transactions).
    const flagged = (await this.contactListIndex()).query([], { objection: true }, this.nowIso().slice(0, 10), 0, Number.MAX_SAFE_INTEGER).ids;
    return this.write(async (db) => {
      const s = await db.suppressions.get(id);
      if (!s) return false;
      if (s.erased) throw new LedgerError('erased', 'This entry is what remains of an erased person; it cannot be removed.');
      await db.suppressions.delete(id);
      const left = await db.suppressions.where('keyHash').equals(s.keyHash).count();
      if (left) await db.suppressedKeys.put({ keyHash: s.keyHash, count: left });
      else {
        await db.suppressedKeys.delete(s.keyHash);
        await removeFromKeyFilter(db, 's', [fingerprintOfHash(s.keyHash)]);
      }
      // Their "objection" flag is derived: recompute it for the people this entry covered.
      const covered = (await db.contacts.bulkGet(flagged)).filter((c): c is Contact => !!c && keysOfContact(c).some((k) => sha256Hex(k) === s.keyHash));
      for (const c of covered) await this.refreshDerived(db, c.id);
      await this.audit(db, { actor: await this.actor(db), action: 'suppression-removed', detail: { keyHash: s.keyHash, level: s.level, scope: s.scope } });
      return true;
    });
  }

  // --- contacts --------------------------------------------------------------------------------------

  /** Recomputes a contact's derived index fields from its records. Inside a write transaction. */
  private async refreshDerived(db: LedgerDb, contactId: string, contactFilter?: KeyFilter): Promise<void> {
    const c = await db.contacts.get(contactId);
    if (!c) return;
    const [bases, events] = await Promise.all([
      db.bases.where('contactId').equals(contactId).toArray(),
      db.events.where('contactId').equals(contactId).toArray(),
    ]);
    const keys = keysOfContact(c);
    const hashes = keys.map(sha256Hex);
    const suppressed = hashes.length > 0 && (await db.suppressedKeys.bulkGet(hashes)).some((r) => !!r);
    await db.contacts.put(deriveContactIndex(c, bases, c.provenance ?? [], events, suppressed));
    // Every path that gives a contact an identity ends here: the import's "already known?" filter learns it
    // (into the caller's batch when it passes one, saved once for many contacts).
    if (contactFilter) contactFilter.add(keys.map(fingerprintOfKey));
    else await addToKeyFilter(db, 'c', keys.map(fingerprintOfKey));
    this.touch(contactId);
  }

  /**
   * Adds or edits a contact. A new contact whose identities already belong to a contact is merged into
   * it (`mergedInto`); an edit that takes another contact's identity is refused naming the field.
   */
  async saveContact(
    draft: ContactDraft,
    extra: { provenance?: ProvenanceDraft; basis?: BasisDraft } = {},
  ): Promise<{ id: string; created: boolean; mergedInto?: string }> {
    const ids = normalizeIdentities(draft, '');
    if (!draft.name.trim()) throw new LedgerError('invalid-contact', 'A name is required.', 'name');
    if (ids.emails.length + ids.phones.length + ids.linkedin.memberIds.length + ids.linkedin.vanities.length + ids.linkedin.leadIds.length === 0) {
      throw new LedgerError('invalid-contact', 'Enter at least one e-mail address, phone number or LinkedIn profile.', 'emails');
    }
    const basis = extra.basis ? this.checkBasis(extra.basis, 'x', 'basis.') : undefined;
    const result = await this.write(async (db) => {
      const actor = await this.actor(db);
      if (basis?.type === 'legitimate_interest' && (await db.assessments.where('id').equals(basis.assessmentId).count()) === 0) {
        throw new LedgerError('invalid-basis', 'The legitimate-interest assessment it names does not exist.', 'basis.assessmentId');
      }
      const existing = draft.id ? await db.contacts.get(draft.id) : undefined;
      if (draft.id && !existing) throw new LedgerError('not-found', 'This contact no longer exists.', 'id');
      const keys = keysOfContact(ids);
      const found = await contactsByKeys(db, keys);
      const owners = keys.map((key) => ({ key, owner: found.ownersOf.get(key)?.find((o) => o !== existing?.id) ?? found.ownerOf.get(key) }));
      const now = this.nowIso();
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
        const fresh = { id: uuid(), ...contactFields(draft), ...ids, addresses: draft.addresses ?? [], recipientKind: draft.recipientKind ?? 'unknown', createdAt: now, updatedAt: now };
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
        const row: Provenance = { id: uuid(), contactId: id, ...extra.provenance, recordedAt: now, recordedBy: actor };
        await db.contacts.update(id, (c) => void (c.provenance = [...(c.provenance ?? []), row]));
      }
      if (basis) await db.bases.put({ ...basis, contactId: id });
      await this.refreshDerived(db, id);
      await this.audit(db, {
        actor,
        action: created ? 'contact-created' : mergedInto ? 'contact-merged' : 'contact-updated',
        contactId: id,
        detail: { identities: keys.length, ...(extra.provenance ? { source: extra.provenance.source } : {}), ...(basis ? { basis: basis.type } : {}) },
      });
      return { id, created, ...(mergedInto ? { mergedInto } : {}) };
    });
    return result;
  }

  /** Validates a basis draft into a record (the contact id is filled in later). */
  private checkBasis(draft: BasisDraft, contactId: string, prefix = ''): BasisRecord {
    const candidate = { evidenceIds: [], ...draft, id: draft.id ?? uuid(), contactId, recordedAt: this.nowIso(), recordedBy: 'local user' };
    const parsed = basisRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new LedgerError('invalid-basis', `${i.path.join('.') || 'basis'}: ${i.message}`, prefix + i.path.join('.'));
    }
    return parsed.data;
  }

  async saveBasis(contactId: string, draft: BasisDraft): Promise<string> {
    const basis = this.checkBasis(draft, contactId, 'basis.');
    return this.write(async (db) => {
      if (!(await db.contacts.get(contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.actor(db);
      const previous = draft.id ? await db.bases.get(draft.id) : undefined;
      if (previous && previous.contactId !== contactId) throw new LedgerError('not-found', 'This basis belongs to another contact.', 'basis.id');
      if (basis.type === 'legitimate_interest' && (await db.assessments.where('id').equals(basis.assessmentId).count()) === 0) {
        throw new LedgerError('invalid-basis', 'The legitimate-interest assessment it names does not exist.', 'basis.assessmentId');
      }
      const record = { ...basis, recordedBy: previous?.recordedBy ?? actor, recordedAt: previous?.recordedAt ?? basis.recordedAt };
      await db.bases.put(record);
      await this.refreshDerived(db, contactId);
      await this.audit(db, { actor, action: previous ? 'basis-updated' : 'basis-added', contactId, detail: { basisId: record.id, type: record.type } });
      return record.id;
    });
  }

  async deleteBasis(id: string): Promise<boolean> {
    return this.write(async (db) => {
      const b = await db.bases.get(id);
      if (!b) return false;
      await db.bases.delete(id);
      await this.refreshDerived(db, b.contactId);
      await this.audit(db, { actor: await this.actor(db), action: 'basis-deleted', contactId: b.contactId, detail: { basisId: id, type: b.type } });
      return true;
    });
  }

  async addProvenance(contactId: string, draft: ProvenanceDraft): Promise<string> {
    return this.write(async (db) => {
      if (!(await db.contacts.get(contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.actor(db);
      const id = uuid();
      const row: Provenance = { id, contactId, ...draft, recordedAt: this.nowIso(), recordedBy: actor };
      await db.contacts.update(contactId, (c) => void (c.provenance = [...(c.provenance ?? []), row]));
      await this.refreshDerived(db, contactId);
      await this.audit(db, { actor, action: 'provenance-added', contactId, detail: { source: draft.source } });
      return id;
    });
  }

  /** Deletes a contact and everything about it (no suppression kept; use `erase` for a rights request). */
  async deleteContact(id: string): Promise<boolean> {
    const done = await this.write(async (db) => {
      const c = await db.contacts.get(id);
      if (!c) return false;
      await this.deleteContactInTx(db, c);
      await this.audit(db, { actor: await this.actor(db), action: 'contact-deleted', contactId: id, detail: {} });
      return true;
    });
    return done;
  }

  private async deleteContactInTx(db: LedgerDb, c: Contact): Promise<void> {
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
    this.touch(c.id);
  }

  /**
   * Erasure (Art. 17): deletes the person's data and evidence and keeps only hashed suppression keys
   * marked `erased`, so the guard keeps blocking them without knowing who they were.
   */
  async erase(contactId: string, reason: string): Promise<{ erased: boolean; suppressionKeys: number }> {
    // An async arrow: handing Dexie the method's promise directly made it commit early (PrematureCommitError).
    const r = await this.write(async (db) => await this.eraseInTx(db, contactId, reason));
    return r;
  }

  private async eraseInTx(db: LedgerDb, contactId: string, reason: string, actorName?: string): Promise<{ erased: boolean; suppressionKeys: number }> {
    const c = await db.contacts.get(contactId);
    if (!c) return { erased: false, suppressionKeys: 0 };
    const actor = actorName ?? (await this.actor(db));
    const keys = keysOfContact(c);
    const { hashes } = await this.addSuppressionsInTx(db, keys, { scope: 'all', level: 'person', reason: 'erased', recordedBy: actor, erased: true });
    await this.deleteContactInTx(db, c);
    await this.audit(db, { actor, action: 'erased', contactId, detail: { reason, keyHashes: hashes } });
    return { erased: true, suppressionKeys: hashes.length };
  }

  async getContact(id: string): Promise<Contact | undefined> {
    return this.read(['contacts'], (db) => db.contacts.get(id));
  }

  /** The contact page: the contact with all its records (evidence without files). */
  async contactPage(id: string) {
    return this.read(['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments'], async (db) => {
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
        summary: summaryOf(contact, this.now()),
      };
    });
  }

  /**
   * The contacts list: prefix search per word over names, addresses, phones, companies and LinkedIn slugs,
   * plus filters, in name order, paged, with the total. Runs on the in-memory list index; only the page's
   * contacts are read from the database.
   */
  async listContacts(q: ContactListQuery): Promise<{ total: number; items: ContactSummary[] }> {
    const now = this.now();
    const words = queryWords(q.query ?? '');
    const f = q.filters ?? {};
    const plain = words.length === 0 && Object.values(f).every((v) => v === undefined || v === false || v === '');
    if (plain && !this.listIndex) {
      // The first page as the list opens: straight from the name index; then the search index is built
      // (started after this read, or the page would wait behind the read of every contact).
      // The total is the stored count (see CONTACT_COUNT_KEY), not count(), which walks every contact.
      const [countRow, contacts] = await this.read(['contacts', 'kv'], (db) =>
        Promise.all([db.kv.get(CONTACT_COUNT_KEY), db.contacts.orderBy('sortName').offset(q.offset ?? 0).limit(q.limit ?? 50).toArray()]),
      );
      // An older database has no stored count yet: count once and keep it.
      const total = storedCount(countRow) ?? (await this.countTx(async (db) => storedCount(await db.kv.get(CONTACT_COUNT_KEY)) ?? (await recountContacts(db))));
      void this.warmUp();
      return { total, items: contacts.map((c) => summaryOf(c, now)) };
    }
    const index = await this.contactListIndex();
    const { total, ids } = index.query(words, f, now.toISOString().slice(0, 10), q.offset ?? 0, q.limit ?? 50);
    const contacts = (await this.read(['contacts'], (db) => db.contacts.bulkGet(ids))).filter((c): c is Contact => !!c);
    return { total, items: contacts.map((c) => summaryOf(c, now)) };
  }

  /** "My list": contacts saved from LinkedIn, newest first. */
  async myList(offset = 0, limit = 50) {
    const index = await this.contactListIndex();
    const { ids } = index.query([], { savedFromLinkedIn: true }, this.nowIso().slice(0, 10), 0, Number.MAX_SAFE_INTEGER);
    return this.read(['contacts', 'bases'], async (db) => {
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

  /**
   * Saves a LinkedIn profile to "My list" with the basis the rep chose. Refuses profiles whose visibility is
   * restricted (the member limited who may see it; Kaspr, CNIL 2024).
   */
  async saveProfileToMyList(input: {
    name: string;
    headline?: string;
    company?: string;
    profileUrl: string;
    linkedin: { vanity?: string; memberId?: string; salesNavLeadId?: string; profileUrl?: string };
    restrictedVisibility: boolean;
    basis: BasisDraft;
  }): Promise<{ contactId: string }> {
    if (input.restrictedVisibility) {
      throw new LedgerError('restricted-profile', 'This member limits who may see their profile; it may not be saved.');
    }
    const refs = [input.profileUrl, input.linkedin.memberId, input.linkedin.vanity, input.linkedin.salesNavLeadId ? `https://www.linkedin.com/sales/lead/${input.linkedin.salesNavLeadId}` : undefined].filter(
      (x): x is string => !!x,
    );
    const at = this.nowIso();
    const { id } = await this.saveContact(
      {
        name: input.name,
        linkedin: refs,
        ...(input.headline ? { headline: input.headline } : {}),
        ...(input.company ? { company: { name: input.company } } : {}),
        savedFromLinkedIn: { at, restrictedVisibility: false },
      },
      { provenance: { source: 'linkedin_manual', url: input.profileUrl, obtainedAt: at }, basis: input.basis },
    );
    return { contactId: id };
  }

  /**
   * `profile/save` from the LinkedIn save button: the rep's basis choice (lib/messaging/guard.ts
   * profileBasisChoiceSchema) becomes a basis record; what the button cannot know is left for the contact page.
   */
  async saveProfileWithChoice(
    profile: Omit<Parameters<Ledger['saveProfileToMyList']>[0], 'basis'>,
    choice: { kind: 'legitimate_interest' | 'consent' | 'customer' | 'contract_request'; assessmentId?: string; note: string },
  ): Promise<{ contactId: string }> {
    const settings = await this.getSettings();
    const today = this.nowIso().slice(0, 10);
    const entity = settings.organisation.legalName || 'unknown';
    const rep = settings.rep.name || settings.rep.email || 'local user';
    let basis: BasisDraft;
    switch (choice.kind) {
      case 'legitimate_interest':
        if (!choice.assessmentId) throw new LedgerError('invalid-basis', 'Choose the legitimate-interest assessment that covers this person.', 'basis.assessmentId');
        basis = { type: 'legitimate_interest', assessmentId: choice.assessmentId, note: choice.note };
        break;
      case 'consent':
        basis = {
          type: 'consent',
          who: profile.name,
          when: today,
          how: 'written_note',
          what: { entity, products: [], channels: ['linkedin'] },
          shownText: '',
          capturedBy: rep,
          note: choice.note,
        };
        break;
      case 'customer':
        basis = { type: 'customer', entity, saleDate: today, informedAtCollection: false, optOutOfferedAtCollection: false, note: choice.note };
        break;
      case 'contract_request':
        basis = { type: 'contract_request', date: today, requestedBy: 'data_subject', note: choice.note };
        break;
    }
    return this.saveProfileToMyList({ ...profile, basis });
  }

  /** Whether a LinkedIn member is already in the ledger (for the save-profile button). */
  async profileStatus(keys: readonly string[]): Promise<{ saved: boolean; contactId?: string }> {
    const c = await this.findContactByIdentityKeys(keys);
    return c ? { saved: true, contactId: c.id } : { saved: false };
  }

  // --- evidence ------------------------------------------------------------------------------------------

  async addEvidenceNote(input: { contactId: string; basisId?: string; date: string; title?: string; text: string }): Promise<string> {
    return this.write(async (db) => {
      if (!(await db.contacts.get(input.contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.actor(db);
      const id = uuid();
      await db.evidence.add({
        id,
        contactId: input.contactId,
        ...(input.basisId ? { basisId: input.basisId } : {}),
        kind: 'note',
        date: input.date,
        title: input.title ?? '',
        text: input.text,
        recordedAt: this.nowIso(),
        recordedBy: actor,
      });
      await this.linkEvidence(db, input.basisId, id);
      await this.audit(db, { actor, action: 'evidence-note-added', contactId: input.contactId, detail: { evidenceId: id, textSha256: sha256Hex(input.text) } });
      return id;
    });
  }

  private async linkEvidence(db: LedgerDb, basisId: string | undefined, evidenceId: string) {
    if (!basisId) return;
    const b = await db.bases.get(basisId);
    if (!b) throw new LedgerError('not-found', 'The basis this evidence belongs to does not exist.', 'basisId');
    await db.bases.update(basisId, { evidenceIds: [...b.evidenceIds, evidenceId] });
  }

  /** Stores a file (e.g. a call recording) with its SHA-256. Over 25 MB is refused before anything is written. */
  async addEvidenceFile(input: {
    contactId: string;
    basisId?: string;
    date: string;
    title?: string;
    fileName: string;
    mime: string;
    bytes: Uint8Array;
  }): Promise<{ id: string; sha256: string; size: number }> {
    if (input.bytes.byteLength > EVIDENCE_MAX_BYTES) {
      throw new LedgerError('too-large', `The file is ${(input.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; evidence files may be at most 25 MB.`, 'file');
    }
    // Hash before the transaction: WebCrypto is async and would let the transaction close.
    const sha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', input.bytes as Uint8Array<ArrayBuffer>)));
    const blob = new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: input.mime });
    return this.write(async (db) => {
      if (!(await db.contacts.get(input.contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      const actor = await this.actor(db);
      const id = uuid();
      const row: EvidenceRow = {
        id,
        contactId: input.contactId,
        ...(input.basisId ? { basisId: input.basisId } : {}),
        kind: 'file',
        date: input.date,
        title: input.title ?? '',
        fileName: input.fileName,
        mime: input.mime,
        size: input.bytes.byteLength,
        sha256,
        recordedAt: this.nowIso(),
        recordedBy: actor,
        blob,
      };
      await db.evidence.add(row);
      await this.linkEvidence(db, input.basisId, id);
      await this.audit(db, { actor, action: 'evidence-file-added', contactId: input.contactId, detail: { evidenceId: id, sha256, size: row.size } });
      return { id, sha256, size: input.bytes.byteLength };
    });
  }

  /** The file and its metadata; the hash is checked again so a changed file is noticed. */
  async getEvidenceFile(id: string): Promise<{ meta: EvidenceMeta; bytes: Uint8Array }> {
    const row = await this.read(['evidence'], (db) => db.evidence.get(id));
    if (!row || row.kind !== 'file' || !row.blob) throw new LedgerError('not-found', 'This evidence file does not exist.', 'id');
    const bytes = new Uint8Array(await row.blob.arrayBuffer());
    const actual = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    if (actual !== row.sha256) throw new LedgerError('evidence-changed', 'This evidence file no longer matches the hash recorded when it was stored.', 'id');
    return { meta: evidenceMeta(row), bytes };
  }

  async deleteEvidence(id: string): Promise<boolean> {
    return this.write(async (db) => {
      const row = await db.evidence.get(id);
      if (!row) return false;
      await db.evidence.delete(id);
      if (row.basisId) {
        const b = await db.bases.get(row.basisId);
        if (b) await db.bases.update(b.id, { evidenceIds: b.evidenceIds.filter((e) => e !== id) });
      }
      await this.audit(db, { actor: await this.actor(db), action: 'evidence-deleted', contactId: row.contactId, detail: { evidenceId: id, sha256: row.sha256 } });
      return true;
    });
  }

  // --- assessments -----------------------------------------------------------------------------------------

  async listAssessments() {
    const now = this.now();
    return this.read(['assessments'], async (db) => {
      const all = await db.assessments.toArray();
      const latest = new Map<string, Assessment>();
      for (const a of all) if ((latest.get(a.id)?.version ?? 0) < a.version) latest.set(a.id, a);
      return [...latest.values()]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((a) => ({ id: a.id, title: a.title, version: a.version, reviewDate: a.reviewDate, createdAt: a.createdAt, reviewDue: dateOf(a.reviewDate) < now }));
    });
  }

  async getAssessment(id: string, version?: number) {
    return this.read(['assessments', 'bases'], async (db) => {
      const versions = (await db.assessments.where('id').equals(id).toArray()).sort((a, b) => a.version - b.version);
      const a = version ? versions.find((v) => v.version === version) : versions[versions.length - 1];
      if (!a) throw new LedgerError('not-found', 'This assessment does not exist.', 'id');
      const contactCount = await db.bases.filter((b) => b.type === 'legitimate_interest' && b.assessmentId === id).count();
      return { assessment: a, versions: versions.map((v) => v.version), contactCount };
    });
  }

  /** Saves an assessment; editing one stores a new version and keeps the old (bases name the version they relied on). */
  async saveAssessment(input: Omit<Assessment, 'id' | 'version' | 'createdAt'> & { id?: string }): Promise<{ id: string; version: number }> {
    return this.write(async (db) => {
      const id = input.id ?? uuid();
      const prev = await db.assessments.where('id').equals(id).toArray();
      if (input.id && prev.length === 0) throw new LedgerError('not-found', 'This assessment does not exist.', 'id');
      const version = prev.reduce((m, a) => Math.max(m, a.version), 0) + 1;
      const parsed = assessmentSchema.safeParse({ ...input, id, version, createdAt: this.nowIso() });
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new LedgerError('invalid-assessment', i.message, i.path.join('.'));
      }
      await db.assessments.put(parsed.data);
      await this.audit(db, { actor: await this.actor(db), action: 'assessment-saved', detail: { assessmentId: id, version } });
      return { id, version };
    });
  }

  // --- rights requests -----------------------------------------------------------------------------------

  /** Everything held about one person (Art. 15), as JSON; evidence files as metadata and hashes. */
  async accessExport(contactId: string) {
    const page = await this.contactPage(contactId);
    const audit = await this.read(['audit'], (db) => db.audit.where('contactId').equals(contactId).toArray());
    return { ...page, audit, exportedAt: this.nowIso() };
  }

  // --- clean-up ------------------------------------------------------------------------------------------

  /** Contacts in each clean-up category at `now`, with the policy's consent age and retention. */
  async cleanupScan(): Promise<{ categories: Record<CleanupCategory, { count: number; ids: string[] }>; total: number }> {
    const settings = await this.getSettings();
    const now = this.now();
    const today = now.toISOString().slice(0, 10);
    return this.read(['contacts', 'bases'], async (db) => {
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
    const actor = await this.read(['settings'], (db) => this.actor(db));
    let erased = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      erased += await this.write(async (db) => {
        let n = 0;
        for (const id of chunk) if ((await this.eraseInTx(db, id, reason, actor)).erased) n++;
        return n;
      });
      onProgress?.(Math.min(i + chunk.length, ids.length), ids.length);
    }
    return { erased };
  }

  // --- audit --------------------------------------------------------------------------------------------

  async listAudit(q: { action?: string; contactId?: string; from?: string; to?: string; offset?: number; limit?: number }) {
    return this.read(['audit'], async (db) => {
      let coll = q.contactId ? db.audit.where('contactId').equals(q.contactId) : db.audit.orderBy('seq');
      if (q.action || q.from || q.to) {
        coll = coll.filter((e) => (!q.action || e.action === q.action) && (!q.from || e.at >= q.from) && (!q.to || e.at <= `${q.to}\uffff`));
      }
      const all = await coll.toArray();
      all.sort((a, b) => b.seq - a.seq);
      const offset = q.offset ?? 0;
      return { total: all.length, items: all.slice(offset, offset + (q.limit ?? 50)) };
    });
  }

  /** Checks the whole chain and its recorded head; says which entry was edited or deleted. */
  async verifyAudit(): Promise<AuditVerifyResult> {
    return this.read(['audit', 'kv'], async (db) => {
      const entries = await db.audit.orderBy('seq').toArray();
      const head = (await db.kv.get(AUDIT_HEAD_KEY))?.value as AuditHead | undefined;
      return verifyAuditChain(entries, head);
    });
  }

  async exportAudit(): Promise<AuditEntry[]> {
    return this.read(['audit'], (db) => db.audit.orderBy('seq').toArray());
  }

  // --- popup lookup and call check ----------------------------------------------------------------------

  async logCallOutcome(input: { contactId?: string; phoneKey: string; outcome: string; note: string; openingRead: boolean }) {
    return this.write(async (db) => {
      const actor = await this.actor(db);
      let contactId = input.contactId;
      if (contactId && !(await db.contacts.get(contactId))) throw new LedgerError('not-found', 'This contact no longer exists.', 'contactId');
      contactId ??= (await this.bestContactId(db, [input.phoneKey])).best;
      const at = this.nowIso();
      const eventId = uuid();
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
        await db.events.add({ id: uuid(), kind: 'objection', at, channel: 'call', keys, ...(contactId ? { contactId } : {}), recordedBy: actor });
        const contact = contactId ? await db.contacts.get(contactId) : undefined;
        const personKeys = contact ? keysOfContact(contact) : keys;
        // Art. 21(3) and Tw verzet: the objection binds the whole organisation on every channel.
        suppressionAdded = (await this.addSuppressionsInTx(db, personKeys, { scope: 'all', level: 'person', reason: 'objected during a call', recordedBy: actor })).added > 0;
        blockedKeys = personKeys;
      }
      if (contactId) {
        await db.contacts.update(contactId, { lastInteractionAt: at });
        await this.refreshDerived(db, contactId);
      }
      await this.audit(db, { actor, action: 'call-logged', ...(contactId ? { contactId } : {}), detail: { outcome: input.outcome, openingRead: input.openingRead, suppressionAdded } });
      return { eventId, suppressionAdded, blockedKeys };
    });
  }

  /** Whether these keys are suppressed (any level) or were erased, without a contact. */
  async suppressionStatus(keys: readonly string[]): Promise<{ suppressed: boolean; erased: boolean }> {
    const all = [...keys, ...companyKeysOf(keys)];
    const rows = await this.read(['suppressions'], (db) => whereAnyOf<SuppressionRow>(db.suppressions, 'keyHash', all.map(sha256Hex)));
    return { suppressed: rows.length > 0, erased: rows.some((r) => r.erased) };
  }

  summaryOf(c: Contact): ContactSummary {
    return summaryOf(c, this.now());
  }

  // --- bulk import (CSV) and backup ------------------------------------------------------------------------

  /**
   * Imports contacts in one transaction: a failure anywhere leaves the ledger as it was. Rows whose
   * identities match an existing contact, or each other, are merged. Rows must already be valid.
   *
   * In Chromium the contact writes (~0.12 ms each) are nearly all of an import's time, so everything the
   * merge needs from the database is read first; then the browser stores one chunk while this merges and
   * derives the next. (Requests in a transaction run in order: a read in between would wait for every
   * write queued before it.) A contact a later row merges into is simply written again.
   */
  async importContacts(rows: readonly ImportRow[], onProgress?: (done: number, total: number) => void): Promise<{ created: number; merged: number }> {
    // Milliseconds per kind of work, summed over the chunks (the benchmark reports them).
    const phases: Record<string, number> = {};
    let t = performance.now();
    const mark = (name: string) => {
      const now = performance.now();
      phases[name] = Math.round((phases[name] ?? 0) + now - t);
      t = now;
    };
    const bases = rows.map((r) => (r.basis ? this.checkBasis(r.basis, 'x', `row ${r.row}: basis.`) : undefined));
    const now = this.nowIso();
    const result = await this.write(async (db) => {
      const actor = await this.actor(db);
      const storedContacts = storedCount(await db.kv.get(CONTACT_COUNT_KEY));
      // A big file needs nearly every bucket: read them all while the rows are normalised.
      const big = rows.length > 500;
      const filtersRead = big ? Promise.all([KeyFilter.load(db, 'c', 'all'), KeyFilter.load(db, 's', 'all')]) : undefined;
      const normalized = rows.map((r) => normalizeIdentities(r.contact, `row ${r.row}: `));
      mark('normalize');
      const allKeys = [...new Set(normalized.flatMap((ids) => keysOfContact(ids)))];
      const allFps = allKeys.map(fingerprintOfKey);
      const [contactFilter, suppressionFilter] = filtersRead ? await filtersRead : [await KeyFilter.load(db, 'c', allFps), await KeyFilter.load(db, 's', [])];
      // Which identities are already known, and by whom. The filter rules out nearly every new key without
      // a request of its own; the ones it may hold are looked up exactly, with the records of those contacts.
      const candidates = allKeys.filter((_, i) => contactFilter.mayHave(allFps[i]!));
      const found = await contactsByKeys(db, candidates, storedContacts);
      const storedIds = [...found.contacts.keys()];
      const [oldBases, oldEvents] = storedIds.length
        ? await Promise.all([db.bases.where('contactId').anyOf(storedIds).toArray(), db.events.where('contactId').anyOf(storedIds).toArray()])
        : [[], []];
      mark('identityKeys');
      const addTo = <T>(m: Map<string, T[]>, id: string, x: T) => {
        const list = m.get(id);
        if (list) list.push(x);
        else m.set(id, [x]);
      };
      /** every contact this file creates or merges into, as it stands so far */
      const working = new Map<string, Omit<Contact, 'sortName' | 'searchTokens' | 'flags'>>(found.contacts);
      const stored = new Set(storedIds);
      /** the stored contacts a row merged into */
      const touched = new Set<string>();
      /** key → its contact: stored owners as found, then as the file assigns them */
      const owners = found.ownerOf;
      const basesBy = new Map<string, BasisRecord[]>();
      const eventsBy = new Map<string, LedgerEvent[]>();
      for (const x of oldBases) addTo(basesBy, x.contactId, x);
      for (const x of oldEvents) if (x.contactId) addTo(eventsBy, x.contactId, x);
      /** people on the do-not-contact list, and the flag each was last written with */
      const suppressedIds = new Set<string>();
      const writtenFlag = new Map<string, boolean>();
      let created = 0;
      let merged = 0;
      let written = 0;
      const report = () => onProgress?.(Math.min(rows.length, Math.round((merged + written) / 2)), rows.length);
      const requests: Promise<unknown>[] = [];
      const pending = (p: Promise<unknown>) => {
        // A failure later in the file aborts the transaction, and these then reject: nobody is left to hear it.
        p.catch(() => undefined);
        requests.push(p);
      };
      const derive = (id: string) => {
        const c = working.get(id)!;
        writtenFlag.set(id, suppressedIds.has(id));
        return deriveContactIndex(c, basesBy.get(id) ?? [], c.provenance ?? [], eventsBy.get(id) ?? [], suppressedIds.has(id));
      };
      // Owners as the file has merged them so far, plus every stored holder of a key (a stored conflict).
      const holders = (k: string) => {
        const own = owners.get(k);
        const more = found.ownersOf.get(k) ?? [];
        return own === undefined ? more : more.includes(own) ? more : [own, ...more];
      };
      // A contact this file created exists only as its row: a conflict names the row, the file is what to edit.
      const firstRowOf = new Map<string, number>();
      const nameOf = (id: string) => (firstRowOf.has(id) ? `the contact from row ${firstRowOf.get(id)}` : (working.get(id)?.name ?? id));
      for (let at = 0; at < rows.length; at += IMPORT_CHUNK) {
        const changed = new Set<string>();
        const chunkBases: BasisRecord[] = [];
        for (let i = at; i < Math.min(rows.length, at + IMPORT_CHUNK); i++) {
          const r = rows[i]!;
          const ids = normalized[i]!;
          const keys = keysOfContact(ids);
          const known = keys.some((k) => owners.has(k) || found.ownersOf.has(k));
          const owner = known ? singleOwner(holders, nameOf, keys, ids, `row ${r.row}: `) : undefined;
          const draft = {
            id: owner ?? uuid(),
            ...contactFields(r.contact),
            ...ids,
            addresses: r.contact.addresses ?? [],
            recipientKind: r.contact.recipientKind ?? ('unknown' as const),
            createdAt: now,
            updatedAt: now,
          };
          let id: string;
          if (owner) {
            id = owner;
            working.set(id, { ...mergeContacts(working.get(id)!, draft), updatedAt: now });
            if (stored.has(id)) touched.add(id);
          } else {
            id = draft.id;
            working.set(id, draft);
            firstRowOf.set(id, r.row);
            created++;
          }
          const into = working.get(id)!;
          for (const k of keysOfContact(into)) owners.set(k, id);
          if (r.provenance) into.provenance = [...(into.provenance ?? []), { id: uuid(), contactId: id, ...r.provenance, recordedAt: now, recordedBy: actor }];
          const b = bases[i];
          if (b) {
            const basis: BasisRecord = { ...b, id: uuid(), contactId: id, recordedBy: actor };
            chunkBases.push(basis);
            addTo(basesBy, id, basis);
          }
          changed.add(id);
        }
        merged = Math.min(rows.length, at + IMPORT_CHUNK);
        mark('merge');
        if (chunkBases.length) pending(db.bases.bulkAdd(chunkBases));
        // Which of these people are on the do-not-contact list (the list's objection flag): the filter
        // answers for nearly every key. The hashes it may hold are looked up exactly without waiting; a
        // person found there is written again with the flag once the answer is in.
        const keysOf: Array<[string, string]> = [];
        for (const id of changed) if (!suppressedIds.has(id)) for (const k of keysOfContact(working.get(id)!)) keysOf.push([id, k]);
        // (A no-op for a big file, whose buckets are all read: no request waits behind the queued writes.)
        if (!big) await suppressionFilter.loadMore(db, keysOf.map(([, k]) => fingerprintOfHash(sha256Hex(k))));
        const maybe: string[] = [];
        const maybeOwner: string[] = [];
        for (const [id, k] of keysOf) {
          const words = sha256Words(k);
          if (!suppressionFilter.mayHave(fingerprintOfWords(words))) continue;
          maybe.push(hexOfWords(words));
          maybeOwner.push(id);
        }
        if (maybe.length) pending(db.suppressedKeys.bulkGet(maybe).then((hits) => hits.forEach((hit, j) => hit && suppressedIds.add(maybeOwner[j]!))));
        mark('suppressedKeys');
        const chunk = [...changed].map(derive);
        const chunkSize = Math.min(rows.length, at + IMPORT_CHUNK) - at;
        pending(
          putRows(db, 'contacts', chunk).then(() => {
            written += chunkSize;
            report();
          }),
        );
        report();
        mark('deriveAndQueue');
      }
      // The written contacts' keys join the filter, for the next import (queued behind the writes).
      const writtenFps = [...working.entries()].filter(([id]) => !stored.has(id) || touched.has(id)).flatMap(([, c]) => keysOfContact(c).map(fingerprintOfKey));
      if (!big) await contactFilter.loadMore(db, writtenFps);
      contactFilter.add(writtenFps);
      pending(contactFilter.save(db));
      mark('keyFilter');
      await Promise.all(requests);
      const reflag = [...suppressedIds].filter((id) => writtenFlag.get(id) === false);
      if (reflag.length) await db.contacts.bulkPut(reflag.map(derive));
      mark('writeContacts');
      await addToContactCount(db, created);
      await this.audit(db, { actor, action: 'contacts-imported', detail: { rows: rows.length, created, merged: rows.length - created } });
      return { created, merged: rows.length - created };
    });
    mark('commit');
    this.lastImportPhases = phases;
    this.invalidateList();
    return result;
  }

  /** All contacts in name order (CSV export). */
  async allContacts(): Promise<Contact[]> {
    return this.read(['contacts'], (db) => db.contacts.orderBy('sortName').toArray());
  }

  /** Every ledger table as plain rows (evidence with its Blob), for the backup. Team sync state is not included. */
  async dumpForBackup() {
    return this.read(['contacts', 'bases', 'evidence', 'events', 'suppressions', 'assessments', 'settings', 'audit', 'kv'], async (db) => {
      const stored = await db.contacts.toArray();
      // The backup format keeps provenance as rows of its own (docs/backup-format.md); `keys` is derived.
      const contacts = stored.map(({ provenance: _p, keys: _k, ...c }) => c as Contact);
      return {
        contacts,
        bases: await db.bases.toArray(),
        evidence: await db.evidence.toArray(),
        provenance: stored.flatMap((c) => c.provenance ?? []),
        events: await db.events.toArray(),
        suppressions: await db.suppressions.toArray(),
        assessments: await db.assessments.toArray(),
        settings: await this.readSettingsRow(db),
        audit: await db.audit.orderBy('seq').toArray(),
        auditHead: (await db.kv.get(AUDIT_HEAD_KEY))?.value as AuditHead | undefined,
      };
    });
  }

  /**
   * Restores validated backup data in one transaction. `replace` swaps the ledger for the backup (its audit
   * chain included); `merge` adds it, merging contacts that share an identity and keeping the local audit chain.
   */
  async restoreFromBackup(data: BackupData, mode: 'merge' | 'replace'): Promise<Record<string, number>> {
    const result = await this.write(async (db) => {
      const actor = await this.actor(db);
      const counts: Record<string, number> = {};
      if (mode === 'replace') {
        for (const t of ['contacts', 'bases', 'evidence', 'events', 'suppressions', 'suppressedKeys', 'keyFilter', 'assessments', 'settings', 'audit'] as const) {
          await db.table(t).clear();
        }
        await db.kv.delete(AUDIT_HEAD_KEY);
        await db.audit.bulkAdd(data.audit);
        const last = data.audit[data.audit.length - 1];
        if (last) await db.kv.put({ key: AUDIT_HEAD_KEY, value: { seq: last.seq, hash: last.hash } });
      }
      // Contacts: an incoming contact whose identity is already known merges into that contact.
      const remap = new Map<string, string>();
      const added = new Set<string>();
      let merged = 0;
      const provenanceOf = new Map<string, Provenance[]>();
      for (const p of data.provenance) provenanceOf.set(p.contactId, [...(provenanceOf.get(p.contactId) ?? []), p]);
      // Each contact is written with its `keys`, so a later contact of the same backup that shares an identity
      // finds it through the index and merges into it (one owner per key, in both modes).
      const withKeys = (x: Contact): Contact => ({ ...x, keys: keysOfContact(x) });
      for (const backupContact of data.contacts) {
        const { keys: _k, ...rest } = backupContact;
        const c: Contact = { ...rest, provenance: provenanceOf.get(backupContact.id) ?? [] };
        const keys = keysOfContact(c);
        const found = await contactsByKeys(db, keys);
        const owner = singleOwner((k) => (found.ownersOf.get(k) ?? []).filter((id) => id !== c.id), (id) => found.contacts.get(id)?.name ?? id, keys, c, `contact ${c.name}: `);
        const sameId = await db.contacts.get(c.id);
        if (owner) {
          const into = (await db.contacts.get(owner))!;
          await db.contacts.put(withKeys(mergeContacts(into, c) as Contact));
          remap.set(c.id, owner);
          merged++;
        } else if (sameId) {
          await db.contacts.put(withKeys(mergeContacts(sameId, c) as Contact));
          remap.set(c.id, c.id);
          merged++;
        } else {
          await db.contacts.put(withKeys(c));
          remap.set(c.id, c.id);
          added.add(c.id);
        }
      }
      const cid = <T extends { contactId?: string }>(r: T): T => (r.contactId && remap.has(r.contactId) ? { ...r, contactId: remap.get(r.contactId)! } : r);
      await db.bases.bulkPut(data.bases.map(cid));
      await db.evidence.bulkPut(data.evidence.map(cid));
      await db.events.bulkPut(data.events.map(cid));
      // Suppressions: one entry per key hash, scope and level.
      let supAdded = 0;
      const newHashes: string[] = [];
      for (const s of data.suppressions) {
        const dup = (await db.suppressions.where('keyHash').equals(s.keyHash).toArray()).find((x) => x.scope === s.scope && x.level === s.level);
        if (dup) {
          if (s.erased && !dup.erased) await db.suppressions.update(dup.id, { erased: true });
          continue;
        }
        await db.suppressions.put(s);
        const n = (await db.suppressedKeys.get(s.keyHash))?.count ?? 0;
        await db.suppressedKeys.put({ keyHash: s.keyHash, count: n + 1 });
        newHashes.push(s.keyHash);
        supAdded++;
      }
      await addToKeyFilter(db, 's', newHashes.map(fingerprintOfHash));
      await db.assessments.bulkPut(data.assessments);
      if (mode === 'replace' || !(await db.settings.get('settings'))) await db.settings.put({ key: 'settings', value: data.settings });
      // One read and one write of the key filter for the whole backup, not one per contact.
      const contactFilter = remap.size > 50 ? await KeyFilter.load(db, 'c', 'all') : undefined;
      for (const id of new Set(remap.values())) await this.refreshDerived(db, id, contactFilter);
      await contactFilter?.save(db);
      // After 'replace' the table holds exactly the added contacts; 'merge' only adds.
      if (mode === 'replace') await db.kv.put({ key: CONTACT_COUNT_KEY, value: added.size });
      else await addToContactCount(db, added.size);
      counts.contacts = data.contacts.length;
      counts.mergedContacts = merged;
      counts.bases = data.bases.length;
      counts.evidence = data.evidence.length;
      // Rows attached to a contact of the backup (a row naming no contact has no place to live now).
      const backupIds = new Set(data.contacts.map((c) => c.id));
      counts.provenance = data.provenance.filter((p) => backupIds.has(p.contactId)).length;
      counts.events = data.events.length;
      counts.suppressions = supAdded;
      counts.assessments = data.assessments.length;
      counts.audit = mode === 'replace' ? data.audit.length : 0;
      await this.audit(db, {
        actor,
        action: 'backup-imported',
        detail: { mode, ...counts, importedAuditHead: data.audit[data.audit.length - 1]?.hash ?? null },
      });
      return counts;
    });
    this.invalidateList();
    return result;
  }
}

/** The tables of a backup after validation (evidence files as Blobs). */
export interface BackupData {
  contacts: Contact[];
  bases: BasisRecord[];
  evidence: EvidenceRow[];
  provenance: Provenance[];
  events: LedgerEvent[];
  suppressions: SuppressionRow[];
  assessments: Assessment[];
  settings: Settings;
  audit: AuditEntry[];
}

export function repairSettings(raw: unknown): Settings {
  const full = settingsSchema.safeParse(raw ?? {});
  if (full.success) return full.data;
  // Repair field by field: keep every valid part, reset only what is broken.
  const base = settingsSchema.parse({});
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base) as (keyof Settings)[]) {
    const part = settingsSchema.shape[key];
    const value = obj[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof base[key] === 'object' && !Array.isArray(base[key])) {
      const merged: Record<string, unknown> = { ...(base[key] as object) };
      for (const [k, v] of Object.entries(value)) {
        const candidate = { ...merged, [k]: v };
        if (part.safeParse(candidate).success) merged[k] = v;
      }
      out[key] = part.parse(merged);
    } else if (value !== undefined && part.safeParse(value).success) {
      out[key] = part.parse(value);
    }
  }
  return settingsSchema.parse(out);
}

function contactFields(d: ContactDraft) {
  const out: Partial<Contact> & { name: string } = { name: d.name.trim() };
  if (d.recipientKind) out.recipientKind = d.recipientKind;
  if (d.country) out.country = d.country;
  if (d.addresses) out.addresses = d.addresses;
  if (d.headline !== undefined) out.headline = d.headline;
  if (d.notes !== undefined) out.notes = d.notes;
  if (d.art13SentAt) out.art13SentAt = d.art13SentAt;
  if (d.art14SentAt) out.art14SentAt = d.art14SentAt;
  if (d.legacy !== undefined) out.legacy = d.legacy;
  if (d.savedFromLinkedIn) out.savedFromLinkedIn = d.savedFromLinkedIn;
  return out;
}

function fieldOfKey(key: string, ids: { emails: string[]; phones: string[] }): string {
  if (key.startsWith('email:')) return `emails.${ids.emails.indexOf(key.slice(6))}`;
  if (key.startsWith('phone:')) return `phones.${ids.phones.indexOf(key.slice(6))}`;
  return 'linkedin';
}

function evidenceMeta(row: EvidenceRow): EvidenceMeta {
  const { blob: _b, ...meta } = row;
  return meta;
}

/** Rows per chunk of a CSV import's database work (progress is reported after each). */
const IMPORT_CHUNK = 2000;

/**
 * The contacts these identity keys belong to (the `*keys` index), who owns each key, and the contact most of
 * the keys point to (`best`; `others` rank after it). A handful of keys: one getAll per key, all in flight.
 * Many keys (an import) against a ledger not much bigger: reading every contact in pages takes far fewer
 * requests (in Chromium ~30 µs per keyed getAll, ~12 µs per contact read in bulk).
 */
async function contactsByKeys(
  db: LedgerDb,
  keys: readonly string[],
  storedContacts?: number,
): Promise<{ contacts: Map<string, Contact>; ownerOf: Map<string, string>; ownersOf: Map<string, string[]>; best?: string; others: string[] }> {
  const wanted = [...new Set(keys)];
  const contacts = new Map<string, Contact>();
  const ownerOf = new Map<string, string>();
  // Every contact holding a key: the writes keep one owner per key, so more than one is a conflict to refuse.
  const ownersOf = new Map<string, string[]>();
  const votes = new Map<string, number>();
  const take = (key: string, c: Contact) => {
    const holders = ownersOf.get(key) ?? [];
    if (holders.includes(c.id)) return;
    ownersOf.set(key, [...holders, c.id]);
    if (!ownerOf.has(key)) ownerOf.set(key, c.id);
    contacts.set(c.id, c);
    votes.set(c.id, (votes.get(c.id) ?? 0) + 1);
  };
  if (storedContacts !== undefined && wanted.length > 500 && wanted.length * 2 > storedContacts) {
    const set = new Set(wanted);
    let after: string | undefined;
    for (;;) {
      const page = await (after === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(after)).limit(5000).toArray();
      for (const c of page) for (const k of c.keys ?? keysOfContact(c)) if (set.has(k)) take(k, c);
      if (page.length < 5000) break;
      after = page[page.length - 1]!.id;
    }
  } else if (wanted.length) {
    const found = await Promise.all(wanted.map((k) => db.contacts.where('keys').equals(k).toArray()));
    found.forEach((rows, i) => rows.forEach((c) => take(wanted[i]!, c)));
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  return { contacts, ownerOf, ownersOf, ...(ranked[0] ? { best: ranked[0][0] } : {}), others: ranked.slice(1).map(([id]) => id) };
}

/**
 * The one contact these keys belong to, or undefined; refuses keys spread over two contacts (one has the
 * e-mail, another the phone): merging into either would leave the other holding a key that is no longer its own.
 */
function singleOwner(
  holdersOf: (key: string) => readonly string[],
  nameOf: (id: string) => string,
  keys: readonly string[],
  ids: { emails: string[]; phones: string[] },
  prefix = '',
): string | undefined {
  const owners = [...new Set(keys.flatMap(holdersOf))];
  if (owners.length <= 1) return owners[0];
  const second = keys.find((k) => holdersOf(k).includes(owners[1]!))!;
  throw new LedgerError(
    'duplicate-identity',
    `${prefix}these details belong to two different contacts (${nameOf(owners[0]!)} and ${nameOf(owners[1]!)}); edit or delete one of them first.`,
    prefix + fieldOfKey(second, ids),
  );
}

/**
 * Rows whose `index` equals any of `values`: one getAll per value, all in flight at once. (`anyOf` walks one
 * cursor across the index, a round trip per step; a lookup has only a handful of values.)
 */
async function whereAnyOf<T>(table: { where(index: string): { equals(v: string): { toArray(): PromiseLike<T[]> } } }, index: string, values: readonly string[]): Promise<T[]> {
  if (!values.length) return [];
  const parts = await Promise.all(values.map((v) => table.where(index).equals(v).toArray()));
  return parts.flat();
}

function dedupeById<T extends { id: string }>(rows: T[]): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.id, r);
  return [...m.values()];
}

/** For each assessment id: the versions the bases name, or else the latest. */
function latestVersions(all: Assessment[], bases: BasisRecord[]): Assessment[] {
  const out = new Map<string, Assessment>();
  for (const b of bases) {
    if (b.type !== 'legitimate_interest') continue;
    const versions = all.filter((a) => a.id === b.assessmentId);
    const chosen = b.assessmentVersion ? versions.find((a) => a.version === b.assessmentVersion) : versions.sort((x, y) => y.version - x.version)[0];
    if (chosen) out.set(`${chosen.id}@${chosen.version}`, chosen);
  }
  return [...out.values()];
}

function summarizeEvents(events: LedgerEvent[], contact?: Contact): EventSummary {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const outbound = sorted.filter((e) => e.kind === 'outbound');
  const replies = sorted.filter((e) => e.kind === 'reply');
  const objections = sorted.filter((e) => e.kind === 'objection');
  const interactions = sorted.filter((e) => e.kind === 'reply' || e.kind === 'call' || e.kind === 'meeting' || e.kind === 'outbound');
  const informed = !!contact?.art13SentAt;
  return {
    outboundCount: outbound.length,
    ...(outbound.length ? { lastOutboundAt: outbound[outbound.length - 1]!.at } : {}),
    disclosureGiven: outbound.some((e) => e.disclosureIncluded) || !!contact?.art14SentAt || informed,
    followUpsWithoutArt13: informed ? 0 : Math.max(0, outbound.length - 1),
    replies: replies.length,
    ...(replies.length ? { lastReplyAt: replies[replies.length - 1]!.at } : {}),
    objections: objections.length,
    ...(objections.length ? { lastObjectionAt: objections[objections.length - 1]!.at } : {}),
    declinedInMail: sorted.some((e) => e.kind === 'declined_inmail'),
    ...(interactions.length ? { lastInteractionAt: interactions[interactions.length - 1]!.at } : {}),
  };
}

export function summaryOf(c: Contact, now: Date): ContactSummary {
  const source = c.flags.find((f) => f.startsWith('source:'))?.slice(7) as SourceKind | undefined;
  const linkedin = c.linkedin.vanities[0] ?? c.linkedin.memberIds[0] ?? c.linkedin.leadIds[0];
  return {
    id: c.id,
    name: c.name,
    ...(c.company?.name ? { company: c.company.name } : c.company?.domain ? { company: c.company.domain } : {}),
    ...(c.emails[0] ? { email: c.emails[0] } : {}),
    ...(c.phones[0] ? { phone: c.phones[0] } : {}),
    ...(linkedin ? { linkedin } : {}),
    basisTypes: c.flags.filter((f) => f.startsWith('basis:')).map((f) => f.slice(6)),
    ...(source ? { source } : {}),
    objection: c.flags.includes('objection'),
    firstContactPending: c.flags.includes('first_contact_pending'),
    art14Passed: !!c.art14DueAt && c.art14DueAt < now.toISOString().slice(0, 10),
    updatedAt: c.updatedAt,
  };
}

export { isProvableBasis, normalizeDomain };

/** Opens the ledger the background uses. One instance per service worker. */
export function createLedger(options?: LedgerOptions): Ledger {
  return new Ledger(options);
}
