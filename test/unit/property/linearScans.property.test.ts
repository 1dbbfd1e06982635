/**
 * Every scan and parse is linear: each scanner is run on adversarial inputs (generated units, repeated) that double
 * in size, and fails if its time grows more than ×2.5 per doubling (see `growth.ts`). The examples are the inputs
 * that were quadratic before (issue 17): unclosed strings, templates and comments, long runs of blanks in OpenAPI
 * YAML, one long word in a hover, pages with many keys.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { parseCorpusPage } from '../../../server/src/corpus/topicPage';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { completeCorpusPage, hoverCorpusPage, linkCorpusPage } from '../../../server/src/features/authoring';
import { escapeMarkdown, inlineCode } from '../../../server/src/features/markdown';
import { findOpenApiSyntaxErrors } from '../../../server/src/features/openApiSyntax';
import { findSuppressions } from '../../../server/src/features/suppression';
import { runs } from './corpusArbitraries';
import { assertLinear, repeatTo } from './growth';

/** Pieces that open, escape or close strings, templates and comments, or that the scanners look for. */
const SOURCE_PIECES = [
  '"', '\\"', "'", "\\'", '`', '\\`', '\\', '/*', '*/', '*', '/', '//', '#', 'r"', 'r#"', 'r##"', '"#', '"##',
  '"""', "'''", '@"', '\n=begin', '=begin', '\n=end', '{%', '%}', '> ', ' ', '\t', '\n', '\r\n', 'a', 'x1', '404',
  'HttpStatus.', '.', '(', ')', 'res.status(', 'NOT_FOUND', 'GET ', 'Content-Type', '$', '{', '}', ':', ',',
];
const SOURCE_LANGUAGES = ['javascript', 'typescript', 'python', 'java', 'kotlin', 'go', 'csharp', 'ruby', 'php', 'rust', 'elixir', 'swift', 'plaintext', 'http'];

const YAML_PIECES = ['a', ' ', '\t', ':', ': ', '#', ' #', '"', "'", '- ', '-', 'name', 'in: header', '\n', '  ', '\r', 'responses:', '404:', '{', '[', ',', '|', '>'];
const MARKDOWN_PIECES = ['a', 'Z', '1', ':', '/', '//', '@', 'www.', '.', '-', '+', '`', ' ', '\n', '\r', '#', '*', '_', '\\', '<', '&', '\u202e', 'http', 'mailto'];
const SUPPRESSION_PIECES = ['api-guidelines-disable-line', 'api-guidelines-disable-next-line', '// ', '# ', ' ', 'x', 'rule-id', ',', '\n', ' -- ', '*/', '-->'];

const unitOf = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

describe('property: every scan and parse grows linearly with its input', function () {
  this.timeout(600_000);

  it('source scanner (every language, all tokens and a filter as check uses): no unclosed opener is read again', () => {
    const wanted = (_kind: string, value: unknown) => value === 404;
    fc.assert(fc.property(unitOf(SOURCE_PIECES), fc.constantFrom(...SOURCE_LANGUAGES), fc.boolean(), (unit, languageId, filtered) => {
      assertLinear(`${JSON.stringify(unit)} in ${languageId}${filtered ? ' (filtered)' : ''}`,
        (n) => repeatTo(unit, n), (text) => findHttpTokens(text, languageId, filtered ? wanted : undefined));
    }), {
      ...runs(6),
      examples: [
        ['\\"', 'javascript', false], ['\\"', 'javascript', true], ['\\`', 'javascript', false], ['`\\', 'go', false],
        ['/* 404 ', 'javascript', false], ['/*\n404\n', 'java', true], ['\n=begin x', 'ruby', false], ['r##" ', 'rust', false],
        ['r#" 404', 'rust', true], ["'''x", 'python', false], ['> {% ', 'http', false], ["\\'", 'php', false],
      ],
    });
  });

  it('OpenAPI keys and syntax check (YAML and JSON): long runs of blanks, quotes and colons on one line', () => {
    // The unit repeated between the start of a line (a key, a list item, a value) and its end.
    const head = fc.constantFrom('', 'a', 'name: a', '- a', '"a"', '"a": ', 'in:');
    const tail = fc.constantFrom('', 'b', ':', ': x', ' #', '\v', '"');
    fc.assert(fc.property(head, unitOf(YAML_PIECES), tail, fc.constantFrom('yaml', 'json'), (start, unit, end, languageId) => {
      assertLinear(`${JSON.stringify(start + unit + end)} in ${languageId}`,
        (n) => `openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        ${start}${repeatTo(unit, n)}${end}\n`,
        (text) => [findHttpTokens(text, languageId), findOpenApiSyntaxErrors(text, languageId)]);
    }), {
      ...runs(5),
      examples: [['a', ' ', 'b', 'yaml'], ['a', '\t', '', 'yaml'], ['- a', ' \t', '', 'yaml'], ['name: a', ' ', '\v', 'yaml'], ['"a": ', ' ', '', 'json']],
    });
  });

  it('hover Markdown: escaping and code spans of one long line of any text', () => {
    fc.assert(fc.property(unitOf(MARKDOWN_PIECES), (unit) => {
      assertLinear(JSON.stringify(unit), (n) => repeatTo(unit, n), (text) => escapeMarkdown(text));
      assertLinear(`${JSON.stringify(unit)} (code)`, (n) => repeatTo(unit, n), (text) => inlineCode(text));
    }), { ...runs(4), examples: [['a'], ['a1'], ['1'], ['a.b-c+d'], ['`'], ['www.']] });
  });

  it('suppression comments: directives repeated on one line or on every line', () => {
    fc.assert(fc.property(unitOf(SUPPRESSION_PIECES), (unit) => {
      assertLinear(JSON.stringify(unit), (n) => repeatTo(unit, n), (text) => findSuppressions(text, 'javascript'));
    }), { ...runs(3), examples: [['api-guidelines-disable-line '], ['// api-guidelines-disable-next-line x\n']] });
  });
});

