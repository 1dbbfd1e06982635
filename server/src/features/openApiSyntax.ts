/**
 * YAML and JSON syntax errors in OpenAPI documents. The detector reads keys past a syntax error, so without this a
 * broken document would be scanned and nobody told that what it reports may be incomplete (Spectral reports them too).
 */
import type * as JsYaml from 'js-yaml';
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { mayBeOpenApiDocument } from '../detect/openApi';

export interface OpenApiSyntaxError {
  /** Character offsets of the error: from where the parser stopped to the end of that line (at least one character). */
  start: number;
  end: number;
  message: string;
}

let jsYaml: typeof JsYaml | undefined;

/**
 * The first syntax error of an OpenAPI/Swagger document (YAML or JSON), or none. Other documents are not parsed:
 * a YAML file needs a top-level `openapi:` or `swagger:` key; a JSON file such a key in what could be parsed.
 * Only the first error is reported: the ones after it are mostly its echoes.
 */
export function findOpenApiSyntaxErrors(text: string, languageId: string): OpenApiSyntaxError[] {
  if (!mayBeOpenApiDocument(text, languageId)) return [];
  const found = languageId === 'yaml' ? yamlError(text) : jsonError(text, languageId);
  if (!found) return [];
  // Never an empty range (every finding covers a character): at a line's end, the line break; at the text's end, the last character.
  const start = Math.min(found.offset, text.length - 1);
  const lineEnd = start + text.slice(start).search(/\r?\n|$/);
  return [{ start, end: Math.max(lineEnd, start + 1), message: found.message }];
}

function yamlError(text: string): { offset: number; message: string } | undefined {
  // js-yaml, loaded on first use: several times faster than the `yaml` package's parser on multi-megabyte specs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsYaml ??= require('js-yaml') as typeof JsYaml;
  try {
    // Core schema: YAML 1.2 as OpenAPI 3.1 asks, and no timestamp or merge-key handling to pay for.
    jsYaml.loadAll(text, () => undefined, { schema: jsYaml.CORE_SCHEMA });
    return undefined;
  } catch (e) {
    // Anything but a parse error (a stack overflow on absurd nesting) says nothing about the syntax.
    if (!(e instanceof jsYaml.YAMLException) || !e.mark) return undefined;
    return { offset: Math.min(e.mark.position, text.length), message: `This OpenAPI document is not valid YAML: ${e.reason}. Findings after this point may be missing.` };
  }
}

function jsonError(text: string, languageId: string): { offset: number; message: string } | undefined {
  const errors: ParseError[] = [];
  const root: unknown = parseJson(text, errors, { disallowComments: languageId === 'json', allowTrailingComma: false, allowEmptyContent: false });
  if (!errors.length) return undefined;
  // What could be read must be an OpenAPI document: `"openapi":` nested in some other JSON file does not count.
  if (!root || typeof root !== 'object' || !('openapi' in root || 'swagger' in root)) return undefined;
  const reason = printParseErrorCode(errors[0].error).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
  return { offset: errors[0].offset, message: `This OpenAPI document is not valid JSON: ${reason}. Findings after this point may be missing.` };
}
