import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Progress } from '../../../server/src/cli/progress';
import { repoRoot } from '../../helpers/testEnv';
import { CapturedStream, cli, findingKeys, scratch, type JsonReport } from './cliHarness';

const BROKEN_TOPIC = '---\nlayout: topic\ntopic_id: http-status-302\ntopic_name: [unclosed\n---\n';
const POLICY_302 = `---
layout: topic
topic_id: http-status-302
topic_category: HTTP Status Redirection
topic_name: 302 Found
topic_description: Not here.
topic_status: 302
topic_policy:
  severity: error
  message: Use 303 or 307.
  prefer: [303, 307]
guidelines:
  - guideline_id: rfc9110
    references:
      - name: '15.4.3. 302 Found'
        url: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.3'
---
`;

async function checkJson(argv: string[], cwd = repoRoot): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await cli(['check', ...argv, '--format', 'json'], { cwd });
  assert.ok(run.stdout, `no output; stderr: ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout), stderr: run.stderr };
}

describe('cli: check', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => { cleanup?.(); cleanup = undefined; });

  it('reports the examples\' findings with the built-in corpus and exits 0 below --max-severity', async () => {
    const { code, report, stderr } = await checkJson(['examples']);
    const keys = findingKeys(report);
    for (const expected of [
      'examples/express/orders.js:32:40 unregistered-status',
      'examples/fastapi/main.py:33:37 deprecated-status',
      'examples/go/server.go:30:16 unregistered-status',
      'examples/spring/OrderController.java:34:34 deprecated-status',
    ]) assert.ok(keys.includes(expected), `${expected} missing from ${keys.join(', ')}`);
    assert.ok(!keys.some((k) => k.endsWith(' policy')), 'no policy without the company corpus');
    assert.strictEqual(report.summary.checked, 6, 'five sources and examples/.api-guidelines.json');
    assert.strictEqual(code, 0);
    assert.strictEqual(stderr, '');
  });

  it('adds the company corpus policy on 302 with --corpus', async () => {
    const { report } = await checkJson(['examples', '--corpus', 'examples/company-corpus']);
    const spring = report.files.find((f) => f.path === 'examples/spring/OrderController.java')!;
    const policy = spring.findings.find((f) => f.rule === 'policy');
    assert.ok(policy, JSON.stringify(spring));
    assert.deepStrictEqual([policy.line, policy.column, policy.endColumn, policy.severity], [42, 34, 50, 'warning']);
    assert.match(policy.message, /^302 Found: Acme APIs do not send 302/);
    assert.strictEqual(policy.href, 'https://api-guidelines.example.com/http#redirects');
    assert.deepStrictEqual(policy.prefer, ['303', '307']);
  });

  it('uses examples/.api-guidelines.json when run inside examples: company corpus, 499 as an error', async () => {
    const { code, report } = await checkJson([], path.join(repoRoot, 'examples'));
    const keys = findingKeys(report);
    assert.ok(keys.includes('spring/OrderController.java:42:34 policy'), keys.join(', '));
    assert.strictEqual(report.files.find((f) => f.path === 'express/orders.js')?.findings.find((f) => f.line === 32)?.severity, 'error');
    assert.strictEqual(code, 1);
  });

  it('exits 1 when a finding reaches --max-severity, and --rule changes levels', async () => {
    assert.strictEqual((await cli(['check', 'examples', '--max-severity', 'warning'], { cwd: repoRoot })).code, 1);
    const raised = await checkJson(['examples', '--rule', 'unregistered-status=error']);
    assert.strictEqual(raised.code, 1);
    assert.ok(raised.report.summary.error >= 2);
    const quiet = await checkJson(['examples', '--rule', 'unregistered-status=off', '--rule', 'deprecated-status:off']);
    assert.ok(!findingKeys(quiet.report).some((k) => /unregistered|deprecated/.test(k)), findingKeys(quiet.report).join());
  });

  it('prints the stylish text with links by default, and the same findings as GitHub annotations', async () => {
    const text = await cli(['check', 'examples/express'], { cwd: repoRoot });
    assert.match(text.stdout, /^examples\/express\/orders\.js\n {2}32:40 {2}warning {2}499 is not in the IANA HTTP Status Code Registry.*unregistered-status {2}https:\/\/www\.iana\.org\//m);
    assert.match(text.stdout, /✖ \d+ problems? \(0 errors, \d+ warnings?\) in 1 file\n$/);
    const github = await cli(['check', 'examples/express/orders.js', '--format', 'github'], { cwd: repoRoot });
    assert.match(github.stdout, /^::warning file=examples\/express\/orders\.js,line=32,col=40,endLine=32,endColumn=43,title=api-guidelines%3A unregistered-status::499 is not/m);
  });

  it('writes SARIF to --output and nothing to stdout', async () => {
    const s = scratch({});
    cleanup = s.cleanup;
    const out = path.join(s.dir, 'report.sarif');
    const run = await cli(['check', path.join(repoRoot, 'examples'), '-f', 'sarif', '-o', out], { cwd: repoRoot });
    assert.strictEqual(run.stdout, '');
    const log = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.strictEqual(log.version, '2.1.0');
    assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'unregistered-status'));
    assert.deepStrictEqual(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id).sort(), ['deprecated-status', 'guideline-rule', 'openapi-syntax', 'policy', 'uncovered-status', 'unregistered-status']);
  });

  it('honours .gitignore, skips binary and big files with a note, and leaves corpus folders alone', async () => {
    const s = scratch({
      '.gitignore': 'generated/\n',
      'src/app.js': 'res.status(499);\n',
      'src/generated/client.js': 'res.status(499);\n',
      'src/blob.js': Buffer.concat([Buffer.from('res.status(499);'), Buffer.alloc(4)]),
      'src/huge.js': `res.status(499);\n${'//'.repeat(1024)}\n`,
      'guides/topics/x.yaml': 'responses:\n  "499": {}\n',
    });
    cleanup = s.cleanup;
    const text = await cli(['check', '--max-file-size', '1KB', '--corpus', 'guides'], { cwd: s.dir });
    assert.match(text.stdout, /^src\/app\.js\n {2}1:12 /);
    assert.ok(!text.stdout.includes('generated') && !text.stdout.includes('guides'), text.stdout);
    assert.strictEqual(text.stderr, [
      'api-guidelines: skipped src/blob.js: binary file (NUL byte in the first 8 KB)',
      'api-guidelines: skipped src/huge.js: 2 KB is over the 1 KB limit (--max-file-size)',
      '',
    ].join('\n'));
    const { report, stderr } = await checkJson(['--max-file-size', '1KB'], s.dir);
    assert.strictEqual(stderr, '', 'machine formats keep notes in the document');
    assert.deepStrictEqual(report.notes.map((n) => n.path), ['src/blob.js', 'src/huge.js']);
  });

  it('leaves out --exclude globs and disabled languages, with a note for files named explicitly', async () => {
    const s = scratch({
      '.api-guidelines.json': '{ "diagnostics": { "disabledLanguages": ["python"] } }',
      'a.py': 'raise HTTPException(status_code=499)\n',
      'b.js': 'res.status(499);\n',
      'c.go': 'w.WriteHeader(499)\n',
      'notes.txt': '',
    });
    cleanup = s.cleanup;
    const { report } = await checkJson(['--exclude', '*.go'], s.dir);
    assert.deepStrictEqual(findingKeys(report), ['b.js:1:12 unregistered-status']);
    assert.strictEqual(report.summary.checked, 2, 'b.js and the config file');
    const named = await checkJson(['a.py', 'notes.txt', 'c.go', '--exclude', '*.go', '--no-error-on-unmatched'], s.dir);
    assert.deepStrictEqual(named.report.notes, [
      { path: 'a.py', message: 'excluded by the settings' },
      { path: 'c.go', message: 'excluded by the settings' },
      { path: 'notes.txt', message: 'no supported language for this file name' },
    ]);
  });

  it('checks files named on the command line whatever their size; walked OpenAPI documents get their own limit', async () => {
    const spec = (padding: number) => `openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '499': {description: x}\n# ${'x'.repeat(padding)}\n`;
    const s = scratch({
      'src/huge.js': `res.status(499);\n${'//'.repeat(1024)}\n`,
      'api/openapi.yaml': spec(3000),
      'api/swagger.json': JSON.stringify({ info: { description: 'x'.repeat(3000) }, swagger: '2.0', paths: { '/a': { get: { responses: { 499: {} } } } } }),
      'api/big-data.yaml': `rows:\n${'  - 499\n'.repeat(500)}`,
      'api/too-big.yaml': spec(9000),
    });
    cleanup = s.cleanup;
    const limits = ['--max-file-size', '1KB', '--max-openapi-size', '8KB'];
    const walked = await checkJson(['.', ...limits], s.dir);
    assert.deepStrictEqual(findingKeys(walked.report), ['api/openapi.yaml:6:10 unregistered-status', 'api/swagger.json:1:3080 unregistered-status']);
    assert.deepStrictEqual(walked.report.notes, [
      { path: 'api/big-data.yaml', message: '3.9 KB is over the 1 KB limit (--max-file-size), and it is not an OpenAPI document' },
      { path: 'api/too-big.yaml', message: '8.9 KB is over the 8 KB limit (--max-openapi-size, for OpenAPI documents)' },
      { path: 'src/huge.js', message: '2 KB is over the 1 KB limit (--max-file-size)' },
    ]);
    const named = await checkJson(['src/huge.js', 'api/too-big.yaml', 'api', ...limits], s.dir);
    assert.deepStrictEqual(findingKeys(named.report), [
      'api/openapi.yaml:6:10 unregistered-status', 'api/swagger.json:1:3080 unregistered-status',
      'api/too-big.yaml:6:10 unregistered-status', 'src/huge.js:1:12 unregistered-status',
    ]);
    assert.deepStrictEqual(named.report.notes.map((n) => n.path), ['api/big-data.yaml'], 'named files are never skipped for their size');
    const bad = await cli(['check', '--max-openapi-size', 'huge'], { cwd: s.dir });
    assert.deepStrictEqual([bad.code, bad.stderr.split('\n')[0]], [2, "api-guidelines check: '--max-openapi-size' needs a size like 500KB or 4MB, not 'huge'"]);
  });

  it('reports a syntax error in an OpenAPI document with line and column, in every format', async () => {
    const s = scratch({ 'api/openapi.yaml': "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      summary: x\n     responses:\n        '200': {description: ok}\n" });
    cleanup = s.cleanup;
    const message = 'This OpenAPI document is not valid YAML: bad indentation of a mapping entry. Findings after this point may be missing.';
    const text = await cli(['check'], { cwd: s.dir });
    assert.strictEqual(text.code, 1, 'an error, at the default --max-severity');
    assert.strictEqual(text.stdout.split('\n').slice(0, 2).join('\n'), `api/openapi.yaml\n  6:6  error  ${message}  openapi-syntax`);
    const { report } = await checkJson([], s.dir);
    assert.deepStrictEqual(report.files[0].findings.map((f) => [f.rule, f.severity, f.line, f.column, f.endLine, f.endColumn]), [['openapi-syntax', 'error', 6, 6, 6, 16]]);
    const github = await cli(['check', '--format', 'github'], { cwd: s.dir });
    assert.strictEqual(github.stdout, `::error file=api/openapi.yaml,line=6,col=6,endLine=6,endColumn=16,title=api-guidelines%3A openapi-syntax::${message}\n`);
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif'], { cwd: s.dir })).stdout);
    const [result] = sarif.runs[0].results;
    assert.deepStrictEqual([result.ruleId, result.level, result.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startColumn], ['openapi-syntax', 'error', 6, 6]);
    const rule = sarif.runs[0].tool.driver.rules[result.ruleIndex];
    assert.deepStrictEqual([rule.id, rule.defaultConfiguration.level], ['openapi-syntax', 'error']);
    assert.strictEqual((await cli(['check', '--rule', 'openapi-syntax=off'], { cwd: s.dir })).code, 0);
  });

  it('exits 2 with "no files to check" when nothing is checked, unless --no-error-on-unmatched', async () => {
    const s = scratch({ 'docs/readme.md': '# 499\n', 'src/a.js': 'res.status(499);\n', 'src/blob.js': Buffer.from([0x72, 0, 0x73]) });
    cleanup = s.cleanup;
    const empty = await cli(['check', 'docs'], { cwd: s.dir });
    assert.deepStrictEqual(empty, { code: 2, stdout: '', stderr: 'api-guidelines: no files to check in docs (--no-error-on-unmatched allows it)\n' });
    const excluded = await cli(['check', 'src/a.js', 'docs/readme.md', '--exclude', 'src/**', '--format', 'sarif'], { cwd: s.dir });
    assert.deepStrictEqual(excluded, {
      code: 2,
      stdout: '',
      stderr: [
        'api-guidelines: skipped docs/readme.md: no supported language for this file name',
        'api-guidelines: skipped src/a.js: excluded by the settings',
        'api-guidelines: no files to check in src/a.js, docs/readme.md (--no-error-on-unmatched allows it)',
        '',
      ].join('\n'),
    });
    const skipped = await cli(['check', 'src/blob.js'], { cwd: s.dir });
    assert.strictEqual(skipped.code, 2);
    assert.match(skipped.stderr, /skipped src\/blob\.js: binary file[^\n]*\napi-guidelines: no files to check in src\/blob\.js: all 1 skipped /);
    const allowed = await cli(['check', 'docs', '--no-error-on-unmatched'], { cwd: s.dir });
    assert.deepStrictEqual(allowed, { code: 0, stdout: '✔ No problems in 0 files\n', stderr: '' });
    const some = await cli(['check', 'docs', 'src'], { cwd: s.dir });
    assert.strictEqual(some.code, 0, 'one file checked is enough');
  });

  it('reads .api-guidelines.json from the nearest ancestor; flags override it', async () => {
    const s = scratch({
      '.api-guidelines.json': JSON.stringify({ corpus: { paths: ['guides'] }, diagnostics: { exclude: ['legacy/**'], rules: { 'unregistered-status': 'error' } } }),
      'guides/http-status-302.md': POLICY_302,
      'api/redirect.js': 'res.status(302);\nres.status(499);\n',
      'legacy/old.js': 'res.status(499);\n',
    });
    cleanup = s.cleanup;
    const api = path.join(s.dir, 'api');
    const configured = await checkJson(['.'], api);
    assert.deepStrictEqual(findingKeys(configured.report), ['redirect.js:1:12 policy', 'redirect.js:2:12 unregistered-status']);
    assert.strictEqual(configured.report.summary.error, 2);
    assert.strictEqual(configured.code, 1);
    const fromRoot = await checkJson([], s.dir);
    assert.ok(!findingKeys(fromRoot.report).some((k) => k.startsWith('legacy/')), 'exclude globs are relative to the config folder');
    const noCorpus = await checkJson(['.', '--no-builtin', '--rule', 'unregistered-status=hint'], api);
    assert.deepStrictEqual(findingKeys(noCorpus.report), ['redirect.js:1:12 policy', 'redirect.js:2:12 unregistered-status']);
    assert.strictEqual(noCorpus.report.summary.hint, 1);
    const ignored = await checkJson(['.', '--no-config'], api);
    assert.deepStrictEqual(findingKeys(ignored.report), ['redirect.js:2:12 unregistered-status']);
  });

  it('exits 2 on a broken config file, naming file:line:col', async () => {
    const s = scratch({ '.api-guidelines.json': '{\n  "corpus": { "paths": ["a" "b"] }\n}\n', 'a.js': '' });
    cleanup = s.cleanup;
    const run = await cli(['check'], { cwd: s.dir });
    assert.strictEqual(run.code, 2);
    assert.strictEqual(run.stderr, `api-guidelines check: ${path.join(s.dir, '.api-guidelines.json')}:2:29: invalid JSON: CommaExpected\nRun 'api-guidelines check --help' for usage.\n`);
  });

  it('exits 2 on missing paths and corpus folders, and on corpus errors (still reporting findings)', async () => {
    const missing = await cli(['check', 'examples', 'nope'], { cwd: repoRoot });
    assert.deepStrictEqual([missing.code, missing.stdout], [2, '']);
    assert.match(missing.stderr, /^api-guidelines check: path not found: nope\n/);
    const noCorpus = await cli(['check', 'examples', '--corpus', 'no-such-corpus'], { cwd: repoRoot });
    assert.strictEqual(noCorpus.code, 2);
    assert.match(noCorpus.stderr, /corpus folder not found: .*no-such-corpus/);
    const s = scratch({ 'guides/http-status-302.md': BROKEN_TOPIC, 'src/a.js': 'res.status(499);\n' });
    cleanup = s.cleanup;
    const broken = await cli(['check', 'src', '--corpus', 'guides'], { cwd: s.dir });
    assert.strictEqual(broken.code, 2);
    assert.match(broken.stderr, /^api-guidelines: \d+ error\(s\) in the corpus; run `api-guidelines validate` to see them all:\n {2}guides\/http-status-302\.md:\d+:\d+: /);
    assert.match(broken.stdout, /src\/a\.js\n {2}1:12 /);
  });

  it('shows a progress counter on a terminal for long runs, and clears it', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${String(i).padStart(3, '0')}.js`] = 'res.status(200);\n';
    const s = scratch(files);
    cleanup = s.cleanup;
    const tty = await cli(['check'], { cwd: s.dir, stderrTTY: true });
    assert.ok(tty.stderr.includes('\r\x1b[Kchecking 200/200 files (100%)'), JSON.stringify(tty.stderr.slice(-200)));
    assert.ok(tty.stderr.endsWith('\r\x1b[K'));
    assert.strictEqual((await cli(['check', '--no-progress'], { cwd: s.dir, stderrTTY: true })).stderr, '');
    assert.strictEqual((await cli(['check'], { cwd: s.dir })).stderr, '');
  });

  it('progress redraws at most once per interval, always for the last file', () => {
    const stream = new CapturedStream(true);
    let now = 0;
    const p = new Progress(stream, true, { minTotal: 3, interval: 100, now: () => now });
    p.update(1, 4);
    now = 50;
    p.update(2, 4);
    now = 150;
    p.update(3, 4);
    now = 160;
    p.update(4, 4);
    p.clear();
    assert.deepStrictEqual(stream.text.split('\r\x1b[K').filter(Boolean), ['checking 1/4 files (25%)', 'checking 3/4 files (75%)', 'checking 4/4 files (100%)']);
    const small = new CapturedStream(true);
    new Progress(small, true, { minTotal: 10 }).update(1, 2);
    assert.strictEqual(small.text, '');
  });
});

describe('cli: topic, search, validate', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => { cleanup?.(); cleanup = undefined; });

  for (const [query, id] of [['403', 'http-status-403'], ['Forbidden', 'http-status-403'], ['Too', 'http-status-429'], ['PATCH', 'http-methods-patch'], ['Retry-After', 'http-headers-retry-after'], ['HttpStatus.FORBIDDEN', 'http-status-403'], ['http-status-201', 'http-status-201']] as const) {
    it(`topic ${query} finds ${id}`, async () => {
      const args = query === 'Too' ? ['Too', 'Many', 'Requests'] : [query];
      const run = await cli(['topic', ...args, '--format', 'json'], { cwd: repoRoot });
      assert.strictEqual(run.code, 0, run.stderr);
      assert.strictEqual(JSON.parse(run.stdout).id, id);
    });
  }

  it('topic prints the description, the body and the guidelines with their links', async () => {
    const run = await cli(['topic', '403'], { cwd: repoRoot });
    const lines = run.stdout.split('\n');
    assert.strictEqual(lines[0], '403 Forbidden');
    assert.strictEqual(lines[1], 'HTTP Status User Error · http-status-403 · corpus/topics/http-status-403.md:4');
    assert.match(run.stdout, /\n\nStandards \(\d+\)\n {2}IETF — RFC 9110: HTTP Semantics {2}https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110\.html\n {4}- 15\.5\.4\. 403 Forbidden {2}https:/);
    assert.ok(lines.every((l) => l.length <= 100 || l.startsWith('  ') || l.startsWith('- ')), 'the description is wrapped');
  });

  it('topic shows a corpus policy, and says when nothing matches', async () => {
    const policy = await cli(['topic', '302', '--corpus', 'examples/company-corpus'], { cwd: repoRoot });
    assert.match(policy.stdout, /\nPolicy \(warning\): Acme APIs do not send 302\. .* Prefer: 303, 307\.\n/);
    assert.match(policy.stdout, /examples\/company-corpus\/http-status-302\.md:4/);
    const none = await cli(['topic', 'xyzzy'], { cwd: repoRoot });
    assert.deepStrictEqual([none.code, none.stdout, none.stderr], [1, '', "No topic matches 'xyzzy'. Try: api-guidelines search xyzzy\n"]);
    const empty = await cli(['topic'], { cwd: repoRoot });
    assert.strictEqual(empty.code, 2);
  });

  it('search ranks topics, limits them, and exits 1 on no match', async () => {
    const run = await cli(['search', 'rate', 'limit'], { cwd: repoRoot });
    assert.strictEqual(run.code, 0);
    assert.match(run.stdout, /^1 {2}Rate limiting /);
    assert.match(run.stdout, /429 Too Many Requests +HTTP Status User Error +http-status-429\b.*\n/);
    const json = JSON.parse((await cli(['search', '-n', '3', '-f', 'json'], { cwd: repoRoot })).stdout);
    assert.deepStrictEqual(json.map((h: { rank: number }) => h.rank), [1, 2, 3]);
    const all = JSON.parse((await cli(['search', '--limit', '0', '-f', 'json'], { cwd: repoRoot })).stdout);
    assert.ok(all.length > 100, String(all.length));
    assert.strictEqual((await cli(['search', 'xyzzy'], { cwd: repoRoot })).code, 1);
    const bad = await cli(['search', '--limit', 'many'], { cwd: repoRoot });
    assert.deepStrictEqual([bad.code, bad.stderr.split('\n')[0]], [2, "api-guidelines search: '--limit' needs a whole number, not 'many'"]);
  });

  it('validate reports problems with file:line:col, on top of the built-in guidelines', async () => {
    const builtin = await cli(['validate', 'corpus'], { cwd: repoRoot });
    assert.strictEqual(builtin.code, 0, builtin.stdout);
    assert.match(builtin.stdout, /^✔ No problems in \d+ files\n$/);
    const s = scratch({ 'guides/http-status-302.md': POLICY_302, 'broken/http-status-302.md': BROKEN_TOPIC });
    cleanup = s.cleanup;
    assert.strictEqual((await cli(['validate', 'guides'], { cwd: s.dir })).code, 0, 'rfc9110 comes from the built-in corpus');
    const alone = await cli(['validate', 'guides', '--no-builtin'], { cwd: s.dir });
    assert.strictEqual(alone.code, 1);
    assert.match(alone.stdout, /^guides\/http-status-302\.md:13:5: error: Unknown guideline id 'rfc9110'.* \[unknown-guideline\]\n/);
    const broken = await cli(['validate', 'broken', '-f', 'json'], { cwd: s.dir });
    assert.strictEqual(broken.code, 1);
    assert.ok(JSON.parse(broken.stdout).files[0].findings.length > 0);
    const missing = await cli(['validate', 'nowhere'], { cwd: s.dir });
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /folder not found: .*nowhere/);
  });
});

describe('cli: usage', () => {
  for (const command of ['check', 'topic', 'search', 'validate']) {
    it(`${command} --help and help ${command}`, async () => {
      const run = await cli([command, '--help']);
      assert.strictEqual(run.code, 0);
      assert.match(run.stdout, new RegExp(`^Usage: api-guidelines ${command} `));
      assert.match(run.stdout, /\nOptions:\n/);
      assert.match(run.stdout, /--corpus DIR/);
      assert.strictEqual((await cli(['help', command])).stdout, run.stdout);
    });
  }

  it('prints the overview for --help, and with no command exits 2', async () => {
    const help = await cli(['--help']);
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /Commands:\n {2}check {7}Report the diagnostics/);
    assert.match(help.stdout, /\.api-guidelines\.json/);
    const none = await cli([]);
    assert.deepStrictEqual([none.code, none.stdout], [2, help.stdout]);
    assert.match((await cli(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('explains bad commands and options, with a suggestion, and exits 2', async () => {
    const bad = await cli(['chek']);
    assert.deepStrictEqual([bad.code, bad.stderr], [2, "api-guidelines: unknown command 'chek' (did you mean 'check'?)\nRun 'api-guidelines --help' for usage.\n"]);
    const option = await cli(['check', '--fromat', 'json']);
    assert.deepStrictEqual([option.code, option.stderr], [2, "api-guidelines check: unknown option '--fromat' (did you mean '--format'?)\nRun 'api-guidelines check --help' for usage.\n"]);
    const value = await cli(['check', '--format', 'xml']);
    assert.match(value.stderr, /invalid value 'xml' for '--format': expected one of text, compact, json, sarif, github/);
    const rule = await cli(['check', '--rule', 'unregistered=off']);
    assert.match(rule.stderr, /unknown rule 'unregistered'.*; rules: policy, guideline-rule, deprecated-status, unregistered-status, uncovered-status/);
    const size = await cli(['check', '--max-file-size', 'big']);
    assert.match(size.stderr, /'--max-file-size' needs a size like 500KB or 4MB, not 'big'/);
    assert.strictEqual((await cli(['check', '--config', 'x.json', '--no-config'])).code, 2);
  });
});
