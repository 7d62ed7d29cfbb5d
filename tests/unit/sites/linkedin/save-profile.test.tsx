// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SaveProfile, type SaveProfileProps } from '@/components/save-profile/SaveProfile';
import { saveProfileProps } from '@/lib/sites/linkedin/save-profile';
import { readProfile } from '@/lib/sites/linkedin/profile';
import type { GuardAsk } from '@/lib/guard/ask';
import { fixtureUrls, loadFixture } from './fixtures';

// The "Save to my list" control: what the rep sees and what reaches the background.

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

async function show(props: Partial<SaveProfileProps>) {
  const all: SaveProfileProps = {
    lang: 'en',
    person: { name: 'Dana Whitfield', headline: 'Head of Procurement', restrictedVisibility: false },
    loadStatus: async () => ({ saved: false, assessments: [{ id: 'lia-1', title: 'Procurement leads NL' }] }),
    onSave: async () => undefined,
    ...props,
  };
  await act(() => render(<SaveProfile {...all} />, host));
  await flush();
}

const $ = <T extends Element = HTMLElement>(s: string) => host.querySelector<T>(s);

async function clickOn(s: string) {
  const el = $(s);
  if (!el) throw new Error(`no ${s} in: ${host.innerHTML}`);
  await act(() => (el as HTMLElement).click());
}

describe('SaveProfile', () => {
  test('legitimate interest needs an assessment; then Save sends kind, assessment and note', async () => {
    const onSave = vi.fn(async () => undefined);
    await show({ onSave });
    await clickOn('[data-action="open-save"]');
    expect(host.ownerDocument.activeElement).toBe($('input[data-basis="legitimate_interest"]'));
    await clickOn('input[data-basis="legitimate_interest"]');
    expect($<HTMLButtonElement>('[data-action="save"]')!.disabled).toBe(true);
    const select = $<HTMLSelectElement>('select[data-field="assessment"]')!;
    await act(() => {
      select.value = 'lia-1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const note = $<HTMLTextAreaElement>('textarea[data-field="note"]')!;
    await act(() => {
      note.value = ' met at the fair ';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($<HTMLButtonElement>('[data-action="save"]')!.disabled).toBe(false);
    await clickOn('[data-action="save"]');
    await flush();
    expect(onSave).toHaveBeenCalledWith({ kind: 'legitimate_interest', assessmentId: 'lia-1', note: 'met at the fair' });
    expect($('[data-field="message"]')!.textContent).toBe('Saved to your list.');
  });

  test('consent needs no assessment', async () => {
    const onSave = vi.fn(async () => undefined);
    await show({ onSave });
    await clickOn('[data-action="open-save"]');
    await clickOn('input[data-basis="consent"]');
    await clickOn('[data-action="save"]');
    await flush();
    expect(onSave).toHaveBeenCalledWith({ kind: 'consent', note: '' });
  });

  test('no assessments yet: legitimate interest explains and cannot be saved', async () => {
    await show({ loadStatus: async () => ({ saved: false, assessments: [] }) });
    await clickOn('[data-action="open-save"]');
    await clickOn('input[data-basis="legitimate_interest"]');
    expect($('[data-field="no-assessments"]')).not.toBeNull();
    expect($<HTMLButtonElement>('[data-action="save"]')!.disabled).toBe(true);
  });

  test('a restricted profile is refused: explanation, no control, no background call', async () => {
    const loadStatus = vi.fn();
    await show({ person: { name: 'LinkedIn Member', restrictedVisibility: true }, loadStatus });
    expect(host.textContent).toContain('This profile limits who may see it');
    expect($('[data-action="open-save"]')).toBeNull();
    expect(loadStatus).not.toHaveBeenCalled();
  });

  test('markup in the name and headline is shown as text', async () => {
    await show({ person: { name: '<img src=x onerror=alert(1)>Mallory', headline: '<script>x()</script>', restrictedVisibility: false } });
    expect($('img')).toBeNull();
    expect($('script')).toBeNull();
    expect($('[data-field="name"]')!.textContent).toBe('<img src=x onerror=alert(1)>Mallory');
  });

  test('a profile without a name, in Dutch', async () => {
    await show({ lang: 'nl', person: { name: '', restrictedVisibility: false } });
    expect($('[data-field="name"]')!.textContent).toBe('(naam niet zichtbaar)');
    expect($('[data-action="open-save"]')!.textContent).toBe('Opslaan in mijn lijst');
  });

  test('already saved: says so, no Save control', async () => {
    await show({ loadStatus: async () => ({ saved: true, assessments: [] }) });
    expect(host.textContent).toContain('Already in your list.');
    expect($('[data-action="open-save"]')).toBeNull();
  });

  test('Escape cancels and returns focus to the opener; a failed save keeps the form with the reason', async () => {
    await show({ onSave: async () => { throw new Error('background asleep'); } });
    await clickOn('[data-action="open-save"]');
    await act(() => {
      $('form')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await flush();
    expect($('form')).toBeNull();
    expect(host.ownerDocument.activeElement).toBe($('[data-action="open-save"]'));
    await clickOn('[data-action="open-save"]');
    await clickOn('input[data-basis="customer"]');
    await clickOn('[data-action="save"]');
    await flush();
    expect($('form')).not.toBeNull();
    expect($('[data-field="message"]')!.textContent).toBe('Could not save: background asleep');
  });

  test('status check failing is visible and still lets the rep try', async () => {
    await show({ loadStatus: async () => { throw new Error('unreachable'); } });
    expect(host.textContent).toContain('could not check');
    expect($('[data-action="open-save"]')).not.toBeNull();
  });
});

describe('saveProfileProps (wiring to the background)', () => {
  function fakeAsk() {
    const sent: unknown[] = [];
    const ask = (async (request: { type: string }) => {
      sent.push(request);
      if (request.type === 'profile/status') return { saved: false, assessments: [{ id: 'a', title: 'A' }] };
      if (request.type === 'profile/save') return { contactId: 'c1' };
      throw new Error(`unexpected ${request.type}`);
    }) as unknown as GuardAsk;
    return { ask, sent };
  }

  test('profile/status asks by LinkedIn ids; profile/save sends minimal fields and the basis', async () => {
    const { document } = loadFixture('profile-invite-note.html');
    const data = readProfile(document, new URL(fixtureUrls['profile-invite-note.html']!));
    const { ask, sent } = fakeAsk();
    const props = saveProfileProps(data, undefined, ask, 'en');
    await props.loadStatus();
    await props.onSave({ kind: 'customer', note: 'invoice 2025-114' });
    expect(sent).toEqual([
      { type: 'profile/status', linkedin: data!.linkedin },
      {
        type: 'profile/save',
        profile: {
          name: 'Dana Whitfield',
          headline: 'Head of Procurement at Northwind Traders | Supply-chain analytics',
          company: 'Northwind Traders',
          profileUrl: 'https://www.linkedin.com/in/dana-whitfield-4b1a27/',
          linkedin: data!.linkedin,
          restrictedVisibility: false,
        },
        basis: { kind: 'customer', note: 'invoice 2025-114' },
      },
    ]);
  });

  test('a restricted profile is never sent, even past the UI', async () => {
    const { document } = loadFixture('profile-restricted.html');
    const data = readProfile(document, new URL(fixtureUrls['profile-restricted.html']!));
    const { ask, sent } = fakeAsk();
    await expect(saveProfileProps(data, undefined, ask, 'en').onSave({ kind: 'consent', note: '' })).rejects.toThrow(/restricted/);
    expect(sent).toEqual([]);
  });
});
