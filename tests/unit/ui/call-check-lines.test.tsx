// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { CallCheck, type CallCheckResult } from '../../../components/popup/CallCheck';
import { button, field, mount, submit, type } from './render';

const block = (code: string) => ({ code, severity: 'block' as const, title: { nl: `${code} nl`, en: `${code} en` }, explanation: { nl: '', en: '' }, citations: [], fixes: [] });

const landline: CallCheckResult = {
  decision: 'block',
  findings: [block('NL-TM-01'), block('GD-01')],
  label: '+31201234567',
  known: false,
  phoneE164: '+31201234567',
  line: 'landline',
  recipientKind: 'unknown',
  sourceKnown: false,
  opening: { nl: 'Goedemiddag, u spreekt Piet van Acme B.V. Uw nummer heb ik van [zeg waar u dit nummer vandaan hebt].', en: 'Good afternoon.' },
};

describe('call check: who answers an unknown landline', () => {
  test.each(['nl', 'en'] as const)('an unknown landline is not "not allowed": the page asks who answers (%s)', (lang) => {
    const onCheck = vi.fn();
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={onCheck} onSearchContacts={async () => []} onLogOutcome={() => {}} result={null} />, lang);
    type(field(container, lang === 'nl' ? 'Telefoonnummer' : 'Phone number'), '020 123 4567');
    submit(container.querySelector('form'));
    unmount();
    const shown = mount(<CallCheck onInputChanged={() => {}} onCheck={onCheck} onSearchContacts={async () => []} onLogOutcome={() => {}} result={landline} />, lang);
    expect(shown.container.querySelector('[data-decision="block"]')).toBeNull();
    expect(shown.container.querySelector('[data-testid="call-who"]')?.textContent).toContain(lang === 'nl' ? 'Hangt af van wie opneemt' : 'Depends on who answers');
    expect(shown.container.textContent).not.toContain(lang === 'nl' ? 'Niet toegestaan' : 'Not allowed');
    shown.unmount();
  });

  test("the rep's answer checks the same number again with it", async () => {
    const onCheck = vi.fn();
    function Page() {
      const [result, setResult] = useState<CallCheckResult | null>(null);
      return (
        <CallCheck
          onInputChanged={() => setResult(null)}
          onCheck={(input) => {
            onCheck(input);
            setResult(landline);
          }}
          onSearchContacts={async () => []}
          onLogOutcome={() => {}}
          result={result}
        />
      );
    }
    const { container, unmount } = mount(<Page />);
    type(field(container, 'Phone number'), '020 123 4567');
    submit(container.querySelector('form'));
    await act(async () => {});
    expect(onCheck).toHaveBeenLastCalledWith({ phone: '020 123 4567' });
    button(container, 'A legal person’s switchboard or company line').click();
    expect(onCheck).toHaveBeenLastCalledWith({ phone: '020 123 4567', answeredBy: 'legal_person' });
    unmount();
  });

  test('a mobile number of an unknown person keeps the verdict and says why', () => {
    const mobile = { ...landline, line: 'mobile' as const, phoneE164: '+31612345678' };
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={() => {}} onSearchContacts={async () => []} onLogOutcome={() => {}} result={mobile} />, 'nl');
    expect(container.querySelector('[data-decision="block"]')).not.toBeNull();
    expect(container.textContent).toContain('Dit is een mobiel nummer: dat hoort bij een persoon');
    unmount();
  });

  test('an unknown source is named as unknown, and the rep is asked to say it', () => {
    const { container, unmount } = mount(<CallCheck onInputChanged={() => {}} onCheck={() => {}} onSearchContacts={async () => []} onLogOutcome={() => {}} result={landline} />, 'nl');
    expect(container.querySelector('[data-testid="call-source-unknown"]')?.textContent).toContain('Je register weet niet waar dit nummer vandaan komt');
    expect(container.querySelector('.opening blockquote')?.textContent).not.toContain('openbare bron');
    unmount();
  });

  test('changing the number, or an invalid one, tells the page to drop the verdict on screen', () => {
    const onInputChanged = vi.fn();
    const onCheck = vi.fn();
    const { container, unmount } = mount(<CallCheck onInputChanged={onInputChanged} onCheck={onCheck} onSearchContacts={async () => []} onLogOutcome={() => {}} result={landline} />);
    type(field(container, 'Phone number'), '020 123 45');
    expect(onInputChanged).toHaveBeenCalledTimes(1);
    type(field(container, 'Phone number'), '12');
    submit(container.querySelector('form'));
    expect(onCheck).not.toHaveBeenCalled();
    expect(onInputChanged.mock.calls.length).toBeGreaterThanOrEqual(3);
    unmount();
  });
});
