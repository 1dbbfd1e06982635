import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { ACME_GUIDELINE } from '../helpers/guidelineFixtures';
import { cliBundle, repoRoot } from '../helpers/testEnv';

/** A topic the Acme guideline covers. */
const TOPIC = `---
topic_id: http-status-403
topic_category: HTTP Status User Error
topic_name: 403 Forbidden
topic_description: Refused for this caller.
---
`;

interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

interface Finding { rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; href?: string }

function env(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'API_GUIDELINES_BUILTIN_CORPUS') out[k] = v;
  return out;
}

async function connect(cwd: string, args: string[], client = new Client({ name: 'test', version: '1.0.0' }), config = false): Promise<Client> {
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cliBundle, 'mcp', ...(config ? [] : ['--no-config']), ...args], cwd, env: env(), stderr: 'pipe' }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

/** Asks until `ready` holds for the answer (file watching is asynchronous), for at most ten seconds. */
async function eventually<T>(ask: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await ask();
    if (ready(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function cliJson(cwd: string, args: string[], config = false): unknown {
  const run = spawnSync(process.execPath, [cliBundle, ...args, ...(config ? [] : ['--no-config']), '--format', 'json'], { cwd, env: env(), encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout);
}

describe('cli: mcp, the MCP server over stdio', function () {
  this.timeout(30_000);
  let tmp: string;
  let corpus: string;
  let workspace: string;
  let outside: string;
  let client: Client;
  const listChanges: number[] = [];

  before(async () => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-mcp-')));
    corpus = path.join(tmp, 'corpus');
    workspace = path.join(tmp, 'workspace');
    outside = path.join(tmp, 'outside');
    for (const d of [corpus, workspace, outside, path.join(workspace, 'src')]) fs.mkdirSync(d);
    fs.writeFileSync(path.join(corpus, 'acme.md'), ACME_GUIDELINE);
    fs.writeFileSync(path.join(corpus, 'http-status-403.md'), TOPIC);
    fs.writeFileSync(path.join(workspace, 'src', 'orders.js'), 'res.status(403);\nres.redirect(302, "/login");\n');
    fs.writeFileSync(path.join(outside, 'secret.js'), 'res.status(302);\n');
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(workspace, 'src', 'linked.js'));
    fs.symlinkSync(outside, path.join(workspace, 'elsewhere'));
    client = new Client({ name: 'test', version: '1.0.0' });
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      listChanges.push(Date.now());
    });
    await connect(workspace, ['--no-builtin', '--corpus', corpus, '--follow', 'acme'], client);
  });

  after(async () => {
    await client?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('initializes as api-guidelines with tools, resources and instructions for the agent', () => {
    assert.strictEqual(client.getServerVersion()?.name, 'api-guidelines');
    const caps = client.getServerCapabilities();
    assert.ok(caps?.tools && caps.resources, JSON.stringify(caps));
    assert.match(client.getInstructions() ?? '', /lookup_topic/);
  });

  it('lists its five tools, each read-only with a JSON schema of its arguments', async () => {
    const { tools } = await client.listTools();
    assert.deepStrictEqual(tools.map((t) => t.name).sort(), ['check_code', 'check_files', 'list_guidelines', 'lookup_topic', 'search_topics']);
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const t of tools) {
      assert.strictEqual(t.inputSchema.type, 'object');
      assert.strictEqual(t.annotations?.readOnlyHint, true, t.name);
    }
    assert.deepStrictEqual(byName.get('lookup_topic')!.inputSchema.required, ['query']);
    assert.deepStrictEqual([...byName.get('check_code')!.inputSchema.required!].sort(), ['code', 'language']);
    assert.deepStrictEqual(byName.get('check_files')!.inputSchema.required, ['paths']);
    assert.deepStrictEqual(Object.keys(byName.get('search_topics')!.inputSchema.properties!).slice(0, 2), ['query', 'limit']);
  });

  it('lookup_topic answers a code with the topic, its description and every guideline link, the followed one marked', async () => {
    const r = await call(client, 'lookup_topic', { query: '403' });
    const text = r.content[0].text;
    assert.match(text, /^## 403 Forbidden\n/);
    assert.match(text, /Refused for this caller\./);
    assert.match(text, /- ★ \[Acme\]\(https:\/\/acme\.example\/guide\) — Acme API Guide \*\*\(followed\)\*\*\n {2}- \[Permissions\]\(https:\/\/acme\.example\/guide#permissions\) `#7 MUST` — Use 403 for a known caller/);
    const json = r.structuredContent as { id: string; guidelines: { id: string; followed: boolean }[]; matchedBy: string };
    assert.deepStrictEqual([json.id, json.matchedBy, json.guidelines.map((g) => [g.id, g.followed])], ['http-status-403', 'status', [['acme', true]]]);
    const byName = await call(client, 'lookup_topic', { query: 'Forbidden', follow: [] });
    assert.doesNotMatch(byName.content[0].text, /★|followed/);
  });

  it('lookup_topic: an unknown topic is a tool error that says what to do', async () => {
    const r = await call(client, 'lookup_topic', { query: '299' });
    assert.strictEqual(r.isError, true);
    assert.match(r.content[0].text, /No topic matches '299'\. Try search_topics/);
  });

  it('search_topics ranks topics one a line, followed organisations starred; a follow typo is pointed out', async () => {
    const s = await call(client, 'search_topics', { query: 'forbidden', limit: 5 });
    assert.match(s.content[0].text, /^1\. \*\*403 Forbidden\*\* `http-status-403` \(HTTP Status User Error\) — ★ Acme\n/);
    assert.deepStrictEqual((s.structuredContent as { results: { id: string }[] }).results.map((x) => x.id), ['http-status-403']);
    const typo = await call(client, 'search_topics', { query: 'forbidden', follow: ['acmee'] });
    assert.match(typo.content[0].text, /No guideline named 'acmee'/);
    assert.match((await call(client, 'search_topics', { query: 'xyzzy' })).content[0].text, /No topic matches 'xyzzy'/);
  });

  it('check_code reports rule, severity, position, message and guideline link', async () => {
    const r = await call(client, 'check_code', { code: 'res.status(200);\nres.redirect(302, "/login");\n', language: 'javascript', filename: 'src/app.js' });
    const { findings } = r.structuredContent as { findings: Finding[] };
    assert.deepStrictEqual(findings.map((f) => [f.line, f.column, f.endColumn, f.rule, f.severity]), [
      [1, 12, 15, 'uncovered-status', 'information'], // the test corpus has no topic for 200
      [2, 14, 17, 'acme/9', 'warning'],
    ]);
    assert.strictEqual(findings[1].href, 'https://acme.example/guide#9');
    assert.match(r.content[0].text, /^2 problems \(1 warning, 1 information\)\./);
    assert.match(r.content[0].text, /- `src\/app\.js:2:14` \*\*warning\*\* .*\(\[acme\/9\]\(https:\/\/acme\.example\/guide#9\)\)/);
    const notFollowed = await call(client, 'check_code', { code: 'res.redirect(302, "/login");', language: 'js', follow: [] });
    assert.deepStrictEqual((notFollowed.structuredContent as { findings: Finding[] }).findings.map((f) => f.rule), ['uncovered-status']);
    const clean = await call(client, 'check_code', { code: 'res.status(403);', language: 'typescript' });
    assert.strictEqual(clean.content[0].text, 'No problems found.\n');
  });

  it('check_code: an unknown language is a tool error listing the known ones', async () => {
    const r = await call(client, 'check_code', { code: 'x', language: 'cobol' });
    assert.strictEqual(r.isError, true);
    assert.match(r.content[0].text, /Unknown language 'cobol'\. Use one of: javascript, .*, http\./);
  });

  it('check_files checks files and folders of the workspace, and leaves out links that lead outside it', async () => {
    const r = await call(client, 'check_files', { paths: ['src'] });
    const json = r.structuredContent as { root: string; files: { path: string; findings: Finding[] }[]; skipped: { path: string; reason: string }[]; summary: { checked: number } };
    assert.deepStrictEqual(json.files.map((f) => [f.path, f.findings.map((x) => `${x.line}:${x.column} ${x.rule}`)]), [['src/orders.js', ['2:14 acme/9']]]);
    assert.deepStrictEqual(json.skipped, [{ path: 'src/linked.js', reason: 'a link to somewhere outside the workspace (' + workspace + ') or a corpus folder' }]);
    assert.strictEqual(json.summary.checked, 1);
    const one = await call(client, 'check_files', { paths: [path.join(workspace, 'src', 'orders.js')] });
    assert.deepStrictEqual((one.structuredContent as typeof json).files.map((f) => f.path), ['src/orders.js']);
  });

  it('check_files refuses paths outside the workspace, through .. or links, and missing ones', async () => {
    for (const p of ['../outside/secret.js', path.join(outside, 'secret.js'), 'src/linked.js', 'elsewhere', 'elsewhere/secret.js', '/']) {
      const r = await call(client, 'check_files', { paths: [p] });
      assert.strictEqual(r.isError, true, p);
      assert.match(r.content[0].text, new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is outside the workspace \\(${workspace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) or a corpus folder`), p);
    }
    const missing = await call(client, 'check_files', { paths: ['src/nope.js'] });
    assert.match(missing.content[0].text, /^Not found: src\/nope\.js \(paths are relative to /);
    const corpusFile = await call(client, 'check_files', { paths: [path.join(corpus, 'acme.md')] });
    assert.match(corpusFile.content[0].text, /skipped .*acme\.md: no supported language/);
  });

  it('check_files stops at 500 source files with a tool error', async () => {
    const many = path.join(workspace, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i <= 500; i++) fs.writeFileSync(path.join(many, `f${i}.js`), '');
    try {
      const r = await call(client, 'check_files', { paths: ['many'] });
      assert.strictEqual(r.isError, true);
      assert.match(r.content[0].text, /^More than 500 source files below many: name fewer files or smaller folders\./);
      fs.rmSync(path.join(many, 'f500.js'));
      const ok = await call(client, 'check_files', { paths: ['many'] });
      assert.strictEqual((ok.structuredContent as { summary: { checked: number } }).summary.checked, 500);
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  it('list_guidelines gives the ids to follow, followed first and marked', async () => {
    const g = await call(client, 'list_guidelines', {});
    assert.deepStrictEqual((g.structuredContent as { guidelines: { id: string; followed: boolean; rules: unknown[] }[] }).guidelines.map((x) => [x.id, x.followed, x.rules.length]), [['acme', true, 1]]);
    assert.strictEqual(g.content[0].text, '- ★ `acme` [Acme](https://acme.example/guide) — Acme API Guide (guideline, 1 topics, 1 checkable rule) **(followed)**\n');
  });

  it('lists every topic as a resource and reads one as Markdown; an unknown one is an error', async () => {
    const { resources } = await client.listResources();
    assert.deepStrictEqual(resources.map((r) => [r.uri, r.title, r.mimeType]), [['api-guidelines://topic/http-status-403', '403 Forbidden', 'text/markdown']]);
    const { resourceTemplates } = await client.listResourceTemplates();
    assert.deepStrictEqual(resourceTemplates.map((t) => t.uriTemplate), ['api-guidelines://topic/{id}']);
    const read = await client.readResource({ uri: 'api-guidelines://topic/http-status-403' });
    assert.match((read.contents[0] as { text: string }).text, /^## 403 Forbidden\n[\s\S]*\[Permissions\]\(https:\/\/acme\.example\/guide#permissions\)/);
    await assert.rejects(client.readResource({ uri: 'api-guidelines://topic/http-status-999' }), (e: Error & { code?: number }) => e.code === -32002 && /No topic 'http-status-999' in the corpus/.test(e.message));
  });

  it('re-indexes when corpus files change, and tells the client the resource list changed', async () => {
    const before = listChanges.length;
    fs.writeFileSync(path.join(corpus, 'http-status-418.md'), TOPIC.replace(/403/g, '418').replace('Forbidden', "I'm a teapot"));
    const added = await eventually(() => call(client, 'lookup_topic', { query: '418' }), (r) => !r.isError);
    assert.match(added.content[0].text, /^## 418 I'm a teapot/);
    fs.writeFileSync(path.join(corpus, 'http-status-403.md'), TOPIC.replace('Refused for this caller.', 'Known caller, wrong role.'));
    const changed = await eventually(() => call(client, 'lookup_topic', { query: '403' }), (r) => /Known caller, wrong role/.test(r.content[0].text));
    assert.match(changed.content[0].text, /Known caller, wrong role\./);
    fs.rmSync(path.join(corpus, 'http-status-418.md'));
    const removed = await eventually(() => call(client, 'lookup_topic', { query: '418' }), (r) => !!r.isError);
    assert.strictEqual(removed.isError, true);
    await eventually(async () => listChanges.length, (n) => n > before);
    assert.ok(listChanges.length > before, 'notifications/resources/list_changed');
  });

  it('rejects bad tool arguments as errors and keeps serving', async () => {
    const r = (await client.callTool({ name: 'lookup_topic', arguments: { query: 42 } }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }))) as ToolResult;
    assert.strictEqual(r.isError, true);
    assert.match(r.content[0].text, /query/);
    assert.match((await call(client, 'lookup_topic', { query: '403' })).content[0].text, /403 Forbidden/);
  });

  it('takes the workspace from the roots a client gives', async () => {
    const other = path.join(tmp, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'app.py'), 'return Response(status=302)\n');
    const withRoots = new Client({ name: 'test', version: '1.0.0' }, { capabilities: { roots: { listChanged: true } } });
    withRoots.setRequestHandler(ListRootsRequestSchema, () => ({ roots: [{ uri: pathToFileURL(other).href, name: 'other' }] }));
    await connect(workspace, ['--no-builtin', '--corpus', corpus, '--follow', 'acme'], withRoots);
    try {
      const r = await call(withRoots, 'check_files', { paths: ['app.py'] });
      assert.deepStrictEqual((r.structuredContent as { files: { path: string; findings: Finding[] }[] }).files.map((f) => [f.path, f.findings.map((x) => x.rule)]), [['app.py', ['acme/9']]]);
      const cwdFile = await call(withRoots, 'check_files', { paths: [path.join(workspace, 'src', 'orders.js')] });
      assert.match(cwdFile.content[0].text, new RegExp(`is outside the workspace \\(${other.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`));
    } finally {
      await withRoots.close();
    }
  });
});

describe('cli: mcp answers equal the CLI\'s', function () {
  this.timeout(30_000);
  let client: Client;

  before(async () => {
    client = await connect(repoRoot, ['--follow', 'zalando']);
  });

  after(async () => {
    await client?.close();
  });

  it('lookup_topic 403 is `topic 403 --format json`, with https guideline links in the text', async () => {
    const r = await call(client, 'lookup_topic', { query: '403' });
    assert.deepStrictEqual(r.structuredContent, cliJson(repoRoot, ['topic', '403', '--follow', 'zalando']));
    assert.match(r.content[0].text, /^## 403 Forbidden\n/);
    assert.match(r.content[0].text, /- ★ \[Zalando\]\(https:\/\/opensource\.zalando\.com\/restful-api-guidelines\/\) — .* \*\*\(followed\)\*\*\n {2}- \[403 Forbidden\]\(https:\/\/opensource\.zalando\.com\/restful-api-guidelines\/#status-code-403\)/);
    const links = [...r.content[0].text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(links.length > 20 && links.every((l) => l.startsWith('https://')), links.filter((l) => !l.startsWith('https://')).join(' '));
  });

  it('search_topics and list_guidelines are `search` and `guidelines --format json`', async () => {
    const s = await call(client, 'search_topics', { query: 'rate limit', limit: 7 });
    assert.deepStrictEqual((s.structuredContent as { results: unknown }).results, cliJson(repoRoot, ['search', 'rate', 'limit', '--limit', '7', '--follow', 'zalando']));
    const g = await call(client, 'list_guidelines', {});
    assert.deepStrictEqual((g.structuredContent as { guidelines: unknown }).guidelines, cliJson(repoRoot, ['guidelines', '--follow', 'zalando']));
  });

  it('check_files and check_code find what `check --format json` finds in the examples', async () => {
    const cli = cliJson(repoRoot, ['check', 'examples', '--follow', 'zalando']) as { files: { path: string; findings: Finding[] }[]; summary: Record<string, number> };
    const r = await call(client, 'check_files', { paths: ['examples'] });
    const mcp = r.structuredContent as { files: unknown; summary: Record<string, number> };
    assert.deepStrictEqual(mcp.files, cli.files);
    assert.deepStrictEqual(mcp.summary, cli.summary);
    assert.ok(cli.files.length >= 4);
    for (const file of cli.files) {
      const code = fs.readFileSync(path.join(repoRoot, file.path), 'utf8');
      const language = path.extname(file.path).slice(1);
      const one = await call(client, 'check_code', { code, language, filename: file.path });
      assert.deepStrictEqual((one.structuredContent as { findings: Finding[] }).findings, file.findings, file.path);
    }
  });

  it('reads the config file as check does: corpus, follow, rule levels, and what check_files leaves out', async () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-mcp-config-')));
    try {
      fs.mkdirSync(path.join(tmp, 'corpus'));
      fs.writeFileSync(path.join(tmp, 'corpus', 'acme.md'), ACME_GUIDELINE);
      for (const d of ['src', 'generated']) fs.mkdirSync(path.join(tmp, d));
      fs.writeFileSync(path.join(tmp, 'src', 'a.js'), 'res.status(302);\nres.status(499);\n');
      fs.writeFileSync(path.join(tmp, 'src', 'b.py'), 'return Response(status=302)\n');
      fs.writeFileSync(path.join(tmp, 'generated', 'c.js'), 'res.status(302);\n');
      fs.writeFileSync(path.join(tmp, '.api-guidelines.json'), JSON.stringify({
        corpus: { paths: ['corpus'] }, guidelines: { follow: ['acme'] },
        diagnostics: { exclude: ['generated/**'], disabledLanguages: ['python'], rules: { 'acme/9': 'error' } },
      }));
      const configured = await connect(tmp, [], undefined, true);
      try {
        const cli = cliJson(tmp, ['check', '.'], true) as { files: { path: string; findings: Finding[] }[]; summary: Record<string, number> };
        const r = await call(configured, 'check_files', { paths: ['.'] });
        const mcp = r.structuredContent as { files: { path: string; findings: Finding[] }[]; summary: Record<string, number> };
        assert.deepStrictEqual(mcp.files, cli.files);
        assert.deepStrictEqual(mcp.summary, cli.summary);
        assert.deepStrictEqual(mcp.files.map((f) => [f.path, f.findings.map((x) => `${x.rule} ${x.severity}`)]), [['src/a.js', ['acme/9 error', 'unregistered-status warning']]]);
      } finally {
        await configured.close();
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('check_code of res.status(499) reports the unregistered code', async () => {
    const r = await call(client, 'check_code', { code: 'app.get("/orders", (req, res) => res.status(499).end());', language: 'javascript', follow: [] });
    const { findings } = r.structuredContent as { findings: Finding[] };
    assert.deepStrictEqual(findings.map((f) => [f.rule, f.severity, f.line, f.column]), [['unregistered-status', 'warning', 1, 45]]);
    assert.match(r.content[0].text, /499 is not in the IANA HTTP Status Code Registry.*\(\[unregistered-status\]\(https:\/\/www\.iana\.org\//);
  });
});
