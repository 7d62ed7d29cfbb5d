import { browser } from 'wxt/browser';
import { createRouter, UserFacingError, type Handlers } from './router';

// Wires the handler table over the services. Filled in by the ledger, guard and team work.
function notYet(type: string): never {
  throw new UserFacingError('not-implemented', `${type} is not available yet.`);
}

export function startBackground() {
  const handlers = new Proxy({} as Handlers, { get: (_t, type: string) => async () => notYet(type) });
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    onError: (type, error) => console.error(`[outreach-guard] ${type} failed`, error),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
}
