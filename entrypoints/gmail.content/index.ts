import { siteMatches } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: [...siteMatches.gmail],
  runAt: 'document_start',
  main() {
    console.debug('[outreach-guard] gmail content script loaded');
  },
});
