import type { LedgerFacts } from '../rules/input';
import type { Assessment } from '../model/assessment';
import type { BasisRecord } from '../model/basis';
import type { Contact, Provenance } from '../model/contact';
import type { EvidenceMeta } from '../model/evidence';
import type { SuppressionRow } from '../model/suppression';
import { addMonths, dateOf } from './derive';

// What the ledger knows about one recipient, for the verdict service; and its translation into the
// rules engine's `ledger` input (lib/rules/input.ts), so the mapping lives next to the data it reads.

export interface EventSummary {
  outboundCount: number;
  lastOutboundAt?: string;
  /** an outbound message carried the first-contact disclosure */
  disclosureGiven: boolean;
  /** outbound messages after the first one while no Art. 13 information was given */
  followUpsWithoutArt13: number;
  replies: number;
  lastReplyAt?: string;
  objections: number;
  lastObjectionAt?: string;
  declinedInMail: boolean;
  /** last reply, call, meeting or outbound message */
  lastInteractionAt?: string;
}

export interface MatchedSuppression extends SuppressionRow {
  /** which identity key of the recipient it matched (the kind only, e.g. `email`, `domain`) */
  matchedKeyKind: string;
}

export interface RecipientFacts {
  /** the keys asked about plus every key of the matched contact (and its domain/company keys) */
  keys: string[];
  known: boolean;
  contact?: Contact;
  /** other contacts some of the keys belong to: a duplicate to resolve, shown as a warning */
  otherContactIds: string[];
  bases: BasisRecord[];
  /** evidence metadata only, never the files */
  evidence: EvidenceMeta[];
  provenance: Provenance[];
  events: EventSummary;
  suppressions: MatchedSuppression[];
  /** the person was erased: only a hashed suppression key is left */
  erased: boolean;
  /** the assessments the legitimate-interest bases point at (the version they name, or the latest) */
  assessments: Assessment[];
}

/**
 * The rules engine's `ledger` facts for this recipient. `now` decides whether assessments are past
 * their review date; `recentSimilarSends` comes from `countRecentSimilarSends`.
 */
export function toRulesLedgerFacts(f: RecipientFacts, now: Date, recentSimilarSends?: number): LedgerFacts {
  const firstProv = [...f.provenance].sort((a, b) => a.obtainedAt.localeCompare(b.obtainedAt))[0];
  const relationships: LedgerFacts['relationships'] = [];
  const bases: LedgerFacts['bases'] = [];
  for (const b of f.bases) {
    switch (b.type) {
      case 'consent':
        bases.push({
          type: 'consent',
          who: b.who,
          when: b.when,
          how: b.how,
          what: { entity: b.what.entity, products: b.what.products, channels: b.what.channels },
          shownText: b.shownText || undefined,
          capturedBy: b.capturedBy,
          // evidence proves this consent when the basis lists it or the evidence names the basis
          evidenceRefs: evidenceFor(b.id, b.evidenceIds, f.evidence),
          verifiedBeforeCall: b.verifiedBeforeCall,
          linkedTo: b.linkedTo,
          obtainedVia: b.obtainedVia,
          withdrawnAt: b.withdrawnAt,
        });
        break;
      case 'customer':
        bases.push({
          type: 'customer',
          entity: b.entity,
          productCategory: b.product,
          saleDate: b.saleDate,
          endedAt: b.endDate,
          obtainedAtSale: b.obtainedAtSale,
          informedAtCollection: b.informedAtCollection,
          optoutOfferedAtCollection: b.optOutOfferedAtCollection,
          viaEmployer: b.viaEmployer,
        });
        relationships.push({ type: 'customer', entity: b.entity, productCategory: b.product, saleDate: b.saleDate, endedAt: b.endDate, viaEmployer: b.viaEmployer });
        break;
      case 'legitimate_interest': {
        const a = f.assessments.find((x) => x.id === b.assessmentId && (!b.assessmentVersion || x.version === b.assessmentVersion));
        bases.push({
          type: 'legitimate_interest',
          assessment: a
            ? {
                id: a.id,
                version: String(a.version),
                date: a.createdAt.slice(0, 10),
                retentionMonths: a.retentionMonths,
                expired: dateOf(a.reviewDate).getTime() < now.getTime(),
              }
            : undefined,
        });
        break;
      }
      case 'contract_request':
        bases.push({ type: 'contract_request', ref: b.ref, date: b.date, requestedBy: b.requestedBy });
        break;
      case 'inbound_request':
        // The relationship alone: the engine covers it within its subject only (NC-03). A contract request
        // beside it would make any message "solicited", whatever the person asked about.
        relationships.push({ type: 'inbound_request', date: b.date, subject: b.subject });
        break;
      case 'referral':
        relationships.push({ type: 'referral', by: b.by, date: b.date, refereeConfirmed: b.refereeConfirmed });
        break;
      case 'met_in_person':
        relationships.push({ type: 'met_in_person', date: b.date, event: b.event, agreed: b.agreed });
        break;
      case 'prior_contact':
        relationships.push({ type: 'prior_contact', date: b.date, note: b.note });
        break;
      case 'introduced':
        relationships.push({ type: 'introduced', threadRef: b.threadRef, date: b.date });
        break;
      case 'newsletter_subscriber':
        relationships.push({ type: 'newsletter_subscriber', scope: b.scope });
        break;
      case 'linkedin_connection':
        relationships.push({ type: 'linkedin_connection', since: b.since });
        break;
      case 'public_request':
        relationships.push({ type: 'public_request', url: b.url, topic: b.topic, date: b.date });
        break;
      case 'public_source':
        bases.push({ type: 'public_source', detail: b.detail });
        break;
      case 'none':
        bases.push({ type: 'none' });
        break;
    }
  }
  const c = f.contact;
  return {
    known: f.known,
    source: firstProv?.source,
    sourceDetail: firstProv?.detail ?? firstProv?.url,
    obtainedAt: firstProv?.obtainedAt,
    legacy: c?.legacy || f.provenance.some((p) => p.source === 'legacy_import') || undefined,
    relationships,
    bases,
    suppressions: f.suppressions.map((s) => ({
      scope: s.scope,
      level: s.level,
      matchedOn: 'strong' as const,
      source: 'personal' as const,
      recordedAt: s.recordedAt,
    })),
    erased: f.erased || undefined,
    priorOutbound: {
      count: f.events.outboundCount,
      lastAt: f.events.lastOutboundAt,
      disclosureGiven: f.events.disclosureGiven,
      art14SentAt: c?.art14SentAt,
      art13SentAt: c?.art13SentAt,
      followUpsWithoutArt13: f.events.followUpsWithoutArt13,
    },
    lastInteractionAt: f.events.lastInteractionAt ?? c?.lastInteractionAt,
    ...(recentSimilarSends !== undefined ? { recentSimilarSends } : {}),
  };
}

function evidenceFor(basisId: string, listed: readonly string[], evidence: readonly EvidenceMeta[]): string[] | undefined {
  const ids = new Set(listed);
  for (const e of evidence) if (e.basisId === basisId) ids.add(e.id);
  return ids.size > 0 ? [...ids] : undefined;
}

/** True when a consent record is older than the policy's maximum age at `now`. */
export function consentTooOld(when: string, maxAgeMonths: number, now: Date): boolean {
  return addMonths(dateOf(when), maxAgeMonths).getTime() < now.getTime();
}
