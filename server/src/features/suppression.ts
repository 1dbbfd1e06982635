/** Suppression comments and the OpenAPI extension key: reading them, and writing one for a quick fix. */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, visit, type Node, type Pair, type YAMLMap } from '../corpus/yamlLibrary';

/** A stretch of text (character offsets, end exclusive) where some rules, or all, are silenced. */
export interface SuppressionScope {
  start: number;
  end: number;
  /** Empty means every rule. */
  rules: string[];
}

/** An edit in character offsets, for the LSP shell to map. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** How a language writes a comment, for inserting a suppression. */
export interface CommentStyle {
  open: string;
  close?: string;
}

const SLASHES: CommentStyle = { open: '//' };
const HASH: CommentStyle = { open: '#' };
const DASHES: CommentStyle = { open: '--' };
const MARKUP: CommentStyle = { open: '<!--', close: '-->' };
const BLOCK: CommentStyle = { open: '/*', close: '*/' };

/** Comment syntax by language id (VS Code ids plus common Neovim filetypes). JSON has none: it uses the extension key. */
export const COMMENT_STYLES: Readonly<Record<string, CommentStyle>> = {
  javascript: SLASHES, javascriptreact: SLASHES, typescript: SLASHES, typescriptreact: SLASHES,
  java: SLASHES, kotlin: SLASHES, go: SLASHES, csharp: SLASHES, cs: SLASHES, php: SLASHES, rust: SLASHES,
  swift: SLASHES, scala: SLASHES, jsonc: SLASHES, c: SLASHES, cpp: SLASHES, dart: SLASHES, groovy: SLASHES,
  fsharp: SLASHES, 'objective-c': SLASHES, proto: SLASHES,
  python: HASH, ruby: HASH, elixir: HASH, yaml: HASH, http: HASH, shellscript: HASH, sh: HASH, bash: HASH,
  perl: HASH, r: HASH, toml: HASH, dockerfile: HASH, makefile: HASH, powershell: HASH, properties: HASH,
  graphql: HASH, nix: HASH, coffeescript: HASH,
  sql: DASHES, lua: DASHES, haskell: DASHES, elm: DASHES,
  markdown: MARKUP, html: MARKUP, xml: MARKUP, vue: MARKUP, svelte: MARKUP,
  css: BLOCK, scss: BLOCK, less: BLOCK,
  erlang: { open: '%' }, clojure: { open: ';' }, ini: { open: ';' },
};

/** Languages whose files may carry the OpenAPI extension key `x-api-guidelines-disable`. */
const OPENAPI_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);
export const EXTENSION_KEY = 'x-api-guidelines-disable';

