import { siteMatches } from '@/lib/sites/hosts';
import { runSite } from '@/lib/guard/run-site';
import { linkedInAdapter } from '@/lib/sites/linkedin/adapter';
import { mountSaveProfile } from '@/lib/sites/linkedin/save-profile';

// Wiring only (style.md): the linkedin adapter and the shared guard, hung off WXT's ctx.
export default defineContentScript({
  matches: [...siteMatches.linkedin],
  // The /preload/?_bprMode=vanilla messaging iframe is a LinkedIn frame of its own (docs/research/linkedin-dom.md).
  allFrames: true,
  // document_start: our capture listeners on window are registered before the site's own.
  runAt: 'document_start',
  main(ctx) {
    runSite(linkedInAdapter, ctx);
    // "Save to my list" on profile and Sales Navigator lead pages (top frame only).
    mountSaveProfile(ctx);
  },
});
