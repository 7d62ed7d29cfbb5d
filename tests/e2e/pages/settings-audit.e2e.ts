import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Extension } from '../harness';
import { ask, byLabel, go, launch, openOptions } from './pages';

// Settings (organisation, policy, language, templates) and the audit log.

describe('settings and audit log', () => {
  let ext: Extension;
  let page: Page;
  beforeAll(async () => {
    ext = await launch('en-US');
    page = await openOptions(ext, '#/settings');
  });
  afterAll(async () => ext?.close());

  test('the organisation and policy are saved; a bad URL is refused inline first', async () => {
    await byLabel(page, 'Legal name').fill('Acme B.V.');
    await byLabel(page, 'Contact details').fill('info@acme.nl');
    await byLabel(page, 'Privacy notice URL').fill('acme.nl/privacy');
    await byLabel(page, 'Opt-out method').fill('Reply "stop"');
    await byLabel(page, 'Retention without engagement (months)').fill('18');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a full web address starting with https://').waitFor();
    await byLabel(page, 'Privacy notice URL').fill('https://acme.nl/privacy');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    const { settings } = await ask<{ settings: { organisation: { legalName: string; privacyUrl: string }; policy: { retentionMonths: number } } }>(page, { type: 'settings/get' });
    expect(settings.organisation).toMatchObject({ legalName: 'Acme B.V.', privacyUrl: 'https://acme.nl/privacy' });
    expect(settings.policy.retentionMonths).toBe(18);
  });

  test('the template editor previews live and names a missing required item', async () => {
    const preview = page.getByTestId('template-preview');
    expect(await preview.textContent()).toContain('Acme B.V.');
    const template = byLabel(page, 'Template');
    const text = await template.inputValue();
    // Drop the last paragraph: the opt-out and the right to object.
    await template.fill(text.split('\n').slice(0, 2).join('\n'));
    await page.getByText(/^Missing: /).waitFor();
    expect(await page.getByText(/^Missing: /).textContent()).toContain('Opt-out');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A template misses a required item; fix it before saving.').waitFor();
    await page.getByRole('button', { name: 'Use the standard text' }).click();
    expect(await page.getByText(/^Missing: /).count()).toBe(0);
  });

  test('choosing Dutch turns the pages Dutch at once (the language is saved on its own)', async () => {
    await byLabel(page, 'Language').selectOption('nl');
    await page.getByRole('link', { name: 'Contacten' }).waitFor();
    await page.getByText('Taal bewaard.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect((await ask<{ settings: { language: string } }>(page, { type: 'settings/get' })).settings.language).toBe('nl');
    await byLabel(page, 'Taal').selectOption('en');
    await page.getByRole('link', { name: 'Contacts' }).waitFor();
  });

  test('the audit log lists the changes and verifies its chain', async () => {
    await go(page, '#/audit');
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const answer = page.getByTestId('verify-result');
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/^The chain is intact: all \d+ entries are unchanged\.$/);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
