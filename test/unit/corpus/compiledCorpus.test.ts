import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileCorpus, readCompiledFiles, readCompiledHeader, type CompiledRoot } from '../../../server/src/corpus/compiledCorpus';
import { collationOrder, type CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet, corpusFileKind, parseCorpusFile } from '../../../server/src/corpus/corpusSet';
import type { ParsedFile } from '../../../server/src/corpus/model';
import { arrangeGuidelines } from '../../../server/src/features/guidelineView';
import { renderTopic } from '../../../server/src/features/hoverContent';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import { writeCompiledCorpus } from '../../../server/src/node/writeCompiledCorpus';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';
import { builtinCorpus } from '../../helpers/testEnv';

/** Everything an index holds, as plain data: every parsed file of every root (field ranges are for authoring, which parses), and what readers see. */
function contents(index: CorpusIndex): unknown {
  const files = index.roots.map((files) => files.map((f: ParsedFile) => ({ ...f, topics: f.topics.map((t) => ({ ...t, fields: undefined })) })));
  const topics = [...index.topics.values()].map((t) => [t.id, t.file, t.range, t.root, renderTopic(t), arrangeGuidelines(t.guidelines).map((g) => [g.entry.guidelineId, g.entry.range, g.entry.attached])]);
  return JSON.parse(JSON.stringify({ files, topics, guidelines: [...index.guidelines.values()], byStatus: [...index.byStatus.keys()], byMethod: [...index.byMethod.keys()], byHeader: [...index.byHeader.keys()], problems: index.problems }));
}

/** A copy of the built-in corpus in a fresh temporary folder, compiled to `compiled.json` beside it. */
async function compiledCopy(): Promise<{ dir: string; root: string; out: string }> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-compiled-')));
  const root = path.join(dir, 'corpus');
  fs.cpSync(builtinCorpus, root, { recursive: true });
  const out = path.join(dir, 'compiled.json');
  const written = await writeCompiledCorpus(root, out);
  assert.ok('files' in written, JSON.stringify(written));
  return { dir, root, out };
}

async function load(root: string, out: string, roots = [root]): Promise<{ set: CorpusSet; index: CorpusIndex }> {
  const set = new CorpusSet(new NodeCorpusFileSystem({ root, file: out }));
  return { set, index: await set.load(roots) };
}

/** Sets a file's or folder's modification time a minute later: an edit made well after the build. */
function touchLater(p: string): void {
  const later = new Date(fs.statSync(p).mtimeMs + 60_000);
  fs.utimesSync(p, later, later);
}

