import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ACME_GUIDELINE } from '../helpers/guidelineFixtures';
import { TestClient, positionOf } from '../helpers/lspClient';

const pull = (client: TestClient, uri: string, previousResultId?: string) =>
  client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
const refreshes = (client: TestClient) => client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;

/** Organisations on the guideline lines of a hover, in order (`- ★ [**Zalando**](…)`), folded ones included. */
function hoverOrganisations(md: string): string[] {
  const lines = md.split('\n').filter((l) => l.startsWith('- '));
  return lines.flatMap((l) => {
    const folded = /^- \*and \d+ more:\* (.*)$/.exec(l);
    if (folded) return [...folded[1].matchAll(/\[([^\]]+)\]\(https:/g)].map((m) => m[1]);
    return [/\*\*(.+?)\*\*/.exec(l)![1]];
  });
}


const code = `app.get('/secret', (req, res) => {
  if (!req.user.admin) return res.status(403).end();
  res.redirect(302, '/login');
});
`;

describe('lsp: following guidelines (apiGuidelines.guidelines.*)', function () {
  let client: TestClient;
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-follow-'));
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows eight or more organisations for res.status(403) with no configuration, Zalando, Microsoft and Google among them', async () => {
    client = new TestClient();
    await client.initialize();
    await client.open('file:///work/app.js', 'javascript', code);
    const pos = positionOf(code, '403', 1);
    const md: string = (await client.hover('file:///work/app.js', pos.line, pos.character)).contents.value;
    const orgs = hoverOrganisations(md);
    assert.ok(new Set(orgs).size >= 8, orgs.join(', '));
    for (const o of ['Zalando', 'Microsoft', 'Google', 'Cloud Foundry', 'Haufe', 'Heroku']) assert.ok(orgs.some((n) => n.startsWith(o)), `${o} in ${orgs.join(', ')}`);
    assert.match(md, /\*\*Standards:\*\* \[RFC 9110: 15\.5\.4\. 403 Forbidden\]/);
  });

  it('puts the followed guideline first and marks it, and follows settings changes', async () => {
    client = new TestClient({ settings: { guidelines: { follow: ['google-aip'] } } });
    await client.initialize();
    await client.open('file:///work/app.js', 'javascript', code);
    const pos = positionOf(code, '403', 1);
    const first = (await client.hover('file:///work/app.js', pos.line, pos.character)).contents.value as string;
    assert.match(first.split('\n').find((l) => l.startsWith('- '))!, /^- ★ \[\*\*Google\*\*\]\(https:\/\/google\.aip\.dev\/?\) \*\(followed\)\* · \[.*\]\(https:\/\/google\.aip\.dev\/\d+/);
    client.settings = { guidelines: { follow: ['zalando'], hide: ['*'] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apiGuidelines: client.settings } });
    const second: string = await client.until(async () => {
      const md = (await client.hover('file:///work/app.js', pos.line, pos.character)).contents.value as string;
      return md.includes('★ [**Zalando**]') ? md : '';
    }, 'hover following zalando');
    assert.deepStrictEqual(hoverOrganisations(second), ['Zalando'], 'hide * leaves the followed guideline and the standards');
    assert.match(second, /\*\*Standards:\*\*/);
  });

  it('reports the checkable rules of followed guidelines with the rule as code and its URL as codeDescription', async () => {
    fs.writeFileSync(path.join(tmp, 'acme.md'), ACME_GUIDELINE);
    client = new TestClient({ settings: { corpus: { paths: [tmp] } } });
    await client.initialize();
    await client.open('file:///work/app.js', 'javascript', code);
    const quiet = await pull(client, 'file:///work/app.js');
    assert.deepStrictEqual(quiet.items, [], 'nothing while acme is not followed');
    client.settings = { corpus: { paths: [tmp] }, guidelines: { follow: ['acme'] } };
    const seen = refreshes(client);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apiGuidelines: client.settings } });
    await client.until(() => refreshes(client) > seen, 'workspace/diagnostic/refresh');
    const report = await pull(client, 'file:///work/app.js', quiet.resultId);
    assert.deepStrictEqual(report.items.map((d: any) => [d.code, d.severity, d.range.start, d.codeDescription?.href]), [
      ['acme/9', 2, { line: 2, character: 15 }, 'https://acme.example/guide#9'],
    ]);
    assert.match(report.items[0].message, /^302 Found is ruled out by a followed guideline \(Acme #9 MUST NOT: No redirects\)$/);
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri: 'file:///work/app.js' }, range: report.items[0].range, context: { diagnostics: report.items },
    });
    const titles = actions.map((a: any) => a.title);
    assert.ok(titles.includes('Replace with 303 See Other'), titles.join(' | '));
    assert.ok(titles.includes("Suppress 'acme/9' on this line"), titles.join(' | '));
    assert.ok(titles.some((t: string) => t === 'Open guideline: Acme #9: No redirects'), titles.join(' | '));
  });

  it('follows the built-in atlas: a redirect breaks a Zalando rule', async () => {
    client = new TestClient({ settings: { guidelines: { follow: ['zalando'] } } });
    await client.initialize();
    await client.open('file:///work/app.js', 'javascript', code);
    const report = await pull(client, 'file:///work/app.js');
    const redirect = report.items.find((d: any) => d.range.start.line === 2);
    assert.ok(redirect, JSON.stringify(report.items));
    assert.match(redirect.code, /^zalando\/\d+$/);
    assert.match(redirect.codeDescription.href, /^https:\/\/opensource\.zalando\.com\/restful-api-guidelines\/#\d+$/);
    assert.ok(!report.items.some((d: any) => d.range.start.line === 1), '403 is among the codes Zalando uses');
  });

  it('warns once about a followed guideline that no corpus has', async () => {
    client = new TestClient({ settings: { guidelines: { follow: ['zalandoo'] } } });
    await client.initialize();
    await client.open('file:///work/app.js', 'javascript', code);
    const pos = positionOf(code, '403', 1);
    await client.hover('file:///work/app.js', pos.line, pos.character);
    await client.hover('file:///work/app.js', pos.line, pos.character);
    const warnings = () => client.notifications.filter((n) => n.method === 'window/showMessage' || (n.method === 'window/logMessage' && /zalandoo/.test(n.params.message)));
    await client.until(() => warnings().length >= 2, 'a warning');
    const shown = client.notifications.filter((n) => n.method === 'window/showMessage');
    assert.strictEqual(shown.length, 1);
    assert.strictEqual(shown[0].params.type, 2);
    assert.match(shown[0].params.message, /follow names 'zalandoo'/);
  });
});
