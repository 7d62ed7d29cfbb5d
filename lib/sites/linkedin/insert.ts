import { AdapterError } from '../../guard/adapter';
import { editorText } from './dom';

// The one text-insertion helper (issue #4): LinkedIn's editor only registers text typed through the
// browser's editing commands; Sales Navigator's React textarea only through the native value setter.

/** Puts the caret at the very end of the draft (inside its last line, so no stray empty line is added). */
function caretToEnd(editor: HTMLElement): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(editor.lastElementChild ?? editor);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

function exec(doc: Document, command: string, value?: string): boolean {
  // Not every engine has execCommand (jsdom); a missing one is a failed command, handled by the fallback
  const run = (doc as Document & { execCommand?: Document['execCommand'] }).execCommand;
  if (typeof run !== 'function') return false;
  return run.call(doc, command, false, value);
}

/**
 * Appends text at the end of a LinkedIn contenteditable, after a blank line when the draft is not empty.
 * Line by line with insertParagraph, because Firefox turns "\n" inside insertText into <br> (Briskine).
 * Throws when the text did not land, so the guard never reports a disclosure that is not there.
 */
export function insertIntoEditor(editor: HTMLElement, text: string): void {
  const doc = editor.ownerDocument;
  const before = editorText(editor);
  const lines = text.split('\n');
  editor.focus();
  caretToEnd(editor);
  let ok = true;
  if (before !== '') ok = exec(doc, 'insertParagraph') && exec(doc, 'insertParagraph');
  lines.forEach((line, i) => {
    if (!ok) return;
    if (i > 0) ok = exec(doc, 'insertParagraph');
    if (ok && line) ok = exec(doc, 'insertText', line);
  });
  if (!ok || !editorText(editor).endsWith(lines.filter(Boolean).at(-1) ?? '')) {
    // Fallback: restore the draft as it was and write the lines as LinkedIn's own <p> structure
    setEditorParagraphs(editor, before === '' ? lines : [...before.split('\n'), '', ...lines]);
  }
  editor.dispatchEvent(new (doc.defaultView?.InputEvent ?? InputEvent)('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  if (!editorText(editor).endsWith(lines.filter(Boolean).at(-1) ?? '')) {
    throw new AdapterError('linkedin', 'a way to insert text into the message editor', 'execCommand insertText');
  }
}

function setEditorParagraphs(editor: HTMLElement, lines: string[]): void {
  const doc = editor.ownerDocument;
  editor.replaceChildren(
    ...lines.map((line) => {
      const p = doc.createElement('p');
      if (line) p.textContent = line;
      else p.append(doc.createElement('br'));
      return p;
    }),
  );
}

/**
 * Appends text to a <textarea> (Sales Navigator composer, invitation note) through the prototype's value
 * setter, so React/Ember see a real change, then fires input + change.
 */
export function insertIntoTextarea(textarea: HTMLTextAreaElement, text: string): void {
  const view = textarea.ownerDocument.defaultView;
  const proto = (view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (!setter) throw new AdapterError('linkedin', 'the textarea value setter', 'HTMLTextAreaElement.prototype.value');
  const current = textarea.value;
  const next = current.trim() === '' ? text : `${current.replace(/\s+$/, '')}\n\n${text}`;
  textarea.focus();
  setter.call(textarea, next);
  const EventCtor = view?.Event ?? Event;
  textarea.dispatchEvent(new (view?.InputEvent ?? InputEvent)('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  textarea.dispatchEvent(new EventCtor('change', { bubbles: true }));
  textarea.setSelectionRange(next.length, next.length);
}