/** Lines of front matter; `{i}` is a counter, so keys are distinct unless a line has none. */
const KEY_LINES = ['k{i}: v', 'dup: v', 'k{i}: "q\\t"', 'k{i}:\n  - a', 'k{i}: [a, b]', 'k{i}: >-\n  text {i}', '"k{i}": v', 'k{i}:\n  n{i}: v', 'references:\n  - name: n{i}'];

/** Front matter of about `size` characters: the page's own fields, then `lines` over and over. */
function frontMatter(head: string, lines: readonly string[], size: number): string {
  let yaml = head;
  for (let i = 0; yaml.length < size; i++) yaml += lines[i % lines.length].replace(/\{i\}/g, String(i)) + '\n';
  return yaml;
}

const TOPIC_HEAD = 'layout: topic\ntopic_id: http-status-418\ntopic_category: Fun\ntopic_name: Teapot\ntopic_description: Short.\n';
const GUIDELINE_HEAD = 'layout: guideline\nguideline_id: g\nguideline_title: G\nguideline_company: C\ntopics:\n';
const NO_CORPUS = { topics: new Map(), guidelines: new Map(), topicForStatus: () => undefined, topicForMethod: () => undefined } as unknown as CorpusIndex;

describe('property: corpus pages with many keys load and serve in linear time', function () {
  this.timeout(600_000);

  it('loads topic pages of many keys (distinct, repeated, nested, quoted: fast reader and full parser)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...KEY_LINES), { minLength: 1, maxLength: 4 }), (lines) => {
      const growth = assertLinear(JSON.stringify(lines), (n) => `---\n${frontMatter(TOPIC_HEAD, lines, n)}---\nBody.\n`,
        (text) => parseCorpusPage({ path: '/corpus/topics/teapot.md', text }));
      assert.ok(growth.sizes[growth.sizes.length - 1] < 256 * 1024, 'under the YAML limit: the parser ran');
    }), { ...runs(4), examples: [[['k{i}: v']], [['dup: v']], [['k{i}: "q\\t"']]] });
  });

  it('loads a guideline page that cites thousands of topics', () => {
    const page = (n: number) => `---\n${frontMatter(GUIDELINE_HEAD, ['  t-{i}:\n    - name: n{i}'], n)}---\n`;
    assertLinear('topics', page, (text) => parseCorpusPage({ path: '/corpus/guidelines/g.md', text }));
  });

  it('answers links, hovers and completion on a large open page (each request on a new version of it)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...KEY_LINES), { minLength: 1, maxLength: 4 }), (lines) => {
      // Two versions in turn: each request parses its page, as after a keystroke.
      const versions = (n: number) => {
        const text = `---\n${frontMatter(TOPIC_HEAD, lines, n)}---\n`;
        return [text, text.replace('Teapot', 'Teapots')];
      };
      let turn = 0;
      assertLinear(JSON.stringify(lines), versions, (texts) => {
        const text = texts[turn++ % 2];
        linkCorpusPage(text, NO_CORPUS);
        hoverCorpusPage(text, text.length >> 1, NO_CORPUS);
        completeCorpusPage(text, text.lastIndexOf('\n---'), NO_CORPUS);
      });
    }), { ...runs(2), examples: [[['k{i}: v']], [['k{i}:\n  n{i}: v']]] });
  });
});
