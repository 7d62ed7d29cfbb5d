// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { observe } from '@/lib/guard/observe';

let ac: AbortController;
beforeEach(() => {
  document.body.innerHTML = '';
  ac = new AbortController();
});
afterEach(() => ac.abort());

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('observe()', () => {
  test('reports elements already there and those that appear later, each once', async () => {
    document.body.innerHTML = '<form class="c" id="a"></form>';
    const seen: string[] = [];
    observe(['form.c'], (el) => void seen.push(el.id), { signal: ac.signal, warnAfterMs: 0 });
    const b = document.createElement('form');
    b.className = 'c';
    b.id = 'b';
    document.body.append(b);
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<section><form class="c" id="nested"></form></section>';
    document.body.append(wrapper);
    await tick();
    document.body.append(b); // moved, not new
    await tick();
    expect(seen).toEqual(['a', 'b', 'nested']);
  });

  test('walks open shadow roots, including one attached after its host appeared', async () => {
    const seen: string[] = [];
    observe(['form.c'], (el) => void seen.push(el.id), { signal: ac.signal, shadowHosts: ['#interop-outlet'], warnAfterMs: 0 });
    const outlet = document.createElement('div');
    outlet.id = 'interop-outlet';
    document.body.append(outlet);
    await tick();
    const root = outlet.attachShadow({ mode: 'open' });
    await new Promise((r) => setTimeout(r, 80)); // the observer re-checks the host for its root
    const form = document.createElement('form');
    form.className = 'c';
    form.id = 'in-shadow';
    root.append(form);
    await tick();
    expect(seen).toEqual(['in-shadow']);
  });

  test('walks shadow roots nested inside shadow roots', async () => {
    const outer = document.createElement('div');
    const outerRoot = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    outerRoot.append(inner);
    inner.attachShadow({ mode: 'open' }).innerHTML = '<form class="c" id="deep"></form>';
    document.body.append(outer);
    const seen: string[] = [];
    observe(['form.c'], (el) => void seen.push(el.id), { signal: ac.signal, warnAfterMs: 0 });
    await tick();
    expect(seen).toEqual(['deep']);
  });

  test('walks same-origin iframes', async () => {
    const seen: string[] = [];
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentDocument!.body.innerHTML = '<form class="c" id="in-frame"></form>';
    observe(['form.c'], (el) => void seen.push(el.id), { signal: ac.signal, warnAfterMs: 0 });
    await tick();
    expect(seen).toEqual(['in-frame']);
  });

  test('calls the cleanup when the element leaves, and a re-inserted element appears again', async () => {
    const events: string[] = [];
    observe(['form.c'], (el) => {
      events.push(`in ${el.id}`);
      return () => events.push(`out ${el.id}`);
    }, { signal: ac.signal, warnAfterMs: 0 });
    const form = document.createElement('form');
    form.className = 'c';
    form.id = 'x';
    const holder = document.createElement('div');
    holder.append(form);
    document.body.append(holder);
    await tick();
    holder.remove();
    await tick();
    document.body.append(form);
    await tick();
    expect(events).toEqual(['in x', 'out x', 'in x']);
  });

  test('stops on abort: no more reports, cleanups run', async () => {
    const events: string[] = [];
    document.body.innerHTML = '<form class="c" id="a"></form>';
    observe(['form.c'], (el) => {
      events.push(`in ${el.id}`);
      return () => events.push(`out ${el.id}`);
    }, { signal: ac.signal, warnAfterMs: 0 });
    ac.abort();
    document.body.insertAdjacentHTML('beforeend', '<form class="c" id="late"></form>');
    await tick();
    expect(events).toEqual(['in a', 'out a']);
  });

  test('warns about a selector that never matched', async () => {
    const never: string[] = [];
    document.body.innerHTML = '<form class="c"></form>';
    observe(['form.c', 'div.gone'], () => undefined, { signal: ac.signal, warnAfterMs: 20, onNeverMatched: (s) => never.push(s) });
    await new Promise((r) => setTimeout(r, 40));
    expect(never).toEqual(['div.gone']);
  });

  test('the default warning names the selector', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    observe(['div.gone'], () => undefined, { signal: ac.signal, warnAfterMs: 10 });
    await new Promise((r) => setTimeout(r, 30));
    expect(warn.mock.calls.flat().join(' ')).toContain('div.gone');
    warn.mockRestore();
  });
});

