/** OpenAPI 2 and 3 documents (YAML or JSON): response codes, operations and header names, by position in the document. */
import { jsonKeys, yamlKeys, type DocumentKey } from './documentKeys';
import { HEADER_BY_LOWER, methodFromName } from './httpVocabulary';
import type { HttpToken } from './token';

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** The only keys whose values the rules read: header parameters' `in` and `name`. */
const VALUES_READ: ReadonlySet<string> = new Set(['in', 'name']);

/** Tokens of an OpenAPI/Swagger document; any other YAML or JSON document has none. */
export function findOpenApiTokens(text: string, languageId: string): HttpToken[] {
  const keys = languageId === 'yaml' ? yamlKeys(text, VALUES_READ) : jsonKeys(text);
  if (!keys.some((k) => !k.parent && (k.key === 'openapi' || k.key === 'swagger'))) return [];
  // Mappings with `in: header`: their `name:` is a header parameter's name.
  const headerParameters = new Set(keys.filter((k) => k.key === 'in' && k.value?.text === 'header').map((k) => k.group));
  const tokens: HttpToken[] = [];
  const token = (kind: HttpToken['kind'], value: HttpToken['value'], start: number, end: number, family: string) =>
    tokens.push({ kind, value, start, end, confidence: 'openapi', family });
  for (const k of keys) {
    const parent = k.parent?.key;
    if (parent === 'responses' && /^[1-5]\d\d$/.test(k.key)) token('status', Number(k.key), k.start, k.end, 'openapi-response');
    else if (OPERATIONS.has(k.key) && isPathItem(k.parent)) token('method', methodFromName(k.key)!, k.start, k.end, 'openapi-operation');
    else if (parent === 'headers' && HEADER_BY_LOWER.has(k.key.toLowerCase())) token('header', HEADER_BY_LOWER.get(k.key.toLowerCase())!, k.start, k.end, 'openapi-header');
    else if (k.key === 'name' && k.value && headerParameters.has(k.group)) {
      const header = HEADER_BY_LOWER.get(k.value.text.toLowerCase());
      if (header) token('header', header, k.value.start, k.value.end, 'openapi-header');
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** A path item (`/users/{id}:`), a callback expression (`'{$request.body#/url}':`) or a webhook. */
function isPathItem(key: DocumentKey | undefined): boolean {
  if (!key) return false;
  return key.key.startsWith('/') || key.key.startsWith('{') || key.parent?.key === 'webhooks';
}
