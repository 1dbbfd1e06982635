import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusSet, corpusFileKind, parseCorpusFile } from '../../../server/src/corpus/corpusSet';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { filesFromSnapshot, makeSnapshot, textFingerprint } from '../../../server/src/corpus/snapshot';
import { arrangeGuidelines } from '../../../server/src/features/guidelineView';
import { renderTopic } from '../../../server/src/features/hoverContent';
import { builtinCorpus } from '../../helpers/testEnv';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

/** The built-in corpus as in-memory files below /b. */
function builtinFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ['topics', 'guidelines']) {
    for (const name of fs.readdirSync(path.join(builtinCorpus, dir))) files[`/b/${dir}/${name}`] = fs.readFileSync(path.join(builtinCorpus, dir, name), 'utf8');
  }
  return files;
}

function snapshotOf(files: Record<string, string>) {
  return makeSnapshot(Object.entries(files).map(([file, text]) => {
    const rel = file.slice('/b/'.length);
    return { path: rel, text, parsed: parseCorpusFile(file, text, corpusFileKind(rel)!, 0) };
  }));
}

/** An in-memory file system that offers a snapshot (a fresh copy each time, as reading the file gives) to one root. */
class SnapshotFileSystem extends MemoryFileSystem {
  constructor(files: Record<string, string>, private readonly snapshot: unknown, private readonly root = '/b') { super(files); }
  async readSnapshot(root: string): Promise<unknown> {
    return root === this.root ? JSON.parse(JSON.stringify(this.snapshot)) : undefined;
  }
}

/** What readers see of an index: every topic's hover and guideline order, every guideline page. */
function view(index: CorpusIndex): string {
  const topics = [...index.topics.values()].map((t) => [t.id, t.file, t.range, t.root, renderTopic(t), arrangeGuidelines(t.guidelines).map((g) => [g.entry.guidelineId, g.entry.range, g.entry.attached])]);
  const guidelines = [...index.guidelines.values()].map((g) => ({ ...g }));
  return JSON.stringify({ topics, guidelines, byStatus: [...index.byStatus.keys()], problems: index.problems });
}

describe('corpus: the build\'s snapshot of the built-in corpus', function () {
  this.timeout(30_000);
  const files = builtinFiles();
  const snapshot = snapshotOf(files);

  it('gives the same index as parsing, ranges and files included', async () => {
    const parsed = await new CorpusSet(new MemoryFileSystem(files)).load(['/b', '/c']).catch(() => undefined);
    const plain = await new CorpusSet(new MemoryFileSystem(files)).load(['/b']);
    const set = new CorpusSet(new SnapshotFileSystem(files, snapshot));
    const fromSnapshot = await set.load(['/b']);
    assert.strictEqual(set.fromSnapshot, Object.keys(files).length);
    assert.deepStrictEqual(JSON.parse(view(fromSnapshot)), JSON.parse(view(plain)));
    assert.ok(parsed, 'a missing second root is a problem, not a failure');
  });

  it('is not used when a file changed, was added or removed, or for another root', async () => {
    const edited = { ...files, '/b/topics/http-status-403.md': files['/b/topics/http-status-403.md'].replace('refuses', 'declines') };
    const cases: [string, Record<string, string>, string?][] = [
      ['edited', edited],
      ['added', { ...files, '/b/topics/extra.md': '---\ntopic_id: extra\ntopic_category: C\ntopic_name: Extra\ntopic_description: An extra topic.\n---\n' }],
      ['removed', Object.fromEntries(Object.entries(files).filter(([f]) => !f.endsWith('http-status-418.md')))],
      ['other root', files, '/elsewhere'],
    ];
    for (const [what, fsFiles, root] of cases) {
      const set = new CorpusSet(new SnapshotFileSystem(fsFiles, snapshot, root));
      const index = await set.load(['/b']);
      assert.strictEqual(set.fromSnapshot, 0, what);
      if (what === 'edited') assert.match(index.topicForStatus(403)!.description, /declines/);
    }
  });

  it('leaves out files with problems, so that their folder is parsed and the problems reported', async () => {
    const broken = { ...files, '/b/topics/broken.md': '---\ntopic_id: broken\n---\n' };
    const withProblem = snapshotOf(broken);
    assert.strictEqual(withProblem.files.length, Object.keys(files).length);
    const set = new CorpusSet(new SnapshotFileSystem(broken, withProblem));
    const index = await set.load(['/b']);
    assert.strictEqual(set.fromSnapshot, 0);
    assert.ok(index.problems.some((p) => p.file === '/b/topics/broken.md'));
  });

  it('fingerprints texts by length and content', () => {
    assert.notStrictEqual(textFingerprint('abc'), textFingerprint('abd'));
    assert.notStrictEqual(textFingerprint('abc'), textFingerprint('abc '));
    assert.strictEqual(textFingerprint(''), '0:' + (0x811c9dc5).toString(36));
    assert.strictEqual(filesFromSnapshot({ version: 99, files: [] }, [], 0), undefined);
    assert.strictEqual(filesFromSnapshot(undefined, [], 0), undefined);
  });
});
