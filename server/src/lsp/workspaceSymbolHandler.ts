/** workspace/symbol: the topic search, served to every editor. */
import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { plainText } from '../features/markdown';
import { toLspRange } from './convert';
import type { ServerContext } from './serverContext';

export async function onWorkspaceSymbol(ctx: ServerContext, params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
  const index = await ctx.index(ctx.workspaceFolders[0] ? ctx.pathUri(ctx.workspaceFolders[0]) : '');
  return index.searchTopics(params.query, 200).map(({ topic }) => ({
    name: plainText(topic.name),
    kind: topic.status !== undefined ? SymbolKind.Constant : topic.method ? SymbolKind.Method : topic.header ? SymbolKind.Field : SymbolKind.Module,
    containerName: plainText(topic.category),
    location: { uri: ctx.topicUri(topic), range: toLspRange(topic.range) },
  }));
}
