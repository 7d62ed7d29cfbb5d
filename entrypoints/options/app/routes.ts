// Hash routes of the options page: the page is one document, so "back" and bookmarks work without a server.

export type Route =
  | { name: 'contacts' }
  | { name: 'contact-new' }
  | { name: 'contact'; id: string }
  | { name: 'contact-edit'; id: string }
  | { name: 'my-list' }
  | { name: 'assessments' }
  | { name: 'assessment-new' }
  | { name: 'assessment'; id: string }
  | { name: 'dnc' }
  | { name: 'rights'; id?: string }
  | { name: 'cleanup' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'import-export' }
  | { name: 'team' }
  | { name: 'call' };

export type Section = 'contacts' | 'my-list' | 'assessments' | 'dnc' | 'rights' | 'cleanup' | 'audit' | 'settings' | 'import-export' | 'team' | 'call';

export const sections: readonly Section[] = ['contacts', 'my-list', 'assessments', 'dnc', 'rights', 'cleanup', 'audit', 'import-export', 'team', 'settings', 'call'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, tail] = parts;
  switch (head) {
    case 'contacts':
      if (!id) return { name: 'contacts' };
      if (id === 'new') return { name: 'contact-new' };
      return tail === 'edit' ? { name: 'contact-edit', id } : { name: 'contact', id };
    case 'assessments':
      if (!id) return { name: 'assessments' };
      return id === 'new' ? { name: 'assessment-new' } : { name: 'assessment', id };
    case 'rights':
      return id ? { name: 'rights', id } : { name: 'rights' };
    case 'my-list':
    case 'dnc':
    case 'cleanup':
    case 'audit':
    case 'settings':
    case 'import-export':
    case 'team':
    case 'call':
      return { name: head };
    default:
      return { name: 'contacts' };
  }
}

export function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'contact':
    case 'contact-new':
    case 'contact-edit':
      return 'contacts';
    case 'assessment':
    case 'assessment-new':
      return 'assessments';
    default:
      return route.name;
  }
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}
