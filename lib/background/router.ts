import {
  contentRequestTypes,
  requestSchema,
  type RequestOf,
  type RequestType,
  type ResponseOf,
  type ResultOf,
} from '../messaging/protocol';
import { siteOfUrl } from '../sites/hosts';
import type { Site } from '../messaging/common';

/** Who sent a request, after the sender check. */
export type Caller =
  | { kind: 'extension-page'; url: string }
  | { kind: 'content-script'; site: Site; tabId: number | undefined; frameId: number | undefined; url: string };

export type Handler<T extends RequestType> = (request: RequestOf<T>, caller: Caller) => Promise<ResultOf<T>>;
/** One handler per request type: a missing one is a type error (the exhaustive dispatch). */
export type Handlers = { [T in RequestType]: Handler<T> };

/** A failure a handler wants the caller to see as is (bad input, not found, refused). */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
    /** `erased-identity`: the day the person's erasure was requested */
    readonly erasedAt?: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface RouterOptions {
  extensionId: string;
  /** e.g. chrome-extension://<id>/ */
  extensionBaseUrl: string;
  onError?: (type: string, error: unknown) => void;
}

function fail(code: string, message: string, where?: string, erasedAt?: string) {
  return { ok: false as const, error: { code, message, ...(where ? { where } : {}), ...(erasedAt ? { erasedAt } : {}) } };
}

/** Works out who is calling, or null when the sender may not call at all. */
export function identifyCaller(sender: SenderLike, options: RouterOptions): Caller | null {
  if (sender.id !== options.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(options.extensionBaseUrl) && !sender.tab?.url?.startsWith('http')) {
    return { kind: 'extension-page', url };
  }
  // A content script: the frame's URL must be a supported site (the LinkedIn /preload/ iframe is one too).
  // A frame LinkedIn creates as about:blank reports that URL; its origin is still the site's.
  const frameSite = /^https?:/.test(url) ? siteOfUrl(url) : siteOfUrl(sender.origin);
  const site = frameSite ?? (sender.frameId ? null : siteOfUrl(sender.tab?.url));
  if (!site) return null;
  return { kind: 'content-script', site, tabId: sender.tab?.id, frameId: sender.frameId, url };
}

/**
 * The background's single entry for runtime messages: parse, check the sender, dispatch.
 * Never throws; every answer is `{ ok: true, result }` or `{ ok: false, error }`.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: SenderLike): Promise<ResponseOf<RequestType>> {
    const caller = identifyCaller(sender, options);
    if (!caller) return fail('forbidden-sender', 'This sender may not talk to Outreach Guard.');
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) {
      const type = typeof message === 'object' && message && 'type' in message ? String((message as { type: unknown }).type) : '?';
      const issue = parsed.error.issues[0];
      const where = issue ? issue.path.join('.') : undefined;
      return fail('invalid-request', `Invalid request "${type}": ${issue?.message ?? 'unknown shape'}`, where);
    }
    const request = parsed.data;
    if (caller.kind === 'content-script' && !contentRequestTypes.has(request.type)) {
      return fail('forbidden-request', `A web page may not ask "${request.type}".`);
    }
    const handler = handlers[request.type] as Handler<RequestType>;
    try {
      const result = await handler(request as RequestOf<RequestType>, caller);
      return { ok: true, result } as ResponseOf<RequestType>;
    } catch (error) {
      options.onError?.(request.type, error);
      if (error instanceof UserFacingError) return fail(error.code, error.message, error.where, error.erasedAt);
      return fail('internal', `Outreach Guard could not do "${request.type}": ${(error as Error)?.message ?? String(error)}`);
    }
  };
}
