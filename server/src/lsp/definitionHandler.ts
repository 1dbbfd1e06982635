/** textDocument/definition: from a detected token to its topic page. */
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { topicForToken } from '../features/hoverContent';
import { tokenAt } from '../detect/token';
import { toLspRange } from './convert';
import type { ServerContext } from './serverContext';
import { isCorpusDocument, onCorpusDefinition } from './authoringHandlers';

export async function onDefinition(ctx: ServerContext, params: DefinitionParams): Promise<Location | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const authoring = (await isCorpusDocument(ctx, doc)) ? await onCorpusDefinition(ctx, doc, params.position) : null;
  if (authoring) return authoring;
  const token = tokenAt(ctx.tokens(doc), doc.offsetAt(params.position));
  if (!token) return null;
  const topic = topicForToken(await ctx.index(doc.uri), token);
  if (!topic) return null;
  return { uri: ctx.topicUri(topic), range: toLspRange(topic.range) };
}
