/** The status bar item: topics loaded and problems in the corpus for the active folder; a click opens the topic search. */
import * as vscode from 'vscode';
import type { CorpusStatus } from '../../server/src/protocol';

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('apiGuidelines.status', vscode.StatusBarAlignment.Right, 100);

  constructor(searchCommand: string) {
    this.item.name = 'API Guidelines';
    this.item.command = { command: searchCommand, title: 'Search Topics' };
    this.showIndexing();
    this.item.show();
  }

  showIndexing(): void {
    this.item.text = '$(sync~spin) API Guidelines';
    this.item.tooltip = 'API Guidelines: indexing the guideline corpus…';
    this.item.backgroundColor = undefined;
  }

  showStatus(status: CorpusStatus): void {
    const problems = status.problems ? ` $(warning) ${status.problems}` : '';
    this.item.text = `$(book) ${status.topics} topics${problems}`;
    this.item.accessibilityInformation = { label: `API Guidelines: ${status.topics} topics, ${status.problems} corpus problems` };
    this.item.tooltip = renderTooltip(status);
  }

  showFailure(message: string): void {
    this.item.text = '$(error) API Guidelines';
    this.item.tooltip = `API Guidelines: ${message}`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
  }
}

function renderTooltip(status: CorpusStatus): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**API Guidelines**: ${status.topics} topics, ${status.guidelines} guidelines\n\n`);
  md.appendMarkdown('Corpus folders (later ones override earlier ones):\n');
  for (const root of status.roots) md.appendMarkdown(`\n- ${markdownLink(root, vscode.Uri.file(root))}`);
  if (status.problems) {
    md.appendMarkdown(`\n\n$(warning) ${status.problems} problem${status.problems === 1 ? '' : 's'} in ${status.problemFiles.length} file${status.problemFiles.length === 1 ? '' : 's'}:\n`);
    for (const f of status.problemFiles.slice(0, 10)) {
      const uri = vscode.Uri.parse(f.uri);
      md.appendMarkdown(`\n- ${markdownLink(vscode.workspace.asRelativePath(uri), uri)} (${f.count})`);
    }
    if (status.problemFiles.length > 10) md.appendMarkdown(`\n- … and ${status.problemFiles.length - 10} more`);
  }
  md.appendMarkdown('\n\nClick to search topics.');
  return md;
}

function markdownLink(label: string, uri: vscode.Uri): string {
  return `[${label.replace(/[[\]\\]/g, '\\$&')}](${uri.toString()})`;
}
