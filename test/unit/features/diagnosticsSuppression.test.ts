import * as assert from 'assert';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { COMMENT_STYLES, findSuppressions, isSuppressed, parseDirective, suppressionEdit, type TextEdit } from '../../../server/src/features/suppression';
import { SUPPORTED_LANGUAGES } from '../../../server/src/settings';
import { loadIndex, run, tokensAt } from './diagnosticsFixtures';

const apply = (text: string, e: TextEdit) => text.slice(0, e.start) + e.newText + text.slice(e.end);

describe('features/suppression: directives', () => {
  const lines: [string, { next: boolean; rules: string[] } | undefined][] = [
    ['res.status(520); // api-guidelines-disable-line', { next: false, rules: [] }],
    ['# api-guidelines-disable-next-line unregistered-status', { next: true, rules: ['unregistered-status'] }],
    ['-- api-guidelines-disable-next-line policy, deprecated-status', { next: true, rules: ['policy', 'deprecated-status'] }],
    ['/* api-guidelines-disable-line policy */ x', { next: false, rules: ['policy'] }],
    ['<!-- api-guidelines-disable-next-line policy -->', { next: true, rules: ['policy'] }],
    ['// api-guidelines-disable-line policy -- the legacy client follows 302 only', { next: false, rules: ['policy'] }],
    ['const s = "api-guidelines-disable-line";', undefined],
    ['// x-api-guidelines-disable-line', undefined],
    ['// api-guidelines-disable-lines', undefined],
  ];
  for (const [line, expected] of lines) {
    it(`reads ${JSON.stringify(line)}`, () => {
      const d = parseDirective(line);
      assert.deepStrictEqual(d && { next: d.next, rules: d.rules }, expected);
    });
  }

  it('scopes a same-line directive to its line and a next-line one to the following line', () => {
    const text = 'a(); // api-guidelines-disable-line\r\n# api-guidelines-disable-next-line policy\r\nb();\r\nc();';
    const scopes = findSuppressions(text, 'python');
    assert.deepStrictEqual(scopes.map((s) => [text.slice(s.start, s.end), s.rules]), [
      ['a(); // api-guidelines-disable-line', []], ['b();', ['policy']],
    ]);
    assert.ok(isSuppressed(scopes, 'policy', text.indexOf('b()')));
    assert.ok(!isSuppressed(scopes, 'deprecated-status', text.indexOf('b()')));
    assert.ok(!isSuppressed(scopes, 'policy', text.indexOf('c()')));
  });

  it('ignores a next-line directive on the last line', () => {
    assert.deepStrictEqual(findSuppressions('x // api-guidelines-disable-next-line', 'javascript').map((s) => s.start), []);
  });
});

describe('features/suppression: the OpenAPI extension key', () => {
  const yaml = `openapi: 3.0.3
paths:
  /orders:
    post:
      responses:
        '302':
          x-api-guidelines-disable: [policy]
          description: Legacy redirect
        '520':
          description: Origin error
`;

  it('silences the listed rules from the parent key to the end of its mapping', () => {
    const scopes = findSuppressions(yaml, 'yaml');
    assert.strictEqual(scopes.length, 1);
    assert.strictEqual(yaml.slice(scopes[0].start, scopes[0].start + 5), `'302'`);
    assert.deepStrictEqual(scopes[0].rules, ['policy']);
    assert.ok(!isSuppressed(scopes, 'policy', yaml.indexOf('520')));
  });

  it('silences the whole file at the root, and all rules for true or an empty value', () => {
    for (const value of ['true', '', '[]']) {
      const text = `openapi: 3.1.0\nx-api-guidelines-disable: ${value}\npaths: {}\n`;
      const [scope] = findSuppressions(text, 'yaml');
      assert.deepStrictEqual(scope, { start: 0, end: text.length, rules: [] }, value);
    }
    assert.deepStrictEqual(findSuppressions('x-api-guidelines-disable: false\n', 'yaml'), []);
    assert.deepStrictEqual(findSuppressions('x-api-guidelines-disable: policy, uncovered-status\n', 'yaml')[0].rules, ['policy', 'uncovered-status']);
  });

  it('works in JSON, and only in YAML and JSON documents', () => {
    const json = '{"responses": {"302": {"x-api-guidelines-disable": ["policy"], "description": "x"}, "200": {}}}';
    const [scope] = findSuppressions(json, 'json');
    assert.strictEqual(json.slice(scope.start, scope.start + 5), '"302"');
    assert.ok(!isSuppressed([scope], 'policy', json.indexOf('200')));
    assert.deepStrictEqual(findSuppressions(json, 'javascript'), []);
  });

  it('survives broken YAML', () => {
    assert.doesNotThrow(() => findSuppressions('a: [\nx-api-guidelines-disable: [policy\n', 'yaml'));
  });
});

