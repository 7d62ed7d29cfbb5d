// The hold's colours, named, so a test can check each pair of text and background against WCAG AA (4.5:1).

export const palette = {
  text: '#1f2328',
  muted: '#57606a',
  background: '#ffffff',
  buttonBg: '#f6f8fa',
  border: '#8c959f',
  primaryBg: '#1a7f37',
  primaryText: '#ffffff',
  danger: '#b3261e',
  block: '#b3261e',
  warn: '#7d4e00',
  focus: '#0969da',
  doneText: '#1a7f37',
  setupBg: '#fff8c5',
} as const;

/** Text/background pairs the hold uses. */
export const contrastPairs: ReadonlyArray<[keyof typeof palette, keyof typeof palette]> = [
  ['text', 'background'],
  ['muted', 'background'],
  ['text', 'buttonBg'],
  ['primaryText', 'primaryBg'],
  ['danger', 'buttonBg'],
  ['block', 'background'],
  ['warn', 'background'],
  ['doneText', 'background'],
  ['text', 'setupBg'],
];

const p = palette;

/** Styles for the dialog's own root (the page's CSS cannot reach in, ours cannot leak out). */
export const holdDialogCss = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: ${p.text}; }
.dialog { background: ${p.background}; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.3); max-width: 580px; width: calc(100vw - 32px); max-height: calc(100vh - 48px); display: flex; flex-direction: column; }
h2 { margin: 0; padding: 16px 20px 4px; font-size: 18px; }
h3 { margin: 10px 0 4px; font-size: 14px; }
h4 { margin: 8px 0 2px; font-size: 14px; }
.body { padding: 0 20px 8px; overflow: auto; }
.count { margin: 0 0 6px; color: ${p.muted}; }
ul { margin: 0; padding-left: 18px; }
.line { border-top: 1px solid #d0d7de; padding: 8px 0; }
.sentence { margin: 0 0 6px; font-weight: 600; }
.mark { display: inline-block; width: 16px; height: 16px; border-radius: 50%; color: #ffffff; font: 700 11px/16px system-ui, sans-serif; text-align: center; vertical-align: 1px; margin-right: 2px; }
.line--block .mark { background: ${p.block}; }
.line--warn .mark { background: ${p.warn}; }
.line-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.finding { margin: 6px 0; }
.finding p { margin: 2px 0; }
.finding--block strong, .message-findings li.finding--block { color: ${p.block}; }
.finding--warn strong, .message-findings li.finding--warn { color: ${p.warn}; }
.finding--info { color: ${p.text}; }
.cite, .code { color: ${p.muted}; font-size: 12px; }
.hint, .tag, .detail { color: ${p.muted}; }
.error { color: ${p.block}; display: block; }
.done { color: ${p.doneText}; margin: 6px 0 0; }
.hard { color: ${p.text}; margin: 8px 0 0; }
.setup { background: ${p.setupBg}; color: ${p.text}; border-radius: 6px; padding: 6px 8px; }
details { margin: 8px 0 0; }
summary { cursor: pointer; font-weight: 600; }
summary:focus-visible { outline: 2px solid ${p.focus}; outline-offset: 2px; }
.dnc { border: 1px solid #d0d7de; border-radius: 6px; margin: 8px 0 0; padding: 6px 10px 10px; display: grid; grid-template-columns: max-content 1fr; gap: 6px 8px; align-items: center; }
.dnc legend { font-weight: 600; padding: 0 4px; }
.dnc .error, .dnc-actions { grid-column: 1 / -1; }
.dnc-actions { display: flex; gap: 6px; }
select, input, textarea { font: inherit; color: ${p.text}; background: ${p.background}; border: 1px solid ${p.border}; border-radius: 4px; padding: 3px 6px; }
.reason { display: grid; gap: 4px; padding: 8px 20px 0; }
.reason textarea { width: 100%; box-sizing: border-box; min-height: 56px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 20px 16px; justify-content: flex-end; border-top: 1px solid #d0d7de; }
button { font: inherit; color: ${p.text}; padding: 5px 12px; border-radius: 6px; border: 1px solid ${p.border}; background: ${p.buttonBg}; cursor: pointer; }
button.primary { background: ${p.primaryBg}; color: ${p.primaryText}; border-color: ${p.primaryBg}; font-weight: 600; }
button.danger { color: ${p.danger}; }
button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible, [data-initial-focus]:focus { outline: 2px solid ${p.focus}; outline-offset: 2px; }
button[disabled] { opacity: .6; cursor: default; }
`;
