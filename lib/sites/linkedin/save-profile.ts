import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SaveProfile, type SaveProfileBasis, type SaveProfileProps } from '../../../components/save-profile/SaveProfile';
import { saveLangOf } from '../../../components/save-profile/strings';
import { AdapterError } from '../../guard/adapter';
import { backgroundAsk, type GuardAsk } from '../../guard/ask';
import { observe } from '../../guard/observe';
import { profileBasisChoiceSchema } from '../../messaging/guard';
import { isSaveProfilePage } from './detect';
import { readProfile, toSavedProfile, type ProfileData } from './profile';
import { selectors } from './selectors';

// "Save to my list" on /in/<slug>/ and Sales Navigator lead pages (issue #4). Reads the person with
// profile.ts (minimal data, never contact details), mounts the control in a shadow root at the top of the
// top card, and sends profile/status and profile/save. The background records the provenance.

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
export function mountSaveProfile(ctx: ContentScriptContext, ask: GuardAsk = backgroundAsk): void {
  if (window.top !== window) return;
  let current: AbortController | null = null;

  const setup = () => {
    current?.abort();
    if (ctx.isInvalid) return;
    const run = new AbortController();
    current = run;
    ctx.signal.addEventListener('abort', () => run.abort(), { once: true, signal: run.signal });
    const url = new URL(location.href);
    if (!isSaveProfilePage(url)) return;
    const anchors = [...selectors.profileTopCard, ...selectors.salesNavLeadName];
    let mounted = false;
    observe(
      anchors,
      () => {
        if (mounted || run.signal.aborted) return;
        mounted = true;
        void mountFor(ctx, url, run.signal, ask);
      },
      { signal: run.signal, warnAfterMs: 15_000 },
    );
  };

  ctx.addEventListener(window, 'wxt:locationchange', setup);
  setup();
}

async function mountFor(ctx: ContentScriptContext, url: URL, signal: AbortSignal, ask: GuardAsk): Promise<void> {
  let data: ProfileData | null = null;
  let problem: string | undefined;
  try {
    data = readProfile(document, url);
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    console.warn('[outreach-guard] save-profile:', error.message);
    problem = error.message;
  }
  const anchor = data?.anchor ?? document.querySelector(selectors.profileTopCard[0]) ?? document.body;
  const lang = saveLangOf(navigator.language);
  const ui = await createShadowRootUi(ctx, {
    name: 'outreach-guard-save-profile',
    position: 'inline',
    anchor,
    append: data?.kind === 'salesnav-lead' ? 'after' : 'first',
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute(saveProfileHostAttribute, saveProfileHostValue);
      render(h(SaveProfile, saveProfileProps(data, problem, ask, lang)), container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  if (signal.aborted) return;
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
}
