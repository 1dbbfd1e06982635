import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient, positionOf } from '../helpers/lspClient';
import { HOSTILE, activeContent, linkTargets } from '../helpers/markdownSafety';

/** One page whose text fields carry every hostile string at once. */
function hostileCorpus(dir: string): void {
  const all = JSON.stringify(HOSTILE.join(' '));
  fs.writeFileSync(path.join(dir, 'http-status-403.md'), `---
topic_id: http-status-403
topic_category: ${all}
topic_name: ${all}
topic_description: ${all}
guidelines:
  - guideline_id: evil
    guideline_title: ${all}
    guideline_company: ${all}
    guideline_url: https://evil.example/guide
    references:
      - name: ${all}
        url: command:workbench.action.quit
---
`);
}

const code = 'app.get("/x", (req, res) => res.status(403).end());';

describe('lsp: hovers from a hostile corpus over stdio', function () {
  this.timeout(60_000);
  let tmp: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-hostile-')));
    hostileCorpus(tmp);
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function hoverWith(commandLinks: boolean): Promise<string> {
    client = new TestClient({ settings: { corpus: { paths: [tmp], builtin: false } }, initializationOptions: { commandLinks } });
    await client.initialize();
    await client.open('file:///w/app.js', 'javascript', code);
    const pos = positionOf(code, '403', 1);
    const hover = await client.hover('file:///w/app.js', pos.line, pos.character);
    assert.ok(hover, 'no hover');
    return hover.contents.value;
  }

  /** The server's own links: http(s), the topic page (a file URI in the corpus folder), and maybe the search command. */
  const allowed = (command: boolean) => (href: string) =>
    /^https?:\/\//i.test(href) || href.startsWith(pathToFileURL(tmp).href + '/') || (command && href === 'command:apiGuidelines.searchTopics');

  it('renders corpus text inert and links only the search command when the client runs commands', async () => {
    const md = await hoverWith(true);
    assert.deepStrictEqual(activeContent(md, allowed(true)), []);
    assert.deepStrictEqual(linkTargets(md).filter((h) => h.startsWith('command:')), ['command:apiGuidelines.searchTopics']);
  });

  it('has no command link at all for other clients', async () => {
    const md = await hoverWith(false);
    assert.deepStrictEqual(activeContent(md, allowed(false)), []);
    assert.deepStrictEqual(linkTargets(md).filter((h) => !/^(https?|file):/.test(h)), []);
  });
});

/** Plain-text fields: one line, no control characters or bidirectional overrides. */
function assertPlain(text: unknown, what: string): void {
  if (text === undefined || text === null) return;
  assert.strictEqual(typeof text, 'string', what);
  assert.doesNotMatch(text as string, /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, `${what}: ${JSON.stringify(text)}`);
}

describe('lsp: a hostile corpus in every feature, not only hovers', function () {
  this.timeout(60_000);
  let tmp: string;
  let client: TestClient | undefined;
  const crafted = 'https://evil.example/a)[run](command:workbench.action.quit)';
  const all = JSON.stringify(HOSTILE.join(' '));

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-hostile-')));
    fs.writeFileSync(path.join(tmp, 'http-status-403.md'), `---
topic_id: http-status-403
topic_category: ${all}
topic_name: ${all}
topic_description: ${all}
topic_policy:
  severity: warning
  message: ${all}
  prefer: [404]
guidelines:
  - guideline_id: evil
    guideline_title: ${all}
    guideline_company: ${all}
    guideline_url: ${JSON.stringify(crafted)}
    references:
      - name: ${all}
        url: ${JSON.stringify(crafted + '#ref')}
---
`);
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('escapes corpus text in completion, symbols, search results, code actions, diagnostics and links', async () => {
    client = new TestClient({ settings: { corpus: { paths: [tmp], builtin: false } }, initializationOptions: { commandLinks: true } });
    await client.initialize();
    const inertOrWeb = (md: string) => assert.deepStrictEqual(activeContent(md, (href) => /^https?:\/\/\S+$/.test(href)), [], md);

    // Completion of a guideline id in a new corpus page: the guideline's URL is documentation Markdown.
    const page = '---\ntopic_id: http-status-404\ntopic_category: x\ntopic_name: x\ntopic_description: x\nguidelines:\n  - guideline_id: \n---\n';
    const pageUri = pathToFileURL(path.join(tmp, 'new.md')).href;
    await client.open(pageUri, 'markdown', page);
    const at = positionOf(page, 'guideline_id: ', 'guideline_id: '.length);
    const completion = await client.request('textDocument/completion', { textDocument: { uri: pageUri }, position: at });
    const evil = completion.items.find((i: any) => i.label === 'evil');
    assert.ok(evil, JSON.stringify(completion.items.map((i: any) => i.label)));
    for (const item of completion.items) {
      assertPlain(item.label, 'completion label');
      assertPlain(item.detail, 'completion detail');
      if (item.documentation) inertOrWeb(item.documentation.value ?? item.documentation);
    }
    // One link, all of it the https URL: no `command:` link can start inside it.
    assert.deepStrictEqual(linkTargets(evil.documentation.value), ['https://evil.example/a%29%5Brun%5D%28command:workbench.action.quit%29']);
    const category = '---\ntopic_id: http-status-404\ntopic_category: \n---\n';
    await client.change(pageUri, category);
    const categories = await client.request('textDocument/completion', { textDocument: { uri: pageUri }, position: positionOf(category, 'topic_category: ', 16) });
    assert.ok(categories.items.length > 0);
    for (const item of categories.items) {
      assertPlain(item.label, 'category label');
      assertPlain(item.textEdit.newText, 'category inserted');
    }

    // Workspace symbols and the topic search (the quick pick's data).
    const symbols = await client.request('workspace/symbol', { query: '403' });
    assert.ok(symbols.length > 0);
    for (const s of symbols) {
      assertPlain(s.name, 'symbol name');
      assertPlain(s.containerName, 'symbol container');
    }
    const found = await client.request('apiGuidelines/searchTopics', { query: '403' });
    const topic = found.find((t: any) => t.id === 'http-status-403');
    for (const field of ['id', 'name', 'category', 'description']) assertPlain(topic[field], `summary ${field}`);
    for (const g of topic.guidelines) {
      assertPlain(g.company, 'summary company');
      assertPlain(g.title, 'summary title');
      for (const r of g.references) assertPlain(r.name, 'summary reference');
    }

    // Diagnostics and code actions on the token.
    const code = 'res.status(403).end();';
    await client.open('file:///w/app.js', 'javascript', code);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: 'file:///w/app.js' } });
    assert.ok(report.items.length > 0);
    for (const d of report.items) {
      assertPlain(d.message, 'diagnostic message');
      if (d.codeDescription) assert.match(d.codeDescription.href, /^(https?|file):/);
    }
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri: 'file:///w/app.js' }, range: report.items[0].range, context: { diagnostics: report.items },
    });
    assert.ok(actions.length > 0);
    for (const a of actions) assertPlain(a.title, 'code action title');

    // Document links of the corpus page itself: http(s) targets only, as given.
    const pagePath = path.join(tmp, 'http-status-403.md');
    const ownUri = await client.openFile(pagePath, 'markdown');
    const links = await client.request('textDocument/documentLink', { textDocument: { uri: ownUri } });
    for (const l of links) assert.match(l.target, /^(https?:\/\/|file:)/);
  });
});
