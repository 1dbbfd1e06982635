import * as assert from 'assert';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { requireShared, sharedPath } from '../../helpers/testEnv';

describe('corpus: the public API Stylebook corpus (acceptance)', function () {
  let pages: CorpusIndex;
  let data: CorpusIndex;

  before(async function () {
    requireShared(this);
    pages = await new CorpusSet(new NodeCorpusFileSystem()).load([sharedPath('corpora', 'apistylebook')]);
    data = await new CorpusSet(new NodeCorpusFileSystem()).load([sharedPath('corpora', 'apistylebook-data')]);
  });

  it('loads 100 topics and 16 guidelines from the page format', () => {
    assert.strictEqual(pages.size, 100);
    assert.strictEqual(pages.guidelines.size, 16);
    assert.deepStrictEqual(pages.problems.filter((p) => p.severity === 'error'), []);
  });

  it('reports references without a url as warnings and keeps their names', () => {
    const missing = pages.problems.filter((p) => p.code === 'missing-url');
    // Each one twice: in its topic page and in the guideline page's own list of its topics.
    assert.strictEqual(missing.filter((p) => p.file.includes('/topics/')).length, 8);
    assert.strictEqual(missing.filter((p) => p.file.includes('/guidelines/')).length, 8);
    assert.strictEqual(missing.length, 16);
    assert.ok(missing.every((p) => p.severity === 'warning'));
    const heroku = pages.topics.get('collection-pagination')!.guidelines.find((g) => g.company === 'Heroku')!;
    assert.deepStrictEqual(heroku.references, [{ name: 'Divide Large Responses Across Requests with Ranges', url: undefined }]);
  });

  it('reports the references-as-mapping quirks as warnings with their lines', () => {
    const quirks = pages.problems.filter((p) => p.code === 'expected-list');
    assert.ok(quirks.length >= 3, `${quirks.length} quirks`);
    assert.ok(quirks.some((p) => p.file.endsWith('http-status-302.md') && p.range.start.line === 64), JSON.stringify(quirks.map((p) => [p.file, p.range.start.line])));
  });

  it('loads 100 topics and 16 guidelines from the source data format', () => {
    assert.strictEqual(data.size, 100);
    assert.strictEqual(data.guidelines.size, 16);
    assert.deepStrictEqual(data.problems.filter((p) => p.severity === 'error'), []);
  });

  it('agrees between both forms topic by topic', () => {
    const normalizeRefs = (i: CorpusIndex, id: string) => i.topics.get(id)!.guidelines
      .map((g) => `${g.guidelineId}: ${g.references.map((r) => (r.url ?? '').trim()).sort().join(' ')}`).sort();
    for (const [id, t] of pages.topics) {
      const d = data.topics.get(id);
      assert.ok(d, `data format lacks ${id}`);
      assert.strictEqual(d.category, t.category, id);
      assert.strictEqual(d.name.trim(), t.name.trim(), id);
      assert.strictEqual(d.description.trim(), t.description.trim(), id);
      assert.deepStrictEqual(normalizeRefs(data, id), normalizeRefs(pages, id), id);
    }
  });

  it('indexes status codes and methods', () => {
    assert.deepStrictEqual(pages.topicForStatus(403)!.guidelines.map((g) => g.company),
      ['adidas', 'Cloud Foundry', 'Haufe', 'Heroku', 'Zalando']);
    assert.strictEqual(pages.topicForMethod('patch')!.id, 'http-methods-patch');
  });
});
