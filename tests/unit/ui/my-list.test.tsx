// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, mount } from './render';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../entrypoints/options/app/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../entrypoints/options/app/api')>()),
  ask,
}));
const { MyListPage } = await import('../../../entrypoints/options/pages/MyListPage');

const saved = (i: number) => ({ id: `c${i}`, name: `Persoon ${i}`, savedAt: '2026-03-01T10:00:00.000Z', basisTypes: ['consent'], restrictedVisibility: false });

describe('My list', () => {
  test('a double click on "load more" adds the next page once', async () => {
    let answer: (v: unknown) => void = () => undefined;
    ask.mockImplementation(async (req: { offset: number }) =>
      req.offset === 0 ? { total: 60, items: Array.from({ length: 50 }, (_, i) => saved(i)) } : new Promise((r) => (answer = r)),
    );
    const { container, unmount } = mount(<MyListPage />);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const more = button(container, 'Load more');
    await act(async () => {
      more.click();
      more.click();
    });
    await act(async () => {
      answer({ total: 60, items: Array.from({ length: 10 }, (_, i) => saved(50 + i)) });
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(60);
    expect(ask.mock.calls.filter(([r]) => (r as { offset: number }).offset === 50)).toHaveLength(1);
    unmount();
  });
});
