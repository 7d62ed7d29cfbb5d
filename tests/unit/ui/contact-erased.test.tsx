// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, change, field, mount, type } from './render';
import { RequestFailed } from '../../../lib/messaging/client';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { ContactEditPage } = await import('../../../entrypoints/options/pages/ContactEditPage');

const settings = {
  organisation: { legalName: 'Voorbeeld Verpakkingen B.V.', contact: '', privacyUrl: '', optOutMethod: '', dpo: '', country: 'NL', exempt2026: false },
  policy: {},
  language: 'auto',
  rep: { name: 'Sanne de Vries', email: '' },
  disclosureTemplates: [],
};

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  location.hash = '';
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string; contact?: { confirmErased?: boolean; basis?: unknown } }) => {
    if (req.type === 'assessments/list') return { items: [] };
    if (req.type === 'settings/get') return { settings };
    if (req.type === 'contacts/save') {
      // The ledger's rule: an erased person comes back only when the rep confirms it with a basis.
      if (req.contact?.confirmErased && req.contact.basis) return { id: 'c9' };
      throw new RequestFailed('erased-identity', 'This person was erased.', undefined, '2026-03-03');
    }
    throw new Error(`unexpected ${req.type}`);
  });
});

const saves = () => ask.mock.calls.map(([r]) => r).filter((r) => r.type === 'contacts/save');

async function fillNewPerson(container: Element, labels: { name: string; source: string; obtained: string }) {
  if (!container.querySelector('form')) throw new Error(`no form: ${container.textContent}`);
  type(field(container, labels.name), 'Karin Smit');
  change(field(container, labels.source), 'linkedin_manual');
  type(field(container, labels.obtained), '2026-11-02');
}

describe('adding back a person who was erased', () => {
  test('Dutch: the warning names the day of the erasure request, asks for a basis, and only then saves with confirmation', async () => {
    const { container, unmount } = mount(<ContactEditPage />, 'nl');
    await settle();
    await fillNewPerson(container, { name: 'Naam', source: 'Bron', obtained: 'Verkregen op' });
    button(container, 'Opslaan').click();
    await settle();
    expect(saves()).toHaveLength(1);
    expect(saves()[0].contact.confirmErased).toBeUndefined();
    expect(container.textContent).toContain('Deze persoon heeft op 3 maart 2026 om wissing gevraagd.');
    expect(location.hash).toBe('');

    // Without a basis the form says what is missing and sends nothing.
    button(container, 'Opnieuw toevoegen met deze grondslag').click();
    await settle();
    expect(saves()).toHaveLength(1);
    expect(container.textContent).toContain('Kies de grondslag waarmee je deze persoon opnieuw mag toevoegen.');

    change(field(container, 'Grondslag'), 'met_in_person');
    button(container, 'Opnieuw toevoegen met deze grondslag').click();
    await settle();
    expect(saves()).toHaveLength(2);
    expect(saves()[1].contact).toMatchObject({ confirmErased: true, basis: { type: 'met_in_person' } });
    expect(location.hash).toContain('c9');
    unmount();
  });

  test('English: the same warning in English, with the date written out', async () => {
    const { container, unmount } = mount(<ContactEditPage />, 'en');
    await settle();
    await fillNewPerson(container, { name: 'Name', source: 'Source', obtained: 'Obtained on' });
    button(container, 'Save').click();
    await settle();
    expect(container.textContent).toContain('This person asked to be erased on 3 March 2026.');
    expect(button(container, 'Add again with this basis')).toBeTruthy();
    unmount();
  });
});
