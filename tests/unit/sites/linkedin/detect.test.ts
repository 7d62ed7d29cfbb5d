import * as detect from '@/lib/sites/linkedin/detect';

// Positive/negative matrix for every page detector (style.md §3). A failure names the detector, the URL and
// what it should have said.

type Detector = (url: URL | string) => boolean;

const L = 'https://www.linkedin.com';
const matrix: Record<string, { fn: Detector; yes: string[]; no: string[] }> = {
  isMessagingThread: {
    fn: detect.isMessagingThread,
    yes: [`${L}/messaging/thread/2-ZmFrZS10aHJlYWQ=/`, `${L}/messaging/thread/2-ZmFrZS10aHJlYWQ=/?tab=unread`, `${L}/messaging/thread/2-abc`],
    no: [`${L}/messaging/`, `${L}/messaging/compose/`, `${L}/messaging/thread/`, 'https://linkedin.com.evil.example/messaging/thread/2-a/', `http://www.linkedin.com/messaging/thread/2-a/`],
  },
  isMessagingCompose: {
    fn: detect.isMessagingCompose,
    yes: [`${L}/messaging/compose/`, `${L}/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0&recipient=ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0`],
    no: [`${L}/messaging/`, `${L}/messaging/thread/2-a/`, `${L}/in/compose/`],
  },
  isMessagingInbox: {
    fn: detect.isMessagingInbox,
    yes: [`${L}/messaging/`, `${L}/messaging`, `${L}/messaging/?`],
    no: [`${L}/messaging/thread/2-a/`, `${L}/messaging/compose/`],
  },
  isProfile: {
    fn: detect.isProfile,
    yes: [`${L}/in/dana-whitfield-4b1a27/`, `${L}/in/dana-whitfield-4b1a27`, `${L}/in/ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0/`, `${L}/in/dana-whitfield-4b1a27/overlay/contact-info/`],
    no: [`${L}/in/dana-whitfield-4b1a27/details/experience/`, `${L}/in/`, `${L}/company/northwind/`, `${L}/sales/lead/ACwAAB7x,NAME_SEARCH,x`, 'https://nl.linkedin.com/in/dana/'],
  },
  isSalesNavLead: {
    fn: detect.isSalesNavLead,
    yes: [`${L}/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0,NAME_SEARCH,Xy7Q`, `${L}/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0`],
    no: [`${L}/sales/inbox/2-a`, `${L}/sales/lead/`, `${L}/sales/search/people?query=x`, `${L}/in/ACwAAB7x/`],
  },
  isSalesNavInbox: {
    fn: detect.isSalesNavInbox,
    yes: [`${L}/sales/inbox/`, `${L}/sales/inbox/2-abc==`, `${L}/sales/inbox`],
    no: [`${L}/sales/inboxes`, `${L}/messaging/`, `${L}/sales/lead/ACwAA,NAME_SEARCH,x`],
  },
  isSalesNav: {
    fn: detect.isSalesNav,
    yes: [`${L}/sales/search/people?query=x`, `${L}/sales/home`, `${L}/sales/lead/ACwAA,NAME_SEARCH,x`],
    no: [`${L}/salesforce/`, `${L}/in/sales/`],
  },
  isPreloadFrame: {
    fn: detect.isPreloadFrame,
    yes: [`${L}/preload/?_bprMode=vanilla`, `${L}/preload/`],
    no: [`${L}/preload/custom-invite/?vanityName=dana`, `${L}/feed/`],
  },
  isInvitePage: {
    fn: detect.isInvitePage,
    yes: [`${L}/preload/custom-invite/?vanityName=dana-whitfield-4b1a27`],
    no: [`${L}/preload/custom-invite/`, `${L}/preload/?_bprMode=vanilla`, `${L}/in/dana-whitfield-4b1a27/`],
  },
  isSaveProfilePage: {
    fn: detect.isSaveProfilePage,
    yes: [`${L}/in/dana-whitfield-4b1a27/`, `${L}/sales/lead/ACwAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0,NAME_SEARCH,Xy7Q`],
    no: [`${L}/messaging/thread/2-a/`, `${L}/sales/inbox/`, `${L}/feed/`],
  },
  isGuardedPage: {
    fn: detect.isGuardedPage,
    yes: [`${L}/feed/`, `${L}/notifications/`, `${L}/in/dana/`, `${L}/messaging/thread/2-a/`, `${L}/preload/?_bprMode=vanilla`, `${L}/sales/inbox/`],
    no: [`${L}/uas/login`, `${L}/checkpoint/challenge/x`, 'https://mail.google.com/mail/u/0/', 'http://www.linkedin.com/feed/', 'not a url'],
  },
};

