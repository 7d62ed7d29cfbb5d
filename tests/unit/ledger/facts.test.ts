import { describe, expect, test } from 'vitest';
import { toRulesLedgerFacts } from '../../../lib/ledger/facts';
import { ledgerFactsSchema } from '../../../lib/rules/input';
import { consentBasis, freshLedger } from './helpers';

describe('toRulesLedgerFacts', () => {
  test('maps a contact’s records into the rules engine’s ledger input, which accepts it', async () => {
    const ledger = freshLedger('2026-03-01T10:00:00.000Z');
    const lia = await ledger.saveAssessment({
      title: 'LIA',
      interest: 'i',
      necessity: 'n',
      balancing: 'b',
      retentionMonths: 12,
      reviewDate: '2026-02-01',
      reasonableExpectations: '',
      safeguards: [],
      optOutOffered: true,
      decidedBy: '',
    });
    const r = await ledger.saveContact(
      { name: 'Jan', emails: ['jan@acme.nl'], phones: ['0612345678'] },
      { provenance: { source: 'event_list', detail: 'Beurs', obtainedAt: '2026-01-10' }, basis: consentBasis },
    );
    await ledger.saveBasis(r.id, { type: 'customer', entity: 'Acme B.V.', product: 'software', saleDate: '2025-01-01', informedAtCollection: true, optOutOfferedAtCollection: true });
    await ledger.saveBasis(r.id, { type: 'legitimate_interest', assessmentId: lia.id });
    await ledger.saveBasis(r.id, { type: 'met_in_person', date: '2026-01-10', event: 'Beurs', agreed: 'mail me' });
    await ledger.addSuppressionForKeys(['phone:+31612345678'], { scope: 'phone', reason: 'verzet', level: 'person' });
    await ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:jan@acme.nl'] }], disclosureIncluded: true, bodyFingerprint: 'a', at: '2026-02-01T00:00:00.000Z' });
    await ledger.recordOutbound({ channel: 'email', recipients: [{ keys: ['email:jan@acme.nl'] }], disclosureIncluded: false, bodyFingerprint: 'b', at: '2026-02-10T00:00:00.000Z' });
    const facts = await ledger.factsForRecipient(['email:jan@acme.nl']);
    const mapped = ledgerFactsSchema.parse(toRulesLedgerFacts(facts, new Date('2026-03-01T00:00:00Z'), 3));
    expect(mapped).toMatchObject({
      known: true,
      source: 'event_list',
      sourceDetail: 'Beurs',
      obtainedAt: '2026-01-10',
      recentSimilarSends: 3,
      priorOutbound: { count: 2, lastAt: '2026-02-10T00:00:00.000Z', disclosureGiven: true },
      suppressions: [{ scope: 'phone', level: 'person', source: 'personal' }],
    });
    expect(mapped.bases.map((b) => b.type).sort()).toEqual(['consent', 'customer', 'legitimate_interest']);
    expect(mapped.bases.find((b) => b.type === 'legitimate_interest')).toMatchObject({ assessment: { id: lia.id, version: '1', expired: true } });
    expect(mapped.relationships.map((x) => x.type).sort()).toEqual(['customer', 'met_in_person']);
  });

  test('an unknown recipient maps to known: false with no records', async () => {
    const facts = await freshLedger().factsForRecipient(['email:x@y.nl']);
    const mapped = ledgerFactsSchema.parse(toRulesLedgerFacts(facts, new Date()));
    expect(mapped).toMatchObject({ known: false, bases: [], relationships: [], suppressions: [] });
  });
});
