// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { holdFrameSilentMs, mountHoldFrame } from '@/lib/guard/frame-ui';
import { startGuard } from '@/lib/guard/guard';
import { createFakeAsk, finding, guardPage, verdictOf } from './fake-site';

// The hold in the guard's frame when that frame never answers (it did not load, or lost its port): the page
// must not be left under an invisible cover with the send held and not a word said. The frame is replaced
// once; when that one is silent too, the dialog is given up and the caller is told (it tells the rep).

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const props = { lang: 'en' as const, view: { kind: 'checking' as const }, canRemoveRecipient: false, onAction: () => undefined };
const hosts = () => document.querySelectorAll('[data-outreach-guard="hold"]');

describe('a hold frame that never answers', () => {
  test('is replaced once, then given up: the cover goes away and the caller hears why', () => {
    vi.useFakeTimers();
    const failed: string[] = [];
    mountHoldFrame(document, props, (why) => failed.push(why));
    expect(hosts()).toHaveLength(1);
    const first = hosts()[0];
    vi.advanceTimersByTime(holdFrameSilentMs.value + 1);
    expect(hosts(), 'a fresh frame instead of the silent one').toHaveLength(1);
    expect(hosts()[0]).not.toBe(first);
    expect(failed).toEqual([]);
    vi.advanceTimersByTime(holdFrameSilentMs.value + 1);
    expect(hosts(), 'no invisible cover left over the page').toHaveLength(0);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/could not open/);
  });

  test('a dialog the rep closed in time is not reported', () => {
    vi.useFakeTimers();
    const failed: string[] = [];
    const ui = mountHoldFrame(document, props, (why) => failed.push(why));
    ui.close();
    vi.advanceTimersByTime(3 * holdFrameSilentMs.value);
    expect(hosts()).toHaveLength(0);
    expect(failed).toEqual([]);
  });
});

describe('the hold flow when its dialog cannot be shown', () => {
  const env = guardPage();
  test('nothing is sent, and the composer says the guard is not active (the toolbar hears why)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('block', [{ key: 'jan@acme.nl', findings: [finding('OB-01', 'block')] }]));
    const tabStates: string[] = [];
    startGuard({
      adapter: env.site.adapter,
      ask: bg.ask,
      signal: env.signal,
      debounceMs: 5,
      checkingDialogAfterMs: 5,
      // a frame that never answers, as mountHoldFrame reports it
      mountHold: (_doc, _props, onFailed) => {
        setTimeout(() => onFailed?.('the guard could not open its window on this page'), 1);
        return { update: () => undefined, close: () => undefined };
      },
      onTabState: (state, detail) => void tabStates.push(`${state}:${detail ?? ''}`),
    });
    const composer = env.site.addComposer({ recipients: [{ key: 'jan@acme.nl' }] });
    await vi.waitFor(() => expect(composer.getAttribute('data-outreach-guard-state')).toBe('held'));
    composer.querySelector<HTMLButtonElement>('button.send')!.click();
    await vi.waitFor(() => expect(composer.getAttribute('data-outreach-guard-state')).toBe('inactive'));
    expect(env.site.sent).toEqual([]);
    expect(tabStates.at(-1)).toMatch(/^inactive:.*could not open its window/);
  });
});
