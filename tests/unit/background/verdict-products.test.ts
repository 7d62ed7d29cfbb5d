import { describe, expect, test } from 'vitest';
import { Ledger } from '@/lib/ledger/repository';
import { createVerdictService } from '@/lib/background/verdict-service';
import { verdictForRecipientsRequest } from '@/lib/messaging/guard';
import type { PageRecipient } from '@/lib/messaging/common';

// The hold's product choice as the background sees it (issue 12.2): the verdict carries the catalogue to pick
// from and what the rep picked; the pick, or "none of these", replaces what the engine read in the draft.

const NOW = new Date('2026-11-20T10:00:00Z');
const jan: PageRecipient = { key: 'jan@klant.nl', email: 'jan@klant.nl', displayName: 'Jan de Vries', field: 'to' };
const planPro = { name: 'PlanPro', category: 'planning', aliases: [], legalEntity: 'Acme B.V.' };
const shiftBox = { name: 'ShiftBox', category: 'roosters', aliases: [], legalEntity: 'Acme B.V.' };
const body = 'Beste Jan,\n\nShiftBox maakt je roosters in een handomdraai. Zullen we volgende week een demo inplannen?\n\nGroet, Piet';

async function setup(products = [planPro, shiftBox]) {
  const ledger = new Ledger({ name: `products-${crypto.randomUUID()}`, now: () => NOW });
  await ledger.saveSettings({
    organisation: { legalName: 'Acme B.V.', contact: 'privacy@acme.nl', privacyUrl: 'https://acme.nl/privacy', optOutMethod: 'privacy@acme.nl', dpo: '', country: 'NL', exempt2026: false },
    products,
  });
  const { id } = await ledger.saveContact({ name: 'Jan de Vries', emails: ['jan@klant.nl'] }, { provenance: { source: 'data_subject', obtainedAt: '2026-10-01' } });
  await ledger.saveBasis(id, {
    type: 'consent',
    who: 'Jan de Vries',
    when: '2026-10-01',
    how: 'form',
    what: { entity: 'Acme B.V.', products: ['PlanPro'], channels: ['email'] },
    shownText: 'Ja, Acme B.V. mag mij mailen over PlanPro.',
    capturedBy: 'webformulier',
  });
  return createVerdictService({ ledger, now: () => NOW, teamSuppressionsFor: async () => [] });
}
const codeOf = (v: Awaited<ReturnType<ReturnType<typeof createVerdictService>['forDraft']>>, code: string) =>
  [...v.findings, ...v.recipients.flatMap((r) => r.findings)].find((f) => f.code === code)?.severity;

describe('products in the verdict for a draft', () => {
  test('the verdict names the catalogue to pick from, and what the draft is about', async () => {
    const verdicts = await setup();
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body } });
    expect(v.catalogue).toEqual(['PlanPro', 'ShiftBox']);
    expect(v.products?.map((p) => p.name)).toEqual(['ShiftBox']);
    expect(v.productsChosen).toBeUndefined();
    expect(codeOf(v, 'NL-EM-08')).toBe('block');
  });

  test('the pick replaces what the draft named and is marked as chosen', async () => {
    const verdicts = await setup();
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body, products: ['PlanPro'] } });
    expect(v.products?.map((p) => p.name)).toEqual(['PlanPro']);
    expect(v.productsChosen).toBe(true);
    expect(codeOf(v, 'NL-EM-08')).toBe('info');
  });

  test('"none of these": no catalogue product counts, so the consent scope cannot be confirmed', async () => {
    const verdicts = await setup();
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body, products: [] } });
    expect(v.products).toBeUndefined();
    expect(v.productsChosen).toBe(true);
    expect(codeOf(v, 'NL-EM-08')).not.toBe('block');
    expect(codeOf(v, 'MISSING-PRODUCT')).toBe('warn');
  });

  test('without a catalogue there is nothing to pick', async () => {
    const verdicts = await setup([]);
    const v = await verdicts.forDraft({ channel: 'email', recipients: [jan], message: { body } });
    expect(v.catalogue).toBeUndefined();
  });

  test('the runtime message schema takes a pick, an empty pick, and refuses anything else', () => {
    const base = { type: 'verdict/for-recipients', site: 'gmail', channel: 'email', recipients: [jan] };
    expect(verdictForRecipientsRequest.safeParse({ ...base, message: { body, products: ['PlanPro'] } }).success).toBe(true);
    expect(verdictForRecipientsRequest.safeParse({ ...base, message: { body, products: [] } }).success).toBe(true);
    expect(verdictForRecipientsRequest.safeParse({ ...base, message: { body, products: 'PlanPro' } }).success).toBe(false);
    expect(verdictForRecipientsRequest.safeParse({ ...base, message: { body, products: Array(21).fill('x') } }).success).toBe(false);
  });
});
