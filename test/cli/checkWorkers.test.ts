import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliBundle } from '../helpers/testEnv';

/** A service of `count` files per language, each with a few findings, as `check` sees a real tree. */
function writeTree(dir: string, count: number): void {
  const bodies: Record<string, (i: number) => string> = {
    js: (i) => `router.get('/a${i}', (req, res) => res.status(${i % 2 ? 499 : 305}).json({}));\n`,
    py: (i) => `@app.get("/a${i}")\ndef a():\n    return Response(status_code=${i % 2 ? 418 : 200})\n`,
    go: (i) => `func a${i}(w http.ResponseWriter, r *http.Request) { w.WriteHeader(${i % 2 ? 499 : 305}) }\n`,
    java: (i) => `class A${i} { ResponseEntity<?> a() { return ResponseEntity.status(${i % 2 ? 305 : 200}).build(); } }\n`,
  };
  for (const [ext, body] of Object.entries(bodies)) {
    fs.mkdirSync(path.join(dir, ext), { recursive: true });
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, ext, `f${i}.${ext}`), body(i).repeat(1 + (i % 5)));
  }
}

function check(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return checkWith({}, cwd, ...args);
}

function checkWith(extraEnv: NodeJS.ProcessEnv, cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extraEnv };
  delete env.API_GUIDELINES_BUILTIN_CORPUS;
  return spawnSync(process.execPath, [cliBundle, 'check', '.', '--no-progress', ...args], { cwd, env, encoding: 'utf8' });
}

describe('cli: check on worker threads', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-workers-'));
    writeTree(dir, 30);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports exactly what one thread reports, in the same order, with any number of threads', function () {
    this.timeout(60_000);
    assert.ok(fs.existsSync(path.join(path.dirname(cliBundle), 'checkWorker.js')), 'the worker bundle sits next to the CLI');
    const one = check(dir, '--format', 'json', '--jobs', '1');
    assert.strictEqual(one.status, 0, one.stderr);
    const report = JSON.parse(one.stdout) as { files: unknown[]; summary: { checked: number; warning: number } };
    assert.strictEqual(report.summary.checked, 120);
    assert.ok(report.summary.warning >= 60, `${report.summary.warning} warnings`);
    for (const jobs of ['2', '3']) {
      const many = check(dir, '--format', 'json', '--jobs', jobs);
      assert.strictEqual(many.status, 0, many.stderr);
      assert.strictEqual(many.stdout, one.stdout, `--jobs ${jobs}`);
    }
    assert.strictEqual(check(dir).stdout, check(dir, '--jobs', '1').stdout, 'the default (one thread per CPU) too');
  });

  it('says where the time went with API_GUIDELINES_TIMING=1, on stderr only', function () {
    this.timeout(60_000);
    const quiet = check(dir, '--format', 'json', '--jobs', '2');
    const timed = checkWith({ API_GUIDELINES_TIMING: '1' }, dir, '--format', 'json', '--jobs', '2');
    assert.strictEqual(timed.status, 0, timed.stderr);
    assert.strictEqual(timed.stdout, quiet.stdout, 'the report is unchanged');
    assert.doesNotMatch(quiet.stderr, /timing/);
    const lines = timed.stderr.trimEnd().split('\n');
    assert.strictEqual(lines[0], 'timing (from the process start):');
    const phases = lines.slice(1, 6).map((l) => /^ {2}(.+?)\s+(\d+) ms\s+at (\d+) ms$/.exec(l));
    assert.deepStrictEqual(phases.map((m) => m?.[1]), ['start and settings', 'walk (120 files)', 'corpus', 'check (2 thread(s))', 'report']);
    const ends = phases.map((m) => Number(m![3]));
    assert.deepStrictEqual([...ends].sort((a, b) => a - b), ends, 'phases end in order');
    const threads = lines.slice(6).map((l) => /^ {2}thread (\d): ready at \d+ ms, (\d+) file\(s\) in \d+ ms, done at \d+ ms$/.exec(l));
    assert.deepStrictEqual(threads.map((m) => m?.[1]), ['0', '1']);
    assert.strictEqual(threads.reduce((n, m) => n + Number(m![2]), 0), 120, 'every file counted once');
  });

  it('caps --jobs at the CPUs: --jobs 1000 starts no more threads than there are CPUs', function () {
    this.timeout(60_000);
    const timed = checkWith({ API_GUIDELINES_TIMING: '1' }, dir, '--format', 'json', '--jobs', '1000');
    assert.strictEqual(timed.status, 0, timed.stderr);
    assert.strictEqual(timed.stdout, check(dir, '--format', 'json', '--jobs', '1').stdout);
    const threads = Number(/check \((\d+) thread\(s\)\)/.exec(timed.stderr)?.[1]);
    assert.ok(threads >= 1 && threads <= os.availableParallelism(), `${threads} threads on ${os.availableParallelism()} CPUs`);
  });

  it('drops rule settings named constructor or __proto__ (and a severity named constructor) instead of failing on threads', function () {
    this.timeout(60_000);
    const config = path.join(`${dir}-hostile.json`);
    fs.writeFileSync(config, '{"diagnostics": {"rules": {"constructor": "error", "__proto__": "error", "deprecated-status": "constructor", "unregistered-status": "error"}}}');
    try {
      const run = check(dir, '--format', 'json', '--jobs', '2', '--config', config);
      assert.strictEqual(run.status, 1, run.stderr);
      assert.strictEqual((run.stderr.match(/warning: .*hostile\.json:1:\d+: /g) ?? []).length, 3, run.stderr);
      const report = JSON.parse(run.stdout) as { summary: { checked: number; error: number; warning: number }; files: { findings: { severity?: string }[] }[] };
      assert.strictEqual(report.summary.checked, 120);
      assert.ok(report.summary.error > 0 && report.summary.warning > 0);
      assert.ok(report.files.every((f) => f.findings.every((x) => typeof x.severity === 'string')), 'every finding has a severity');
    } finally {
      fs.rmSync(config);
    }
  });

  it('rejects a number of threads that is not a whole number', () => {
    const r = check(dir, '--jobs', '0');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /'--jobs' needs a whole number of threads/);
  });
});
