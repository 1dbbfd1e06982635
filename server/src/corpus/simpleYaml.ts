/**
 * A fast reader for the block-YAML subset that corpus front matter is written in: nested block
 * mappings and sequences, plain and quoted one-line scalars, `>`/`|` block scalars and flow lists
 * of plain items. It builds the same tree (values and ranges) that `parseDocument` would give,
 * and answers undefined for anything outside the subset, so the caller falls back to the full parser.
 * The full parser costs ~250 µs per page; a 10,000-page corpus must index in well under a second.
 */
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yamlNode';

/** Thrown inside the reader to give up; never escapes it. */
const GIVE_UP = Symbol('give up');

/** Lone carriage returns (old Mac line ends) are left to the full parser, as are tabs and a BOM. */
const LONE_CR = /\r(?!\n)/;
/** YAML limits implicit keys to 1024 characters: longer ones are left to the full parser to report. */
const MAX_KEY_LENGTH = 1024;
/** Keys of a mapping compared one by one; past this many, through a set. */
const MAX_SCANNED_KEYS = 16;
const FLOW_ITEM = /^[A-Za-z0-9_./-]+$/;
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
/** Other core-schema numbers (floats, octal, hex, .inf, .nan): rare in front matter, left to the full parser. */
const CORE_OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters that may not start a plain scalar (or that start a construct this reader leaves alone). */
const NOT_PLAIN_START = new Set([...'[]{}#&*!|>\'"%@`,']);

