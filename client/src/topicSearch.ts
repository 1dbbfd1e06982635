/** The topic search quick pick: topics by category, then what to do with the chosen one (references, topic page, insert). */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests, type SearchTopicsParams, type TopicSummary } from '../../server/src/protocol';
import { escapeIcons, notificationText, groupByCategory, insertionText, referenceLinks, topicDetail, topicIcon } from './topicItems';

type TopicItem = vscode.QuickPickItem & { topic?: TopicSummary };
type ActionItem = vscode.QuickPickItem & { run?: () => unknown };

const OPEN_PAGE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open topic page' };
const REFERENCES_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Guideline references…' };

/** The resource whose corpus settings apply: the active editor's file, else the first workspace folder. */
export function scopeUri(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.uri.scheme !== 'output') return doc.uri.toString();
  return vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}

export async function searchTopics(client: BaseLanguageClient, openReference: (url: string) => unknown, initialQuery = ''): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = scopeUri();
  const pick = vscode.window.createQuickPick<TopicItem>();
  pick.title = 'API Guidelines: Search Topics';
  pick.placeholder = 'Search by status code, method, header, name, description, company or reference';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.value = initialQuery;

  let generation = 0;
  const load = async (query: string) => {
    const mine = ++generation;
    pick.busy = true;
    try {
      const params: SearchTopicsParams = { query, uri, limit: 500 };
      const topics = await client.sendRequest<TopicSummary[]>(Requests.searchTopics, params);
      if (mine !== generation) return;
      pick.items = query.trim() ? rankedItems(topics) : groupedItems(topics);
    } catch (e) {
      if (mine === generation) pick.items = [{ label: '$(error) Search failed', detail: (e as Error).message }];
    } finally {
      if (mine === generation) pick.busy = false;
    }
  };

  const chosen = await new Promise<TopicItem | undefined>((resolve) => {
    pick.onDidChangeValue((v) => void load(v));
    pick.onDidTriggerItemButton((e) => {
      const topic = e.item.topic;
      if (!topic) return;
      if (e.button === OPEN_PAGE_BUTTON) void openTopicPage(topic);
      else void pickAction(topic, editor, openReference, true);
    });
    // New results replace the items, and the selection with them: Enter then takes the highlighted item.
    pick.onDidAccept(() => resolve(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
    void load(initialQuery);
  });
  pick.dispose();
  if (chosen?.topic) await pickAction(chosen.topic, editor, openReference, false);
}

/** Empty query: every topic, under a separator per category. */
function groupedItems(topics: TopicSummary[]): TopicItem[] {
  return groupByCategory(topics).flatMap(({ category, topics: list }) => [
    { label: escapeIcons(category), kind: vscode.QuickPickItemKind.Separator },
    ...list.map((t) => topicItem(t, false)),
  ]);
}

/** A query: the server's hits, shown even where the quick pick's own matcher sees no match (companies, references). */
function rankedItems(topics: TopicSummary[]): TopicItem[] {
  return topics.map((t) => topicItem(t, true));
}

function topicItem(topic: TopicSummary, withCategory: boolean): TopicItem {
  return {
    label: `$(${topicIcon(topic)}) ${escapeIcons(topic.name)}`,
    description: withCategory ? escapeIcons(topic.category) : undefined,
    detail: escapeIcons(topicDetail(topic)),
    alwaysShow: withCategory,
    buttons: [REFERENCES_BUTTON, OPEN_PAGE_BUTTON],
    topic,
  };
}

/** Second step: insert, open the topic page, or open one of the guideline references. */
async function pickAction(topic: TopicSummary, editor: vscode.TextEditor | undefined, openReference: (url: string) => unknown, referencesOnly: boolean): Promise<void> {
  const items: ActionItem[] = [];
  const text = insertionText(topic);
  if (!referencesOnly) {
    if (text && editor && !editor.document.isClosed) {
      items.push({ label: `$(insert) Insert ${text}`, description: `at the cursor in ${vscode.workspace.asRelativePath(editor.document.uri)}`, run: () => insertAtCursor(editor, text) });
    }
    items.push({ label: '$(go-to-file) Open topic page', description: pageDescription(vscode.Uri.parse(topic.uri)), run: () => openTopicPage(topic) });
  }
  let group: string | undefined;
  for (const link of referenceLinks(topic)) {
    if (link.group !== group) items.push({ label: escapeIcons(group = link.group), kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(${link.whole ? 'globe' : 'link-external'}) ${escapeIcons(link.label)}`, detail: escapeIcons(link.url), run: () => openReference(link.url) });
  }
  if (!items.length) {
    void vscode.window.showInformationMessage(`No guideline reference with a link covers ${notificationText(topic.name)}.`);
    return;
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title: topic.name,
    placeHolder: referencesOnly ? 'Open a guideline reference in the browser' : 'Insert, open the topic page or a guideline reference',
    matchOnDetail: true,
  });
  await chosen?.run?.();
}

function pageDescription(uri: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(uri, true);
  // Outside the workspace (the built-in corpus) the last folder and the file name say enough.
  return relative === uri.fsPath ? uri.path.split('/').slice(-2).join('/') : relative;
}

async function insertAtCursor(editor: vscode.TextEditor, text: string): Promise<void> {
  await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
}

export async function openTopicPage(topic: TopicSummary): Promise<void> {
  const position = new vscode.Position(topic.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(topic.uri), { selection: new vscode.Range(position, position), preview: true });
}
