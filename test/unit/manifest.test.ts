import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/features/diagnostics';
import { CORPUS_LANGUAGE, DEFAULT_SETTINGS, SUPPORTED_LANGUAGES } from '../../server/src/settings';
import { repoRoot } from '../helpers/testEnv';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const properties: Record<string, any> = contributes.configuration.properties;

/** `apiGuidelines.corpus.paths`, … : every leaf of the settings type, as VS Code names them. */
function settingNames(value: object, prefix = 'apiGuidelines'): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length && k !== 'rules' ? settingNames(v, `${prefix}.${k}`) : [`${prefix}.${k}`]);
}

function clientSource(file: string): string {
  return fs.readFileSync(path.join(repoRoot, 'client', 'src', file), 'utf8');
}

describe('the extension manifest (package.json)', () => {
  it('declares every setting of settings.ts with a description, a default and a scope', () => {
    const names = [...settingNames(DEFAULT_SETTINGS), 'apiGuidelines.trace.server', 'apiGuidelines.mcp.enabled'];
    assert.ok(names.length >= 8, names.join());
    assert.deepStrictEqual(Object.keys(properties).sort(), names.sort());
    for (const [name, p] of Object.entries(properties)) {
      assert.ok(p.description || p.markdownDescription, `${name} has no description`);
      assert.ok(['window', 'resource', 'machine-overridable', 'language-overridable'].includes(p.scope), `${name} scope ${p.scope}`);
      assert.ok('default' in p, `${name} has no default`);
    }
    assert.strictEqual(properties['apiGuidelines.corpus.paths'].scope, 'resource', 'per-folder corpora in multi-root workspaces');
    assert.deepStrictEqual(properties['apiGuidelines.corpus.paths'].default, DEFAULT_SETTINGS.corpus.paths);
    assert.strictEqual(properties['apiGuidelines.corpus.builtin'].default, DEFAULT_SETTINGS.corpus.builtin);
  });

  it('names every diagnostic rule in the schema of apiGuidelines.diagnostics.rules', () => {
    const schema = properties['apiGuidelines.diagnostics.rules'];
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), RULES.map((r) => r.id).sort());
  });

  it('keeps workspace corpus folders out of untrusted workspaces', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.deepStrictEqual(trust.restrictedConfigurations, ['apiGuidelines.corpus.paths']);
    assert.match(clientSource('extension.ts'), /untrustedWorkspace: !vscode\.workspace\.isTrusted/);
  });

  it('activates on every language the server understands and on Markdown, and contributes no language of its own', () => {
    const expected = [...SUPPORTED_LANGUAGES, 'markdown'].map((l) => `onLanguage:${l}`);
    assert.deepStrictEqual(manifest.activationEvents.filter((e: string) => e.startsWith('onLanguage:')), expected);
    // A language with filenamePatterns would take over Markdown files (preview, Markdown extensions) in every repository.
    assert.strictEqual(contributes.languages, undefined);
    assert.strictEqual(contributes.grammars, undefined);
    assert.ok(!JSON.stringify(manifest).includes(CORPUS_LANGUAGE), 'no trace of the former corpus language');
    assert.match(clientSource('extension.ts'), /documentSelector: \[\.\.\.SUPPORTED_LANGUAGES, MARKDOWN\]/);
    const menus = contributes.menus;
    assert.strictEqual(menus['editor/title'].find((m: any) => m.command === 'apiGuidelines.reindex').when, 'apiGuidelines.corpusPage');
    assert.match(clientSource('extension.ts'), /const CORPUS_PAGE_CONTEXT = 'apiGuidelines\.corpusPage'/);
  });

  it('contributes the commands the client registers, with the titles the e2e tests use', () => {
    const declared = contributes.commands.map((c: any) => c.command).sort();
    const registered = [...new Set(clientSource('commands.ts').match(/'apiGuidelines\.\w+'/g)!.map((s) => s.slice(1, -1)))].sort();
    assert.deepStrictEqual(declared, registered);
    const titles = Object.fromEntries(contributes.commands.map((c: any) => [c.command, `${c.category}: ${c.title}`]));
    assert.strictEqual(titles['apiGuidelines.searchTopics'], 'API Guidelines: Search Topics');
    assert.strictEqual(titles['apiGuidelines.reindex'], 'API Guidelines: Re-index Corpus');
    assert.strictEqual(titles['apiGuidelines.openReference'], 'API Guidelines: Open Guideline Reference');
    assert.deepStrictEqual(contributes.keybindings, [{ command: 'apiGuidelines.searchTopics', key: 'ctrl+alt+g', mac: 'cmd+alt+g' }]);
    // The hover's `command:` link must be one of the commands the client trusts.
    const hoverCommand = /searchCommand: ctx\.initOptions\.commandLinks \? '([\w.]+)'/.exec(fs.readFileSync(path.join(repoRoot, 'server/src/lsp/hoverHandler.ts'), 'utf8'))?.[1];
    assert.ok(hoverCommand && declared.includes(hoverCommand), hoverCommand);
  });

  it('packages an allow-list (package.json files, for npm and vsce alike) that holds what the manifest points at', () => {
    assert.ok(!fs.existsSync(path.join(repoRoot, '.vscodeignore')), 'vsce refuses a .vscodeignore next to "files"');
    const allowed: string[] = manifest.files;
    const covered = (p: string) => allowed.some((a) => a === p || (a.endsWith('/**/*.md') && p.startsWith(a.slice(0, -'**/*.md'.length)) && p.endsWith('.md')));
    for (const p of [manifest.main, manifest.icon, manifest.bin['api-guidelines'], 'corpus/topics/http-status-403.md', 'dist/server.js', 'dist/checkWorker.js', 'README.md', 'LICENSE']) {
      const rel = path.posix.normalize(p);
      assert.ok(covered(rel), `${rel} is not in package.json's files`);
      if (!rel.startsWith('dist/')) assert.ok(fs.existsSync(path.join(repoRoot, rel)), `${rel} is missing`);
    }
    assert.match(manifest.scripts.package, /vsce package --no-dependencies/);
  });

  it('offers the MCP server to agent mode: the provider the client registers, on the engine that has the API', () => {
    assert.deepStrictEqual(contributes.mcpServerDefinitionProviders, [{ id: 'apiGuidelines.mcpServers', label: 'API Guidelines' }]);
    assert.match(clientSource('mcpServerProvider.ts'), /export const MCP_PROVIDER_ID = 'apiGuidelines\.mcpServers'/);
    // VS Code derives the activation event onMcpCollection:apiGuidelines.mcpServers from the contribution.
    // vscode.lm.registerMcpServerDefinitionProvider is final since 1.101; vscode-languageclient 11 needs 1.91.
    assert.strictEqual(manifest.engines.vscode, '^1.101.0');
    assert.strictEqual(manifest.devDependencies['@types/vscode'], '1.101');
    assert.strictEqual(properties['apiGuidelines.mcp.enabled'].default, true);
    assert.ok(manifest.files.includes('dist/mcp.js') && manifest.files.includes('dist/cli.js'));
  });
});
