/** textDocument/definition: from a detected token to its topic page. */
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { topicForToken } from '../features/hoverContent';
import { tokenAt } from '../detect/token';
import { toLspRange } from './convert';
import type { ServerContext } from './serverContext';
import { isCorpusDocument, isMarkdownDocument, onCorpusDefinition } from './authoringHandlers';

export async function onDefinition(ctx: ServerContext, params: DefinitionParams): Promise<Location | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const corpusPage = await isCorpusDocument(ctx, doc);
  const authoring = corpusPage ? await onCorpusDefinition(ctx, doc, params.position) : null;
  if (authoring) return authoring;
  if (!corpusPage && isMarkdownDocument(doc)) return null;
  const token = tokenAt(ctx.tokens(doc), doc.offsetAt(params.position));
  if (!token) return null;
  const topic = topicForToken(await ctx.index(doc.uri), token);
  if (!topic) return null;
  return { uri: ctx.topicUri(topic), range: toLspRange(topic.range) };
}
