import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOpenApiYaml } from '../helpers/openApiSpec';
import { cliBundle, repoRoot } from '../helpers/testEnv';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as a user would; `firstChunkOnly` closes stdout after the first output, as `| head` does. */
function run(args: string[], options: { cwd?: string; firstChunkOnly?: boolean } = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.API_GUIDELINES_BUILTIN_CORPUS;
    const child = spawn(process.execPath, [cliBundle, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (options.firstChunkOnly) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli: the bundled command', () => {
  let tmp: string | undefined;
  afterEach(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); tmp = undefined; });

  it('is the package bin, with a node shebang', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.bin, { 'api-guidelines': 'dist/cli.js' });
    assert.ok(fs.readFileSync(cliBundle, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('validates the built-in corpus', async () => {
    const r = await run(['validate', 'corpus']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^✔ No problems in \d+ files\n$/);
    assert.match(r.stderr, /^\d+ topics, \d+ guidelines from 1 corpus folder\(s\)\n$/);
  });

  it('checks the examples as the README shows, with and without the company corpus', async () => {
    const plain = await run(['check', 'examples']);
    assert.strictEqual(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^examples\/express\/orders\.js\n {2}32:40 {2}warning {2}499 is not in the IANA/m);
    assert.match(plain.stdout, /^ {2}34:34 {2}warning {2}305 Use Proxy is deprecated/m);
    const company = await run(['check', 'examples', '--corpus', 'examples/company-corpus', '--max-severity', 'warning']);
    assert.strictEqual(company.code, 1);
    assert.match(company.stdout, /^ {2}42:34 {2}warning {2}302 Found: Acme APIs do not send 302\..* {2}policy {2}https:\/\/api-guidelines\.example\.com\/http#redirects$/m);
  });

  it('finds the built-in corpus next to the bundle from any working folder', async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-e2e-'));
    const r = await run(['topic', 'Retry-After'], { cwd: tmp });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Retry-After\nHTTP Headers · http-headers-retry-after · /);
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-e2e-'));
    fs.writeFileSync(path.join(tmp, 'big.js'), 'res.status(499);\n'.repeat(5000));
    const r = await run(['check', tmp], { firstChunkOnly: true });
    assert.ok(r.stdout.length > 0);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.code, 0);
  });

  it('checks a 4 MB OpenAPI document named on the command line, or found in a folder, and reports its planted 499', async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-e2e-'));
    const spec = generateOpenApiYaml(4 * 1024 * 1024, 499);
    const file = path.join(tmp, 'openapi.yaml');
    fs.writeFileSync(file, spec.text);
    assert.ok(fs.statSync(file).size > 4 * 1024 * 1024);
    for (const target of ['openapi.yaml', '.']) {
      const started = Date.now();
      const r = await run(['check', target, '--format', 'json'], { cwd: tmp });
      const ms = Date.now() - started;
      assert.strictEqual(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepStrictEqual(report.notes, []);
      assert.strictEqual(report.summary.checked, 1);
      assert.deepStrictEqual(report.files.flatMap((f: any) => f.findings.map((x: any) => `${f.path}:${x.line}:${x.column} ${x.rule}`)),
        [`openapi.yaml:${spec.line}:${spec.column} unregistered-status`]);
      console.log(`      check ${target} (${(spec.text.length / 1024 / 1024).toFixed(1)} MB spec): ${ms} ms`);
    }
    const small = await run(['check', '.', '--max-file-size', '1MB', '--max-openapi-size', '3MB'], { cwd: tmp });
    assert.strictEqual(small.code, 2, 'the only file skipped: nothing checked');
    assert.match(small.stderr, /^api-guidelines: skipped openapi\.yaml: 4 MB is over the 3 MB limit \(--max-openapi-size, for OpenAPI documents\)\n/);
  });

  it('prints its version and exits 2 with a message on bad usage', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.strictEqual((await run(['--version'])).stdout, `${pkg.version}\n`);
    const bad = await run(['check', 'does-not-exist']);
    assert.deepStrictEqual([bad.code, bad.stdout], [2, '']);
    assert.strictEqual(bad.stderr, "api-guidelines check: path not found: does-not-exist\nRun 'api-guidelines check --help' for usage.\n");
  });
});
