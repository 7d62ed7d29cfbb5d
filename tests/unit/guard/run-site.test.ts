// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runSite } from '@/lib/guard/run-site';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFakeAsk, createFakeSite, finding, pageUi, verdictOf, type FakeSite } from './fake-site';
import { captureLocationChange } from './location-change';

let ctx: ContentScriptContext;
let site: FakeSite;

beforeEach(() => {
  document.body.innerHTML = '';
  ctx = new ContentScriptContext('guard-test');
  site = createFakeSite();
});
afterEach(() => ctx.abort());

const blocked = () => verdictOf('block', [{ key: 'anna@example.nl', findings: [finding('TW-01', 'block')] }]);

describe('runSite', () => {
  test('reports the tab state and guards composers until the context is invalidated', async () => {
    const bg = createFakeAsk(() => blocked());
    runSite(site.adapter, ctx, bg.ask);
    const form = site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    expect(bg.of('guard/status')[0]).toMatchObject({ state: 'active' });
    // the page's <html> carries nothing of ours (a page must not learn the extension is there)
    expect([...document.documentElement.attributes].map((a) => a.name).filter((n) => n.startsWith('data-outreach'))).toEqual([]);

    form.querySelector<HTMLButtonElement>('button.send')!.click();
    expect(site.sent).toHaveLength(0);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'held' }));

    ctx.abort(); // extension reloaded or updated: everything of ours goes
    expect(document.querySelector('[data-outreach-guard="hold"]')).toBeNull();
    expect(form.hasAttribute('data-outreach-guard-state')).toBe(false);
  });

  test('leaving the page tells the toolbar to forget it; back from the back/forward cache it says its state again', async () => {
    const bg = createFakeAsk(() => blocked());
    runSite(site.adapter, ctx, bg.ask);
    const form = site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'active' }));
    const doc = bg.of('guard/status')[0]!.doc;
    expect(doc).toEqual(expect.any(String));
    const transition = (type: string, persisted: boolean) => window.dispatchEvent(Object.assign(new Event(type), { persisted }));
    transition('pagehide', true);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toEqual({ type: 'guard/status', state: 'gone', doc }));
    transition('pageshow', true);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'active', doc }));
    // A plain load's pageshow (not from the cache) repeats nothing.
    const before = bg.of('guard/status').length;
    transition('pageshow', false);
    await new Promise((r) => setTimeout(r, 20));
    expect(bg.of('guard/status')).toHaveLength(before);
  });

  test('the top frame tells the background whether it reports a state (a tab that left our sites has no one to answer)', async () => {
    const bg = createFakeAsk(() => blocked());
    const ping = async () => (await fakeBrowser.runtime.onMessage.trigger({ type: 'guard/ping' }, {})).filter((a) => a !== undefined);
    runSite({ ...site.adapter, isGuardedPage: () => false }, ctx, bg.ask);
    expect(await ping()).toEqual([{ reported: false }]);
    ctx.abort();
    expect(await ping()).toEqual([]);
    ctx = new ContentScriptContext('guard-test-2');
    runSite(site.adapter, ctx, bg.ask);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'active' }));
    expect(await ping()).toEqual([{ reported: true }]);
    // Messages that are not a ping get no answer from the guard.
    expect((await fakeBrowser.runtime.onMessage.trigger({ type: 'something-else' }, {})).filter((a) => a !== undefined)).toEqual([]);
  });

  test('an in-page navigation to a page it does not guard stops the toolbar saying "active"; coming back says it again', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', []));
    const ping = async () => (await fakeBrowser.runtime.onMessage.trigger({ type: 'guard/ping' }, {})).filter((a) => a !== undefined);
    runSite({ ...site.adapter, isGuardedPage: (url) => !url.pathname.startsWith('/calendar') }, ctx, bg.ask);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'active' }));
    history.pushState({}, '', `/calendar/${Date.now()}`);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'gone' }), { timeout: 3000 });
    expect(await ping()).toEqual([{ reported: false }]);
    history.pushState({}, '', `/mail/${Date.now()}`);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'active' }), { timeout: 3000 });
    expect(await ping()).toEqual([{ reported: true }]);
  });

  test('an in-page navigation sets the guard up again without doubling its listeners', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    runSite(site.adapter, ctx, bg.ask);
    const form = site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    const checks = bg.of('verdict/for-recipients').length;
    history.pushState({}, '', `/thread/${Date.now()}`); // a single-page-app navigation (WXT notices within ~1 s)
    // the old setup let go of the composer and a new one took it (and checked its draft again)
    await vi.waitFor(() => expect(bg.of('verdict/for-recipients').length).toBeGreaterThan(checks), { timeout: 3000 });
    // ownership is kept in the content script's memory, never as a marker the page could forge
    expect([...form.attributes].map((a) => a.name).filter((n) => n.startsWith('data-outreach'))).toEqual(['data-outreach-guard-state']);
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    expect(site.sent).toHaveLength(1);
    await vi.waitFor(() => expect(bg.of('ledger/record-event')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(bg.of('ledger/record-event')).toHaveLength(1); // one send, one record
  });

  test('a page the adapter does not guard gets no composer watching, and the toolbar is not told "active"', async () => {
    const bg = createFakeAsk(() => blocked());
    runSite({ ...site.adapter, isGuardedPage: () => false }, ctx, bg.ask);
    const form = site.addComposer();
    await new Promise((r) => setTimeout(r, 30));
    expect(form.hasAttribute('data-outreach-guard-state')).toBe(false);
    expect(bg.of('verdict/for-recipients')).toHaveLength(0);
    expect(bg.of('guard/status')).toEqual([]);
  });

  test('a navigation is judged by the URL it goes to, not by location.href (not yet committed then)', async () => {
    const nav = captureLocationChange();
    try {
      const guarded = new URL('/guarded-after-navigation', location.href);
      const bg = createFakeAsk(() => blocked());
      runSite({ ...site.adapter, isGuardedPage: (url) => url.href === guarded.href }, ctx, bg.ask);
      const form = site.addComposer();
      await new Promise((r) => setTimeout(r, 30));
      expect(form.hasAttribute('data-outreach-guard-state')).toBe(false);
      nav.fire(guarded.href); // the Navigation API's "navigate": location.href is still the page we leave
      expect(location.href).not.toBe(guarded.href);
      await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('held'));
      expect(bg.of('guard/status')[0]).toMatchObject({ state: 'active' });
    } finally {
      nav.restore();
    }
  });
});

