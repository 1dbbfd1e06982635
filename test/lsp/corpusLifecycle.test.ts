import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lspClient';

const page = (id: string, name: string, description: string) =>
  `---\nlayout: topic\ntopic_id: ${id}\ntopic_category: Company\ntopic_name: ${name}\ntopic_description: '${description}'\nguidelines:\n  - guideline_id: acme\n    guideline_title: Acme API Guide\n    guideline_company: Acme\n    references:\n      - name: Redirects\n        url: https://acme.example/api#redirects\n---\n`;

describe('lsp: corpus settings and edits re-index without restart', function () {
  let client: TestClient;
  let dir: string;
  const code = 'res.status(302).end();';
  const uri = 'file:///work/app.js';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apig-corpus-'));
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function hoverText(): Promise<string> {
    const h = await client.hover(uri, 0, 12);
    // Corpus text is Markdown-escaped in hovers: compare the text a user reads.
    return (h?.contents?.value ?? '').replace(/\\(.)/g, '$1');
  }

  it('applies a changed corpus.paths setting', async () => {
    fs.writeFileSync(path.join(dir, 'found.md'), page('http-status-302', '302 Found at Acme', 'Acme says: use 303.'));
    client = new TestClient({ settings: { corpus: { paths: [], builtin: true } } });
    await client.initialize();
    await client.open(uri, 'javascript', code);
    assert.match(await hoverText(), /^### 302 Found\n/);
    client.settings = { corpus: { paths: [dir], builtin: true } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.until(async () => (await hoverText()).includes('Acme'), 'company hover');
    assert.match(await hoverText(), /Acme says: use 303/);
  });

  it('resolves relative corpus paths against the workspace folder', async () => {
    fs.mkdirSync(path.join(dir, 'guides'));
    fs.writeFileSync(path.join(dir, 'guides', 'found.md'), page('http-status-302', '302 Found at Acme', 'Relative works.'));
    client = new TestClient({ folder: dir, settings: { corpus: { paths: ['guides'], builtin: false } } });
    await client.initialize();
    await client.open(pathToFileURL(path.join(dir, 'app.js')).href, 'javascript', code);
    const h = await client.hover(pathToFileURL(path.join(dir, 'app.js')).href, 0, 12);
    assert.match(h.contents.value.replace(/\\(.)/g, '$1'), /Relative works/);
  });

  it('re-indexes a corpus file edited on disk', async () => {
    const file = path.join(dir, 'found.md');
    fs.writeFileSync(file, page('http-status-302', '302 Found at Acme', 'First version.'));
    client = new TestClient({ settings: { corpus: { paths: [dir], builtin: false } } });
    await client.initialize();
    await client.open(uri, 'javascript', code);
    assert.match(await hoverText(), /First version/);
    fs.writeFileSync(file, page('http-status-302', '302 Found at Acme', 'Second version.'));
    await client.until(async () => (await hoverText()).includes('Second version'), 'the edited description');
  });

  it('indexes the unsaved text of an open corpus page', async () => {
    const file = path.join(dir, 'found.md');
    fs.writeFileSync(file, page('http-status-302', '302 Found at Acme', 'On disk.'));
    client = new TestClient({ settings: { corpus: { paths: [dir], builtin: false } } });
    await client.initialize();
    await client.open(uri, 'javascript', code);
    assert.match(await hoverText(), /On disk/);
    const pageUri = await client.openFile(file, 'markdown');
    await client.change(pageUri, page('http-status-302', '302 Found at Acme', 'Typed, not saved.'));
    await client.until(async () => (await hoverText()).includes('Typed, not saved'), 'the unsaved description');
  });

  it('keeps serving valid topics when a corpus page is broken', async () => {
    fs.writeFileSync(path.join(dir, 'broken.md'), '---\ntopic_id: [\n---\n');
    fs.writeFileSync(path.join(dir, 'found.md'), page('http-status-302', '302 Found at Acme', 'Still here.'));
    client = new TestClient({ settings: { corpus: { paths: [dir], builtin: false } } });
    await client.initialize();
    await client.open(uri, 'javascript', code);
    assert.match(await hoverText(), /Still here/);
    const status = await client.request('apiGuidelines/status', {});
    assert.strictEqual(status.topics, 1);
    assert.strictEqual(status.problems, 1);
    assert.ok(status.problemFiles[0].uri.endsWith('broken.md'));
  });
});
