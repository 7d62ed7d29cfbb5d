// Sentences of a message, as `text.split(/(?<=[.!?])\s+|\n+/)` gives them, without the regex: the split
// runs on every draft, and the look-behind made it one of the analysis's costliest steps.

/** \s as JavaScript regexes read it. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
const isStop = (c: number) => c === 46 || c === 33 || c === 63; // . ! ?

/** The parts between sentence ends ('.', '!' or '?' and white space) and line breaks. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let end = i;
    // white space after a sentence end: the whole run of white space separates
    if (i > 0 && isStop(text.charCodeAt(i - 1)) && isSpace(c)) while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    // else a run of line breaks
    else if (c === 10) while (end < text.length && text.charCodeAt(end) === 10) end++;
    if (end > i) {
      out.push(text.slice(start, i));
      start = end;
      i = end;
    } else i++;
  }
  out.push(text.slice(start));
  return out;
}
