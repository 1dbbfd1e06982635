/**
 * Which characters can end a match of a regex source, whitespace aside: `\.status\(\s*` → `(`, `(?:===?|=|:)\s*` → `=`, `:`.
 * The scanner uses it to try, for a number, only the rules whose context can end in the character before it.
 * Anything it does not understand answers `undefined` ("any character"), which is always safe.
 */

const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$';
/** In a set of last characters: the match may be empty at the start of the text (`^`), with nothing before it. */
export const START = '';
const DIGITS = '0123456789';

/**
 * The characters a match of `source` can end with, ignoring trailing whitespace (`\n` is kept when the source says
 * it), `START` for an empty match at the start of the text; `undefined` when unknown.
 */
export function lastCharsOf(source: string): Set<string> | undefined {
  return tail(`(?:${source})`, 0, false, false);
}

/**
 * Like `lastCharsOf`, but a letter, digit or `_` the source writes as part of a literal word comes with the rest of
 * that word: `\bnew\s+` → `new` rather than `w`. A word is what the text must end with, not necessarily all of a word.
 */
export function lastWordsOf(source: string): Set<string> | undefined {
  return tail(`(?:${source})`, 0, true, false);
}

/** `repeated`: the last atom is repeated (`*`, `+`, `{2,}`), so the characters written before it need not precede it. */
function tail(src: string, depth: number, words: boolean, repeated: boolean): Set<string> | undefined {
  if (depth > 40) return undefined;
  src = stripTrailingWhitespace(src);
  if (!src) return undefined;
  const next = (source: string, repeats = false) => tail(source, depth + 1, words, repeats);
  const last = src[src.length - 1];
  if (last === '?' || last === '*') {
    if (src.endsWith('*?') || src.endsWith('??') || src.endsWith('+?')) return next(src.slice(0, -1), repeated);
    const atom = lastAtom(src.slice(0, -1));
    if (atom === undefined) return undefined;
    return union(next(src.slice(0, -1), last === '*'), next(src.slice(0, atom)));
  }
  if (last === '+') return next(src.slice(0, -1), true);
  const counted = /\{(\d*),?(\d*)\}$/.exec(src);
  if (counted && !isEscaped(src, counted.index)) {
    const body = src.slice(0, counted.index);
    const repeats = counted[0].includes(',') ? counted[2] !== '1' && counted[2] !== '0' : Number(counted[1]) > 1;
    if (Number(counted[1] || 0) > 0) return next(body, repeats);
    const atom = lastAtom(body);
    return atom === undefined ? undefined : union(next(body, repeats), next(body.slice(0, atom)));
  }
  const atom = lastAtom(src);
  if (atom === undefined) return undefined;
  const text = src.slice(atom);
  if (text.startsWith('(')) {
    if (/^\(\?<?[=!]/.test(text)) return next(src.slice(0, atom));
    const body = text.replace(/^\((?:\?:|\?<\w+>)?/, '').slice(0, -1);
    let out: Set<string> | undefined = new Set();
    for (const alternative of splitAlternatives(body)) {
      out = union(out, next(alternative));
      if (!out) return undefined;
    }
    return out;
  }
  if (text.startsWith('[')) return classChars(text);
  if (text.startsWith('\\')) {
    const c = text[1];
    if (c === 'b' || c === 'B') return next(src.slice(0, atom));
    if (c === 'd') return new Set(DIGITS);
    if (c === 'w') return new Set(WORD);
    if (c === 'n') return new Set(['\n']);
    if (/[()[\]{}.*+?|\\/^$\-,:=!<>@#&%'"`~;]/.test(c)) return new Set([c]);
    return undefined;
  }
  // The start of the text: nothing comes before.
  if (text === '^') return new Set([START]);
  if (/[.^$|{}]/.test(text)) return undefined;
  return new Set([words && !repeated ? literalWordBefore(src, atom) + text : text]);
}

/** The literal word characters written right before index `end` (no escape, class, group or quantifier among them). */
function literalWordBefore(src: string, end: number): string {
  let start = end;
  while (start > 0 && /\w/.test(src[start - 1]) && /\w/.test(src[end]) && !isEscaped(src, start - 1) && !insideClass(src, start - 1)) start--;
  return src.slice(start, end);
}

/** Drops `\s*`, `\s+`, `[ \t]*`, `[ \t]+`, `\s`, ` ` from the end: the scanner skips whitespace too. */
function stripTrailingWhitespace(src: string): string {
  for (;;) {
    const m = /(?:\\s|\[ \\t\]| )[*+]?$/.exec(src);
    if (!m || isEscaped(src, m.index)) return src;
    src = src.slice(0, m.index);
  }
}

/** Start index of the last atom: a group, a class, an escape or one character. */
function lastAtom(src: string): number | undefined {
  const end = src.length - 1;
  if (end < 0) return undefined;
  const c = src[end];
  if (c === ')' && !isEscaped(src, end)) {
    // Marked in one pass: asking `insideClass` at each index made this quadratic, most of compiling the scanners.
    const plain = plainChars(src);
    let depth = 0;
    for (let i = end; i >= 0; i--) {
      if (!plain[i]) continue;
      if (src[i] === ')') depth++;
      else if (src[i] === '(' && --depth === 0) return i;
    }
    return undefined;
  }
  if (c === ']' && !isEscaped(src, end)) {
    for (let i = end - 1; i >= 0; i--) if (src[i] === '[' && !isEscaped(src, i)) return i;
    return undefined;
  }
  if (end >= 1 && isEscaped(src, end)) return end - 1;
  return end;
}

function isEscaped(src: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && src[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** 1 for each character that is neither escaped, nor an escaping backslash, nor inside a `[...]` class. */
function plainChars(src: string): Uint8Array {
  const plain = new Uint8Array(src.length);
  let inside = false;
  for (let j = 0; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') j++;
    else if (inside) inside = ch !== ']';
    else if (ch === '[') inside = true;
    else plain[j] = 1;
  }
  return plain;
}

/** Whether index `i` sits inside a `[...]` class (scanning from the start). */
function insideClass(src: string, i: number): boolean {
  let inside = false;
  for (let j = 0; j < i; j++) {
    if (src[j] === '\\') { j++; continue; }
    if (!inside && src[j] === '[') inside = true;
    else if (inside && src[j] === ']') inside = false;
  }
  return inside;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(body.slice(start, i)); start = i + 1; }
  }
  parts.push(body.slice(start));
  return parts;
}

function classChars(cls: string): Set<string> | undefined {
  const body = cls.slice(1, -1);
  if (body.startsWith('^')) return undefined;
  const out = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') {
      const e = body[++i];
      if (e === 'w') { for (const w of WORD) out.add(w); continue; }
      if (e === 'd') { for (const d of DIGITS) out.add(d); continue; }
      if (e === 's' || e === 't' || e === 'n' || e === 'r') continue;
      c = e;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let code = c.charCodeAt(0); code <= body.charCodeAt(i + 2); code++) out.add(String.fromCharCode(code));
      i += 2;
    } else out.add(c);
  }
  return out;
}

function union(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a || !b) return undefined;
  return new Set([...a, ...b]);
}
