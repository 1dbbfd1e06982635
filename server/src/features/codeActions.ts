/** Code actions for findings, as plain data: replace with the preferred alternative, suppress, open the guideline. */
import type { CorpusIndex } from '../corpus/corpusIndex';
import { isWebUrl } from '../corpus/topicPage';
import { HEADER_BY_LOWER, HTTP_METHODS, STATUS_BY_CODE } from '../detect/httpVocabulary';
import { rewriteToken } from '../detect/rewriteToken';
import type { HttpToken } from '../detect/token';
import { ruleLabel, type GuidelinePreferences } from './guidelineView';
import { IANA_REGISTRY_URL, topicLinks } from './diagnostics';
import type { Finding } from './finding';
import { plainText } from './markdown';
import { suppressionEdit, type TextEdit } from './suppression';

/** The client command that opens a guideline URL (the VS Code client registers it). */
export const OPEN_REFERENCE_COMMAND = 'apiGuidelines.openReference';

export interface ActionPlan {
  title: string;
  finding: Finding;
  edit?: TextEdit;
  command?: { command: string; arguments: unknown[] };
  isPreferred?: boolean;
}

export interface PlanInput {
  text: string;
  languageId: string;
  finding: Finding;
  index: CorpusIndex;
  /** Followed guidelines' links come first; hidden ones are not offered. */
  preferences?: GuidelinePreferences;
}

/** Most guideline links offered for one finding: beyond that the light bulb menu stops being a menu. */
const MAX_REFERENCE_ACTIONS = 5;

/** Every action for one finding, preferred replacement first. */
export function planCodeActions(input: PlanInput): ActionPlan[] {
  return [...preferActions(input), ...suppressActions(input), ...referenceActions(input.finding, input.index, input.preferences)];
}

export function preferActions({ text, finding, index }: PlanInput): ActionPlan[] {
  const token = finding.token;
  if (!token || !finding.prefer?.length) return [];
  const tokenText = text.slice(token.start, token.end);
  const plans: ActionPlan[] = [];
  for (const item of finding.prefer) {
    const target = preferTarget(item, token, index);
    if (target === undefined || target === token.value) continue;
    // In the token's own spelling: `302` → `303`, `HttpStatus.FOUND` → `HttpStatus.SEE_OTHER`.
    const newText = rewriteToken(token, tokenText, target);
    if (!newText || newText === tokenText) continue;
    const label = valueLabel(target);
    plans.push({
      title: newText === String(target) ? `Replace with ${label}` : newText.toLowerCase() === label.toLowerCase() ? `Replace with ${newText}` : `Replace with ${newText} (${label})`,
      finding,
      edit: { start: token.start, end: token.end, newText },
      isPreferred: plans.length === 0,
    });
  }
  return plans;
}

export function suppressActions({ text, languageId, finding }: PlanInput): ActionPlan[] {
  const edit = suppressionEdit(text, languageId, finding.start, finding.rule);
  if (!edit) return [];
  const where = languageId === 'json' ? 'in this object' : 'on this line';
  return [{ title: `Suppress '${finding.rule}' ${where}`, finding, edit }];
}

/** "Open guideline: …" for the finding's link and each guideline of its topic, once per URL. */
export function referenceActions(finding: Finding, index: CorpusIndex, preferences?: GuidelinePreferences): ActionPlan[] {
  const topic = finding.topicId ? index.topics.get(finding.topicId) : undefined;
  const links = topic ? topicLinks(topic, preferences) : [];
  if (finding.href && isWebUrl(finding.href) && !links.some((l) => l.url === finding.href)) {
    links.unshift({ name: linkName(finding.href, index), url: finding.href });
  }
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url)).slice(0, MAX_REFERENCE_ACTIONS).map((l) => ({
    title: `Open guideline: ${plainText(l.name)}`,
    finding,
    command: { command: OPEN_REFERENCE_COMMAND, arguments: [l.url] },
  }));
}

/** A name for a bare URL: the guideline that has it, else its host. */
function linkName(url: string, index: CorpusIndex): string {
  for (const g of index.guidelines.values()) {
    if (g.url === url) return g.title;
    const rule = g.rules?.find((r) => r.url === url);
    if (rule) return `${g.company} ${ruleLabel(rule.id)}: ${rule.name}`;
  }
  if (url === IANA_REGISTRY_URL) return 'IANA HTTP Status Code Registry';
  return new URL(url).host;
}

/** A `prefer` item as a value of the token's kind: a code, a method, a header, or a topic id naming one. */
export function preferTarget(item: string, token: HttpToken, index: CorpusIndex): HttpToken['value'] | undefined {
  const topic = index.topics.get(item);
  switch (token.kind) {
    case 'status': {
      const code = topic ? topic.status : /^\d{3}$/.test(item.trim()) ? Number(item.trim()) : undefined;
      return code;
    }
    case 'method': {
      const m = (topic ? topic.method : item.trim())?.toUpperCase();
      return m && (HTTP_METHODS as readonly string[]).includes(m) ? m : undefined;
    }
    case 'header': {
      const h = topic ? topic.header : item.trim();
      return h && /^[A-Za-z0-9-]+$/.test(h) ? HEADER_BY_LOWER.get(h.toLowerCase()) ?? h : undefined;
    }
  }
}

function valueLabel(value: HttpToken['value']): string {
  const info = typeof value === 'number' ? STATUS_BY_CODE.get(value) : undefined;
  return info ? `${info.code} ${info.phrase}` : String(value);
}
