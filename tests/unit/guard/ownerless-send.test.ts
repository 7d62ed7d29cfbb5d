// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startGuard } from '@/lib/guard/guard';
import { AdapterError, type SiteAdapter } from '@/lib/guard/adapter';
import { createFakeAsk, dialogActions, dialogButton, dialogHost, settle, verdictOf, guardPage } from './fake-site';

// A composer's send control rendered outside it (Gmail's Schedule send menu at the end of body). With
// several composers open the adapter may not be able to tell whose it is: it throws, and the guard must not
// let that send through unchecked. It holds it and says so; other clicks on the page are untouched.

const env = guardPage();

/** a "Schedule send" item in a menu outside every composer; the page's own handler schedules on click */
function outsideMenu() {
  const menu = document.createElement('div');
  menu.setAttribute('role', 'menu');
  const item = document.createElement('div');
  item.setAttribute('role', 'menuitem');
  item.className = 'schedule-send';
  item.textContent = 'Schedule send';
  menu.append(item);
  document.body.append(menu);
  const scheduled: string[] = [];
  item.addEventListener('click', () => scheduled.push('scheduled'));
  return { item, scheduled };
}

/** the fake site, whose composerOfEvent cannot tell the owner of a schedule item */
const undecided: () => SiteAdapter = () => ({
  ...env.site.adapter,
  composerOfEvent(event) {
    const target = event.target as Element;
    if (!target.closest?.('.schedule-send')) return null;
    throw new AdapterError('gmail', 'the compose this Schedule send menu belongs to', '[role=menuitem][selector="scheduledSend"]');
  },
});

describe('a send outside every composer whose owner cannot be told', () => {
  test('with two composers open: it is swallowed and a "could not check" dialog without "send anyway" says why', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: undecided(), ask: bg.ask, signal: env.signal, debounceMs: 5 });
    const a = env.site.addComposer();
    const b = env.site.addComposer({ recipients: [{ key: 'bert@example.nl' }] });
    await vi.waitFor(() => expect([a, b].map((f) => f.getAttribute('data-outreach-guard-state'))).toEqual(['clean', 'clean']));
    const { item, scheduled } = outsideMenu();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    item.dispatchEvent(click);
    expect(scheduled, 'an unchecked send must not reach the site').toEqual([]);
    expect(click.defaultPrevented).toBe(true);
    await settle();
    expect(dialogHost()).not.toBeNull();
    expect(dialogHost()!.getAttribute('data-decision')).toBe('block');
    const text = dialogHost()!.shadowRoot!.textContent!;
    expect(text).toContain('Could not check');
    expect(text).toContain('did not send it');
    expect(text).toContain('Open the send options again from the draft itself');
    expect(dialogActions()).toEqual(['cancel']);
    // a second try while it shows: still held, one dialog
    item.click();
    expect(scheduled).toEqual([]);
    expect(document.querySelectorAll('[data-outreach-guard="hold"]')).toHaveLength(1);
    dialogButton('cancel')!.click();
    await settle();
    expect(dialogHost()).toBeNull();
    expect(env.site.sent).toHaveLength(0);
  });

  test('other clicks on the page, and keys other than Enter or Space, are untouched', async () => {
    const adapter: SiteAdapter = { ...env.site.adapter, composerOfEvent: () => null };
    const throwing: SiteAdapter = {
      ...env.site.adapter,
      composerOfEvent(event) {
        if (event.type === 'keydown') throw new Error('cannot tell');
        return adapter.composerOfEvent!(event);
      },
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    startGuard({ adapter: throwing, ask: bg.ask, signal: env.signal, debounceMs: 5 });
    env.site.addComposer();
    await vi.waitFor(() => expect(document.querySelector('[data-outreach-guard-state="clean"]')).not.toBeNull());
    const link = document.createElement('a');
    document.body.append(link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    const letter = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    link.dispatchEvent(letter);
    expect(letter.defaultPrevented).toBe(false);
    await settle();
    expect(dialogHost()).toBeNull();
  });

  test('with no composer of ours open, nothing is held (it is not our send)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createFakeAsk(() => verdictOf('allow', []));
    startGuard({ adapter: undecided(), ask: bg.ask, signal: env.signal, debounceMs: 5 });
    const { item, scheduled } = outsideMenu();
    item.click();
    expect(scheduled).toEqual(['scheduled']);
    await settle();
    expect(dialogHost()).toBeNull();
  });
});
