import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from './adapter';
import { backgroundAsk, type GuardAsk } from './ask';
import { startGuard } from './guard';
import { createStatusReporter } from './status';
import { langOf } from '../../components/guard/strings';

/**
 * The whole guard for one site, hung off WXT's ctx (style.md §5): ctx.signal reaches every listener,
 * observer and timer; an in-page navigation tears the setup down and builds it again.
 */
export function runSite(adapter: SiteAdapter, ctx: ContentScriptContext, ask: GuardAsk = backgroundAsk): void {
  const report = createStatusReporter(ask);
  let current: AbortController | null = null;

  const setup = () => {
    current?.abort();
    if (ctx.isInvalid) return;
    const run = new AbortController();
    current = run;
    ctx.signal.addEventListener('abort', () => run.abort(), { once: true, signal: run.signal });
    // A frame (LinkedIn's /preload/ iframe) reports only when its composers change, so that its start
    // does not overwrite a "held" reported by the page around it (the latest report wins).
    if (window.top === window) void report('active');
    if (!adapter.isGuardedPage(new URL(location.href))) return;
    startGuard({
      adapter,
      ask,
      signal: run.signal,
      // A message sent just before navigating is still recorded when it leaves.
      sentSignal: ctx.signal,
      lang: langOf(navigator.language),
      onTabState: (state, detail) => void report(state, detail),
    });
  };

  ctx.addEventListener(window, 'wxt:locationchange', setup);
  setup();
}
