import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliBundle, repoRoot } from '../helpers/testEnv';

/**
 * Runs the bundled CLI with a preload that lists every module it requires and every file it opens below the
 * repository, and whether the built-in corpus came from the build's compile.
 */
function traced(args: string[], cwd: string): { status: number | null; modules: string[]; opened: string[]; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-loads-'));
  const log = path.join(dir, 'loads.json');
  const preload = path.join(dir, 'trace.js');
  fs.writeFileSync(preload, `
const Module = require('module');
const fs = require('fs');
const modules = new Set();
const opened = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) { modules.add(request); return load.apply(this, arguments); };
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (file) { if (typeof file === 'string') opened.add(file); return original.apply(this, arguments); };
}
process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ modules: [...modules], opened: [...opened] })));
`);
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.API_GUIDELINES_BUILTIN_CORPUS;
    const run = spawnSync(process.execPath, ['--require', preload, cliBundle, ...args], { cwd, env, encoding: 'utf8' });
    const { modules, opened } = JSON.parse(fs.readFileSync(log, 'utf8')) as { modules: string[]; opened: string[] };
    return { status: run.status, modules, opened, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('cli: what a small run loads', function () {
  this.timeout(30_000);
  const lazy = ['./libYaml.js', './libGrayMatter.js', './libJsYaml.js', 'worker_threads'];
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-small-'));
    fs.writeFileSync(path.join(dir, 'handler.js'), "app.get('/orders/:id', (req, res) => res.status(403).end());\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name, args] of [['check of one small file', ['check', 'handler.js', '--no-config']], ['topic 403', ['topic', '403', '--no-config']]] as const) {
    it(`${name}: no YAML library, no worker thread, no MCP bundle, and not one corpus page read`, () => {
      const run = traced([...args], dir);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(run.modules.filter((m) => lazy.includes(m) || m.endsWith('mcp.js')), []);
      const pages = run.opened.filter((f) => f.startsWith(path.join(repoRoot, 'corpus') + path.sep));
      assert.deepStrictEqual(pages, [], 'the built-in corpus comes from dist/builtin-corpus.json');
      assert.ok(run.opened.some((f) => f.endsWith('builtin-corpus.json')), run.opened.join('\n'));
    });
  }

  it('loads the YAML library once a page needs it: validate of a page with a comment in its front matter', () => {
    fs.mkdirSync(path.join(dir, 'corpus', 'topics'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'corpus', 'topics', 't.md'), '---\n# a comment\ntopic_id: t\ntopic_category: C\ntopic_name: T\ntopic_description: A topic.\n---\n');
    const run = traced(['validate', 'corpus', '--no-config'], dir);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.ok(run.modules.includes('./libYaml.js'), run.modules.join(' '));
  });
});
