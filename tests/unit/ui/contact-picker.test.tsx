// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ContactPicker, type PickOption } from '../../../components/contacts/ContactPicker';
import { CallCheck } from '../../../components/popup/CallCheck';
import { button, field, mount, type } from './render';
import { deferred } from '../guard/fake-site';

/** Lets the answers arrive and the picker re-render (several promise hops). */
async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}


describe('contact picker', () => {
  test('a failed search shows the error, never "No contact found."', async () => {
    const { container, unmount } = mount(<ContactPicker label="Person" onSearch={() => Promise.reject(new Error('database closed'))} onPick={() => {}} />);
    type(field(container, 'Person'), 'jan');
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toBe(
      'The search failed, so this does not show whether we hold anything on this person: database closed',
    );
    expect(container.textContent).not.toContain('No contact found.');
    unmount();
  });

  test('in Dutch too', async () => {
    const { container, unmount } = mount(<ContactPicker label="Persoon" onSearch={() => Promise.reject(new Error('x'))} onPick={() => {}} />, 'nl');
    type(field(container, 'Persoon'), 'jan');
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('Het zoeken is mislukt; hieruit blijkt dus niet of we iets over deze persoon hebben: x');
    unmount();
  });

  test('an empty answer still says "No contact found.", and a later good search clears the error', async () => {
    let fail = true;
    const onSearch = async (q: string): Promise<PickOption[]> => {
      if (fail) throw new Error('offline');
      return q === 'jan' ? [{ id: 'c1', label: 'Jan Jansen' }] : [];
    };
    const { container, unmount } = mount(<ContactPicker label="Person" onSearch={onSearch} onPick={() => {}} />);
    type(field(container, 'Person'), 'piet');
    await settle();
    expect(container.querySelector('[role=alert]')).not.toBeNull();
    fail = false;
    type(field(container, 'Person'), 'pietje');
    await settle();
    expect(container.querySelector('[role=alert]')).toBeNull();
    expect(container.textContent).toContain('No contact found.');
    type(field(container, 'Person'), 'jan');
    await settle();
    expect(button(container, 'Jan Jansen')).toBeTruthy();
    unmount();
  });

  test('a slow answer to an older query does not overwrite the newer one', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<PickOption[]>>>();
    const onSearch = (q: string) => {
      const d = deferred<PickOption[]>();
      answers.set(q, d);
      return d.promise;
    };
    const { container, unmount } = mount(<ContactPicker label="Person" onSearch={onSearch} onPick={() => {}} />);
    type(field(container, 'Person'), 'ja');
    type(field(container, 'Person'), 'jan');
    answers.get('jan')!.resolve([{ id: 'c2', label: 'Jan Jansen' }]);
    await settle();
    answers.get('ja')!.resolve([{ id: 'c9', label: 'Jacoba de Wit' }]);
    await settle();
    expect(container.textContent).toContain('Jan Jansen');
    expect(container.textContent).not.toContain('Jacoba de Wit');
    unmount();
  });
});

describe('while a search is under way', () => {
  test('neither "No contact found." nor an earlier failure shows until the answer to the newest query is in', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<PickOption[]>>>();
    const onSearch = (q: string) => {
      const d = deferred<PickOption[]>();
      answers.set(q, d);
      return d.promise;
    };
    const { container, unmount } = mount(<ContactPicker label="Person" onSearch={onSearch} onPick={() => {}} />);
    type(field(container, 'Person'), 'jan');
    await settle();
    expect(container.textContent).not.toContain('No contact found.');
    expect(container.textContent).toContain('Searching…');
    answers.get('jan')!.reject(new Error('no answer'));
    await settle();
    expect(container.textContent).toContain('The search failed');
    type(field(container, 'Person'), 'janssen');
    await settle();
    expect(container.textContent).not.toContain('The search failed');
    expect(container.textContent).toContain('Searching…');
    answers.get('janssen')!.resolve([]);
    await settle();
    expect(container.textContent).toContain('No contact found.');
    expect(container.textContent).not.toContain('Searching…');
    unmount();
  });

  test('picking a person stops a search still under way from reopening the list', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<PickOption[]>>>();
    const onSearch = (q: string) => {
      const d = deferred<PickOption[]>();
      answers.set(q, d);
      return d.promise;
    };
    const picked: string[] = [];
    const { container, unmount } = mount(<ContactPicker label="Person" onSearch={onSearch} onPick={(o) => picked.push(o.id)} />);
    type(field(container, 'Person'), 'jan');
    answers.get('jan')!.resolve([{ id: 'c2', label: 'Jan Jansen' }]);
    await settle();
    type(field(container, 'Person'), 'jans');
    button(container, 'Jan Jansen').click();
    answers.get('jans')!.resolve([{ id: 'c3', label: 'Jans Bakker' }]);
    await settle();
    expect(picked).toEqual(['c2']);
    expect(container.textContent).not.toContain('Jans Bakker');
    unmount();
  });
});

describe('the call check uses the shared picker', () => {
  test('a failed contact search in the call check shows the error; the field keeps its name', async () => {
    const { container, unmount } = mount(
      <CallCheck onInputChanged={() => {}} onCheck={() => {}} onSearchContacts={() => Promise.reject(new Error('no answer'))} onLogOutcome={() => {}} result={null} />,
    );
    const input = field(container, 'Or pick a contact');
    expect(input.getAttribute('name')).toBe('call-contact-search');
    type(input, 'jan');
    await settle();
    expect(container.textContent).toContain('The search failed, so this does not show whether we hold anything on this person: no answer');
    expect(container.textContent).not.toContain('No contact found.');
    unmount();
  });

  test('an older, slower search answer does not replace the newer list', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<PickOption[]>>>();
    const onSearch = vi.fn((q: string) => {
      const d = deferred<PickOption[]>();
      answers.set(q, d);
      return d.promise;
    });
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={() => {}} onSearchContacts={onSearch} onLogOutcome={() => {}} result={null} />);
    type(field(container, 'Or pick a contact'), 'ja');
    type(field(container, 'Or pick a contact'), 'jan');
    answers.get('jan')!.resolve([{ id: 'c2', label: 'Jan Jansen' }]);
    await settle();
    answers.get('ja')!.resolve([{ id: 'c9', label: 'Jacoba de Wit' }]);
    await settle();
    expect(container.textContent).toContain('Jan Jansen');
    expect(container.textContent).not.toContain('Jacoba de Wit');
    unmount();
  });
});
