import { vi } from 'vitest';

// WXT's "wxt:locationchange" is dispatched on window under a name unique to the extension and entrypoint.
// jsdom has no Navigation API, so tests fire it themselves, the way WXT's Navigation-API watcher does:
// with a newUrl, while location.href is still the previous page.

/**
 * Call before the code under test registers its listener; `fire` then dispatches the event it listens to
 * (without a URL: the bare event name, as a page script could fire it).
 */
export function captureLocationChange(): { fire(newUrl?: string): void; restore(): void } {
  const names = new Set<string>();
  const original = window.addEventListener.bind(window);
  const spy = vi.spyOn(window, 'addEventListener').mockImplementation((type: string, ...rest: unknown[]) => {
    if (type.endsWith(':wxt:locationchange')) names.add(type);
    return (original as (type: string, ...rest: unknown[]) => void)(type, ...rest);
  });
  return {
    fire(newUrl?: string) {
      if (names.size === 0) throw new Error('nothing listens to wxt:locationchange yet');
      for (const name of names) {
        const event = new Event(name);
        window.dispatchEvent(newUrl ? Object.assign(event, { newUrl: new URL(newUrl), oldUrl: new URL(location.href) }) : event);
      }
    },
    restore: () => spy.mockRestore(),
  };
}
