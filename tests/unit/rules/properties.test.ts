import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateOutreach } from '../../../lib/rules';
import type { OutreachInput } from '../../../lib/rules/input';
import type { Decision } from '../../../lib/rules/verdict';
import { DRAFT_CONSENT_NL, DRAFT_LI_NL, PITCH_NL, RECRUIT_NL, SCRIPT_NL } from './fixtures';

// Properties the rules must keep whatever the input: objections only tighten, evidence only loosens,
// and the order of bases and suppressions never matters.

const rank: Record<Decision, number> = { allow: 0, warn: 1, block: 2 };
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const date = fc.constantFrom('2021-01-15', '2023-06-01', '2025-03-10', '2025-12-01', '2026-02-20', '2026-06-30', '2026-08-01');

const consentArb = fc.record(
  {
    type: fc.constant('consent' as const),
    who: opt(fc.constant('Jan Bakker')),
    when: opt(fc.constantFrom('2023-01-01', '2025-06-01', '2025-12-01')),
    how: opt(fc.constantFrom('form' as const, 'event_note' as const, 'verbal' as const)),
    what: opt(
      fc.record(
        {
          entity: opt(fc.constantFrom('Acme B.V.', 'Other B.V.')),
          channels: opt(fc.subarray(['email', 'linkedin', 'phone', 'sms'] as const)),
          products: opt(fc.constantFrom<string[]>(['planningssoftware'], ['verzekeringen'])),
        },
        { requiredKeys: [] },
      ),
    ),
    evidenceRefs: opt(fc.constantFrom<string[]>([], ['ref-1'])),
    verifiedBeforeCall: opt(fc.boolean()),
    linkedTo: opt(fc.constantFrom('person' as const, 'phone_number' as const)),
    obtainedVia: opt(fc.constantFrom('data_subject' as const, 'lead_vendor' as const, 'referrer' as const)),
    withdrawnAt: opt(fc.constantFrom('2026-01-01', '2027-01-01')),
  },
  { requiredKeys: ['type'] },
);
const basisArb = fc.oneof(
  consentArb,
  fc.record(
    {
      type: fc.constant('customer' as const),
      entity: opt(fc.constantFrom('Acme B.V.', 'Other B.V.')),
      productCategory: opt(fc.constantFrom('planningssoftware', 'verzekeringen')),
      endedAt: opt(fc.constantFrom('2021-01-01', '2025-01-01')),
      obtainedAtSale: opt(fc.boolean()),
      informedAtCollection: opt(fc.boolean()),
      optoutOfferedAtCollection: opt(fc.boolean()),
      similarProduct: opt(fc.boolean()),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('legitimate_interest' as const), assessment: opt(fc.record({ id: fc.constant('lia-1'), expired: opt(fc.boolean()) }, { requiredKeys: ['id'] })) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('contract_request' as const), requestedBy: opt(fc.constantFrom('data_subject' as const, 'employer' as const)) }, { requiredKeys: ['type'] }),
  fc.constantFrom({ type: 'public_source' as const }, { type: 'none' as const }, { type: 'referral' as const, by: 'Piet' }),
);
const suppressionArb = fc.record({
  scope: fc.constantFrom('all' as const, 'email' as const, 'phone' as const, 'linkedin' as const),
  level: fc.constantFrom('person' as const, 'company' as const),
  matchedOn: fc.constantFrom('strong' as const, 'fuzzy' as const),
  source: fc.constantFrom('personal' as const, 'team' as const),
});
const relationshipArb = fc.oneof(
  fc.record({ type: fc.constant('prior_contact' as const), date: opt(date) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('met_in_person' as const), date: opt(date), event: opt(fc.constant('Vakbeurs')) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('inbound_request' as const), subject: opt(fc.constantFrom('planningssoftware', 'verzekeringen')) }, { requiredKeys: ['type'] }),
  fc.constantFrom({ type: 'referral' as const, by: 'Piet' }, { type: 'linkedin_connection' as const }, { type: 'introduced' as const }),
  fc.record({ type: fc.constant('presumed_interest' as const), reason: opt(fc.constant('public RFP')) }, { requiredKeys: ['type'] }),
);

