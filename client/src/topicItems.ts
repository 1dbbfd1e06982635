/** What the topic search shows, computed from the server's topic summaries (no `vscode` import: unit-tested). */
import { referenceBadge } from '../../server/src/features/guidelineView';
import type { TopicSummary } from '../../server/src/protocol';

/** Codicon per kind of topic, matching the symbol kinds of workspace/symbol. */
export function topicIcon(topic: TopicSummary): string {
  if (topic.status !== undefined) return 'symbol-constant';
  if (topic.method) return 'symbol-method';
  if (topic.header) return 'symbol-field';
  return 'book';
}

/** What "insert" puts at the cursor: the status code, method or header name; none for design topics. */
export function insertionText(topic: TopicSummary): string | undefined {
  if (topic.status !== undefined) return String(topic.status);
  return topic.method ?? topic.header;
}

/** One line under the topic name: the start of its description and who covers it. */
export function topicDetail(topic: TopicSummary, maxLength = 140): string {
  const description = topic.description.replace(/\s+/g, ' ').trim();
  const short = description.length > maxLength ? `${description.slice(0, maxLength - 1).trimEnd()}…` : description;
  // The server lists followed guidelines first; standards bodies come last.
  const companies = [...new Set(topic.guidelines.map((g) => (g.followed ? `★ ${g.company}` : g.company)))];
  return companies.length ? `${short} — ${companies.join(', ')}` : short;
}

export type TopicGroup = { category: string; topics: TopicSummary[] };

/** Topics grouped by category, groups and topics in the order the server ranked them. */
export function groupByCategory(topics: readonly TopicSummary[]): TopicGroup[] {
  const groups = new Map<string, TopicSummary[]>();
  for (const t of topics) {
    let list = groups.get(t.category);
    if (!list) groups.set(t.category, (list = []));
    list.push(t);
  }
  return [...groups].map(([category, list]) => ({ category, topics: list }));
}

export interface ReferenceLink {
  /** `Company — Guideline title`: the group the link is shown under. */
  group: string;
  label: string;
  url: string;
  /** The guideline document itself rather than one of its sections. */
  whole: boolean;
}

/** Every openable link of a topic: each guideline's own URL, then its references; entries without a URL are left out. */
export function referenceLinks(topic: TopicSummary): ReferenceLink[] {
  return topic.guidelines.flatMap((g) => {
    const group = `${g.followed ? '★ ' : ''}${g.company} — ${g.title}${g.followed ? ' (followed)' : ''}`;
    const links: ReferenceLink[] = g.url ? [{ group, label: g.title, url: g.url, whole: true }] : [];
    for (const r of g.references) {
      const badge = referenceBadge(r);
      if (r.url) links.push({ group, label: badge ? `${r.name} (${badge})` : r.name, url: r.url, whole: false });
    }
    return links;
  });
}

/** Quick picks draw `$(name)` as an icon: corpus text shows it as written (a backslash escapes it, as VS Code's own `escapeIcons`). */
export function escapeIcons(text: string): string {
  return text.replace(/(\\)?\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, (match, escaped?: string) => (escaped ? match : `\\${match}`));
}

/** Text for a notification, where `[label](target)` is a live link (`command:` included): one line, and no link can form. */
export function notificationText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\]\s*\(/g, '] (');
}

/** Only web links leave the editor: corpus text is untrusted. */
export function isOpenableUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
