/** The VS Code client: starts the bundled language server and wires the extension's commands. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SUPPORTED_LANGUAGES } from '../../server/src/settings';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SUPPORTED_LANGUAGES.map((language) => ({ language })),
    initializationOptions: { commandLinks: true, builtinCorpusPath: context.asAbsolutePath('corpus') },
    outputChannelName: 'API Guidelines',
  };
  client = new LanguageClient('apiGuidelines', 'API Guidelines', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
