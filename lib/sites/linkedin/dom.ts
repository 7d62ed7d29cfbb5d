import { AdapterError } from '../../guard/adapter';
import { describe, selectors, type SelectorList } from './selectors';
import { queryFirst } from '../shared/dom';

// Small DOM helpers shared by the LinkedIn adapter and the profile reader.

/** First match of a named selector list inside scope, or an AdapterError naming the list (fail loudly). */
export function requireIn(scope: ParentNode, name: SelectorList, what: string): Element {
  const list = selectors[name] as readonly string[];
  const found = queryFirst(scope, list);
  if (!found) throw new AdapterError('linkedin', what, describe(list));
  return found;
}

/** Text with collapsed whitespace (LinkedIn pads names with newlines and &nbsp;). */
export function cleanText(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Plain text of LinkedIn's contenteditable: one <p> per line, <br> a line break, empty = "<p><br></p>" → "".
 * Works the same in jsdom (no innerText there) and in browsers.
 */
export function editorText(editor: Element): string {
  const lines: string[] = [];
  const blockOf = (node: Node) => node.nodeType === 1 && /^(P|DIV)$/.test((node as Element).tagName);
  const inline = (node: Node): string => {
    if (node.nodeType === 3) return (node.textContent ?? '').replace(/\u00a0/g, ' ');
    if (node.nodeType !== 1) return '';
    if ((node as Element).tagName === 'BR') return '\n';
    let out = '';
    for (const child of node.childNodes) out += inline(child);
    return out;
  };
  let pending = '';
  for (const node of editor.childNodes) {
    if (blockOf(node)) {
      if (pending) lines.push(pending);
      pending = '';
      // a single trailing <br> only keeps an empty line open; it is not a line break of its own
      lines.push(inline(node).replace(/\n$/, ''));
    } else pending += inline(node);
  }
  if (pending) lines.push(pending);
  const text = lines.join('\n');
  return text.trim() === '' ? '' : text.replace(/\s+$/, '');
}

/** Is el rendered? jsdom has no layout, so walk up for hidden/display:none (both engines agree on that). */
export function isShown(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement ?? hostOf(e)) {
    if ((e as HTMLElement).hidden) return false;
    const style = view?.getComputedStyle(e);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

/**
 * The URLs that can name the person on this page: the frame's own URL and, in the /preload/ iframe, the
 * top page's (same origin, so readable; a cross-origin parent throws and is skipped).
 */
export function pageUrlsOf(node: Node): URL[] {
  const view = (node.ownerDocument ?? (node as Document)).defaultView;
  const urls: URL[] = [];
  if (!view) return urls;
  try {
    urls.push(new URL(view.location.href));
  } catch {
    // about:blank and similar: no URL to read
  }
  try {
    if (view.top && view.top !== view) urls.push(new URL(view.top.location.href));
  } catch {
    // a cross-origin top frame cannot be read; the frame's own URL is all we have
  }
  return urls;
}

/** The documents worth searching for a profile top card: this one and, from the /preload/ iframe, the top one. */
export function documentsOf(node: Node): Document[] {
  const doc = node.ownerDocument ?? (node as Document);
  const docs = [doc];
  try {
    const top = doc.defaultView?.top?.document;
    if (top && top !== doc) docs.push(top);
  } catch {
    // cross-origin top: not ours to read
  }
  return docs;
}

/** The element an event really started at, across shadow roots (retargeting hides it from event.target). */
export function originOf(event: Event): Element | null {
  const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
  for (const node of path) if (node && (node as Node).nodeType === 1) return node as Element;
  return event.target && (event.target as Node).nodeType === 1 ? (event.target as Element) : null;
}
