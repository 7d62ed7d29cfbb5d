import type { AuditPeople } from '@/lib/messaging/management';
import type { AuditEntry } from '@/lib/model/audit';
import { formatNumber, plural, type I18n } from '../i18n';

// The audit log as a rep would say it: "Bezwaar vastgelegd voor Jan de Vries (e-mail)". The stored entry is
// unchanged (the export keeps it as it is); this only words it.

/** Every action the ledger writes to the audit log; the filter offers exactly these. */
export const auditActions = [
  'contact-created',
  'contact-updated',
  'contact-merged',
  'contact-deleted',
  'erased',
  'provenance-added',
  'basis-added',
  'basis-updated',
  'basis-deleted',
  'evidence-note-added',
  'evidence-file-added',
  'evidence-deleted',
  'suppression-added',
  'suppression-removed',
  'outbound-recorded',
  'override',
  'call-logged',
  'contacts-imported',
  'assessment-saved',
  'settings-saved',
  'backup-imported',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const actionKey = (action: string) => `auditDo_${action.replace(/-/g, '_')}`;

/** The stored stand-in when no rep name is set; shown as "you" rather than as a developer's string. */
export function actorName(i18n: I18n, actor: string): string {
  return actor === 'local user' || actor === '' ? i18n.t('actorLocalUser') : actor;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A list of names in the language's way: "A, B en C". */
export function listOf(i18n: I18n, items: readonly string[]): string {
  return new Intl.ListFormat(i18n.lang === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(items);
}

export interface AuditWords {
  /** the sentence for the list */
  summary: string;
  /** the details in words, folded under the sentence */
  details: Array<[string, string]>;
}

export function describeAudit(i18n: I18n, e: AuditEntry, people: AuditPeople | undefined): AuditWords {
  const { t } = i18n;
  const d = e.detail;
  const contactName = (id: string | undefined) => (id && people?.contacts[id]) || t('auditSomeoneRemoved');
  const person = contactName(e.contactId);
  const keys = [...strings(d.keyHashes), ...strings(d.keyHash)].map((h) => people?.keys[h]);
  const keyWho = keys.find((k) => k?.label)?.label ?? (keys.some((k) => k?.erased) ? t('auditSomeoneErased') : t('auditSomeoneUnnamed'));
  const keyKinds = [...new Set(keys.flatMap((k) => (k ? [k.kind] : [])))].map((k) => t(`keyKind_${k.replace(/-/g, '_')}`));
  const kindsText = keyKinds.length ? listOf(i18n, keyKinds) : t('auditKeyKindsUnknown');
  const channel = typeof d.channel === 'string' ? t(`channel_${d.channel}`) : '—';
  const recipients = () => {
    const named = strings(d.contactIds).map((id) => people?.contacts[id]).filter((n): n is string => !!n);
    const count = num(d.recipients);
    if (named.length > 0 && named.length >= count) return listOf(i18n, named);
    return plural(i18n, 'auditRecipients', count);
  };
  const details: Array<[string, string]> = [];
  const add = (labelKey: string, value: string | undefined) => {
    if (value) details.push([t(labelKey), value]);
  };
  let summary: string;
  switch (e.action as AuditAction) {
    case 'contact-created':
    case 'contact-updated':
    case 'contact-merged':
    case 'contact-deleted':
    case 'evidence-note-added':
    case 'evidence-file-added':
    case 'evidence-deleted':
      summary = t(actionKey(e.action), person);
      add('auditDetailSource', typeof d.source === 'string' ? t(`source_${d.source}`) : undefined);
      add('auditDetailBasis', typeof d.basis === 'string' ? t(`basis_${d.basis}`) : undefined);
      add('auditDetailSize', typeof d.size === 'number' ? `${formatNumber(i18n.lang, Math.ceil(d.size / 1024))} KB` : undefined);
      break;
    case 'erased':
      summary = t(actionKey(e.action), t('auditSomeoneErased'));
      add('auditDetailReason', typeof d.reason === 'string' ? d.reason : undefined);
      add('auditDetailKeys', strings(d.keyHashes).length ? plural(i18n, 'auditKeysKept', strings(d.keyHashes).length) : undefined);
      break;
    case 'provenance-added':
      summary = t(actionKey(e.action), person, typeof d.source === 'string' ? t(`source_${d.source}`) : '—');
      break;
    case 'basis-added':
    case 'basis-updated':
    case 'basis-deleted':
      summary = t(actionKey(e.action), person, typeof d.type === 'string' ? t(`basis_${d.type}`) : '—');
      break;
    case 'suppression-added':
      summary = t(d.level === 'company' ? 'auditDo_suppression_added_company' : actionKey(e.action), keyWho, kindsText);
      add('auditDetailReason', typeof d.reason === 'string' ? d.reason : undefined);
      add('auditDetailScope', typeof d.scope === 'string' ? t(`scope_${d.scope}`) : undefined);
      break;
    case 'suppression-removed':
      summary = t(actionKey(e.action), keyWho, kindsText);
      add('auditDetailScope', typeof d.scope === 'string' ? t(`scope_${d.scope}`) : undefined);
      break;
    case 'outbound-recorded':
      summary = t(actionKey(e.action), channel, recipients());
      add('auditDetailDisclosure', typeof d.disclosureIncluded === 'boolean' ? t(d.disclosureIncluded ? 'auditYes' : 'auditNo') : undefined);
      break;
    case 'override':
      summary = t(actionKey(e.action), channel, recipients());
      add('auditDetailReason', typeof d.reason === 'string' ? d.reason : undefined);
      add('auditDetailDecision', typeof d.decision === 'string' ? t(`decision${d.decision.charAt(0).toUpperCase()}${d.decision.slice(1)}`) : undefined);
      add('auditDetailRules', strings(d.codes).join(', ') || undefined);
      break;
    case 'call-logged':
      summary = t(actionKey(e.action), person, typeof d.outcome === 'string' ? t(`outcome_${d.outcome}`) : '—');
      add('auditDetailOpeningRead', typeof d.openingRead === 'boolean' ? t(d.openingRead ? 'auditYes' : 'auditNo') : undefined);
      add('auditDetailObjection', d.suppressionAdded === true ? t('auditYes') : undefined);
      break;
    case 'contacts-imported':
      summary = t(actionKey(e.action), plural(i18n, 'ioCsvCreated', num(d.created)), plural(i18n, 'ioCsvMerged', num(d.merged)));
      add('auditDetailRows', formatNumber(i18n.lang, num(d.rows)));
      break;
    case 'assessment-saved':
      summary = t(actionKey(e.action), String(num(d.version) || 1));
      break;
    case 'settings-saved':
      summary = t(actionKey(e.action));
      break;
    case 'backup-imported':
      summary = t(actionKey(e.action), t(d.mode === 'replace' ? 'ioModeReplace' : 'ioModeMerge'));
      add('auditDetailContacts', typeof d.contacts === 'number' ? plural(i18n, 'backupCount_contacts', d.contacts) : undefined);
      break;
    default:
      // An action this version does not know yet (a newer backup): said plainly, with its stored name.
      summary = t('auditDoUnknown', e.action);
  }
  return { summary, details };
}
