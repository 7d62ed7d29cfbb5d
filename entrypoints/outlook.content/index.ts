import { siteMatches } from '@/lib/sites/hosts';
import { reportNoAdapter } from '@/lib/guard/no-adapter';

// Wiring only (style.md): the outlook adapter is not in the tree yet; the guard says "not active" until it is.
export default defineContentScript({
  matches: [...siteMatches.outlook],
  // document_start: our capture listeners on window are registered before the site's own.
  runAt: 'document_start',
  main(ctx) {
    reportNoAdapter('outlook', ctx);
  },
});
