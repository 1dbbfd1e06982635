/** A topic as the topic search shows it (protocol `TopicSummary`): plain one-line text, http(s) links only, followed guidelines first. */
import type { Topic } from '../corpus/model';
import { isWebUrl } from '../corpus/topicPage';
import type { TopicSummary } from '../protocol';
import { arrangeGuidelines, NO_PREFERENCES, type GuidelinePreferences } from './guidelineView';
import { plainText } from './markdown';

/** `uri`: where the topic's page opens (the LSP shell knows the corpus file's URI). */
export function summarizeTopic(topic: Topic, uri: string, prefs: GuidelinePreferences = NO_PREFERENCES): TopicSummary {
  // Quick picks show these as plain text: one line each, no control characters; links only to http(s).
  const optional = (s: string | undefined) => (s === undefined ? undefined : plainText(s));
  const web = (url: string | undefined) => (url && isWebUrl(url) ? url : undefined);
  return {
    id: plainText(topic.id),
    name: plainText(topic.name),
    category: plainText(topic.category),
    description: plainText(topic.description),
    status: topic.status,
    method: optional(topic.method),
    header: optional(topic.header),
    uri,
    line: topic.range.start.line,
    guidelines: arrangeGuidelines(topic.guidelines, prefs).map(({ entry: g, followed, standard }) => ({
      id: optional(g.guidelineId), company: plainText(g.company), title: plainText(g.title), url: web(g.url), followed, standard,
      references: g.references.map((r) => ({ name: plainText(r.name), url: web(r.url), rule: optional(r.rule), level: optional(r.level), asks: optional(r.asks) })),
    })),
  };
}
