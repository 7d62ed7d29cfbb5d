import { ask, RequestFailed } from '@/lib/messaging/client';
import type { RequestOf, RequestType, ResultOf } from '@/lib/messaging/protocol';

// The pages' one door to the background. Components never call this; pages do and pass data down.

export { ask, RequestFailed };
export type { RequestOf, RequestType, ResultOf };
export type { JobStatus } from '@/lib/messaging/management';

/** A message fit to show: the background's own words for a refusal, else the error text. */
export function errorText(error: unknown): string {
  if (error instanceof RequestFailed) return error.where ? `${error.message} (${error.where})` : error.message;
  return (error as Error)?.message ?? String(error);
}

/** Reads a File as base64 (evidence and imports travel as base64 through runtime messaging). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Offers a download of text or a Blob under `name`. */
export function download(name: string, content: string | Blob, type = 'application/json') {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Dispatched on the window when a page changed the ledger in place (no route change), e.g. a basis added. */
export const LEDGER_CHANGED = 'og:ledger-changed';

export function ledgerChanged(): void {
  window.dispatchEvent(new Event(LEDGER_CHANGED));
}
