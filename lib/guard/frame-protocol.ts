import { z } from 'zod';

// What the content script and the guard's own frame (entrypoints/guard-frame) say to each other over the
// MessagePort the content script hands the frame. The page sees none of it: the port goes straight to the
// frame's window (postMessage to the extension's origin), and the frame accepts it only with the key the
// content script put in the frame's address, which the page cannot read (the frame sits in a closed
// shadow root; a cross-origin frame's location is not readable).

/** The frame document, a web-accessible resource with a dynamic URL (the extension cannot be fingerprinted). */
export const framePath = '/guard-frame.html';

/** What a frame shows: the hold dialog, the "not active here" badge, Save to my list, a corner notice, the composer marker. */
export const frameViews = ['hold', 'badge', 'save', 'notice', 'marker'] as const;
export type FrameView = (typeof frameViews)[number];

/** The first message, posted to the frame's window with the port. */
export const connectSchema = z.object({ og: z.literal('connect'), key: z.string().min(20).max(100) });

/** Content script → frame. Props are the component's props without their functions; `fns` names those. */
export const toFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('render'), props: z.record(z.string(), z.unknown()), fns: z.array(z.string().max(40)).max(20) }),
  z.object({ t: z.literal('reply'), id: z.number().int(), ok: z.boolean(), value: z.unknown().optional(), error: z.string().max(2000).optional() }),
]);
export type ToFrame = z.infer<typeof toFrameSchema>;

/** Frame → content script: a prop function was called (a control the rep pressed), or the frame's size. */
export const fromFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int(), name: z.string().max(40), args: z.array(z.unknown()).max(8) }),
  z.object({ t: z.literal('size'), width: z.number().min(0).max(4000), height: z.number().min(0).max(4000) }),
]);
export type FromFrame = z.infer<typeof fromFrameSchema>;

/** The props without their functions (those cannot cross a port), and the names of the functions. */
export function splitProps(props: object): { props: Record<string, unknown>; fns: string[] } {
  const data: Record<string, unknown> = {};
  const fns: string[] = [];
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') fns.push(name);
    else if (value !== undefined) data[name] = value;
  }
  return { props: data, fns };
}
