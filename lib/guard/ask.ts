import { browser } from 'wxt/browser';
import { contentResponses, type contentRequests } from '../messaging/guard';
import type { RequestOf, ResultOf } from '../messaging/protocol';

// The guard talks to the background only through this function type, so unit tests can pass a fake.
// The content-script client validates answers with the content schemas alone (lib/messaging/client.ts
// pulls in the whole protocol, which would double the content script's size).

type ContentRequestType = (typeof contentRequests)[number]['shape']['type']['value'];

export type GuardAsk = <T extends ContentRequestType>(request: RequestOf<T>) => Promise<ResultOf<T>>;

/** A request the background refused or could not answer; `message` is fit to show a user. */
export class GuardRequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GuardRequestFailed';
  }
}

export const backgroundAsk: GuardAsk = async (request) => {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    throw new GuardRequestFailed('unreachable', `The background did not answer: ${(error as Error).message}`);
  }
  const type = (request as { type: ContentRequestType }).type;
  const parsed = (contentResponses[type] as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(raw);
  if (!parsed.success) throw new GuardRequestFailed('bad-response', `The background gave an answer this page does not understand (${type}).`);
  const response = parsed.data as { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
  if (!response.ok) throw new GuardRequestFailed(response.error.code, response.error.message);
  return response.result as never;
};

/** A background that does not answer within `ms` counts as away (callers then queue or show "could not check"). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e as Error);
      },
    );
  });
}
