/** apiGuidelines/searchTopics, apiGuidelines/status and apiGuidelines/reindex. */
import type { Topic } from '../corpus/model';
import { arrangeGuidelines, coveredByFollowed, NO_PREFERENCES, type GuidelinePreferences } from '../features/guidelineView';
import { isWebUrl } from '../corpus/topicPage';
import { plainText } from '../features/markdown';
import type { CorpusStatus, SearchTopicsParams, TopicSummary } from '../protocol';
import { isCorpusDocument } from './authoringHandlers';
import type { ServerContext } from './serverContext';

export function summarizeTopic(ctx: ServerContext, topic: Topic, prefs: GuidelinePreferences = NO_PREFERENCES): TopicSummary {
  // Quick picks show these as plain text: one line each, no control characters; links only to http(s).
  const text = (s: string) => plainText(s);
  const optional = (s: string | undefined) => (s === undefined ? undefined : plainText(s));
  const web = (url: string | undefined) => (url && isWebUrl(url) ? url : undefined);
  return {
    id: text(topic.id),
    name: text(topic.name),
    category: text(topic.category),
    description: text(topic.description),
    status: topic.status,
    method: optional(topic.method),
    header: optional(topic.header),
    uri: ctx.topicUri(topic),
    line: topic.range.start.line,
    guidelines: arrangeGuidelines(topic.guidelines, prefs).map(({ entry: g, followed, standard }) => ({
      id: optional(g.guidelineId), company: text(g.company), title: text(g.title), url: web(g.url), followed, standard,
      references: g.references.map((r) => ({ name: text(r.name), url: web(r.url), rule: optional(r.rule), level: optional(r.level), asks: optional(r.asks) })),
    })),
  };
}

function scopeUri(ctx: ServerContext, uri?: string): string {
  return uri ?? (ctx.workspaceFolders[0] ? ctx.pathUri(ctx.workspaceFolders[0]) : '');
}

export async function onSearchTopics(ctx: ServerContext, params: SearchTopicsParams): Promise<TopicSummary[]> {
  const uri = scopeUri(ctx, params.uri);
  const index = await ctx.index(uri);
  const prefs = (await ctx.settings(uri)).guidelines;
  return index.searchTopics(params.query ?? '', Math.min(params.limit ?? 500, 2000), coveredByFollowed(prefs)).map((h) => summarizeTopic(ctx, h.topic, prefs));
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
