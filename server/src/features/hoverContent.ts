/** Renders the hover for a detected token: the topic, its description and the guidelines covering it. */
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Topic } from '../corpus/model';
import { STATUS_BY_CODE } from '../detect/httpVocabulary';
import type { HttpToken } from '../detect/token';
import { encodeLinkTarget, escapeMarkdown, link } from './markdown';

export interface HoverOptions {
  /** Adds a link to the editor's topic search (only for clients that run the extension's commands). */
  searchCommand?: string;
  /** Turns a topic's file into a link target (e.g. a file URI with a line fragment). */
  topicLink?: (topic: Topic) => string | undefined;
}

/** The topic a token maps to in the index. */
export function topicForToken(index: CorpusIndex, token: HttpToken): Topic | undefined {
  switch (token.kind) {
    case 'status': return index.topicForStatus(token.value as number);
    case 'method': return index.topicForMethod(String(token.value));
    case 'header': return index.topicForHeader(String(token.value));
  }
}

/** A plain label for the token: `403 Forbidden`, `PATCH`, `Retry-After`. */
export function tokenLabel(token: HttpToken): string {
  if (token.kind !== 'status') return String(token.value);
  const info = STATUS_BY_CODE.get(token.value as number);
  return info ? `${info.code} ${info.phrase}` : String(token.value);
}

export function renderHover(index: CorpusIndex, token: HttpToken, options: HoverOptions = {}): string {
  const topic = topicForToken(index, token);
  if (!topic) return renderUncovered(token);
  return renderTopic(topic, options);
}

export function renderTopic(topic: Topic, options: HoverOptions = {}): string {
  const out: string[] = [];
  out.push(`### ${escapeMarkdown(topic.name)}`);
  const page = options.topicLink?.(topic);
  const meta = [`*${escapeMarkdown(topic.category)}*`];
  if (page) meta.push(`[topic page](${encodeLinkTarget(page)})`);
  out.push(meta.join(' · '));
  if (topic.policy) {
    const prefer = topic.policy.prefer.length ? ` Prefer: ${topic.policy.prefer.map(escapeMarkdown).join(', ')}.` : '';
    out.push(`> **Policy (${topic.policy.severity}):** ${escapeMarkdown(topic.policy.message ?? 'discouraged by your guidelines')}${prefer}`);
  }
  if (topic.description) out.push(escapeMarkdown(topic.description));
  if (topic.guidelines.length) {
    const lines = topic.guidelines.map((g) => {
      const refs = g.references.map((r) => link(r.name, r.url)).join(' · ');
      return `- **${escapeMarkdown(g.company)}** — ${link(g.title, g.url)}${refs ? `: ${refs}` : ''}`;
    });
    out.push(`**Guidelines (${topic.guidelines.length})**\n\n${lines.join('\n')}`);
  } else {
    out.push('*No guideline in the active corpus covers this topic yet.*');
  }
  if (options.searchCommand) out.push(`[Search guideline topics…](command:${options.searchCommand})`);
  return out.join('\n\n');
}

function renderUncovered(token: HttpToken): string {
  const out = [`### ${escapeMarkdown(tokenLabel(token))}`];
  if (token.kind === 'status' && !STATUS_BY_CODE.has(token.value as number)) {
    out.push(`${token.value} is not in the IANA HTTP Status Code Registry: clients will only know its class (${String(token.value)[0]}xx).`);
  } else {
    out.push('*No topic in the active corpus covers this.*');
  }
  return out.join('\n\n');
}