describe('runSite and records the background could not take', () => {
  test('a record a closed page left in storage.local is delivered when the next page starts', async () => {
    const { browser } = await import('wxt/browser');
    const left = {
      id: 'old-1',
      owner: 'closed-tab',
      claimedAt: Date.now() - 10 * 60_000,
      queuedAt: Date.now() - 10 * 60_000,
      event: { kind: 'send-anyway', site: 'gmail', channel: 'email', recipients: [{ key: 'anna@example.nl', email: 'anna@example.nl' }], codes: ['GUARD-UNCHECKED'], reason: 'Guard down, urgent', decision: 'block' },
    };
    await browser.storage.local.set({ 'pending-events': [left] });
    const bg = createFakeAsk(() => blocked());
    runSite(site.adapter, ctx, bg.ask);
    await vi.waitFor(() => expect(bg.of('ledger/record-event').map((c) => c.event)).toContainEqual(left.event));
    await vi.waitFor(async () => expect((await browser.storage.local.get('pending-events'))['pending-events']).toEqual([]));
  });

  test('while the background is away, a corner notice says how many records wait; it goes when they are in', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { browser } = await import('wxt/browser');
    await browser.storage.local.remove('pending-events');
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    runSite(site.adapter, ctx, bg.ask, pageUi);
    const form = site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    bg.fail(new Error('Could not establish connection. Receiving end does not exist.'));
    form.querySelector<HTMLButtonElement>('button.send')!.click(); // clean: leaves at once; "sent" cannot be recorded
    expect(site.sent).toHaveLength(1);
    await vi.waitFor(() => expect(document.querySelector('[data-outreach-guard="pending-records"]')?.getAttribute('data-count')).toBe('1'));
    const stored = (await browser.storage.local.get('pending-events'))['pending-events'] as { event: { kind: string } }[];
    expect(stored.map((e) => e.event.kind)).toEqual(['outbound-sent']);
    bg.fail(null);
    await vi.waitFor(() => expect(document.querySelector('[data-outreach-guard="pending-records"]')).toBeNull(), { timeout: 8000 });
  }, 15_000);
});
