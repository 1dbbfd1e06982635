import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient } from '../helpers/lspClient';

const page = (id: string, name: string) => `---\ntopic_id: ${id}\ntopic_category: Company\ntopic_name: ${name}\ntopic_description: About ${name}.\n---\n`;

describe('lsp: corpus folders and queries the server bounds', function () {
  this.timeout(120_000);
  let client: TestClient | undefined;
  const made: string[] = [];
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  it('walks `corpus.paths: ["/"]` within its limits, says which limit stopped it, and keeps answering', async () => {
    client = new TestClient({ settings: { corpus: { paths: ['/'], builtin: true } } });
    await client.initialize();
    const status = await client.request('apiGuidelines/status', {});
    assert.deepStrictEqual(status.roots.slice(1), ['/']);
    assert.ok(status.watchedFolders <= 5_000 * status.roots.length, `${status.watchedFolders} folders watched`);
    assert.ok(status.topics > 0, 'the built-in corpus still served');
    const warning = await client.until(() => client!.notifications.find((n) => n.method === 'window/showMessage' && /Corpus folder \/: /.test(n.params.message)), 'the limit warning');
    assert.match(warning!.params.message, /More than 5000 folders|More than 50000 files|took over 10 s|levels below/);
    assert.strictEqual(await client.request('apiGuidelines/ping', null), null);
  });

  it('answers a 2 MB workspace/symbol query from its first characters', async () => {
    client = new TestClient();
    await client.initialize();
    const symbols = await client.request('workspace/symbol', { query: '404 ' + 'zqj '.repeat(700_000) });
    assert.deepStrictEqual(symbols, [], 'the words within 256 characters are all used (zqj matches nothing)');
    const cut = await client.request('workspace/symbol', { query: '404' + ' '.repeat(300) + 'x'.repeat(2 * 1024 * 1024) });
    assert.ok(cut.some((s: any) => /^404 /.test(s.name)), 'what follows the first 256 characters is ignored');
  });

  it('holds one corpus set and its watchers after corpus.paths changed 100 times', async () => {
    const a = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apig-bounds-')));
    made.push(a);
    for (const sub of ['x', 'y']) {
      fs.mkdirSync(path.join(a, sub));
      fs.writeFileSync(path.join(a, sub, `${sub}.md`), page(`t-${sub}`, `Topic ${sub}`));
    }
    client = new TestClient({ settings: { corpus: { paths: [], builtin: false } } });
    await client.initialize();
    await client.open('file:///w/app.js', 'javascript', 'res.status(404).end();');
    for (let i = 0; i < 100; i++) {
      client.settings = { corpus: { paths: [i % 2 ? a : path.join(a, 'x'), `${a}/../${path.basename(a)}/y`.repeat(1)].slice(0, 1 + (i % 3 === 0 ? 1 : 0)), builtin: false } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.request('textDocument/hover', { textDocument: { uri: 'file:///w/app.js' }, position: { line: 0, character: 12 } });
    }
    client.settings = { corpus: { paths: [a], builtin: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const status = await client.until(async () => {
      const s = await client!.request('apiGuidelines/status', {});
      return s.loadedCorpora === 1 && s.watchedFolders === 3 ? s : undefined;
    }, 'one corpus set with three watched folders', 10_000);
    assert.strictEqual(status.topics, 2);
  });
});
