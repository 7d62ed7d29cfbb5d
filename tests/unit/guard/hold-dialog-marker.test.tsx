// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ComposerMarker, markerLabel, type MarkerState } from '@/components/guard/ComposerMarker';

// The in-composer marker: a quiet button that says what the guard knows and opens the explanation.

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) act(() => render(null, container!));
  container?.remove();
  container = null;
});

function show(state: MarkerState, lang: 'nl' | 'en' = 'nl', count?: number) {
  let opened = 0;
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<ComposerMarker lang={lang} state={state} count={count} onOpen={() => opened++} />, container!));
  return { button: container.querySelector('button')!, opened: () => opened };
}

describe('the composer marker', () => {
  test.each([
    ['ok', 'nl', 0, 'Outreach Guard: in orde'],
    ['attention', 'nl', 1, 'Outreach Guard: 1 ontvanger vraagt aandacht'],
    ['attention', 'nl', 2, 'Outreach Guard: 2 ontvangers vragen aandacht'],
    ['unchecked', 'nl', 0, 'Outreach Guard kan dit bericht niet controleren'],
    ['attention', 'en', 3, 'Outreach Guard: 3 recipients need attention'],
  ] as const)('%s (%s, %i) says "%s"', (state, lang, count, text) => {
    const m = show(state, lang, count);
    expect(markerLabel(lang, state, count)).toBe(text);
    expect(m.button.getAttribute('aria-label')).toContain(text);
    expect(m.button.getAttribute('data-marker-state')).toBe(state);
  });

  test('a real button the keyboard reaches; pressing it opens the explanation', () => {
    const m = show('attention', 'nl', 1);
    expect(m.button.tagName).toBe('BUTTON');
    expect(m.button.getAttribute('type')).toBe('button'); // never submits the composer's form
    expect(m.button.tabIndex).toBe(0);
    act(() => m.button.click());
    expect(m.opened()).toBe(1);
  });

  test('"ok" stays quiet: an icon only, no words in the composer', () => {
    const m = show('ok');
    expect(m.button.querySelector('.short')).toBeNull();
  });
});
