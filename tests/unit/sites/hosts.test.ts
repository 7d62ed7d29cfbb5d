import { describe, expect, test } from 'vitest';
import { siteMatches, siteOfUrl } from '@/lib/sites/hosts';
import { gmailHosts, isGmailMail } from '@/lib/sites/gmail/detect';
import { isLinkedIn, linkedInHosts } from '@/lib/sites/linkedin/detect';
import { isOutlookMail, outlookHosts } from '@/lib/sites/outlook/detect';

// One host list per site, in its detect.ts: the content-script matches, the background's sender check and
// the site's own detectors must agree on it, or a host gets no guard (or an untrusted sender) silently.

const sites = [
  { site: 'linkedin', hosts: linkedInHosts, page: '/feed/', detects: (u: URL) => isLinkedIn(u) },
  { site: 'gmail', hosts: gmailHosts, page: '/mail/u/0/', detects: isGmailMail },
  { site: 'outlook', hosts: outlookHosts, page: '/mail/', detects: isOutlookMail },
] as const;

describe('site hosts', () => {
  test.each(sites)('$site: every host is matched, trusted and detected; nothing else is matched', ({ site, hosts, page, detects }) => {
    expect(hosts.length).toBeGreaterThan(0);
    expect(siteMatches[site], `siteMatches.${site} must be the https match pattern of each host in ${site}/detect.ts`).toEqual(
      hosts.map((h) => `https://${h}/*`),
    );
    for (const host of hosts) {
      expect(siteOfUrl(`https://${host}${page}`), `the sender check should take ${host} as ${site}`).toBe(site);
      expect(detects(new URL(`https://${host}${page}`)), `${site}/detect.ts should recognise its own host ${host}`).toBe(true);
    }
  });

  test('the tables cover exactly the three sites, with the hosts the extension shipped with', () => {
    expect(siteMatches).toEqual({
      linkedin: ['https://www.linkedin.com/*'],
      gmail: ['https://mail.google.com/*'],
      outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
    });
  });

  test('only https on a listed host is a site', () => {
    expect(siteOfUrl('http://mail.google.com/mail/u/0/')).toBeNull();
    expect(siteOfUrl('https://linkedin.com/feed/')).toBeNull();
    expect(siteOfUrl('https://mail.google.com.evil.example/')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
  });
});
