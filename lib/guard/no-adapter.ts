import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Site } from '../messaging/common';
import { backgroundAsk } from './ask';
import { createStatusReporter } from './status';

/**
 * For a site whose adapter is not wired yet: say so on the toolbar (inactive) rather than look protected.
 * The round trip also proves the content script can reach the background.
 */
export function reportNoAdapter(site: Site, ctx: ContentScriptContext): void {
  const report = createStatusReporter(backgroundAsk);
  const run = () => {
    if (ctx.isInvalid) return;
    void report('inactive', `${site}: no site adapter in this build`);
  };
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', run);
  else run();
}
