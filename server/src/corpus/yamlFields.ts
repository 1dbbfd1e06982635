/** Typed, position-aware reading of YAML mappings, collecting problems instead of throwing. */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineMap } from './lineMap';
import type { CorpusProblem, Severity, SourceRange } from './model';

/** Collects problems for one file; `base` is the offset of the parsed YAML inside the file. */
export class ProblemSink {
  readonly problems: CorpusProblem[] = [];
  constructor(readonly file: string, readonly lines: LineMap, readonly base = 0) {}

  add(range: SourceRange, severity: Severity, code: string, message: string): void {
    this.problems.push({ file: this.file, range, severity, code, message });
  }

  rangeOf(node: Node | null | undefined, fallback?: SourceRange): SourceRange {
    const r = node?.range;
    if (!r) return fallback ?? this.lines.range(this.base, this.base);
    return this.lines.range(this.base + r[0], this.base + r[1]);
  }
}

export interface ParsedYaml {
  doc: Document.Parsed;
  ok: boolean;
}

/** Parses YAML text, reporting syntax errors (with their positions) into the sink. */
export function parseYaml(text: string, sink: ProblemSink): ParsedYaml {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    const [s, t] = e.pos;
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    sink.add(sink.lines.range(sink.base + s, sink.base + Math.max(s, t)), 'error', code, firstLine(e.message));
  }
  for (const w of doc.warnings) {
    const [s, t] = w.pos;
    sink.add(sink.lines.range(sink.base + s, sink.base + Math.max(s, t)), 'warning', 'yaml-warning', firstLine(w.message));
  }
  return { doc, ok: doc.errors.length === 0 };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** A view on one YAML mapping with typed getters that report wrong types. */
export class MapReader {
  private readonly pairs = new Map<string, Pair<Node, Node | null>>();

  constructor(readonly map: YAMLMap<Node, Node | null>, readonly sink: ProblemSink, readonly where: string) {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) this.pairs.set(key, pair);
    }
  }

  static of(node: Node | null | undefined, sink: ProblemSink, where: string): MapReader | undefined {
    return isMap(node) ? new MapReader(node as YAMLMap<Node, Node | null>, sink, where) : undefined;
  }

  has(key: string): boolean {
    return this.pairs.has(key);
  }

  keys(): string[] {
    return [...this.pairs.keys()];
  }

  node(key: string): Node | null | undefined {
    return this.pairs.get(key)?.value;
  }

  /** Range of the value (or of the key when the value is empty). */
  range(key: string): SourceRange {
    const pair = this.pairs.get(key);
    if (!pair) return this.sink.rangeOf(this.map);
    return this.sink.rangeOf(pair.value ?? pair.key);
  }

  /** A scalar read as text; numbers and dates are accepted and turned into strings. */
  string(key: string, required: boolean): string | undefined {
    const pair = this.pairs.get(key);
    if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      if (required) {
        const range = pair ? this.sink.rangeOf(pair.key as Node) : this.sink.rangeOf(this.map);
        this.sink.add(range, 'error', 'missing-field', `${this.where}: required field '${key}' is missing`);
      }
      return undefined;
    }
    const v = pair.value;
    if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) {
      const text = String(v.value).trim();
      if (required && text === '') {
        this.sink.add(this.sink.rangeOf(v), 'error', 'missing-field', `${this.where}: required field '${key}' is empty`);
        return undefined;
      }
      return text;
    }
    if (isScalar(v) && v.value instanceof Date) return v.value.toISOString();
    this.sink.add(this.sink.rangeOf(v), 'error', 'wrong-type', `${this.where}: '${key}' must be text, found ${describe(v)}`);
    return undefined;
  }

  /** A list; a single mapping where a list is expected is reported and read as a one-item list. */
  list(key: string, itemName: string): Node[] {
    const v = this.pairs.get(key)?.value;
    if (v === undefined || v === null || (isScalar(v) && v.value === null)) return [];
    if (isSeq(v)) return v.items as Node[];
    if (isMap(v)) {
      this.sink.add(this.sink.rangeOf(v), 'warning', 'expected-list',
        `${this.where}: '${key}' should be a list of ${itemName}s; a single mapping was read as one ${itemName}`);
      return [v];
    }
    this.sink.add(this.sink.rangeOf(v), 'error', 'wrong-type', `${this.where}: '${key}' must be a list of ${itemName}s, found ${describe(v)}`);
    return [];
  }
}

export function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'null' : `${typeof node.value} '${String(node.value).slice(0, 40)}'`;
  return 'an alias';
}
