import * as assert from 'assert';
import { TestClient, positionOf } from '../helpers/lspClient';
import { requireShared, sharedPath } from '../helpers/testEnv';

const express = `const express = require('express');
const app = express();
app.get('/secret', (req, res) => {
  res.status(403).json({ error: 'forbidden' });
});
`;

describe('lsp: hover over stdio', function () {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('shows the API Stylebook guidelines for res.status(403)', async function () {
    requireShared(this);
    client = new TestClient({ settings: { corpus: { paths: [sharedPath('corpora', 'apistylebook')], builtin: false } } });
    const init = await client.initialize();
    assert.ok(init.capabilities.hoverProvider);
    await client.open('file:///work/app.js', 'javascript', express);
    const pos = positionOf(express, '403', 1);
    const hover = await client.hover('file:///work/app.js', pos.line, pos.character);
    assert.ok(hover, 'no hover');
    const md: string = hover.contents.value;
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(md, /^### 403 Forbidden/);
    assert.match(md, /HTTP Status User Error/);
    assert.match(md, /refusing to respond to it/);
    for (const company of ['Cloud Foundry', 'Haufe', 'Heroku', 'Zalando']) assert.ok(md.includes(`**${company}**`), company);
    assert.ok(md.includes('(https://github.com/cloudfoundry/cc-api-v3-style-guide#client-errors)'));
    assert.deepStrictEqual(hover.range, { start: { line: pos.line, character: pos.character - 1 }, end: { line: pos.line, character: pos.character + 2 } });
  });

  it('uses the built-in corpus with no configuration', async () => {
    client = new TestClient();
    await client.initialize();
    const text = 'return ResponseEntity.status(HttpStatus.FORBIDDEN).build();';
    await client.open('file:///work/A.java', 'java', text);
    const pos = positionOf(text, 'FORBIDDEN', 2);
    const hover = await client.hover('file:///work/A.java', pos.line, pos.character);
    assert.match(hover.contents.value, /^### 403 Forbidden/);
    assert.match(hover.contents.value, /RFC 9110/);
    assert.match(hover.contents.value, /rfc9110\.html#section-15\.5\.4/);
  });

  it('answers null away from any token', async () => {
    client = new TestClient();
    await client.initialize();
    await client.open('file:///work/app.js', 'javascript', express);
    assert.strictEqual(await client.hover('file:///work/app.js', 0, 3), null);
  });
});
