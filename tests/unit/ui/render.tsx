import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { I18nContext, tableTranslator, type Lang } from '../../../components/i18n';

// Mounts a component in jsdom with the real message tables, the way the pages provide them.

export function mount(ui: ComponentChildren, lang: Lang = 'en') {
  const container = document.createElement('div');
  document.body.append(container);
  const t = tableTranslator(lang === 'nl' ? nl : en, en);
  act(() => {
    render(<I18nContext.Provider value={{ lang, t }}>{ui}</I18nContext.Provider>, container);
  });
  return {
    container,
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** Types into an input the way a user does (value + input event). */
export function type(el: Element | null, value: string) {
  if (!el) throw new Error('no such field');
  act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function change(el: Element | null, value: string) {
  if (!el) throw new Error('no such field');
  act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(el: Element | null) {
  if (!el) throw new Error('no such element');
  act(() => {
    (el as HTMLElement).click();
  });
}

export function submit(form: Element | null) {
  if (!form) throw new Error('no form');
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

export function key(el: Element | null, k: string) {
  if (!el) throw new Error('no element');
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

/** The field whose label reads `label` (exactly, ignoring a required asterisk). */
export function field(container: Element, label: string): HTMLInputElement {
  const labels = [...container.querySelectorAll('label')];
  const match = labels.find((l) => l.textContent?.replace(/\s*\*$/, '').trim() === label);
  if (!match) throw new Error(`no field labelled "${label}"; labels: ${labels.map((l) => l.textContent).join(' | ')}`);
  const id = match.getAttribute('for');
  const el = id ? document.getElementById(id) : match.querySelector("input");
  if (!el) throw new Error(`label "${label}" points at nothing`);
  return el as HTMLInputElement;
}

export function button(container: Element, text: string): HTMLButtonElement {
  const b = [...container.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
  if (!b) throw new Error(`no button "${text}"; buttons: ${[...container.querySelectorAll('button')].map((x) => x.textContent).join(' | ')}`);
  return b;
}

/** The inline error shown for a field (via aria-describedby). */
export function errorOf(el: Element): string | null {
  const ids = el.getAttribute('aria-describedby')?.split(' ') ?? [];
  for (const id of ids) {
    const node = document.getElementById(id);
    if (node?.classList.contains('error')) return node.textContent;
  }
  return null;
}
