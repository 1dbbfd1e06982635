/** The mapping keys of a YAML or JSON document with their parents and scalar values: enough structure to read OpenAPI. */

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

/** A key (sticky, at the key's column): 1 the quote, 2 the quoted key, or 3 the plain key; then the colon. */
const YAML_KEY = /(?:(["'])([^"'\n]*)\1|([^\s#'"{[\]},&*!|>%@`-][^:#\n]*?|-[^\s:#\n][^:#\n]*?))[ \t]*:(?=[ \t]|\r?$)/my;
/** What follows the colon: 1 the spaces, 2 the quote and 3 a quoted scalar, or 4 a plain one; a comment is dropped. */
const YAML_SCALAR = /([ \t]*)(?:(["'])([^"'\n]*)\2|([^\s#'"|>{[&*!](?:[^#\n]*[^#\s])?))[ \t]*(?:#.*)?\r?$/my;
const BLOCK_SCALAR = /[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/my;
const DOCUMENT_MARKER = /(?:---|\.\.\.)(?:\s|$)/my;

const SPACE = 32;
const TAB = 9;
const CR = 13;

/** Keys of a YAML document in block style, line by line (flow collections are not read); values of the keys `valuesOf` names. */
export function yamlKeys(text: string, valuesOf?: ReadonlySet<string>): DocumentKey[] {
  const keys: DocumentKey[] = [];
  // The open mappings, innermost last: their keys' columns, the keys, and the group of each key's children (0: none yet).
  const columns: number[] = [];
  const owners: DocumentKey[] = [];
  const childGroups: number[] = [];
  let rootGroup = 0;
  let groups = 0;
  let blockScalarColumn = -1;
  const sticky = (re: RegExp, at: number) => {
    re.lastIndex = at;
    return re.exec(text);
  };
  const code = (i: number) => text.charCodeAt(i);
  for (let offset = 0; offset <= text.length;) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const lineOffset = offset;
    offset = lineEnd + 1;
    let at = lineOffset;
    while (code(at) === SPACE || code(at) === TAB) at++;
    const first = text[at];
    const blank = at >= lineEnd || code(at) === CR;
    if (blockScalarColumn >= 0) {
      if (blank || at - lineOffset > blockScalarColumn) continue;
      blockScalarColumn = -1;
    }
    if (blank || first === '#') continue;
    if (at === lineOffset && (first === '-' || first === '.') && sticky(DOCUMENT_MARKER, at)) {
      columns.length = owners.length = childGroups.length = 0;
      rootGroup = 0;
      continue;
    }
    let newItem = false;
    while (first === '-' && text[at] === '-' && (code(at + 1) === SPACE || at + 1 >= lineEnd || code(at + 1) === CR)) {
      newItem = true;
      at++;
      while (code(at) === SPACE) at++;
    }
    const m = sticky(YAML_KEY, at);
    if (!m) continue;
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
    const raw = (m[2] ?? m[3]).trimEnd();
    const start = at + (m[1] ? 1 : 0);
    const key: DocumentKey = { key: raw, start, end: start + raw.length, parent, group, value: undefined };
    const valueAt = at + m[0].length;
    let next = valueAt;
    while (code(next) === SPACE || code(next) === TAB) next++;
    if ((text[next] === '|' || text[next] === '>') && sticky(BLOCK_SCALAR, valueAt)) blockScalarColumn = column;
    else if (!valuesOf || valuesOf.has(raw)) {
      const scalar = sticky(YAML_SCALAR, valueAt);
      if (scalar) {
        const value = scalar[3] ?? scalar[4];
        const valueStart = valueAt + scalar[1].length + (scalar[2] ? 1 : 0);
        key.value = { text: value, start: valueStart, end: valueStart + value.length };
      }
    }
    keys.push(key);
    columns.push(column);
    owners.push(key);
    childGroups.push(0);
  }
  return keys;
}

/** Keys of a JSON (or JSON with comments) document; tolerant of errors, it never throws. */
export function jsonKeys(text: string): DocumentKey[] {
  const keys: DocumentKey[] = [];
  /** Per open container: whether it is an object, its group, and the key whose value it is. */
  const stack: { object: boolean; group: number; owner?: DocumentKey }[] = [];
  let groups = 0;
  let pendingKey: DocumentKey | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') { i = lineEndFrom(text, i) - 1; continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); i = e < 0 ? n : e + 1; continue; }
    if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      const owner = pendingKey ?? (top && !top.object ? top.owner : undefined);
      stack.push({ object: c === '{', group: ++groups, owner });
      pendingKey = undefined;
      continue;
    }
    if (c === '}' || c === ']') { stack.pop(); pendingKey = undefined; continue; }
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      let k = j + 1;
      while (k < n && (text[k] === ' ' || text[k] === '\n' || text[k] === '\t' || text[k] === '\r')) k++;
      if (top?.object && text[k] === ':' && !pendingKey) {
        pendingKey = { key: text.slice(i + 1, j), start: i + 1, end: j, parent: top.owner, group: top.group, value: undefined };
        keys.push(pendingKey);
        i = k;
        continue;
      }
      if (pendingKey) pendingKey.value = { text: text.slice(i + 1, j), start: i + 1, end: j };
      pendingKey = undefined;
      i = j;
      continue;
    }
    if (c === ',') { pendingKey = undefined; continue; }
    if (pendingKey && (c === '-' || (c >= '0' && c <= '9') || c === 't' || c === 'f' || c === 'n')) {
      let j = i + 1;
      while (j < n && !/[\s,}\]]/.test(text[j])) j++;
      pendingKey.value = { text: text.slice(i, j), start: i, end: j };
      pendingKey = undefined;
      i = j - 1;
    }
  }
  return keys;
}

function lineEndFrom(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e;
}
