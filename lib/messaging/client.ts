import { browser } from 'wxt/browser';
import { responseSchemas, type RequestOf, type RequestType, type ResultOf } from './protocol';
import type { ProtocolError } from './common';

/** A request the background refused or could not answer; `message` is fit to show a user. */
export class RequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
    /** `erased-identity`: the day (YYYY-MM-DD) the person asked to be erased, so the page can name it */
    readonly erasedAt?: string,
  ) {
    super(message);
    this.name = 'RequestFailed';
  }
}

/**
 * Sends one request to the background and validates the answer where it arrives.
 * Throws RequestFailed for a refusal, an invalid answer, or a background that did not answer.
 */
export async function ask<T extends RequestType>(request: RequestOf<T>): Promise<ResultOf<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    throw new RequestFailed('unreachable', `The background did not answer: ${(error as Error).message}`);
  }
  const schema = responseSchemas[request.type as T];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new RequestFailed('bad-response', `The background gave an answer this page does not understand (${request.type}).`);
  }
  const response = parsed.data as { ok: true; result: ResultOf<T> } | { ok: false; error: ProtocolError };
  if (!response.ok) throw new RequestFailed(response.error.code, response.error.message, response.error.where, response.error.erasedAt);
  return response.result;
}
