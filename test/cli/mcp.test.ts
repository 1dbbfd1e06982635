import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ACME_GUIDELINE } from '../helpers/guidelineFixtures';
import { cliBundle, repoRoot } from '../helpers/testEnv';

/** A company guideline with one checkable rule, and a topic it covers. */

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

describe('cli: mcp, the MCP server over stdio', function () {
  this.timeout(30_000);
  let tmp: string;
  let client: Client;

  async function connect(args: string[]): Promise<Client> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'API_GUIDELINES_BUILTIN_CORPUS') env[k] = v;
    const c = new Client({ name: 'test', version: '1.0.0' });
    await c.connect(new StdioClientTransport({ command: process.execPath, args: [cliBundle, 'mcp', '--no-config', ...args], cwd: repoRoot, env, stderr: 'pipe' }));
    return c;
  }

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-mcp-'));
    fs.writeFileSync(path.join(tmp, 'acme.md'), ACME_GUIDELINE);
    fs.writeFileSync(path.join(tmp, 'http-status-403.md'), TOPIC);
    client = await connect(['--no-builtin', '--corpus', tmp, '--follow', 'acme']);
  });

  after(async () => {
    await client?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists its four tools, each read-only with an input schema', async () => {
    const { tools } = await client.listTools();
    assert.deepStrictEqual(tools.map((t) => t.name).sort(), ['check_code', 'guidelines', 'search', 'topic']);
    for (const t of tools) {
      assert.strictEqual(t.inputSchema.type, 'object');
      assert.strictEqual(t.annotations?.readOnlyHint, true, t.name);
    }
  });

  it('topic answers a code with the hover text and the topic as JSON, followed guideline marked', async () => {
    const r = await call('topic', { query: '403' });
    assert.match(r.content[0].text, /^### 403 Forbidden/);
    assert.match(r.content[0].text, /★ \[\*\*Acme\*\*\]\(https:\/\/acme\.example\/guide\) \*\(followed\)\* · \[Permissions\]\(https:\/\/acme\.example\/guide#permissions\) `#7 MUST` — Use 403 for a known caller/);
    const json = r.structuredContent as { id: string; guidelines: { id: string; followed: boolean }[]; matchedBy: string };
    assert.deepStrictEqual([json.id, json.matchedBy, json.guidelines.map((g) => [g.id, g.followed])], ['http-status-403', 'status', [['acme', true]]]);
    const none = await call('topic', { query: 'xyzzy' });
    assert.strictEqual(none.isError, true);
  });

  it('check_code reports what the followed guideline rules out, with the rule code and link', async () => {
    const r = await call('check_code', { code: 'res.status(200);\nres.redirect(302, "/login");\n', filename: 'app.js' });
    const { findings } = r.structuredContent as { findings: { line: number; column: number; rule: string; severity: string; href: string; text: string }[] };
    assert.deepStrictEqual(findings.map((f) => [f.line, f.column, f.rule, f.severity, f.text]), [
      [1, 12, 'uncovered-status', 'information', '200'], // the test corpus has no topic for 200
      [2, 14, 'acme/9', 'warning', '302'],
    ]);
    assert.strictEqual(findings[1].href, 'https://acme.example/guide#9');
    const notFollowed = await call('check_code', { code: 'res.redirect(302, "/login");', language: 'javascript', follow: [] });
    assert.deepStrictEqual((notFollowed.structuredContent as { findings: { rule: string }[] }).findings.map((f) => f.rule), ['uncovered-status']);
    const unknown = await call('check_code', { code: 'x', filename: 'notes.txt' });
    assert.strictEqual(unknown.isError, true);
  });

  it('search and guidelines answer with ids a client can follow', async () => {
    const s = await call('search', { query: 'forbidden' });
    assert.match(s.content[0].text, /^1\. 403 Forbidden \(http-status-403, HTTP Status User Error\) — ★ Acme/);
    const g = await call('guidelines', {});
    assert.deepStrictEqual((g.structuredContent as { guidelines: { id: string; rules: unknown[] }[] }).guidelines.map((x) => [x.id, x.rules.length]), [['acme', 1]]);
    const typo = await call('search', { query: 'forbidden', follow: ['acmee'] });
    assert.match(typo.content[0].text, /No guideline named 'acmee'/);
  });

  it('rejects bad tool arguments without stopping', async () => {
    const r = await client.callTool({ name: 'topic', arguments: { query: 42 } }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }));
    assert.strictEqual((r as ToolResult).isError, true);
    assert.match((await call('topic', { query: '403' })).content[0].text, /403 Forbidden/);
  });
});
