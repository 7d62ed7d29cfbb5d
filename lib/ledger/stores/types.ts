import type { RawIdentities } from '../contact-input';
import type { Assessment } from '../../model/assessment';
import type { AuditEntry } from '../../model/audit';
import type { BasisRecord } from '../../model/basis';
import type { Contact, Provenance } from '../../model/contact';
import type { LedgerEvent } from '../../model/event';
import type { EvidenceRow } from '../../model/evidence';
import type { Settings } from '../../model/settings';
import type { SuppressionRow, SuppressionScope } from '../../model/suppression';
import type { SourceKind } from '../../model/vocabulary';

// What the stores take and give, shared by their callers (the background's handlers, CSV import, backup).

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
  /** its e-mails and phones are in normal form already (the CSV plan checked them): not normalised twice */
  addressesNormalized?: boolean;
  provenance?: ProvenanceDraft;
  basis?: BasisDraft;
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
