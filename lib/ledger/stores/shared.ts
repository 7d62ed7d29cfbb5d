import { keysOfContact } from '../../identity/keys';
import type { LedgerDb } from '../db';
import { deriveContactIndex } from '../derive';
import { LedgerError } from '../errors';
import type { EventSummary } from '../facts';
import { addToKeyFilter, fingerprintOfKey, type KeyFilter } from '../key-filter';
import { type Assessment } from '../../model/assessment';
import { basisRecordSchema, type BasisRecord } from '../../model/basis';
import { type Contact } from '../../model/contact';
import { type LedgerEvent } from '../../model/event';
import { type EvidenceMeta, type EvidenceRow } from '../../model/evidence';
import { type SourceKind } from '../../model/vocabulary';
import { sha256Hex } from '../sha256';
import { newId } from '../ids';
import type { LedgerCore } from './core';
import type { BasisDraft, ContactDraft, ContactSummary } from './types';

// Reads and record shapes more than one store needs: who holds which identity keys, a contact's derived
// index fields, a basis draft checked into a record, a contact's list summary.

/** Recomputes a contact's derived index fields from its records. Inside a write transaction. */
export async function refreshDerived(core: LedgerCore, db: LedgerDb, contactId: string, contactFilter?: KeyFilter): Promise<void> {
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
  core.touch(db, contactId);
}

/**
 * refreshDerived for many contacts at once (a restore): their records read in a few bulk requests and the
 * contacts written in one, instead of four requests per contact.
 */
export async function refreshDerivedMany(core: LedgerCore, db: LedgerDb, contactIds: readonly string[], contactFilter: KeyFilter): Promise<void> {
  const ids = new Set(contactIds);
  const contacts = (await db.contacts.bulkGet([...ids])).filter((c): c is Contact => !!c);
  const group = <T extends { contactId?: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      if (!r.contactId || !ids.has(r.contactId)) continue;
      const list = m.get(r.contactId);
      if (list) list.push(r);
      else m.set(r.contactId, [r]);
    }
    return m;
  };
  // Whole tables when the restore touches most contacts; by index otherwise.
  const wide = ids.size * 2 > (await db.contacts.count());
  const bases = group(wide ? await db.bases.toArray() : await db.bases.where('contactId').anyOf([...ids]).toArray());
  const events = group(wide ? await db.events.toArray() : await db.events.where('contactId').anyOf([...ids]).toArray());
  const keysOf = new Map(contacts.map((c) => [c.id, keysOfContact(c)]));
  const hashOf = new Map<string, string>();
  for (const keys of keysOf.values()) for (const k of keys) if (!hashOf.has(k)) hashOf.set(k, sha256Hex(k));
  const hashes = [...new Set(hashOf.values())];
  const onList = new Set<string>();
  (await db.suppressedKeys.bulkGet(hashes)).forEach((r, i) => r && onList.add(hashes[i]!));
  const out = contacts.map((c) => {
    const keys = keysOf.get(c.id)!;
    const suppressed = keys.some((k) => onList.has(hashOf.get(k)!));
    contactFilter.add(keys.map(fingerprintOfKey));
    core.touch(db, c.id);
    return deriveContactIndex(c, bases.get(c.id) ?? [], c.provenance ?? [], events.get(c.id) ?? [], suppressed);
  });
  await db.contacts.bulkPut(out);
}

/** Validates a basis draft into a record (the contact id is filled in later). */
export function checkBasis(draft: BasisDraft, contactId: string, recordedAt: string, prefix = ''): BasisRecord {
  const candidate = { evidenceIds: [], ...draft, id: draft.id ?? newId(), contactId, recordedAt, recordedBy: 'local user' };
  const parsed = basisRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new LedgerError('invalid-basis', `${i.path.join('.') || 'basis'}: ${i.message}`, prefix + i.path.join('.'));
  }
  return parsed.data;
}

/** The legitimate-interest assessment a basis names must exist (checked inside the write). */
export async function checkAssessmentExists(db: LedgerDb, basis: BasisRecord | undefined): Promise<void> {
  if (basis?.type === 'legitimate_interest' && (await db.assessments.where('id').equals(basis.assessmentId).count()) === 0) {
    throw new LedgerError('invalid-basis', 'The legitimate-interest assessment it names does not exist.', 'basis.assessmentId');
  }
}

export function contactFields(d: ContactDraft) {
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

export function fieldOfKey(key: string, ids: { emails: string[]; phones: string[] }): string {
  if (key.startsWith('email:')) return `emails.${ids.emails.indexOf(key.slice(6))}`;
  if (key.startsWith('phone:')) return `phones.${ids.phones.indexOf(key.slice(6))}`;
  return 'linkedin';
}

export function evidenceMeta(row: EvidenceRow): EvidenceMeta {
  const { blob: _b, ...meta } = row;
  return meta;
}

/**
 * The contacts these identity keys belong to (the `*keys` index), who owns each key, and the contact most of
 * the keys point to (`best`; `others` rank after it). A handful of keys: one getAll per key, all in flight.
 * Many keys (an import) against a ledger not much bigger: reading every contact in pages takes far fewer
 * requests (in Chromium ~30 µs per keyed getAll, ~12 µs per contact read in bulk).
 */
export async function contactsByKeys(
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
export function singleOwner(
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
export async function whereAnyOf<T>(table: { where(index: string): { equals(v: string): { toArray(): PromiseLike<T[]> } } }, index: string, values: readonly string[]): Promise<T[]> {
  if (!values.length) return [];
  const parts = await Promise.all(values.map((v) => table.where(index).equals(v).toArray()));
  return parts.flat();
}

export function dedupeById<T extends { id: string }>(rows: T[]): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.id, r);
  return [...m.values()];
}

/** For each assessment id: the versions the bases name, or else the latest. */
export function latestVersions(all: Assessment[], bases: BasisRecord[]): Assessment[] {
  const out = new Map<string, Assessment>();
  for (const b of bases) {
    if (b.type !== 'legitimate_interest') continue;
    const versions = all.filter((a) => a.id === b.assessmentId);
    const chosen = b.assessmentVersion ? versions.find((a) => a.version === b.assessmentVersion) : versions.sort((x, y) => y.version - x.version)[0];
    if (chosen) out.set(`${chosen.id}@${chosen.version}`, chosen);
  }
  return [...out.values()];
}

export function summarizeEvents(events: LedgerEvent[], contact?: Contact): EventSummary {
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


/** The contact the most of these keys belong to (`best`), and the others holding one of them. */
export async function bestContactId(db: LedgerDb, keys: readonly string[]): Promise<{ best?: string; others: string[] }> {
  const { best, others } = await contactsByKeys(db, keys);
  return { ...(best ? { best } : {}), others };
}
