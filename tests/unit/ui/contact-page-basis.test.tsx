// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, click, mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { ContactPage } = await import('../../../entrypoints/options/pages/ContactPage');

const page = {
  contact: {
    id: 'c1',
    name: 'Jan Jansen',
    emails: ['jan@acme.nl'],
    phones: [],
    linkedin: { vanities: [], memberIds: [], leadIds: [] },
    recipientKind: 'natural_professional',
    addresses: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  bases: [
    {
      id: 'b1',
      contactId: 'c1',
      type: 'consent',
      recordedAt: '2026-02-01T10:00:00.000Z',
      recordedBy: 'Sanne',
      evidenceIds: [],
      who: 'Jan Jansen',
      when: '2026-02-01T09:00:00.000Z',
      how: 'form',
      what: { entity: 'Acme B.V.', products: [], channels: ['email'] },
      shownText: '',
      capturedBy: 'Sanne',
    },
  ],
  evidence: [],
  provenance: [],
  events: [],
  suppressions: [],
  assessments: [],
  summary: { id: 'c1', name: 'Jan Jansen', basisTypes: ['consent'], objection: false, firstContactPending: false, art14Passed: false, updatedAt: '2026-02-01' },
};

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string }) => {
    if (req.type === 'contacts/get') return page;
    if (req.type === 'assessments/list') return { items: [] };
    if (req.type === 'bases/delete') return { deleted: true };
    throw new Error(`unexpected ${req.type}`);
  });
});

const deletes = () => ask.mock.calls.filter(([req]) => req.type === 'bases/delete');

describe('deleting a lawful basis', () => {
  test('asks first, with focus on Cancel; Cancel keeps the basis', async () => {
    const { container, unmount } = mount(<ContactPage id="c1" />);
    await settle();
    const del = container.querySelector('button[aria-label="Delete the basis “Consent”"]');
    expect(del?.textContent).toBe('Delete');
    click(del);
    expect(deletes()).toHaveLength(0);
    const dialog = container.querySelector('[role=alertdialog]');
    expect(dialog?.textContent).toContain('Delete this lawful basis?');
    expect(dialog?.textContent).toContain('“Consent” (Jan Jansen · 2026-02-01 · Web form · Acme B.V. · E-mail) will be deleted for good.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    click(button(container, 'Cancel'));
    expect(container.querySelector('[role=alertdialog]')).toBeNull();
    expect(deletes()).toHaveLength(0);
    unmount();
  });

  test('deletes only after the confirmation', async () => {
    const { container, unmount } = mount(<ContactPage id="c1" />);
    await settle();
    click(container.querySelector('button[aria-label="Delete the basis “Consent”"]'));
    click(button(container, 'Delete basis'));
    await settle();
    expect(deletes()).toEqual([[{ type: 'bases/delete', id: 'b1' }]]);
    expect(container.textContent).toContain('Basis deleted.');
    unmount();
  });

  test('the button names the basis in Dutch too', async () => {
    const { container, unmount } = mount(<ContactPage id="c1" />, 'nl');
    await settle();
    expect(container.querySelector('button[aria-label="Grondslag “Toestemming” verwijderen"]')).not.toBeNull();
    unmount();
  });
});
