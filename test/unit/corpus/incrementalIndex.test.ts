import * as assert from 'assert';
import fc from 'fast-check';
import { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

const topic = (id: string, name: string, extra = '') =>
  `---\ntopic_id: ${id}\ntopic_category: Cat\ntopic_name: ${name}\ntopic_description: About ${name}.\n${extra}---\nBody of ${name}.\n`;
const cites = (gid: string) => `guidelines:\n  - guideline_id: ${gid}\n    references:\n      - name: Ref ${gid}\n        url: https://example.com/${gid}\n`;
const guidelinePage = (gid: string, company: string) => `---\nlayout: guideline\nguideline_id: ${gid}\nguideline_title: Guide ${gid}\nguideline_company: ${company}\n---\n`;

/** What an index shows to its users, in order. */
function view(index: CorpusIndex) {
  return {
    topics: [...index.topics], guidelines: [...index.guidelines],
    byStatus: [...index.byStatus], byMethod: [...index.byMethod], byHeader: [...index.byHeader],
    problems: index.problems, problemsByFile: [...index.problemsByFile],
    search: index.searchTopics('about', 100).map((h) => [h.topic.id, h.score]),
  };
}

function corpus(): MemoryFileSystem {
  return new MemoryFileSystem({
    '/a/g/acme.md': guidelinePage('acme', 'Acme'),
    '/a/t/403.md': topic('http-status-403', 'Forbidden', cites('acme')),
    '/a/t/404.md': topic('http-status-404', 'Not Found', 'topic_status: 404\n'),
    '/a/t/pag.md': topic('pagination', 'Pagination', cites('nobody')),
    '/a/t/hdr.md': topic('http-headers-etag', 'ETag', 'topic_header: ETag\n'),
    '/b/t/403.md': topic('http-status-403', 'Company Forbidden'),
    '/b/t/ver.md': topic('versioning', 'Versioning', cites('acme')),
    '/b/t/sort.md': topic('sorting', 'Sorting', 'topic_status: 404\n'),
  });
}

/** Texts an edit may give a file: renames, new ids, broken YAML, unknown guidelines, guideline pages. */
const VARIANTS = [
  (id: string, n: number) => topic(id, `Renamed ${n}`),
  (id: string, n: number) => topic(id, `Cited ${n}`, cites('acme')),
  (id: string, n: number) => topic(id, `Unknown ${n}`, cites('ghost')),
  (id: string, n: number) => topic(id, `Status ${n}`, 'topic_status: 404\n'),
  (id: string, n: number) => topic(id, `Header ${n}`, 'topic_header: ETag\n'),
  (_id: string, n: number) => topic(`fresh-${n % 3}`, `Fresh ${n}`),
  (_id: string, n: number) => topic('versioning', `Duplicate ${n}`),
  () => '---\ntopic_id: [\n---\n',
  () => 'no front matter',
  (_id: string, n: number) => guidelinePage(n % 2 ? 'acme' : 'other', `Company ${n}`),
];
const FILES = ['/a/t/403.md', '/a/t/404.md', '/a/t/pag.md', '/a/t/hdr.md', '/a/t/new.md', '/b/t/ver.md', '/b/t/sort.md', '/a/g/acme.md'];

describe('corpus/incremental re-indexing', () => {
  it('patches the index for an edited topic page, keeping every other topic', async () => {
    const set = new CorpusSet(corpus());
    await set.load(['/a', '/b']);
    const before = set.index;
    const versioning = before.topics.get('versioning');
    assert.ok(set.update('/a/t/pag.md', topic('pagination', 'Paging', cites('nobody'))));
    const after = set.index;
    assert.strictEqual(after, before, 'patched in place');
    assert.strictEqual(after.topics.get('pagination')!.name, 'Paging');
    assert.strictEqual(after.topics.get('versioning'), versioning, 'unchanged topics are kept, not rebuilt');
    assert.deepStrictEqual(after.problems.map((p) => [p.code, p.file]), [['unknown-guideline', '/a/t/pag.md']]);
    assert.deepStrictEqual(view(after), view(new CorpusIndex(after.roots)));
  });

  it('matches a full rebuild after any sequence of edits and removals', async () => {
    const edit = fc.record({ file: fc.constantFrom(...FILES), variant: fc.nat(VARIANTS.length), n: fc.nat(20) });
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 10 }), fc.boolean(), async (edits, searchFirst) => {
      const set = new CorpusSet(corpus());
      await set.load(['/a', '/b']);
      if (searchFirst) set.index.searchTopics('x');
      for (const { file, variant, n } of edits) {
        if (variant === VARIANTS.length) set.remove(file);
        else set.update(file, VARIANTS[variant](file.split('/').pop()!.replace('.md', ''), n));
        assert.deepStrictEqual(view(set.index), view(new CorpusIndex(set.index.roots)));
      }
    }), { numRuns: 300, seed: 7 });
  });

  it('removes every file below a deleted folder', async () => {
    const set = new CorpusSet(corpus());
    await set.load(['/a', '/b']);
    assert.ok(set.remove('/a/t'));
    assert.deepStrictEqual([...set.index.topics.keys()].sort(), ['http-status-403', 'sorting', 'versioning']);
    assert.strictEqual(set.remove('/a/t'), false);
  });
});
