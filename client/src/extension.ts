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
import { SUPPORTED_LANGUAGES } from '../../server/src/settings';
import { Commands, TRUSTED_COMMANDS, registerCommands } from './commands';
import { registerMcpServer } from './mcpServerProvider';
import { RestartPolicy } from './restartPolicy';
import { CorpusStatusBar } from './statusBar';
import { scopeUri } from './topicSearch';
import { DEFAULT_WATCHDOG_TIMING, Watchdog } from './watchdog';

let client: LanguageClient | undefined;
const MARKDOWN = 'markdown';
/** A context key: the active editor shows a corpus page. */
const CORPUS_PAGE_CONTEXT = 'apiGuidelines.corpusPage';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('API Guidelines', { log: true });
  const statusBar = new CorpusStatusBar(Commands.searchTopics);
  context.subscriptions.push(output, statusBar);
  // Before the language client starts: agent mode may ask for the MCP server without any file open.
  registerMcpServer(context, output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  let defaultErrorHandler: ErrorHandler | undefined;
  const policy = new RestartPolicy();
  const watchdog = new Watchdog({ ping: () => lc.sendRequest(Requests.ping), hung: () => killHungServer(lc, policy, output) });
  const clientOptions: LanguageClientOptions = {
    // Files and unsaved editors only: not the `git:` side of diff views, which would report everything twice.
    // Markdown too: the server tells corpus pages (in a corpus folder, or with topic front matter) from other Markdown,
    // which it leaves alone; corpus pages keep the language `markdown`, so Markdown preview and tooling work there.
    documentSelector: [...SUPPORTED_LANGUAGES, MARKDOWN].flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    // A function: evaluated again on each (re)start, so granting trust takes effect after the restart.
    initializationOptions: () => ({
      commandLinks: true,
      builtinCorpusPath: context.asAbsolutePath('corpus'),
      untrustedWorkspace: !vscode.workspace.isTrusted,
    }),
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: TRUSTED_COMMANDS } },
    errorHandler: restartByPolicy(policy, output, () => defaultErrorHandler!),
    middleware: {
      // Every request the features send is watched: one pending too long makes the watchdog ping the server.
      sendRequest: (type, param, token, next) => {
        const request = next(type, param, token);
        return (typeof type === 'string' ? type : type.method) === Requests.ping ? request : watchdog.track(request);
      },
      // Completion and links are corpus authoring features: source files need no round trip for them.
      provideCompletionItem: (document, position, ctx, token, next) =>
        document.languageId === MARKDOWN ? next(document, position, ctx, token) : undefined,
      provideDocumentLinks: (document, token, next) => (document.languageId === MARKDOWN ? next(document, token) : undefined),
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
      // The Re-index button in the title bar of corpus pages.
      void vscode.commands.executeCommand('setContext', CORPUS_PAGE_CONTEXT, !!status.corpusPage);
    } catch (e) {
      if (lc.state === State.Running) statusBar.showFailure((e as Error).message);
    }
  };
  context.subscriptions.push(
    watchdog,
    lc.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        watchdog.serverStarted();
        void refreshStatus('API Guidelines: indexing the corpus');
      } else {
        watchdog.serverStopped();
        statusBar.showIndexing();
      }
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

/** Restarts a server that went away as RestartPolicy decides; the user hears once per cause, the output every time. */
function restartByPolicy(policy: RestartPolicy, output: vscode.OutputChannel, fallback: () => ErrorHandler): ErrorHandler {
  return {
    error: (error, message, count) => fallback().error(error, message, count),
    closed: () => {
      const decision = policy.serverStopped(Date.now());
      if (decision.notify) {
        const show = decision.restart ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
        void show(decision.notify, 'Show Output').then((choice) => choice && output.show(true));
      }
      // handled: the client logs our message to the output and shows no notification of its own.
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.log, handled: true };
    },
  };
}

/** Kills the unresponsive server process: the connection closes and the client restarts it like a crashed one. */
function killHungServer(lc: LanguageClient, policy: RestartPolicy, output: vscode.LogOutputChannel): void {
  const { misses, timeoutMs } = DEFAULT_WATCHDOG_TIMING;
  const server = lc.serverProcess;
  output.warn(`The language server did not answer ${misses} pings in a row (${timeoutMs / 1000} s each): stopping process ${server?.pid}.`);
  // stop() would wait for a shutdown answer that never comes; SIGKILL also ends a stopped (SIGSTOP) process.
  if (server?.kill('SIGKILL')) policy.serverHung();
  else output.error('The language server process could not be stopped; reload the window to restart it.');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
