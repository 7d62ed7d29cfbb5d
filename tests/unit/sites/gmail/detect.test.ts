import { describe, expect, test } from 'vitest';
import { gmailAccountIndex, isGmailMail, isGmailStandaloneCompose } from '../../../../lib/sites/gmail/detect';
import { gmailAdapter } from '../../../../lib/sites/gmail/adapter';

// Positive/negative matrix per detector. A failure names the URL and what the detector should say.
const cases: Array<[url: string, mail: boolean, standalone: boolean]> = [
  ['https://mail.google.com/mail/u/0/#inbox', true, false],
  ['https://mail.google.com/mail/u/0/', true, false],
  ['https://mail.google.com/mail/u/3/#inbox/FMfcgzQXJWDsKmwzNfgqRrkSjNdJhBxw', true, false],
  ['https://mail.google.com/mail/#inbox?compose=new', true, false],
  ['https://mail.google.com/mail/u/0/#sent?compose=CllgCJqTfWkq', true, false],
  ['https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', true, true],
  ['https://mail.google.com/mail/?view=cm&fs=1&to=jan@acme.nl&su=Hallo', true, true],
  ['https://mail.google.com/mail/u/0/?ui=2&ik=abc&view=att&th=123', false, false],
  ['https://mail.google.com/mail/u/0/?view=pt&search=all', false, false],
  ['https://mail.google.com/chat/u/0/', false, false],
  ['https://mail.google.com/mail/mu/mp/123/', false, false],
  ['http://mail.google.com/mail/u/0/#inbox', false, false],
  ['https://mail.google.com.evil.example/mail/u/0/', false, false],
  ['https://accounts.google.com/ServiceLogin?service=mail', false, false],
  ['https://www.google.com/gmail/about/', false, false],
];

describe('Gmail URL detectors', () => {
  test.each(cases)('%s → mail %s, stand-alone compose %s', (url, mail, standalone) => {
    const u = new URL(url);
    expect(isGmailMail(u), `isGmailMail(${url}) should be ${mail}`).toBe(mail);
    expect(isGmailStandaloneCompose(u), `isGmailStandaloneCompose(${url}) should be ${standalone}`).toBe(standalone);
    expect(gmailAdapter.isGuardedPage(u), `the Gmail adapter should ${mail ? '' : 'not '}guard ${url}`).toBe(mail);
  });

  test.each([
    ['https://mail.google.com/mail/u/0/#inbox', 0],
    ['https://mail.google.com/mail/u/2/#inbox', 2],
    ['https://mail.google.com/mail/#inbox', 0],
    ['https://mail.google.com/chat/', null],
  ])('account index of %s is %s', (url, index) => {
    expect(gmailAccountIndex(new URL(url))).toBe(index);
  });
});
