import * as assert from 'assert';
import { jsonKeys, yamlKeys, type DocumentKey } from '../../../server/src/detect/documentKeys';

/** `parent/key=value` per key, with the key's text taken from the document by its range. */
function outline(text: string, keys: DocumentKey[]): string[] {
  return keys.map((k) => `${k.parent ? `${k.parent.key}/` : ''}${text.slice(k.start, k.end)}${k.value ? `=${text.slice(k.value.start, k.value.end)}` : ''}`);
}

describe('detect/documentKeys', () => {
  it('reads YAML keys with their parents, quoted or not, through sequences and block scalars', () => {
    const text = [
      'openapi: "3.0.0"',
      'info:',
      '  description: |',
      '    responses:',
      "      '500': prose",
      'paths:',
      '  /a:',
      '    get:',
      '      parameters:',
      '        - name: If-Match # a header',
      '          in: header',
      '        - in: query',
      '          name: q',
      '      responses:',
      "        '200':",
      '          description: ok',
      '',
    ].join('\r\n');
    const keys = yamlKeys(text);
    assert.deepStrictEqual(outline(text, keys), [
      'openapi=3.0.0', 'info', 'info/description', 'paths', 'paths//a', '/a/get', 'get/parameters',
      'parameters/name=If-Match', 'parameters/in=header', 'parameters/in=query', 'parameters/name=q',
      'get/responses', 'responses/200', '200/description=ok',
    ]);
    const [ifMatch, inHeader, inQuery] = keys.filter((k) => k.parent?.key === 'parameters');
    assert.strictEqual(ifMatch.group, inHeader.group, 'one sequence item is one mapping');
    assert.notStrictEqual(inHeader.group, inQuery.group, 'the next item is another');
  });

  it('reads JSON keys with their parents and values, skipping comments and tolerating errors', () => {
    const text = '{ // c\n "swagger": "2.0", "paths": { "/a": { "get": { "parameters": [ {"in": "header", "name": "ETag"} ], "responses": { "404": {} } } } }, "n": 5, "broken": ';
    assert.deepStrictEqual(outline(text, jsonKeys(text)), [
      'swagger=2.0', 'paths', 'paths//a', '/a/get', 'get/parameters', 'parameters/in=header', 'parameters/name=ETag', 'get/responses', 'responses/404', 'n=5', 'broken',
    ]);
    const cut = '{"a": [1, {"b": "unterminated';
    assert.deepStrictEqual(outline(cut, jsonKeys(cut)), ['a', 'a/b=unterminated']);
  });
});
