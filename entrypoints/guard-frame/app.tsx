import { h, render } from 'preact';
import { connectSchema, frameViews, toFrameSchema, type FrameView } from '@/lib/guard/frame-protocol';
import { closeText, inactiveBadgeCss, inactiveBadgeText, mountHoldDialog, noticeColors, noticeCss, pendingText, refusedText, type HoldUi } from '@/lib/guard/hold-ui';
import type { HoldDialogProps } from '@/components/guard/HoldDialog';
import { SaveProfile, type SaveProfileProps } from '@/components/save-profile/SaveProfile';
import type { Lang } from '@/components/guard/strings';
import { ComposerMarker, composerMarkerCss, type ComposerMarkerProps } from '@/components/guard/ComposerMarker';

// The guard's frame: renders what the content script sends over its MessagePort and sends back what the
// rep does. It accepts the port only from its parent window with the key from its own address (which the
// page cannot read), and never posts anything to the parent window itself (the page would see that).

/** Events a script could fake: only the rep's own (trusted) ones reach the controls. */
const trustedOnly = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit', 'paste', 'drop'];

type Props = Record<string, unknown>;

export function runGuardFrame(win: Window): void {
  const [name, key] = win.location.hash.slice(1).split(':');
  // The key is used once; the address keeps only the view's name.
  win.history.replaceState(null, '', `${win.location.pathname}#${name ?? ''}`);
  const view = frameViews.find((v) => v === name);
  if (!view || !key) return;
  for (const type of trustedOnly) {
    win.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
  const onConnect = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    const parsed = connectSchema.safeParse(event.data);
    const port = event.ports[0];
    if (!parsed.success || parsed.data.key !== key || !port) return;
    win.removeEventListener('message', onConnect);
    connect(win, view, port);
  };
  win.addEventListener('message', onConnect);
}

/** The frame's side of the port: renders what arrives, sends back what the rep does (exported for tests). */
export function connect(win: Window, view: FrameView, port: Pick<MessagePort, 'postMessage' | 'onmessage'>) {
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const stubs = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const stub = (fn: string) => {
    let call = stubs.get(fn);
    if (!call) {
      call = (...args) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          waiting.set(id, { resolve, reject });
          // Only once the rep's click or key is over: the content script may remove this frame in answer, and
          // a frame removed before it acknowledged its input event leaves that event unanswered (a
          // Playwright click then hangs for its whole timeout, about 1 in 20 closes under load).
          setTimeout(() => port.postMessage({ t: 'call', id, name: fn, args }), 0);
        });
      stubs.set(fn, call);
    }
    return call;
  };
  const show = rendererOf(win.document, view);
  port.onmessage = (event) => {
    const parsed = toFrameSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'reply') {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.error ?? 'failed'));
      return;
    }
    const props: Props = { ...message.props };
    for (const fn of message.fns) props[fn] = stub(fn);
    show(props);
  };
  const app = win.document.getElementById('app')!;
  app.style.display = view === 'badge' || view === 'marker' ? 'inline-block' : 'flow-root';
  new ResizeObserver(() => {
    const box = app.getBoundingClientRect();
    port.postMessage({ t: 'size', width: box.width, height: box.height });
  }).observe(app);
}

function rendererOf(doc: Document, view: FrameView): (props: Props) => void {
  const app = doc.getElementById('app')!;
  switch (view) {
    case 'hold': {
      let ui: HoldUi | null = null;
      return (props) => {
        if (ui) return ui.update(props as unknown as HoldDialogProps);
        ui = mountHoldDialog(doc, props as unknown as HoldDialogProps);
        doc.defaultView?.focus();
      };
    }
    case 'badge':
      return (props) => {
        const lang = props.lang as Lang;
        render(
          <span role="status" title={String(props.detail ?? '')}>
            <style>{inactiveBadgeCss}</style>⚠ {inactiveBadgeText(lang)}
          </span>,
          app,
        );
      };
    case 'marker':
      return (props) =>
        render(
          <>
            <style>{composerMarkerCss.replace(':host { all: initial; }', '')}</style>
            <ComposerMarker {...(props as unknown as ComposerMarkerProps)} />
          </>,
          app,
        );
    case 'save':
      return (props) => render(h(SaveProfile, props as unknown as SaveProfileProps), app);
    case 'notice':
      return (props) => {
        const lang = props.lang as Lang;
        const refused = props.tone === 'refused';
        const onClose = props.onClose as (() => void) | undefined;
        render(
          <div role={refused ? 'alert' : 'status'}>
            <style>{noticeCss(refused ? noticeColors.refused : noticeColors.pending)}</style>
            {refused ? refusedText(lang, String(props.message ?? '')) : pendingText(lang, Number(props.count ?? 0))}
            {onClose && (
              <button type="button" data-action="close" onClick={() => void onClose()}>
                {closeText(lang)}
              </button>
            )}
          </div>,
          app,
        );
      };
  }
}
