/** Markdown answers for coding agents (the MCP tools): complete but short, every link an https one, followed guidelines first. */
import type { Topic } from '../corpus/model';
import { arrangeGuidelines, referenceBadge, type GuidelinePreferences, type ShownGuideline } from './guidelineView';
import { escapeMarkdown, inlineCode, link } from './markdown';

/** The URI scheme of topic resources: `api-guidelines://topic/<id>`. */
export const TOPIC_URI_PREFIX = 'api-guidelines://topic/';

export function topicUri(id: string): string {
  return TOPIC_URI_PREFIX + encodeURIComponent(id);
}

/**
 * One topic: name, id, category, policy, description, then every guideline covering it with each section it links
 * (rule id and level, what it asks), followed guidelines first and marked ★, standards last. `withBody` adds the
 * page's own text (the resource view).
 */
export function renderTopicForAgent(topic: Topic, prefs: GuidelinePreferences, withBody = false): string {
  const out: string[] = [`## ${escapeMarkdown(topic.name)}`];
  const keys = [topic.status !== undefined ? `status ${topic.status}` : '', topic.method ? `method ${topic.method}` : '', topic.header ? `header ${topic.header}` : '']
    .filter(Boolean);
  out.push(`Topic ${inlineCode(topic.id)} · ${escapeMarkdown(topic.category)}${keys.length ? ` · ${keys.join(', ')}` : ''} · resource ${topicUri(topic.id)}`);
  if (topic.policy) {
    const prefer = topic.policy.prefer.length ? ` Prefer: ${topic.policy.prefer.map(escapeMarkdown).join(', ')}.` : '';
    out.push(`> **Policy of your corpus (${topic.policy.severity}):** ${escapeMarkdown(topic.policy.message ?? 'discouraged')}${prefer}`);
  }
  if (topic.description) out.push(escapeMarkdown(topic.description));
  if (withBody && topic.body?.trim()) out.push(topic.body.trim());
  const shown = arrangeGuidelines(topic.guidelines, prefs);
  const guidelines = shown.filter((g) => !g.standard || g.followed);
  const standards = shown.filter((g) => g.standard && !g.followed);
  if (!shown.length) out.push('No guideline in the active corpus covers this topic yet.');
  if (guidelines.length) out.push(`### Guidelines (${guidelines.length})${guidelines.some((g) => g.followed) ? ' — ★ followed by the team' : ''}\n\n${guidelines.map(guidelineBlock).join('\n')}`);
  if (standards.length) out.push(`### Standards (${standards.length})\n\n${standards.map(guidelineBlock).join('\n')}`);
  return out.join('\n\n') + '\n';
}

/** `- ★ [Zalando](…) — RESTful API Guidelines (followed)` and a line per section it links. */
function guidelineBlock({ entry, followed }: ShownGuideline): string {
  const lines = [`- ${followed ? '★ ' : ''}${link(entry.company, entry.url)} — ${escapeMarkdown(entry.title)}${followed ? ' **(followed)**' : ''}`];
  for (const r of entry.references) {
    const badge = referenceBadge(r);
    lines.push(`  - ${link(r.name, r.url)}${badge ? ` ${inlineCode(badge)}` : ''}${r.asks ? ` — ${escapeMarkdown(r.asks)}` : ''}`);
  }
  return lines.join('\n');
}

export interface AgentSearchHit {
  rank: number;
  id: string;
  name: string;
  category: string;
  description?: string;
  guidelines: { id: string; company: string; followed: boolean }[];
}

/** Ranked topics, one line each: name, id, category, the organisations covering it (followed ones first, ★). */
export function renderSearchForAgent(query: string, hits: readonly AgentSearchHit[]): string {
  if (!hits.length) return `No topic matches '${escapeMarkdown(query)}'.\n`;
  return hits.map((h) => {
    const orgs = h.guidelines.map((g) => `${g.followed ? '★ ' : ''}${escapeMarkdown(g.company)}`);
    return `${h.rank}. **${escapeMarkdown(h.name)}** ${inlineCode(h.id)} (${escapeMarkdown(h.category)})${orgs.length ? ` — ${orgs.join(', ')}` : ''}`;
  }).join('\n') + '\n';
}

export interface AgentFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  href?: string;
}

/** `path:line:col severity message [rule](link)`, one finding a line; `path` may be empty (a snippet). */
export function renderFindingsForAgent(files: readonly { path: string; findings: readonly AgentFinding[] }[]): string {
  const lines: string[] = [];
  for (const f of files) {
    for (const i of f.findings) {
      const where = `${f.path ? `${f.path}:` : ''}${i.line}:${i.column}`;
      lines.push(`- ${inlineCode(where)} **${i.severity}** ${escapeMarkdown(i.message)} (${link(i.rule, i.href)})`);
    }
  }
  return lines.join('\n');
}

/** The guidelines of a corpus, followed ones first and marked, with what `follow` takes. */
export function renderGuidelinesForAgent(list: readonly { id: string; company: string; title: string; url?: string; kind: string; followed: boolean; topics: number; rules: number }[]): string {
  if (!list.length) return 'No guideline pages in the loaded corpora.\n';
  return list.map((g) => `- ${g.followed ? '★ ' : ''}${inlineCode(g.id)} ${link(g.company, g.url)} — ${escapeMarkdown(g.title)} (${g.kind}, ${g.topics} topics${g.rules ? `, ${g.rules} checkable rule${g.rules === 1 ? '' : 's'}` : ''})${g.followed ? ' **(followed)**' : ''}`).join('\n') + '\n';
}
