import * as assert from 'assert';
import * as path from 'path';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CheckPool, checkClaimedFiles, FileChecker, type CheckJob, type FileOutcome } from '../../../server/src/cli/checkFiles';
import { readSourceFile, readSourceFileSync } from '../../../server/src/node/fileWalker';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { diagnose } from '../../../server/src/features/diagnostics';
import { builtinCorpus } from '../../helpers/testEnv';
import { scratch } from './cliHarness';

const FILES: Record<string, string> = {
  'a.js': 'res.status(499);\n',
  'b.ts': 'res.status(305);\n',
  'c.py': 'return Response(status_code=418)\n',
  'd.go': 'w.WriteHeader(499)\n',
  'e.java': 'return ResponseEntity.status(305).build();\n',
  'f.js': 'res.status(200);\n',
  'bin.js': '\0binary',
};

/** `file: rules` per outcome, sorted: what a run found, whatever the order the threads finished in. */
function summary(outcomes: FileOutcome[]): string[] {
  return outcomes.map((o) => ('file' in o ? `${path.basename(o.file.absolute)}: ${o.file.items.map((i) => i.rule).join(',')}` : `${path.basename(o.note.path)}: ${o.note.message}`)).sort();
}

describe('cli/checkFiles', () => {
  let dir: string;
  let cleanup: () => void;
  let index: CorpusIndex;
  let job: CheckJob;
  before(async () => {
    ({ dir, cleanup } = scratch(FILES));
    index = await new CorpusSet(new NodeCorpusFileSystem()).load([builtinCorpus]);
    job = { settings: structuredClone(DEFAULT_SETTINGS), cwd: dir, maxBytes: 1024, maxOpenApiBytes: 1024 };
  });
  after(() => cleanup());

  it('finds with its token filter exactly what diagnosing every token finds, for every status code, methods and headers, under any settings', () => {
    const text = Array.from({ length: 500 }, (_, i) => `res.status(${100 + i});`).join('\n')
      + '\nres.set("Retry-After", 1); res.set("X-Powered-By", "x"); res.set("Pragma", "no-cache"); app.trace("/x"); app.connect("/y"); app.patch("/z");\n';
    const variants: [string, (s: CheckJob['settings']) => void][] = [
      ['defaults', () => undefined],
      ['following zalando', (s) => { s.guidelines.follow = ['zalando']; }],
      ['unregistered-status off, deprecated-status error', (s) => { s.diagnostics.rules = { 'unregistered-status': 'off', 'deprecated-status': 'error' }; }],
      ['a corpus folder besides the built-in one', (s) => { s.corpus.paths = ['/elsewhere']; }],
      ['following every guideline', (s) => { s.guidelines.follow = [...index.guidelines.keys()]; }],
    ];
    for (const [what, change] of variants) {
      const settings = structuredClone(DEFAULT_SETTINGS);
      change(settings);
      const filtered = new FileChecker(index, { ...job, settings }).checkText(path.join(dir, 'all.js'), text).items.map((i) => `${i.line} ${i.rule} ${i.message}`);
      const input = { languageId: 'javascript', index, settings: settings.diagnostics, builtinOnly: settings.corpus.paths.length === 0, follow: settings.guidelines.follow };
      const all = diagnose({ ...input, text, tokens: findHttpTokens(text, 'javascript') })
        .map((f) => `${text.slice(0, f.start).split('\n').length} ${f.rule} ${f.message}`);
      assert.deepStrictEqual(filtered, all, what);
      assert.ok(filtered.length >= 3, `${what}: ${filtered.length} findings`);
    }
  });

  it('reads files synchronously exactly as the promise-based reader does', async () => {
    for (const name of [...Object.keys(FILES), 'gone.js']) {
      const file = path.join(dir, name);
      assert.deepStrictEqual(readSourceFileSync(file, 8), await readSourceFile(file, 8), name);
      assert.deepStrictEqual(readSourceFileSync(file), await readSourceFile(file), name);
    }
  });

  it('checks every file once when threads share the counters, each starting on its own languages', () => {
    const files = Object.keys(FILES).map((f) => path.join(dir, f));
    const groups = [files.filter((f) => /\.(js|ts)$/.test(f)), files.filter((f) => f.endsWith('.py')), files.filter((f) => /\.(go|java)$/.test(f))];
    const counters = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
    // Thread 1 runs first here and drains everything from its share on; thread 0 then finds nothing left.
    const second = checkClaimedFiles({ groups, named: [], counters, thread: 1, threads: 2 }, new FileChecker(index, job));
    const first = checkClaimedFiles({ groups, named: [], counters, thread: 0, threads: 2 }, new FileChecker(index, job));
    assert.strictEqual(first.outcomes.length, 0);
    assert.strictEqual(new Int32Array(counters)[3], files.length, 'files finished');
    assert.deepStrictEqual([first.timing.thread, first.timing.files, second.timing.thread, second.timing.files], [0, 0, 1, files.length]);
    assert.ok(second.timing.readyAt <= second.timing.doneAt);
    assert.deepStrictEqual(summary(second.outcomes), [
      'a.js: unregistered-status', 'b.ts: deprecated-status', 'bin.js: binary file (NUL byte in the first 8 KB)', 'c.py: deprecated-status',
      'd.go: unregistered-status', 'e.java: deprecated-status', 'f.js: ',
    ]);
  });

  it('checks in this thread alone when no worker script is given', async () => {
    const files = Object.keys(FILES).map((f) => path.join(dir, f));
    const pool = new CheckPool(undefined, 3, { job, roots: [builtinCorpus] });
    const done: number[] = [];
    const results = await pool.run(files, index, { progress: (n) => done.push(n) });
    pool.close();
    assert.strictEqual(results.length, 1, 'one thread');
    const outcomes = results[0].outcomes;
    assert.strictEqual(outcomes.length, files.length);
    assert.strictEqual(done[done.length - 1], files.length);
    assert.ok(summary(outcomes).includes('a.js: unregistered-status'));
  });
});