/** The document's contents as `yaml` nodes, or undefined when the text needs the full parser. */
export function parseSimpleYaml(text: string): YamlNode | undefined {
  // indexOf, not a character-class regex: this runs on every page and must cost next to nothing.
  if (text.includes('\t') || text.includes('\ufeff') || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new SimpleYamlReader(text).document();
  } catch {
    // Giving up, or anything unexpected (deep nesting overflowing the stack): the full parser decides.
    return undefined;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * Per line: start offset, end of content (before `\r\n`), start of the next line, indentation.
 * Shared by every read (reads are synchronous and never nested), so a page costs no allocation here.
 */
const table = { start: new Int32Array(256), end: new Int32Array(256), next: new Int32Array(256), indent: new Int32Array(256) };

/**
 * Pairs and items of the mappings and sequences being read, innermost last: each takes its own off
 * when done, as an array of exactly their number (an array grown by `push` allocates room for 16).
 */
const pairStack: YamlPair[] = [];
const itemStack: YamlNode[] = [];

function growTable(): void {
  for (const k of ['start', 'end', 'next', 'indent'] as const) {
    const bigger = new Int32Array(table[k].length * 2);
    bigger.set(table[k]);
    table[k] = bigger;
  }
}

class SimpleYamlReader {
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly next: Int32Array;
  private readonly indent: Int32Array;
  /** Number of lines. */
  private readonly count: number;
  /** Current line. */
  private line = 0;

  constructor(private readonly text: string) {
    let n = 0;
    for (let s = 0; s < text.length; n++) {
      let nl = text.indexOf('\n', s);
      const following = nl === -1 ? text.length : nl + 1;
      if (nl === -1) nl = text.length;
      const e = nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let i = s;
      while (i < e && text.charCodeAt(i) === 32) i++;
      if (i !== e) {
        const c = text[i];
        // Comments, directives and document markers carry range subtleties: the full parser handles them.
        if (c === '#' || c === '%' || (i === s && (text.startsWith('---', i) || text.startsWith('...', i)))) giveUp();
      }
      if (n === table.start.length) growTable();
      table.start[n] = s;
      table.end[n] = e;
      table.next[n] = following;
      table.indent[n] = i - s;
      s = following;
    }
    ({ start: this.start, end: this.end, next: this.next, indent: this.indent } = table);
    // What a read that gave up left behind.
    pairStack.length = 0;
    itemStack.length = 0;
    this.count = n;
  }

  /** Whether a line holds nothing but spaces. */
  private blank(line: number): boolean {
    return this.indent[line] === this.end[line] - this.start[line];
  }

  document(): YamlNode {
    this.skipBlank();
    if (this.line >= this.count || this.indent[this.line] !== 0) giveUp();
    const top = this.map(0, this.start[this.line]);
    if (this.line < this.count) giveUp();
    return top;
  }

  private skipBlank(): void {
    while (this.line < this.count && this.blank(this.line)) this.line++;
  }

  /** A block mapping whose keys stand at column `col`; the first key starts at `first` on the current line. */
  private map(col: number, first: number): YamlMap {
    const base = pairStack.length;
    let at = first;
    /** The keys so far, once the mapping has more than a few (a scan per key would make 20,000 keys quadratic). */
    let keys: Set<unknown> | undefined;
    for (;;) {
      const line = this.line;
      const colon = this.keyEnd(at, this.end[line]);
      const keyText = this.text.slice(at, colon);
      if (resolvePlain(keyText) !== keyText) giveUp();
      // A repeated key is left to the full parser, which reports it. Few keys per mapping: a scan beats a set.
      if (keys) {
        if (keys.has(keyText)) giveUp();
        keys.add(keyText);
      } else {
        for (let i = base; i < pairStack.length; i++) if ((pairStack[i].key as YamlScalar).value === keyText) giveUp();
        if (pairStack.length - base >= MAX_SCANNED_KEYS) keys = new Set([...pairStack.slice(base).map((p) => (p.key as YamlScalar).value), keyText]);
      }
      const key = scalar(keyText, at, colon, colon);
      let v = colon + 1;
      if (v < this.end[line] && this.text.charCodeAt(v) !== 32) giveUp();
      while (v < this.end[line] && this.text.charCodeAt(v) === 32) v++;
      const value = v === this.end[line] ? this.blockValue(col) : this.inlineValue(v, col);
      pairStack.push({ key, value });
      this.skipBlank();
      if (this.line >= this.count || this.indent[this.line] < col) {
        return { kind: 'map', pairs: pairStack.splice(base), start: first, end: value.lineEnd, lineEnd: value.lineEnd };
      }
      if (this.indent[this.line] > col) giveUp();
      at = this.start[this.line] + col;
      if (this.text.charCodeAt(at) === 45 /* - */) giveUp();
    }
  }

  /** The colon after a key (letters, digits and `_./-`, not starting with a digit or `./-`) that starts at `at`. */
  private keyEnd(at: number, lineEnd: number): number {
    const limit = Math.min(lineEnd, at + MAX_KEY_LENGTH + 1);
    if (!isKeyChar(this.text.charCodeAt(at), true)) giveUp();
    for (let i = at + 1; i < limit; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 58 /* : */) return i;
      if (!isKeyChar(c, false)) giveUp();
    }
    return giveUp();
  }

  /** The value of a key whose line ends after the colon: a nested block (empty values go to the full parser). */
  private blockValue(col: number): YamlNode {
    this.line++;
    this.skipBlank();
    if (this.line >= this.count) giveUp();
    const ind = this.indent[this.line];
    const at = this.start[this.line] + ind;
    const dash = this.isDash(at, this.line);
    if (dash && ind >= col) return this.seq(ind);
    if (ind <= col) giveUp();
    return this.map(ind, at);
  }

  private isDash(at: number, line: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 === this.end[line] || this.text.charCodeAt(at + 1) === 32);
  }

  /** A block sequence whose dashes stand at column `col`. */
  private seq(col: number): YamlSeq {
    const first = this.start[this.line] + col;
    const base = itemStack.length;
    for (;;) {
      const line = this.line;
      const dash = this.start[line] + col;
      let at = dash + 1;
      while (at < this.end[line] && this.text.charCodeAt(at) === 32) at++;
      if (at === this.end[line] || this.isDash(at, line)) giveUp();
      const item = this.startsKey(at, line) ? this.map(at - this.start[line], at) : this.itemScalar(at);
      itemStack.push(item);
      this.skipBlank();
      const done = this.line >= this.count || this.indent[this.line] < col;
      if (!done && this.indent[this.line] > col) giveUp();
      if (done || !this.isDash(this.start[this.line] + col, this.line)) {
        return { kind: 'seq', items: itemStack.splice(base), start: first, end: item.lineEnd, lineEnd: item.lineEnd };
      }
    }
  }

  /** Whether a mapping key (`name:` then a space or the line end) starts at `at`. */
  private startsKey(at: number, line: number): boolean {
    const c = this.text[at];
    if (c === '\'' || c === '"' || c === '[' || c === '{') return false;
    const colon = this.text.indexOf(':', at);
    if (colon === -1 || colon >= this.end[line]) return false;
    return colon + 1 === this.end[line] || this.text.charCodeAt(colon + 1) === 32;
  }

  private itemScalar(at: number): YamlScalar {
    const c = this.text[at];
    const node = c === '\'' || c === '"' ? this.quoted(at) : this.plain(at);
    this.line++;
    return node;
  }

  /** A value on the key's own line: quoted, flow list, block scalar or plain. */
  private inlineValue(at: number, col: number): YamlNode {
    const c = this.text[at];
    if (c === '>' || c === '|') return this.blockScalar(at, col);
    const node = c === '\'' || c === '"' ? this.quoted(at) : c === '[' ? this.flowList(at) : this.plain(at);
    this.line++;
    return node;
  }

  private plain(at: number): YamlScalar {
    const line = this.line;
    let e = this.end[line];
    while (e > at && this.text.charCodeAt(e - 1) === 32) e--;
    const raw = this.text.slice(at, e);
    const c = raw[0];
    if (NOT_PLAIN_START.has(c) || ((c === '-' || c === '?' || c === ':') && (raw.length === 1 || raw[1] === ' '))) giveUp();
    if (raw.includes(': ') || raw.endsWith(':') || raw.includes(' #')) giveUp();
    return scalar(resolvePlain(raw), at, e, this.next[line]);
  }

  /** A one-line quoted scalar; double quotes only without escapes. */
  private quoted(at: number): YamlScalar {
    const line = this.line;
    const q = this.text[at];
    let close = at + 1;
    for (;;) {
      close = this.text.indexOf(q, close);
      if (close === -1 || close >= this.end[line]) giveUp();
      if (q === '\'' && this.text[close + 1] === '\'') close += 2;
      else break;
    }
    const inner = this.text.slice(at + 1, close);
    if (q === '"' && inner.includes('\\')) giveUp();
    for (let i = close + 1; i < this.end[line]; i++) if (this.text.charCodeAt(i) !== 32) giveUp();
    const value = q === '\'' && inner.includes('\'\'') ? inner.replace(/''/g, '\'') : inner;
    return scalar(value, at, close + 1, this.next[line]);
  }

  /** `[303, 307]`: plain items on one line. */
  private flowList(at: number): YamlSeq {
    const line = this.line;
    const close = this.text.indexOf(']', at);
    if (close === -1 || close >= this.end[line]) giveUp();
    for (let i = close + 1; i < this.end[line]; i++) if (this.text.charCodeAt(i) !== 32) giveUp();
    const seq: YamlSeq = { kind: 'seq', items: [], start: at, end: close + 1, lineEnd: this.next[line] };
    const inner = this.text.slice(at + 1, close);
    if (trimSpaces(inner) === '') return seq;
    let s = at + 1;
    for (const part of inner.split(',')) {
      const item = trimSpaces(part);
      const lead = part.indexOf(item);
      if (!FLOW_ITEM.test(item)) giveUp();
      const from = s + lead;
      seq.items.push(scalar(resolvePlain(item), from, from + item.length, from + item.length));
      s += part.length + 1;
    }
    return seq;
  }

  /** `>`, `>-`, `|`, `|-` with lines indented past the key; more-indented folded lines go to the full parser. */
  private blockScalar(at: number, col: number): YamlScalar {
    const header = trimSpaces(this.text.slice(at, this.end[this.line]));
    if (header !== '>' && header !== '>-' && header !== '|' && header !== '|-') giveUp();
    const folded = header[0] === '>';
    this.line++;
    if (this.line >= this.count || this.blank(this.line)) giveUp();
    const ind = this.indent[this.line];
    if (ind <= col) giveUp();
    const lines: string[] = [];
    let lastContent = this.line;
    for (; this.line < this.count; this.line++) {
      const l = this.line;
      if (this.blank(l)) {
        if (this.end[l] - this.start[l] > ind) giveUp();
        lines.push('');
        continue;
      }
      if (this.indent[l] < ind) break;
      if (folded && this.indent[l] > ind) giveUp();
      if (this.text.charCodeAt(this.end[l] - 1) === 32) giveUp();
      lines.push(this.text.slice(this.start[l] + ind, this.end[l]));
      lastContent = l;
    }
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    this.line = lastContent + 1;
    let value: string;
    if (folded) {
      value = lines[0];
      for (let i = 1, blanks = 0; i < lines.length; i++) {
        if (lines[i] === '') { blanks++; continue; }
        value += (blanks ? '\n'.repeat(blanks) : ' ') + lines[i];
        blanks = 0;
      }
    } else {
      value = lines.join('\n');
    }
    if (header.length === 1) value += '\n';
    const end = this.next[lastContent];
    return scalar(value, at, end, end);
  }
}

/** YAML separates with spaces only: String.trim would also eat no-break and other Unicode spaces. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

function scalar(value: unknown, start: number, end: number, lineEnd: number): YamlScalar {
  return { kind: 'scalar', value, start, end, lineEnd };
}

/** The core schema's reading of a plain scalar: null, booleans and integers; other numbers give up. */
function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  // Most values start with a letter no null, boolean or number starts with, or hold a space none has.
  if (!mayResolve(c) || raw.includes(' ')) return raw;
  if (c === 126 || c === 110 || c === 78) return CORE_NULL.test(raw) ? null : raw;
  if (c === 116 || c === 84 || c === 102 || c === 70) return CORE_BOOL.test(raw) ? c === 116 || c === 84 : raw;
  if (CORE_INT.test(raw)) return Number(raw);
  if (CORE_OTHER_NUMBER.test(raw)) giveUp();
  return raw;
}

/** Whether a plain scalar starting with this character may be a null (`~nN`), boolean (`tTfF`) or number (`-+.0-9`). */
function mayResolve(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

/** `[A-Za-z_]`, and after the first character also `[0-9./-]`. */
function isKeyChar(c: number, first: boolean): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return !first && ((c >= 48 && c <= 57) || c === 46 || c === 47 || c === 45);
}
