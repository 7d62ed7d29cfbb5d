// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { connect } from '@/entrypoints/guard-frame/app';

// The guard's frame, on its side of the port: what the rep presses goes back to the content script. The
// content script may remove the frame in answer (Cancel closes the hold), so the call must leave only once
// the click is over: a frame removed while its click is still being handled never acknowledges that click,
// and a real-browser test's click then waits its whole timeout (the intermittent 30 s "hang" of the hold).

class NoResize {
  observe() {}
  disconnect() {}
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function frameWith(view: 'notice' | 'hold') {
  vi.stubGlobal('ResizeObserver', NoResize);
  document.body.innerHTML = '<div id="app"></div>';
  const posted: unknown[] = [];
  const port = { postMessage: (m: unknown) => posted.push(m), onmessage: null as MessagePort['onmessage'] };
  connect(window, view, port as unknown as MessagePort);
  const deliver = (data: unknown) => port.onmessage?.call(port as unknown as MessagePort, new MessageEvent('message', { data }));
  return { posted, deliver };
}

const calls = (posted: unknown[]) => posted.filter((m) => (m as { t: string }).t === 'call');

describe('the guard frame answers a press after the press', () => {
  test('Close on a notice: nothing is posted while the click is handled, the call follows at once after', async () => {
    const { posted, deliver } = frameWith('notice');
    deliver({ t: 'render', props: { tone: 'refused', lang: 'en', message: 'x' }, fns: ['onClose'] });
    const button = document.querySelector<HTMLButtonElement>('[data-action="close"]');
    expect(button).not.toBeNull();
    let duringClick = -1;
    // runs last in the click's dispatch: what the content script could have received by then
    window.addEventListener('click', () => (duringClick = calls(posted).length), { once: true });
    button!.click();
    expect(duringClick, 'posted during the click').toBe(0);
    expect(calls(posted)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls(posted)).toEqual([expect.objectContaining({ t: 'call', name: 'onClose', args: [] })]);
  });

  test('Cancel in the hold: the same', async () => {
    const { posted, deliver } = frameWith('hold');
    deliver({ t: 'render', props: { lang: 'en', view: { kind: 'failed', message: 'no answer' }, busy: false, canRemoveRecipient: false }, fns: ['onAction'] });
    const host = document.querySelector('[data-outreach-guard="hold"]');
    const cancel = host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="cancel"]');
    expect(cancel, 'the hold shows Cancel').toBeTruthy();
    cancel!.click();
    expect(calls(posted)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls(posted)).toEqual([expect.objectContaining({ name: 'onAction', args: [{ kind: 'cancel' }] })]);
  });
});
