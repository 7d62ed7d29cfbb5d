// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { CallCheck, type CallCheckResult } from '../../../components/popup/CallCheck';
import { LookupForm } from '../../../components/popup/Lookup';
import { TabState } from '../../../components/popup/TabState';
import { button, change, errorOf, field, mount, submit, type } from './render';

const result: CallCheckResult = {
  decision: 'block',
  findings: [
    {
      code: 'NL-TM-01',
      severity: 'block',
      title: { nl: 'Bellen zonder toestemming', en: 'Calling without consent' },
      explanation: { nl: 'Uitleg', en: 'Explanation' },
      citations: [],
      fixes: [],
    },
  ],
  label: '+31612345678',
  known: false,
  phoneE164: '+31612345678',
  line: 'mobile',
  recipientKind: 'unknown',
  sourceKnown: true,
  opening: { nl: 'Goedemiddag, u spreekt Sanne van Acme B.V.', en: 'Good afternoon, this is Sanne from Acme B.V.' },
};

describe('call check', () => {
  test('needs a phone number or a contact, and checks the number', () => {
    const onCheck = vi.fn();
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={onCheck} onSearchContacts={async () => []} onLogOutcome={() => {}} result={null} />);
    submit(container.querySelector('form'));
    expect(onCheck).not.toHaveBeenCalled();
    expect(errorOf(field(container, 'Phone number'))).toBe('Enter a phone number or pick a contact.');
    type(field(container, 'Phone number'), '12');
    submit(container.querySelector('form'));
    expect(errorOf(field(container, 'Phone number'))).toBe('Not a valid phone number');
    type(field(container, 'Phone number'), '06 12345678');
    type(field(container, 'Purpose of the call'), 'our planning software');
    submit(container.querySelector('form'));
    expect(onCheck).toHaveBeenCalledWith({ phone: '06 12345678', purpose: 'our planning software' });
    unmount();
  });

  test('shows the verdict and the opening in the page language, and logs "objected"', () => {
    const onLog = vi.fn();
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={() => {}} onSearchContacts={async () => []} onLogOutcome={onLog} result={result} outcomeLogged={null} />, 'nl');
    expect(container.querySelector('.verdict')?.getAttribute('data-decision')).toBe('block');
    expect(container.querySelector('.opening blockquote')?.textContent).toBe('Goedemiddag, u spreekt Sanne van Acme B.V.');
    expect(container.textContent).toContain('Bellen zonder toestemming');
    button(container, 'Bezwaar (niet meer bellen)').click();
    expect(onLog).toHaveBeenCalledWith('objected', '');
    unmount();
  });

  test('a contact can be picked from the search instead of a number', async () => {
    const onCheck = vi.fn();
    const { container, unmount } = mount(
      <CallCheck onInputChanged={() => {}} onCheck={onCheck} onSearchContacts={async () => [{ id: 'c1', label: 'Jan Jansen · Acme' }]} onLogOutcome={() => {}} result={null} />,
    );
    await act(async () => {
      type(field(container, 'Or pick a contact'), 'jan');
    });
    button(container, 'Jan Jansen · Acme').click();
    await act(async () => {});
    expect(container.textContent).toContain('Jan Jansen · Acme');
    submit(container.querySelector('form'));
    expect(onCheck).toHaveBeenCalledWith({ contactId: 'c1' });
    unmount();
  });
});

describe('look-up and tab state', () => {
  test('the look-up checks the identifier for its kind and picks a fitting channel', () => {
    const onLookup = vi.fn();
    const { container, unmount } = mount(<LookupForm onLookup={onLookup} />);
    change(field(container, 'Look up by'), 'linkedin');
    expect((field(container, 'Channel') as unknown as HTMLSelectElement).value).toBe('linkedin_dm');
    type(field(container, 'LinkedIn profile URL'), 'https://example.com/in/jan');
    submit(container.querySelector('form'));
    expect(onLookup).not.toHaveBeenCalled();
    type(field(container, 'LinkedIn profile URL'), 'https://www.linkedin.com/in/jan-jansen/');
    submit(container.querySelector('form'));
    expect(onLookup).toHaveBeenCalledWith({ linkedinUrl: 'https://www.linkedin.com/in/jan-jansen/', channel: 'linkedin_dm' });
    unmount();
  });

  test.each([
    [{ state: 'active', site: 'linkedin' }, 'The guard is active on linkedin.'],
    [{ state: 'inactive', site: 'gmail', detail: 'compose toolbar not found' }, 'The guard is NOT active on gmail: the page changed. Check before you send.compose toolbar not found'],
    [{ state: 'none' }, 'Nothing to guard on this page.'],
  ] as const)('tab state %o', (view, text) => {
    const { container, unmount } = mount(<TabState view={view} />);
    expect(container.textContent?.trim()).toBe(text);
    unmount();
  });
});
