import * as assert from 'assert';
import * as fc from 'fast-check';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../../server/src/corpus/simpleYaml';
import { parseCorpusPage, splitFrontMatter } from '../../../server/src/corpus/topicPage';
import { MAX_YAML_CHARS } from '../../../server/src/corpus/yamlFields';
import { toYamlNode } from '../../../server/src/corpus/yamlNode';
import { builtinCorpus, requireShared, sharedPath } from '../../helpers/testEnv';
import { applyAll, checkParsed, mutations, pageLikeText, readPages, runs, type PageFile } from './corpusArbitraries';

const builtinPages = [...readPages(path.join(builtinCorpus, 'topics')), ...readPages(path.join(builtinCorpus, 'guidelines'))];

/** Parses and checks one text: no throw, a well-formed result, and a broken page is reported. */
function parseChecked(file: string, text: string): void {
  const parsed = parseCorpusPage({ path: file, text });
  assert.deepStrictEqual(checkParsed(parsed, file, text), []);
  if (parsed.topics.length + parsed.guidelines.length === 0) {
    assert.ok(parsed.problems.some((p) => p.severity === 'error'), 'a page that yields nothing must say why');
  }
}

function mutatedPageProperty(pages: PageFile[]) {
  return fc.property(fc.constantFrom(...pages), mutations, (page, ms) => {
    parseChecked(page.path, applyAll(page.text, ms));
  });
}

describe('property: front-matter parser (parseCorpusPage)', function () {
  this.timeout(180_000);

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => parseChecked('/c/any.md', text)), runs(2000));
  });

  it('never throws on page-like text', () => {
    fc.assert(fc.property(pageLikeText, (text) => {
      parseChecked('/c/page.md', text);
      const fm = splitFrontMatter(text);
      if (fm && fm !== 'unclosed') {
        assert.ok(fm.offset >= 0 && fm.offset <= text.length && fm.bodyOffset <= text.length, 'front matter offsets inside the text');
      }
    }), runs(2000));
  });

  it('reads every built-in page and reports every mutation of one', () => {
    assert.ok(builtinPages.length > 100, `${builtinPages.length} built-in pages`);
    fc.assert(mutatedPageProperty(builtinPages), runs(1000));
  });

  it('reports every mutation of an API Stylebook page', function () {
    requireShared(this);
    const pages = [...readPages(sharedPath('corpora', 'apistylebook', 'design', 'topics')), ...readPages(sharedPath('corpora', 'apistylebook', 'design', 'guidelines'))];
    assert.ok(pages.length >= 100);
    fc.assert(mutatedPageProperty(pages), runs(600));
  });

  it('has the fast YAML reader agree with the full parser on mutated pages, or give up', () => {
    let fast = 0;
    fc.assert(fc.property(fc.constantFrom(...builtinPages), mutations, (page, ms) => {
      const fm = splitFrontMatter(applyAll(page.text, ms));
      if (!fm || fm === 'unclosed' || fm.yaml.length > MAX_YAML_CHARS) return;
      const simple = parseSimpleYaml(fm.yaml);
      if (simple === undefined) return;
      fast++;
      const doc = parseDocument(fm.yaml, { prettyErrors: false, uniqueKeys: true });
      assert.deepStrictEqual(doc.errors.map((e) => e.code), [], 'the fast reader accepted invalid YAML');
      assert.deepStrictEqual(simple, toYamlNode(doc.contents));
    }), runs(1000));
    assert.ok(fast > 0, 'no mutated page took the fast path');
  });
});
