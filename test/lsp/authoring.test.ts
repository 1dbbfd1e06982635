import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient, positionOf } from '../helpers/lspClient';
import { builtinCorpus } from '../helpers/testEnv';

const page = `---
layout: topic
topic_id: acme-errors
topic_category: Design
topic_name: Acme errors
topic_description: How Acme reports errors.
guidelines:
  - guideline_id: rfc9457
    references:
      - name: Problem details
        url: https://www.rfc-editor.org/rfc/rfc9457.html#section-3
  - guideline_id: 
---
Body text.
`;
const uri = 'file:///work/acme/topics/acme-errors.md';
/** Markdown without its escapes, so that assertions do not depend on which characters get escaped. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

describe('lsp: corpus authoring over stdio', function () {
  let client: TestClient;
  afterEach(async () => client?.stop());

  beforeEach(async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.deepStrictEqual(init.capabilities.completionProvider?.triggerCharacters, [':', ' ']);
    assert.ok(init.capabilities.documentLinkProvider);
  });

  it('completes guideline ids of the built-in corpus after `guideline_id:`', async () => {
    await client.open(uri, 'markdown', page);
    const pos = positionOf(page, '- guideline_id: \n', 16);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: pos });
    const rfc = list.items.find((i: any) => i.label === 'rfc9110');
    assert.ok(rfc, list.items.map((i: any) => i.label).join(','));
    assert.strictEqual(rfc.detail, 'IETF — RFC 9110: HTTP Semantics');
    assert.deepStrictEqual(rfc.textEdit.range, { start: pos, end: pos });
  });

  it('completes field names, and nothing in source files', async () => {
    const text = page.replace('topic_name: Acme errors\n', 'topic_n\n');
    await client.open(uri, 'markdown', text);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'topic_n\n', 7) });
    assert.strictEqual(list.items[0].label, 'topic_name');
    assert.strictEqual(list.items[0].textEdit.newText, 'topic_name: ');
    await client.open('file:///work/app.js', 'javascript', 'res.status(403)');
    assert.strictEqual(await client.request('textDocument/completion', { textDocument: { uri: 'file:///work/app.js' }, position: { line: 0, character: 4 } }), null);
  });

  it('hovers a guideline id and jumps to its guideline page', async () => {
    await client.open(uri, 'markdown', page);
    const pos = positionOf(page, 'rfc9457', 3);
    const hover = await client.hover(uri, pos.line, pos.character);
    assert.match(plain(hover.contents.value), /^### RFC 9457: Problem Details for HTTP APIs/);
    assert.match(plain(hover.contents.value), /Cited by \d+ topics/);
    const def = await client.request('textDocument/definition', { textDocument: { uri }, position: pos });
    assert.strictEqual(def.uri, pathToFileURL(path.join(builtinCorpus, 'guidelines', 'rfc9457.md')).href);
  });

  it('links reference URLs and guideline ids in topic pages, also in Markdown files of a corpus root', async () => {
    await client.open(uri, 'markdown', page);
    const links = await client.request('textDocument/documentLink', { textDocument: { uri } });
    assert.deepStrictEqual(links.map((l: any) => l.target), [
      `${pathToFileURL(path.join(builtinCorpus, 'guidelines', 'rfc9457.md')).href}#L5`,
      'https://www.rfc-editor.org/rfc/rfc9457.html#section-3',
    ]);
    const builtinPage = await client.openFile(path.join(builtinCorpus, 'topics', 'http-status-403.md'), 'markdown');
    const builtinLinks = await client.request('textDocument/documentLink', { textDocument: { uri: builtinPage } });
    assert.ok(builtinLinks.some((l: any) => l.target === 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4'));
    const elsewhere = 'file:///work/notes/acme-errors.md';
    await client.open(elsewhere, 'markdown', page);
    assert.strictEqual((await client.request('textDocument/documentLink', { textDocument: { uri: elsewhere } })).length, 2, 'topic front matter outside a corpus folder');
  });

  it('leaves ordinary Markdown alone: no links, completion, hover, definition or diagnostics, even in topics/ or guidelines/ folders', async () => {
    const readme = '# Errors\n\nWe answer `403` when [the token](https://example.com/token) lacks a scope; see res.status(499).\n';
    for (const uri of ['file:///work/docs/topics/errors.md', 'file:///work/guidelines/README.md', 'file:///work/corpus/notes.md']) {
      await client.open(uri, 'markdown', readme);
      const at = positionOf(readme, '403', 1);
      assert.deepStrictEqual(await client.request('textDocument/documentLink', { textDocument: { uri } }), [], uri);
      assert.strictEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }), null, uri);
      assert.strictEqual(await client.hover(uri, at.line, at.character), null, uri);
      assert.strictEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: at }), null, uri);
      assert.deepStrictEqual((await client.request('textDocument/diagnostic', { textDocument: { uri } })).items, [], uri);
    }
  });

  it('tells the client whether the active document is a corpus page (the Re-index button)', async () => {
    await client.open(uri, 'markdown', page);
    await client.open('file:///work/README.md', 'markdown', '# Hello\n');
    assert.strictEqual((await client.request('apiGuidelines/status', { uri })).corpusPage, true);
    assert.strictEqual((await client.request('apiGuidelines/status', { uri: 'file:///work/README.md' })).corpusPage, false);
    const builtinPage = await client.openFile(path.join(builtinCorpus, 'guidelines', 'rfc9110.md'), 'markdown');
    assert.strictEqual((await client.request('apiGuidelines/status', { uri: builtinPage })).corpusPage, true);
  });
});