describe('observe() on a busy page (one shared observer, batched scans)', () => {
  const rows = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `<li class="row"><div class="bubble"><p>message ${from + i}</p></div></li>`).join('');

  test('all observe() calls on one root share a single MutationObserver, and stop using it on abort', async () => {
    const created = vi.fn();
    const Real = window.MutationObserver;
    class Counting extends Real {
      constructor(cb: MutationCallback) {
        super(cb);
        created();
      }
    }
    window.MutationObserver = Counting;
    try {
      const a: string[] = [];
      const b: string[] = [];
      const other = new AbortController();
      observe(['form.c'], (el) => void a.push(el.id), { signal: ac.signal, warnAfterMs: 0 });
      observe(['div.d'], (el) => void b.push(el.id), { signal: other.signal, warnAfterMs: 0 });
      expect(created).toHaveBeenCalledTimes(1);
      document.body.insertAdjacentHTML('beforeend', '<form class="c" id="f1"></form><div class="d" id="d1"></div>');
      await tick();
      expect([a, b]).toEqual([['f1'], ['d1']]);
      other.abort(); // the other call keeps its reports coming
      document.body.insertAdjacentHTML('beforeend', '<form class="c" id="f2"></form><div class="d" id="d2"></div>');
      await tick();
      expect([a, b]).toEqual([['f1', 'f2'], ['d1']]);
    } finally {
      window.MutationObserver = Real;
    }
  });

  test('a re-rendered or appended-to list is searched once per batch; a few rows cost one query each, never one per selector or element', async () => {
    document.body.innerHTML = '<ul id="list"></ul>';
    const list = document.getElementById('list')!;
    const seen: string[] = [];
    observe(['form.c', 'section.compose', 'div.editor-only'], (el) => void seen.push(el.id), {
      signal: ac.signal,
      shadowHosts: ['#interop-outlet'],
      warnAfterMs: 0,
    });
    const qsa = vi.spyOn(Element.prototype, 'querySelectorAll');
    const matches = vi.spyOn(Element.prototype, 'matches');
    list.insertAdjacentHTML('beforeend', rows(0, 500) + '<li class="row"><div><form class="c" id="in-render"></form></div></li>');
    await tick();
    // the old observer ran 3 queries + 3 matches per row and a shadow-host test on each of ~2 000 elements
    expect(qsa.mock.calls.length, 'one search of the re-rendered list').toBe(1);
    expect(matches.mock.calls.length).toBeLessThanOrEqual(10);
    qsa.mockClear();
    matches.mockClear();
    list.insertAdjacentHTML('beforeend', rows(500, 19) + '<li class="row"><div><form class="c" id="appended"></form></div></li>');
    await tick();
    expect(qsa.mock.calls.length, 'one search for 20 appended rows').toBe(1);
    qsa.mockClear();
    matches.mockClear();
    list.insertAdjacentHTML('beforeend', rows(520, 2) + '<li class="row"><form class="c" id="one-of-three"></form></li>');
    await tick();
    expect(qsa.mock.calls.length, 'a few rows: one query each').toBeLessThanOrEqual(3);
    expect(matches.mock.calls.length).toBeLessThanOrEqual(3 + 10);
    expect(seen).toEqual(['in-render', 'appended', 'one-of-three']);
    qsa.mockRestore();
    matches.mockRestore();
  });

  test('text nodes, and insertions inside an element the caller says to skip, are not searched', async () => {
    document.body.innerHTML = '<form class="c" id="known"><div class="editor"></div></form>';
    const known = document.getElementById('known')!;
    const seen: string[] = [];
    observe(['form.c'], (el) => void seen.push(el.id), {
      signal: ac.signal,
      warnAfterMs: 0,
      skipInside: (node) => node !== known && known.contains(node),
    });
    await tick();
    const qsa = vi.spyOn(Element.prototype, 'querySelectorAll');
    const editor = known.querySelector('.editor')!;
    for (let i = 0; i < 50; i++) {
      editor.append(document.createTextNode(`typed ${i} `));
      editor.insertAdjacentHTML('beforeend', '<p><b>line</b></p>');
    }
    await tick();
    expect(qsa).not.toHaveBeenCalled();
    // outside the skipped element the observer still finds new matches
    document.body.insertAdjacentHTML('beforeend', '<div><form class="c" id="second"></form></div>');
    await tick();
    expect(seen).toEqual(['known', 'second']);
    qsa.mockRestore();
  });

  test('an element inserted and removed again within one batch is not reported', async () => {
    const seen: string[] = [];
    observe(['form.c'], (el) => void seen.push(el.id), { signal: ac.signal, warnAfterMs: 0 });
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<form class="c" id="flash"></form>';
    document.body.append(wrapper);
    wrapper.remove(); // a re-render in the same task
    document.body.insertAdjacentHTML('beforeend', '<form class="c" id="stays"></form>');
    await tick();
    expect(seen).toEqual(['stays']);
  });

  test('a declared shadow host found deep in an inserted subtree is watched; iframes only when one is inserted', async () => {
    const seen: string[] = [];
    observe(['form.c'], (el) => void seen.push(el.id), { signal: ac.signal, shadowHosts: ['#interop-outlet'], warnAfterMs: 0 });
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<section><div><div id="interop-outlet"></div></div></section>';
    document.body.append(wrapper);
    await tick();
    const outlet = wrapper.querySelector('#interop-outlet')!;
    outlet.attachShadow({ mode: 'open' }).innerHTML = '<form class="c" id="in-outlet"></form>';
    await new Promise((r) => setTimeout(r, 80));
    const holder = document.createElement('div');
    holder.innerHTML = '<div><iframe></iframe></div>';
    document.body.append(holder);
    await tick();
    holder.querySelector('iframe')!.contentDocument!.body.innerHTML = '<form class="c" id="in-late-frame"></form>';
    await tick();
    expect(seen).toEqual(['in-outlet', 'in-late-frame']);
  });

  test('one unparsable selector does not silence the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: string[] = [];
    observe(['form.c', 'div:has-not-a-pseudo(('], (el) => void seen.push(el.id), { signal: ac.signal, warnAfterMs: 0 });
    document.body.insertAdjacentHTML('beforeend', '<div><form class="c" id="ok"></form></div>');
    await tick();
    expect(seen).toEqual(['ok']);
    expect(warn.mock.calls.flat().join(' ')).toContain('has-not-a-pseudo');
    warn.mockRestore();
  });
});

