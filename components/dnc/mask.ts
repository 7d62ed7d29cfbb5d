import type { DncEntry } from './DncForm';

/**
 * What the team sees of an entry: enough to recognise it, not the identifier itself (every rep can read
 * the list). Companies and domains are not personal data and stay whole.
 */
export function maskedLabel(e: Pick<DncEntry, 'by' | 'value'>): string {
  const v = e.value.trim();
  switch (e.by) {
    case 'email': {
      const at = v.lastIndexOf('@');
      return at > 0 ? `${v[0]}•••${v.slice(at)}` : '•••';
    }
    case 'phone': {
      const digits = v.replace(/\D/g, '');
      return `••• ${digits.slice(-3)}`;
    }
    case 'linkedin': {
      const slug = /\/in\/([^/?#]+)/.exec(v)?.[1] ?? '';
      return `LinkedIn ${slug.slice(0, 3)}•••`;
    }
    case 'domain':
    case 'company':
      return v;
  }
}
