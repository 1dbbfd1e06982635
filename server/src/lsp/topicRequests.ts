/** apiGuidelines/searchTopics, apiGuidelines/status and apiGuidelines/reindex. */
import { coveredByFollowed } from '../features/guidelineView';
import { summarizeTopic } from '../features/topicSummary';
import type { CorpusStatus, SearchTopicsParams, TopicSummary } from '../protocol';
import { isCorpusDocument } from './authoringHandlers';
import type { ServerContext } from './serverContext';

function scopeUri(ctx: ServerContext, uri?: string): string {
  return uri ?? (ctx.workspaceFolders[0] ? ctx.pathUri(ctx.workspaceFolders[0]) : '');
}

export async function onSearchTopics(ctx: ServerContext, params: SearchTopicsParams): Promise<TopicSummary[]> {
  const uri = scopeUri(ctx, params.uri);
  const index = await ctx.index(uri);
  const prefs = (await ctx.settings(uri)).guidelines;
  return index.searchTopics(params.query ?? '', Math.min(params.limit ?? 500, 2000), coveredByFollowed(prefs)).map((h) => summarizeTopic(h.topic, ctx.topicUri(h.topic), prefs));
}

export async function onStatus(ctx: ServerContext, params: { uri?: string }): Promise<CorpusStatus> {
  const uri = scopeUri(ctx, params?.uri);
  const doc = params?.uri ? ctx.documents.get(params.uri) : undefined;
  const roots = await ctx.corpusRoots(uri);
  const index = await ctx.corpora.index(roots);
  return {
    roots,
    topics: index.size,
    guidelines: index.guidelines.size,
    problems: index.problems.length,
    problemFiles: [...index.problemsByFile].map(([file, list]) => ({ uri: ctx.pathUri(file), count: list.length })),
    corpusPage: doc ? await isCorpusDocument(ctx, doc) : false,
    loadedCorpora: ctx.corpora.stats().corpora,
    watchedFolders: ctx.corpora.stats().watchers,
  };
}

export async function onReindex(ctx: ServerContext): Promise<CorpusStatus> {
  ctx.corpora.reset();
  return onStatus(ctx, {});
}
