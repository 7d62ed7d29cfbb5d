import { browser } from 'wxt/browser';
import { markOurHost } from './our-hosts';
import { framePath, fromFrameSchema, splitProps, type FrameView, type ToFrame } from './frame-protocol';

// The content-script side of the guard's isolated UI (issue 14 item 1). What the guard shows or offers is
// rendered by an extension-origin frame the page can neither read nor operate: the page keeps only a host
// element (with the fixed hooks), whose closed shadow root holds the frame. State goes to the frame and the
// rep's actions come back over a MessagePort the content script hands to the frame's window alone.

export interface FrameHostOptions {
  view: FrameView;
  /** the host's data-outreach-guard value (a fixed hook: "hold", "inactive-badge", "save-profile") */
  hook: string;
  /** inline style of the host element in the page */
  hostStyle: string;
  /** inline style of the frame inside it */
  frameStyle: string;
  /** puts the host into the page */
  place(host: HTMLElement): void;
  /** the frame takes the width and/or height its content reports */
  autoSize?: { width?: boolean; height?: boolean };
  /** the component's props; functions are called when the frame calls them (the rep pressed a control) */
  props: object;
  /** the frame is connected and has its first props (focus can go in now) */
  onReady?(frame: HTMLIFrameElement): void;
  /** loaded ahead and kept blank: nothing renders (and nothing takes focus) until `wake` */
  idle?: boolean;
}

export interface FrameHost {
  readonly host: HTMLElement;
  update(props: object): void;
  /** an idle frame starts showing `props` (at once when it has loaded, else on load) */
  wake(props: object, onReady?: (frame: HTMLIFrameElement) => void): void;
  /** whether the frame has spoken (it reports its size as soon as it took the port) */
  heard(): boolean;
  close(): void;
}

export function openFrameHost(doc: Document, options: FrameHostOptions): FrameHost {
  const host = markOurHost(doc.createElement(options.autoSize?.width ? 'span' : 'div'));
  host.setAttribute('data-outreach-guard', options.hook);
  host.setAttribute('style', options.hostStyle);
  // Closed: the page cannot reach the frame element, so neither its address (with the key) nor its size.
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  const key = `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');
  // With use_dynamic_url the address changes every session: a page cannot probe for the extension.
  const url = `${browser.runtime.getURL(framePath as '/guard-frame.html')}#${options.view}:${key}`;
  frame.src = url;
  frame.setAttribute('style', options.frameStyle);
  frame.setAttribute('title', 'Outreach Guard');
  shadow.append(frame);

  let props = options.props;
  let port: MessagePort | null = null;
  let closed = false;
  let idle = !!options.idle;
  let loaded = false;
  let onReady = options.onReady;
  let heard = false;
  const post = (message: ToFrame) => port?.postMessage(message);
  const render = () => {
    const { props: data, fns } = splitProps(props);
    post({ t: 'render', props: data, fns });
  };
  const onMessage = (event: MessageEvent) => {
    const parsed = fromFrameSchema.safeParse(event.data);
    if (!parsed.success || closed) return;
    heard = true;
    const message = parsed.data;
    if (message.t === 'size') {
      if (options.autoSize?.width) frame.style.width = `${Math.ceil(message.width)}px`;
      if (options.autoSize?.height) frame.style.height = `${Math.ceil(message.height)}px`;
      return;
    }
    const fn = (props as Record<string, unknown>)[message.name];
    if (typeof fn !== 'function') return post({ t: 'reply', id: message.id, ok: false, error: `no ${message.name}` });
    Promise.resolve()
      .then(() => (fn as (...args: unknown[]) => unknown)(...message.args))
      .then(
        (value) => post({ t: 'reply', id: message.id, ok: true, ...(value === undefined ? {} : { value }) }),
        (error: unknown) => post({ t: 'reply', id: message.id, ok: false, error: String((error as Error)?.message ?? error).slice(0, 2000) }),
      );
  };
  // Only the first load is ours: a page that navigates the frame elsewhere gets no port (the target origin
  // below is the extension's), and the UI stays empty rather than talking to a stranger.
  frame.addEventListener(
    'load',
    () => {
      if (closed || port) return;
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = onMessage;
      frame.contentWindow?.postMessage({ og: 'connect', key }, extensionOrigin(url), [channel.port2]);
      loaded = true;
      if (idle) return;
      render();
      onReady?.(frame);
    },
    { once: true },
  );
  options.place(host);
  return {
    host,
    update(next) {
      props = next;
      if (!idle) render();
    },
    wake(next, ready) {
      idle = false;
      props = next;
      onReady = ready;
      if (!loaded) return;
      render();
      ready?.(frame);
    },
    heard: () => heard,
    close() {
      closed = true;
      port?.close();
      host.remove();
    },
  };
}

/**
 * The origin the frame's document has. Chrome loads a dynamic URL (chrome-extension://<session id>/…) but
 * commits the document at the extension's own id; Firefox has no dynamic URLs (its origin is already a
 * random per-install id).
 */
function extensionOrigin(frameUrl: string): string {
  const url = new URL(frameUrl);
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}
