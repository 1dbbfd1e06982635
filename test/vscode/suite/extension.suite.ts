/** The extension in a real VS Code: hover, definition, diagnostics, workspace symbols, corpus authoring, commands. */
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'api-guidelines.api-guidelines';
const COMMANDS = ['apiGuidelines.searchTopics', 'apiGuidelines.openReference', 'apiGuidelines.reindex', 'apiGuidelines.showOutput'];

function fixture(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...parts);
}

/** Polls until `check` gives a truthy value: the server may still be starting or indexing. */
async function until<T>(check: () => Thenable<T | undefined> | T | undefined, what: string, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await until(async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    return found.length ? found : undefined;
  }, `a hover in ${doc.uri.path}`);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('VS Code: the API Guidelines extension', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
  });

  it('registers its commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of COMMANDS) assert.ok(all.has(c), c);
  });

  it('hovers a 403 literal with the topic and its guidelines', async () => {
    const doc = await open(fixture('src', 'app.js'));
    const text = await hoverText(doc, positionOf(doc, '403', 1));
    assert.match(text, /403 Forbidden/);
    assert.match(text, /RFC 9110/);
    assert.match(text, /command:apiGuidelines\.searchTopics/);
  });

  it('hovers HttpStatus.FORBIDDEN in Java', async () => {
    const doc = await open(fixture('src', 'Api.java'));
    assert.match(await hoverText(doc, positionOf(doc, 'FORBIDDEN', 2)), /403 Forbidden/);
  });

  it('goes from a status code to its topic page', async () => {
    const doc = await open(fixture('src', 'app.js'));
    const locations = await until(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, '403', 1));
      return found.length ? found : undefined;
    }, 'a definition');
    const target = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.match(target.path, /\/corpus\/topics\/http-status-403\.md$/);
  });

  it('reports diagnostics for source files and for corpus pages', async () => {
    const app = await open(fixture('src', 'app.js'));
    const inSource = await until(() => vscode.languages.getDiagnostics(app.uri).find((d) => d.source === 'api-guidelines'), 'a diagnostic in app.js');
    assert.strictEqual(inSource.range.start.line, positionOf(app, '305').line);
    const broken = await open(fixture('corpus', 'topics', 'broken.md'));
    assert.strictEqual(broken.languageId, 'markdown', 'corpus pages stay Markdown');
    const inPage = await until(() => vscode.languages.getDiagnostics(broken.uri).find((d) => d.code === 'missing-field'), 'a corpus problem in broken.md');
    assert.match(inPage.message, /topic_name/);
  });

  it('serves the topic search as workspace symbols, the folder corpus included', async () => {
    const symbols = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'pagination');
      return found.length ? found : undefined;
    }, 'workspace symbols');
    assert.ok(symbols.some((s) => /pagination/i.test(s.name)), symbols.map((s) => s.name).join(', '));
    const acme = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'acme');
    assert.ok(acme.some((s) => s.name === 'Acme error responses'), acme.map((s) => s.name).join(', '));
  });

  it('completes guideline ids and hovers them in corpus pages', async () => {
    const content = '---\nlayout: topic\ntopic_id: t\ntopic_category: C\ntopic_name: T\ntopic_description: D\nguidelines:\n  - guideline_id: \n---\n';
    // An unsaved Markdown document: its topic front matter makes it a corpus page.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    const list = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, 'guideline_id: \n', 14));
      return found.items.some((i) => i.label === 'rfc9110') ? found : undefined;
    }, 'guideline id completion');
    assert.ok(list.items.length >= 10);
    const page = await open(fixture('corpus', 'topics', 'acme-errors.md'));
    assert.match(await hoverText(page, positionOf(page, 'rfc9457', 2)), /RFC 9457/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', page.uri);
    assert.ok(links.some((l) => l.target?.toString().startsWith('https://www.rfc-editor.org/rfc/rfc9457.html')));
  });

  it('re-indexes on command', async () => {
    await vscode.commands.executeCommand('apiGuidelines.reindex');
    const doc = await open(fixture('src', 'app.js'));
    assert.match(await hoverText(doc, positionOf(doc, '403', 1)), /403 Forbidden/);
  });
});
