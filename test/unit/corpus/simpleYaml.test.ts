import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../../server/src/corpus/simpleYaml';
import { toYamlNode } from '../../../server/src/corpus/yamlNode';
import { splitFrontMatter } from '../../../server/src/corpus/topicPage';
import { builtinCorpus, requireShared, sharedPath } from '../../helpers/testEnv';

/** The fast reader either gives up or agrees exactly with the full parser; returns whether it read the text. */
function agrees(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  assert.deepStrictEqual(doc.errors.map((e) => e.code), [], `fast reader accepted invalid YAML:\n${text}`);
  assert.deepStrictEqual(doc.warnings.map((e) => e.code), [], `fast reader accepted YAML with warnings:\n${text}`);
  assert.deepStrictEqual(fast, toYamlNode(doc.contents), `differs from the full parser:\n${JSON.stringify(text)}`);
  return true;
}

function frontMatterOf(file: string): string {
  const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'));
  assert.ok(fm && fm !== 'unclosed', file);
  return fm.yaml;
}

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f));
}

describe('corpus/simpleYaml', () => {
  it('reads every built-in page exactly as the full parser does', () => {
    const files = pages(builtinCorpus);
    assert.ok(files.length > 100);
    const read = files.filter((f) => agrees(frontMatterOf(f)));
    assert.strictEqual(read.length, files.length, 'some built-in pages fell back to the full parser');
  });

  it('reads the API Stylebook pages and data files exactly as the full parser does', function () {
    requireShared(this);
    const files = pages(sharedPath('corpora', 'apistylebook'));
    const read = files.filter((f) => agrees(frontMatterOf(f)));
    // A few pages use escaped double quotes or multi-line quoted text: those take the full parser.
    assert.ok(read.length >= files.length * 0.95, `${read.length} of ${files.length} pages took the fast path`);
    const data = sharedPath('corpora', 'apistylebook-data');
    for (const f of fs.readdirSync(data, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.yaml'))) {
      agrees(fs.readFileSync(path.join(data, f), 'utf8'));
    }
  });

  it('reads the shapes corpus pages use', () => {
    const accepted = [
      'a: 1\nb: x y\nc: \'it\'\'s\'\nd: "q"\ne: true\nf: null\ng: ~\nh: 2021-08-15\ni: -3\n',
      'g:\n  - a: 1\n    r:\n      - n: x\n        u: \'https://e.com/#s\'\n  - a: 2\nb: [303, 307, see-other]\nc: []\n',
      'g:\n- a: 1\n  b: x\n- plain item\n- \'quoted item\'\nh: 1',
      'a: >-\n  one two\n  three\n\n  four\nb: |\n  x\n   y\n\nc: >\n  k\n\n\nd: 1',
      'a: x\r\nb:\r\n  - c: y\r\n\r\nd: >-\r\n  e\r\n  f\r\n',
      '\n\na: 1\n\n\nb:\n\n  c: 2\n\n',
      'url: https://example.com/a:b\nkey.with-dots_and/slash: v\n',
    ];
    for (const text of accepted) assert.ok(agrees(text), `expected the fast path for ${JSON.stringify(text)}`);
  });

  it('leaves everything else to the full parser', () => {
    const rejected = [
      '', '   \n', 'a: 1 # comment\n', '# comment\na: 1\n', 'a: 1.5\n', 'a: 0x1F\n', 'a: .inf\n', 'a: &x 1\nb: *x\n',
      'a: !tag x\n', 'a:\nb: 1\n', 'a: 1\na: 2\n', 'a:\tx\n', 'a: x\n  continued\n', 'a: "esc\\n"\n', 'a: \'open\n',
      'a: >+\n  x\n', 'a: >2\n  x\n', 'a: >\n  x\n    more\n', '- a\n- b\n', '  a: 1\n', 'a: {b: 1}\n', 'a: [1, [2]]\n',
      'a: b: c\n', 'a: - x\n', 'a:x\n', '"a": 1\n', 'true: 1\n', '---\na: 1\n', 'a: x\rb: y\n', 'a:\n  - b: 1\n   c: 2\n',
    ];
    for (const text of rejected) assert.strictEqual(parseSimpleYaml(text), undefined, JSON.stringify(text));
  });

  it('never disagrees with the full parser on generated front matter', () => {
    const word = fc.constantFrom('x', 'topic', 'a b', "it's", 'a: b', 'a:b', '#x', 'x #y', '- x', '-x', '1', '403', '1.5', '0o7', 'true',
      'False', 'null', '~', '2021-01-01', 'https://e.com/a#b', '[x]', '{x}', '*x', '&x', '!x', '@x', '%x', '`x', ',x', '? x', ': x', 'x:', 'é ü',
      '\u00a0x', 'x\u00a0', 'x\u2028y', 'x\u0085y', 'a\x01b');
    const scalar = fc.oneof(
      word,
      word.map((w) => `'${w.replace(/'/g, "''")}'`),
      word.map((w) => `"${w}"`),
      fc.array(fc.constantFrom('303', 'x', 'a-b', '', ' 1', '\u00a0x'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
    );
    const key = fc.constantFrom('a', 'topic_id', 'guidelines', 'references', 'name', 'url', 'x.y', 'true', 'a b', '1');
    type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] } | { kind: 'block'; header: string; lines: string[] };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar.map((text) => ({ kind: 'scalar' as const, text })),
        fc.record({ kind: fc.constant('block' as const), header: fc.constantFrom('>', '>-', '|', '|-', '>+', '>-\u00a0'),
          lines: fc.array(fc.constantFrom('one', 'two words', '', '  more', 'x ', '# not a comment'), { minLength: 1, maxLength: 4 }) }),
        fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      ),
    }));
    const indentStep = fc.constantFrom(1, 2, 4);
    const render = (t: Tree, ind: number, step: number, eol: string, blank: boolean): string[] => {
      const pad = ' '.repeat(ind);
      const sep = blank ? [''] : [];
      if (t.kind === 'map') {
        return t.entries.flatMap(([k, v]) => {
          if (v.kind === 'scalar') return [`${pad}${k}: ${v.text}`, ...sep];
          if (v.kind === 'block') return [`${pad}${k}: ${v.header}`, ...v.lines.map((l) => (l ? ' '.repeat(ind + step) + l : '')), ...sep];
          return [`${pad}${k}:`, ...render(v, ind + step, step, eol, blank)];
        });
      }
      if (t.kind === 'seq') {
        return t.items.flatMap((v) => {
          const inner = render(v.kind === 'block' ? { kind: 'scalar', text: 'x' } : v, ind + 2, step, eol, blank);
          if (!inner.length) return [`${pad}-`];
          return [`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1)];
        });
      }
      return [`${pad}${t.kind === 'scalar' ? t.text : 'x'}`];
    };
    let read = 0;
    fc.assert(fc.property(tree, indentStep, fc.constantFrom('\n', '\r\n'), fc.boolean(), (t, step, eol, blank) => {
      const root: Tree = t.kind === 'map' ? t : { kind: 'map', entries: [['root', t]] };
      if (agrees(render(root, 0, step, eol, blank).join(eol) + eol)) read++;
    }), { numRuns: 3000, seed: 42 });
    assert.ok(read > 300, `only ${read} generated documents took the fast path`);
  });
});
