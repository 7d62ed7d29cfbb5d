import { siteMatches } from '@/lib/sites/hosts';
import { runSite } from '@/lib/guard/run-site';
import { gmailAdapter } from '@/lib/sites/gmail/adapter';

// Wiring only (style.md): the gmail adapter and the shared guard, hung off WXT's ctx.
export default defineContentScript({
  matches: [...siteMatches.gmail],
  // document_start: our capture listeners on window are registered before the site's own.
  runAt: 'document_start',
  main(ctx) {
    runSite(gmailAdapter, ctx);
  },
});
