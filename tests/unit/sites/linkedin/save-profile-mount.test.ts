// @vitest-environment jsdom
// @vitest-environment-options {"url":"https://www.linkedin.com/in/dana-whitfield-4b1a27/"}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GuardAsk } from '@/lib/guard/ask';
import { mountSaveProfile, saveProfileHostAttribute, saveProfileHostValue, type MountSaveControl } from '@/lib/sites/linkedin/save-profile';
import { captureLocationChange } from '../../guard/location-change';
import { fixtureDir, fixtureUrls } from './fixtures';

// mountSaveProfile in a page that navigates in place: one control per top card, for the page's URL.

const DANA = fixtureUrls['profile-invite-note.html']!; // the page this window starts on
const LEE = fixtureUrls['profile.html']!;

/** the top card of a fixture, as a fresh element of this document */
function topCardOf(fixture: string): Element {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(fixtureDir, fixture), 'utf8'), 'text/html');
  return document.importNode(doc.querySelector('div[id$="Topcard"]')!, true);
}

const ask = (async (request: { type: string }) => {
  if (request.type === 'profile/status') return { saved: false, assessments: [] };
  throw new Error(`unexpected ${request.type}`);
}) as unknown as GuardAsk;

/**
 * The control as a plain host in this document, showing the person's name (the content script puts it in
 * the guard's frame, which a test document cannot load).
 */
const inPage: MountSaveControl = (anchor, where, props) => {
  const host = document.createElement('div');
  host.setAttribute(saveProfileHostAttribute, saveProfileHostValue);
  const name = document.createElement('span');
  name.setAttribute('data-field', 'name');
  name.textContent = props.person?.name ?? '';
  host.attachShadow({ mode: 'open' }).append(name);
  if (where === 'after') anchor.after(host);
  else anchor.prepend(host);
  return { remove: () => host.remove() };
};

/** The names the mounted controls show, with the card each one sits in. */
function controls(): { name: string | undefined; card: string | undefined }[] {
  return [...document.querySelectorAll(`[${saveProfileHostAttribute}="${saveProfileHostValue}"]`)].map((host) => ({
    name: host.shadowRoot?.querySelector('[data-field="name"]')?.textContent ?? undefined,
    card: host.closest('div[id$="Topcard"]')?.id,
  }));
}

let ctx: ContentScriptContext;
let nav: ReturnType<typeof captureLocationChange>;
let main: HTMLElement;
beforeEach(() => {
  expect(location.href).toBe(DANA);
  main = document.createElement('main');
  main.append(topCardOf('profile-invite-note.html'));
  document.body.replaceChildren(main);
  nav = captureLocationChange();
  ctx = new ContentScriptContext('save-profile-test');
});
afterEach(() => {
  ctx.abort();
  nav.restore();
});

describe('mountSaveProfile', () => {
  test('a top card LinkedIn renders again gets the control again (not once per page)', async () => {
    mountSaveProfile(ctx, ask, inPage);
    const first = main.firstElementChild!;
    await vi.waitFor(() => expect(controls()).toEqual([{ name: 'Dana Whitfield', card: first.id }]));
    first.replaceWith(topCardOf('profile-invite-note.html')); // the same person, a new element
    await vi.waitFor(() => expect(controls()).toEqual([{ name: 'Dana Whitfield', card: first.id }]));
    expect(main.firstElementChild).not.toBe(first);
    expect(main.firstElementChild!.querySelector(`[${saveProfileHostAttribute}]`)).not.toBeNull();
  });

  test('profile to profile: no control on the previous card under the new URL, then one on the new card', async () => {
    mountSaveProfile(ctx, ask, inPage);
    await vi.waitFor(() => expect(controls().map((c) => c.name)).toEqual(['Dana Whitfield']));
    // the Navigation API's "navigate": the URL is not committed and Dana's card is still on the page
    nav.fire(LEE);
    await new Promise((r) => setTimeout(r, 30));
    expect(controls()).toEqual([]);
    const lee = topCardOf('profile.html');
    main.firstElementChild!.replaceWith(lee);
    await vi.waitFor(() => expect(controls()).toEqual([{ name: 'Lee Okafor', card: lee.id }]));
  });

  test('profile to profile with the card rewritten in place (same element): the control follows to the new person', async () => {
    mountSaveProfile(ctx, ask, inPage);
    await vi.waitFor(() => expect(controls().map((c) => c.name)).toEqual(['Dana Whitfield']));
    nav.fire(LEE);
    await new Promise((r) => setTimeout(r, 30));
    expect(controls()).toEqual([]);
    // LinkedIn's re-render keeps the element and swaps its id and content
    const card = main.firstElementChild!;
    const lee = topCardOf('profile.html');
    card.id = lee.id;
    card.replaceChildren(...lee.childNodes);
    await vi.waitFor(() => expect(controls()).toEqual([{ name: 'Lee Okafor', card: lee.id }]));
  });

  test('navigating away from profiles takes the control with it', async () => {
    mountSaveProfile(ctx, ask, inPage);
    await vi.waitFor(() => expect(controls()).toHaveLength(1));
    nav.fire('https://www.linkedin.com/feed/');
    expect(controls()).toEqual([]);
  });
});
