// Pure URL detectors for Gmail. Each lists the URLs it is meant for; tests/unit/sites/gmail/detect.test.ts
// runs them as a positive/negative matrix.

/** The hosts Gmail is served from; lib/sites/hosts.ts derives the content-script matches and sender check from it. */
export const gmailHosts: readonly string[] = ['mail.google.com'];

/**
 * The Gmail web app (any account index, any view, with or without /u/N/).
 * @example https://mail.google.com/mail/u/0/#inbox
 * @example https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJWDsKmwzNfgqRrkSjNdJhBxw
 * @example https://mail.google.com/mail/#inbox?compose=new
 * @example https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1 (pop-out compose)
 */
export function isGmailMail(url: URL): boolean {
  if (url.protocol !== 'https:' || !gmailHosts.includes(url.hostname)) return false;
  if (!/^\/mail(\/u\/\d+)?\/?$/.test(url.pathname)) return false;
  // attachment and print views are not the mail client and hold no compose
  const view = url.searchParams.get('view');
  return view === null || view === 'cm';
}

/**
 * The stand-alone compose window (Shift+pop-out, mailto: handler).
 * @example https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1
 * @example https://mail.google.com/mail/?view=cm&fs=1&to=jan@acme.nl&su=Hallo
 */
export function isGmailStandaloneCompose(url: URL): boolean {
  return isGmailMail(url) && url.searchParams.get('view') === 'cm';
}

/** The Gmail account index in the URL (/mail/u/N/), 0 when absent; null when not Gmail. */
export function gmailAccountIndex(url: URL): number | null {
  if (!isGmailMail(url)) return null;
  const m = /^\/mail\/u\/(\d+)/.exec(url.pathname);
  return m?.[1] ? Number(m[1]) : 0;
}
