/** Typed, position-aware reading of YAML mappings, collecting problems instead of throwing. */
import { parseDocument } from './yamlLibrary';
import { LineMap } from './lineMap';
import { fillOnFirstUse } from './lazyRecord';
import type { CorpusProblem, Severity, SourceRange } from './model';
import { parseSimpleYaml } from './simpleYaml';
import { toYamlNode, type YamlMap, type YamlNode, type YamlPair } from './yamlNode';

/** Collects problems for one file; `base` is the offset of the parsed YAML inside the file. */
export class ProblemSink {
  readonly problems: CorpusProblem[] = [];
  constructor(readonly file: string, readonly lines: LineMap, readonly base = 0) {}

  add(range: SourceRange, severity: Severity, code: string, message: string): void {
    this.problems.push({ file: this.file, range, severity, code, message: boundMessage(message) });
  }

  rangeOf(node: YamlNode | null | undefined, fallback?: SourceRange): SourceRange {
    if (node?.start === undefined) return fallback ?? this.lines.range(this.base, this.base);
    return this.lines.range(this.base + node.start, this.base + node.end!);
  }
}

/** Longest problem message: corpus values quoted in it may be megabytes long. */
const MAX_MESSAGE = 500;

export function boundMessage(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

export interface ParsedYaml {
  /** The document's top node (null when empty). */
  contents: YamlNode | null;
  ok: boolean;
}

/** Largest YAML text read: on hostile input the full parser needs seconds per few hundred KB. */
export const MAX_YAML_CHARS = 256 * 1024;
/** YAML errors (and warnings) reported one by one per file; the rest are counted in one more problem. */
const MAX_YAML_PROBLEMS = 20;

/** Parses YAML text, reporting syntax errors (with their positions) into the sink. */
export function parseYaml(text: string, sink: ProblemSink): ParsedYaml {
  if (text.length > MAX_YAML_CHARS) {
    sink.add(sink.lines.lineRange(sink.lines.pos(sink.base).line), 'error', 'too-large',
      `The YAML here is ${text.length} characters long, over the limit of ${MAX_YAML_CHARS}: it is not read`);
    return { contents: null, ok: false };
  }
  // Well-formed front matter in the common subset needs no full parse (and has no errors to report).
  const simple = parseSimpleYaml(text);
  if (simple) return { contents: simple, ok: true };
  let doc: ReturnType<typeof parseDocument>;
  let contents: YamlNode | null;
  let duplicates: YamlIssue[];
  try {
    // The parser's own duplicate-key check compares each key with every earlier one (20,000 keys: 3 s): ours is linear.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    contents = toYamlNode(doc.contents);
    duplicates = duplicateKeys(contents);
  } catch (e) {
    // The parser recurses per nesting level: thousands of levels overflow the stack.
    sink.add(sink.lines.lineRange(sink.lines.pos(sink.base).line), 'error', 'yaml-syntax', `The YAML could not be read: ${(e as Error).message}`);
    return { contents: null, ok: false };
  }
  const errors = duplicates.length ? [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]) : doc.errors;
  reportYamlIssues(sink, errors, 'error');
  reportYamlIssues(sink, doc.warnings, 'warning');
  return { contents, ok: errors.length === 0 };
}

interface YamlIssue { code: string; message: string; pos: [number, number] }

/**
 * The keys of each mapping that an earlier key of the same mapping already has, as the parser's `uniqueKeys` check
 * reports them (code, message, position): scalar keys with the same value. One pass with a set per mapping.
 */
function duplicateKeys(contents: YamlNode | null): YamlIssue[] {
  const found: YamlIssue[] = [];
  // A stack, not recursion: the tree may be thousands of levels deep.
  const stack: YamlNode[] = contents ? [contents] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    if (node.kind !== 'map') continue;
    const seen = new Set<unknown>();
    for (const { key, value } of node.pairs) {
      if (value) stack.push(value);
      if (!key) continue;
      if (key.kind !== 'scalar') {
        stack.push(key);
        continue;
      }
      // The parser compares values with `===`: NaN (`.nan`) is never a duplicate.
      if (Number.isNaN(key.value)) continue;
      if (!seen.has(key.value)) seen.add(key.value);
      else if (key.start !== undefined) found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [key.start, key.start + 1] });
    }
  }
  return found;
}

