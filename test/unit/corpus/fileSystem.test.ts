import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet, MAX_CORPUS_FILE_BYTES } from '../../../server/src/corpus/corpusSet';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';

const page = (id: string, body = '') => `---\ntopic_id: ${id}\ntopic_category: Cat\ntopic_name: ${id}\ntopic_description: About ${id}.\n---\n${body}`;

/** A fresh temporary folder with the given files (path → text). */
function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-fs-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Creates a symbolic link, or skips the test where the platform does not allow it. */
function symlink(ctx: Mocha.Context, target: string, at: string): void {
  try {
    fs.symlinkSync(target, at);
  } catch {
    ctx.skip();
  }
}

async function load(root: string): Promise<CorpusIndex> {
  return new CorpusSet(new NodeCorpusFileSystem()).load([root]);
}

function problemsAt(index: CorpusIndex, file: string): string[] {
  return (index.problemsByFile.get(file) ?? []).map((p) => `${p.severity} ${p.code}: ${p.message}`);
}

describe('corpus/NodeCorpusFileSystem: links, loops and large files', () => {
  const made: string[] = [];
  const dir = (files?: Record<string, string>) => {
    const d = tempDir(files);
    made.push(d);
    return d;
  };
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  it('does not follow a link loop, reads each page once and says what it skipped', async function () {
    const root = dir({ 'topics/a.md': page('a'), 'topics/deep/b.md': page('b') });
    symlink(this, path.join(root, 'topics'), path.join(root, 'topics', 'deep', 'up'));
    symlink(this, root, path.join(root, 'self'));
    const listing = await new NodeCorpusFileSystem().listFiles(root);
    assert.deepStrictEqual(listing.files, [path.join(root, 'topics', 'a.md'), path.join(root, 'topics', 'deep', 'b.md')]);
    assert.deepStrictEqual(listing.skipped.map((s) => s.path).sort(), [path.join(root, 'self'), path.join(root, 'topics', 'deep', 'up')]);
    const index = await load(root);
    assert.deepStrictEqual([...index.topics.keys()].sort(), ['a', 'b']);
    assert.deepStrictEqual(index.problems.filter((p) => p.code === 'duplicate-id'), []);
    assert.strictEqual(problemsAt(index, path.join(root, 'self')).length, 1);
  });

  it('never follows a link to a folder or a file outside the corpus folder', async function () {
    const outside = dir({ 'secret.md': page('secret'), 'more/other.md': page('other') });
    const root = dir({ 'topics/a.md': page('a') });
    symlink(this, outside, path.join(root, 'outside'));
    symlink(this, path.join(outside, 'secret.md'), path.join(root, 'topics', 'secret.md'));
    symlink(this, path.join(outside, '..'), path.join(root, 'parent'));
    const index = await load(root);
    assert.deepStrictEqual([...index.topics.keys()], ['a']);
    for (const link of ['outside', 'topics/secret.md', 'parent']) {
      const problems = problemsAt(index, path.join(root, link));
      assert.strictEqual(problems.length, 1, link);
      assert.match(problems[0], /^warning skipped: .*outside the corpus folder/);
    }
  });

  it('follows a link that stays inside the corpus folder without reading a page twice', async function () {
    const root = dir({ 'topics/a.md': page('a'), 'shared/b.md': page('b') });
    symlink(this, path.join(root, 'shared'), path.join(root, 'topics', 'shared'));
    symlink(this, path.join(root, 'topics', 'a.md'), path.join(root, 'alias.md'));
    const index = await load(root);
    assert.deepStrictEqual([...index.topics.keys()].sort(), ['a', 'b']);
    assert.deepStrictEqual(index.problems.filter((p) => p.severity === 'error'), []);
  });

  it('reports a broken link and keeps going', async function () {
    const root = dir({ 'topics/a.md': page('a') });
    symlink(this, path.join(root, 'gone.md'), path.join(root, 'topics', 'broken.md'));
    const index = await load(root);
    assert.deepStrictEqual([...index.topics.keys()], ['a']);
    assert.match(problemsAt(index, path.join(root, 'topics', 'broken.md'))[0], /Broken symbolic link/);
  });

  it('skips a file over the size limit with a message naming it, and reads one at the limit', async () => {
    const header = page('big');
    const root = dir({
      'topics/a.md': page('a'),
      'topics/big.md': header + 'x'.repeat(MAX_CORPUS_FILE_BYTES + 1 - header.length),
      'topics/edge.md': page('edge') + 'y'.repeat(MAX_CORPUS_FILE_BYTES - page('edge').length),
    });
    const index = await load(root);
    assert.deepStrictEqual([...index.topics.keys()].sort(), ['a', 'edge']);
    const problems = problemsAt(index, path.join(root, 'topics', 'big.md'));
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], new RegExp(`^error unreadable: .*${MAX_CORPUS_FILE_BYTES + 1} bytes is over the ${MAX_CORPUS_FILE_BYTES}-byte limit`));
  });

  it('does not hang on a FIFO named like a page', async function () {
    const root = dir({ 'topics/a.md': page('a') });
    try {
      execFileSync('mkfifo', [path.join(root, 'topics', 'pipe.md')]);
    } catch {
      this.skip();
    }
    symlink(this, path.join(root, 'topics', 'pipe.md'), path.join(root, 'linked-pipe.md'));
    const index = await load(root);
    assert.deepStrictEqual([...index.topics.keys()], ['a']);
  });

  it('reads many files at once exactly as readFileSync does, with an error in place of each unreadable one', async () => {
    const files: Record<string, string> = {
      'ascii.md': page('ascii', 'plain text\n'),
      'accents.md': page('accents', 'Café, naïve, 😀 and ‘quotes’\n'),
      'bom.md': '\ufeff' + page('bom'),
      'empty.md': '',
      'big.md': page('big', 'z'.repeat(100_000)),
    };
    // Enough pages of 60 KB to fill the read buffer more than once.
    for (let i = 0; i < 9; i++) files[`part-${i}.md`] = page(`part-${i}`, `${i}`.repeat(60_000));
    const root = dir(files);
    const paths = [...Object.keys(files).map((f) => path.join(root, f)), path.join(root, 'missing.md'), root];
    const texts = await new NodeCorpusFileSystem().readFiles(paths);
    assert.strictEqual(texts.length, paths.length);
    paths.slice(0, -2).forEach((p, i) => assert.strictEqual(texts[i], fs.readFileSync(p, 'utf8'), p));
    assert.match(String(texts[paths.length - 2]), /ENOENT/);
    assert.match(String(texts[paths.length - 1]), /not a regular file/);
  });

  it('reports a missing root as one problem', async () => {
    const missing = path.join(dir(), 'nope');
    const index = await load(missing);
    assert.strictEqual(index.size, 0);
    assert.deepStrictEqual(problemsAt(index, missing).map((p) => p.split(':')[0]), ['error missing-root']);
  });

  describe('walk limits (a corpus folder such as `/`)', () => {
    const limited = (limits: object) => new NodeCorpusFileSystem(undefined, limits);
    const limitNotes = (listing: { skipped: { reason: string }[] }) => listing.skipped.filter((s) => /neither read nor watched|are not read/.test(s.reason)).map((s) => s.reason);

    it('stops after the most files, with one warning naming the limit', async () => {
      const root = dir(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i % 3}/p${i}.md`, page(`p${i}`)])));
      const listing = await limited({ maxFiles: 5 }).listFiles(root);
      assert.strictEqual(listing.files.length, 5);
      assert.deepStrictEqual(limitNotes(listing), [`More than 5 files in the corpus folder: the rest of ${root} is neither read nor watched`]);
    });

    it('stops after the most folders, and lists exactly the folders it read', async () => {
      const root = dir(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}/p.md`, page(`p${i}`)])));
      const listing = await limited({ maxFolders: 4 }).listFiles(root);
      assert.strictEqual(listing.folders!.length, 4, 'the root and three folders');
      assert.strictEqual(listing.folders![0].path, root);
      assert.deepStrictEqual(listing.files.map((f) => path.basename(path.dirname(f))), ['f0', 'f1', 'f2']);
      assert.deepStrictEqual(limitNotes(listing), [`More than 4 folders in the corpus folder: the rest of ${root} is neither read nor watched`]);
    });

    it('does not read folders deeper than the limit, and says so once', async () => {
      const root = dir({ 'a/b/c/d/e/deep.md': page('deep'), 'a/b/x/deep2.md': page('deep2'), 'a/top.md': page('top') });
      const listing = await limited({ maxDepth: 2 }).listFiles(root);
      assert.deepStrictEqual(listing.files, [path.join(root, 'a', 'top.md')]);
      assert.deepStrictEqual(limitNotes(listing), ['Folders more than 2 levels below the corpus folder are not read (the first one)']);
      assert.strictEqual(listing.skipped.find((s) => /levels below/.test(s.reason))!.path, path.join(root, 'a', 'b', 'c'));
    });

    it('stops when the walk takes longer than its time limit', async () => {
      const root = dir({ 'a/p.md': page('p') });
      const listing = await limited({ maxMs: -1 }).listFiles(root);
      assert.deepStrictEqual(listing.files, []);
      assert.strictEqual(limitNotes(listing).length, 1);
      assert.match(limitNotes(listing)[0], /^Reading the corpus folder took over/);
    });

    it('walks `/` within the limits', async function () {
      this.timeout(60_000);
      const listing = await new NodeCorpusFileSystem().listFiles('/');
      assert.ok(listing.folders!.length <= 5_000, `${listing.folders!.length} folders`);
      assert.ok(listing.files.length <= 50_000, `${listing.files.length} files`);
      assert.ok(listing.folders!.every((f) => f.path.split('/').filter(Boolean).length <= 24));
    });
  });
});
