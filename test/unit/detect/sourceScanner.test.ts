import * as assert from 'assert';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';

/** `[text, value]` of every token. */
function found(languageId: string, text: string): [string, number | string][] {
  return findHttpTokens(text, languageId).map((t) => [text.slice(t.start, t.end), t.value]);
}

// The scanner looks for most names only after the character their rules need before them (`.`, `@`, `::`…):
// these pin what that shortcut must not change.
describe('detect/sourceScanner: names looked for only after their guard character', () => {
  it('finds a qualified name whose qualifier ends a comment, a line or a block comment earlier', () => {
    assert.deepStrictEqual(found('java', '// see HttpStatus.\nFORBIDDEN;'), [['HttpStatus.\nFORBIDDEN', 403]]);
    assert.deepStrictEqual(found('java', 'x = HttpStatus.\n   FORBIDDEN;'), [['HttpStatus.\n   FORBIDDEN', 403]]);
    assert.deepStrictEqual(found('java', 'x = HttpStatus./* c */FORBIDDEN;'), []);
  });

  it('finds a name after a keyword guard across a line break, and none after a string', () => {
    assert.deepStrictEqual(found('typescript', 'throw new\n  NotFoundException();'), [['NotFoundException', 404]]);
    assert.deepStrictEqual(found('typescript', "const s = 'HttpStatus.'\nFORBIDDEN"), []);
  });

  it('reads a name in a comment as part of the comment', () => {
    assert.deepStrictEqual(found('go', 'w.WriteHeader(http.StatusOK) // http.StatusNotFound'), [['http.StatusOK', 200]]);
  });

  it('keeps a Rust raw string that could start in a name from being read as one', () => {
    assert.deepStrictEqual(found('rust', 'StatusCode::NOT_FOUND; HttpResponse::InternalServerError"x"'), [['StatusCode::NOT_FOUND', 404]]);
  });

  it('reads Ruby symbols after a colon', () => {
    assert.deepStrictEqual(found('ruby', 'head :forbidden\nstatus: :not_found'), [[':forbidden', 403], [':not_found', 404]]);
  });

  it('gives every name on one long line (a minified bundle), checking each line for imports once', () => {
    const line = '@GetMapping @PostMapping HttpStatus.OK '.repeat(5000);
    const tokens = findHttpTokens(`import x.y;\n${line}`, 'java');
    assert.strictEqual(tokens.length, 15000);
    assert.deepStrictEqual(findHttpTokens(`import ${line}`, 'java'), [], 'an import line imports names, it does not use them');
  });
});

describe('detect/sourceScanner: strings', () => {
  it('reads a header name whose first letter lower-cases to ASCII (KELVIN SIGN)', () => {
    assert.deepStrictEqual(found('javascript', "res.setHeader('\u212Aeep-Alive', 1)"), [['\u212Aeep-Alive', 'Keep-Alive']]);
  });
});

// Unclosed strings and comments are read once (issue 17): these pin that the tokens stay what they were.
describe('detect/sourceScanner: unclosed strings and comments', () => {
  it('reads on after an unclosed block comment, heredoc, raw string or template, as if its opener were text', () => {
    assert.deepStrictEqual(found('java', 'x(HttpStatus.OK); /* a\n/* b\nresponse.setStatus(404);'), [['HttpStatus.OK', 200], ['404', 404]]);
    assert.deepStrictEqual(found('ruby', "head :ok\n=begin\nhead :forbidden\n=begin\n"), [[':ok', 200], [':forbidden', 403]]);
    assert.deepStrictEqual(found('rust', 'let a = r#"x; let b = r##"y; StatusCode::NOT_FOUND'), [['StatusCode::NOT_FOUND', 404]]);
    assert.deepStrictEqual(found('go', 'w.WriteHeader(http.StatusOK) // `\nx := `a\\`\nw.WriteHeader(404)'), [['http.StatusOK', 200], ['404', 404]]);
  });

  it('still closes what comes after an unclosed one of another kind, and the same kind before it', () => {
    assert.deepStrictEqual(found('java', '/* c */ HttpStatus.OK; /* open\n res.setStatus(404)'), [['HttpStatus.OK', 200], ['404', 404]]);
    // `"""` unclosed at the end: what remains is an empty string `""`, then a string that holds a method name.
    assert.deepStrictEqual(found('python', '"""doc""" \nrequests.get(url)\nx = """"GET"'), [['get', 'GET']]);
  });

  it('never opens a string at a quote right after a backslash', () => {
    // A regex literal's escaped quote: the header after it is in no string.
    assert.deepStrictEqual(found('javascript', 'const re = /\\"/; res.setHeader("Retry-After", 1)'), [['Retry-After', 'Retry-After']]);
    assert.deepStrictEqual(found('javascript', `x = "${'\\"'.repeat(1000)}\nres.status(404)`), [['404', 404]]);
  });

  it('reads the JavaScript of .http response handlers up to an unclosed one', () => {
    const text = 'GET https://x.test/a\n\n> {% client.assert(response.status === 404) %}\n> {% response.status === 403\n';
    assert.deepStrictEqual(findHttpTokens(text, 'http').map((t) => t.value), ['GET', 404]);
  });
});
