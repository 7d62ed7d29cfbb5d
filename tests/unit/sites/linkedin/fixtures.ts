import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

// Loads tests/fixtures/linkedin/*.html into its own jsdom window at the URL LinkedIn serves it at, so
// location-based reading (compose parameters, /in/<slug>/) works as on the real page.

export const fixtureDir = path.resolve(import.meta.dirname, '../../../fixtures/linkedin');

/** Where each fixture is served (the same URLs the e2e tests route). */
export const fixtureUrls: Record<string, string> = {
  'messaging-overlay.html': 'https://www.linkedin.com/notifications/',
  'messaging-thread.html': 'https://www.linkedin.com/messaging/thread/2-ZmFrZS10aHJlYWQtZm9yLWZpeHR1cmVz/',
  'profile-invite-note.html': 'https://www.linkedin.com/in/dana-whitfield-4b1a27/',
  'salesnav-inmail.html': 'https://www.linkedin.com/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0,NAME_SEARCH,Xy7Q',
  'salesnav-dm.html': 'https://www.linkedin.com/sales/inbox/2-c2FsZXNuYXYtZG0=',
  'overlay-interop-shadow.html': 'https://www.linkedin.com/in/dana-whitfield-4b1a27/',
  'preload-frame-host.html': 'https://www.linkedin.com/in/dana-whitfield-4b1a27/',
  'preload-frame-overlay.html': 'https://www.linkedin.com/preload/?_bprMode=vanilla',
  'overlay-several-bubbles.html': 'https://www.linkedin.com/notifications/',
  'thread-group.html': 'https://www.linkedin.com/messaging/thread/2-Z3JvdXAtdGhyZWFk/',
  'compose-new-message.html':
    'https://www.linkedin.com/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0&recipient=ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0&screenContext=NON_SELF_PROFILE_VIEW',
  'compose-pills-several.html': 'https://www.linkedin.com/messaging/compose/',
  'compose-group-20.html': 'https://www.linkedin.com/messaging/compose/',
  'thread-enter-to-send.html': 'https://www.linkedin.com/messaging/thread/2-ZmFrZS10aHJlYWQtZm9yLWZpeHR1cmVz/',
  'overlay-inmail.html': 'https://www.linkedin.com/notifications/',
  'thread-declined-inmail.html': 'https://www.linkedin.com/messaging/thread/2-ZGVjbGluZWQ=/',
  'invite-landing.html': 'https://www.linkedin.com/preload/custom-invite/?vanityName=dana-whitfield-4b1a27',
  'invite-note-basic.html': 'https://www.linkedin.com/preload/custom-invite/?vanityName=lee-okafor-77',
  'profile.html': 'https://www.linkedin.com/in/lee-okafor-77/',
  'profile-markup-name.html': 'https://www.linkedin.com/in/mallory-x/',
  'profile-restricted.html': 'https://www.linkedin.com/in/ACoAAE1a2b3c4d5e6f7g8h9i0jKlMnOpQrStUvW/',
  'profile-no-name.html': 'https://www.linkedin.com/in/no-name-profile/',
  'salesnav-lead.html': 'https://www.linkedin.com/sales/lead/ACwAAC3z4mSEf2yCw6OpSt3vZ4bXh7UjKlMnOp3,NAME_SEARCH,Ab1C',
  'salesnav-lead-out-of-network.html': 'https://www.linkedin.com/sales/lead/ACwAAD4a5nTFg3zDx7PqTu4wA5cYi8VkLmNoPq4,NAME_SEARCH,Zz9',
};

export const fixtureNames = readdirSync(fixtureDir).filter((f) => f.endsWith('.html') && !f.startsWith('bench-'));

export interface Loaded {
  window: JSDOM['window'];
  document: Document;
  /** the document and every open shadow root in it (what the guard's observer searches) */
  trees: ParentNode[];
}

export function loadFixture(name: string, url = fixtureUrls[name]): Loaded {
  if (!url) throw new Error(`fixtureUrls has no URL for ${name}: add where LinkedIn serves this page`);
  const html = readFileSync(path.join(fixtureDir, name), 'utf8');
  const dom = new JSDOM(html, { url, pretendToBeVisual: true });
  const document = dom.window.document;
  // jsdom does not build declarative shadow roots; browsers do (research §3d): build them like the parser
  for (const t of [...document.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const root = t.parentElement!.attachShadow({ mode: t.getAttribute('shadowrootmode') as ShadowRootMode });
    root.append(t.content);
    t.remove();
  }
  const trees: ParentNode[] = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) trees.push(el.shadowRoot);
  return { window: dom.window, document, trees };
}

/** Every element matching one selector in all trees. */
export function queryTrees(trees: ParentNode[], selector: string): Element[] {
  return trees.flatMap((t) => [...t.querySelectorAll(selector)]);
}
