import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SaveProfileBasis, SaveProfileProps } from '../../../components/save-profile/SaveProfile';
import { openFrameHost } from '../../guard/frame-host';
import { saveLangOf } from '../../../components/save-profile/strings';
import { AdapterError } from '../../guard/adapter';
import { backgroundAsk, type GuardAsk } from '../../guard/ask';
import { observe, watchChanges } from '../../guard/observe';
import { onEachPage } from '../../guard/page-watch';
import { profileBasisChoiceSchema } from '../../messaging/guard';
import { isSaveProfilePage } from './detect';
import { readProfile, toSavedProfile, topCardIsFor, type ProfileData } from './profile';
import { selectors } from './selectors';

// "Save to my list" on /in/<slug>/ and Sales Navigator lead pages (issue #4). Reads the person with
// profile.ts (minimal data, never contact details), mounts the control in the guard's own frame at the
// top of the top card, and sends profile/status and profile/save. The background records the provenance.

/** The host element's hook for tests and other suites. */
export const saveProfileHostAttribute = 'data-outreach-guard';
export const saveProfileHostValue = 'save-profile';

/** Props for the control, wired to the background (exported for unit tests with a fake ask). */
export function saveProfileProps(data: ProfileData | null, problem: string | undefined, ask: GuardAsk, lang: SaveProfileProps['lang']): SaveProfileProps {
  return {
    lang,
    person: data ? { name: data.name, ...(data.headline ? { headline: data.headline } : {}), restrictedVisibility: data.restrictedVisibility } : null,
    ...(problem ? { problem } : {}),
    loadStatus: async () => {
      if (!data) return { saved: false, assessments: [] };
      const st = await ask({ type: 'profile/status', linkedin: data.linkedin });
      return { saved: st.saved, assessments: st.assessments };
    },
    onSave: async (basis: SaveProfileBasis) => {
      // never save a restricted profile, even if a caller got past the UI
      if (!data || data.restrictedVisibility) throw new Error('restricted profile');
      await ask({ type: 'profile/save', profile: toSavedProfile(data), basis: profileBasisChoiceSchema.parse(basis) });
    },
  };
}

/**
 * Mounts the control on profile and lead pages for as long as ctx lives, again after every in-page
 * navigation. Top frame only (the content script also runs in LinkedIn's /preload/ iframes).
 */
export function mountSaveProfile(ctx: ContentScriptContext, ask: GuardAsk = backgroundAsk, mount: MountSaveControl = mountSaveFrame): void {
  if (window.top !== window) return;
  onEachPage(ctx, (url, signal) => {
    if (!isSaveProfilePage(url)) return;
    // One control per top card, not one per page: going from one profile to the next, LinkedIn renders the
    // next person's card as a new element, and the previous card may still be there when this page starts.
    let shown: { anchor: Element; stop: AbortController } | null = null;
    /** the previous person's card, watched in case LinkedIn rewrites it in place for this person */
    let waiting: { card: Element; stop: AbortController } | null = null;
    const unmount = () => {
      shown?.stop.abort();
      shown = null;
    };
    signal.addEventListener('abort', unmount, { once: true });

    const refresh = () => {
      if (signal.aborted) return;
      const { data, problem } = read(url);
      const anchor = data?.anchor ?? document.querySelector(selectors.profileTopCard[0]) ?? document.body;
      if (shown?.anchor === anchor && anchor.isConnected) return;
      // the previous person's card under this page's URL: wait for this person's card, as a new element or
      // as this one rewritten in place (its id and content change, no element appears)
      if (data && !topCardIsFor(document, url)) {
        if (waiting?.card !== anchor) {
          waiting?.stop.abort();
          const stop = new AbortController();
          signal.addEventListener('abort', () => stop.abort(), { once: true });
          waiting = { card: anchor, stop };
          watchChanges(anchor, refresh, stop.signal, ['id']);
        }
        return;
      }
      waiting?.stop.abort();
      waiting = null;
      unmount();
      const stop = new AbortController();
      shown = { anchor, stop };
      mountFor(data, problem, anchor, stop.signal, ask, mount);
    };

    observe(
      [...selectors.profileTopCard, ...selectors.salesNavLeadName],
      () => {
        refresh();
        // a card that left takes its control with it (a lead page's control sits after the header, not in it)
        return () => {
          if (shown && !shown.anchor.isConnected) unmount();
        };
      },
      { signal, warnAfterMs: 15_000 },
    );
  });
}

function read(url: URL): { data: ProfileData | null; problem?: string } {
  try {
    return { data: readProfile(document, url) };
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    console.warn('[outreach-guard] save-profile:', error.message);
    return { data: null, problem: error.message };
  }
}

/** Shows the control beside the top card: first in it, or after it (a lead page's header). */
export type MountSaveControl = (anchor: Element, where: 'first' | 'after', props: SaveProfileProps) => { remove(): void };

/** In the guard's own frame: no page script can read the person's status or press Save. */
export const mountSaveFrame: MountSaveControl = (anchor, where, props) => {
  const frame = openFrameHost(anchor.ownerDocument, {
    view: 'save',
    hook: saveProfileHostValue,
    hostStyle: 'all:initial;display:block',
    frameStyle: 'all:initial;display:block;border:0;width:100%;max-width:600px;height:56px;background:transparent;color-scheme:light',
    autoSize: { height: true },
    place: (host) => (where === 'after' ? anchor.after(host) : anchor.prepend(host)),
    props,
  });
  return { remove: () => frame.close() };
};

function mountFor(
  data: ProfileData | null,
  problem: string | undefined,
  anchor: Element,
  signal: AbortSignal,
  ask: GuardAsk,
  mount: MountSaveControl,
): void {
  if (signal.aborted) return;
  const lang = saveLangOf(navigator.language);
  const ui = mount(anchor, data?.kind === 'salesnav-lead' ? 'after' : 'first', saveProfileProps(data, problem, ask, lang));
  signal.addEventListener('abort', () => ui.remove(), { once: true });
}
