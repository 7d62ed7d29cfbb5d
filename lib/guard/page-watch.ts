import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Runs `setup` for the page now and again after every in-page navigation (style.md §5). It gets the URL of
 * the page it is for and a signal that aborts when the next page starts or ctx is invalidated, so nothing
 * one page set up outlives it.
 */
export function onEachPage(ctx: ContentScriptContext, setup: (url: URL, signal: AbortSignal) => void): void {
  let current: AbortController | null = null;

  const start = (url: URL) => {
    current?.abort();
    current = null;
    if (ctx.isInvalid) return;
    const page = new AbortController();
    current = page;
    ctx.signal.addEventListener('abort', () => page.abort(), { once: true, signal: page.signal });
    setup(url, page.signal);
  };

  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // WXT (0.20) fires this from the Navigation API's "navigate" event, before the URL commits: location.href
    // is still the previous page then, so the event's newUrl is the truth. (A page script can fire the same
    // event name, but cannot give it a newUrl our isolated world sees: then the location is all we have.)
    start(event.newUrl instanceof URL ? event.newUrl : new URL(location.href));
  });
  start(new URL(location.href));
}
