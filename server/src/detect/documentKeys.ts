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

const YAML_KEY = /^(?:(?<q>["'])(?<quoted>[^"'\n]*)\k<q>|(?<plain>[^\s#'"{[\]},&*!|>%@`-][^:#\n]*?|-[^\s:#\n][^:#\n]*?))[ \t]*:(?=[ \t]|$)/;

/** Keys of a YAML document in block style, line by line (flow collections are not read). */
export function yamlKeys(text: string): DocumentKey[] {
  const keys: DocumentKey[] = [];
  const stack: { column: number; key: DocumentKey }[] = [];
  const groupOf = new Map<DocumentKey | undefined, number>();
  let groups = 0;
  let blockScalarColumn = -1;
  for (let offset = 0; offset <= text.length;) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const lineOffset = offset;
    offset = lineEnd + 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (blockScalarColumn >= 0) {
      if (indent > blockScalarColumn || !line.trim()) continue;
      blockScalarColumn = -1;
    }
    if (!line.trim() || line[indent] === '#') continue;
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) {
      stack.length = 0;
      groupOf.clear();
      continue;
    }
    let column = indent;
    let newItem = false;
    while (line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
      newItem = true;
      column++;
      while (line[column] === ' ') column++;
    }
    const m = YAML_KEY.exec(line.slice(column));
    if (!m) continue;
    while (stack.length && stack[stack.length - 1].column >= column) stack.pop();
    const parent = stack[stack.length - 1]?.key;
    let group = groupOf.get(parent);
    if (newItem || group === undefined) groupOf.set(parent, (group = ++groups));
    const raw = (m.groups!.quoted ?? m.groups!.plain!).trimEnd();
    const start = lineOffset + column + (m.groups!.q ? 1 : 0);
    const key: DocumentKey = { key: raw, start, end: start + raw.length, parent, group };
    const restOffset = lineOffset + column + m[0].length;
    const scalar = YAML_SCALAR.exec(line.slice(column + m[0].length));
    const v = scalar?.indices?.groups?.quoted ?? scalar?.indices?.groups?.plain;
    if (scalar && v) key.value = { text: scalar.groups!.quoted ?? scalar.groups!.plain!, start: restOffset + v[0], end: restOffset + v[1] };
    if (/^[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line.slice(column + m[0].length))) blockScalarColumn = column;
    keys.push(key);
    stack.push({ column, key });
  }
  return keys;
}

const YAML_SCALAR = /^[ \t]*(?:(?<q>["'])(?<quoted>[^"'\n]*)\k<q>|(?<plain>[^\s#'"|>{[&*!][^#\n]*?))[ \t]*(?:#.*)?$/d;

/** Keys of a JSON (or JSON with comments) document; tolerant of errors, it never throws. */
export function jsonKeys(text: string): DocumentKey[] {
  const keys: DocumentKey[] = [];
  /** Per open container: whether it is an object, its group, and the key whose value it is. */
  const stack: { object: boolean; group: number; owner?: DocumentKey }[] = [];
  let groups = 0;
  let pendingKey: DocumentKey | undefined;
  let lastKey: DocumentKey | undefined;
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
      const str = text.slice(i + 1, j);
      const top = stack[stack.length - 1];
      let k = j + 1;
      while (k < n && /\s/.test(text[k])) k++;
      if (top?.object && text[k] === ':' && !pendingKey) {
        lastKey = { key: str, start: i + 1, end: j, parent: top.owner, group: top.group };
        keys.push(lastKey);
        pendingKey = lastKey;
        i = k;
        continue;
      }
      if (pendingKey) pendingKey.value = { text: str, start: i + 1, end: j };
      pendingKey = undefined;
      i = j;
      continue;
    }
    if (c === ',') { pendingKey = undefined; continue; }
    if (pendingKey && /[-0-9tfn]/.test(c)) {
      const m = /^[^\s,}\]]+/.exec(text.slice(i, i + 64))!;
      pendingKey.value = { text: m[0], start: i, end: i + m[0].length };
      pendingKey = undefined;
      i += m[0].length - 1;
    }
  }
  return keys;
}

function lineEndFrom(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e;
}
