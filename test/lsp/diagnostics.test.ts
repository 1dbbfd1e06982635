import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient, positionOf } from '../helpers/lspClient';
import { IANA_REGISTRY_URL as IANA } from '../../server/src/features/diagnostics';
import { policy302 } from '../unit/features/diagnosticsFixtures';


const policyPage = (message: string, category = 'topic_category: HTTP Status Redirection\n') =>
  `---\ntopic_id: http-status-302\n${category}topic_name: 302 Found\ntopic_description: Temporary redirect.\n${policy302(message)}---\n`;

const pull = (client: TestClient, uri: string, previousResultId?: string) =>
  client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
const refreshes = (client: TestClient) => client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
const pushes = (client: TestClient, uri: string) => client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);

describe('lsp: diagnostics', function () {
  let client: TestClient;
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-diag-'));
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A workspace with a company corpus holding a 302 policy; returns the URIs involved. */
  const companyWorkspace = async (settings: Record<string, unknown> = {}) => {
    fs.mkdirSync(path.join(tmp, 'corpus'));
    fs.writeFileSync(path.join(tmp, 'corpus', '302.md'), policyPage('Use 303 or 307 instead of 302.'));
    client = new TestClient({ folder: tmp, settings: { corpus: { paths: ['corpus'] }, ...settings } });
    const init = await client.initialize();
    return { init, page: pathToFileURL(path.join(tmp, 'corpus', '302.md')).href, code: pathToFileURL(path.join(tmp, 'src', 'app.js')).href };
  };

  it('answers pulls with rule codes, guideline links and result ids', async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.deepStrictEqual(init.capabilities.diagnosticProvider, { identifier: 'api-guidelines', interFileDependencies: false, workspaceDiagnostics: false });
    const text = 'app.get("/", (req, res) => {\n  if (legacy) return res.status(305).end();\n  res.status(520).end();\n});\n';
    await client.open('file:///work/app.js', 'javascript', text);
    const report = await pull(client, 'file:///work/app.js');
    assert.strictEqual(report.kind, 'full');
    const at305 = positionOf(text, '305');
    const at520 = positionOf(text, '520');
    assert.deepStrictEqual(report.items.map((d: any) => [d.code, d.source, d.severity, d.range.start, d.codeDescription?.href, d.tags]), [
      ['deprecated-status', 'api-guidelines', 2, at305, 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.6', [2]],
      ['unregistered-status', 'api-guidelines', 2, at520, IANA, undefined],
    ]);
    assert.deepStrictEqual(report.items[1].range.end, { line: at520.line, character: at520.character + 3 });

    const again = await pull(client, 'file:///work/app.js', report.resultId);
    assert.deepStrictEqual(again, { kind: 'unchanged', resultId: report.resultId });
    await client.change('file:///work/app.js', 'res.status(200);\n');
    const edited = await pull(client, 'file:///work/app.js', report.resultId);
    assert.strictEqual(edited.kind, 'full');
    assert.notStrictEqual(edited.resultId, report.resultId);
    assert.deepStrictEqual(edited.items, []);
  });

  it('reports a syntax error in an open OpenAPI document, as an error at its line and column', async () => {
    client = new TestClient();
    await client.initialize();
    const text = "openapi: 3.1.0\npaths:\n  /orders:\n    get:\n      responses: {\n        '499': {description: gone}\n";
    await client.open('file:///work/openapi.yaml', 'yaml', text);
    const report = await pull(client, 'file:///work/openapi.yaml');
    assert.deepStrictEqual(report.items.map((d: any) => [d.code, d.severity, d.range.start]), [
      ['unregistered-status', 2, positionOf(text, '499')],
      ['openapi-syntax', 1, { line: 5, character: 34 }], // the end of the document: its last character
    ]);
    assert.match(report.items[1].message, /^This OpenAPI document is not valid YAML: .+\. Findings after this point may be missing\.$/);
    await client.change('file:///work/openapi.yaml', text.replace('responses: {', 'responses:'));
    assert.deepStrictEqual((await pull(client, 'file:///work/openapi.yaml')).items.map((d: any) => d.code), ['unregistered-status']);
  });

  it('asks the client to refresh after a settings change, applies the new severities and never pushes', async () => {
    client = new TestClient();
    await client.initialize();
    await client.open('file:///work/app.py', 'python', 'self.send_response(520)\n');
    const first = await pull(client, 'file:///work/app.py');
    assert.deepStrictEqual(first.items.map((d: any) => d.severity), [2]);
    client.settings = { diagnostics: { rules: { 'unregistered-status': 'error' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apiGuidelines: client.settings } });
    await client.until(() => refreshes(client) > 0, 'workspace/diagnostic/refresh');
    const second = await pull(client, 'file:///work/app.py', first.resultId);
    assert.strictEqual(second.kind, 'full');
    assert.deepStrictEqual(second.items.map((d: any) => d.severity), [1]);
    // The refresh came after the debounce any push would have used, on the same ordered stream.
    assert.deepStrictEqual(pushes(client, 'file:///work/app.py'), []);
  });

  it('pushes, debounced, to clients without pull support', async () => {
    client = new TestClient({ capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} } } });
    const init = await client.initialize();
    assert.strictEqual(init.capabilities.diagnosticProvider, undefined);
    await client.open('file:///work/main.go', 'go', 'func h(w http.ResponseWriter) {\n\tw.WriteHeader(520)\n}\n');
    const published = (await client.until(() => pushes(client, 'file:///work/main.go').at(-1), 'publishDiagnostics'))!;
    assert.deepStrictEqual(published.params.diagnostics.map((d: any) => [d.code, d.range.start]), [['unregistered-status', { line: 1, character: 15 }]]);
    assert.strictEqual(published.params.version, 1);
    await client.change('file:///work/main.go', 'func h(w http.ResponseWriter) {\n\tw.WriteHeader(503)\n}\n');
    const cleared = (await client.until(() => pushes(client, 'file:///work/main.go').find((n) => n.params.version === 2), 'publishDiagnostics v2'))!;
    assert.deepStrictEqual(cleared.params.diagnostics, []);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///work/main.go' } });
    await client.until(() => pushes(client, 'file:///work/main.go').at(-1)?.params.version === undefined, 'cleared on close');
  });

  it('reports corpus policies, linking the topic page, and follows unsaved corpus edits', async () => {
    const { page, code } = await companyWorkspace();
    await client.open(code, 'javascript', 'if (!user) {\n  res.status(302).end();\n}\n');
    const before = await pull(client, code);
    assert.deepStrictEqual(before.items.map((d: any) => [d.code, d.severity, d.message, d.range.start.line]), [['policy', 1, '302 Found: Use 303 or 307 instead of 302.', 1]]);
    assert.strictEqual(before.items[0].codeDescription.href, `${page}#L2`);

    await client.open(page, 'markdown', policyPage('Use 303 or 307 instead of 302.'));
    assert.deepStrictEqual((await pull(client, page)).items, []);
    const seen = refreshes(client);
    await client.change(page, policyPage('Redirects must be 303 (see ADR-12).'));
    await client.until(() => refreshes(client) > seen, 'refresh after a corpus edit');
    const after = await pull(client, code, before.resultId);
    assert.deepStrictEqual(after.items.map((d: any) => d.message), ['302 Found: Redirects must be 303 (see ADR-12).']);

    await client.change(page, policyPage('x', ''));
    const broken = await pull(client, page);
    assert.deepStrictEqual(broken.items.map((d: any) => [d.code, d.severity, d.source]), [['missing-field', 1, 'api-guidelines']]);
    assert.match(broken.items[0].message, /topic_category/);
  });

  it('validates an open page with topic front matter outside any corpus folder', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = pathToFileURL(path.join(tmp, 'drafts', 'new-topic.md')).href;
    await client.open(uri, 'markdown', '---\ntopic_id: http-status-299\ntopic_category: Cat\ntopic_description: Draft.\n---\nBody\n');
    const report = await pull(client, uri);
    assert.deepStrictEqual(report.items.map((d: any) => [d.code, d.range.start.line]), [['missing-field', 1]]);
    const readme = pathToFileURL(path.join(tmp, 'notes.md')).href;
    await client.open(readme, 'markdown', '# Notes\n\nWe answer with status: 520 when the origin fails.\n');
    assert.deepStrictEqual((await pull(client, readme)).items, []);
  });

  it('offers replace, suppress and open-guideline code actions for a finding', async () => {
    const { init, code } = await companyWorkspace();
    assert.deepStrictEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    const text = 'function moved(res) {\n  res.status(302).end();\n}\n';
    await client.open(code, 'javascript', text);
    const { items } = await pull(client, code);
    const at = positionOf(text, '302', 1);
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri: code }, range: { start: at, end: at }, context: { diagnostics: items },
    });
    assert.deepStrictEqual(actions.slice(0, 4).map((a: any) => [a.title, a.kind, !!a.isPreferred]), [
      ['Replace with 303 See Other', 'quickfix', true],
      ['Replace with 307 Temporary Redirect', 'quickfix', false],
      ["Suppress 'policy' on this line", 'quickfix', false],
      ['Open guideline: Acme API Guide (Redirects)', 'quickfix', false],
    ]);
    // The topic page's own guideline first, then at most four more from the guideline pages that cover 302.
    const more = actions.slice(4).map((a: any) => a.title);
    assert.ok(more.length <= 4 && more.every((t: string) => t.startsWith('Open guideline: ')), more.join(' | '));
    assert.deepStrictEqual(actions[0].edit.changes[code], [{ range: items[0].range, newText: '303' }]);
    assert.deepStrictEqual(actions[0].diagnostics, [items[0]]);
    assert.deepStrictEqual(actions[2].edit.changes[code], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  // api-guidelines-disable-next-line policy\n' }]);
    assert.deepStrictEqual(actions[3].command, { title: 'Open guideline: Acme API Guide (Redirects)', command: 'apiGuidelines.openReference', arguments: ['https://acme.example/api-guide#redirects'] });

    await client.change(code, `function moved(res) {\n  // api-guidelines-disable-next-line policy\n  res.status(302).end();\n}\n`);
    assert.deepStrictEqual((await pull(client, code)).items, []);
    const none = await client.request('textDocument/codeAction', { textDocument: { uri: code }, range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, context: { diagnostics: [] } });
    assert.deepStrictEqual(none, []);
  });

  it('skips excluded files and disabled languages', async () => {
    await companyWorkspace({ diagnostics: { exclude: ['vendor/**'], disabledLanguages: ['ruby'] } });
    const open = async (rel: string, languageId: string, text: string) => {
      const uri = pathToFileURL(path.join(tmp, rel)).href;
      await client.open(uri, languageId, text);
      return (await pull(client, uri)).items.length;
    };
    assert.strictEqual(await open('vendor/lib/app.js', 'javascript', 'res.status(520)'), 0);
    assert.strictEqual(await open('src/app.rb', 'ruby', 'res.status(520)'), 0);
    assert.strictEqual(await open('src/app.js', 'javascript', 'res.status(520)'), 1);
  });

  it('drops bad settings with one message each, keeps the good ones, and matches hostile globs in bounded time', async () => {
    // JSON, as a client sends it: `__proto__` is an own key there.
    const settings = JSON.parse(`{"diagnostics": {
      "rules": {"constructor": "error", "__proto__": "warning", "unregistered-status": "constructor", "deprecated-status": "error"},
      "exclude": ["{a", "[z-a]", "**a**a**a**a**a**a**a**a**a**ab", "vendor"]}}`);
    client = new TestClient({ folder: tmp, settings });
    await client.initialize();
    // A long name against `**a**a…b`: a backtracking matcher takes minutes; this one a pass over the name.
    const uri = pathToFileURL(path.join(tmp, `${'a'.repeat(3000)}.js`)).href;
    await client.open(uri, 'javascript', 'res.status(305);\nres.status(520);\n');
    const report = await pull(client, uri);
    assert.deepStrictEqual(report.items.map((d: any) => [d.code, d.severity]), [['deprecated-status', 1], ['unregistered-status', 2]]);
    await pull(client, uri);
    const vendor = pathToFileURL(path.join(tmp, 'vendor', 'x.js')).href;
    await client.open(vendor, 'javascript', 'res.status(520);\n');
    assert.deepStrictEqual((await pull(client, vendor)).items, [], 'the good globs still apply');
    const messages = client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);
    assert.ok(messages.every((m) => m.startsWith('API Guidelines: ') && m.endsWith('the setting is ignored.')), messages.join('\n'));
    for (const expected of [
      "apiGuidelines.diagnostics.exclude[0] the glob '{a' is malformed",
      "apiGuidelines.diagnostics.exclude[1] the glob '[z-a]' is malformed",
      "apiGuidelines.diagnostics.rules.constructor unknown rule 'constructor'",
      "apiGuidelines.diagnostics.rules.__proto__ unknown rule '__proto__'",
      'apiGuidelines.diagnostics.rules.unregistered-status "constructor" is no severity',
    ]) assert.strictEqual(messages.filter((m) => m.includes(expected)).length, 1, `${expected} in ${JSON.stringify(messages)}`);
    assert.strictEqual(messages.length, 5, 'each problem told once');
  });
});