/** Reports the parser's errors or warnings, the first few one by one. */
function reportYamlIssues(sink: ProblemSink, issues: readonly YamlIssue[], severity: 'error' | 'warning'): void {
  issues.forEach((e, i) => {
    const [s, t] = e.pos;
    const range = sink.lines.range(sink.base + s, sink.base + Math.max(s, t));
    const code = severity === 'warning' ? 'yaml-warning' : e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    if (i < MAX_YAML_PROBLEMS) sink.add(range, severity, code, firstLine(e.message));
    else if (i === MAX_YAML_PROBLEMS) sink.add(range, severity, code, `${issues.length - i} more YAML ${severity}s from here on`);
  });
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * A mapping's pair for a text key, as a Map would hold it (a repeated key: the last pair, at the
 * first one's place). A scan: mappings mostly have a handful of keys, and a corpus has 100,000 mappings;
 * a large one is indexed once, so that reading each of its keys stays linear.
 */
function pairFor(pairs: readonly YamlPair[], key: string): YamlPair | undefined {
  if (pairs.length > MAX_SCANNED_PAIRS) return pairIndexOf(pairs).get(key);
  for (let i = pairs.length - 1; i >= 0; i--) {
    const k = pairs[i].key;
    if (k?.kind === 'scalar' && String(k.value) === key) return pairs[i];
  }
  return undefined;
}

const MAX_SCANNED_PAIRS = 16;
const pairIndexes = new WeakMap<readonly YamlPair[], Map<string, YamlPair>>();

function pairIndexOf(pairs: readonly YamlPair[]): Map<string, YamlPair> {
  let index = pairIndexes.get(pairs);
  if (!index) {
    index = new Map();
    for (const pair of pairs) if (pair.key?.kind === 'scalar') index.set(String(pair.key.value), pair);
    pairIndexes.set(pairs, index);
  }
  return index;
}

/** A mapping's text keys, each once, in order. */
function keysOf(pairs: readonly YamlPair[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const { key } of pairs) {
    if (key?.kind !== 'scalar') continue;
    const text = String(key.value);
    if (!seen.has(text)) {
      seen.add(text);
      keys.push(text);
    }
  }
  return keys;
}

/** A view on one YAML mapping with typed getters that report wrong types. */
export class MapReader {
  constructor(readonly map: YamlMap, readonly sink: ProblemSink, readonly where: string) {}

  static of(node: YamlNode | null | undefined, sink: ProblemSink, where: string): MapReader | undefined {
    return node?.kind === 'map' ? new MapReader(node, sink, where) : undefined;
  }

  has(key: string): boolean {
    return pairFor(this.map.pairs, key) !== undefined;
  }

  keys(): string[] {
    return keysOf(this.map.pairs);
  }

  node(key: string): YamlNode | null | undefined {
    return pairFor(this.map.pairs, key)?.value;
  }

  /** Range of the value (or of the key when the value is empty). */
  range(key: string): SourceRange {
    const pair = pairFor(this.map.pairs, key);
    if (!pair) return this.sink.rangeOf(this.map);
    return this.sink.rangeOf(pair.value ?? pair.key);
  }

  /** `range` of every key, computed when first read (keeps only offsets and the text until then). */
  lazyRanges(): Record<string, SourceRange> {
    const keys = sharedKeyList(this.keys());
    const { base, lines: { text } } = this.sink;
    const offsets = new Array<number>(2 * keys.length);
    keys.forEach((key, i) => {
      const pair = pairFor(this.map.pairs, key)!;
      const node = pair.value ?? pair.key;
      const known = node?.start !== undefined;
      offsets[2 * i] = known ? base + node!.start! : base;
      offsets[2 * i + 1] = known ? base + node!.end! : base;
    });
    return fillOnFirstUse(rangesOf, { keys, offsets, text });
  }

  /** A scalar read as text; numbers and dates are accepted and turned into strings. */
  string(key: string, required: boolean): string | undefined {
    const pair = pairFor(this.map.pairs, key);
    if (!pair || pair.value === null || (pair.value.kind === 'scalar' && pair.value.value === null)) {
      if (required) {
        const range = pair ? this.sink.rangeOf(pair.key) : this.sink.rangeOf(this.map);
        this.sink.add(range, 'error', 'missing-field', `${this.where}: required field '${key}' is missing`);
      }
      return undefined;
    }
    const v = pair.value;
    if (v.kind === 'scalar' && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) {
      const text = String(v.value).trim();
      if (required && text === '') {
        this.sink.add(this.sink.rangeOf(v), 'error', 'missing-field', `${this.where}: required field '${key}' is empty`);
        return undefined;
      }
      return text;
    }
    if (v.kind === 'scalar' && v.value instanceof Date) return v.value.toISOString();
    this.sink.add(this.sink.rangeOf(v), 'error', 'wrong-type', `${this.where}: '${key}' must be text, found ${describe(v)}`);
    return undefined;
  }

  /** A list; a single mapping where a list is expected is reported and read as a one-item list. */
  list(key: string, itemName: string): YamlNode[] {
    const v = pairFor(this.map.pairs, key)?.value;
    if (v === undefined || v === null || (v.kind === 'scalar' && v.value === null)) return [];
    if (v.kind === 'seq') return v.items;
    if (v.kind === 'map') {
      this.sink.add(this.sink.rangeOf(v), 'warning', 'expected-list',
        `${this.where}: '${key}' should be a list of ${itemName}s; a single mapping was read as one ${itemName}`);
      return [v];
    }
    this.sink.add(this.sink.rangeOf(v), 'error', 'wrong-type', `${this.where}: '${key}' must be a list of ${itemName}s, found ${describe(v)}`);
    return [];
  }
}

/**
 * One copy of a value that repeats across pages (guideline titles, companies, URLs, dates, categories):
 * each copy cut from a page costs a string header and keeps that page alive. Only for such fields:
 * the lookup costs more than it saves on values that do not repeat.
 */
const sharedValues = new Map<string, string>();
const MAX_SHARED_VALUES = 50_000;
const MAX_SHARED_LENGTH = 200;

export function sharedValue(value: string): string;
export function sharedValue(value: string | undefined): string | undefined;
export function sharedValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_SHARED_LENGTH) return value;
  const known = sharedValues.get(value);
  if (known !== undefined) return known;
  if (sharedValues.size >= MAX_SHARED_VALUES) sharedValues.clear();
  // Stored as a copy: the value cut from a page would keep that page alive for as long as the table.
  const own = (' ' + value).slice(1);
  sharedValues.set(own, own);
  return own;
}

function rangesOf({ keys, offsets, text }: { keys: readonly string[]; offsets: number[]; text: string }): Record<string, SourceRange> {
  const lines = new LineMap(text);
  const ranges: Record<string, SourceRange> = {};
  keys.forEach((key, i) => (ranges[key] = lines.range(offsets[2 * i], offsets[2 * i + 1])));
  return ranges;
}

/** Pages of one corpus mostly have the same keys in the same order: one array serves them all. */
const keyLists = new Map<string, readonly string[]>();
const MAX_KEY_LISTS = 1000;

/** The list handed out last: consecutive pages usually have the same keys, found without a lookup. */
let lastKeyList: readonly string[] = [];

function sharedKeyList(list: string[]): readonly string[] {
  if (list.length === lastKeyList.length && list.every((k, i) => k === lastKeyList[i])) return lastKeyList;
  const id = list.join('\n');
  let shared = keyLists.get(id);
  if (!shared) {
    shared = list;
    if (keyLists.size < MAX_KEY_LISTS) keyLists.set(id, list);
  }
  return (lastKeyList = shared);
}

export function describe(node: YamlNode | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'scalar') return node.value === null ? 'null' : `${typeof node.value} '${String(node.value).slice(0, 40)}'`;
  return 'an alias';
}
