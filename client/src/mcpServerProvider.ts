/** Offers the MCP server to VS Code's agent mode (the MCP server definition provider API, VS Code 1.101+). */
import * as vscode from 'vscode';
import { mcpServerArgs } from './mcpLaunch';

/** The id under `contributes.mcpServerDefinitionProviders` in package.json. */
export const MCP_PROVIDER_ID = 'apiGuidelines.mcpServers';
const LABEL = 'API Guidelines';

/** Registers the provider where the API exists (older hosts and forks without it get nothing, and no error). */
export function registerMcpServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof vscode.McpStdioServerDefinition !== 'function') {
    output.info('This editor has no MCP server definition API: the MCP server is not offered to agents.');
    return;
  }
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => definitions(context),
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('apiGuidelines')) changed.fire();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
  );
  output.info(`Agent mode: the MCP server is offered as "${LABEL}" (apiGuidelines.mcp.enabled turns it off).`);
}

function definitions(context: vscode.ExtensionContext): vscode.McpStdioServerDefinition[] {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration('apiGuidelines', folder?.uri);
  if (!config.get<boolean>('mcp.enabled', true)) return [];
  const args = mcpServerArgs(context.asAbsolutePath('dist/cli.js'), {
    corpusPaths: config.get<string[]>('corpus.paths', []),
    builtin: config.get<boolean>('corpus.builtin', true),
    follow: config.get<string[]>('guidelines.follow', []),
    hide: config.get<string[]>('guidelines.hide', []),
    rules: config.get<Record<string, unknown>>('diagnostics.rules', {}),
  }, vscode.workspace.isTrusted);
  // The editor's own Node.js runs the CLI: users need no Node.js of their own (in VS Code it is Electron, run as Node).
  const definition = new vscode.McpStdioServerDefinition(LABEL, process.execPath, args, { ELECTRON_RUN_AS_NODE: '1' }, String(context.extension.packageJSON.version ?? ''));
  // Relative corpus paths and check_files paths are the first folder's, as in the editor.
  if (folder?.uri.scheme === 'file') definition.cwd = folder.uri;
  return [definition];
}
