// Hash routes of the options page: the page is one document, so "back" and bookmarks work without a server.

export type Route =
  | { name: 'contacts' }
  | { name: 'contact-new'; prefill?: { name?: string; email?: string; linkedin?: string } }
  /** `addBasis`: opened from the side panel's "record a basis" — the add-basis form opens at once */
  | { name: 'contact'; id: string; addBasis?: true }
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
  | { name: 'call' }
  /** the first-run setup: opens by itself after install, and from the hold before setup is done */
  | { name: 'setup' };

export type Section = 'contacts' | 'my-list' | 'assessments' | 'dnc' | 'rights' | 'cleanup' | 'audit' | 'settings' | 'import-export' | 'team' | 'call';

export const sections: readonly Section[] = ['contacts', 'my-list', 'assessments', 'dnc', 'rights', 'cleanup', 'audit', 'import-export', 'team', 'settings', 'call'];

export function parseRoute(hash: string): Route {
  // "#/contacts/new?email=…&name=…&linkedin=…" comes from the hold dialog's "record a basis".
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id, tail] = parts;
  switch (head) {
    case 'contacts':
      if (!id) return { name: 'contacts' };
      if (id === 'new') {
        const q = new URLSearchParams(query);
        const prefill = { name: q.get('name') ?? undefined, email: q.get('email') ?? undefined, linkedin: q.get('linkedin') ?? undefined };
        return Object.values(prefill).some(Boolean) ? { name: 'contact-new', prefill } : { name: 'contact-new' };
      }
      if (tail === 'edit') return { name: 'contact-edit', id };
      return tail === 'basis' ? { name: 'contact', id, addBasis: true } : { name: 'contact', id };
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
    case 'setup':
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
    case 'setup':
      return 'settings';
    default:
      return route.name;
  }
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}
