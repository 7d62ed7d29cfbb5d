// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard } from '@/lib/guard/guard';
import { AdapterError, type SiteAdapter } from '@/lib/guard/adapter';
import { createFakeAsk, dialogActions, dialogHost, guardPage, sendAnyway, settle, verdictOf } from './fake-site';

// Issue 14 item 2, total drift: every composer class of the site changed at once, so no composer selector
// matches. A send beside a draft is still held ("cannot check"), the toolbar says "not active", and the
// rep may send it anyway with a reason; a "Send" with no draft near it is not the guard's business.

const env = guardPage();

/** the fake site after a redesign: its old selectors match nothing, and nothing can be read */
const drifted = (): SiteAdapter => ({
  ...env.site.adapter,
  composerRootSelectors: ['form.composer-old-name'],
  expectedComposerSelectors: ['div.composer-shell-old-name'],
  composerFor() {
    throw new AdapterError('gmail', 'compose window', 'form.composer-old-name');
  },
});

function renamedComposer(body = 'Hallo Anna, zullen we bellen over de offerte?') {
  const form = env.site.addComposer({ body });
  form.className = 'composer-v2';
  return form;
}

describe('a send that no composer selector explains', () => {
  test('a Send click beside a draft is held with "cannot check"; the toolbar says not active; send anyway sends once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    const states: string[] = [];
    startGuard({ adapter: drifted(), ask: bg.ask, signal: env.signal, debounceMs: 5, checkingDialogAfterMs: 5, onTabState: (s) => void states.push(s) });
    const form = renamedComposer();
    await settle(20);
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    expect(env.site.sent).toHaveLength(0);
    await settle(20);
    expect(dialogHost()).not.toBeNull();
    expect(dialogActions()).toEqual(expect.arrayContaining(['cancel', 'send-anyway']));
    expect(states.at(-1)).toBe('held');
    expect(states).toContain('inactive');
    expect(document.querySelector('[data-outreach-guard="inactive-badge"]')).not.toBeNull();
    await sendAnyway('Guard kon dit venster niet lezen; klant vroeg erom');
    await settle(20);
    expect(env.site.sent).toHaveLength(1);
    expect(bg.of('ledger/record-event').map((c) => (c.event as { kind: string }).kind)).toContain('send-anyway');
  });

  test('Ctrl+Enter in a draft no selector matches is held too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: drifted(), ask: bg.ask, signal: env.signal, debounceMs: 5, checkingDialogAfterMs: 5 });
    const form = renamedComposer();
    const sentByKey: string[] = [];
    form.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).ctrlKey && (e as KeyboardEvent).key === 'Enter') sentByKey.push('sent');
    });
    await settle(20);
    const event = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, composed: true });
    form.querySelector('textarea')!.dispatchEvent(event);
    expect(sentByKey).toEqual([]);
    await settle(20);
    expect(dialogHost()).not.toBeNull();
  });

  test('a Send button with no draft near it, and a plain Enter, are left alone', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: drifted(), ask: bg.ask, signal: env.signal, debounceMs: 5, checkingDialogAfterMs: 5 });
    const share = document.createElement('button');
    share.textContent = 'Send';
    const shared: string[] = [];
    share.addEventListener('click', () => shared.push('shared'));
    document.body.append(share);
    share.click();
    const form = renamedComposer();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true });
    form.querySelector('textarea')!.dispatchEvent(enter);
    await settle(20);
    expect(shared).toEqual(['shared']);
    expect(enter.defaultPrevented).toBe(false);
    expect(dialogHost()).toBeNull();
    // an empty draft beside Send: nothing to send, nothing held
    const empty = renamedComposer('');
    empty.querySelector<HTMLButtonElement>('button.send')!.click();
    await settle(20);
    expect(env.site.sent).toHaveLength(1);
    expect(dialogHost()).toBeNull();
  });
});