describe('features/suppression: the quick fix edit', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await loadIndex(['/builtin']);
  });

  /** A 520 in each language's own idiom; the edit must silence it and nothing else may change. */
  const samples: [string, string, string][] = [
    ['javascript', 'app.get("/", (req, res) => {\n  res.status(520).end();\n});\n', '  // api-guidelines-disable-next-line unregistered-status\n'],
    ['typescriptreact', 'export function f() {\n    return json(body, { status: 520 });\n}\n', '    // api-guidelines-disable-next-line unregistered-status\n'],
    ['python', 'def view(request):\n    return JsonResponse(data, status=520)\n', '    # api-guidelines-disable-next-line unregistered-status\n'],
    ['ruby', 'render json: data, status: 520\n', '# api-guidelines-disable-next-line unregistered-status\n'],
    ['go', 'func h(w http.ResponseWriter) {\n\tw.WriteHeader(520)\n}\n', '\t// api-guidelines-disable-next-line unregistered-status\n'],
    ['yaml', 'responses:\n  "520":\n    description: x\n', '  # api-guidelines-disable-next-line unregistered-status\n'],
    ['sql', "INSERT INTO codes VALUES (520, 'origin');\n", '-- api-guidelines-disable-next-line unregistered-status\n'],
    ['html', '<p>\n  <span data-status="520"></span>\n</p>\n', '  <!-- api-guidelines-disable-next-line unregistered-status -->\n'],
    ['css', '.s520 { --status: 520; }\n', '/* api-guidelines-disable-next-line unregistered-status */\n'],
  ];
  for (const [languageId, text, inserted] of samples) {
    it(`inserts a comment the ${languageId} way and silences the finding`, () => {
      const tokens = tokensAt(text, '520', 'status', 520).slice(-1);
      const [finding] = run(index, text, { languageId, tokens });
      assert.strictEqual(finding?.rule, 'unregistered-status');
      const edit = suppressionEdit(text, languageId, finding.start, finding.rule)!;
      assert.strictEqual(edit.newText, inserted);
      const fixed = apply(text, edit);
      assert.deepStrictEqual(run(index, fixed, { languageId, tokens: tokensAt(fixed, '520', 'status', 520).slice(-1) }), []);
    });
  }

  it('keeps CRLF line ends', () => {
    const text = 'a();\r\n  res.status(520);\r\n';
    assert.strictEqual(suppressionEdit(text, 'javascript', text.indexOf('520'), 'unregistered-status')!.newText, '  // api-guidelines-disable-next-line unregistered-status\r\n');
  });

  it('adds the rule to a next-line directive already above, once', () => {
    const text = '// api-guidelines-disable-next-line policy -- legacy\nres.status(520);\n';
    const edit = suppressionEdit(text, 'javascript', text.indexOf('520'), 'unregistered-status')!;
    assert.strictEqual(apply(text, edit), '// api-guidelines-disable-next-line policy, unregistered-status -- legacy\nres.status(520);\n');
    assert.strictEqual(suppressionEdit(apply(text, edit), 'javascript', apply(text, edit).indexOf('520'), 'policy'), undefined);
  });

  it('has a comment style for every supported language but JSON', () => {
    assert.deepStrictEqual(SUPPORTED_LANGUAGES.filter((l) => !COMMENT_STYLES[l]), ['json']);
  });

  describe('JSON, which has no comments: the extension key', () => {
    const cases: [string, string, string][] = [
      ['into the object a code key owns', '{\n  "responses": {\n    "520": {\n      "description": "x"\n    }\n  }\n}',
        '{\n  "responses": {\n    "520": {\n      "x-api-guidelines-disable": ["unregistered-status"],\n      "description": "x"\n    }\n  }\n}'],
      ['into an empty object', '{"responses": {"520": {}}}', '{"responses": {"520": {"x-api-guidelines-disable": ["unregistered-status"]}}}'],
      ['into the enclosing object of a value', '{"status": 520, "ok": false}', '{"x-api-guidelines-disable": ["unregistered-status"], "status": 520, "ok": false}'],
      ['into an existing list', '{"520": {"x-api-guidelines-disable": ["policy"], "a": 1}}', '{"520": {"x-api-guidelines-disable": ["policy", "unregistered-status"], "a": 1}}'],
    ];
    for (const [what, text, expected] of cases) {
      it(what, () => {
        const edit = suppressionEdit(text, 'json', text.indexOf('520'), 'unregistered-status')!;
        const fixed = apply(text, edit);
        assert.strictEqual(fixed, expected);
        assert.doesNotThrow(() => JSON.parse(fixed));
        assert.deepStrictEqual(run(index, fixed, { languageId: 'json', tokens: tokensAt(fixed, '520', 'status', 520) }), []);
      });
    }

    it('offers nothing for broken JSON', () => {
      assert.strictEqual(suppressionEdit('{"520": ', 'json', 2, 'policy'), undefined);
    });
  });
});
