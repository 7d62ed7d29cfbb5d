import { watchChanges } from '../../guard/observe';

// DOM helpers both webmail adapters share: reading an editor's text, inserting text so the site's editor
// keeps it, clicking like a user, waiting for the page to change. Nothing here knows a site's markup.

/** zero-width characters editors leave around chips and at line ends */
export const INVISIBLE = /\u200b|\u200c|\u200d|\ufeff/g;

const BLOCK = new Set([
  'ADDRESS', 'BLOCKQUOTE', 'DIV', 'DL', 'DT', 'DD', 'FIELDSET', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The text a reader sees, with line breaks for blocks and <br>. jsdom has no innerText, so we walk. */
export function visibleTextOf(el: Element): string {
  let out = '';
  const newline = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (SKIP.has(e.tagName)) return;
    if (e.tagName === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(e.tagName);
    if (block) newline();
    for (const child of Array.from(e.childNodes)) walk(child);
    if (block) newline();
  };
  for (const child of Array.from(el.childNodes)) walk(child);
  return out
    .replace(INVISIBLE, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The direct child of `container` that holds `node` (or null when node is not inside). */
export function topLevelChild(container: Element, node: Node): Node | null {
  let cur: Node | null = node;
  while (cur && cur.parentNode !== container) cur = cur.parentNode;
  return cur;
}

/** The first element in document order of those matched by any selector, inside `scope`. */
export function firstInOrder(scope: Element, selectors: readonly string[]): Element | null {
  let best: Element | null = null;
  for (const s of selectors) {
    const found = scope.querySelector(s);
    // keep `found` when `best` follows it in the document (bit 4 = DOCUMENT_POSITION_FOLLOWING)
    if (found && (!best || found.compareDocumentPosition(best) & 4)) best = found;
  }
  return best;
}

/** The first match of the first selector (in list order) that matches. */
export function queryFirst<T extends Element = Element>(scope: ParentNode, selectors: readonly string[]): T | null {
  for (const s of selectors) {
    const found = scope.querySelector<T>(s);
    if (found) return found;
  }
  return null;
}

/** All matches of all selectors, in document order within each selector, without duplicates. */
export function queryAll<T extends Element = Element>(scope: ParentNode, selectors: readonly string[]): T[] {
  const seen = new Set<T>();
  for (const s of selectors) for (const el of scope.querySelectorAll<T>(s)) seen.add(el);
  return [...seen];
}

/** Does `el` (or an ancestor up to `stop`) match one of the selectors? Returns that element. */
export function closestOf(el: Element | null, selectors: readonly string[], stop?: Element): Element | null {
  if (!el) return null;
  for (const s of selectors) {
    const found = el.closest(s);
    if (found && (!stop || stop.contains(found))) return found;
  }
  return null;
}

/**
 * Insert `text` as its own paragraph into a contenteditable body, before the top-level block that holds
 * `anchor` (signature or quoted text), or at the end when there is none. The browser's editing command is
 * used first because it fires beforeinput/input the way typing does, so Gmail saves the draft and roosterjs
 * updates its model; an explicit input event follows (Gmail's autosave listens for it). Without
 * execCommand (jsdom, or when the command is refused) the paragraph is built by hand.
 */
export function insertParagraph(body: HTMLElement, text: string, anchor: Element | null, paragraphClass?: string): void {
  const doc = body.ownerDocument;
  const win = doc.defaultView;
  const before = anchor ? topLevelChild(body, anchor) : null;
  const para = doc.createElement('div');
  if (paragraphClass) para.className = paragraphClass;
  para.appendChild(doc.createElement('br'));
  const spacer = doc.createElement('div');
  if (paragraphClass) spacer.className = paragraphClass;
  spacer.appendChild(doc.createElement('br'));
  body.insertBefore(para, before);
  body.insertBefore(spacer, before);

  body.focus();
  const sel = win?.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(para);
  range.collapse(true);
  sel?.removeAllRanges();
  sel?.addRange(range);

  let done = false;
  if (typeof doc.execCommand === 'function') {
    try {
      done = doc.execCommand('insertText', false, text);
    } catch {
      done = false;
    }
  }
  const landed = done && (body.textContent ?? '').includes(text.split('\n')[0] ?? text);
  if (!landed) {
    // No editing command here (jsdom) or it was refused: write the paragraph ourselves, line by line.
    if (!body.contains(para)) body.insertBefore(para, body.contains(spacer) ? spacer : before);
    para.textContent = '';
    text.split('\n').forEach((line, i) => {
      if (i > 0) para.appendChild(doc.createElement('br'));
      para.appendChild(doc.createTextNode(line));
    });
  }
  const InputEv = win?.InputEvent ?? InputEvent;
  body.dispatchEvent(new InputEv('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** A user-like click: pointer and mouse down/up, then click (Gmail's buttons act on mouseup). */
export function simulateClick(el: Element): void {
  const win = el.ownerDocument.defaultView;
  if (!win) return;
  const init = { bubbles: true, cancelable: true, composed: true, view: win, button: 0 };
  const Pointer = (win as unknown as { PointerEvent?: typeof PointerEvent }).PointerEvent;
  if (Pointer) el.dispatchEvent(new Pointer('pointerdown', init));
  el.dispatchEvent(new win.MouseEvent('mousedown', init));
  if (Pointer) el.dispatchEvent(new Pointer('pointerup', init));
  el.dispatchEvent(new win.MouseEvent('mouseup', init));
  el.dispatchEvent(new win.MouseEvent('click', init));
}

/**
 * Resolve true as soon as `check()` holds (checked now and after each DOM change, through the guard's one
 * observer primitive), false after `timeoutMs` or when `signal` aborts. Nothing outlives the promise.
 */
export function waitUntil(doc: Document, check: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    if (check()) return resolve(true);
    // the page's own AbortController: listeners in another realm (jsdom, frames) reject a foreign signal
    const watching = new (doc.defaultView?.AbortController ?? AbortController)();
    const finish = (value: boolean) => {
      if (watching.signal.aborted) return;
      watching.abort();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(check()), timeoutMs);
    watchChanges(doc.documentElement, () => {
      if (check()) finish(true);
    }, watching.signal);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** An address as a mail client would accept it: one @, no spaces, a dotted domain. Unicode (IDN) allowed. */
export function looksLikeAddress(s: string): boolean {
  // 254: the longest address SMTP carries (RFC 5321 path limit)
  return s.length <= 254 && /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\.]+(\.[^\s@<>(),;:"[\]\\.]+)+$/u.test(s);
}

/** Pull the address out of "Name <addr>", "addr", "mailto:addr" or a label that contains one. */
export function addressIn(text: string): string | null {
  const t = text.replace(INVISIBLE, '').trim();
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(t);
  if (angle?.[1]) return angle[1];
  const bare = t.replace(/^mailto:/i, '');
  if (!bare.includes(' ') && bare.includes('@')) return bare;
  const inside = /[^\s<>(),;:"'[\]]+@[^\s<>(),;:"'[\]]+/u.exec(t);
  return inside ? inside[0].replace(/[.]+$/, '') : null;
}

/** A typed entry as mail clients accept it: a bare address or "Name <addr>"; anything else is not one. */
export function addressOfEntry(entry: string): string | null {
  const t = entry.replace(INVISIBLE, '').trim();
  const angle = /^(?:"[^"]*"\s*|[^<>"]*)<([^<>\s]+)>$/.exec(t);
  const candidate = angle ? angle[1]! : t.replace(/^mailto:/i, '');
  return looksLikeAddress(candidate) ? candidate : null;
}

/** Keys and labels travel in messages whose schema caps them at 500 characters (PageRecipient). */
export const cap = (s: string, max = 500): string => (s.length > max ? s.slice(0, max) : s);

/** Split what a user typed in a recipient box into entries ("a@x.nl, b@y.nl; "Boer, K" <k@z.nl>"). */
export function splitTyped(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value.replace(INVISIBLE, '')) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';' || ch === '\n')) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Remove `node` and everything after it (in document order) inside `container`: quoted history. */
export function cutFrom(container: Element, node: Node): void {
  let cur: Node | null = node;
  while (cur && cur !== container) {
    while (cur.nextSibling) cur.nextSibling.remove();
    const parent: Node | null = cur.parentNode;
    if (cur === node) (cur as ChildNode).remove();
    cur = parent;
  }
}

export function isElement(x: unknown): x is Element {
  return typeof x === 'object' && x !== null && (x as Node).nodeType === 1;
}

/** The element an event really started on (inside open shadow roots too). */
export function eventTarget(event: Event): Element | null {
  const first = event.composedPath?.()[0] ?? event.target;
  if (isElement(first)) return first;
  const t = event.target as Node | null;
  return t && t.nodeType === 3 ? t.parentElement : isElement(t) ? t : null;
}
