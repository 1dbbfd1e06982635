/** The mapping keys of a YAML or JSON document with their parents and scalar values: enough structure to read OpenAPI. */
import { isWhitespace } from './whitespace';

export interface DocumentKey {
  key: string;
  /** Offsets of the key text, quotes excluded. */
  start: number;
  end: number;
  parent?: DocumentKey;
  /** Keys of one mapping share a group (sibling lookups: `in: header` next to `name:`). */
  group: number;
  /** The scalar on the key's line (YAML) or the string/number value (JSON), if any. */
  value?: { text: string; start: number; end: number };
}

/**
 * A key (sticky, at the key's column): 1 the quote, 2 the quoted key, or 3 the plain key with the blanks before the
 * colon; then the colon. A plain key runs greedily to the first colon (it holds none): a lazy key followed by
 * `[ \t]*:` read a long run of blanks again from each of its characters (quadratic on a line of spaces or tabs).
 */
const YAML_KEY = /(?:(["'])([^"'\n]*)\1[ \t]*|([^\s#'"{[\]},&*!|>%@`-][^:#\n]*|-[^\s:#\n][^:#\n]*)):(?=[ \t]|\r?$)/my;
/** What follows the colon: 1 the spaces, 2 the quote and 3 a quoted scalar, or 4 a plain one; a comment is dropped. */
const YAML_SCALAR = /([ \t]*)(?:(["'])([^"'\n]*)\2|([^\s#'"|>{[&*!](?:[^#\n]*[^#\s])?))[ \t]*(?:#.*)?\r?$/my;
const BLOCK_SCALAR = /[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/my;
const DOCUMENT_MARKER = /(?:---|\.\.\.)(?:\s|$)/my;

const HASH = 0x23;
const DASH = 0x2d;
const DOT = 0x2e;
const PIPE = 0x7c;
const GREATER = 0x3e;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SPACE = 32;
const TAB = 9;
const CR = 13;

/**
 * What the readers report, in document order: a key by its range in the text (quotes excluded). `K` is the
 * visitor's own handle for a key: `key` returns it, and it comes back as the parent of the keys under that key and
 * with the key's value. Readers allocate nothing per key, not even its text.
 */
export interface KeyVisitor<K> {
  key(start: number, end: number, group: number, parent: K | undefined): K;
  value(owner: K, text: string, start: number, end: number): void;
}

/** Whether the text from `start` to `end` is one of `words`. */
function isOneOf(text: string, start: number, end: number, words: ReadonlySet<string>): boolean {
  for (const w of words) if (w.length === end - start && text.startsWith(w, start)) return true;
  return false;
}

/** A visitor that builds `DocumentKey`s. */
function collectKeys(text: string): { keys: DocumentKey[]; visitor: KeyVisitor<DocumentKey> } {
  const keys: DocumentKey[] = [];
  return {
    keys,
    visitor: {
      key: (start, end, group, parent) => {
        const k: DocumentKey = { key: text.slice(start, end), start, end, parent, group, value: undefined };
        keys.push(k);
        return k;
      },
      value: (owner, text, start, end) => { owner.value = { text, start, end }; },
    },
  };
}

/** Keys of a YAML document in block style, line by line (flow collections are not read); values of the keys `valuesOf` names. */
export function yamlKeys(text: string, valuesOf?: ReadonlySet<string>): DocumentKey[] {
  const { keys, visitor } = collectKeys(text);
  readYamlKeys(text, visitor, valuesOf);
  return keys;
}

/** Keys of a JSON (or JSON with comments) document; tolerant of errors, it never throws. */
export function jsonKeys(text: string): DocumentKey[] {
  const { keys, visitor } = collectKeys(text);
  readJsonKeys(text, visitor);
  return keys;
}

/** Reads the keys of a YAML document in block style, line by line (flow collections are not read); values of the keys `valuesOf` names. */
export function readYamlKeys<K>(text: string, visitor: KeyVisitor<K>, valuesOf?: ReadonlySet<string>): void {
  // The open mappings, innermost last: their keys' columns, the keys, and the group of each key's children (0: none yet).
  const columns: number[] = [];
  const owners: K[] = [];
  const childGroups: number[] = [];
  let rootGroup = 0;
  let groups = 0;
  let blockScalarColumn = -1;
  for (let offset = 0; offset <= text.length;) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const lineOffset = offset;
    offset = lineEnd + 1;
    let at = lineOffset;
    while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) at++;
    const first = text.charCodeAt(at);
    const blank = at >= lineEnd || first === CR;
    if (blockScalarColumn >= 0) {
      if (blank || at - lineOffset > blockScalarColumn) continue;
      blockScalarColumn = -1;
    }
    if (blank || first === HASH) continue;
    if (at === lineOffset && (first === DASH || first === DOT) && matchesAt(DOCUMENT_MARKER, text, at)) {
      columns.length = owners.length = childGroups.length = 0;
      rootGroup = 0;
      continue;
    }
    let newItem = false;
    while (first === DASH && text.charCodeAt(at) === DASH && (text.charCodeAt(at + 1) === SPACE || at + 1 >= lineEnd || text.charCodeAt(at + 1) === CR)) {
      newItem = true;
      at++;
      while (text.charCodeAt(at) === SPACE) at++;
    }
    if (!matchesAt(YAML_KEY, text, at)) continue;
    // The match ends after the colon; a quoted key (no quote inside) ends at the next quote, a plain one at the colon.
    const valueAt = YAML_KEY.lastIndex;
    const quoted = text.charCodeAt(at) === DOUBLE_QUOTE || text.charCodeAt(at) === SINGLE_QUOTE;
    const start = quoted ? at + 1 : at;
    let end = quoted ? nextQuote(text, start) : valueAt - 1;
    while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
    const column = at - lineOffset;
    while (columns.length && columns[columns.length - 1] >= column) {
      columns.pop();
      owners.pop();
      childGroups.pop();
    }
    const depth = owners.length;
    const parent = depth ? owners[depth - 1] : undefined;
    let group = depth ? childGroups[depth - 1] : rootGroup;
    if (newItem || !group) {
      group = ++groups;
      if (depth) childGroups[depth - 1] = group;
      else rootGroup = group;
    }
    const key = visitor.key(start, end, group, parent);
    let next = valueAt;
    while (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB) next++;
    if ((text.charCodeAt(next) === PIPE || text.charCodeAt(next) === GREATER) && matchesAt(BLOCK_SCALAR, text, valueAt)) blockScalarColumn = column;
    else if (!valuesOf || isOneOf(text, start, end, valuesOf)) {
      YAML_SCALAR.lastIndex = valueAt;
      const scalar = YAML_SCALAR.exec(text);
      if (scalar) {
        const value = scalar[3] ?? scalar[4];
        const valueStart = valueAt + scalar[1].length + (scalar[2] ? 1 : 0);
        visitor.value(key, value, valueStart, valueStart + value.length);
      }
    }
    columns.push(column);
    owners.push(key);
    childGroups.push(0);
  }
}

/** Reads the keys of a JSON (or JSON with comments) document; tolerant of errors, it never throws. Values of the keys `valuesOf` names (default: all). */
export function readJsonKeys<K>(text: string, visitor: KeyVisitor<K>, valuesOf?: ReadonlySet<string>): void {
  /** Per open container: whether it is an object, its group, and the key whose value it is. */
  const objects: boolean[] = [];
  const groupsOf: number[] = [];
  const owners: (K | undefined)[] = [];
  let groups = 0;
  let pendingKey: K | undefined;
  /** Whether the pending key's value is read. */
  let wanted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) { i = lineEndFrom(text, i) - 1; continue; }
    if (c === SLASH && text.charCodeAt(i + 1) === STAR) { const e = text.indexOf('*/', i + 2); i = e < 0 ? n : e + 1; continue; }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const top = owners.length - 1;
      const owner = pendingKey ?? (top >= 0 && !objects[top] ? owners[top] : undefined);
      objects.push(c === OPEN_BRACE);
      groupsOf.push(++groups);
      owners.push(owner);
      pendingKey = undefined;
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      objects.pop();
      groupsOf.pop();
      owners.pop();
      pendingKey = undefined;
      continue;
    }
    if (c === DOUBLE_QUOTE) {
      let j = i + 1;
      for (let d = text.charCodeAt(j); j < n && d !== DOUBLE_QUOTE && d !== NEWLINE; d = text.charCodeAt(j)) j += d === BACKSLASH ? 2 : 1;
      const top = owners.length - 1;
      let k = j + 1;
      for (let d = text.charCodeAt(k); k < n && (d === SPACE || d === NEWLINE || d === TAB || d === CR); d = text.charCodeAt(k)) k++;
      if (top >= 0 && objects[top] && text.charCodeAt(k) === COLON && !pendingKey) {
        pendingKey = visitor.key(i + 1, j, groupsOf[top], owners[top]);
        wanted = !valuesOf || isOneOf(text, i + 1, j, valuesOf);
        i = k;
        continue;
      }
      if (pendingKey && wanted) visitor.value(pendingKey, text.slice(i + 1, j), i + 1, j);
      pendingKey = undefined;
      i = j;
      continue;
    }
    if (c === COMMA) { pendingKey = undefined; continue; }
    if (pendingKey && (c === DASH || (c >= DIGIT_0 && c <= DIGIT_9) || c === LOWER_T || c === LOWER_F || c === LOWER_N)) {
      let j = i + 1;
      while (j < n && !isJsonValueEnd(text.charCodeAt(j))) j++;
      if (wanted) visitor.value(pendingKey, text.slice(i, j), i, j);
      pendingKey = undefined;
      i = j - 1;
    }
  }
}

/** `/[\s,}\]]/`: what ends a number or literal. */
function isJsonValueEnd(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c);
}

const SLASH = 0x2f;
const STAR = 0x2a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COLON = 0x3a;
const COMMA = 0x2c;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_T = 0x74;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The first `"` or `'` from `i` (a quoted YAML key holds neither). */
function nextQuote(text: string, i: number): number {
  for (let c = text.charCodeAt(i); i < text.length && c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE; c = text.charCodeAt(++i));
  return i;
}

function lineEndFrom(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e;
}
