/** The extension's commands: search topics, open a guideline reference, re-index the corpus, show the output. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests, type CorpusStatus } from '../../server/src/protocol';
import type { CorpusStatusBar } from './statusBar';
import { isOpenableUrl, notificationText } from './topicItems';
import { scopeUri, searchTopics } from './topicSearch';

export const Commands = {
  searchTopics: 'apiGuidelines.searchTopics',
  openReference: 'apiGuidelines.openReference',
  reindex: 'apiGuidelines.reindex',
  showOutput: 'apiGuidelines.showOutput',
} as const;

/** Commands that Markdown from the server (hovers) may run; every other `command:` link stays inert. */
export const TRUSTED_COMMANDS = [Commands.searchTopics, Commands.openReference];

export interface CommandDeps {
  client: () => BaseLanguageClient;
  output: vscode.OutputChannel;
  statusBar: CorpusStatusBar;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const openReference = async (url?: unknown): Promise<void> => {
    if (url === undefined) return searchTopics(deps.client(), openReference);
    if (!isOpenableUrl(url)) {
      void vscode.window.showWarningMessage(`API Guidelines opens http(s) links only; not opened: ${notificationText(String(url).slice(0, 100))}`);
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.searchTopics, (query?: unknown) =>
      searchTopics(deps.client(), openReference, typeof query === 'string' ? query : '')),
    vscode.commands.registerCommand(Commands.openReference, openReference),
    vscode.commands.registerCommand(Commands.reindex, () => reindex(deps)),
    vscode.commands.registerCommand(Commands.showOutput, () => deps.output.show(true)),
  );
}

async function reindex(deps: CommandDeps): Promise<CorpusStatus | undefined> {
  deps.statusBar.showIndexing();
  try {
    const status = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'API Guidelines: re-indexing the corpus' },
      async () => {
        await deps.client().sendRequest<CorpusStatus>(Requests.reindex);
        // The re-index answers for the first folder; the status bar shows the active one.
        return deps.client().sendRequest<CorpusStatus>(Requests.status, { uri: scopeUri() });
      },
    );
    deps.statusBar.showStatus(status);
    vscode.window.setStatusBarMessage(`$(check) API Guidelines: ${status.topics} topics indexed, ${status.problems} problems`, 5000);
    return status;
  } catch (e) {
    deps.statusBar.showFailure((e as Error).message);
    void vscode.window.showErrorMessage(`API Guidelines: re-indexing failed: ${(e as Error).message}`);
    return undefined;
  }
}
