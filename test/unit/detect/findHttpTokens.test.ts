import * as assert from 'assert';
import { findHttpTokens, statusFromName } from '../../../server/src/detect/findHttpTokens';
import { tokenAt } from '../../../server/src/detect/token';
import { caret } from '../../helpers/testEnv';

/** `[covered text, value, confidence]` per token: the shape most assertions compare. */
function found(languageId: string, text: string): [string, number | string, string][] {
  return findHttpTokens(text, languageId).map((t) => [text.slice(t.start, t.end), t.value, t.confidence]);
}

describe('detect/findHttpTokens', () => {
  describe('ranges and confidence', () => {
    it('covers the whole constant expression, the digits of a literal, the content of a string', () => {
      const text = `res.status(HttpStatus.FORBIDDEN); res.status(403); res.set('Retry-After', '1');`;
      assert.deepStrictEqual(found('typescript', text), [['HttpStatus.FORBIDDEN', 403, 'constant'], ['403', 403, 'literal'], ['Retry-After', 'Retry-After', 'literal']]);
    });

    it('reports the vocabulary row (family) that matched, for rewrites', () => {
      const families = (lang: string, text: string) => findHttpTokens(text, lang).map((t) => t.family);
      assert.deepStrictEqual(families('java', 'ResponseEntity.status(HttpStatus.FOUND)'), ['spring-httpstatus']);
      assert.deepStrictEqual(families('go', 'w.WriteHeader(http.StatusFound)'), ['go-net-http']);
      assert.deepStrictEqual(families('python', 'Response(status=status.HTTP_302_FOUND)'), ['python-status-module']);
      assert.deepStrictEqual(families('ruby', 'redirect_to root_path, status: :found'), ['rack-symbol']);
      assert.deepStrictEqual(families('javascript', 'res.status(302)'), ['status-literal']);
    });

    it('finds the token under a caret with tokenAt, as hover does', () => {
      const { text, offset } = caret('return ResponseEntity.status(HttpStatus.FORBI|DDEN).build();');
      const t = tokenAt(findHttpTokens(text, 'java'), offset)!;
      assert.strictEqual(text.slice(t.start, t.end), 'HttpStatus.FORBIDDEN');
    });

    it('resolves every spelling of a status through normalized names', () => {
      for (const name of ['NOT_FOUND', 'NotFound', 'not_found', 'notFound', 'Not Found']) assert.strictEqual(statusFromName(name), 404, name);
      assert.strictEqual(statusFromName('REQUEST_ENTITY_TOO_LARGE'), 413);
      assert.strictEqual(statusFromName('Redirect'), undefined, '.NET-only names stay in the .NET family');
    });
  });

  describe('status literals only in a status context', () => {
    it('ignores numbers that are timeouts, sizes, ports and loop bounds', () => {
      const text = 'setTimeout(f, 500); const PAGE_SIZE = 200; for (const i of range(500)) {} app.listen(300); width: 404;';
      assert.deepStrictEqual(found('javascript', text), []);
      assert.deepStrictEqual(found('python', 'for i in range(500):\n    time.sleep(404)\nPAGE_SIZE = 200\n'), []);
    });

    it('takes unregistered codes in strong contexts only', () => {
      assert.deepStrictEqual(found('javascript', 'res.status(499); res.statusCode = 520;'), [['499', 499, 'literal'], ['520', 520, 'literal']]);
      assert.deepStrictEqual(found('javascript', 'const o = { status: 499, code: 299 }; if (status === 404) {}'), [['404', 404, 'literal']]);
    });

    it('reads comparisons, assertions and switch cases on a status', () => {
      const text = [
        'if (response.status === 404) {}',
        'if (401 == res.statusCode) {}',
        'expect(res.status).toBe(201);',
        'assert.equal(res.status, 409);',
        'switch (res.status) { case 200: case 204: break; }',
      ].join('\n');
      assert.deepStrictEqual(found('javascript', text).map(([t]) => t), ['404', '401', '201', '409', '200', '204']);
    });

    it('takes only redirect codes where a helper expects one', () => {
      assert.deepStrictEqual(found('javascript', "res.redirect(301, '/a'); res.redirect(404, '/b');"), [['301', 301, 'literal']]);
      assert.deepStrictEqual(found('go', 'http.Redirect(w, r, "/x", 308)'), [['308', 308, 'literal']]);
    });

    it('reads Flask tuple returns only in Flask code', () => {
      const flask = 'from flask import jsonify\n\ndef view():\n    return jsonify(ok=True), 201\n';
      assert.deepStrictEqual(found('python', flask), [['201', 201, 'literal']]);
      assert.deepStrictEqual(found('python', 'def split(v):\n    return v, 200\n'), []);
    });
  });

  describe('comments, strings and imports', () => {
    it('skips comments and string contents in every syntax', () => {
      assert.deepStrictEqual(found('javascript', '// res.status(404)\n/* HttpStatus.FOUND */ log("res.status(500)");'), []);
      assert.deepStrictEqual(found('python', '# abort(404)\n"""abort(403)"""\nx = "status.HTTP_404_NOT_FOUND"'), []);
      assert.deepStrictEqual(found('ruby', "# head :not_found\n=begin\nhead 404\n=end\nputs 'status: :ok'"), []);
      assert.deepStrictEqual(found('php', "<?php\n# abort(404)\n#[Route('/x', methods: ['GET'])]\n"), [['GET', 'GET', 'literal']]);
      assert.deepStrictEqual(found('rust', "fn f<'a>(s: &'a str) { /* StatusCode::OK */ let r = r#\"StatusCode::OK\"#; }"), []);
    });

    it('does not report the names an import line brings in', () => {
      assert.deepStrictEqual(found('python', 'from django.http import HttpResponseNotFound\nreturn HttpResponseNotFound()'), [['HttpResponseNotFound', 404, 'constant']]);
      assert.deepStrictEqual(found('javascript', "import contentType from 'content-type';\nreq.headers['content-type'];"), [['content-type', 'Content-Type', 'literal']]);
    });
  });

  describe('methods and headers', () => {
    it('reads route registrations, annotations and constants', () => {
      assert.deepStrictEqual(found('javascript', "router.patch('/orders/:id', h); cache.get('/x'); app.get('env');"), [['patch', 'PATCH', 'constant']]);
      assert.deepStrictEqual(found('java', '@PatchMapping("/x") void f() {}'), [['@PatchMapping', 'PATCH', 'constant']]);
      assert.deepStrictEqual(found('csharp', '[HttpPut("{id}")] public void F() {}'), [['HttpPut', 'PUT', 'constant']]);
      assert.deepStrictEqual(found('go', 'if r.Method == http.MethodGet {}'), [['http.MethodGet', 'GET', 'constant']]);
    });

    it('reads method strings in a method context, in any case', () => {
      assert.deepStrictEqual(found('python', '@app.route("/x", methods=["POST", "put"])'), [['POST', 'POST', 'literal'], ['put', 'PUT', 'literal']]);
      assert.deepStrictEqual(found('typescript', "if (ctx.method === 'PATCH') {} const s = 'PATCH';"), [['PATCH', 'PATCH', 'literal']]);
    });

    it('reads hyphenated header names in any string, single words only in a header context', () => {
      const text = "res.set('cache-control', 'no-store'); res.set('Location', u); const kind = 'location'; r.headers.get('Date');";
      assert.deepStrictEqual(found('javascript', text), [['cache-control', 'Cache-Control', 'literal'], ['Location', 'Location', 'literal'], ['Date', 'Date', 'literal']]);
    });

    it('reads header constants', () => {
      assert.deepStrictEqual(found('java', 'headers.set(HttpHeaders.IF_NONE_MATCH, etag);'), [['HttpHeaders.IF_NONE_MATCH', 'If-None-Match', 'constant']]);
      assert.deepStrictEqual(found('csharp', 'Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";'), [['HeaderNames.WWWAuthenticate', 'WWW-Authenticate', 'constant']]);
    });
  });

  describe('documents', () => {
    const openapi = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n        404:\n          description: no\n";

    it('reads OpenAPI response keys and operations, quoted or not', () => {
      assert.deepStrictEqual(found('yaml', openapi), [['get', 'GET', 'openapi'], ['200', 200, 'openapi'], ['404', 404, 'openapi']]);
    });

    it('reads nothing in YAML or JSON that is not OpenAPI', () => {
      assert.deepStrictEqual(found('yaml', openapi.replace('openapi: 3.1.0', 'kind: Deployment')), []);
      assert.deepStrictEqual(found('json', '{"responses": {"200": {}}, "status": 404}'), []);
    });

    it('reads request lines and header lines of .http files', () => {
      const text = '### list\nGET https://x/orders\nAccept: application/json\n\n{"status": 404}\n';
      assert.deepStrictEqual(found('http', text), [['GET', 'GET', 'literal'], ['Accept', 'Accept', 'literal']]);
    });
  });

  it('uses only the generic rules for a language it does not know', () => {
    const text = 'res.status(404); HttpStatus.FORBIDDEN; abort(403); head :no_content';
    assert.deepStrictEqual(found('plaintext', text), [['404', 404, 'literal'], ['HttpStatus.FORBIDDEN', 403, 'constant']]);
  });

  it('returns tokens sorted and never overlapping', () => {
    const text = "app.get('/a', (req, res) => res.status(StatusCodes.OK).set('ETag', e).json(x)); // 500\nres.sendStatus(204);";
    const tokens = findHttpTokens(text, 'javascript');
    assert.strictEqual(tokens.length, 4);
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1].end <= tokens[i].start);
  });
});
