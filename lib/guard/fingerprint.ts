import type { PageRecipient } from '../messaging/common';

// A fingerprint of a message text (LI-04 bulk sending): the same or nearly the same text to many people
// gives the same value, while the text itself never leaves the page.

/** Lower-case, recipients' names and digits removed, punctuation and whitespace collapsed. */
export function normalizeForFingerprint(body: string, recipients: readonly PageRecipient[]): string {
  let text = body.normalize('NFKC').toLowerCase();
  const names = recipients
    .flatMap((r) => (r.displayName ?? '').toLowerCase().split(/\s+/))
    .filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const name of names) text = text.split(name).join(' ');
  return text
    .replace(/\p{N}+/gu, ' ')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function bodyFingerprint(body: string, recipients: readonly PageRecipient[]): Promise<string> {
  const data = new TextEncoder().encode(normalizeForFingerprint(body, recipients));
  const digest = await crypto.subtle.digest('SHA-256', data);
  return 'sha256:' + Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the disclosure text is in the body (whitespace and case do not matter). */
export function containsText(body: string, text: string | undefined): boolean {
  if (!text) return false;
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const needle = squash(text);
  return needle.length > 0 && squash(body).includes(needle);
}
