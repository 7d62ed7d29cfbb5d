import type { Contact } from '../model/contact';
import { LedgerCore, type LedgerOptions } from './stores/core';
import { summaryOf } from './stores/shared';
import { SettingsStore } from './stores/settings';
import { LookupStore } from './stores/lookups';
import { ContactStore } from './stores/contacts';
import { EventStore } from './stores/events';
import { SuppressionStore } from './stores/suppressions';
import { BasisStore } from './stores/bases';
import { ContactListStore } from './stores/contact-list';
import { MyListStore } from './stores/my-list';
import { AssessmentStore } from './stores/assessments';
import { AuditLogStore } from './stores/audit-log';
import { CleanupStore } from './stores/cleanup';
import { ImportStore } from './stores/import';
import { BackupStore } from './stores/backup';

// The ledger: one database handle (LedgerCore) shared by stores, one per concept (stores/*.ts). This class
// only wires them and keeps the one entry point its callers (the background's handlers, the verdict service,
// backup and CSV import) and tests use; nothing else imports Dexie.

export type { RecipientFacts } from './facts';
export type { LedgerOptions } from './stores/core';
export { CONTACT_COUNT_KEY } from './stores/core';
export type * from './stores/types';
export { maskKey } from './stores/suppressions';
export { repairSettings } from './stores/settings-repair';
export { summaryOf } from './stores/shared';
export type { ProfileToSave } from './stores/my-list';

export class Ledger {
  readonly core: LedgerCore;
  readonly settingsStore: SettingsStore;
  readonly lookups: LookupStore;
  readonly contacts: ContactStore;
  readonly events: EventStore;
  readonly suppressions: SuppressionStore;
  readonly bases: BasisStore;
  readonly list: ContactListStore;
  readonly myListStore: MyListStore;
  readonly assessments: AssessmentStore;
  readonly auditLog: AuditLogStore;
  readonly cleanup: CleanupStore;
  readonly importer: ImportStore;
  readonly backup: BackupStore;

  constructor(options: LedgerOptions = {}) {
    const core = (this.core = new LedgerCore(options));
    this.settingsStore = new SettingsStore(core);
    this.list = new ContactListStore(core);
    this.lookups = new LookupStore(core);
    this.suppressions = new SuppressionStore(core, this.list);
    this.contacts = new ContactStore(core, this.suppressions);
    this.events = new EventStore(core, this.suppressions);
    this.bases = new BasisStore(core);
    this.myListStore = new MyListStore(core, this.settingsStore, this.contacts);
    this.assessments = new AssessmentStore(core);
    this.auditLog = new AuditLogStore(core, this.contacts);
    this.cleanup = new CleanupStore(core, this.settingsStore, this.contacts);
    this.importer = new ImportStore(core, this.list);
    this.backup = new BackupStore(core, this.list);
  }

  get db() {
    return this.core.db;
  }

  /** milliseconds per phase of the last CSV import (the benchmark reports them) */
  get lastImportPhases(): Record<string, number> {
    return this.importer.lastImportPhases;
  }

  close() {
    this.core.close();
  }

  summaryOf(c: Contact) {
    return summaryOf(c, this.core.now());
  }

