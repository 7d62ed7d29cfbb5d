import type { Site } from '../messaging/common';
import { gmailHosts } from './gmail/detect';
import { linkedInHosts } from './linkedin/detect';
import { outlookHosts } from './outlook/detect';

// Where each site's content script runs. Used for the content-script `matches` and by the background's
// sender check (a content-script request must come from a tab on one of these hosts). Both are derived
// from the host list in each site's detect.ts, so a host added there is matched, guarded and trusted alike.

const hostsBySite: Record<Site, readonly string[]> = {
  linkedin: linkedInHosts,
  gmail: gmailHosts,
  outlook: outlookHosts,
};

const matchPatternsOf = (hosts: readonly string[]): readonly string[] => hosts.map((host) => `https://${host}/*`);

/** Content-script match patterns per site (https only). WXT reads them when it builds the manifest. */
export const siteMatches: Record<Site, readonly string[]> = {
  linkedin: matchPatternsOf(hostsBySite.linkedin),
  gmail: matchPatternsOf(hostsBySite.gmail),
  outlook: matchPatternsOf(hostsBySite.outlook),
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
