// Finds many word-start patterns in one pass over a text, fast. One regex with every phrase as an
// alternative tries all of them at every word start; here each pattern is filed under the characters it can
// begin with, so at a word start only the few that can match there are tried (same answers, same order).

/** Characters a pattern can start with; null when that cannot be told (the pattern is tried everywhere). */
export function firstChars(src: string): Set<string> | null {
  let pos = 0;
  const DIGITS = '0123456789';
  const SPACE = ' \t\n\r\f\v\u00a0';
  type Item = { first: Set<string> | null; nullable: boolean };

  // alternatives at this level, up to ')' or the end
  function alternation(): Item {
    const out: Item = { first: new Set(), nullable: false };
    for (;;) {
      const s = sequence();
      merge(out, s.first);
      out.nullable ||= s.nullable;
      if (src[pos] === '|') {
        pos++;
        continue;
      }
      return out;
    }
  }
  function merge(into: Item, add: Set<string> | null) {
    if (into.first === null) return;
    if (add === null) into.first = null;
    else for (const c of add) into.first.add(c);
  }
  function sequence(): Item {
    const out: Item = { first: new Set(), nullable: true };
    while (pos < src.length && src[pos] !== '|' && src[pos] !== ')') {
      const it = quantified();
      if (out.nullable) {
        merge(out, it.first);
        out.nullable = it.nullable;
      }
    }
    return out;
  }
  function quantified(): Item {
    const it = atom();
    const q = src[pos];
    if (q === '?' || q === '*') {
      pos++;
      it.nullable = true;
    } else if (q === '+') pos++;
    else if (q === '{') {
      const end = src.indexOf('}', pos);
      if (/^\{0\s*[,}]/.test(src.slice(pos, end + 1))) it.nullable = true;
      pos = end + 1;
    }
    if (src[pos] === '?') pos++; // lazy
    return it;
  }
  function atom(): Item {
    const c = src[pos]!;
    if (c === '(') {
      pos++;
      let look = false;
      if (src.startsWith('?:', pos)) pos += 2;
      else if (src.startsWith('?=', pos) || src.startsWith('?!', pos)) {
        pos += 2;
        look = true;
      } else if (src.startsWith('?<=', pos) || src.startsWith('?<!', pos)) {
        pos += 3;
        look = true;
      }
      const inner = alternation();
      pos++; // ')'
      return look ? { first: new Set(), nullable: true } : inner;
    }
    if (c === '^' || c === '$') {
      pos++;
      return { first: new Set(), nullable: true };
    }
    if (c === '.') {
      pos++;
      return { first: null, nullable: false };
    }
    if (c === '[') return charClass();
    if (c === '\\') {
      const e = src[pos + 1]!;
      pos += 2;
      if (e === 'b' || e === 'B') return { first: new Set(), nullable: true };
      if (e === 'd') return { first: new Set(DIGITS), nullable: false };
      if (e === 's') return { first: new Set(SPACE), nullable: false };
      if (/[wWDSux0-9kpP]/.test(e)) return { first: null, nullable: false };
      return { first: new Set([e]), nullable: false };
    }
    pos++;
    return { first: new Set([c]), nullable: false };
  }
  function charClass(): Item {
    pos++; // '['
    if (src[pos] === '^') {
      pos = src.indexOf(']', pos + 1) + 1;
      return { first: null, nullable: false };
    }
    const set = new Set<string>();
    let unknown = false;
    while (pos < src.length && src[pos] !== ']') {
      let c = src[pos]!;
      if (c === '\\') {
        const e = src[pos + 1]!;
        pos += 2;
        if (e === 'd') for (const d of DIGITS) set.add(d);
        else if (e === 's') for (const s of SPACE) set.add(s);
        else if (/[wWDSux0-9kpPb]/.test(e)) unknown = true;
        else set.add(e);
        continue;
      }
      pos++;
      if (src[pos] === '-' && src[pos + 1] !== ']' && src[pos + 1] !== undefined) {
        const to = src[pos + 1]!;
        pos += 2;
        for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) set.add(String.fromCharCode(k));
        c = '';
      }
      if (c) set.add(c);
    }
    pos++; // ']'
    return { first: unknown ? null : set, nullable: false };
  }

  try {
    const r = alternation();
    if (pos !== src.length || r.nullable) return null;
    return r.first;
  } catch {
    return null;
  }
}

/** Plain groups become non-capturing, so each family owns exactly one capture group. */
function nonCapturing(src: string): string {
  return src.replace(/(?<!\\)\((?!\?)/g, '(?:');
}

/** \b as the regex engine sees it without the 'u' flag: ASCII letters, digits and '_'. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

export interface PhraseHit {
  /** the family's index */
  family: number;
  /** the matched text */
  text: string;
}

/**
 * A compiled set of pattern families. `scan` reports the same matches, in the same order, as the global regex
 * `\b(?:(family 0 …)|(family 1 …)|…)` would: at each word start the first family (and its first pattern)
 * that matches wins, and scanning goes on after the match.
 */
export class PhraseMatcher {
  private readonly byCode = new Map<number, { re: RegExp; groups: number[] }>();
  private readonly anywhere: { re: RegExp; groups: number[] } | null;

  constructor(families: ReadonlyArray<readonly string[]>) {
    const entries: Array<{ family: number; src: string; first: Set<string> | null }> = [];
    families.forEach((patterns, family) => {
      for (const p of patterns) entries.push({ family, src: nonCapturing(p), first: firstChars(p) });
    });
    const compile = (list: typeof entries) => {
      // consecutive patterns of one family share its group, as in the one big regex
      const groups: number[] = [];
      const parts: string[] = [];
      for (const e of list) {
        if (groups.length > 0 && groups[groups.length - 1] === e.family) parts[parts.length - 1] += `|${e.src}`;
        else {
          groups.push(e.family);
          parts.push(e.src);
        }
      }
      return { re: new RegExp(`\\b(?:${parts.map((p) => `(${p})`).join('|')})`, 'y'), groups };
    };
    const chars = new Set<string>();
    for (const e of entries) if (e.first) for (const c of e.first) chars.add(c);
    const unknown = entries.filter((e) => e.first === null);
    this.anywhere = unknown.length > 0 ? compile(unknown) : null;
    for (const c of chars) this.byCode.set(c.charCodeAt(0), compile(entries.filter((e) => e.first === null || e.first.has(c))));
  }

  /** Every match, left to right, without overlaps. */
  scan(text: string, onHit: (family: number, matched: string) => void): void {
    let prevWord = false;
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      const word = isWordCode(code);
      // \b: a word character after a non-word one, or the other way round (patterns may begin with '€' or '%')
      const boundary = word !== prevWord;
      const bucket = boundary ? (this.byCode.get(code) ?? this.anywhere) : null;
      if (bucket) {
        bucket.re.lastIndex = i;
        const m = bucket.re.exec(text);
        if (m !== null && m[0].length > 0) {
          for (let g = 1; g < m.length; g++) {
            if (m[g] !== undefined) {
              onHit(bucket.groups[g - 1]!, m[0]);
              break;
            }
          }
          i += m[0].length;
          prevWord = isWordCode(text.charCodeAt(i - 1));
          continue;
        }
      }
      prevWord = word;
      i++;
    }
  }
}
