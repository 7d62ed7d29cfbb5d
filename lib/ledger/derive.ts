import type { BasisRecord } from '../model/basis';
import type { Contact, Provenance } from '../model/contact';
import type { LedgerEvent } from '../model/event';
import { provableBasisTypes } from '../model/basis';
import { foldText } from '../identity/normalize';
import { keysOfContact } from '../identity/keys';

// Index fields derived from a contact and its records, recomputed whenever one of them changes: the identity
// keys the `*keys` index finds a recipient by, and what the in-memory contacts list (list-index.ts) sorts,
// searches and filters on.

/** Words of a search query, folded the same way as the stored tokens. */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/[\s,;()"'<>]+/)
    .map((w) => w.replace(/^[.+-]+|[.-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

function words(s: string | undefined): string[] {
  if (!s) return [];
  return foldText(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function searchTokensOf(c: Pick<Contact, 'name' | 'emails' | 'phones' | 'company' | 'linkedin'>): string[] {
  const t = new Set<string>(words(c.name));
  for (const e of c.emails) {
    t.add(e);
    const [local, domain] = [e.slice(0, e.lastIndexOf('@')), e.slice(e.lastIndexOf('@') + 1)];
    t.add(local);
    t.add(domain);
    for (const w of words(local)) t.add(w);
  }
  for (const p of c.phones) {
    t.add(p.slice(1)); // 31612345678
    if (p.startsWith('+31')) t.add(`0${p.slice(3)}`); // 0612345678, how Dutch reps type it
  }
  if (c.company?.name) for (const w of words(c.company.name)) t.add(w);
  if (c.company?.domain) t.add(c.company.domain);
  if (c.company?.kvk) t.add(c.company.kvk);
  for (const v of c.linkedin.vanities) {
    t.add(v);
    for (const w of words(v)) t.add(w);
  }
  return [...t].filter((w) => w.length <= 200).slice(0, 60);
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addMonths(d: Date, months: number): Date {
  const out = new Date(d.getTime());
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

export function dateOf(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

/** True when a basis record still counts as a provable lawful basis on its own. */
export function isProvableBasis(b: BasisRecord): boolean {
  if (!provableBasisTypes.has(b.type)) return false;
  if (b.type === 'consent' && b.withdrawnAt) return false;
  return true;
}

/**
 * Fills in the derived fields of a contact from its records.
 * @param suppressed the person has a do-not-contact entry (counts as an objection in the list filter)
 */
export function deriveContactIndex(
  c: Omit<Contact, 'sortName' | 'searchTokens' | 'flags' | 'art14DueAt' | 'obtainedAt'> & Partial<Contact>,
  bases: readonly BasisRecord[],
  provenance: readonly Provenance[],
  events: readonly LedgerEvent[],
  suppressed: boolean,
): Contact {
  const flags = new Set<string>();
  for (const b of bases) flags.add(`basis:${b.type}`);
  if (!bases.some(isProvableBasis)) flags.add('no_provable_basis');
  for (const p of provenance) flags.add(`source:${p.source}`);
  if (suppressed || events.some((e) => e.kind === 'objection')) flags.add('objection');
  const outbound = events.filter((e) => e.kind === 'outbound');
  if (outbound.length === 0) flags.add('first_contact_pending');
  if (c.savedFromLinkedIn) flags.add('mylist');
  const obtained = provenance.map((p) => p.obtainedAt).sort()[0];
  const informed = c.art13SentAt || c.art14SentAt || outbound.some((e) => e.disclosureIncluded);
  // Art. 14(3)(a): information within a month when the data did not come from the person.
  const indirect = provenance.length === 0 || provenance.some((p) => p.source !== 'data_subject');
  const { art14DueAt: _a, obtainedAt: _o, ...rest } = c;
  const out: Contact = {
    ...rest,
    sortName: foldText(c.name).trim() || '\uffff',
    searchTokens: searchTokensOf(c),
    flags: [...flags],
    keys: keysOfContact(c),
  };
  if (obtained) out.obtainedAt = obtained;
  if (obtained && !informed && indirect) out.art14DueAt = isoDay(addMonths(dateOf(obtained), 1));
  return out;
}
