import { h, render } from 'preact';
import { HoldDialog, decisionOfView, holdDialogCss, type HoldDialogProps } from '../../components/guard/HoldDialog';
import { strings, type Lang } from '../../components/guard/strings';
import { markOurHost } from './our-hosts';
import { ComposerMarker, composerMarkerCss, type MarkerState } from '../../components/guard/ComposerMarker';

// The hold dialog and the "not active here" badge. The content script shows them in the guard's own frame
// (mountHoldFrame, showInactiveBadgeFrame: the page can neither read nor press them); the frame renders the
// dialog with mountHoldDialog, which unit tests also use in a plain document. Keystrokes inside do not
// bubble out to the site (Gmail/Outlook shortcuts).

export interface HoldUi {
  update(props: HoldDialogProps): void;
  close(): void;
}

/**
 * Shows the hold dialog. `onFailed` is called when it could not be shown after all (the guard's frame
 * never answered): the dialog is gone by then, and the caller must tell the rep.
 */
export type MountHold = (doc: Document, props: HoldDialogProps, onFailed?: (why: string) => void) => HoldUi;

const isolatedEvents = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'focusin', 'focusout'];

function isolate(host: HTMLElement) {
  for (const type of isolatedEvents) host.addEventListener(type, (e) => e.stopPropagation());
}

export const mountHoldDialog: MountHold = (doc, initial) => {
  const host = markOurHost(doc.createElement('div'));
  host.setAttribute('data-outreach-guard', 'hold');
  // Open, so tests can reach the buttons; in the page the content script never uses it, only inside its frame.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = holdDialogCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  isolate(host);
  const previousFocus = doc.activeElement as HTMLElement | null;
  // The top layer (a manual popover) is above every z-index the site uses (Gmail's and LinkedIn's own
  // overlays, fixed banners); Esc stays ours, since a manual popover is not light-dismissed.
  host.setAttribute('popover', 'manual');
  (doc.body ?? doc.documentElement).append(host);
  try {
    (host as HTMLElement & { showPopover?: () => void }).showPopover?.();
  } catch {
    // no Popover API (older browser): the z-index of the backdrop still puts it above most pages
  }

  const paint = (props: HoldDialogProps) => {
    const decision = decisionOfView(props.view);
    if (decision === 'block' || decision === 'warn') host.setAttribute('data-decision', decision);
    else if (decision === 'allow') host.setAttribute('data-decision', 'allow');
    else host.removeAttribute('data-decision');
    render(h(HoldDialog, props), container);
  };
  paint(initial);
  return {
    update: paint,
    close() {
      render(null, container);
      host.remove();
      // Give the rep their place back in the draft.
      if (previousFocus?.isConnected) previousFocus.focus();
    },
  };
};

export interface InactiveBadge {
  remove(): void;
}

/** The badge's words and look, the same in the page (tests) and in the guard's frame. */
export const inactiveBadgeText = (lang: Lang) => (lang === 'nl' ? 'Outreach Guard niet actief hier' : 'Outreach Guard not active here');
export const inactiveBadgeCss = `:host{all:initial}span{display:inline-block;white-space:nowrap;font:12px/1.6 system-ui,sans-serif;color:#9a6700;background:#fff8c5;border:1px solid #d4a72c;border-radius:10px;padding:0 8px;margin:2px}`;

export type ShowBadge = (anchor: Element, lang: Lang, detail: string) => InactiveBadge;

/** A small badge next to a composer the guard could not understand, rendered in the page (unit tests). */
export const showInactiveBadge: ShowBadge = (anchor, lang, detail) => {
  const doc = anchor.ownerDocument;
  const host = markOurHost(doc.createElement('span'));
  host.setAttribute('data-outreach-guard', 'inactive-badge');
  host.setAttribute('title', detail);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = inactiveBadgeCss;
  const label = doc.createElement('span');
  label.setAttribute('role', 'status');
  label.textContent = `⚠ ${inactiveBadgeText(lang)}`;
  shadow.append(style, label);
  // Beside the composer, not inside it: the composer's own DOM stays the site's.
  anchor.insertAdjacentElement('beforebegin', host);
  return { remove: () => host.remove() };
};

export { strings };

// The notices' words and look, the same in the page (tests) and in the guard's frame.
export const pendingText = (lang: Lang, count: number) =>
  lang === 'nl'
    ? `⚠ Outreach Guard: ${count} ${count === 1 ? 'registratie wacht' : 'registraties wachten'} op de achtergrondservice. Wordt opnieuw geprobeerd.`
    : `⚠ Outreach Guard: ${count} ${count === 1 ? 'record is' : 'records are'} waiting for the background service. Retrying.`;
export const refusedText = (lang: Lang, message: string) =>
  lang === 'nl' ? `⚠ Outreach Guard: een registratie is geweigerd en niet bewaard: ${message}` : `⚠ Outreach Guard: a record was refused and not kept: ${message}`;
