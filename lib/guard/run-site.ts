import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from './adapter';
import { backgroundAsk, type GuardAsk } from './ask';
import { startGuard } from './guard';
import { createStatusReporter } from './status';
import { langOf } from '../../components/guard/strings';
import { createEventRecorder } from './pending-events';
import type { PendingNotice } from './hold-ui';
import { frameUi, type GuardUi } from './frame-ui';
import { onEachPage } from './page-watch';
import { browser } from 'wxt/browser';
import { guardPingRequest, type GuardPingAnswer } from '../messaging/guard';

/**
 * The background asks a tab's top frame, once the tab finished loading, whether a guard there reports a
 * state; no answer (no content script: the tab left the sites we guard) clears the toolbar.
 */
function answerPings(ctx: ContentScriptContext, reported: () => boolean): void {
  const listener = (message: unknown): Promise<GuardPingAnswer> | undefined =>
    guardPingRequest.safeParse(message).success ? Promise.resolve({ reported: reported() }) : undefined;
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/**
 * The whole guard for one site, hung off WXT's ctx (style.md §5): ctx.signal reaches every listener,
 * observer and timer; an in-page navigation tears the setup down and builds it again.
 */
export function runSite(adapter: SiteAdapter, ctx: ContentScriptContext, ask: GuardAsk = backgroundAsk, ui: GuardUi = frameUi): void {
  const report = createStatusReporter(ask);
  const lang = langOf(navigator.language);
  let notice: PendingNotice | null = null;
  // One recorder for the page's lifetime (not per in-page navigation): queued records keep being retried.
  const top = window.top === window;
  const recorder = createEventRecorder({
    ask,
    signal: ctx.signal,
    site: adapter.site,
    // a pop-out compose that closed itself leaves its provisional "sent" record to the app window
    adoptReleased: top,
    onRefused: (_event, message) => ui.showRefused(document, lang, message),
    onPending: (count) => {
      if (count === 0) {
        notice?.remove();
        notice = null;
        return;
      }
      if (!document.body) return; // document_start: nothing of the page to show it in yet; the next change will
      notice ??= ui.showPending(document, lang);
      notice.update(count);
    },
  });
  // Records a closed page (or a crashed background) left behind go in as soon as the background answers.
  // Only the top frame takes them over, so LinkedIn's /preload/ iframe does not claim the same ones.
  if (top) void recorder.flush();
  // The window is going (a pop-out compose closes itself after Send): what it could not confirm stands.
  // The toolbar stops showing this page's state (the next page may be one the guard does not run on).
  ctx.addEventListener(window, 'pagehide', () => {
    recorder.releaseProvisional();
    report.left();
  });
  ctx.addEventListener(window, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) report.back();
  });
  if (top) answerPings(ctx, () => report.current() !== null);
  onEachPage(ctx, (url, signal) => {
    if (!adapter.isGuardedPage(url)) {
      // An in-page navigation to a page we do not guard (Outlook's calendar): the toolbar stops saying "active".
      if (top) report.left();
      return;
    }
    // A frame (LinkedIn's /preload/ iframe) reports only when its composers change, so that its start
    // does not overwrite a "held" reported by the page around it (the latest report wins). "active" only
    // once the page is one we guard: a sign-in page watches nothing and must not claim to.
    if (top) void report('active');
    startGuard({
      adapter,
      ask,
      signal,
      // A message sent just before navigating is still recorded when it leaves.
      sentSignal: ctx.signal,
      lang,
      recorder,
      // What the guard shows goes into its own frame: no page script can read it or press its controls.
      mountHold: ui.mountHold,
      showBadge: ui.showBadge,
      showMarker: ui.showMarker,
      preloadHold: ui.preloadHold,
      onTabState: (state, detail) => void report(state, detail),
    });
  });
}
