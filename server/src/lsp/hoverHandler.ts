/** textDocument/hover: the topic and guidelines for the token under the cursor. */
import type { Hover, HoverParams } from 'vscode-languageserver';
import { renderHover } from '../features/hoverContent';
import { tokenAt } from '../detect/token';
import type { ServerContext } from './serverContext';
import { isCorpusDocument, isMarkdownDocument, onCorpusHover } from './authoringHandlers';

export async function onHover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const settings = await ctx.settings(doc.uri);
  if (!settings.hover.enable) return null;
  const corpusPage = await isCorpusDocument(ctx, doc);
  const authoring = corpusPage ? await onCorpusHover(ctx, doc, params.position) : null;
  if (authoring) return authoring;
  // Other Markdown is prose, left to the Markdown tooling.
  if (!corpusPage && isMarkdownDocument(doc)) return null;
  const token = tokenAt(ctx.tokens(doc), doc.offsetAt(params.position));
  if (!token) return null;
  const index = await ctx.index(doc.uri);
  const value = renderHover(index, token, {
    searchCommand: ctx.initOptions.commandLinks ? 'apiGuidelines.searchTopics' : undefined,
    topicLink: (t) => ctx.topicLink(t),
    preferences: settings.guidelines,
  });
  return {
    contents: { kind: 'markdown', value },
    range: { start: doc.positionAt(token.start), end: doc.positionAt(token.end) },
  };
}
