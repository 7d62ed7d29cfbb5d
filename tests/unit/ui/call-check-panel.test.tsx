// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, field, mount, submit, type } from './render';

// The panel talks to the background through the pages' api module; here that is a mock.
const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { CallCheckPanel } = await import('../../../entrypoints/options/app/CallCheckPanel');

const verdictFor = (phoneE164: string) => ({
  decision: 'warn',
  findings: [],
  label: phoneE164,
  known: false,
  phoneE164,
  opening: { nl: 'Goedemiddag', en: 'Good afternoon' },
});

/** Lets the mocked background answer and the page re-render (several promise hops). */
async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  ask.mockReset();
});

describe('call check panel', () => {
  test('a failed re-check clears the previous verdict, so "objected" cannot be logged against the old number', async () => {
    ask.mockImplementation(async (req: { type: string; phone?: string }) => {
      if (req.type === 'call/check' && req.phone === '0612345678') return verdictFor('+31612345678');
      if (req.type === 'call/check') throw new Error('the background did not answer');
      throw new Error(`unexpected ${req.type}`);
    });
    const { container, unmount } = mount(<CallCheckPanel />);
    type(field(container, 'Phone number'), '0612345678');
    submit(container.querySelector('form'));
    await settle();
    expect(container.querySelector('.verdict')).not.toBeNull();
    expect(button(container, 'Objected (do not call again)')).toBeTruthy();

    type(field(container, 'Phone number'), '0687654321');
    submit(container.querySelector('form'));
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toContain('the background did not answer');
    expect(container.querySelector('.verdict')).toBeNull();
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'Objected (do not call again)')).toBe(false);
    expect(ask.mock.calls.some(([req]) => req.type === 'call/log-outcome')).toBe(false);
    unmount();
  });

  test('a failed contact search shows the error instead of "No contact found."', async () => {
    ask.mockRejectedValue(new Error('database closed'));
    const { container, unmount } = mount(<CallCheckPanel />);
    type(field(container, 'Or pick a contact'), 'jan');
    await settle();
    expect(container.textContent).toContain('database closed');
    expect(container.textContent).not.toContain('No contact found.');
    unmount();
  });
});