export const closeText = (lang: Lang) => (lang === 'nl' ? 'Sluiten' : 'Close');
export const noticeColors = {
  pending: 'color:#6a4a00;background:#fff8c5;border:1px solid #d4a72c',
  refused: 'color:#82071e;background:#ffebe9;border:1px solid #cf222e',
} as const;
export const noticeCss = (colors: string) =>
  `div{font:13px/1.5 system-ui,sans-serif;${colors};border-radius:8px;padding:6px 10px;box-shadow:0 2px 8px rgba(0,0,0,.15);max-width:320px}button{font:inherit;margin-left:8px}`;

export type ShowPendingNotice = (doc: Document, lang: Lang) => PendingNotice;
export type ShowRefusedNotice = (doc: Document, lang: Lang, message: string) => void;

export interface PendingNotice {
  update(count: number): void;
  remove(): void;
}

/**
 * A small corner notice while "send anyway" or "sent" records wait for the background: the rep sees
 * that the audit log is not up to date yet instead of trusting that it is.
 */
export const showPendingNotice: ShowPendingNotice = (doc, lang) => {
  const label = doc.createElement('div');
  label.setAttribute('role', 'status');
  const host = cornerNotice(doc, 'pending-records', 16, noticeColors.pending, label);
  const update = (count: number) => {
    host.setAttribute('data-count', String(count));
    label.textContent = pendingText(lang, count);
  };
  return { update, remove: () => host.remove() };
};

/**
 * A corner notice for a record the background refused (e.g. team policy forbids sending anyway): it is not
 * kept, and the rep must know the audit log will not show it. Stays until dismissed.
 */
export const showRefusedNotice: ShowRefusedNotice = (doc, lang, message) => {
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  box.textContent = refusedText(lang, message);
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = closeText(lang);
  box.append(close);
  const host = cornerNotice(doc, 'refused-record', 64, noticeColors.refused, box);
  close.addEventListener('click', () => host.remove());
};

/** A small box in the page's bottom-right corner, in a shadow root of its own (the page's styles stay out). */
function cornerNotice(doc: Document, name: string, bottomPx: number, colors: string, content: HTMLElement): HTMLElement {
  const host = markOurHost(doc.createElement('div'));
  host.setAttribute('data-outreach-guard', name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial;position:fixed;right:16px;bottom:${bottomPx}px;z-index:2147483646}` + noticeCss(colors);
  shadow.append(style, content);
  (doc.body ?? doc.documentElement).append(host);
  return host;
}

export interface MarkerProps {
  lang: Lang;
  state: MarkerState;
  count?: number;
  onOpen(): void;
}
export interface MarkerUi {
  update(props: MarkerProps): void;
  remove(): void;
}
/**
 * Puts the marker beside `root` (out of the flow: the site's layout does not move) and pins it into the
 * bottom-right corner of `corner()` (the message editor, where no control of the site sits; asked again
 * at each update, since an editor can appear later).
 */
export type ShowMarker = (root: Element, props: MarkerProps, corner?: () => Element) => MarkerUi;

/** An absolutely positioned host with no offsets sits where it would in the flow: right after the composer. */
export const markerHostStyle = 'all:initial;display:block;position:absolute;z-index:2147483645;width:max-content;height:auto';

/**
 * Moves `host` (absolutely positioned, right after the composer) into the bottom-right corner of the
 * corner element. Measured when the marker changes and when the corner, the composer or the marker
 * resize, never per keystroke; scrolling moves host and corner together.
 */
export function pinMarker(host: HTMLElement, root: Element, cornerOf: () => Element): { refresh(): void; stop(): void } {
  const inset = 6;
  let dx = 0;
  let dy = 0;
  let corner: Element | null = null;
  const win = host.ownerDocument.defaultView;
  const Observer = win?.ResizeObserver;
  const observer = Observer ? new Observer(() => place()) : null;
  const place = () => {
    let next: Element;
    try {
      next = cornerOf();
    } catch {
      next = root; // the editor is gone for a moment (the site re-renders it): the composer's corner
    }
    if (next !== corner) {
      if (corner && corner !== root) observer?.unobserve(corner);
      corner = next;
      observer?.observe(next);
    }
    const c = corner.getBoundingClientRect();
    const h = host.getBoundingClientRect();
    if (c.width === 0 && c.height === 0) return; // not laid out (hidden): keep the last place
    dx += c.right - inset - h.width - h.left;
    dy += c.bottom - inset - h.height - h.top;
    host.style.transform = `translate(${dx}px,${dy}px)`;
  };
  observer?.observe(host);
  observer?.observe(root);
  place();
  return { refresh: place, stop: () => observer?.disconnect() };
}

/** The composer marker rendered in the page (unit tests; the content script uses its frame). */
export const showComposerMarker: ShowMarker = (root, initial, corner = () => root) => {
  const doc = root.ownerDocument;
  const host = markOurHost(doc.createElement('div'));
  host.setAttribute('data-outreach-guard', 'marker');
  host.setAttribute('style', markerHostStyle);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = composerMarkerCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  isolate(host);
  root.insertAdjacentElement('afterend', host);
  const paint = (props: MarkerProps) => render(h(ComposerMarker, props), container);
  paint(initial);
  const pin = pinMarker(host, root, corner);
  return {
    update(props) {
      paint(props);
      pin.refresh();
    },
    remove() {
      pin.stop();
      render(null, container);
      host.remove();
    },
  };
};
