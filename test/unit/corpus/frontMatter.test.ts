import * as assert from 'assert';
import matter from 'gray-matter';
import { splitFrontMatter } from '../../../server/src/corpus/topicPage';

describe('corpus/splitFrontMatter', () => {
  it('cuts the front matter where gray-matter does', () => {
    const pages = [
      '---\na: 1\n---\nbody\n',
      '---\r\na: 1\r\n---\r\nbody\r\n',
      '\ufeff---\na: 1\n---\nbody',
      '---\n---\n',
      '---\na: 1\n---',
      '---\na: 1\n----\nb: 2\n---\nbody',
      '---\na: 1\n---  \nbody\n---\nmore',
      '---\na: |\n  x\n---\n',
    ];
    for (const text of pages) {
      const fm = splitFrontMatter(text);
      assert.ok(fm && fm !== 'unclosed', JSON.stringify(text));
      const expected = matter(text, { engines: { yaml: () => ({}) }, language: 'yaml' } as never).matter;
      assert.strictEqual(fm.yaml, expected, JSON.stringify(text));
      assert.strictEqual(text.slice(fm.offset, fm.offset + fm.yaml.length), fm.yaml);
    }
  });

  it('tells pages without front matter from unclosed front matter', () => {
    assert.strictEqual(splitFrontMatter('# Title\n'), undefined);
    assert.strictEqual(splitFrontMatter('----\na: 1\n----\n'), undefined);
    assert.strictEqual(splitFrontMatter('---\na: 1\n'), 'unclosed');
  });
});
