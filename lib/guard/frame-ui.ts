import type { HoldDialogProps } from '../../components/guard/HoldDialog';
import { decisionOfView } from '../../components/guard/HoldDialog';
import { openFrameHost, type FrameHost } from './frame-host';
import { markerHostStyle, pinMarker, type MountHold, type ShowBadge, type ShowMarker, type ShowPendingNotice, type ShowRefusedNotice } from './hold-ui';

// What the content script shows, each in the guard's own frame (issue 14 item 1): the hold dialog, the
// "not active here" badge and the corner notices. The page keeps only host elements with the fixed hooks;
// it cannot read their words nor press their controls. (hold-ui.ts renders the same UI in a document:
// inside the frame, and in unit tests.)

/** The badge in the guard's own frame: the page sees a host element, not its words or its detail. */
export const showInactiveBadgeFrame: ShowBadge = (anchor, lang, detail) => {
  const frame = openFrameHost(anchor.ownerDocument, {
    view: 'badge',
    hook: 'inactive-badge',
    hostStyle: 'all:initial;display:inline-block;vertical-align:middle',
    frameStyle: 'all:initial;display:block;border:0;width:250px;height:26px;background:transparent;color-scheme:light',
    autoSize: { width: true, height: true },
    // Beside the composer, not inside it: the composer's own DOM stays the site's.
    place: (host) => anchor.insertAdjacentElement('beforebegin', host),
    props: { lang, detail },
  });
  return { remove: () => frame.close() };
};

/**
 * The hold dialog in the guard's own frame (what the content script shows): the page keeps the host with
 * its fixed hooks (data-outreach-guard="hold", data-decision) and cannot read or press what is inside.
 */
// The frame covers the viewport like the dialog's backdrop did: the page behind is not usable meanwhile.
const holdHostStyle =
  'all:initial;display:block;position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;overflow:hidden;z-index:2147483647';
const holdFrameStyle = 'all:initial;display:block;width:100%;height:100%;border:0;background:transparent;color-scheme:light';

/** A hold frame loaded ahead, blank and out of sight, so that a held Send only has to render (issue 14: ≤ 100 ms). */
let spare: { doc: Document; frame: FrameHost } | null = null;

/**
 * Loads a hidden, blank hold frame once a composer's draft would be held. It shows nothing and takes no
 * focus until a hold wakes it; the page sees one more host element, with no words in it.
 */
export function preloadHoldFrame(doc: Document): void {
  if (spare && spare.doc === doc && spare.frame.host.isConnected) return;
  spare?.frame.close();
  const frame = openFrameHost(doc, {
    view: 'hold',
    hook: 'hold-ahead',
    hostStyle: 'all:initial;display:block;position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;pointer-events:none',
    frameStyle: holdFrameStyle,
    place: (el) => (doc.body ?? doc.documentElement).append(el),
    props: {},
    idle: true,
  });
  spare = { doc, frame };
}

/** How long a shown hold frame may stay silent before it is replaced (once), then given up. */
export const holdFrameSilentMs = { value: 4000 };

