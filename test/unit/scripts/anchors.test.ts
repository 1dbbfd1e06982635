import * as assert from 'assert';
// The maintainer's anchor checker (scripts/atlas): its slug rules, on the headings that trip site generators up.
import { anchorsOf } from '../../../scripts/atlas/anchors.mjs';

describe('scripts/atlas: anchors as site generators make them', () => {
  it('slugs Markdown headings as GitHub does, numbering repeats and keeping explicit ids', () => {
    const md = '# Use `Problem JSON` for errors!\n## Hello World\n## Hello World\n```\n# not a heading\n```\n<a name="custom"></a>\nSetext heading\n---\n';
    assert.deepStrictEqual([...anchorsOf(md, 'github')].sort(), ['custom', 'hello-world', 'hello-world-1', 'setext-heading', 'use-problem-json-for-errors']);
  });

  it('drops leading digits for kramdown and docutils, and keeps them for MkDocs', () => {
    assert.ok(anchorsOf('## 200 OK\n', 'kramdown').has('ok'));
    assert.ok(anchorsOf('2xx Success Codes\n=================\n', 'sphinx').has('xx-success-codes'));
    assert.ok(anchorsOf('.. _My Label:\n', 'sphinx').has('my-label'));
    assert.ok(anchorsOf('## 200 OK\n', 'mkdocs').has('200-ok'));
  });

  it("reads Asciidoctor ids: explicit [#id] and [[id]], and generated ones with the document's prefix", () => {
    const adoc = '== Use Problem JSON\n[#176]\n=== Foo\n=== Foo\n[[status-code-403]]\n';
    assert.deepStrictEqual([...anchorsOf(adoc, 'asciidoctor')].sort(), ['176', '_foo', '_foo_2', '_use_problem_json', 'status-code-403']);
    assert.ok(anchorsOf(':idprefix:\n:idseparator: -\n== Use Problem JSON\n', 'asciidoctor').has('use-problem-json'));
  });
});
