import { siteMatches } from '@/lib/sites/hosts';
import { runSite } from '@/lib/guard/run-site';
import { outlookAdapter } from '@/lib/sites/outlook/adapter';

// Wiring only (style.md): the outlook adapter and the shared guard, hung off WXT's ctx.
export default defineContentScript({
  matches: [...siteMatches.outlook],
  // document_start: our capture listeners on window are registered before the site's own.
  runAt: 'document_start',
  main(ctx) {
    runSite(outlookAdapter, ctx);
  },
});
