import { describe, expect, test } from 'vitest';
import { Ledger } from '@/lib/ledger/repository';
import { createVerdictService } from '@/lib/background/verdict-service';

// Tw 11.7(2): opt-in for calls to natural persons; a legal person's line is opt-out (legal-rules NL-TM-01/03).

const NOW = new Date('2026-11-20T10:00:00Z');

async function setup() {
  const ledger = new Ledger({ name: `call-${crypto.randomUUID()}`, now: () => NOW });
  await ledger.saveSettings({
    organisation: { legalName: 'Acme B.V.', contact: 'privacy@acme.nl', privacyUrl: 'https://acme.nl/privacy', optOutMethod: 'privacy@acme.nl', dpo: '', country: 'NL', exempt2026: false },
  });
  const verdicts = createVerdictService({ ledger, now: () => NOW, teamSuppressionsFor: async () => [] });
  return { ledger, verdicts };
}

describe('call check: landlines, mobiles and legal persons', () => {
  test('an unknown mobile number is a person: blocked without consent, and the answer says it is a mobile', async () => {
    const { verdicts } = await setup();
    const r = await verdicts.callCheck({ phone: '06 12345678' });
    expect(r).toMatchObject({ decision: 'block', line: 'mobile', recipientKind: 'unknown' });
  });

  test('an unknown landline is blocked only by the rules for natural persons until the rep says who answers', async () => {
    const { verdicts } = await setup();
    const r = await verdicts.callCheck({ phone: '020 123 4567' });
    expect(r).toMatchObject({ line: 'landline', recipientKind: 'unknown' });
    expect(r.findings.filter((f) => f.severity === 'block').map((f) => f.code).sort()).toEqual(['GD-01', 'NL-TM-01']);
  });

  test("a legal person's switchboard may be called (opt-out): the rep's answer makes it NL-TM-03", async () => {
    const { verdicts } = await setup();
    const r = await verdicts.callCheck({ phone: '020 123 4567', answeredBy: 'legal_person' });
    expect(r.decision).not.toBe('block');
    expect(r.recipientKind).toBe('legal_person');
    expect(r.findings.map((f) => f.code)).toContain('NL-TM-03');
    const person = await verdicts.callCheck({ phone: '020 123 4567', answeredBy: 'natural_person' });
    expect(person.decision).toBe('block');
  });

  test("a contact recorded as a consumer is not overruled by the rep's answer", async () => {
    const { ledger, verdicts } = await setup();
    const c = await ledger.saveContact(
      { name: 'Jan de Vries', emails: [], phones: ['+31612345678'], linkedin: [], recipientKind: 'natural_consumer' } as never,
      { provenance: { source: 'company_website', obtainedAt: '2026-10-01', detail: 'acme.nl' } } as never,
    );
    const r = await verdicts.callCheck({ contactId: (c as { id: string }).id, answeredBy: 'legal_person' });
    expect(r.recipientKind).toBe('natural_consumer');
    expect(r.decision).toBe('block');
  });

  test('the opening names only a source the ledger holds, and asks the rep to say it otherwise', async () => {
    const { ledger, verdicts } = await setup();
    const unknown = await verdicts.callCheck({ phone: '020 123 4567' });
    expect(unknown.sourceKnown).toBe(false);
    expect(unknown.opening.nl).not.toMatch(/openbare bron/);
    expect(unknown.opening.nl).toContain('[zeg waar u dit nummer vandaan hebt]');
    expect(unknown.opening.en).toContain('[say where you got this number]');
    const c = await ledger.saveContact(
      { name: 'Jan de Vries', emails: [], phones: ['+31201234567'], linkedin: [] } as never,
      { provenance: { source: 'kvk', obtainedAt: '2026-10-01' } } as never,
    );
    const known = await verdicts.callCheck({ contactId: (c as { id: string }).id });
    expect(known.sourceKnown).toBe(true);
    expect(known.opening.nl).toContain('KvK');
  });

  test('a call is offered no fixes that edit a written message', async () => {
    const { verdicts } = await setup();
    const r = await verdicts.callCheck({ phone: '020 123 4567' });
    const kinds = r.findings.flatMap((f) => f.fixes.map((x) => x.kind));
    for (const k of ['insert-disclosure', 'add-optout', 'edit-message', 'remove-recipient']) expect(kinds).not.toContain(k);
  });
});
