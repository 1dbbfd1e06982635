import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet, corpusFileKind, parseCorpusFile } from '../../../server/src/corpus/corpusSet';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';
import { builtinCorpus, requireShared, sharedPath } from '../../helpers/testEnv';
import { applyAll, checkParsed, checkProblem, mutations, runs } from './corpusArbitraries';

/** Every corpus file below `dir`, keyed by its path under `root` (a memory file system path). */
function corpusFiles(dir: string, root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (corpusFileKind(rel)) files.set(`${root}/${rel.replace(/\\/g, '/')}`, fs.readFileSync(path.join(dir, rel), 'utf8'));
  }
  return files;
}

/** Topic ids by the file that defines them. */
function idsByFile(index: CorpusIndex): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const t of index.topics.values()) ids.set(t.file, [...(ids.get(t.file) ?? []), t.id]);
  return ids;
}

/**
 * The corpus-level promise after some files broke: each broken file is reported (an error naming it,
 * with a line inside it) and every topic of the untouched files stays indexed from its own file,
 * unless a broken file now claims the same id, which is then reported as a duplicate.
 */
function checkIndex(index: CorpusIndex, clean: Map<string, string[]>, broken: Map<string, string>): void {
  for (const [file, text] of broken) {
    for (const p of index.problemsByFile.get(file) ?? []) assert.deepStrictEqual(checkProblem(p, file, text), []);
    const read = [...index.topics.values()].some((t) => t.file === file) || [...index.guidelines.values()].some((g) => g.file === file);
    if (!read) assert.ok((index.problemsByFile.get(file) ?? []).some((p) => p.severity === 'error'), `${file} yields nothing and is not reported`);
  }
  for (const [file, ids] of clean) {
    if (broken.has(file)) continue;
    for (const id of ids) {
      const topic = index.topics.get(id);
      if (topic?.file === file) continue;
      assert.ok(topic && broken.has(topic.file), `topic ${id} of ${file} is no longer indexed`);
      const duplicate = (f: string) => (index.problemsByFile.get(f) ?? []).some((p) => p.code === 'duplicate-id');
      assert.ok(duplicate(file) || duplicate(topic.file), `${topic.file} took ${id} from ${file} without a duplicate-id problem`);
    }
  }
}

/** Live edits: one file at a time replaced by a mutation of itself, then restored. */
function liveEditProperty(set: CorpusSet, files: Map<string, string>, clean: Map<string, string[]>) {
  return fc.property(fc.constantFrom(...files.keys()), mutations, (file, ms) => {
    const text = applyAll(files.get(file)!, ms);
    try {
      set.update(file, text);
      checkIndex(set.index, clean, new Map([[file, text]]));
    } finally {
      set.update(file, files.get(file)!);
    }
  });
}

/** Fresh loads of a corpus where one to five files are broken at once. */
function loadProperty(root: string, files: Map<string, string>, clean: Map<string, string[]>) {
  const breakage = fc.uniqueArray(fc.tuple(fc.constantFrom(...files.keys()), mutations), { minLength: 1, maxLength: 5, selector: ([f]) => f });
  return fc.asyncProperty(breakage, async (edits) => {
    const broken = new Map(edits.map(([file, ms]) => [file, applyAll(files.get(file)!, ms)]));
    const memory = new MemoryFileSystem(Object.fromEntries([...files, ...broken]));
    checkIndex(await new CorpusSet(memory).load([root]), clean, broken);
  });
}

describe('property: corpus validator (CorpusSet)', function () {
  this.timeout(180_000);

  describe('the built-in corpus', () => {
    const files = corpusFiles(builtinCorpus, '/builtin');
    let set: CorpusSet;
    let clean: Map<string, string[]>;

    before(async () => {
      set = new CorpusSet(new MemoryFileSystem(Object.fromEntries(files)));
      const index = await set.load(['/builtin']);
      assert.deepStrictEqual(index.problems, []);
      clean = idsByFile(index);
      assert.ok(clean.size > 100);
    });

    it('keeps the other topics indexed while one page is broken by a live edit', () => {
      fc.assert(liveEditProperty(set, files, clean), runs(800));
      assert.deepStrictEqual(set.index.problems, [], 'restoring the pages clears every problem');
    });

    it('keeps the other topics indexed when several broken pages are loaded', async () => {
      await fc.assert(loadProperty('/builtin', files, clean), runs(150));
    });
  });

  describe('the API Stylebook source data (topics.yaml, guidelines/*.yaml)', () => {
    let files: Map<string, string>;
    let set: CorpusSet;
    let clean: Map<string, string[]>;

    before(async function () {
      requireShared(this);
      files = corpusFiles(sharedPath('corpora', 'apistylebook-data'), '/data');
      set = new CorpusSet(new MemoryFileSystem(Object.fromEntries(files)));
      const index = await set.load(['/data']);
      assert.strictEqual(index.size, 100);
      clean = idsByFile(index);
    });

    it('reports every broken data file and keeps the rest', () => {
      fc.assert(liveEditProperty(set, files, clean), runs(300));
    });

    it('loads a data corpus with broken files', async () => {
      await fc.assert(loadProperty('/data', files, clean), runs(60));
    });
  });

  it('never throws on arbitrary text, whatever the reader', () => {
    const kinds = ['page', 'stylebook-topics', 'stylebook-guideline'] as const;
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.string({ unit: 'binary', maxLength: 400 }), (kind, text) => {
      const parsed = parseCorpusFile('/c/file', text, kind, 0);
      assert.deepStrictEqual(checkParsed(parsed, '/c/file', text), []);
    }), runs(3000));
  });
});