  // --- settings
  getSettings(...args: Parameters<SettingsStore['get']>): ReturnType<SettingsStore['get']> {
    return this.settingsStore.get(...args);
  }
  saveSettings(...args: Parameters<SettingsStore['save']>): ReturnType<SettingsStore['save']> {
    return this.settingsStore.save(...args);
  }
  // --- lookups
  factsForRecipient(...args: Parameters<LookupStore['factsForRecipient']>): ReturnType<LookupStore['factsForRecipient']> {
    return this.lookups.factsForRecipient(...args);
  }
  // --- contacts
  findContactByIdentityKeys(...args: Parameters<ContactStore['findContactByIdentityKeys']>): ReturnType<ContactStore['findContactByIdentityKeys']> {
    return this.contacts.findContactByIdentityKeys(...args);
  }
  saveContact(...args: Parameters<ContactStore['saveContact']>): ReturnType<ContactStore['saveContact']> {
    return this.contacts.saveContact(...args);
  }
  deleteContact(...args: Parameters<ContactStore['deleteContact']>): ReturnType<ContactStore['deleteContact']> {
    return this.contacts.deleteContact(...args);
  }
  erase(...args: Parameters<ContactStore['erase']>): ReturnType<ContactStore['erase']> {
    return this.contacts.erase(...args);
  }
  getContact(...args: Parameters<ContactStore['getContact']>): ReturnType<ContactStore['getContact']> {
    return this.contacts.getContact(...args);
  }
  contactPage(...args: Parameters<ContactStore['contactPage']>): ReturnType<ContactStore['contactPage']> {
    return this.contacts.contactPage(...args);
  }
  // --- events
  countRecentSimilarSends(...args: Parameters<EventStore['countRecentSimilarSends']>): ReturnType<EventStore['countRecentSimilarSends']> {
    return this.events.countRecentSimilarSends(...args);
  }
  recordOutbound(...args: Parameters<EventStore['recordOutbound']>): ReturnType<EventStore['recordOutbound']> {
    return this.events.recordOutbound(...args);
  }
  recordOverride(...args: Parameters<EventStore['recordOverride']>): ReturnType<EventStore['recordOverride']> {
    return this.events.recordOverride(...args);
  }
  recordEvent(...args: Parameters<EventStore['recordEvent']>): ReturnType<EventStore['recordEvent']> {
    return this.events.recordEvent(...args);
  }
  logCallOutcome(...args: Parameters<EventStore['logCallOutcome']>): ReturnType<EventStore['logCallOutcome']> {
    return this.events.logCallOutcome(...args);
  }
  // --- suppressions
  addSuppressionForKeys(...args: Parameters<SuppressionStore['addSuppressionForKeys']>): ReturnType<SuppressionStore['addSuppressionForKeys']> {
    return this.suppressions.addSuppressionForKeys(...args);
  }
  listSuppressions(...args: Parameters<SuppressionStore['listSuppressions']>): ReturnType<SuppressionStore['listSuppressions']> {
    return this.suppressions.listSuppressions(...args);
  }
  removeSuppression(...args: Parameters<SuppressionStore['removeSuppression']>): ReturnType<SuppressionStore['removeSuppression']> {
    return this.suppressions.removeSuppression(...args);
  }
  suppressionStatus(...args: Parameters<SuppressionStore['suppressionStatus']>): ReturnType<SuppressionStore['suppressionStatus']> {
    return this.suppressions.suppressionStatus(...args);
  }
  // --- bases
  saveBasis(...args: Parameters<BasisStore['saveBasis']>): ReturnType<BasisStore['saveBasis']> {
    return this.bases.saveBasis(...args);
  }
  deleteBasis(...args: Parameters<BasisStore['deleteBasis']>): ReturnType<BasisStore['deleteBasis']> {
    return this.bases.deleteBasis(...args);
  }
  addProvenance(...args: Parameters<BasisStore['addProvenance']>): ReturnType<BasisStore['addProvenance']> {
    return this.bases.addProvenance(...args);
  }
  addEvidenceNote(...args: Parameters<BasisStore['addEvidenceNote']>): ReturnType<BasisStore['addEvidenceNote']> {
    return this.bases.addEvidenceNote(...args);
  }
  addEvidenceFile(...args: Parameters<BasisStore['addEvidenceFile']>): ReturnType<BasisStore['addEvidenceFile']> {
    return this.bases.addEvidenceFile(...args);
  }
  getEvidenceFile(...args: Parameters<BasisStore['getEvidenceFile']>): ReturnType<BasisStore['getEvidenceFile']> {
    return this.bases.getEvidenceFile(...args);
  }
  deleteEvidence(...args: Parameters<BasisStore['deleteEvidence']>): ReturnType<BasisStore['deleteEvidence']> {
    return this.bases.deleteEvidence(...args);
  }
  // --- contact list
  invalidateList(...args: Parameters<ContactListStore['invalidateList']>): ReturnType<ContactListStore['invalidateList']> {
    return this.list.invalidateList(...args);
  }
  warmUp(...args: Parameters<ContactListStore['warmUp']>): ReturnType<ContactListStore['warmUp']> {
    return this.list.warmUp(...args);
  }
  listContacts(...args: Parameters<ContactListStore['listContacts']>): ReturnType<ContactListStore['listContacts']> {
    return this.list.listContacts(...args);
  }
  myList(...args: Parameters<ContactListStore['myList']>): ReturnType<ContactListStore['myList']> {
    return this.list.myList(...args);
  }
  // --- my list
  saveProfileToMyList(...args: Parameters<MyListStore['saveProfileToMyList']>): ReturnType<MyListStore['saveProfileToMyList']> {
    return this.myListStore.saveProfileToMyList(...args);
  }
  saveProfileWithChoice(...args: Parameters<MyListStore['saveProfileWithChoice']>): ReturnType<MyListStore['saveProfileWithChoice']> {
    return this.myListStore.saveProfileWithChoice(...args);
  }
  profileStatus(...args: Parameters<MyListStore['profileStatus']>): ReturnType<MyListStore['profileStatus']> {
    return this.myListStore.profileStatus(...args);
  }
  // --- assessments
  listAssessments(...args: Parameters<AssessmentStore['listAssessments']>): ReturnType<AssessmentStore['listAssessments']> {
    return this.assessments.listAssessments(...args);
  }
  getAssessment(...args: Parameters<AssessmentStore['getAssessment']>): ReturnType<AssessmentStore['getAssessment']> {
    return this.assessments.getAssessment(...args);
  }
  saveAssessment(...args: Parameters<AssessmentStore['saveAssessment']>): ReturnType<AssessmentStore['saveAssessment']> {
    return this.assessments.saveAssessment(...args);
  }
  // --- audit log
  listAudit(...args: Parameters<AuditLogStore['listAudit']>): ReturnType<AuditLogStore['listAudit']> {
    return this.auditLog.listAudit(...args);
  }
  verifyAudit(...args: Parameters<AuditLogStore['verifyAudit']>): ReturnType<AuditLogStore['verifyAudit']> {
    return this.auditLog.verifyAudit(...args);
  }
  exportAudit(...args: Parameters<AuditLogStore['exportAudit']>): ReturnType<AuditLogStore['exportAudit']> {
    return this.auditLog.exportAudit(...args);
  }
  accessExport(...args: Parameters<AuditLogStore['accessExport']>): ReturnType<AuditLogStore['accessExport']> {
    return this.auditLog.accessExport(...args);
  }
  // --- cleanup
  cleanupScan(...args: Parameters<CleanupStore['cleanupScan']>): ReturnType<CleanupStore['cleanupScan']> {
    return this.cleanup.cleanupScan(...args);
  }
  eraseMany(...args: Parameters<CleanupStore['eraseMany']>): ReturnType<CleanupStore['eraseMany']> {
    return this.cleanup.eraseMany(...args);
  }
  // --- import
  importContacts(...args: Parameters<ImportStore['importContacts']>): ReturnType<ImportStore['importContacts']> {
    return this.importer.importContacts(...args);
  }
  allContacts(...args: Parameters<ImportStore['allContacts']>): ReturnType<ImportStore['allContacts']> {
    return this.importer.allContacts(...args);
  }
  // --- backup
  dumpForBackup(...args: Parameters<BackupStore['dumpForBackup']>): ReturnType<BackupStore['dumpForBackup']> {
    return this.backup.dumpForBackup(...args);
  }
  restoreFromBackup(...args: Parameters<BackupStore['restoreFromBackup']>): ReturnType<BackupStore['restoreFromBackup']> {
    return this.backup.restoreFromBackup(...args);
  }
}

/** Opens the ledger the background uses. One instance per service worker. */
export function createLedger(options?: LedgerOptions): Ledger {
  return new Ledger(options);
}
