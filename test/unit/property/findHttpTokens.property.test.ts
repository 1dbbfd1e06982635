import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import type { HttpToken } from '../../../server/src/detect/token';
import { tokenAt } from '../../../server/src/detect/token';
import { diagnose } from '../../../server/src/features/diagnostics';
import { renderHover } from '../../../server/src/features/hoverContent';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import { DEFAULT_SETTINGS, SUPPORTED_LANGUAGES } from '../../../server/src/settings';
import { builtinCorpus, repoRoot } from '../../helpers/testEnv';
import { runs } from './corpusArbitraries';

const LANGUAGES = [...SUPPORTED_LANGUAGES, 'plaintext', 'markdown', 'unknown-language', ''];

/** Pieces of real API code in many languages, with the delimiters that change how a scanner reads them. */
const FRAGMENTS = [
  'res.status(', 'res.sendStatus(', '.writeHead(', 'w.WriteHeader(', 'status_code=', 'statusCode: ', 'status = ', 'return ', 'raise ',
  'HttpStatus.', 'HttpStatusCode.', 'StatusCodes.', 'http.Status', 'status.HTTP_', 'Response::HTTP_', 'StatusCode::', ':status => ', 'status: :',
  '403', '404', '302', '999', '42', '1000', '0403', '4O4', '200.5', '-500',
  'FORBIDDEN', 'NOT_FOUND', 'NotFound', 'Forbidden', '403_FORBIDDEN', 'I_AM_A_TEAPOT', 'forbidden', 'im_a_teapot', 'UseProxy', 'USE_PROXY',
  "'Content-Type'", '"Retry-After"', 'headers[', '.setHeader(', '.header(', 'Headers.', 'HttpHeaders.', 'ETAG', 'Cache-Control',
  'method: ', "'PATCH'", '"DELETE"', '@GetMapping', '@app.post(', 'app.get(', 'router.patch(', 'http.MethodGet', 'HttpMethod.', 'GET ', 'POST https://x.test/a HTTP/1.1',
  'responses:', "\n  '404':", '\n    "403": {', 'paths:\n  /a:\n    get:', 'openapi: 3.0.0', 'HTTP/1.1 503',
  '//', '/*', '*/', '#', '"', "'", '`', '"""', "'''", '\\', '\\"', '${', '}', '{', '(', ')', '[', ']', ';', ',', '.', '=', ' ', '\t', '\n', '\r\n', '\r',
  '<%', '%>', '?>', '<?php', 'r"', 'b"', '@"', '$"', 'f"', '"#', '#"', '\u2028', '\ufeff', '\u0000', '\ud800',
];

const codeLike = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...FRAGMENTS), weight: 8 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 }), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** The example projects in the repository, as seeds to break. */
const EXAMPLES = ['express/orders.js', 'fastapi/main.py', 'go/server.go', 'spring/OrderController.java', 'openapi/orders.yaml']
  .map((f) => path.join(repoRoot, 'examples', f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8'));

/** An example with random cuts and insertions. */
const mutatedExample = fc.tuple(fc.constantFrom(...(EXAMPLES.length ? EXAMPLES : ['res.status(403)'])), fc.array(fc.tuple(fc.nat(), fc.nat(40), codeLike), { maxLength: 5 }))
  .map(([text, edits]) => edits.reduce((t, [at, cut, insert]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + cut);
  }, text));

/** Returns what is wrong with a token list for `text` (empty when fine). */
function checkTokens(tokens: HttpToken[], text: string): string[] {
  const errors: string[] = [];
  let previous: HttpToken | undefined;
  for (const t of tokens) {
    if (!(t.start >= 0 && t.start < t.end && t.end <= text.length)) errors.push(`range ${t.start}-${t.end} in ${text.length}`);
    if (previous && t.start < previous.end) errors.push(`token at ${t.start} overlaps or precedes the one at ${previous.start}`);
    if (t.kind === 'status' && !(Number.isInteger(t.value) && (t.value as number) >= 100 && (t.value as number) <= 599)) errors.push(`status ${t.value}`);
    if (t.kind !== 'status' && (typeof t.value !== 'string' || t.value === '')) errors.push(`${t.kind} ${String(t.value)}`);
    if (!['constant', 'openapi', 'literal'].includes(t.confidence)) errors.push(`confidence ${t.confidence}`);
    previous = t;
  }
  return errors;
}

describe('property: detector (findHttpTokens) and the features on top of it', function () {
  this.timeout(180_000);
  let index: CorpusIndex;

  before(async () => {
    index = await new CorpusSet(new NodeCorpusFileSystem()).load([builtinCorpus]);
  });

  /** Detects, hovers every token and diagnoses: nothing throws, everything stays inside the text. */
  function serve(text: string, languageId: string): void {
    const tokens = findHttpTokens(text, languageId);
    assert.deepStrictEqual(checkTokens(tokens, text), []);
    assert.deepStrictEqual(findHttpTokens(text, languageId), tokens, 'same text, same tokens');
    for (const t of tokens) {
      const hit = tokenAt(tokens, t.start);
      assert.ok(hit && hit.start <= t.start && t.start <= hit.end, `nothing found at ${t.start}`);
      if (t.end - t.start >= 2) assert.strictEqual(tokenAt(tokens, t.start + 1), t, 'inside a token, that token');
      assert.ok(renderHover(index, t).startsWith('### '));
    }
    const findings = diagnose({ text, languageId, tokens, index, settings: DEFAULT_SETTINGS.diagnostics, builtinOnly: true });
    for (const f of findings) assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `finding ${f.start}-${f.end}`);
  }

  it('never throws on arbitrary text in any language', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...LANGUAGES), serve), runs(3000));
  });

  it('never throws on code-like text in any language', () => {
    fc.assert(fc.property(codeLike, fc.constantFrom(...LANGUAGES), serve), runs(3000));
  });

  it('never throws on broken example projects', () => {
    assert.ok(EXAMPLES.length >= 4, 'the examples are present');
    fc.assert(fc.property(mutatedExample, fc.constantFrom(...LANGUAGES), serve), runs(1000));
  });

  // One long line of a repeated fragment: what a minified bundle looks like to the scanner.
  it('handles huge and degenerate documents', () => {
    const big = fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 10_000, max: 100_000 }), fc.constantFrom(...SUPPORTED_LANGUAGES))
      .map(([unit, size, lang]) => [unit.repeat(Math.ceil(size / unit.length)), lang] as const);
    fc.assert(fc.property(big, ([text, lang]) => serve(text, lang)), runs(40));
  });
});
