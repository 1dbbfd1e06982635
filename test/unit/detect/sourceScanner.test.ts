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
