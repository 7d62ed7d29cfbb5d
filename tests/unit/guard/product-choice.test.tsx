// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ProductChoice, type ProductChoiceProps } from '@/components/hold/ProductChoice';
import { startGuard } from '@/lib/guard/guard';
import type { GuardVerdict } from '@/lib/messaging/guard';
import { createFakeAsk, dialogButton, dialogHost, finding, guardPage, verdictOf } from './fake-site';

// The hold says what the draft is about and lets the rep correct it; the correction is checked again at once
// and sent with every later check of that composer (issue 12.2).

const PLANPRO = { name: 'PlanPro', category: 'planning', legalEntity: 'Acme B.V.' };
const SHIFTBOX = { name: 'ShiftBox', category: 'roosters', legalEntity: 'Acme B.V.', matchedOn: 'shiftbox' };

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) act(() => render(null, container!));
  container?.remove();
  container = null;
});

function show(verdict: ProductChoiceProps['verdict'], lang: 'nl' | 'en' = 'nl') {
  const chosen: string[][] = [];
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<ProductChoice verdict={verdict} lang={lang} busy={false} onChoose={(p) => chosen.push(p)} />, container!));
  const q = (sel: string) => container!.querySelector<HTMLElement>(sel);
  const click = (sel: string) => {
    const el = q(sel);
    if (!el) throw new Error(`nothing to click: ${sel}`);
    act(() => el.click());
  };
  return { chosen, q, click, text: () => container!.textContent ?? '' };
}

describe('the products line in the hold', () => {
  test('names what the engine found, in Dutch and English', () => {
    expect(show({ products: [SHIFTBOX], catalogue: ['PlanPro', 'ShiftBox'] }).q('[data-field="products-found"]')!.textContent).toBe('Gaat over: ShiftBox');
    afterEachRender();
    expect(show({ products: [SHIFTBOX], catalogue: ['PlanPro', 'ShiftBox'] }, 'en').q('[data-field="products-found"]')!.textContent).toBe('About: ShiftBox');
  });

  test('says when no product was recognised', () => {
    expect(show({ catalogue: ['PlanPro'] }).text()).toContain('Geen product herkend');
  });

  test('shows nothing without a catalogue (nothing to choose from)', () => {
    const { q } = show({ products: [] });
    expect(q('[data-products]')).toBeNull();
  });

  test('the rep corrects ShiftBox to PlanPro: the pick goes out as the new products', () => {
    const ui = show({ products: [SHIFTBOX], catalogue: ['PlanPro', 'ShiftBox'] });
    ui.click('[data-action="change-products"]');
    expect((ui.q('[data-product="ShiftBox"]') as HTMLInputElement).checked).toBe(true);
    ui.click('[data-product="ShiftBox"]');
    // nothing picked: nothing to check again
    expect((ui.q('[data-action="choose-products"]') as HTMLButtonElement).disabled).toBe(true);
    ui.click('[data-product="PlanPro"]');
    ui.click('[data-action="choose-products"]');
    expect(ui.chosen).toEqual([['PlanPro']]);
    expect(ui.q('[data-product="PlanPro"]')).toBeNull(); // the picker closes
  });

  test('"none of these" sends an empty pick and clears the products ticked', () => {
    const ui = show({ products: [SHIFTBOX], catalogue: ['PlanPro', 'ShiftBox'] });
    ui.click('[data-action="change-products"]');
    ui.click('[data-product-none]');
    expect((ui.q('[data-product="ShiftBox"]') as HTMLInputElement).checked).toBe(false);
    ui.click('[data-action="choose-products"]');
    expect(ui.chosen).toEqual([[]]);
  });

  test('a pick the rep made is marked as theirs', () => {
    expect(show({ products: [PLANPRO], catalogue: ['PlanPro', 'ShiftBox'], productsChosen: true }).text()).toContain('(jouw keuze)');
    afterEachRender();
    expect(show({ catalogue: ['PlanPro'], productsChosen: true }).text()).toContain('Gaat over geen van je producten');
  });
});

function afterEachRender() {
  if (container) act(() => render(null, container!));
  container?.remove();
  container = null;
}

describe('choosing in the guard', () => {
  const env = guardPage();

  test('the pick re-asks the background with the chosen products, and later checks of the draft carry it', async () => {
    const bg = createFakeAsk((req) => {
      const products = (req.message as { products?: string[] }).products;
      const extra: Partial<GuardVerdict> = { catalogue: ['PlanPro', 'ShiftBox'] };
      // the consent covers PlanPro only
      return products?.includes('PlanPro')
        ? verdictOf('allow', [{ key: 'anna@example.nl' }], { ...extra, products: [PLANPRO], productsChosen: true })
        : verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('NL-EM-08', 'block', [])] }], { ...extra, products: [SHIFTBOX] });
    });
    startGuard({ adapter: env.site.adapter, ask: bg.ask, signal: env.signal, debounceMs: 10, checkingDialogAfterMs: 5 });
    const form = env.site.addComposer({ body: 'Hallo Anna, ShiftBox maakt roosters in een handomdraai.' });
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(dialogHost()?.getAttribute('data-decision')).toBe('block'));
    const root = dialogHost()!.shadowRoot!;
    expect(root.querySelector('[data-field="products-found"]')?.textContent).toMatch(/^(Gaat over|About): ShiftBox$/);
    dialogButton('change-products')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-product="PlanPro"]')).not.toBeNull());
    root.querySelector<HTMLInputElement>('[data-product="ShiftBox"]')!.click();
    await vi.waitFor(() => expect(root.querySelector<HTMLInputElement>('[data-product="ShiftBox"]')!.checked).toBe(false));
    root.querySelector<HTMLInputElement>('[data-product="PlanPro"]')!.click();
    await vi.waitFor(() => expect(dialogButton('choose-products')!.disabled).toBe(false));
    dialogButton('choose-products')!.click();
    await vi.waitFor(() => expect(dialogButton('send'), JSON.stringify(bg.of('verdict/for-recipients').map((r) => r.message))).not.toBeNull());
    const asked = bg.of('verdict/for-recipients').map((r) => (r.message as { products?: string[] }).products);
    expect(asked.at(-1)).toEqual(['PlanPro']);
    expect(env.site.sent).toHaveLength(0);
    dialogButton('send')!.click();
    await vi.waitFor(() => expect(env.site.sent).toHaveLength(1));

    // the next draft in this composer is checked with the same pick
    form.querySelector('textarea')!.value = 'Hallo Anna, nog een vraag over PlanPro.';
    form.querySelector('textarea')!.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(bg.of('verdict/for-recipients').some((r) => String((r.message as { body: string }).body).includes('nog een vraag'))).toBe(true));
    const later = bg.of('verdict/for-recipients').filter((r) => String((r.message as { body: string }).body).includes('nog een vraag'));
    expect((later.at(-1)!.message as { products?: string[] }).products).toEqual(['PlanPro']);
  });
});
