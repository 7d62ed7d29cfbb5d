import { siteMatches } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: [...siteMatches.outlook],
  runAt: 'document_start',
  main() {
    console.debug('[outreach-guard] outlook content script loaded');
  },
});
