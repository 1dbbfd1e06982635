/** Renders the hover for a detected token: the topic, its description and the guidelines covering it. */
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Topic, TopicGuideline } from '../corpus/model';
import { isWebUrl } from '../corpus/topicPage';
import { STATUS_BY_CODE } from '../detect/httpVocabulary';
import type { HttpToken } from '../detect/token';
import { arrangeGuidelines, NO_PREFERENCES, referenceBadge, ruleLabel, shortTitle, type GuidelinePreferences, type ShownGuideline } from './guidelineView';
import { encodeLinkTarget, escapeMarkdown, inlineCode, link } from './markdown';

/** Guidelines shown one line each before the rest are folded into one line of names; followed ones always get a line. */
export const HOVER_GUIDELINE_LINES = 8;
/** References shown on a guideline's line; more are counted. */
const REFERENCES_PER_LINE = 3;

export interface HoverOptions {
  /** Adds a link to the editor's topic search (only for clients that run the extension's commands). */
  searchCommand?: string;
  /** Turns a topic's file into a link target (e.g. a file URI with a line fragment). */
  topicLink?: (topic: Topic) => string | undefined;
  /** Followed guidelines first and marked, hidden ones left out. */
  preferences?: GuidelinePreferences;
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

/** Rendered hovers per topic and options: a topic with 15 guidelines costs a millisecond to render, a lookup nothing. */
const rendered = new WeakMap<Topic, Map<string, string>>();
/** Option sets remembered per topic (a client sends one or two): enough for every client of one server. */
const MAX_RENDERED_PER_TOPIC = 8;

export function renderTopic(topic: Topic, options: HoverOptions = {}): string {
  const page = options.topicLink?.(topic);
  const prefs = options.preferences;
  const key = `${options.searchCommand ?? ''}\0${page ?? ''}\0${prefs?.follow.join('\n') ?? ''}\0${prefs?.hide.join('\n') ?? ''}`;
  let byOptions = rendered.get(topic);
  const known = byOptions?.get(key);
  if (known !== undefined) return known;
  const md = renderTopicMarkdown(topic, options, page);
  if (!byOptions) rendered.set(topic, (byOptions = new Map()));
  if (byOptions.size >= MAX_RENDERED_PER_TOPIC) byOptions.clear();
  byOptions.set(key, md);
  return md;
}

function renderTopicMarkdown(topic: Topic, options: HoverOptions, page: string | undefined): string {
  const out: string[] = [];
  out.push(`### ${escapeMarkdown(topic.name)}`);
  const meta = [`*${escapeMarkdown(topic.category)}*`];
  if (page) meta.push(`[topic page](${encodeLinkTarget(page)})`);
  out.push(meta.join(' · '));
  if (topic.policy) {
    const prefer = topic.policy.prefer.length ? ` Prefer: ${topic.policy.prefer.map(escapeMarkdown).join(', ')}.` : '';
    out.push(`> **Policy (${topic.policy.severity}):** ${escapeMarkdown(topic.policy.message ?? 'discouraged by your guidelines')}${prefer}`);
  }
  if (topic.description) out.push(escapeMarkdown(topic.description));
  const shown = arrangeGuidelines(topic.guidelines, options.preferences ?? NO_PREFERENCES);
  const standards = shown.filter((g) => g.standard && !g.followed);
  const guidelines = shown.filter((g) => !g.standard || g.followed);
  if (standards.length) out.push(`**Standards:** ${standards.map((g) => standardLinks(g.entry)).join(' · ')}`);
  if (guidelines.length) {
    const companies = guidelines.map((g) => g.entry.company.toLowerCase());
    const shared = new Set(companies.filter((c, i) => companies.indexOf(c) !== i));
    const lines = guidelines.filter((g, i) => g.followed || i < HOVER_GUIDELINE_LINES).map((g) => guidelineLine(g, shared.has(g.entry.company.toLowerCase())));
    const folded = guidelines.slice(lines.length);
    if (folded.length) {
      // An organisation with two guidelines (Microsoft: Azure and Graph) is named by each guideline's title.
      const label = ({ entry: { company, title } }: ShownGuideline) => !shared.has(company.toLowerCase()) ? company
        : title.toLowerCase().startsWith(company.toLowerCase()) ? title : `${company}: ${title}`;
      lines.push(`- *and ${folded.length} more:* ${folded.map((g) => link(label(g), firstLink(g.entry))).join(', ')}`);
    }
    out.push(`**Guidelines (${guidelines.length})**\n\n${lines.join('\n')}`);
  } else if (!standards.length) {
    out.push('*No guideline in the active corpus covers this topic yet.*');
  }
  if (options.searchCommand) out.push(`[Search guideline topics…](command:${options.searchCommand})`);
  return out.join('\n\n');
}

/** `- ★ **Zalando** · [Use most common HTTP status codes](…) \`#150 SHOULD\` — what it asks · [more](…)`: one guideline, one line. */
function guidelineLine(g: ShownGuideline, withTitle: boolean): string {
  const { entry } = g;
  const name = entry.url && isWebUrl(entry.url) ? `[**${escapeMarkdown(entry.company)}**](${encodeLinkTarget(entry.url)})` : `**${escapeMarkdown(entry.company)}**`;
  const head = `${g.followed ? '★ ' : ''}${name}${g.followed ? ' *(followed)*' : ''}${withTitle ? ` (${escapeMarkdown(entry.title)})` : ''}`;
  const [first, ...rest] = entry.references;
  if (!first) return `- ${head}${withTitle ? '' : ` — ${escapeMarkdown(entry.title)}`}`;
  const badge = referenceBadge(first);
  let line = `- ${head} · ${link(first.name, first.url)}${badge ? ` ${inlineCode(badge)}` : ''}${first.asks ? ` — ${escapeMarkdown(first.asks)}` : ''}`;
  const more = rest.slice(0, REFERENCES_PER_LINE - 1).map((r) => link(r.rule ? ruleLabel(r.rule) : shorten(r.name), r.url));
  if (more.length) line += ` · ${more.join(' · ')}`;
  if (rest.length > more.length) line += ` · +${rest.length - more.length}`;
  return line;
}

/** `[RFC 9110: 15.5.4. 403 Forbidden](…)`: a standard's sections, compact. */
function standardLinks(entry: TopicGuideline): string {
  const short = shortTitle(entry.title);
  if (!entry.references.length) return link(short, entry.url);
  return entry.references.map((r) => link(`${short}: ${r.name.replace(/^[^:]{1,24}:\s*/, '')}`, r.url ?? entry.url)).join(' · ');
}

/** A section title short enough to sit beside others on one line. */
function shorten(name: string): string {
  return name.length <= 48 ? name : `${name.slice(0, 47).trimEnd()}…`;
}

/** Where a folded guideline's name links: its first reference, else its home. */
function firstLink(entry: TopicGuideline): string | undefined {
  return entry.references.find((r) => r.url)?.url ?? entry.url;
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
