import { plural, type Lang } from './strings';

// The quiet marker in a composer: what the guard already knows while the rep types (ok / needs attention /
// cannot check), like a mail-policy tip. A button, so the keyboard reaches it; pressing it opens the same
// explanation as the hold, without sending. Props in, callbacks out. The host that carries it is positioned
// absolutely by whoever mounts it, so the site's layout does not move.

export type MarkerState = 'checking' | 'ok' | 'attention' | 'unchecked';

export interface ComposerMarkerProps {
  lang: Lang;
  state: MarkerState;
  /** recipients that need attention (state "attention") */
  count?: number;
  onOpen(): void;
}

const words = {
  nl: {
    checking: 'Outreach Guard controleert…',
    ok: 'Outreach Guard: in orde',
    attention: { one: 'Outreach Guard: {n} ontvanger vraagt aandacht', other: 'Outreach Guard: {n} ontvangers vragen aandacht' },
    attentionShort: 'Let op',
    unchecked: 'Outreach Guard kan dit bericht niet controleren',
    uncheckedShort: 'Niet gecontroleerd',
    okShort: 'In orde',
    open: 'Toon uitleg',
  },
  en: {
    checking: 'Outreach Guard is checking…',
    ok: 'Outreach Guard: all clear',
    attention: { one: 'Outreach Guard: {n} recipient needs attention', other: 'Outreach Guard: {n} recipients need attention' },
    attentionShort: 'Attention',
    unchecked: 'Outreach Guard cannot check this message',
    uncheckedShort: 'Not checked',
    okShort: 'All clear',
    open: 'Show why',
  },
} as const;

/** The marker's full sentence (its accessible name and tooltip). */
export function markerLabel(lang: Lang, state: MarkerState, count = 0): string {
  const w = words[lang];
  if (state === 'attention') return count > 0 ? plural(lang, count, w.attention) : w.attentionShort;
  return state === 'checking' ? w.checking : state === 'ok' ? w.ok : w.unchecked;
}

export function ComposerMarker(props: ComposerMarkerProps) {
  const w = words[props.lang];
  const label = markerLabel(props.lang, props.state, props.count);
  const short = props.state === 'ok' ? w.okShort : props.state === 'attention' ? w.attentionShort : props.state === 'unchecked' ? w.uncheckedShort : '…';
  const icon = props.state === 'ok' ? '✓' : props.state === 'attention' ? '!' : props.state === 'unchecked' ? '?' : '…';
  return (
    <button
      type="button"
      class={`marker marker--${props.state}`}
      data-marker-state={props.state}
      aria-label={`${label}. ${w.open}`}
      title={label}
      // opening the explanation never sends; the state is the guard's, the page only sees a button
      onClick={() => props.onOpen()}
    >
      <span class="icon" aria-hidden="true">
        {icon}
      </span>
      {props.state !== 'ok' && props.state !== 'checking' && <span class="short">{short}</span>}
    </button>
  );
}

/** The marker's styles: small, out of the text flow (its host is absolutely positioned by the mount). */
export const composerMarkerCss = `
:host { all: initial; }
.marker { font: 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif; display: inline-flex; align-items: center; gap: 4px; padding: 3px 7px; border-radius: 10px; border: 1px solid #8c959f; background: #ffffff; color: #1f2328; cursor: pointer; opacity: .92; }
.marker:hover { opacity: 1; }
.marker:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.icon { font-weight: 700; }
.marker--ok .icon { color: #1a7f37; }
.marker--attention { border-color: #7d4e00; background: #fff8c5; }
.marker--attention .icon, .marker--attention .short { color: #5c3a00; }
.marker--unchecked { border-color: #b3261e; }
.marker--unchecked .icon, .marker--unchecked .short { color: #b3261e; }
.marker--checking .icon { color: #57606a; }
`;
