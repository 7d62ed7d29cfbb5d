import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading, Notice } from '@/components/ui/basics';

/**
 * A screen loaded on first use: the contacts list (the first screen) does not wait for the code of the
 * other screens, e.g. the rules engine the settings page needs for its template check.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPage(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | undefined>();
    useEffect(() => {
      if (Component) return;
      load().then(
        (c) => {
          loaded = c;
          setComponent(() => c);
        },
        (e: Error) => setError(e.message),
      );
    }, []);
    if (error) return <Notice kind="error">{error}</Notice>;
    return Component ? <Component {...props} /> : <Loading />;
  };
}
