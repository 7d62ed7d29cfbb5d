// A fingerprint of a message text (LI-04 bulk sending): the same or nearly the same text to many people
// gives the same value, while the text itself never leaves the page. It lives with the rules because it says
// what "the same text" means for LI-04; the guard (page side) and the background both import it from here.

/** What the fingerprint reads of a recipient: the name the page showed (a PageRecipient fits). */
export interface NamedRecipient {
  displayName?: string | undefined;
  [other: string]: unknown;
}

/**
 * Name particles ("Anna de Vries", "Piet van der Berg", "Ludwig von Mises", "Maria dos Santos"). On their
 * own they are ordinary words of the template ("de demo", "van de beurs"): removed for one recipient only,
 * they would give that recipient's copy a fingerprint of its own. They go only as part of the full name.
 */
const PARTICLES = new Set([
  'de', 'den', 'der', 'des', 'het', 'te', 'ten', 'ter', 'van', 'op', 'in', 'von', 'vom', 'zu', 'zum', 'zur',
  'da', 'das', 'di', 'do', 'dos', 'du', 'del', 'della', 'dei', 'la', 'le', 'les', 'el', 'al', 'y', 'e', 'bin', 'ibn',
]);

/** Letters (with their combining marks) make a word: Unicode-aware, so "Åsa", "Zoë" and "Øyvind" are words. */
const WORD = /([\p{L}\p{M}]+)/u;
/** What may stand between the words of one name in a text: spaces, a hyphen, an apostrophe or a dot. */
const NAME_JOIN = /^[\s\-'’.]+$/u;

/** A word of a name that may be removed on its own: not a particle, and 3 letters or more ("Li" stays). */
const standsAlone = (word: string) => word.length >= 3 && !PARTICLES.has(word);

const wordsOf = (s: string): string[] => s.split(WORD).filter((_, i) => i % 2 === 1);

/**
 * Lower-case, recipients' names and digits removed, punctuation and whitespace collapsed. Names go as whole
 * words only: the full name and its tail ("de Vries" after "mevrouw") as a phrase, particles included; then
 * every word of a name that stands alone. Never as substrings: "Anna de Vries" must not turn "demo" into "mo".
 */
export function normalizeForFingerprint(body: string, recipients: readonly NamedRecipient[]): string {
  const phrases: string[][] = [];
  const single = new Set<string>();
  for (const r of recipients) {
    const name = wordsOf((r.displayName ?? '').normalize('NFKC').toLowerCase());
    // The whole name always goes as a phrase ("Li Na", "Ed Wu" too); its tails only with a word that stands alone.
    if (name.length > 1) phrases.push(name);
    for (let i = 1; i < name.length; i++) {
      const tail = name.slice(i);
      if (tail.length > 1 && tail.some(standsAlone)) phrases.push(tail);
    }
    for (const word of name) if (standsAlone(word)) single.add(word);
  }
  phrases.sort((a, b) => b.length - a.length); // longest first: "anna de vries" before "de vries"

  // split() with a capturing group: odd indices are words, even indices what lies between them
  const parts = body.normalize('NFKC').toLowerCase().split(WORD);
  const removed = new Set<number>();
  const phraseAt = (i: number, phrase: string[]) =>
    phrase.every((word, k) => parts[i + 2 * k] === word && !removed.has(i + 2 * k) && (k === 0 || NAME_JOIN.test(parts[i + 2 * k - 1] ?? '')));
  for (let i = 1; i < parts.length; i += 2) {
    if (removed.has(i)) continue;
    const phrase = phrases.find((p) => phraseAt(i, p));
    if (phrase) phrase.forEach((_, k) => removed.add(i + 2 * k));
    else if (single.has(parts[i]!)) removed.add(i);
  }
  const text = parts.map((part, i) => (removed.has(i) ? ' ' : part)).join('');
  return text
    .replace(/\p{N}+/gu, ' ')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function bodyFingerprint(body: string, recipients: readonly NamedRecipient[]): Promise<string> {
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
