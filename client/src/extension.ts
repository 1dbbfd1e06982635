/** The VS Code client: starts the bundled language server, then wires the commands, the status bar and the topic search. */
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { Notifications, Requests, type CorpusStatus } from '../../server/src/protocol';
import { CORPUS_LANGUAGE, SUPPORTED_LANGUAGES } from '../../server/src/settings';
import { Commands, TRUSTED_COMMANDS, registerCommands } from './commands';
import { CorpusStatusBar } from './statusBar';
import { scopeUri } from './topicSearch';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('API Guidelines', { log: true });
  const statusBar = new CorpusStatusBar(Commands.searchTopics);
  context.subscriptions.push(output, statusBar);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  let defaultErrorHandler: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    // Files and unsaved editors only: not the `git:` side of diff views, which would report everything twice.
    documentSelector: [...SUPPORTED_LANGUAGES, CORPUS_LANGUAGE].flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    // A function: evaluated again on each (re)start, so granting trust takes effect after the restart.
    initializationOptions: () => ({
      commandLinks: true,
      builtinCorpusPath: context.asAbsolutePath('corpus'),
      untrustedWorkspace: !vscode.workspace.isTrusted,
    }),
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: TRUSTED_COMMANDS } },
    errorHandler: tellOnceAboutRestarts(output, () => defaultErrorHandler!),
    middleware: {
      // Completion and links are corpus authoring features: source files need no round trip for them.
      provideCompletionItem: (document, position, ctx, token, next) =>
        document.languageId === CORPUS_LANGUAGE ? next(document, position, ctx, token) : undefined,
      provideDocumentLinks: (document, token, next) => (document.languageId === CORPUS_LANGUAGE ? next(document, token) : undefined),
    },
  };
  const lc = new LanguageClient('apiGuidelines', 'API Guidelines', serverOptions, clientOptions);
  client = lc;
  defaultErrorHandler = lc.createDefaultErrorHandler();
  registerCommands(context, { client: () => lc, output, statusBar });

  const refreshStatus = async (title?: string) => {
    if (lc.state !== State.Running) return;
    const request = () => lc.sendRequest<CorpusStatus>(Requests.status, { uri: scopeUri() });
    try {
      const status = title ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, request) : await request();
      statusBar.showStatus(status);
    } catch (e) {
      if (lc.state === State.Running) statusBar.showFailure((e as Error).message);
    }
  };
  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      if (e.newState === State.Running) void refreshStatus('API Guidelines: indexing the corpus');
      else statusBar.showIndexing();
    }),
    lc.onNotification(Notifications.corpusChanged, () => void refreshStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('apiGuidelines.corpus')) void refreshStatus('API Guidelines: indexing the corpus');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('Workspace trusted: restarting the server to load the workspace corpus settings.');
      void lc.restart();
    }),
  );
  await lc.start();
}

/** The client restarts a crashed server by itself (a few times); the user hears about it once, not on every crash. */
function tellOnceAboutRestarts(output: vscode.OutputChannel, fallback: () => ErrorHandler): ErrorHandler {
  let told = false;
  return {
    error: (error, message, count) => fallback().error(error, message, count),
    closed: async () => {
      const result = await fallback().closed();
      if (result.action === CloseAction.Restart && !told) {
        told = true;
        void vscode.window
          .showWarningMessage('The API Guidelines server stopped unexpectedly and was restarted.', 'Show Output')
          .then((choice) => choice && output.show(true));
      }
      return result;
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
