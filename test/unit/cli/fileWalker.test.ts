import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { formatBytes, parseByteSize, readSourceFile, walkFiles } from '../../../server/src/node/fileWalker';
import { languageForPath } from '../../../server/src/settings';
import { scratch } from './cliHarness';

const hasLanguage = (f: string) => languageForPath(f) !== undefined;

describe('cli: file walker', () => {
  let dir: string;
  let cleanup: () => void;
  afterEach(() => cleanup?.());

  function relative(files: string[]): string[] {
    return files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
  }

  it('honours nested .gitignore files, negations, anchored and folder patterns, and skips .git and node_modules', async () => {
    ({ dir, cleanup } = scratch({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/info/exclude': 'secret.js\n',
      '.gitignore': 'dist/\n*.gen.ts\n/top-only.js\n',
      'app.js': '', 'top-only.js': '', 'secret.js': '', 'README.md': '',
      'dist/bundle.js': '',
      'node_modules/lib/index.js': '',
      'src/.gitignore': '!keep.gen.ts\nlocal/\n',
      'src/a.ts': '', 'src/drop.gen.ts': '', 'src/keep.gen.ts': '', 'src/top-only.js': '',
      'src/local/x.ts': '',
      'lib/drop.gen.ts': '',
    }));
    const result = await walkFiles([dir], { accept: hasLanguage });
    assert.deepStrictEqual(relative(result.files), ['app.js', 'src/a.ts', 'src/keep.gen.ts', 'src/top-only.js']);
    assert.deepStrictEqual(result.missing, []);
  });

  it('applies the ignore files above a walked sub-folder, up to the repository root', async () => {
    ({ dir, cleanup } = scratch({ '.git/HEAD': '', '.gitignore': 'generated/\n', 'pkg/a.go': '', 'pkg/generated/b.go': '' }));
    const result = await walkFiles([path.join(dir, 'pkg')], { accept: hasLanguage });
    assert.deepStrictEqual(relative(result.files), ['pkg/a.go']);
  });

  it('takes explicitly named files even when ignored, notes unsupported ones and reports missing paths', async () => {
    ({ dir, cleanup } = scratch({ '.gitignore': '*.js\n', 'a.js': '', 'notes.txt': '' }));
    const missing = path.join(dir, 'nope');
    const result = await walkFiles([path.join(dir, 'a.js'), path.join(dir, 'notes.txt'), missing, path.join(dir, 'a.js')], { accept: hasLanguage });
    assert.deepStrictEqual(relative(result.files), ['a.js']);
    assert.deepStrictEqual(result.skipped.map((s) => [path.basename(s.path), s.reason]), [['notes.txt', 'no supported language for this file name']]);
    assert.deepStrictEqual(result.missing, [missing]);
  });

  it('asks the ignore callback for folders and files, and does not follow linked folders', async () => {
    ({ dir, cleanup } = scratch({ 'vendor/x.py': '', 'app/y.py': '', 'app/z_test.py': '' }));
    fs.symlinkSync(path.join(dir, 'app'), path.join(dir, 'link'), 'dir');
    fs.symlinkSync(dir, path.join(dir, 'app', 'loop'), 'dir');
    const asked: string[] = [];
    const result = await walkFiles([dir], {
      accept: hasLanguage,
      ignore: (p, isDir) => {
        asked.push(`${path.basename(p)}${isDir ? '/' : ''}`);
        return p.endsWith('vendor') || p.endsWith('_test.py');
      },
    });
    assert.deepStrictEqual(relative(result.files), ['app/y.py']);
    assert.ok(asked.includes('vendor/') && asked.includes('z_test.py'), asked.join(' '));
  });

  it('reads text, and skips binary files and files over the size limit with a reason', async () => {
    ({ dir, cleanup } = scratch({
      'ok.js': '\uFEFFres.status(404);\n',
      'bin.js': Buffer.concat([Buffer.from('res.status(200)'), Buffer.from([0, 1, 2])]),
      'big.js': 'x'.repeat(2048),
    }));
    assert.deepStrictEqual(await readSourceFile(path.join(dir, 'ok.js')), { text: 'res.status(404);\n', bytes: 20 });
    assert.deepStrictEqual(await readSourceFile(path.join(dir, 'bin.js')), { skipped: 'binary file (NUL byte in the first 8 KB)' });
    assert.deepStrictEqual(await readSourceFile(path.join(dir, 'big.js'), 1024), { skipped: '2 KB is over the 1 KB limit (--max-file-size)' });
    assert.match((await readSourceFile(path.join(dir, 'gone.js')) as { skipped: string }).skipped, /^not readable: .*ENOENT/);
  });

  it('parses and prints byte sizes', () => {
    assert.strictEqual(parseByteSize('2MB'), 2 * 1024 * 1024);
    assert.strictEqual(parseByteSize('500k'), 500 * 1024);
    assert.strictEqual(parseByteSize('1.5 mb'), 1.5 * 1024 * 1024);
    assert.strictEqual(parseByteSize('123'), 123);
    assert.strictEqual(parseByteSize('lots'), undefined);
    assert.strictEqual(parseByteSize('-1'), undefined);
    assert.strictEqual(formatBytes(3 * 1024 * 1024 + 100 * 1024), '3.1 MB');
    assert.strictEqual(formatBytes(512), '512 bytes');
  });
});
