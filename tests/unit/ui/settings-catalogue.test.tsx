// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { settingsSchema } from '../../../lib/model/settings';
import { button, change, click, errorOf, field, mount, type } from './render';

// Settings: the product catalogue (an entry without a name changes nothing stored) and the per-rule
// override policy (objections and erasures shown as always blocking, not editable).

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { SettingsPage } = await import('../../../entrypoints/options/pages/SettingsPage');

const stored = settingsSchema.parse({
  organisation: { legalName: 'Voorbeeld Verpakkingen B.V.', contact: 'info@voorbeeld.nl', privacyUrl: 'https://voorbeeld.nl/privacy', optOutMethod: 'Antwoord STOP' },
});

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}
const saves = () => ask.mock.calls.map(([r]) => r).filter((r) => r.type === 'settings/save');

beforeEach(() => {
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string; settings?: unknown }) => {
    if (req.type === 'settings/get') return { settings: stored };
    if (req.type === 'settings/save') return { settings: settingsSchema.parse(req.settings) };
    throw new Error(`unexpected ${req.type}`);
  });
});

describe('product catalogue', () => {
  test('a product is saved with its category, other names and the organisation as its seller', async () => {
    const { container, unmount } = mount(<SettingsPage />);
    await settle();
    click(button(container, 'Add a product'));
    expect(field(container, 'Sold by (legal entity)').value).toBe('Voorbeeld Verpakkingen B.V.');
    type(field(container, 'Product name'), 'Kartonnen dozen');
    type(field(container, 'Category'), 'Verpakkingen');
    type(field(container, 'Other names'), 'dozen, karton');
    click(button(container, 'Save'));
    await settle();
    expect(saves()).toHaveLength(1);
    expect(saves()[0].settings.products).toEqual([{ name: 'Kartonnen dozen', category: 'Verpakkingen', aliases: ['dozen', 'karton'], legalEntity: 'Voorbeeld Verpakkingen B.V.' }]);
    expect(settingsSchema.safeParse(saves()[0].settings).success).toBe(true);
    unmount();
  });

  test.each([
    ['en', 'Add a product', 'Category', 'Save', 'Product name', 'A product needs a name. Nothing was saved.'],
    ['nl', 'Product toevoegen', 'Categorie', 'Opslaan', 'Productnaam', 'Een product heeft een naam nodig. Er is niets opgeslagen.'],
  ] as const)('%s: a product without a name (spaces only) is refused and nothing is saved', async (lang, add, category, save, name, message) => {
    const { container, unmount } = mount(<SettingsPage />, lang);
    await settle();
    click(button(container, add));
    type(field(container, name), '   ');
    type(field(container, category), 'Verpakkingen');
    click(button(container, save));
    await settle();
    expect(saves()).toHaveLength(0);
    expect(errorOf(field(container, name))).toBe(message);
    unmount();
  });
});

describe('rule policy', () => {
  test('a rule set to block is stored; rules left at the default are not', async () => {
    const { container, unmount } = mount(<SettingsPage />);
    await settle();
    const select = container.querySelector('tr[data-rule="NL-EM-01"] select');
    change(select, 'block');
    change(container.querySelector('tr[data-rule="GD-13"] select'), 'warn');
    click(button(container, 'Save'));
    await settle();
    expect(saves()[0].settings.policy.rules).toEqual({ 'NL-EM-01': 'block', 'GD-13': 'warn' });
    unmount();
  });

  test.each(['GD-10', 'GD-12', 'OB-01'])('%s is shown as always blocking and cannot be changed', async (code) => {
    const { container, unmount } = mount(<SettingsPage />, 'nl');
    await settle();
    const row = container.querySelector(`tr[data-rule="${code}"]`);
    expect(row?.textContent).toContain('Blokkeert altijd (bezwaar of verwijdering)');
    expect(row?.querySelector('select')).toBeNull();
    unmount();
  });
});
