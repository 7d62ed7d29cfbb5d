import { AdapterError, type ComposerHandle, type SiteAdapter } from '../../guard/adapter';
import { isGuardedPage } from './detect';
import { describe, selectors } from './selectors';
import { InviteComposer } from './invite-composer';
import { MessageComposer } from './message-composer';
import { SalesNavComposer } from './sales-nav-composer';

// The LinkedIn site adapter (issue #4): finds composers in the three renderings LinkedIn serves (classic
// Ember, Ember inside #interop-outlet's shadow root, the /preload/ iframe), reads who a message goes to,
// recognises every send path and re-issues it once the guard allows it. Each composer kind has its file
// (message-composer.ts, invite-composer.ts, sales-nav-composer.ts); send.ts re-issues a held send.

export const linkedInAdapter: SiteAdapter = {
  site: 'linkedin',
  defaultChannel: 'linkedin_dm',
  isGuardedPage: (url) => isGuardedPage(url),
  composerRootSelectors: selectors.composerRoots,
  shadowHostSelectors: selectors.shadowHosts,
  // "a composer is here" even when no root above matched (a renamed bubble, a moved modal). Each one holds
  // the editor AND its send controls, so the guard's fallback hold still sees the Send click.
  expectedComposerSelectors: [...selectors.messageForm, ...selectors.inviteModalOverlay, ...selectors.salesNavForm],
  composerFor(root: Element): ComposerHandle {
    if (root.matches('div.artdeco-modal.send-invite[role="dialog"]')) return new InviteComposer(root);
    if (root.matches('section[role="dialog"]')) return new SalesNavComposer(root);
    if (root.matches('div.msg-overlay-conversation-bubble') || root.matches('div.msg-thread')) return new MessageComposer(root);
    throw new AdapterError('linkedin', 'a known composer root', describe(selectors.composerRoots));
  },
};

