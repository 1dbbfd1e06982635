/** OpenAPI 2 and 3 documents (YAML or JSON): response codes, operations and header names, by position in the document. */
import { readJsonKeys, readYamlKeys, type KeyVisitor } from './documentKeys';
import { HEADER_BY_LOWER, methodFromName } from './httpVocabulary';
import type { HttpToken } from './token';

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** The only keys whose values the rules read: header parameters' `in` and `name`. */
const VALUES_READ: ReadonlySet<string> = new Set(['in', 'name']);
const LONGEST_OPERATION = Math.max(...[...OPERATIONS].map((o) => o.length));

/** Languages an OpenAPI/Swagger document is written in. */
export const OPENAPI_LANGUAGES: ReadonlySet<string> = new Set(['yaml', 'json', 'jsonc']);

/**
 * Whether a YAML or JSON text may be an OpenAPI/Swagger document: it has an `openapi` or `swagger` key, at the start
 * of a line in YAML. Cheap and generous (the detector decides with the document's structure); real specs may put
 * the key anywhere, since some sort their keys (`components` first).
 */
export function mayBeOpenApiDocument(text: string, languageId: string): boolean {
  if (!OPENAPI_LANGUAGES.has(languageId)) return false;
  return languageId === 'yaml' ? /^["']?(?:openapi|swagger)["']?[ \t]*:/m.test(text) : /"(?:openapi|swagger)"\s*:/.test(text);
}

/** Tokens of an OpenAPI/Swagger document; any other YAML or JSON document has none. */
export function findOpenApiTokens(text: string, languageId: string): HttpToken[] {
  // No OpenAPI document without one of the two keys that mark it: most YAML and JSON files are read no further.
  if (!text.includes('openapi') && !text.includes('swagger')) return [];
  const reader = new OpenApiReader(text);
  if (languageId === 'yaml') readYamlKeys(text, reader, VALUES_READ);
  else readJsonKeys(text, reader, VALUES_READ);
  return reader.tokens();
}

/**
 * Reads keys as they come, keeping only what later keys and values need. A key is an index into typed arrays
 * (its range, parent, group), and its text is read only to compare it: a long document allocates next to nothing.
 */
class OpenApiReader implements KeyVisitor<number> {
  private readonly found: HttpToken[] = [];
  /** Groups (mappings) with `in: header`: their `name:` is a header parameter's name. */
  private readonly headerParameters = new Set<number>();
  private readonly names: { group: number; text: string; start: number; end: number }[] = [];
  private isOpenApi = false;
  private count = 0;
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  /** The parent key, or -1. */
  private parents = new Int32Array(1024);
  private groups = new Int32Array(1024);
  /** `name` keys that are not tokens themselves: their values may name a header. */
  private headerNames = new Uint8Array(1024);

  constructor(private readonly text: string) {}

  key(start: number, end: number, group: number, parent: number | undefined): number {
    const k = this.add(start, end, group, parent ?? -1);
    if (parent === undefined && (this.is(k, 'openapi') || this.is(k, 'swagger'))) this.isOpenApi = true;
    const length = end - start;
    if (parent !== undefined && this.is(parent, 'responses') && length === 3 && this.isStatus(start)) this.token('status', Number(this.text.slice(start, end)), start, end, 'openapi-response');
    else if (length <= LONGEST_OPERATION && this.isPathItem(parent) && OPERATIONS.has(this.text.slice(start, end))) {
      this.token('method', methodFromName(this.text.slice(start, end))!, start, end, 'openapi-operation');
    } else if (parent !== undefined && this.is(parent, 'headers') && HEADER_BY_LOWER.has(this.text.slice(start, end).toLowerCase())) {
      this.token('header', HEADER_BY_LOWER.get(this.text.slice(start, end).toLowerCase())!, start, end, 'openapi-header');
    } else if (this.is(k, 'name')) this.headerNames[k] = 1;
    return k;
  }

  value(owner: number, text: string, start: number, end: number): void {
    // `in` counts wherever it is; a `name` only when the key itself is not a token.
    if (this.is(owner, 'in')) {
      if (text === 'header') this.headerParameters.add(this.groups[owner]);
    } else if (this.headerNames[owner]) this.names.push({ group: this.groups[owner], text, start, end });
  }

  tokens(): HttpToken[] {
    if (!this.isOpenApi) return [];
    for (const n of this.names) {
      if (!this.headerParameters.has(n.group)) continue;
      const header = HEADER_BY_LOWER.get(n.text.toLowerCase());
      if (header) this.token('header', header, n.start, n.end, 'openapi-header');
    }
    return this.found.sort((a, b) => a.start - b.start);
  }

  private add(start: number, end: number, group: number, parent: number): number {
    const k = this.count++;
    if (k === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.parents = grow(this.parents);
      this.groups = grow(this.groups);
      this.headerNames = grow(this.headerNames);
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.parents[k] = parent;
    this.groups[k] = group;
    return k;
  }

  private is(k: number, word: string): boolean {
    return this.ends[k] - this.starts[k] === word.length && this.text.startsWith(word, this.starts[k]);
  }

  /** `[1-5]\d\d` at `i`. */
  private isStatus(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c >= DIGIT_1 && c <= DIGIT_5 && isDigit(this.text.charCodeAt(i + 1)) && isDigit(this.text.charCodeAt(i + 2));
  }

  /** A path item (`/users/{id}:`), a callback expression (`'{$request.body#/url}':`) or a webhook. */
  private isPathItem(k: number | undefined): boolean {
    if (k === undefined) return false;
    const first = this.ends[k] > this.starts[k] ? this.text.charCodeAt(this.starts[k]) : -1;
    const parent = this.parents[k];
    return first === SLASH || first === OPEN_BRACE || (parent >= 0 && this.is(parent, 'webhooks'));
  }

  private token(kind: HttpToken['kind'], value: HttpToken['value'], start: number, end: number, family: string): void {
    this.found.push({ kind, value, start, end, confidence: 'openapi', family });
  }
}

const DIGIT_1 = 0x31;
const DIGIT_5 = 0x35;
const SLASH = 0x2f;
const OPEN_BRACE = 0x7b;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
