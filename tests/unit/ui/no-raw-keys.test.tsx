// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { tableTranslator, type I18n, type Lang } from '../../../components/i18n';
import { accessReportSections } from '../../../components/rights/accessReport';
import { actorName, auditActions, describeAudit } from '../../../components/audit/auditWords';
import { CallCheck, type CallCheckResult } from '../../../components/popup/CallCheck';
import { basisTypes } from '../../../lib/model/basis';
import { eventKinds } from '../../../lib/model/event';
import { recipientKinds, sourceKinds } from '../../../lib/model/vocabulary';
import { callOutcomeSchema } from '../../../lib/messaging/management';
import { contactPageSchema } from '../../../lib/messaging/management-contacts';
import { type AuditEntry } from '../../../lib/model/audit';
import { csvFieldSchema } from '../../../lib/model/csv';
import { channelSchema } from '../../../lib/model/vocabulary';
import { managementBackground } from '../management/setup';
import { mount } from './render';

// A stored key must never reach a page or the access report a person receives: every enum value the schemas
// know that a reader would see as code (snake_case, kebab-case) is looked for in the rendered text.
const rawKeys: string[] = [...new Set<string>([...sourceKinds, ...basisTypes, ...eventKinds, ...recipientKinds, ...channelSchema.options, ...callOutcomeSchema.options, ...csvFieldSchema.options, ...auditActions])]
  .filter((k) => /[_-]/.test(k))
  .concat(['local user', '⟦']);

function rawKeysIn(text: string): string[] {
  return rawKeys.filter((k) => new RegExp(`(^|[^\\w-])${k.replace(/[-⟦]/g, (c) => `\\${c}`)}($|[^\\w-])`).test(text));
}

const i18n = (lang: Lang): I18n => ({ lang, t: tableTranslator(lang === 'nl' ? nl : en, en) });

async function seeded() {
  const bg = managementBackground('2026-03-01T10:00:00.000Z');
  const saved = await bg.ok({
    type: 'contacts/save',
    contact: { name: 'Jan de Vries', emails: ['jan@acme.nl'], phones: ['0201234567'], provenance: { source: 'company_website', obtainedAt: '2026-01-01', detail: 'acme.nl' } },
  });
  await bg.ok({ type: 'call/log-outcome', phone: '+31201234567', contactId: saved.id, outcome: 'not_interested', note: '', openingRead: true });
  await bg.ok({ type: 'call/log-outcome', phone: '+31201234567', contactId: saved.id, outcome: 'objected', note: 'wil niet meer gebeld worden', openingRead: true });
  return { bg, id: saved.id as string };
}

describe('no raw key reaches a reader', () => {
  test.each(['nl', 'en'] as const)('the access report sent to the person (%s)', async (lang) => {
    const { bg, id } = await seeded();
    const report = await bg.ok({ type: 'rights/access-export', contactId: id });
    const page = contactPageSchema.parse(report.json);
    const text = accessReportSections(i18n(lang), page)
      .flatMap((s) => [s.heading, ...s.rows.flatMap((r) => [r.label, r.value])])
      .join('\n');
    expect(text).toContain(lang === 'nl' ? 'Bedrijfswebsite' : 'Company website');
    expect(rawKeysIn(text)).toEqual([]);
  });

  test.each(['nl', 'en'] as const)('the audit log (%s)', async (lang) => {
    const { bg } = await seeded();
    const list = await bg.ok({ type: 'audit/list', offset: 0, limit: 100 });
    expect(list.items.length).toBeGreaterThan(2);
    const text = list.items
      .flatMap((e: AuditEntry) => {
        const w = describeAudit(i18n(lang), e, list.people);
        return [actorName(i18n(lang), e.actor), w.summary, ...w.details.flat()];
      })
      .join('\n');
    expect(rawKeysIn(text)).toEqual([]);
  });

  test.each(['nl', 'en'] as const)('the call check (%s)', (lang) => {
    const result: CallCheckResult = {
      decision: 'block',
      findings: [],
      label: '+31612345678',
      known: false,
      line: 'mobile',
      recipientKind: 'unknown',
      sourceKnown: false,
      opening: { nl: 'Goedemiddag', en: 'Good afternoon' },
    };
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={() => {}} onSearchContacts={async () => []} onLogOutcome={() => {}} result={result} />, lang);
    expect(rawKeysIn(container.textContent ?? '')).toEqual([]);
    unmount();
  });

  test('the scan itself finds a raw key', () => {
    expect(rawKeysIn('Bron: company_website')).toEqual(['company_website']);
    expect(rawKeysIn('actor: local user')).toEqual(['local user']);
  });
});
