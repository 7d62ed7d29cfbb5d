import { describe, expect, test } from 'vitest';
import { isOutlookMail, isOutlookPopoutCompose, outlookHosts } from '../../../../lib/sites/outlook/detect';
import { outlookAdapter } from '../../../../lib/sites/outlook/adapter';
import { siteMatches, siteOfUrl } from '../../../../lib/sites/hosts';

const cases: Array<[url: string, mail: boolean, popout: boolean]> = [
  ['https://outlook.office.com/mail/', true, false],
  ['https://outlook.office.com/mail/inbox/id/AAQkADAwATM3ZmYAZS05ZjE4LTAwAi0wMAoAEAB7m2Kp', true, false],
  ['https://outlook.office365.com/mail/inbox', true, false],
  ['https://outlook.office365.com/owa/', true, false],
  ['https://outlook.live.com/mail/0/', true, false],
  ['https://outlook.live.com/mail/0/inbox', true, false],
  ['https://outlook.cloud.microsoft/mail/', true, false],
  ['https://outlook.office.com/mail/deeplink/compose', true, true],
  ['https://outlook.live.com/mail/0/deeplink/compose?to=jan@acme.nl', true, true],
  ['https://outlook.cloud.microsoft/mail/compose/AAQkADAwATM3ZmYAZS05', true, true],
  ['https://outlook.office.com/calendar/view/week', false, false],
  ['https://outlook.office.com/people/', false, false],
  ['https://outlook.office.com/', false, false],
  ['http://outlook.office.com/mail/', false, false],
  ['https://outlook.office.com.evil.example/mail/', false, false],
  ['https://login.microsoftonline.com/common/oauth2/authorize', false, false],
  ['https://outlook.com/mail/', false, false],
  ['https://mailbox.example.com/mail/', false, false],
];

describe('Outlook URL detectors', () => {
  test.each(cases)('%s → mail %s, pop-out %s', (url, mail, popout) => {
    const u = new URL(url);
    expect(isOutlookMail(u), `isOutlookMail(${url}) should be ${mail}`).toBe(mail);
    expect(isOutlookPopoutCompose(u), `isOutlookPopoutCompose(${url}) should be ${popout}`).toBe(popout);
    expect(outlookAdapter.isGuardedPage(u), `the Outlook adapter should ${mail ? '' : 'not '}guard ${url}`).toBe(mail);
  });

  test('every Outlook host is in the content-script matches and the sender check', () => {
    for (const host of outlookHosts) {
      expect(siteMatches.outlook, `add https://${host}/* to siteMatches.outlook`).toContain(`https://${host}/*`);
      expect(siteOfUrl(`https://${host}/mail/`)).toBe('outlook');
    }
  });
});
