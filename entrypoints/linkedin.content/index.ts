import { siteMatches } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: [...siteMatches.linkedin],
  allFrames: true,
  runAt: 'document_start',
  main() {
    console.log('[outreach-guard] linkedin content script loaded');
  },
});
