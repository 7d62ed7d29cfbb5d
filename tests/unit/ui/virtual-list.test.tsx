// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { scrollToReveal, visibleRange, VirtualList } from '../../../components/ui/VirtualList';
import { key, mount } from './render';

describe('visibleRange: only the rows in view (plus overscan) are rendered', () => {
  test.each([
    // scrollTop, viewport, rowHeight, count, overscan → start, end
    { scrollTop: 0, viewportHeight: 480, rowHeight: 48, count: 100_000, overscan: 0, start: 0, end: 11 },
    { scrollTop: 0, viewportHeight: 480, rowHeight: 48, count: 100_000, overscan: 5, start: 0, end: 16 },
    { scrollTop: 48 * 50_000, viewportHeight: 480, rowHeight: 48, count: 100_000, overscan: 5, start: 49_995, end: 50_016 },
    { scrollTop: 48 * 99_995, viewportHeight: 480, rowHeight: 48, count: 100_000, overscan: 5, start: 99_990, end: 100_000 },
    { scrollTop: 0, viewportHeight: 480, rowHeight: 48, count: 3, overscan: 5, start: 0, end: 3 },
    { scrollTop: 0, viewportHeight: 480, rowHeight: 48, count: 0, overscan: 5, start: 0, end: 0 },
    // scrolled past the end (list shrank after a search): still a valid window at the end
    { scrollTop: 48 * 1000, viewportHeight: 480, rowHeight: 48, count: 10, overscan: 2, start: 7, end: 10 },
  ])('scrollTop $scrollTop of $count rows → [$start, $end)', ({ start, end, ...input }) => {
    expect(visibleRange(input)).toEqual({ start, end });
  });

  test('scrollToReveal keeps a row that is in view where it is, and scrolls minimally otherwise', () => {
    expect(scrollToReveal(5, 0, 480, 48)).toBe(0);
    expect(scrollToReveal(10, 0, 480, 48)).toBe(48 * 11 - 480);
    expect(scrollToReveal(3, 48 * 10, 480, 48)).toBe(48 * 3);
  });
});

describe('VirtualList in a DOM', () => {
  test('a list of 100 000 rows puts only a screenful in the DOM, sized for the whole list', () => {
    const renderRow = vi.fn((i: number) => <span>row {i}</span>);
    const { container, unmount } = mount(<VirtualList count={100_000} rowHeight={48} height={480} label="Contacts" renderRow={renderRow} overscan={4} />);
    const rows = container.querySelectorAll('[role=option]');
    expect(rows.length).toBeLessThanOrEqual(20);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const inner = container.querySelector('.vlist > div') as HTMLElement;
    expect(inner.style.height).toBe(`${48 * 100_000}px`);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('100000');
    unmount();
  });

  test('arrow keys move the active row, End jumps to the last row, Enter opens it', () => {
    const onActivate = vi.fn();
    const { container, unmount } = mount(
      <VirtualList count={1000} rowHeight={40} height={400} label="Contacts" renderRow={(i) => <span>row {i}</span>} onActivate={onActivate} />,
    );
    const list = container.querySelector('[role=listbox]')!;
    expect(list.getAttribute('aria-activedescendant')).toBe('vrow-0');
    key(list, 'ArrowDown');
    key(list, 'ArrowDown');
    expect(list.getAttribute('aria-activedescendant')).toBe('vrow-2');
    key(list, 'Enter');
    expect(onActivate).toHaveBeenLastCalledWith(2);
    key(list, 'End');
    expect(list.getAttribute('aria-activedescendant')).toBe('vrow-999');
    // The active row was scrolled into view and rendered.
    expect(container.querySelector('#vrow-999')?.textContent).toBe('row 999');
    key(list, 'ArrowDown');
    expect(list.getAttribute('aria-activedescendant')).toBe('vrow-999');
    unmount();
  });
});
