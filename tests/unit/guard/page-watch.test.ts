// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onEachPage } from '@/lib/guard/page-watch';
import { captureLocationChange } from './location-change';

let ctx: ContentScriptContext;
let nav: ReturnType<typeof captureLocationChange>;
beforeEach(() => {
  nav = captureLocationChange();
  ctx = new ContentScriptContext('page-watch-test');
});
afterEach(() => {
  ctx.abort();
  nav.restore();
});

function watch() {
  const pages: { url: string; signal: AbortSignal }[] = [];
  onEachPage(ctx, (url, signal) => pages.push({ url: url.href, signal }));
  return pages;
}

describe('onEachPage', () => {
  test('runs for the current page, then for the URL the navigation event names, not the stale location', () => {
    const pages = watch();
    expect(pages.map((p) => p.url)).toEqual([location.href]);
    const next = new URL('/next-page', location.href).href;
    expect(location.href).not.toBe(next); // as with the Navigation API: the URL has not committed yet
    nav.fire(next);
    expect(pages.map((p) => p.url)).toEqual([location.href, next]);
    expect(pages[0]!.signal.aborted).toBe(true);
    expect(pages[1]!.signal.aborted).toBe(false);
  });

  test('an invalidated context aborts the current page and sets up no more', () => {
    const pages = watch();
    ctx.abort();
    expect(pages[0]!.signal.aborted).toBe(true);
    nav.fire(new URL('/later', location.href).href);
    expect(pages).toHaveLength(1);
  });

  test('an event without a newUrl (a page script can fire the name, not give it our URL) falls back to the location', () => {
    const pages = watch();
    nav.fire();
    expect(pages.map((p) => p.url)).toEqual([location.href, location.href]);
  });
});

