import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readSourceFileSync } from '../../../server/src/node/fileWalker';
import { DEFAULT_WORKSPACE_LIMITS, ToolError, WorkspaceFiles, type WorkspaceLimits } from '../../../server/src/mcp/workspaceFiles';

describe('mcp: which files check_files may read', () => {
  let tmp: string;
  let ws: string;
  const limits: WorkspaceLimits = { ...DEFAULT_WORKSPACE_LIMITS, maxPaths: 3, maxFiles: 4, maxFolders: 3, maxFileBytes: 100, maxTotalBytes: 150 };
  const files = (roots?: string[], corpus: string[] = []) => new WorkspaceFiles(ws, () => corpus, async () => roots, () => false, limits);
  const refusal = async (p: Promise<unknown>, message: RegExp) => assert.rejects(p, (e: Error) => e instanceof ToolError && message.test(e.message));

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-ws-')));
    ws = path.join(tmp, 'ws');
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'src', 'a.js'), 'x'.repeat(80));
    fs.writeFileSync(path.join(ws, 'src', 'b.js'), 'x'.repeat(80));
    fs.writeFileSync(path.join(ws, 'src', 'big.js'), 'x'.repeat(101));
    fs.writeFileSync(path.join(ws, 'src', 'notes.txt'), 'not source');
    fs.mkdirSync(path.join(tmp, 'corpus'));
    fs.writeFileSync(path.join(tmp, 'corpus', 'page.js'), '');
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('skips files over the size limit, and files past the limit per call', async () => {
    const r = await files().resolve(['src']);
    assert.deepStrictEqual(r.files.map((f) => path.basename(f)), ['a.js']);
    assert.deepStrictEqual(r.skipped, [
      { path: 'src/b.js', reason: 'past the 150-byte limit per call: check it on its own' },
      { path: 'src/big.js', reason: '101 bytes, over the 100-byte limit per file' },
    ]);
    assert.strictEqual(r.base, ws);
  });

  it('reads a judged file only while it is the same file: a folder on its path swapped for a link is refused', async () => {
    const r = await files().resolve(['src/a.js']);
    const [file] = r.files;
    const identity = r.identities.get(file);
    assert.ok(identity, 'the judged file has its identity');
    assert.deepStrictEqual(readSourceFileSync(file, 100, undefined, identity), { text: 'x'.repeat(80), bytes: 80 });
    // After the check: src becomes a link to a folder outside the workspace holding an a.js of its own.
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'a.js'), 'secret');
    fs.renameSync(path.join(ws, 'src'), path.join(ws, 'src-moved'));
    fs.symlinkSync(outside, path.join(ws, 'src'));
    try {
      const read = readSourceFileSync(file, 100, undefined, identity);
      assert.deepStrictEqual(read, { skipped: 'replaced since it was checked to be inside the allowed folders: not read' });
    } finally {
      fs.unlinkSync(path.join(ws, 'src'));
      fs.renameSync(path.join(ws, 'src-moved'), path.join(ws, 'src'));
    }
  });

  it('refuses too many paths, files or folders, and empty or NUL paths', async () => {
    await refusal(files().resolve(['a', 'b', 'c', 'd']), /^At most 3 paths per call; 4 were given\.$/);
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(ws, `top${i}.js`), '');
    try {
      await refusal(files().resolve(['.']), /^More than 4 source files below \.: name fewer files or smaller folders\.$/);
    } finally {
      for (let i = 0; i < 3; i++) fs.rmSync(path.join(ws, `top${i}.js`));
    }
    fs.mkdirSync(path.join(ws, 'd1', 'd2', 'd3'), { recursive: true });
    try {
      await refusal(files().resolve(['.']), /^More than 3 folders below \./);
    } finally {
      fs.rmSync(path.join(ws, 'd1'), { recursive: true });
    }
    await refusal(files().resolve([]), /at least one/);
    await refusal(files().resolve([' ']), /^Not a path/);
    await refusal(files().resolve(['src\0/a.js']), /^Not a path/);
  });

  it('takes file: URIs and the client\'s roots, and reads corpus folders too', async () => {
    const other = path.join(tmp, 'other');
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, 'x.go'), '');
    const roots = [pathToFileURL(other).href, 'untitled:ignored'];
    const r = await files(roots).resolve(['x.go']);
    assert.deepStrictEqual(r.files, [path.join(other, 'x.go')]);
    assert.strictEqual(r.base, other);
    const page = pathToFileURL(path.join(tmp, 'corpus', 'page.js')).href;
    await refusal(files(roots).resolve([page]), /is outside the workspace \([^)]*other\): only files there/);
    await refusal(files(roots).resolve([path.join(ws, 'src', 'a.js')]), /is outside the workspace/);
    const withCorpus = await files(roots, [path.join(tmp, 'corpus')]).resolve([page]);
    assert.deepStrictEqual(withCorpus.files, [path.join(tmp, 'corpus', 'page.js')]);
  });
});
