// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runSite } from '@/lib/guard/run-site';
import { createFakeAsk, createFakeSite, finding, verdictOf, type FakeSite } from './fake-site';

let ctx: ContentScriptContext;
let site: FakeSite;

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('data-outreach-guard-status');
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
    expect(document.documentElement.getAttribute('data-outreach-guard-background')).toBe('ok');

    form.querySelector<HTMLButtonElement>('button.send')!.click();
    expect(site.sent).toHaveLength(0);
    await vi.waitFor(() => expect(bg.of('guard/status').at(-1)).toMatchObject({ state: 'held' }));

    ctx.abort(); // extension reloaded or updated: everything of ours goes
    expect(document.querySelector('[data-outreach-guard="hold"]')).toBeNull();
    expect(form.hasAttribute('data-outreach-guard-state')).toBe(false);
  });

  test('an in-page navigation sets the guard up again without doubling its listeners', async () => {
    const bg = createFakeAsk(() => verdictOf('allow', [{ key: 'anna@example.nl' }]));
    runSite(site.adapter, ctx, bg.ask);
    const form = site.addComposer();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    const firstOwner = form.getAttribute('data-outreach-guard-owner');
    history.pushState({}, '', `/thread/${Date.now()}`); // a single-page-app navigation (WXT notices within ~1 s)
    // the old setup let go of the composer and a new one took it
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-owner')).not.toBe(firstOwner), { timeout: 3000 });
    expect(form.getAttribute('data-outreach-guard-owner')).not.toBeNull();
    await vi.waitFor(() => expect(form.getAttribute('data-outreach-guard-state')).toBe('clean'));
    form.querySelector<HTMLButtonElement>('button.send')!.click();
    expect(site.sent).toHaveLength(1);
    await vi.waitFor(() => expect(bg.of('ledger/record-event')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(bg.of('ledger/record-event')).toHaveLength(1); // one send, one record
  });

  test('a page the adapter does not guard gets no composer watching', async () => {
    const bg = createFakeAsk(() => blocked());
    runSite({ ...site.adapter, isGuardedPage: () => false }, ctx, bg.ask);
    const form = site.addComposer();
    await new Promise((r) => setTimeout(r, 30));
    expect(form.hasAttribute('data-outreach-guard-state')).toBe(false);
    expect(bg.of('verdict/for-recipients')).toHaveLength(0);
  });
});
