import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { STATUS_BY_CODE } from '../../../server/src/detect/httpVocabulary';
import { multilineOpeners, syntaxOf } from '../../../server/src/detect/sourceSyntax';
import type { TokenFilter } from '../../../server/src/detect/token';
import { languageForPath } from '../../../server/src/settings';
import { repoRoot } from '../../helpers/testEnv';
import { runs } from './corpusArbitraries';

const dir = path.join(repoRoot, 'test', 'fixtures', 'detect');
/** The labelled fixtures without their labels: dense, real-looking code in every language. */
const FIXTURES = fs.readdirSync(dir).filter((f) => languageForPath(f)).map((f) => ({
  language: languageForPath(f)!,
  text: fs.readFileSync(path.join(dir, f), 'utf8').replace(/⟦([^⟦⟧]*)⟧/g, (_, body: string) => body.replace(/\|[^|]*$/, '')).replace(/[⟪⟫]/g, ''),
}));

/** A fixture with pieces of others cut in, read as any fixture's language. */
const spliced = fc.tuple(fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(200)), { maxLength: 4 }))
  .map(([base, language, cuts]) => {
    let text = FIXTURES[base % FIXTURES.length].text;
    for (const [at, from, length] of cuts) {
      const other = FIXTURES[from % FIXTURES.length].text;
      const i = at % (text.length + 1);
      text = text.slice(0, i) + other.slice(from % other.length, (from % other.length) + length) + text.slice(i);
    }
    return { text, language: FIXTURES[language % FIXTURES.length].language };
  });

/** Wants a pseudo-random half of the values, and a given kind always or never. */
const filters = fc.tuple(fc.integer(), fc.constantFrom<(string | undefined)[]>(['status'], ['method', 'header'], [undefined]))
  .map(([seed, kinds]): TokenFilter => (kind, value) => (kinds[0] === undefined ? hash(`${seed}${value}`) % 2 === 0 : kinds.includes(kind)));

/**
 * Filters like `check`'s: the statuses a rule reports with the built-in corpus (unregistered, and a few registered
 * ones), sometimes with some methods or headers (a company policy on them).
 */
const checkLike = fc.tuple(fc.subarray([305, 306, 418, 413, 200, 404]), fc.subarray(['PATCH', 'DELETE', 'Retry-After', 'Content-Type', 'X-Request-ID']))
  .map(([registered, words]): TokenFilter => (kind, value) =>
    kind === 'status' ? !STATUS_BY_CODE.has(value as number) || registered.includes(value as number) : words.includes(value as string));

/**
 * Text where lines matter: comments and strings over several lines, qualifiers that end a line with the constant on
 * the next one, wanted codes and names in and out of comments and strings, unterminated openers, CRLF and blank lines.
 */
const LINE_PIECES = [
  '\n', '\r\n', '\n\n  \n', '  ', '\t', '/*', '*/', '/**\n * ', '"""', "'''", '`', '${', '}', '"', "'", '\\', '//', '#', '\n=begin', '\n=end',
  'r"', 'r#"', '"#', '@"', '""', 'HttpStatus.', 'HttpStatus.\n    ', 'http.\n\t', 'StatusCodes.', 'status.', 'Response::', ':', ' => ', 'head ', 'new ',
  'res.status(', 'status_code=', 'statusCode: ', '.code == ', 'responseCode = ', 'header(', 'headers[', 'method: ', ')', '(', ',', ';',
  '418', '499', '306', '305', '404', '200', '1418', '4180', 'I_AM_A_TEAPOT', 'IM_A_TEAPOT', 'StatusTeapot', 'USE_PROXY', 'UseProxy', 'im_a_teapot',
  'HTTP_418_IM_A_TEAPOT', 'NOT_FOUND', 'OK', "'PATCH'", '"DELETE"', '"Retry-After"', "'content-type'", '"\u212Aeep-Alive"', '"HTTP/1.1 499 x"', '"499 Nope"',
  '"HTTP_RETRY_AFTER"', "'HTTP_X_REQUEST_ID'", "META['CONTENT_TYPE']", 'HTTP_IF_MATCH=',
];
const lineText = fc.array(fc.constantFrom(...LINE_PIECES), { maxLength: 120 }).map((parts) => parts.join(''));
const LANGUAGES = [...new Set(FIXTURES.map((f) => f.language)), 'javascript', 'csharp', 'php', 'rust', 'elixir', 'swift', 'plaintext'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

describe('property: asking the detector for some tokens only', function () {
  this.timeout(120_000);

  it('gives exactly the wanted ones among all tokens', () => {
    fc.assert(fc.property(spliced, filters, ({ text, language }, wanted) => {
      assert.deepStrictEqual(findHttpTokens(text, language, wanted), findHttpTokens(text, language).filter((t) => wanted(t.kind, t.value)));
    }), runs(1000));
  });

  // A filter's scan lexes only the lines around what it looks for (see sourceScanner's runTriggered).
  it('gives them with filters like check\'s, on real code and on text where lines matter', () => {
    fc.assert(fc.property(fc.oneof(spliced, fc.tuple(lineText, fc.constantFrom(...LANGUAGES)).map(([text, language]) => ({ text, language }))), checkLike, ({ text, language }, wanted) => {
      assert.deepStrictEqual(findHttpTokens(text, language, wanted), findHttpTokens(text, language).filter((t) => wanted(t.kind, t.value)));
    }), runs(3000));
  });

  it('finds nothing when nothing is wanted, and everything when everything is', () => {
    for (const { text, language } of FIXTURES) {
      assert.deepStrictEqual(findHttpTokens(text, language, () => false), [], language);
      assert.deepStrictEqual(findHttpTokens(text, language, () => true), findHttpTokens(text, language), language);
    }
  });

  it('has every comment or string that runs over a line break start with one of its language\'s openers', () => {
    for (const language of LANGUAGES) {
      const syntax = syntaxOf(language);
      const lexer = new RegExp([...syntax.comments, ...syntax.strings].join('|'), 'g');
      const opener = new RegExp(multilineOpeners(syntax).join('|') || '(?!)', 'y');
      fc.assert(fc.property(lineText, (text) => {
        for (const m of text.matchAll(lexer)) {
          if (!m[0].slice(1).includes('\n')) continue;
          opener.lastIndex = m.index!;
          assert.ok(opener.test(text), `${language}: ${JSON.stringify(m[0].slice(0, 40))} runs over a line break without an opener`);
        }
      }), runs(300));
    }
  });
});