export const mountHoldFrame: MountHold = (doc, initial, onFailed) => {
  const previousFocus = doc.activeElement as HTMLElement | null;
  let host: HTMLElement | null = null;
  let props = initial;
  let closed = false;
  const setDecision = (next: HoldDialogProps) => {
    const decision = decisionOfView(next.view);
    if (decision) host?.setAttribute('data-decision', decision);
    else host?.removeAttribute('data-decision');
  };
  const show = (el: HTMLElement) => {
    host = el;
    setDecision(props);
    // The top layer (a manual popover) is above every z-index the site uses; Esc stays ours.
    el.setAttribute('popover', 'manual');
    if (!el.isConnected) (doc.body ?? doc.documentElement).append(el);
    try {
      (el as HTMLElement & { showPopover?: () => void }).showPopover?.();
    } catch {
      // no Popover API: the z-index still puts it above most pages
    }
  };
  // Focus goes into the frame, where the dialog puts it on its first button.
  const focusIn = (el: HTMLIFrameElement) => el.focus();
  const fresh = () => openFrameHost(doc, { view: 'hold', hook: 'hold', hostStyle: holdHostStyle, frameStyle: holdFrameStyle, place: show, props, onReady: focusIn });
  let frame: FrameHost;
  if (spare && spare.doc === doc && spare.frame.host.isConnected) {
    frame = spare.frame;
    spare = null;
    frame.host.setAttribute('data-outreach-guard', 'hold');
    frame.host.setAttribute('style', holdHostStyle);
    show(frame.host);
    frame.wake(initial, focusIn);
  } else {
    frame = fresh();
  }
  // A frame that never answers would leave an invisible cover over the page and a send held without a
  // word: it is replaced by a fresh one once, and then given up (the caller tells the rep).
  let retried = false;
  const watch = () => {
    timer = setTimeout(() => {
      if (closed || frame.heard()) return;
      frame.close();
      if (!retried) {
        retried = true;
        frame = fresh();
        watch();
        return;
      }
      closed = true;
      onFailed?.('the guard could not open its window on this page');
    }, holdFrameSilentMs.value);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch();
  return {
    update(next) {
      props = next;
      setDecision(next);
      frame.update(next);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      frame.close();
      // Give the rep their place back in the draft.
      if (previousFocus?.isConnected) previousFocus.focus();
    },
  };
};

const cornerHost = (bottomPx: number) => `all:initial;display:block;position:fixed;right:16px;bottom:${bottomPx}px;z-index:2147483646`;
const cornerFrame = 'all:initial;display:block;border:0;width:340px;height:40px;background:transparent;color-scheme:light';

/** "n records wait for the background", in a frame: the page does not learn that (or how many) records wait. */
export const showPendingNoticeFrame: ShowPendingNotice = (doc, lang) => {
  const props = (count: number) => ({ tone: 'pending', lang, count });
  const frame = openFrameHost(doc, {
    view: 'notice',
    hook: 'pending-records',
    hostStyle: cornerHost(16),
    frameStyle: cornerFrame,
    autoSize: { height: true },
    place: (host) => (doc.body ?? doc.documentElement).append(host),
    props: props(0),
  });
  return { update: (count) => frame.update(props(count)), remove: () => frame.close() };
};

/** A refused record, in a frame, until the rep closes it (only the rep can: the page cannot press Close). */
export const showRefusedNoticeFrame: ShowRefusedNotice = (doc, lang, message) => {
  const frame = openFrameHost(doc, {
    view: 'notice',
    hook: 'refused-record',
    hostStyle: cornerHost(64),
    frameStyle: cornerFrame,
    autoSize: { height: true },
    place: (host) => (doc.body ?? doc.documentElement).append(host),
    props: { tone: 'refused', lang, message, onClose: () => frame.close() },
  });
};

/** The composer marker in the guard's own frame: the page sees a host element, not the state's words. */
export const showMarkerFrame: ShowMarker = (root, initial, corner = () => root) => {
  const frame = openFrameHost(root.ownerDocument, {
    view: 'marker',
    hook: 'marker',
    hostStyle: markerHostStyle,
    frameStyle: 'all:initial;display:block;border:0;width:120px;height:24px;background:transparent;color-scheme:light',
    autoSize: { width: true, height: true },
    place: (host) => root.insertAdjacentElement('afterend', host),
    props: initial,
  });
  const pin = pinMarker(frame.host, root, corner);
  return {
    update(props) {
      frame.update(props);
      pin.refresh();
    },
    remove() {
      pin.stop();
      frame.close();
    },
  };
};

/** Everything the content script shows, in frames: what runSite uses unless a test passes its own. */
export const frameUi = {
  mountHold: mountHoldFrame,
  preloadHold: preloadHoldFrame,
  showBadge: showInactiveBadgeFrame,
  showMarker: showMarkerFrame,
  showPending: showPendingNoticeFrame,
  showRefused: showRefusedNoticeFrame,
};
export type GuardUi = typeof frameUi;
