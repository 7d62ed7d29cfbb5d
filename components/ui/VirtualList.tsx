import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

// A hand-rolled windowed list: only the rows in view (plus a few either side) exist in the DOM, so a list
// of 100 000 contacts renders as fast as a list of 30. Rows have one fixed height, which keeps the maths exact.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
}

/** Which rows to render: [start, end) clamped to the list. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + inView + overscan);
  return { start, end };
}

/** The scrollTop that brings row `index` fully into view, or the current one if it already is. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** viewport height in px */
  height: number;
  label: string;
  renderRow: (index: number, active: boolean) => ComponentChildren;
  onActivate?: (index: number) => void;
  overscan?: number;
  /** id prefix for aria-activedescendant */
  idPrefix?: string;
  /** told which rows are on screen, so a page can fetch them lazily */
  onRange?: (start: number, end: number) => void;
}

/** Keyboard: arrow keys, Home/End, PageUp/PageDown move the active row; Enter opens it. */
export function VirtualList({ count, rowHeight, height, label, renderRow, onActivate, overscan = 6, idPrefix = 'vrow', onRange }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);

  // A new result set (a search) starts at the top.
  useEffect(() => {
    setActive(0);
    setScrollTop(0);
    if (ref.current) ref.current.scrollTop = 0;
  }, [count]);

  const { start, end } = visibleRange({ scrollTop, viewportHeight: height, rowHeight, count, overscan });
  useEffect(() => onRange?.(start, end), [start, end, count]);

  function move(to: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    const el = ref.current;
    if (el) {
      const top = scrollToReveal(next, el.scrollTop, height, rowHeight);
      if (top !== el.scrollTop) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => count > 0 && onActivate?.(active),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  const rows: ComponentChildren[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div
        key={i}
        id={`${idPrefix}-${i}`}
        role="option"
        aria-selected={i === active}
        aria-posinset={i + 1}
        aria-setsize={count}
        class={i === active ? 'vrow vrow-active' : 'vrow'}
        style={{ position: 'absolute', top: `${i * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }}
        onClick={() => {
          setActive(i);
          onActivate?.(i);
        }}
      >
        {renderRow(i, i === active)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      class="vlist"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={count > 0 ? `${idPrefix}-${active}` : undefined}
      style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: `${count * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
