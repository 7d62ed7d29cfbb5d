import type { Site } from '../messaging/common';

// Where each site's content script runs. Used for the content-script `matches` and by the background's
// sender check (a content-script request must come from a tab on one of these hosts).
export const siteMatches = {
  linkedin: ['https://www.linkedin.com/*'],
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
} as const satisfies Record<Site, readonly string[]>;

const hostsBySite: Record<Site, readonly string[]> = {
  linkedin: ['www.linkedin.com'],
  gmail: ['mail.google.com'],
  outlook: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
};

/** The site a URL belongs to, or null. Only https counts. */
export function siteOfUrl(url: string | undefined): Site | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const [site, hosts] of Object.entries(hostsBySite) as [Site, readonly string[]][]) {
    if (hosts.includes(parsed.hostname)) return site;
  }
  return null;
}