describe.each(Object.entries(matrix))('%s', (name, { fn, yes, no }) => {
  test.each(yes)(`is true for %s`, (url) => {
    expect(fn(url), `${name}("${url}") should be true: widen its pattern (see the example URLs beside it in detect.ts)`).toBe(true);
    expect(fn(new URL(url)), `${name} must accept a URL object as well as a string`).toBe(true);
  });
  test.each(no)(`is false for %s`, (url) => {
    expect(fn(url), `${name}("${url}") should be false: tighten its pattern`).toBe(false);
  });
});

describe('identity from URLs', () => {
  test.each([
    ['/in/ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0/', { memberId: 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0', profileUrl: `${L}/in/ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0/` }],
    [`${L}/in/Dana-Whitfield-4b1a27`, { vanity: 'dana-whitfield-4b1a27', profileUrl: `${L}/in/dana-whitfield-4b1a27/` }],
    [`${L}/in/j%C3%BCrgen-m/overlay/contact-info/`, { vanity: 'jürgen-m', profileUrl: `${L}/in/j%C3%BCrgen-m/` }],
  ])('profileRefOf(%s)', (href, ref) => {
    expect(detect.profileRefOf(href)).toEqual(ref);
  });

  test('profileRefOf ignores other hosts and non-profile links', () => {
    expect(detect.profileRefOf('https://evil.example/in/dana/')).toBeNull();
    expect(detect.profileRefOf(`${L}/company/northwind/`)).toBeNull();
  });

  test('salesNavLeadIdOf reads the id before the first comma', () => {
    expect(detect.salesNavLeadIdOf('/sales/lead/ACwAAB7x2kQ,NAME_SEARCH,Xy7Q')).toBe('ACwAAB7x2kQ');
    expect(detect.salesNavLeadIdOf(`${L}/sales/lead/ACwAAB7x2kQ`)).toBe('ACwAAB7x2kQ');
    expect(detect.salesNavLeadIdOf(`${L}/sales/inbox/2-a`)).toBeNull();
  });

  test('composeRecipientOf prefers recipient=, falls back to profileUrn=, and only on /messaging/compose/', () => {
    const id = 'ACoAAB7x2kQBc9vZt3LmPq0sW1yUe4RfGhJkLm0';
    expect(detect.composeRecipientOf(`${L}/messaging/compose/?recipient=${id}`)).toBe(id);
    expect(detect.composeRecipientOf(`${L}/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3A${id}`)).toBe(id);
    expect(detect.composeRecipientOf(`${L}/messaging/compose/?recipient=not-an-id`)).toBeNull();
    expect(detect.composeRecipientOf(`${L}/messaging/thread/2-a/?recipient=${id}`)).toBeNull();
  });

  test('inviteVanityOf lower-cases the vanity name of a direct invite page', () => {
    expect(detect.inviteVanityOf(`${L}/preload/custom-invite/?vanityName=Dana-Whitfield-4b1a27`)).toBe('dana-whitfield-4b1a27');
    expect(detect.inviteVanityOf(`${L}/in/dana/`)).toBeNull();
  });
});
