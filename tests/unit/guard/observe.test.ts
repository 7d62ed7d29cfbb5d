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
