import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { TestClient, positionOf } from '../helpers/lspClient';
import { repoRoot } from '../helpers/testEnv';

const vsix = path.join(repoRoot, 'api-guidelines.vsix');

/** The entries of a zip file (stored or deflated), read from its central directory. */
function readZip(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** What package.json's files allow-list lets into the package (vsce adds the manifest files and renames LICENSE). */
const ALLOWED = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|LICENSE\.txt|(README|readme)\.md|images\/icon\.png|dist\/(extension|server|cli|checkWorker|mcp|libYaml|libGrayMatter|libJsYaml)\.js|dist\/builtin-corpus\.json|corpus\/.+\.md))$/;

describe('lsp: the packaged extension (.vsix)', function () {
  let entries: Map<string, Buffer>;
  let unpacked: string;
  let client: TestClient | undefined;

  before(function () {
    // Built by `npm run package`; CI and the code-server e2e tests build it, a plain test run may not have.
    if (!fs.existsSync(vsix)) this.skip();
    entries = readZip(vsix);
    unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-vsix-'));
    for (const [name, data] of entries) {
      if (name.endsWith('/')) continue;
      fs.mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
      fs.writeFileSync(path.join(unpacked, name), data);
    }
  });
  afterEach(async () => client?.stop());
  after(() => {
    if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
  });

  it('holds only the bundles, the corpus, README, LICENSE and icon', () => {
    const names = [...entries.keys()].filter((n) => !n.endsWith('/'));
    assert.deepStrictEqual(names.filter((n) => !ALLOWED.test(n)), []);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/corpus/topics/http-status-403.md', 'extension/images/icon.png']) {
      assert.ok(entries.has(needed), needed);
    }
    const bundles = names.filter((n) => n.startsWith('extension/dist/'));
    for (const b of bundles) assert.doesNotMatch(entries.get(b)!.toString('utf8').slice(-500), /sourceMappingURL/, `${b} is a production bundle`);
  });

  it('points its manifest at files that are in the package', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    const inPackage = (p: string) => entries.has(`extension/${path.posix.normalize(p)}`);
    assert.ok(inPackage(manifest.main), manifest.main);
    assert.ok(inPackage(manifest.icon), manifest.icon);
    for (const g of manifest.contributes.grammars ?? []) assert.ok(inPackage(g.path), g.path);
    // Corpus pages stay Markdown: the extension claims no file type of its own.
    assert.strictEqual(manifest.contributes.languages, undefined);
  });

  it('serves hovers from the built-in corpus at <extension>/corpus', async () => {
    const env = { ...process.env, API_GUIDELINES_BUILTIN_CORPUS: undefined };
    client = new TestClient({ serverPath: path.join(unpacked, 'extension', 'dist', 'server.js'), env });
    await client.initialize();
    const text = 'app.get("/x", (req, res) => res.status(403).end());';
    await client.open('file:///work/app.js', 'javascript', text);
    const pos = positionOf(text, '403', 1);
    const hover = await client.hover('file:///work/app.js', pos.line, pos.character);
    assert.match(hover?.contents.value ?? '', /^### 403 Forbidden/);
    assert.match(hover.contents.value, /RFC 9110/);
    // The build's compile of the packaged corpus serves it, although unpacking gave every page a new time.
    const pages = [...entries.keys()].filter((n) => /^extension\/corpus\/.+\.md$/.test(n)).length;
    const server = client;
    const logged = await server.until(() => server.notifications.find((n) => n.method === 'window/logMessage' && /^Indexed /.test(n.params.message)), 'the indexing log line');
    assert.match(logged!.params.message, new RegExp(`; ${pages} file\\(s\\) from the build's compile\\)$`));
    const page = /\[topic page\]\((file:[^)]+)\)/.exec(hover.contents.value)?.[1];
    assert.ok(page, 'the hover links the topic page');
    assert.ok(decodeURIComponent(page).includes(`${unpacked}/extension/corpus/topics/http-status-403.md#L`), page);
  });
});
