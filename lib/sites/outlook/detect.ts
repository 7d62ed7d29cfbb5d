// Pure URL detectors for Outlook on the web. Each lists the URLs it is meant for;
// tests/unit/sites/outlook/detect.test.ts runs them as a positive/negative matrix.

/**
 * The four hosts that serve Outlook on the web (work/school, legacy 365, consumer, new cloud domain).
 * lib/sites/hosts.ts derives the content-script matches and sender check from it.
 */
export const outlookHosts: readonly string[] = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
];

/**
 * The mail module of Outlook on the web (not calendar, people or settings-only pages).
 * @example https://outlook.office.com/mail/
 * @example https://outlook.office.com/mail/inbox/id/AAQkADAw…
 * @example https://outlook.live.com/mail/0/
 * @example https://outlook.cloud.microsoft/mail/
 * @example https://outlook.office365.com/owa/  (classic OWA path, still redirects into mail)
 * @example https://outlook.office.com/mail/deeplink/compose (pop-out compose)
 */
export function isOutlookMail(url: URL): boolean {
  if (url.protocol !== 'https:' || !outlookHosts.includes(url.hostname)) return false;
  return /^\/(mail|owa)(\/|$)/.test(url.pathname);
}

/**
 * A compose popped out into its own window.
 * @example https://outlook.office.com/mail/deeplink/compose
 * @example https://outlook.live.com/mail/0/deeplink/compose?to=jan@acme.nl
 * @example https://outlook.cloud.microsoft/mail/compose/AAQkADAw…
 */
export function isOutlookPopoutCompose(url: URL): boolean {
  if (!isOutlookMail(url)) return false;
  return /^\/mail(\/\d+)?\/(deeplink\/compose|compose)(\/|$)/.test(url.pathname);
}
