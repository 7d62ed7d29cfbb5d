// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { settingsSchema } from '../../../lib/model/settings';
import { button, change, click, field, mount } from './render';

// The language is saved on its own, the moment it is picked, also on a fresh install where the four
// required organisation fields are still empty (issue 13 item 6).

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { SettingsPage } = await import('../../../entrypoints/options/pages/SettingsPage');
const { languageSetting } = await import('../../../entrypoints/options/app/i18n');

const fresh = settingsSchema.parse({});

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

const saves = () => ask.mock.calls.map(([r]) => r).filter((r) => r.type === 'settings/save');

beforeEach(() => {
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string; settings?: unknown }) => {
    if (req.type === 'settings/get') return { settings: fresh };
    if (req.type === 'settings/save') return { settings: settingsSchema.parse(req.settings) };
    throw new Error(`unexpected ${req.type}`);
  });
});

describe('the language setting', () => {
  test('on a fresh install, picking Dutch saves only the language, at once', async () => {
    const { container, unmount } = mount(<SettingsPage />);
    await settle();
    change(field(container, 'Language'), 'nl');
    await settle();
    expect(saves()).toHaveLength(1);
    expect(saves()[0].settings).toEqual({ ...fresh, language: 'nl' });
    expect(await languageSetting.getValue()).toBe('nl');
    expect(container.textContent).toContain('Language saved.');
    expect(container.querySelector('[aria-invalid="true"]'), 'no organisation field was checked').toBeNull();
    unmount();
  });

  test('the organisation form still checks its own required fields', async () => {
    const { container, unmount } = mount(<SettingsPage />, 'nl');
    await settle();
    change(field(container, 'Taal'), 'en');
    await settle();
    click(button(container, 'Opslaan'));
    await settle();
    expect(saves()).toHaveLength(1);
    expect(container.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThanOrEqual(4);
    unmount();
  });
});
