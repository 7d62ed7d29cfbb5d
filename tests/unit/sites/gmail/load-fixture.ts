import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// jsdom ships no types here (no @types/jsdom); this is the little we use of it.
type FixtureWindow = Window & typeof globalThis & { eval(code: string): unknown };
interface JSDOMLike {
  window: FixtureWindow;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string; runScripts: 'outside-only'; pretendToBeVisual: boolean }) => JSDOMLike;
};

// Loads a webmail fixture into its own jsdom window at the site's real URL. With `harness`, the fixture's
// send-simulating script (tests/fixtures/<site>/harness.js) runs in the page, as in the e2e tests.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures');

export const fixtureUrls = {
  gmail: 'https://mail.google.com/mail/u/0/#inbox',
  gmailPopout: 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1',
  outlook: 'https://outlook.office.com/mail/',
  outlookPopout: 'https://outlook.office.com/mail/deeplink/compose',
} as const;

export function fixtureHtml(site: 'gmail' | 'outlook', name: string): string {
  // the research captures carry their own harness; ours replaces it
  return readFileSync(join(root, site, name), 'utf8').replace(/<script id="fixture-harness">[\s\S]*?<\/script>/, '');
}

export function harnessSource(site: 'gmail' | 'outlook'): string {
  return readFileSync(join(root, site, 'harness.js'), 'utf8');
}

export interface Fixture {
  dom: JSDOMLike;
  window: FixtureWindow;
  document: Document;
  /** what the fixture harness recorded as sent */
  sent(): Array<Record<string, unknown>>;
}

export function loadFixture(site: 'gmail' | 'outlook', name: string, opts: { harness?: boolean; url?: string } = {}): Fixture {
  const url = opts.url ?? (site === 'gmail' ? (name.startsWith('popout') ? fixtureUrls.gmailPopout : fixtureUrls.gmail) : name.startsWith('popout') ? fixtureUrls.outlookPopout : fixtureUrls.outlook);
  const dom = new JSDOM(fixtureHtml(site, name), { url, runScripts: 'outside-only', pretendToBeVisual: true });
  if (opts.harness) {
    dom.window.eval(harnessSource(site));
    (dom.window as unknown as { __fixture: { undoMs: number } }).__fixture.undoMs = 300;
  }
  return {
    dom,
    window: dom.window,
    document: dom.window.document,
    sent: () => (dom.window as unknown as { __fixture?: { sent: Array<Record<string, unknown>> } }).__fixture?.sent ?? [],
  };
}

export const gmailFixtures = [
  'gmail-new-compose.html',
  'popout-compose.html',
  'fullscreen-compose.html',
  'inline-reply.html',
  'reply-all.html',
  'forward.html',
  'two-composes.html',
  'typed-not-chipped.html',
  'chip-without-address.html',
  'dutch-ui.html',
  'bcc-only.html',
  'many-recipients.html',
  'idn.html',
] as const;

export const outlookFixtures = ['outlook-compose.html', 'popout-compose.html', 'inline-reply.html', 'name-only.html'] as const;