describe('corpus: the built-in corpus compiled by the build', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

  it('gives the same index as reading and parsing every page, ranges and files included', async () => {
    const { dir, root, out } = await compiledCopy();
    dirs.push(dir);
    const parsed = await new CorpusSet(new NodeCorpusFileSystem()).load([root]);
    const { set, index } = await load(root, out);
    assert.ok(set.fromCompiled > 200, `${set.fromCompiled} files from the compile`);
    assert.strictEqual(set.fromCompiled, index.roots[0].length);
    assert.deepStrictEqual(contents(index), contents(parsed));
    // Behind another root, and as the second root, too.
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'x.md'), '---\ntopic_id: x\ntopic_category: C\ntopic_name: X\ntopic_description: An extra topic.\n---\n');
    const both = await load(root, out, [root, other]);
    assert.strictEqual(both.set.fromCompiled, set.fromCompiled);
    assert.deepStrictEqual(contents(both.index), contents(await new CorpusSet(new NodeCorpusFileSystem()).load([root, other])));
  });

  it('is what the build wrote next to the bundles for corpus/, and the CLI and server use it', async () => {
    const { set } = await load(builtinCorpus, path.join(builtinCorpus, '..', 'dist', 'builtin-corpus.json'));
    const pages = fs.readdirSync(builtinCorpus, { recursive: true }).filter((f) => corpusFileKind(String(f)) !== undefined).length;
    assert.strictEqual(set.fromCompiled, pages, 'run the build (`npm run build`) after editing corpus/');
  });

  it('orders guideline names as the collator does, so that the index sorts them without one', () => {
    const compiled = readCompiledHeader(fs.readFileSync(path.join(builtinCorpus, '..', 'dist', 'builtin-corpus.json'), 'latin1'))!;
    const collator = new Intl.Collator();
    assert.ok(compiled.collation.length > 50, `${compiled.collation.length} names`);
    compiled.collation.forEach((group, i) => {
      for (const name of group) assert.strictEqual(collator.compare(group[0], name), 0, name);
      if (i) assert.ok(collator.compare(compiled.collation[i - 1][0], group[0]) < 0, `${compiled.collation[i - 1][0]} before ${group[0]}`);
    });
    assert.deepStrictEqual(collationOrder(['b', 'Zalando', 'adidas', 'b', 'Ádám']).flat(), ['Ádám', 'adidas', 'b', 'Zalando']);
  });

  it('is not used once a page is edited, added, removed or renamed, and never for another folder', async () => {
    const edits: [string, (root: string) => void][] = [
      ['a page edited, same size', (root) => {
        const p = path.join(root, 'topics', 'http-status-403.md');
        fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/Forbidden/g, 'Forbidder'));
        touchLater(p);
      }],
      ['a page edited, longer', (root) => fs.appendFileSync(path.join(root, 'topics', 'http-status-403.md'), '\nMore.\n')],
      ['a page added', (root) => {
        fs.writeFileSync(path.join(root, 'topics', 'extra.md'), '---\ntopic_id: extra\ntopic_category: C\ntopic_name: Extra\ntopic_description: An extra topic.\n---\n');
        touchLater(path.join(root, 'topics'));
      }],
      ['a page removed', (root) => {
        fs.rmSync(path.join(root, 'topics', 'http-status-418.md'));
        touchLater(path.join(root, 'topics'));
      }],
      ['a folder added', (root) => {
        fs.mkdirSync(path.join(root, 'more'));
        fs.writeFileSync(path.join(root, 'more', 'extra.md'), '---\ntopic_id: extra\ntopic_category: C\ntopic_name: Extra\ntopic_description: An extra topic.\n---\n');
        touchLater(root);
      }],
      ['the compile from an older version', (root) => {
        const out = path.join(root, '..', 'compiled.json');
        const [header, files] = fs.readFileSync(out, 'utf8').split('\n');
        fs.writeFileSync(out, `${JSON.stringify({ ...JSON.parse(header), version: 1 })}\n${files}\n`);
        // (version 1 was the parse results of every page, checked against each page's text)
      }],
      ['the compile cut short', (root) => {
        const out = path.join(root, '..', 'compiled.json');
        fs.writeFileSync(out, fs.readFileSync(out, 'utf8').slice(0, 1000));
      }],
    ];
    for (const [what, edit] of edits) {
      const { dir, root, out } = await compiledCopy();
      dirs.push(dir);
      edit(root);
      const { set, index } = await load(root, out);
      assert.strictEqual(set.fromCompiled, 0, what);
      assert.deepStrictEqual(contents(index), contents(await new CorpusSet(new NodeCorpusFileSystem()).load([root])), what);
      if (what === 'a page edited, same size') assert.strictEqual(index.topicForStatus(403)?.name, '403 Forbidder');
    }
    const { dir, root, out } = await compiledCopy();
    dirs.push(dir);
    const elsewhere = path.join(dir, 'elsewhere');
    fs.cpSync(root, elsewhere, { recursive: true });
    const set = new CorpusSet(new NodeCorpusFileSystem({ root, file: out }));
    await set.load([elsewhere]);
    assert.strictEqual(set.fromCompiled, 0, 'another folder');
  });

  it('is used for a corpus installed whole (every time changed, sizes kept), as npm and VS Code unpack it', async () => {
    const { dir, root, out } = await compiledCopy();
    dirs.push(dir);
    const walk = (p: string): string[] => (fs.statSync(p).isDirectory() ? [p, ...fs.readdirSync(p).flatMap((n) => walk(path.join(p, n)))] : [p]);
    const installed = new Date('1985-10-26T08:15:00Z');
    for (const p of walk(root)) fs.utimesSync(p, installed, installed);
    const { set } = await load(root, out);
    assert.ok(set.fromCompiled > 200);
  });

  it('is not written for a folder with problems, and an older compile is removed', async () => {
    const { dir, root, out } = await compiledCopy();
    dirs.push(dir);
    fs.writeFileSync(path.join(root, 'topics', 'broken.md'), '---\ntopic_id: broken\n---\n');
    const written = await writeCompiledCorpus(root, out);
    assert.ok('reason' in written && /problems/.test(written.reason));
    assert.ok(!fs.existsSync(out));
    const { set, index } = await load(root, out);
    assert.strictEqual(set.fromCompiled, 0);
    assert.ok(index.problems.some((p) => p.file === path.join(root, 'topics', 'broken.md')));
  });

  it('serves a pure corpus set through any file system that offers it: alone as the finished index, with others from its files', async () => {
    const text = '---\ntopic_id: t\ntopic_category: C\ntopic_name: T\ntopic_description: A topic.\n---\nBody.\n';
    const parsed = parseCorpusFile('/m/t.md', text, 'page', 0);
    const compiled = compileCorpus([{ path: '', mtime: 0 }], [{ path: 't.md', size: text.length, mtime: 0, parsed }])!;
    let filesRead = 0;
    class Offering extends MemoryFileSystem {
      async readCompiled(root: string): Promise<CompiledRoot | undefined> {
        const header = readCompiledHeader(compiled)!;
        return root === '/m' ? { header, paths: header.files.map((f) => `/m/${f.path}`), folders: [{ path: '/m', real: '/m' }], parsed: () => { filesRead++; return readCompiledFiles(compiled); } } : undefined;
      }
    }
    const fsys = new Offering({ '/m/t.md': 'not read', '/o/u.md': text.replace(/\bt\b/g, 'u').replace('T\n', 'U\n') });
    const set = new CorpusSet(fsys);
    const index = await set.load(['/m']);
    assert.strictEqual(set.fromCompiled, 1);
    assert.strictEqual(filesRead, 0, 'alone, the finished index is used and the files are not read');
    const parsedSet = await new CorpusSet(new MemoryFileSystem({ '/m/t.md': text })).load(['/m']);
    assert.deepStrictEqual(contents(index), contents(parsedSet));
    assert.strictEqual(filesRead, 1, 'asking for the files reads them');
    const both = await new CorpusSet(fsys).load(['/m', '/o']);
    assert.deepStrictEqual(contents(both), contents(await new CorpusSet(new MemoryFileSystem({ '/m/t.md': text, '/o/u.md': fsys.files.get('/o/u.md')! })).load(['/m', '/o'])));
    assert.ok(both.topics.has('u') && both.topics.has('t'));
    // An edit of a compiled page after loading alone: the files are taken in, the page parsed, the index patched or rebuilt.
    set.update('/m/t.md', text.replace('A topic.', 'An edited topic.'));
    assert.strictEqual(set.index.topics.get('t')?.description, 'An edited topic.');
  });
});
