import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../helpers/testEnv';

/** What the package may hold: the bundles (CLI, server, extension), the built-in corpus, the icon, README, LICENSE. */
const PUBLISHABLE = /^(package\.json|README\.md|LICENSE|dist\/([\w]+\.js|builtin-corpus\.json)|corpus\/(topics|guidelines)\/[\w.-]+\.md|images\/icon\.png)$/;
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command as a CI job or a hook would, with npm's chatter (funding, update notices) off. */
function sh(command: string, cwd: string, env: Record<string, string> = {}): Run {
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd,
    encoding: 'utf8',
    timeout: 240000,
    env: { ...process.env, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function ok(run: Run, what: string): Run {
  assert.strictEqual(run.status, 0, `${what} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** The code block that follows `<!-- recipe: NAME -->` in docs/cli.md. */
function recipe(name: string): string {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const m = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  assert.ok(m, `docs/cli.md has no recipe ${name}`);
  return m[1];
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

/** A project as CI and hooks see it: a git repository whose config makes unregistered codes errors. */
function project(root: string, files: Record<string, string>): void {
  write(root, {
    '.api-guidelines.json': '{ "diagnostics": { "rules": { "unregistered-status": "error" } } }\n',
    '.gitignore': 'node_modules/\napi-guidelines.sarif\n',
    ...files,
  });
  ok(sh('git init -q && git config user.email ci@example.com && git config user.name CI && git config core.hooksPath .git/hooks', root), 'git init');
}

describe('npm package: the packed tarball, installed into an empty folder', function () {
  this.timeout(300000);
  let tmp = '';
  let tarball = '';
  let app = '';

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-npm-'));
    // `npm pack` runs the prepack script: a production build of dist/.
    const started = Date.now();
    const packed = ok(sh(`npm pack --json --pack-destination "${tmp}"`, repoRoot), 'npm pack');
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    tarball = path.join(tmp, info.filename);
    console.log(`      npm pack: ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KB packed, ${(info.unpackedSize / 1024).toFixed(0)} KB unpacked, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    app = path.join(tmp, 'app');
    fs.mkdirSync(app);
  });
  after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  it('holds only publishable files: the bundles, the corpus, the icon, README, LICENSE', () => {
    const listed = ok(sh(`tar -tzf "${tarball}"`, tmp), 'tar').stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    assert.deepStrictEqual(listed.filter((f) => !PUBLISHABLE.test(f)), []);
    // Every bundle the build makes (the prepack build just ran), so a new one cannot be left out.
    const bundles = fs.readdirSync(path.join(repoRoot, 'dist')).filter((f) => f.endsWith('.js') || f.endsWith('.json')).map((f) => `dist/${f}`);
    assert.ok(bundles.includes('dist/cli.js') && bundles.includes('dist/server.js'), bundles.join(' '));
    for (const needed of ['package.json', 'README.md', 'LICENSE', ...bundles, 'corpus/topics/http-status-403.md']) {
      assert.ok(listed.includes(needed), `${needed} is missing`);
    }
    // 1.26 MB with the atlas, the MCP bundle and the compiled corpus; the whole repository packed was 3.3 MB.
    assert.ok(fs.statSync(tarball).size < 2 * 1024 * 1024, `${fs.statSync(tarball).size} bytes`);
  });

  it('runs `npx api-guidelines check` and `npx api-guidelines topic 403` from an empty folder', () => {
    const started = Date.now();
    ok(sh(`npm install --no-audit --no-fund "${tarball}"`, app), 'npm install <tarball>');
    console.log(`      npm install of the tarball: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    write(app, { 'api/orders.js': "app.get('/orders', (req, res) => res.status(499).end());\n" });
    const check = sh('npx api-guidelines check api', app);
    assert.strictEqual(check.status, 0, check.stderr);
    assert.match(check.stdout, /^api\/orders\.js\n {2}1:45 {2}warning {2}499 is not in the IANA HTTP Status Code Registry/);
    assert.match(check.stdout, /✖ 1 problem \(0 errors, 1 warning\) in 1 file\n$/);
    const topic = ok(sh('npx api-guidelines topic 403', app), 'topic 403');
    assert.match(topic.stdout, /^403 Forbidden\nHTTP Status User Error · http-status-403 · .*node_modules\/api-guidelines\/corpus\/topics\/http-status-403\.md:\d+\n/);
    assert.match(topic.stdout, /RFC 9110: HTTP Semantics/);
    const empty = sh('mkdir -p empty && npx api-guidelines check empty', app);
    assert.deepStrictEqual([empty.status, empty.stderr], [2, 'api-guidelines: no files to check in empty (--no-error-on-unmatched allows it)\n']);
  });

  it('serves `npx api-guidelines mcp` to an MCP client from the installed package', async () => {
    const client = new Client({ name: 'npm-test', version: '1.0.0' });
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'API_GUIDELINES_BUILTIN_CORPUS') env[k] = v;
    await client.connect(new StdioClientTransport({ command: 'npx', args: ['api-guidelines', 'mcp'], cwd: app, env: { ...env, npm_config_update_notifier: 'false' }, stderr: 'pipe' }));
    try {
      const { tools } = await client.listTools();
      assert.ok(['lookup_topic', 'search_topics', 'check_code', 'check_files'].every((t) => tools.some((x) => x.name === t)), tools.map((t) => t.name).join());
      const r = (await client.callTool({ name: 'check_files', arguments: { paths: ['api'] } })) as { content: { text: string }[] };
      assert.match(r.content[0].text, /^1 problem \(1 warning\)\.\n\n- `api\/orders\.js:1:45` \*\*warning\*\* 499 is not in the IANA/);
    } finally {
      await client.close();
    }
  });

  it('runs the GitHub Actions recipe of docs/cli.md: SARIF written, the job failed by an error finding', () => {
    const workflow = parseYaml(recipe('github-actions'));
    const steps: { id?: string; name?: string; run?: string; uses?: string; if?: string; 'continue-on-error'?: boolean }[] = workflow.jobs.check.steps;
    assert.deepStrictEqual(workflow.permissions, { contents: 'read', 'security-events': 'write' });
    assert.ok(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')), 'uploads the SARIF file');
    const install = steps.find((s) => s.run?.startsWith('npm install --global'))!;
    assert.ok(install.run!.includes(`api-guidelines@${pkg.version}`), `the recipe installs this version (${pkg.version})`);

    const prefix = path.join(tmp, 'global');
    const env = { npm_config_prefix: prefix, PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}` };
    /** Runs the job's shell steps as Actions does: `uses` steps are GitHub's, `if` and `continue-on-error` are honoured. */
    const job = (repo: string) => {
      const outcomes: Record<string, 'success' | 'failure'> = {};
      const ran: string[] = [];
      for (const step of steps) {
        if (!step.run) continue;
        if (step.if) {
          const m = /^steps\.([\w-]+)\.outcome == '(success|failure)'$/.exec(step.if);
          assert.ok(m, `unsupported condition ${step.if}`);
          if (outcomes[m[1]] !== m[2]) continue;
        }
        const r = sh(step.run.replace(`api-guidelines@${pkg.version}`, `"${tarball}"`), repo, env);
        ran.push(`${step.name}: ${r.status}`);
        if (step.id) outcomes[step.id] = r.status === 0 ? 'success' : 'failure';
        if (r.status !== 0 && !step['continue-on-error']) return { failed: true, ran };
      }
      return { failed: false, ran };
    };

    const repo = path.join(tmp, 'service');
    project(repo, { 'src/app.js': 'res.status(200);\nres.status(499);\n' });
    const failing = job(repo);
    assert.deepStrictEqual(failing, { failed: true, ran: ['Install api-guidelines: 0', 'Check: 1', 'Fail when the check failed: 1'] });
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'api-guidelines.sarif'), 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.deepStrictEqual(sarif.runs[0].results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]),
      [['unregistered-status', 'error', 'src/app.js', 2]]);

    fs.writeFileSync(path.join(repo, 'src', 'app.js'), 'res.status(200);\n');
    assert.deepStrictEqual(job(repo), { failed: false, ran: ['Install api-guidelines: 0', 'Check: 0'] });
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(repo, 'api-guidelines.sarif'), 'utf8')).runs[0].results, []);
  });

  it('runs the pre-commit recipes of docs/cli.md on the staged files only', () => {
    const repo = path.join(tmp, 'hooked');
    project(repo, {
      'package.json': '{ "private": true }\n',
      'README.md': '# Orders\n',
      'src/ok.js': 'res.status(200);\n',
      'src/bad.js': 'res.status(499);\n',
    });
    ok(sh(`npm install --no-save --no-package-lock --no-audit --no-fund "${tarball}"`, repo), 'npm install <tarball> in the project');
    write(repo, { '.git/hooks/pre-commit': `${recipe('pre-commit-hook')}\n` });
    fs.chmodSync(path.join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
    const commit = (...files: string[]) => sh(`git add ${files.join(' ')} && git commit -q -m "change ${files.join(' ')}"`, repo);

    const docsOnly = commit('README.md', '.gitignore', '.api-guidelines.json', 'package.json');
    assert.strictEqual(docsOnly.status, 0, `nothing to check must not stop the commit:\n${docsOnly.stdout}${docsOnly.stderr}`);
    const clean = commit('src/ok.js');
    assert.strictEqual(clean.status, 0, `${clean.stdout}${clean.stderr}`);
    assert.doesNotMatch(clean.stdout + clean.stderr, /bad\.js/, 'unstaged files are not checked');
    const bad = commit('src/bad.js');
    assert.strictEqual(bad.status, 1, 'the error stops the commit');
    assert.match(bad.stdout + bad.stderr, /^src\/bad\.js\n {2}1:12 {2}error {2}499 is not in the IANA/m);
    assert.strictEqual(sh('git log --format=%s', repo).stdout, 'change src/ok.js\nchange README.md .gitignore .api-guidelines.json package.json\n');

    // The pre-commit framework runs the hook's entry with the staged files as arguments.
    const { entry } = parseYaml(recipe('pre-commit-framework')).repos[0].hooks[0];
    assert.strictEqual(sh(`${entry} src/bad.js README.md`, repo).status, 1);
    assert.strictEqual(sh(`${entry} src/ok.js README.md`, repo).status, 0);
    assert.strictEqual(sh(`${entry} README.md`, repo).status, 0);
  });
});
