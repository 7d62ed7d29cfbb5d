import { ask as askBackground } from '../messaging/client';
import type { RequestOf, ResultOf } from '../messaging/protocol';
import type { contentRequests } from '../messaging/guard';

// The guard talks to the background only through this function type, so unit tests can pass a fake.
type ContentRequestType = (typeof contentRequests)[number]['shape']['type']['value'];

export type GuardAsk = <T extends ContentRequestType>(request: RequestOf<T>) => Promise<ResultOf<T>>;

export const backgroundAsk: GuardAsk = (request) => askBackground(request);
