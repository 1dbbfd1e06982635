import * as assert from 'assert';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

const topic = (id: string, extra = '', name = id) => `---\ntopic_id: ${id}\ntopic_category: Cat\ntopic_name: ${name}\ntopic_description: About ${id}.\n${extra}---\n`;
const cited = (gid: string, inline = true) => `guidelines:\n  - guideline_id: ${gid}\n${inline ? `    guideline_title: T-${gid}\n    guideline_company: Co-${gid}\n` : ''}    references:\n      - name: Ref ${gid}\n        url: https://example.com/${gid}\n`;

describe('corpus/corpusIndex', () => {
  it('merges roots: later roots override a topic id', async () => {
    const fs = new MemoryFileSystem({
      '/a/t1.md': topic('http-status-403', '', 'Built-in'),
      '/a/t2.md': topic('http-status-404'),
      '/b/t1.md': topic('http-status-403', '', 'Company'),
    });
    const index = await new CorpusSet(fs).load(['/a', '/b']);
    assert.strictEqual(index.size, 2);
    assert.strictEqual(index.topicForStatus(403)!.name, 'Company');
    assert.strictEqual(index.topicForStatus(403)!.root, 1);
    assert.deepStrictEqual(index.problems, []);
  });

  it('reports duplicate ids inside one root, keeping the first', async () => {
    const fs = new MemoryFileSystem({ '/a/x.md': topic('dup', '', 'First'), '/a/y.md': topic('dup', '', 'Second') });
    const index = await new CorpusSet(fs).load(['/a']);
    assert.strictEqual(index.topics.get('dup')!.name, 'First');
    assert.deepStrictEqual(index.problems.map((p) => [p.code, p.file, p.range.start.line]), [['duplicate-id', '/a/y.md', 1]]);
  });

  it('resolves short guideline entries from guideline pages and reports unknown ids', async () => {
    const fs = new MemoryFileSystem({
      '/a/g.md': '---\nlayout: guideline\nguideline_id: acme\nguideline_title: Acme API Guide\nguideline_company: Acme\n---\n',
      '/a/t.md': topic('t', cited('acme', false)),
      '/a/u.md': topic('u', cited('nobody', false)),
    });
    const index = await new CorpusSet(fs).load(['/a']);
    assert.deepStrictEqual(index.topics.get('t')!.guidelines.map((g) => [g.company, g.title]), [['Acme', 'Acme API Guide']]);
    assert.deepStrictEqual(index.problems.map((p) => [p.code, p.file, p.range.start.line]), [['unknown-guideline', '/a/u.md', 6]]);
    assert.deepStrictEqual(index.topics.get('u')!.guidelines, []);
  });

  it('keeps valid topics when another file is broken', async () => {
    const fs = new MemoryFileSystem({ '/a/bad.md': '---\ntopic_id: [\n---\n', '/a/good.md': topic('good') });
    const index = await new CorpusSet(fs).load(['/a']);
    assert.strictEqual(index.size, 1);
    assert.strictEqual(index.problems.length, 1);
    assert.strictEqual(index.problems[0].file, '/a/bad.md');
  });

  it('reports a missing root as a problem and still loads the others', async () => {
    const index = await new CorpusSet(new MemoryFileSystem({ '/a/t.md': topic('t') })).load(['/nope', '/a']);
    assert.strictEqual(index.size, 1);
    assert.deepStrictEqual(index.problems.map((p) => p.code), ['missing-root']);
  });

  it('re-indexes one changed file without reloading', async () => {
    const set = new CorpusSet(new MemoryFileSystem({ '/a/t.md': topic('t', '', 'Old') }));
    await set.load(['/a']);
    assert.ok(set.update('/a/t.md', topic('t', '', 'New')));
    assert.strictEqual(set.index.topics.get('t')!.name, 'New');
    assert.ok(set.update('/a/n.md', topic('n')));
    assert.strictEqual(set.index.size, 2);
    assert.ok(set.remove('/a/n.md'));
    assert.strictEqual(set.index.size, 1);
    assert.strictEqual(set.update('/elsewhere/x.md', topic('x')), false);
  });

  it('searches code, name, category, description, company and reference names', async () => {
    const fs = new MemoryFileSystem({
      '/a/403.md': topic('http-status-403', cited('zalando'), '403 Forbidden'),
      '/a/pag.md': topic('collection-pagination', cited('heroku'), 'Pagination'),
      '/a/get.md': topic('http-methods-get', '', 'GET'),
    });
    const index = await new CorpusSet(fs).load(['/a']);
    const ids = (q: string) => index.searchTopics(q).map((h) => h.topic.id);
    assert.deepStrictEqual(ids('403'), ['http-status-403']);
    assert.deepStrictEqual(ids('forbid'), ['http-status-403']);
    assert.deepStrictEqual(ids('pagination'), ['collection-pagination']);
    assert.deepStrictEqual(ids('co-heroku'), ['collection-pagination']);
    assert.deepStrictEqual(ids('ref zalando'), ['http-status-403']);
    assert.deepStrictEqual(ids('get'), ['http-methods-get']);
    assert.deepStrictEqual(ids('nothing-like-this'), []);
    assert.strictEqual(index.searchTopics('').length, 3);
  });

  it('cuts a huge query to its first 256 characters and 16 distinct words', async () => {
    const fs = new MemoryFileSystem({
      '/a/403.md': topic('http-status-403', cited('zalando'), '403 Forbidden'),
      '/a/get.md': topic('http-methods-get', '', 'GET'),
    });
    const index = await new CorpusSet(fs).load(['/a']);
    const ids = (q: string) => index.searchTopics(q).map((h) => h.topic.id);
    // 2 MB: matches on what the first 256 characters say, whatever follows.
    assert.deepStrictEqual(ids('403 ' + 'nomatch '.repeat(250_000)), []);
    assert.deepStrictEqual(ids('403 ' + ' '.repeat(252) + 'nomatch'.repeat(300_000)), ['http-status-403']);
    // Repeated words count once; after 16 distinct words the rest is not read.
    assert.deepStrictEqual(ids('forbidden '.repeat(20) + '403'), ['http-status-403']);
    const sixteen = ['f', 'fo', 'for', 'forb', 'forbi', 'forbid', 'forbidd', 'forbidde', 'forbidden', '4', '40', '403', 'http', 'http-', 'http-status', 'http-status-4'];
    assert.deepStrictEqual(ids(sixteen.join(' ')), ['http-status-403']);
    assert.deepStrictEqual(ids(`${sixteen.join(' ')} nomatch`), ['http-status-403'], 'a 17th word is not read');
    assert.deepStrictEqual(ids(`${sixteen.slice(1).join(' ')} nomatch`), [], 'a 16th word is');
  });
});