const inputArb: fc.Arbitrary<OutreachInput> = fc.record({
  action: fc.constantFrom('send_message' as const, 'send_message' as const, 'call' as const, 'save_contact' as const, 'import_contacts' as const),
  channel: fc.constantFrom('email' as const, 'linkedin_dm' as const, 'linkedin_inmail' as const, 'linkedin_connect_note' as const, 'sms' as const, 'whatsapp' as const, 'call' as const, 'automated_call' as const),
  sendDate: fc.constantFrom('2026-03-01', '2026-08-15'),
  sender: fc.record({ legalEntity: opt(fc.constant('Acme B.V.')), country: opt(fc.constantFrom('NL', 'BE')), exempt2026: opt(fc.boolean()) }, { requiredKeys: [] }),
  recipient: fc.record(
    {
      kind: opt(fc.constantFrom('natural_consumer' as const, 'natural_professional' as const, 'legal_person' as const)),
      country: opt(fc.constantFrom('NL', 'DE', 'GB', 'BE', 'FR')),
      address: fc.record(
        {
          value: opt(fc.constantFrom('jan@bakker.nl', 'info@bakker.nl', 'jan@gmail.com', 'info@bakker.com', '+31 6 1234 5678', '+44 20 7946 0958')),
          kind: opt(fc.constantFrom('role_designated' as const, 'role_generic' as const, 'personal_business' as const, 'phone_switchboard' as const, 'phone_mobile' as const)),
          designationEvidence: opt(fc.constant({ url: 'https://bakker.nl/contact' })),
        },
        { requiredKeys: [] },
      ),
      phoneRegisters: opt(fc.record({ tps: opt(fc.boolean()), ctps: opt(fc.boolean()), beDncm: opt(fc.boolean()) }, { requiredKeys: [] })),
      linkedin: opt(
        fc.record(
          {
            degree: opt(fc.constantFrom(1 as const, 2 as const, 3 as const)),
            openTo: opt(fc.subarray(['work', 'services', 'proposals'] as const)),
            declinedInMail: opt(fc.boolean()),
            publicRequestTopic: opt(fc.constant('planningssoftware')),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ['address'] },
  ),
  ledger: fc.record(
    {
      known: fc.boolean(),
      source: opt(fc.constantFrom('data_subject' as const, 'linkedin_manual' as const, 'company_website' as const, 'referral' as const, 'legacy_import' as const)),
      obtainedAt: opt(date),
      legacy: opt(fc.boolean()),
      relationships: fc.array(relationshipArb, { maxLength: 3 }),
      bases: fc.array(basisArb, { maxLength: 3 }),
      suppressions: fc.array(suppressionArb, { maxLength: 3 }),
      erased: opt(fc.boolean()),
      priorOutbound: opt(fc.record({ count: opt(fc.nat(5)), disclosureGiven: opt(fc.boolean()), followUpsWithoutArt13: opt(fc.nat(4)) }, { requiredKeys: [] })),
      lastInteractionAt: opt(date),
      recentSimilarSends: opt(fc.nat(20)),
    },
    { requiredKeys: ['known', 'relationships', 'bases', 'suppressions'] },
  ),
  message: opt(
    fc.record(
      {
        body: opt(fc.constantFrom(DRAFT_CONSENT_NL, DRAFT_LI_NL, PITCH_NL, RECRUIT_NL, SCRIPT_NL, 'Bijgaand de factuur.', 'Mag ik u af en toe informatie sturen?')),
        recipientCount: opt(fc.nat(50)),
        automated: opt(fc.boolean()),
        product: opt(fc.constantFrom('planningssoftware', 'verzekeringen')),
      },
      { requiredKeys: [] },
    ),
  ),
  policy: fc.record({ mode: fc.constantFrom('strict' as const, 'lenient' as const) }),
});

const decide = (i: OutreachInput) => evaluateOutreach(i).decision;
const ledgerOf = (i: OutreachInput) => i.ledger ?? { known: false, relationships: [], bases: [], suppressions: [] };

describe('properties', () => {
  test('never throws on valid input', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        evaluateOutreach(i);
      }),
      { numRuns: 1500 },
    );
  });

  test('adding an objection never makes the verdict more permissive', () => {
    fc.assert(
      fc.property(inputArb, suppressionArb, (i, s) => {
        const l = ledgerOf(i);
        const more = { ...i, ledger: { ...l, suppressions: [...(l.suppressions ?? []), s] } };
        expect(rank[decide(more)]).toBeGreaterThanOrEqual(rank[decide(i)]);
      }),
      { numRuns: 1500 },
    );
  });

  test('an objection for all channels on a strong match blocks every marketing contact', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const l = ledgerOf(i);
        const v = evaluateOutreach({ ...i, ledger: { ...l, suppressions: [{ scope: 'all', level: 'person', matchedOn: 'strong', source: 'team' }] } });
        const nonCommercial = v.findings.some((f) => f.code === 'NC-01');
        if (!nonCommercial) expect(v.decision).toBe('block');
      }),
      { numRuns: 800 },
    );
  });

  test('adding evidence to a consent record or an assessment never makes the verdict stricter', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const l = ledgerOf(i);
        const bases = (l.bases ?? []).map((b) => {
          if (b.type === 'consent')
            return {
              ...b,
              who: b.who ?? 'Jan Bakker',
              how: b.how ?? ('form' as const),
              evidenceRefs: b.evidenceRefs?.length ? b.evidenceRefs : ['ref-x'],
              capturedBy: 'form v1',
              verifiedBeforeCall: true,
              linkedTo: 'person' as const,
            };
          if (b.type === 'legitimate_interest') return { ...b, assessment: { id: 'lia-1' } };
          return b;
        });
        const more = { ...i, ledger: { ...l, bases } };
        expect(rank[decide(more)]).toBeLessThanOrEqual(rank[decide(i)]);
      }),
      { numRuns: 1500 },
    );
  });

  test('the verdict never depends on the order of bases, suppressions or relationships', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (i, seed) => {
        const l = ledgerOf(i);
        const shuffle = <T>(xs: readonly T[] | undefined): T[] => {
          const a = [...(xs ?? [])];
          let s = seed;
          for (let k = a.length - 1; k > 0; k--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (k + 1);
            [a[k], a[j]] = [a[j]!, a[k]!];
          }
          return a;
        };
        const shuffled = {
          ...i,
          ledger: { ...l, bases: shuffle(l.bases).reverse(), suppressions: shuffle(l.suppressions).reverse(), relationships: shuffle(l.relationships).reverse() },
        };
        expect(evaluateOutreach(shuffled)).toEqual(evaluateOutreach(i));
      }),
      { numRuns: 1500 },
    );
  });

  test('lenient mode is never stricter than strict mode', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const s = decide({ ...i, policy: { mode: 'strict' } });
        const l = decide({ ...i, policy: { mode: 'lenient' } });
        expect(rank[l]).toBeLessThanOrEqual(rank[s]);
      }),
      { numRuns: 1500 },
    );
  });
});
