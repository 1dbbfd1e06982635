import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusManager } from '../../../server/src/node/corpusManager';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';

const page = (id: string) => `---\ntopic_id: ${id}\ntopic_category: Cat\ntopic_name: ${id}\ntopic_description: About ${id}.\n---\n`;

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-watch-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Polls (never a fixed sleep) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the manager has been quiet (no change reported) for a while: events for what just happened are in. */
async function settle(changes: () => number): Promise<void> {
  let last = -1;
  let same = 0;
  while (same < 8) {
    await new Promise((r) => setTimeout(r, 50));
    const now = changes();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

describe('node/CorpusManager: watching by the walk\'s rules', function () {
  this.timeout(30000);
  const made: string[] = [];
  let manager: CorpusManager | undefined;
  let changes = 0;
  let logs: string[] = [];
  const dir = (files?: Record<string, string>) => {
    const d = tempDir(files);
    made.push(d);
    return d;
  };
  const create = () => {
    changes = 0;
    logs = [];
    manager = new CorpusManager({ fs: new NodeCorpusFileSystem(), builtinPath: '/nonexistent-builtin', log: (m) => logs.push(m), onChange: () => changes++ });
    return manager;
  };
  const ids = async (roots: string[]) => [...(await manager!.index(roots)).topics.keys()].sort();

  afterEach(() => {
    manager?.reset();
    manager = undefined;
  });
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses a link added while watched that leads outside the corpus folder, as the first load does', async function () {
    const root = dir({ 'topics/a.md': page('a') });
    const outside = dir({ 'secret.md': page('secret'), 'more/inner.md': page('inner') });
    create();
    assert.deepStrictEqual(await ids([root]), ['a']);
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'topics', 'link.md'));
    fs.symlinkSync(path.join(outside, 'more'), path.join(root, 'topics', 'more'));
    fs.writeFileSync(path.join(root, 'topics', 'b.md'), page('b'));
    await until(async () => (await ids([root])).includes('b'), 'the page written after the links');
    await settle(() => changes);
    assert.deepStrictEqual(await ids([root]), ['a', 'b']);
    const skipped = (await manager!.index([root])).problems.filter((p) => p.code === 'skipped').map((p) => path.basename(p.file)).sort();
    assert.deepStrictEqual(skipped, ['link.md', 'more'], 'both links reported, as at the first load');
  });

  it('drops a page replaced by a folder and reads the pages in the folder', async () => {
    const root = dir({ 'a.md': page('a'), 'b.md': page('b') });
    create();
    assert.deepStrictEqual(await ids([root]), ['a', 'b']);
    fs.rmSync(path.join(root, 'b.md'));
    fs.mkdirSync(path.join(root, 'b.md'));
    fs.writeFileSync(path.join(root, 'b.md', 'c.md'), page('c'));
    await until(async () => (await ids([root])).join() === 'a,c', 'the folder read instead of the page');
    // The new folder is watched: a page added to it later is read too.
    fs.writeFileSync(path.join(root, 'b.md', 'd.md'), page('d'));
    await until(async () => (await ids([root])).join() === 'a,c,d', 'a page added in the new folder');
  });

  it('reads a page written in a new folder after the re-read listed it and before its watcher existed', async () => {
    const root = dir({ 'a.md': page('a') });
    // The file system writes d.md while the re-read reads c.md: the folder is listed, its watcher not yet made.
    const nodeFs = new NodeCorpusFileSystem();
    let wrote = false;
    const racing = Object.assign(Object.create(nodeFs) as NodeCorpusFileSystem, {
      readFiles: async (files: string[]) => {
        if (!wrote && files.some((f) => f.endsWith('c.md'))) {
          wrote = true;
          fs.writeFileSync(path.join(root, 'new', 'd.md'), page('d'));
        }
        return Promise.all(files.map((f) => nodeFs.readFile(f).catch((e: Error) => e)));
      },
    });
    manager = new CorpusManager({ fs: racing, builtinPath: '/nonexistent-builtin', log: () => undefined, onChange: () => undefined });
    assert.deepStrictEqual(await ids([root]), ['a']);
    fs.mkdirSync(path.join(root, 'new'));
    fs.writeFileSync(path.join(root, 'new', 'c.md'), page('c'));
    await until(async () => (await ids([root])).join() === 'a,c,d', 'the page written in the gap');
    assert.ok(wrote, 'the write happened during the re-read');
  });

  it('reads and watches a corpus folder again after it was deleted and recreated', async () => {
    const parent = dir();
    const root = path.join(parent, 'corpus');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'sub', 'a.md'), page('a'));
    create();
    assert.deepStrictEqual(await ids([root]), ['a']);
    fs.rmSync(root, { recursive: true });
    await until(async () => (await ids([root])).length === 0, 'the deleted corpus emptied');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'sub', 'b.md'), page('b'));
    await until(async () => (await ids([root])).join() === 'b', 'the recreated corpus read');
    fs.writeFileSync(path.join(root, 'sub', 'c.md'), page('c'));
    await until(async () => (await ids([root])).join() === 'b,c', 'a page added to the recreated corpus');
  });

  it('reads a corpus folder that appears after the first load', async () => {
    const parent = dir();
    const root = path.join(parent, 'later');
    create();
    assert.deepStrictEqual(await ids([root]), []);
    assert.strictEqual(manager!.stats().polls, 1);
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'a.md'), page('a'));
    await until(async () => (await ids([root])).join() === 'a', 'the new corpus folder read');
    assert.strictEqual(manager!.stats().polls, 0);
  });

  it('does not read pages twice through a link loop added while watched (no false duplicate id)', async () => {
    const root = dir({ 'topics/a.md': page('a'), 'topics/deep/b.md': page('b') });
    create();
    assert.deepStrictEqual(await ids([root]), ['a', 'b']);
    const watchers = manager!.stats().watchers;
    fs.symlinkSync(path.join(root, 'topics'), path.join(root, 'topics', 'deep', 'loop'));
    fs.symlinkSync(path.join(root, 'topics', 'a.md'), path.join(root, 'topics', 'alias.md'));
    fs.writeFileSync(path.join(root, 'topics', 'c.md'), page('c'));
    await until(async () => (await ids([root])).includes('c'), 'the page written after the loop');
    await settle(() => changes);
    const index = await manager!.index([root]);
    assert.deepStrictEqual([...index.topics.keys()].sort(), ['a', 'b', 'c']);
    assert.deepStrictEqual(index.problems.filter((p) => p.code === 'duplicate-id').map((p) => p.message), []);
    assert.strictEqual(manager!.stats().watchers, watchers, 'no watcher through the loop');
  });

  it('holds one corpus set and the watchers of its folders however often the roots change', async () => {
    const a = dir({ 'x/a.md': page('a'), 'y/b.md': page('b') });
    const b = dir({ 'c.md': page('c') });
    create();
    for (let i = 0; i < 100; i++) {
      const roots = i % 2 ? [a] : [b, path.join(a, 'x')];
      await manager!.index(roots);
      manager!.retain([roots]);
    }
    assert.deepStrictEqual(manager!.stats(), { corpora: 1, watchers: 3, polls: 0 }, 'a, a/x and a/y');
    manager!.retain([]);
    assert.deepStrictEqual(manager!.stats(), { corpora: 0, watchers: 0, polls: 0 });
  });
});
