import type { ContactPage } from '@/lib/messaging/management-contacts';
import type { AuditHeadView } from '@/lib/messaging/audit-anchors';
import { formatDate, formatDateTime, type I18n } from '../i18n';

// The access report a person receives (GDPR Art. 15): every stored value in words of the reader's language,
// never a stored key ("company_website", "form · email", "local user").

export interface ReportSection {
  heading: string;
  rows: Array<{ label: string; value: string }>;
}

/** A stored value as words: the translation of an enum key, or the value itself when it is free text. */
function word(i18n: I18n, prefix: string, value: string | undefined): string {
  if (!value) return '';
  const key = `${prefix}${value.replace(/-/g, '_')}`;
  const text = i18n.t(key);
  return text === `⟦${key}⟧` ? value : text;
}

/** `head`: the audit log's head when the report was made, printed so it can be kept apart from the device. */
export function accessReportSections(i18n: I18n, page: ContactPage, head?: AuditHeadView | null): ReportSection[] {
  const { t, lang } = i18n;
  const c = page.contact;
  return [
    {
      heading: t('reportIdentity'),
      rows: [
        { label: t('reportName'), value: c.name },
        ...c.emails.map((e) => ({ label: t('idEmail'), value: e })),
        ...c.phones.map((p) => ({ label: t('idPhone'), value: p })),
        ...c.linkedin.vanities.map((v) => ({ label: 'LinkedIn', value: `https://www.linkedin.com/in/${v}/` })),
        ...(c.company?.name ? [{ label: t('reportCompany'), value: c.company.name }] : []),
      ],
    },
    {
      heading: t('reportSource'),
      rows: page.provenance.map((p) => ({
        label: formatDate(lang, p.obtainedAt),
        value: [word(i18n, 'source_', p.source), p.detail, p.url].filter(Boolean).join(' — '),
      })),
    },
    {
      heading: t('reportBasis'),
      rows: page.bases.map((b) => ({
        label: word(i18n, 'basis_', b.type),
        // The reader is the person: a colleague is named when the ledger has a name, never "you".
        value: [
          b.recordedBy && b.recordedBy !== 'local user' ? t('reportRecordedOn', formatDate(lang, b.recordedAt), b.recordedBy) : t('reportRecordedOnDate', formatDate(lang, b.recordedAt)),
          b.note,
        ]
          .filter(Boolean)
          .join(' — '),
      })),
    },
    {
      heading: t('reportEvidence'),
      rows: page.evidence.map((e) => ({
        label: formatDate(lang, e.date),
        value: e.kind === 'file' ? t('reportEvidenceFile', e.fileName ?? '', String(e.size ?? 0), e.sha256 ?? '') : (e.text ?? ''),
      })),
    },
    {
      heading: t('reportHistory'),
      rows: page.events.map((e) => ({
        label: formatDateTime(lang, e.at),
        value: [word(i18n, 'event_', e.kind), e.channel ? word(i18n, 'channel_', e.channel) : '', e.outcome ? word(i18n, 'outcome_', e.outcome) : ''].filter(Boolean).join(', '),
      })),
    },
    {
      heading: t('reportObjections'),
      rows: page.suppressions.map((s) => ({
        label: formatDate(lang, s.recordedAt),
        value: [t(s.level === 'company' ? 'reportObjectionCompany' : 'reportObjectionPerson', word(i18n, 'scope_', s.scope)), s.reason].filter(Boolean).join(' — '),
      })),
    },
    ...(head
      ? [
          {
            heading: t('reportAuditHead'),
            rows: [
              { label: t('auditEntryNumber'), value: String(head.seq) },
              { label: t('colDate'), value: formatDateTime(lang, head.at) },
              { label: 'SHA-256', value: head.hash },
            ],
          },
        ]
      : []),
  ];
}
