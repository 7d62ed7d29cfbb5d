// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, change, click, field, mount, type } from './render';

// The contact page's basis form: pre-filled from Settings, and the evidence typed in with a new consent is
// stored linked to that consent (EV-01 clears), in one step for the rep.

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { ContactPage } = await import('../../../entrypoints/options/pages/ContactPage');

const page = {
  contact: {
    id: 'c1',
    name: 'Karin Smit',
    emails: ['karin@klant.nl'],
    phones: [],
    linkedin: { vanities: [], memberIds: [], leadIds: [] },
    recipientKind: 'natural_professional',
    addresses: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  bases: [],
  evidence: [],
  provenance: [],
  events: [],
  suppressions: [],
  assessments: [],
  summary: { id: 'c1', name: 'Karin Smit', basisTypes: [], objection: false, firstContactPending: true, art14Passed: false, updatedAt: '2026-02-01' },
};
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

let failEvidence = false;
beforeEach(() => {
  failEvidence = false;
  ask.mockReset();
  ask.mockImplementation(async (req: { type: string; basis?: { id: string } }) => {
    if (req.type === 'contacts/get') return page;
    if (req.type === 'assessments/list') return { items: [] };
    if (req.type === 'settings/get') return { settings };
    if (req.type === 'bases/save') return { id: req.basis!.id };
    if (req.type === 'evidence/add-note') {
      if (failEvidence) throw new Error('The database is full.');
      return { id: 'e1' };
    }
    throw new Error(`unexpected ${req.type}`);
  });
});

const calls = (type: string) => ask.mock.calls.map(([r]) => r).filter((r) => r.type === type);

describe('recording a basis on the contact page', () => {
  test('a consent is pre-filled from Settings and the person, and its evidence note is linked to it', async () => {
    const { container, unmount } = mount(<ContactPage id="c1" />);
    await settle();
    expect(field(container, 'Who gave consent').value).toBe('Karin Smit');
    expect(field(container, 'For which legal entity').value).toBe('Voorbeeld Verpakkingen B.V.');
    expect(field(container, 'Recorded by').value).toBe('Sanne de Vries');
    type(field(container, 'Evidence note'), 'Karin vinkte het vakje aan op het beursformulier.');
    click(button(container, 'Add basis'));
    await settle();
    const [save] = calls('bases/save');
    expect(save.basis).toMatchObject({ type: 'consent', who: 'Karin Smit', what: { entity: 'Voorbeeld Verpakkingen B.V.' }, capturedBy: 'Sanne de Vries' });
    const [note] = calls('evidence/add-note');
    expect(note).toMatchObject({ contactId: 'c1', basisId: save.basis.id, text: 'Karin vinkte het vakje aan op het beursformulier.' });
    expect(container.textContent).toContain('Basis recorded.');
    unmount();
  });

  test('evidence that could not be stored is said, in Dutch too, and the basis stays saved', async () => {
    failEvidence = true;
    const { container, unmount } = mount(<ContactPage id="c1" />, 'nl');
    await settle();
    change(field(container, 'Grondslag'), 'met_in_person');
    type(field(container, 'Notitie als bewijs'), 'Gesprek op de beurs.');
    click(button(container, 'Grondslag toevoegen'));
    await settle();
    expect(calls('bases/save')[0].basis).toMatchObject({ type: 'met_in_person', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(container.textContent).toContain('De grondslag is vastgelegd, maar het bewijs niet: The database is full.');
    unmount();
  });
});
