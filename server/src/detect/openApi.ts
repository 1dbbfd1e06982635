/** OpenAPI 2 and 3 documents (YAML or JSON): response codes, operations and header names, by position in the document. */
import { readJsonKeys, readYamlKeys, type KeyVisitor } from './documentKeys';
import { HEADER_BY_LOWER, methodFromName } from './httpVocabulary';
import type { HttpToken } from './token';

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** The only keys whose values the rules read: header parameters' `in` and `name`. */
const VALUES_READ: ReadonlySet<string> = new Set(['in', 'name']);
const LONGEST_OPERATION = Math.max(...[...OPERATIONS].map((o) => o.length));
const STATUS_KEY = /^[1-5]\d\d$/;

/** Tokens of an OpenAPI/Swagger document; any other YAML or JSON document has none. */
export function findOpenApiTokens(text: string, languageId: string): HttpToken[] {
  // No OpenAPI document without one of the two keys that mark it: most YAML and JSON files are read no further.
  if (!text.includes('openapi') && !text.includes('swagger')) return [];
  const reader = new OpenApiReader();
  if (languageId === 'yaml') readYamlKeys(text, reader, VALUES_READ);
  else readJsonKeys(text, reader, VALUES_READ);
  return reader.tokens();
}

interface Key {
  key: string;
  parent: Key | undefined;
  group: number;
  /** A `name` key that is not a token itself: its value may name a header. */
  headerName: boolean;
}

/** Reads keys as they come, keeping only what later keys and values need. */
class OpenApiReader implements KeyVisitor<Key> {
  private readonly found: HttpToken[] = [];
  /** Groups (mappings) with `in: header`: their `name:` is a header parameter's name. */
  private readonly headerParameters = new Set<number>();
  private readonly names: { group: number; text: string; start: number; end: number }[] = [];
  private isOpenApi = false;

  key(key: string, start: number, end: number, group: number, parent: Key | undefined): Key {
    const k: Key = { key, parent, group, headerName: false };
    if (parent === undefined && (key === 'openapi' || key === 'swagger')) this.isOpenApi = true;
    const parentKey = parent?.key;
    if (parentKey === 'responses' && STATUS_KEY.test(key)) this.token('status', Number(key), start, end, 'openapi-response');
    else if (key.length <= LONGEST_OPERATION && OPERATIONS.has(key) && isPathItem(parent)) this.token('method', methodFromName(key)!, start, end, 'openapi-operation');
    else if (parentKey === 'headers' && HEADER_BY_LOWER.has(key.toLowerCase())) this.token('header', HEADER_BY_LOWER.get(key.toLowerCase())!, start, end, 'openapi-header');
    else k.headerName = key === 'name';
    return k;
  }

  value(owner: Key, text: string, start: number, end: number): void {
    // `in` counts wherever it is; a `name` only when the key itself is not a token.
    if (owner.key === 'in') {
      if (text === 'header') this.headerParameters.add(owner.group);
    } else if (owner.headerName) this.names.push({ group: owner.group, text, start, end });
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

  private token(kind: HttpToken['kind'], value: HttpToken['value'], start: number, end: number, family: string): void {
    this.found.push({ kind, value, start, end, confidence: 'openapi', family });
  }
}

/** A path item (`/users/{id}:`), a callback expression (`'{$request.body#/url}':`) or a webhook. */
function isPathItem(key: Key | undefined): boolean {
  if (!key) return false;
  return key.key.startsWith('/') || key.key.startsWith('{') || key.parent?.key === 'webhooks';
}
