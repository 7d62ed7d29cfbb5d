import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guardPageStatus, launchExtension, routeSite, tabGuardState, type Extension } from '../harness';

// The foundation works end to end: the built extension loads, its content scripts run on the real
// LinkedIn and Gmail URLs (served from fixtures), and the background answers them.

const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><main>${title}</main></body></html>`;

describe('content scripts reach the background', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
    await routeSite(ext.context, 'https://www.linkedin.com/**', page('LinkedIn feed'));
    await routeSite(ext.context, 'https://mail.google.com/**', page('Inbox - Gmail'));
  });
  afterAll(async () => ext?.close());

  test.each([
    ['LinkedIn', 'https://www.linkedin.com/feed/'],
    ['Gmail', 'https://mail.google.com/mail/u/0/#inbox'],
  ])('on %s the guard reports its state and the background answers', async (_name, url) => {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    // The background keeps the state only once it accepted the content script's report.
    expect(['active', 'inactive', 'held']).toContain(await guardPageStatus(ext, tab));
    // Nothing on the page tells it that the extension is there.
    expect(await tab.evaluate(() => [...document.documentElement.attributes].map((a) => a.name).filter((n) => n.includes('outreach')))).toEqual([]);
    await tab.close();
  });

  test('a page off the supported sites gets no content script', async () => {
    await routeSite(ext.context, 'https://example.com/**', page('Example'));
    const tab = await ext.context.newPage();
    await tab.goto('https://example.com/');
    await tab.waitForTimeout(500);
    expect(await tabGuardState(ext, tab)).toBe('');
    await tab.close();
  });
});
