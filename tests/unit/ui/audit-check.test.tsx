// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { AuditHeadPanel, headLine, parseKeptHead, VerifyResult } from '../../../components/audit/AuditCheck';
import { accessReportSections } from '../../../components/rights/accessReport';
import { tableTranslator } from '../../../components/i18n';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { contactPageSchema } from '../../../lib/messaging/management-contacts';
import { managementBackground } from '../management/setup';
import { mount, type } from './render';
import { act } from 'preact/test-utils';

const hash = 'ab'.repeat(32);
const head = { seq: 42, hash, at: '2026-03-01T10:00:00.000Z' };
const noTeam = { inTeam: false, lastAnchoredAt: null, anchoredToSeq: 0, pending: 0, refused: 0, lastError: null };

describe('the audit check in words', () => {
  test.each([
    ['nl', 'Regel 7 klopt niet meer met het anker', 'Eerste regel die niet meer klopt: regel 7', 'Bezwaar vastgelegd', 'het anker op de teamserver'],
    ['en', 'Entry 7 no longer matches the anchor', 'First entry that no longer matches: entry 7', 'Objection recorded', 'the anchor on the team server'],
  ] as const)('a rewritten entry caught by a server anchor is named with its number, time and action (%s)', (lang, problem, first, action, where) => {
    const ui = mount(
      <VerifyResult
        result={{
          ok: false,
          count: 9,
          brokenAtSeq: 7,
          code: 'anchor-changed',
          entry: { seq: 7, at: '2026-03-01T10:00:00.000Z', action: 'suppression-added' },
          anchor: { seq: 8, anchoredAt: '2026-03-02T09:00:00.000Z', where: 'server' },
          anchors: { checked: 2, coveredToSeq: 8, lastAnchoredAt: '2026-03-02T09:00:00.000Z' },
          server: { reachable: true, count: 2 },
        }}
      />,
      lang,
    );
    const text = ui.container.textContent ?? '';
    expect(text).toContain(problem);
    expect(text).toContain(first);
    expect(text.toLowerCase()).toContain(action.toLowerCase());
    expect(text).toContain(where);
    expect(text).not.toContain('⟦');
    expect(text).not.toContain('suppression-added');
    ui.unmount();
  });

  test('a server that does not answer is said, not passed over', () => {
    const ui = mount(<VerifyResult result={{ ok: true, count: 3, server: { reachable: false, count: 0 } }} />, 'nl');
    expect(ui.container.querySelector('[data-testid="verify-server"]')?.textContent).toContain('De teamserver gaf geen antwoord');
    ui.unmount();
  });

  test('the head panel copies a line that the kept-head field reads back', () => {
    let copied = '';
    let checked: unknown = null;
    const ui = mount(<AuditHeadPanel head={head} anchoring={noTeam} busy={false} onCopy={(t) => (copied = t)} onCheckKept={(k) => (checked = k)} />, 'nl');
    expect(ui.container.querySelector('[data-testid="head-hash"]')?.textContent).toBe(hash);
    act(() => (ui.container.querySelector('button[type="button"]') as HTMLButtonElement).click());
    expect(copied).toBe(headLine(head));
    type(ui.container.querySelector('input[name="kept-head"]'), copied);
    act(() => {
      (ui.container.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(checked).toEqual({ seq: 42, hash });
    ui.unmount();
  });

  test('an anchor that could not reach the server is said, with how many wait', () => {
    const anchoring = { inTeam: true, lastAnchoredAt: '2026-03-01T12:00:00.000Z', anchoredToSeq: 42, pending: 2, refused: 0, lastError: { code: 'unreachable', at: '2026-03-01T12:00:00.000Z' } };
    const ui = mount(<AuditHeadPanel head={head} anchoring={anchoring} busy={false} onCopy={() => undefined} onCheckKept={() => undefined} />, 'en');
    expect(ui.container.querySelector('[data-testid="anchoring"]')?.textContent).toContain('Anchors still waiting for the team server: 2.');
    expect(ui.container.querySelector('[data-testid="anchoring-error"]')?.textContent).toContain('could not reach the team server');
    ui.unmount();
  });

  test.each([
    [headLine(head), { seq: 42, hash }],
    [`regel 42 ${hash.toUpperCase()}`, { seq: 42, hash }],
    [`${hash} 42`, { seq: 42, hash }],
    ['42', null],
    [`0 ${hash}`, null],
  ])('a kept head is read from %j', (text, expected) => {
    expect(parseKeptHead(text)).toEqual(expected);
  });

  test('the printed access report carries the audit head', async () => {
    const bg = managementBackground();
    const { id } = await bg.ok({ type: 'contacts/save', contact: { name: 'Jan', emails: ['jan@acme.nl'], provenance: { source: 'data_subject', obtainedAt: '2026-02-01' } } });
    const report = await bg.ok({ type: 'rights/access-export', contactId: id });
    const sections = accessReportSections({ lang: 'nl', t: tableTranslator(nl, en) }, contactPageSchema.parse(report.json), report.json.auditHead);
    const last = sections.at(-1)!;
    expect(last.heading).toBe('Auditlog bij het maken van dit verslag');
    expect(last.rows.map((r) => r.value)).toContain((await bg.ledger.db.audit.orderBy('seq').last())!.hash);
  });
});
