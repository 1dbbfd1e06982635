import * as assert from 'assert';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { LineMap } from '../../../server/src/corpus/lineMap';
import { findOpenApiSyntaxErrors } from '../../../server/src/features/openApiSyntax';
import { brief, loadIndex, run } from './diagnosticsFixtures';

const SPEC = `openapi: 3.0.3
info:
  title: Orders
  version: 1.0.0
paths:
  /orders:
    get:
      responses:
        '499':
          description: Client closed the request
`;

/** 1-based line:column of a finding's start. */
function at(text: string, offset: number): string {
  const { line, character } = new LineMap(text).range(offset, offset).start;
  return `${line + 1}:${character + 1}`;
}

describe('features/openApiSyntax: syntax errors in OpenAPI documents', () => {
  let builtin: CorpusIndex;
  before(async () => { builtin = await loadIndex(['/builtin']); });

  it('reports the first YAML error with its place and reason, and still the findings before it', () => {
    const text = SPEC.replace("    get:\n", "    get:\n      summary: [unclosed\n");
    const findings = run(builtin, text, { languageId: 'yaml' });
    assert.deepStrictEqual(findings.map((f) => [f.rule, f.severity, at(text, f.start)]), [
      ['openapi-syntax', 'error', '9:7'],
      ['unregistered-status', 'warning', '10:10'],
    ]);
    assert.match(findings[0].message, /^This OpenAPI document is not valid YAML: .+\. Findings after this point may be missing\.$/);
    assert.strictEqual(findings[0].token, undefined);
  });

  it('reports bad indentation, tabs and duplicate keys', () => {
    for (const [broken, where] of [
      [SPEC.replace('  title: Orders\n', '  title: Orders\n version: 2\n'), '4:2'],
      [SPEC.replace('    get:\n', '\tget:\n'), '7:1'],
      [SPEC.replace('  version: 1.0.0\n', '  version: 1.0.0\n  title: Again\n'), '5:3'],
    ] as const) {
      const errors = findOpenApiSyntaxErrors(broken, 'yaml');
      assert.strictEqual(errors.length, 1, broken);
      assert.strictEqual(at(broken, errors[0].start), where, errors[0].message);
    }
  });

  it('reports JSON errors in JSON OpenAPI documents, comments too unless the language is jsonc', () => {
    const json = JSON.stringify({ openapi: '3.1.0', paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } } }, null, 2);
    const missingComma = json.replace('"3.1.0",', '"3.1.0"');
    const [error] = findOpenApiSyntaxErrors(missingComma, 'json');
    assert.strictEqual(at(missingComma, error.start), '3:3');
    assert.strictEqual(error.message, 'This OpenAPI document is not valid JSON: comma expected. Findings after this point may be missing.');
    const commented = `// generated\n${json}`;
    assert.strictEqual(findOpenApiSyntaxErrors(commented, 'json').length, 1);
    assert.deepStrictEqual(findOpenApiSyntaxErrors(commented, 'jsonc'), []);
  });

  it('never gives an empty range: an error at a line\'s end covers the line break, at the text\'s end its last character', () => {
    for (const text of ['openapi: 3.1.0\npaths: {', 'openapi: 3.1.0\npaths: {\n', '{"openapi": "3.1.0"', '{"openapi": "3.1.0",\n']) {
      const [error] = findOpenApiSyntaxErrors(text, text.startsWith('{') ? 'json' : 'yaml');
      assert.ok(error && error.start >= 0 && error.start < error.end && error.end <= text.length, JSON.stringify([text, error]));
    }
  });

  it('leaves valid documents and documents that are not OpenAPI alone', () => {
    assert.deepStrictEqual(findOpenApiSyntaxErrors(SPEC, 'yaml'), []);
    assert.deepStrictEqual(findOpenApiSyntaxErrors('name: [unclosed\n', 'yaml'), [], 'a broken YAML file that is not OpenAPI');
    assert.deepStrictEqual(findOpenApiSyntaxErrors('{ "scripts": { "openapi": "gen" }, }', 'json'), [], '"openapi" nested in some other JSON file');
    assert.deepStrictEqual(findOpenApiSyntaxErrors(SPEC.replace("    get:\n", "    get: [\n"), 'javascript'), []);
  });

  it('follows the rule settings: a severity, or off', () => {
    const text = SPEC.replace('    get:\n', '    get: [\n');
    assert.deepStrictEqual(brief(text, run(builtin, text, { languageId: 'yaml', settings: { rules: { 'openapi-syntax': 'warning' } } })).map((b) => b.slice(0, 2)), [
      ['unregistered-status', 'warning'], ['openapi-syntax', 'warning'],
    ]);
    assert.deepStrictEqual(run(builtin, text, { languageId: 'yaml', settings: { rules: { 'openapi-syntax': 'off' } } }).map((f) => f.rule), ['unregistered-status']);
    assert.deepStrictEqual(run(builtin, text, { languageId: 'yaml', settings: { disabledLanguages: ['yaml'] } }), []);
  });
});
