import { describe, expect, test, vi } from 'vitest';
import { messageContextOf } from '../../../lib/rules/context';
import { day } from '../../../lib/rules/helpers';
import { parseOutreachInput } from '../../../lib/rules/input';
import { CUSTOMER, mk } from './fixtures';

// The context builder: what the ledger and the page tell the message model, and the finding when neither the
// text nor the context says enough (the strict answer applied).

const answer = vi.hoisted(() => ({ decidedBy: 'text' as 'text' | 'context' | 'default' }));
vi.mock('../../../lib/rules/analyze', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/rules/analyze')>();
  return {
    ...real,
    analyzeMessage: (...args: Parameters<typeof real.analyzeMessage>) => ({ ...real.analyzeMessage(...args), classification: 'commercial', decidedBy: answer.decidedBy }),
  };
});
const { evaluateOutreach } = await import('../../../lib/rules');

const ctxOf = (patch: unknown) => {
  const inp = parseOutreachInput(mk(patch));
  return messageContextOf(inp, day(inp.sendDate));
};

describe('the message model\'s context from the register and the page', () => {
  test.each<[string, unknown, Record<string, unknown>]>([
    ['a request from the person three weeks ago', { ledger: { relationships: [{ type: 'inbound_request', date: '2026-02-08' }] } }, { requestedByRecipientRecently: true }],
    ['a request half a year ago is not recent', { ledger: { relationships: [{ type: 'inbound_request', date: '2025-09-01' }] } }, {}],
    ['a quote the person asked for last week', { ledger: { bases: [{ type: 'contract_request', requestedBy: 'data_subject', date: '2026-02-22' }] } }, { requestedByRecipientRecently: true }],
    ['a customer', { ledger: { bases: [CUSTOMER] } }, { existingCustomer: true }],
    ['a customer through the employer only', { ledger: { bases: [{ ...CUSTOMER, viaEmployer: true }] } }, {}],
    ['a meeting the register noted', { ledger: { relationships: [{ type: 'prior_contact', date: '2026-02-20', note: 'afspraak op 5 maart bij hen op kantoor' }] } }, { meetingAgreed: true }],
    ['an event note about mailing is not a meeting', { ledger: { relationships: [{ type: 'met_in_person', date: '2025-12-01', agreed: 'mail over planning' }] } }, {}],
    ['a reply where the person wrote last', { message: { context: { replyToRecipient: true } } }, { replyToRecipient: true }],
    ['the catalogue\'s names and aliases', { products: [{ name: 'PlanPro', aliases: ['planner'] }] }, { knownProducts: ['PlanPro', 'planner'] }],
  ])('%s', (_s, patch, expected) => {
    expect(ctxOf({ ledger: { bases: [] }, ...(patch as object) })).toEqual(expected);
  });
});

describe('MISSING-CONTEXT: the strict answer applied', () => {
  test('when the model says neither text nor context decided, the verdict says so', () => {
    answer.decidedBy = 'default';
    const v = evaluateOutreach(mk({ message: { body: 'Hoi Jan, even checken.' } }));
    expect(v.findings.find((f) => f.code === 'MISSING-CONTEXT')).toMatchObject({ severity: 'info', title: { en: 'Not clear whether this is marketing' } });
  });
  test('when the text decided, nothing is said', () => {
    answer.decidedBy = 'text';
    expect(evaluateOutreach(mk({ message: { body: 'Hoi Jan, even checken of alles goed gaat.' } })).findings.some((f) => f.code === 'MISSING-CONTEXT')).toBe(false);
  });
  test('a rep\'s own classification is not the model\'s default', () => {
    answer.decidedBy = 'default';
    const v = evaluateOutreach(mk({ message: { body: 'Hoi Jan, nog een vraag.', classificationOverride: { as: 'commercial', reason: 'het is een aanbod' } } }));
    expect(v.findings.some((f) => f.code === 'MISSING-CONTEXT')).toBe(false);
  });
});