const DIRECTIVE = /(?<![\w-])api-guidelines-disable-(next-)?line\b/;
/** A directive counts only after a comment opener on its line (any language's, so mixed files work). */
const COMMENT_OPENER = /(\/\/|\/\*|#|--|<!--|;|%)/;
/** Where the rule list stops: a block comment's end or an explanation after ` -- `. */
const LIST_END = /\*\/|-->|\s--(\s|$)/;
const RULE_WORD = /[A-Za-z0-9:_/-]+/g;

interface Directive {
  next: boolean;
  rules: string[];
  /** Offset in the line just after the last rule (or the directive when it has none). */
  rulesEnd: number;
}

/** Reads a suppression directive from one line of text. */
export function parseDirective(line: string): Directive | undefined {
  const m = DIRECTIVE.exec(line);
  if (!m || !COMMENT_OPENER.test(line.slice(0, m.index))) return undefined;
  const listStart = m.index + m[0].length;
  let list = line.slice(listStart);
  const cut = LIST_END.exec(list);
  if (cut) list = list.slice(0, cut.index);
  const rules: string[] = [];
  let rulesEnd = listStart;
  for (const w of list.matchAll(RULE_WORD)) {
    rules.push(w[0]);
    rulesEnd = listStart + w.index! + w[0].length;
  }
  return { next: !!m[1], rules, rulesEnd };
}

/** Every suppression in a document: comment directives, plus the extension key in YAML and JSON. */
export function findSuppressions(text: string, languageId: string): SuppressionScope[] {
  const scopes: SuppressionScope[] = [];
  // One directive per line: the search goes on from the end of the line (from each occurrence, a long line of them
  // was read again per occurrence).
  for (let i = text.indexOf('api-guidelines-disable-'); i !== -1; i = text.indexOf('api-guidelines-disable-', i + 1)) {
    const { start, end } = lineAround(text, i);
    i = Math.max(i, end);
    const d = parseDirective(text.slice(start, end));
    if (!d) continue;
    const target = d.next ? (end < text.length ? lineAround(text, nextLineStart(text, end)) : undefined) : { start, end };
    if (target) scopes.push({ ...target, rules: d.rules });
  }
  if (OPENAPI_LANGUAGES.has(languageId) && text.includes(EXTENSION_KEY)) scopes.push(...safely(() => extensionScopes(text), []));
  return scopes;
}

export function isSuppressed(scopes: readonly SuppressionScope[], rule: string, offset: number): boolean {
  return scopes.some((s) => offset >= s.start && offset <= s.end && (s.rules.length === 0 || s.rules.includes(rule)));
}

/** The extension key silences the mapping that holds it, from its parent key on (the whole file at the root). */
function extensionScopes(text: string): SuppressionScope[] {
  const scopes: SuppressionScope[] = [];
  // Without the parser's duplicate-key check, which compares each key with every earlier one (quadratic).
  for (const doc of parseAllDocuments(text, { uniqueKeys: false }) as ReturnType<typeof parseDocument>[]) {
    if (!doc.contents) continue;
    visit(doc, {
      Map(_key, map, path) {
        const pair = map.items.find((p) => isScalar(p.key) && p.key.value === EXTENSION_KEY);
        if (!pair || !map.range) return;
        const rules = extensionRules(pair.value as Node | null);
        if (!rules) return;
        const parent = path[path.length - 1];
        const root = !isPair(parent) && !isSeq(parent);
        const keyStart = isPair(parent) ? (parent.key as Node | null)?.range?.[0] : undefined;
        scopes.push({ start: root ? 0 : keyStart ?? map.range[0], end: root ? text.length : map.range[1], rules });
      },
    });
  }
  return scopes;
}

/** `[rule, …]` or `rule, rule` lists rules; `true` or an empty value silences all; `false` nothing. */
function extensionRules(value: Node | null): string[] | undefined {
  if (value === null || value === undefined) return [];
  if (isSeq(value)) return value.items.flatMap((i) => (isScalar(i) && i.value !== null ? [String(i.value)] : []));
  if (!isScalar(value)) return undefined;
  if (value.value === false) return undefined;
  if (value.value === true || value.value === null) return [];
  return String(value.value).split(/[\s,]+/).filter(Boolean);
}

/** The edit that silences `rule` at `offset`: a next-line comment, or the extension key in JSON. */
export function suppressionEdit(text: string, languageId: string, offset: number, rule: string): TextEdit | undefined {
  if (languageId === 'json') return safely(() => extensionKeyEdit(text, offset, rule), undefined);
  const style = COMMENT_STYLES[languageId];
  if (!style) return undefined;
  const { start } = lineAround(text, offset);
  if (start > 0) {
    // Extend a directive already standing on the line above rather than stacking a second one.
    const prev = lineAround(text, start - 1);
    const d = parseDirective(text.slice(prev.start, prev.end));
    if (d?.next && d.rules.length) {
      return d.rules.includes(rule) ? undefined : { start: prev.start + d.rulesEnd, end: prev.start + d.rulesEnd, newText: `, ${rule}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const close = style.close ? ` ${style.close}` : '';
  return { start, end: start, newText: `${indent}${style.open} api-guidelines-disable-next-line ${rule}${close}${eol}` };
}

/** JSON has no comments: add the rule to `x-api-guidelines-disable` in the object the token belongs to. */
function extensionKeyEdit(text: string, offset: number, rule: string): TextEdit | undefined {
  // Without the duplicate-key check, which compares each key with every earlier one (quadratic on large specs).
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length || !doc.contents) return undefined;
  let target: YAMLMap | undefined;
  visit(doc, {
    Pair(_key, pair, path) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const inKey = !!key?.range && offset >= key.range[0] && offset < key.range[1];
      const inValue = !!value?.range && isScalar(value) && offset >= value.range[0] && offset < value.range[1];
      if (!inKey && !inValue) return;
      // A key owning an object (`"302": {…}`) gets the key inside that object; otherwise the enclosing object.
      const parent = path[path.length - 1];
      target = inKey && isMap(value) ? value : isMap(parent) ? parent : undefined;
    },
  });
  if (!target?.range || text[target.range[0]] !== '{') return undefined;
  const existing = target.items.find((p) => isScalar(p.key) && p.key.value === EXTENSION_KEY);
  if (existing) return extendExtensionList(existing, rule);
  const open = target.range[0] + 1;
  const entry = `"${EXTENSION_KEY}": ["${rule}"]`;
  const first = (target.items[0]?.key as Node | null)?.range?.[0];
  if (first === undefined) return { start: open, end: open, newText: entry };
  const firstLine = lineAround(text, first);
  if (firstLine.start <= open) return { start: open, end: open, newText: /\s/.test(text[open]) ? ` ${entry},` : `${entry}, ` };
  const indent = /^[ \t]*/.exec(text.slice(firstLine.start))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: open, end: open, newText: `${eol}${indent}${entry},` };
}

function extendExtensionList(pair: Pair, rule: string): TextEdit | undefined {
  const value = pair.value as Node | null;
  if (!isSeq(value) || !value.range || value.items.length === 0) return undefined;
  if (value.items.some((i) => isScalar(i) && i.value === rule)) return undefined;
  const last = (value.items[value.items.length - 1] as Node).range;
  if (!last) return undefined;
  return { start: last[1], end: last[1], newText: `, "${rule}"` };
}

/** The YAML parser can overflow its stack on pathological input: that costs the extension key, never the diagnostics. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Start and end (before the line break) of the line holding `offset`. */
function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

function nextLineStart(text: string, lineEnd: number): number {
  return text[lineEnd] === '\r' ? lineEnd + 2 : lineEnd + 1;
}
