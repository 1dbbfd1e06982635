/** Corpus authoring: completion, hover, definitions and links inside the front matter of topic and guideline pages. */
import { parseDocument } from '../corpus/yamlLibrary';
import { parseSimpleYaml } from '../corpus/simpleYaml';
import { toYamlNode, type YamlNode, type YamlScalar } from '../corpus/yamlNode';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Guideline, SourceRange, Topic } from '../corpus/model';
import { isWebUrl, LEVELS } from '../corpus/topicPage';
import { renderTopic, type HoverOptions } from './hoverContent';
import { encodeLinkTarget, escapeMarkdown, inlineCode, link, plainText } from './markdown';

/** The mapping a key belongs to: the page itself, a guideline entry, a reference or the policy. */
export type FieldContext = 'topic' | 'guideline' | 'topicGuideline' | 'reference' | 'policy' | 'topicReferences' | 'revision' | 'rule' | 'check';

/** Where completion of a field's value comes from. */
type ValueSource = 'layout' | 'severity' | 'guidelineId' | 'category' | 'kind' | 'level';

interface FieldInfo {
  key: string;
  doc: string;
  required?: boolean;
  values?: ValueSource;
}

const GUIDELINE_FIELDS: FieldInfo[] = [
  { key: 'guideline_title', doc: 'Title of the guideline document, e.g. `RFC 9110: HTTP Semantics`.' },
  { key: 'guideline_company', doc: 'Who publishes the guideline (company, standards body); hovers group guidelines by it.' },
  { key: 'guideline_url', doc: 'http(s) URL of the guideline document.' },
  { key: 'guideline_date', doc: 'Publication date, `YYYY-MM-DD`.' },
];

/** The front-matter fields of each mapping (docs/corpus-format.md). */
const FIELDS: Record<FieldContext, FieldInfo[]> = {
  topic: [
    { key: 'layout', doc: '`topic` for a topic page, `guideline` for a guideline page.', values: 'layout' },
    { key: 'title', doc: 'Page title for static site generators; the topic name comes from `topic_name`.' },
    { key: 'topic_id', required: true, doc: 'Unique id: `http-status-403`, `http-methods-patch`, `http-headers-retry-after` or a design topic such as `collection-pagination`. The same id in a later corpus replaces this topic.' },
    { key: 'topic_category', required: true, doc: 'Group shown in search and hovers, e.g. `HTTP Status User Error`.', values: 'category' },
    { key: 'topic_name', required: true, doc: 'Display name, e.g. `403 Forbidden`.' },
    { key: 'topic_description', required: true, doc: 'What it is and when to use it: the first thing a hover shows.' },
    { key: 'topic_status', doc: 'Status code the topic covers; derived from `http-status-NNN` ids when absent.' },
    { key: 'topic_method', doc: 'HTTP method the topic covers; derived from `http-methods-<method>` ids when absent.' },
    { key: 'topic_header', doc: 'Header field the topic covers, e.g. `Retry-After`.' },
    { key: 'topic_policy', doc: 'Turns every use into a diagnostic: `severity`, `message` and `prefer` (alternatives offered as quick fixes).' },
    { key: 'guidelines', doc: 'List of guideline entries: `guideline_id` and `references` (title, company and URL come from the guideline page when one exists).' },
  ],
  guideline: [
    { key: 'layout', doc: '`guideline` for a guideline page.', values: 'layout' },
    { key: 'title', doc: 'Page title for static site generators.' },
    { key: 'guideline_id', required: true, doc: 'Unique id that topic pages cite in `guidelines[].guideline_id`.' },
    ...GUIDELINE_FIELDS.map((f) => (f.key === 'guideline_title' || f.key === 'guideline_company' ? { ...f, required: true } : f)),
    { key: 'guideline_reviewDate', doc: 'When the guideline was last reviewed, `YYYY-MM-DD`.' },
    { key: 'guideline_kind', doc: '`standard` for a specification that defines HTTP (RFCs, WHATWG, IANA, MDN), `guideline` (the default) for an organisation\'s API guideline.', values: 'kind' },
    { key: 'guideline_summary', doc: 'One line, in your own words: what the guideline is and asks overall.' },
    { key: 'guideline_revision', doc: 'What was read, and when: `date` (`YYYY-MM-DD`), `repository` (https URL) and `commit`.' },
    { key: 'topics', doc: 'The guideline\'s sections per topic: topic id → list of `{name, url, rule, level, asks}`, attached to those topics.' },
    { key: 'guideline_rules', doc: 'Checkable rules (`rule`, `name`, `level`, `url`, `check`, `prefer`): diagnostics for teams that follow the guideline.' },
  ],
  topicGuideline: [
    { key: 'guideline_id', required: true, doc: 'Id of a guideline page; title, company and URL are taken from it when left out here.', values: 'guidelineId' },
    ...GUIDELINE_FIELDS,
    { key: 'references', doc: 'List of `{name, url}`: the sections of the guideline about this topic.' },
  ],
  reference: [
    { key: 'name', required: true, doc: 'Label of the reference, e.g. the section title.' },
    { key: 'url', doc: 'http(s) URL of the section; without it the reference is shown as plain text.' },
    { key: 'rule', doc: 'The guideline\'s own id for the rule, where it numbers its rules (Zalando `150`, `AIP-193`).' },
    { key: 'level', doc: 'The requirement level the guideline states: `MUST`, `MUST NOT`, `SHOULD`, `SHOULD NOT`, `MAY`, `DO`, `DO NOT`…', values: 'level' },
    { key: 'asks', doc: 'One short line, in your own words: what the section asks about this topic. Shown in hovers.' },
  ],
  topicReferences: [],
  revision: [
    { key: 'date', required: true, doc: 'The day the source was read, `YYYY-MM-DD`.' },
    { key: 'repository', doc: 'https URL of the source repository.' },
    { key: 'commit', doc: 'The commit read (7 to 40 hex digits).' },
  ],
  rule: [
    { key: 'rule', required: true, doc: 'The guideline\'s own id for the rule; the diagnostic\'s code is `<guideline_id>/<rule>`.' },
    { key: 'name', required: true, doc: 'The rule\'s title, as the guideline names it.' },
    { key: 'level', doc: 'The level the guideline states; MUST… warns, SHOULD… informs, MAY hints.', values: 'level' },
    { key: 'url', doc: 'Deep link to the rule: the diagnostic\'s link.' },
    { key: 'message', doc: 'The diagnostic\'s text, in your own words (the rule\'s name otherwise).' },
    { key: 'check', required: true, doc: 'What the rule rules out: `status_allowed`, `status_forbidden`, `methods_allowed`, `methods_forbidden`, `headers_forbidden`.' },
    { key: 'prefer', doc: 'Alternatives offered by the quick fix: status codes, methods or topic ids.' },
  ],
  check: [
    { key: 'status_allowed', doc: 'Only these status codes: any other detected code is reported.' },
    { key: 'status_forbidden', doc: 'These status codes are reported.' },
    { key: 'methods_allowed', doc: 'Only these methods: any other detected method is reported.' },
    { key: 'methods_forbidden', doc: 'These methods are reported.' },
    { key: 'headers_forbidden', doc: 'These header names are reported.' },
  ],
  policy: [
    { key: 'severity', doc: 'Severity of the diagnostic: `error`, `warning`, `information` or `hint`.', values: 'severity' },
    { key: 'message', doc: 'Message of the diagnostic.' },
    { key: 'prefer', doc: 'Preferred alternatives: status codes, methods or topic ids, offered as quick fixes.' },
  ],
};

/** The mapping that the value of a key holds (list items included). */
const CHILD_CONTEXT: Record<string, FieldContext> = {
  guidelines: 'topicGuideline', references: 'reference', topic_policy: 'policy',
  topics: 'topicReferences', guideline_revision: 'revision', guideline_rules: 'rule', check: 'check',
};

/** The mapping under `key` when it stands in `parent`: under `topics`, every key (a topic id) holds references. */
function childContext(parent: FieldContext | undefined, key: string): FieldContext | undefined {
  return parent === 'topicReferences' ? 'reference' : CHILD_CONTEXT[key];
}

const FIXED_VALUES: Partial<Record<ValueSource, string[]>> = {
  layout: ['topic', 'guideline'],
  severity: ['error', 'warning', 'information', 'hint'],
  kind: ['standard', 'guideline'],
  level: [...LEVELS],
};

/** New pages start from these (snippet syntax). */
const PAGE_SKELETONS = [
  {
    label: 'topic page',
    detail: 'Front matter of a topic page',
    text: '---\nlayout: topic\ntopic_id: ${1:http-status-403}\ntopic_category: ${2:HTTP Status User Error}\ntopic_name: ${3:403 Forbidden}\ntopic_description: >-\n  ${4:What it is and when to use it.}\nguidelines:\n  - guideline_id: ${5:rfc9110}\n    references:\n      - name: ${6:Section title}\n        url: ${7:https://}\n---\n$0',
  },
  {
    label: 'guideline page',
    detail: 'Front matter of a guideline page',
    text: '---\nlayout: guideline\nguideline_id: ${1:acme-api-guide}\nguideline_title: ${2:Acme API Guide}\nguideline_company: ${3:Acme}\nguideline_url: ${4:https://}\n---\n${0:What the guideline is.}',
  },
];

export interface AuthoringCompletion {
  label: string;
  kind: 'field' | 'value' | 'page';
  insertText: string;
  /** insertText uses snippet syntax (`${1:…}`). */
  snippet?: boolean;
  /** Plain text. */
  detail?: string;
  /** Markdown: corpus text in it is escaped. */
  documentation?: string;
  sortText?: string;
}

export interface AuthoringCompletions {
  /** Offsets of the text the completion replaces. */
  from: number;
  to: number;
  items: AuthoringCompletion[];
}

export interface AuthoringHover {
  markdown: string;
  start: number;
  end: number;
}

export interface AuthoringLink {
  start: number;
  end: number;
  /** An http(s) URL, or what `fileLink` made of a page. */
  target: string;
  tooltip: string;
}

export interface AuthoringOptions extends HoverOptions {
  /** Turns a corpus file and 0-based line into a link target (a file URI with a `#L` fragment). */
  fileLink?: (file: string, line: number) => string | undefined;
}

/** The YAML between the opening `---` line and the closing one (or the end of an unclosed block). */
export function frontMatterRegion(text: string): { start: number; end: number; closed: boolean } | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*\r?$/gm;
  close.lastIndex = open[0].length;
  const m = close.exec(text);
  return { start: open[0].length, end: m ? m.index : text.length, closed: !!m };
}

/** Completion of field names, of known guideline ids, categories and enumerations, and of page skeletons. */
export function completeCorpusPage(text: string, offset: number, index: CorpusIndex): AuthoringCompletions | undefined {
  const region = frontMatterRegion(text);
  if (!region) return completePageSkeleton(text, offset);
  if (offset < region.start || offset > region.end) return undefined;
  const lines = new FrontMatterLines(text, region);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const wordEnd = offset + (/^[\w.-]*/.exec(text.slice(offset))?.[0].length ?? 0);

  const valueAt = /^(\s*)(-\s+)?([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(['"]?)([\w.-]*)$/.exec(before);
  if (valueAt) {
    const context = lines.contextAt(lineStart, valueAt[1].length + (valueAt[2]?.length ?? 0));
    const field = context && FIELDS[context].find((f) => f.key === valueAt[3]);
    if (!field?.values) return undefined;
    return { from: offset - valueAt[5].length, to: wordEnd, items: valueCompletions(field.values, index) };
  }
  const keyAt = /^(\s*)(-\s+)?([A-Za-z_][\w.-]*)?$/.exec(before);
  if (!keyAt) return undefined;
  const column = keyAt[1].length + (keyAt[2]?.length ?? 0);
  const context = lines.contextAt(lineStart, column);
  if (!context) return undefined;
  const present = lines.siblingKeys(lineStart, column, !!keyAt[2]);
  const typed = keyAt[3] ?? '';
  if (context === 'topicReferences') {
    // Under `topics:` the keys are topic ids.
    const items = [...index.topics.values()].filter((t) => !present.has(t.id) || t.id === typed).sort((a, b) => a.id.localeCompare(b.id))
      .map((t): AuthoringCompletion => ({ label: plainText(t.id), kind: 'field', insertText: `${plainText(t.id)}:\n  - name: `, detail: plainText(t.name), documentation: escapeMarkdown(t.category) }));
    return { from: offset - typed.length, to: wordEnd, items };
  }
  const items = FIELDS[context]
    .filter((f) => !present.has(f.key) || f.key === typed)
    .map((f, i): AuthoringCompletion => ({
      label: f.key,
      kind: 'field',
      insertText: `${f.key}: `,
      detail: f.required ? 'required' : 'optional',
      documentation: f.doc,
      // Required fields first, then the documented order.
      sortText: `${f.required ? 0 : 1}${String(i).padStart(2, '0')}`,
    }))
    .sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  return { from: offset - typed.length, to: wordEnd, items };
}

function completePageSkeleton(text: string, offset: number): AuthoringCompletions | undefined {
  const before = text.slice(0, offset);
  if (!/^\s*-{0,3}$/.test(before) || text.slice(offset).trim() !== '') return undefined;
  const items = PAGE_SKELETONS.map((s): AuthoringCompletion => ({ label: s.label, kind: 'page', insertText: s.text, snippet: true, detail: s.detail }));
  return { from: before.length - before.trimStart().length, to: text.length, items };
}

function valueCompletions(source: ValueSource, index: CorpusIndex): AuthoringCompletion[] {
  const fixed = FIXED_VALUES[source];
  if (fixed) return fixed.map((v) => ({ label: v, kind: 'value', insertText: v }));
  if (source === 'category') {
    const counts = new Map<string, number>();
    for (const t of index.topics.values()) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
    return [...counts].sort((a, b) => a[0].localeCompare(b[0]))
      .map(([c, n]) => ({ label: plainText(c), kind: 'value', insertText: plainText(c), detail: `${n} topic${n === 1 ? '' : 's'}` }));
  }
  // Corpus text: plain text where the editor shows text, escaped where it renders Markdown, links only to http(s).
  return knownGuidelines(index).map((g) => ({
    label: plainText(g.id),
    kind: 'value',
    insertText: plainText(g.id),
    detail: plainText(`${g.company} — ${g.title}`),
    documentation: g.url ? link(g.url, g.url) : undefined,
  }));
}

/** Guideline pages plus the ids that topics cite with their own title and company. */
function knownGuidelines(index: CorpusIndex): { id: string; title: string; company: string; url?: string }[] {
  const byId = new Map<string, { id: string; title: string; company: string; url?: string }>();
  for (const g of index.guidelines.values()) byId.set(g.id, g);
  for (const t of index.topics.values()) {
    for (const g of t.guidelines) {
      if (!byId.has(g.guidelineId)) byId.set(g.guidelineId, { id: g.guidelineId, title: g.title, company: g.company, url: g.url });
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Line-wise view of the front matter: works on half-typed YAML that a parser would reject. */
class FrontMatterLines {
  private readonly lines: { start: number; text: string }[] = [];

  constructor(text: string, region: { start: number; end: number }) {
    let start = region.start;
    for (const line of text.slice(region.start, region.end).split('\n')) {
      this.lines.push({ start, text: line.replace(/\r$/, '') });
      start += line.length + 1;
    }
  }

  /** The line starting at `lineStart` (0 if none): a binary search, the lines being in order. */
  private lineIndex(lineStart: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.lines[mid].start;
      if (start === lineStart) return mid;
      if (start < lineStart) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The mapping a key typed at `column` belongs to; undefined inside a block of text. */
  contextAt(lineStart: number, column: number): FieldContext | undefined {
    for (let i = this.lineIndex(lineStart) - 1; i >= 0; i--) {
      const k = parseKeyLine(this.lines[i].text);
      if (!k.key || k.column >= column) continue;
      if (k.blockScalar) return undefined;
      const child = CHILD_CONTEXT[k.key];
      if (child) return child;
      // A topic id under `topics:` holds references: known from the context of its own line.
      return this.contextAt(this.lines[i].start, k.column) === 'topicReferences' ? 'reference' : undefined;
    }
    return column === 0 ? this.pageContext() : undefined;
  }

  private pageContext(): FieldContext {
    const top = new Map<string, string>();
    for (const l of this.lines) {
      const k = parseKeyLine(l.text);
      if (k.key && k.column === 0) top.set(k.key, k.value);
    }
    const layout = top.get('layout')?.replace(/['"]/g, '');
    return layout === 'guideline' || (!layout && top.has('guideline_id') && !top.has('topic_id')) ? 'guideline' : 'topic';
  }

  /** Keys already present in the mapping that a key typed at `column` joins. */
  siblingKeys(lineStart: number, column: number, startsItem: boolean): Set<string> {
    const keys = new Set<string>();
    const at = this.lineIndex(lineStart);
    const scan = (from: number, step: number) => {
      for (let i = from; i >= 0 && i < this.lines.length; i += step) {
        const k = parseKeyLine(this.lines[i].text);
        if (!k.key && !k.dash) continue;
        if (k.column < column) break;
        if (k.column !== column) continue;
        if (k.dash && step > 0) break; // the next item
        if (k.key) keys.add(k.key);
        if (k.dash) break; // the first line of this item
      }
    };
    // Upwards: the item ends at its dash line; a new item (`- ` typed here) has no keys above.
    if (!startsItem) scan(at - 1, -1);
    scan(at + 1, 1);
    return keys;
  }
}

interface KeyLine {
  key?: string;
  /** Column of the key (after a list dash). */
  column: number;
  dash: boolean;
  value: string;
  blockScalar: boolean;
}

function parseKeyLine(line: string): KeyLine {
  const m = /^(\s*)(-(?:\s+|$))?(?:([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*)|$))?/.exec(line)!;
  if (!m[2] && !m[3]) return { column: Infinity, dash: false, value: '', blockScalar: false };
  const value = (m[4] ?? '').trim();
  return { key: m[3], column: m[1].length + (m[2]?.length ?? 0), dash: !!m[2], value, blockScalar: /^[|>][-+0-9]*$/.test(value) };
}

interface PairAt {
  key: string;
  part: 'key' | 'value';
  value: string;
  /** File offsets of the key or value, without quotes. */
  start: number;
  end: number;
  context: FieldContext;
}

/** The front matter parsed last: hover, definition and links ask about the same version of a page in turn. */
let lastParsed: { yaml: string; contents: YamlNode | null } | undefined;

/**
 * The front matter's tree, parsed once per text: by the fast reader when the YAML is in its subset (as the corpus
 * reader does), else by the full parser, without its duplicate-key check (it compares each key with every earlier
 * one: an 18,000-key page took seconds per request; the corpus diagnostics report duplicates).
 */
function parseFrontMatter(text: string, region: { start: number; end: number }): YamlNode | null {
  const yaml = text.slice(region.start, region.end);
  if (lastParsed?.yaml !== yaml) {
    let contents: YamlNode | null;
    try {
      contents = parseSimpleYaml(yaml) ?? toYamlNode(parseDocument(yaml, { prettyErrors: false, uniqueKeys: false }).contents);
    } catch {
      // Nested thousands of levels deep: no tree to answer from.
      contents = null;
    }
    lastParsed = { yaml, contents };
  }
  return lastParsed.contents;
}

/** The key or scalar value under `offset` in the parsed front matter, with the mapping it belongs to. */
function pairAt(text: string, offset: number): PairAt | undefined {
  const region = frontMatterRegion(text);
  if (!region?.closed || offset < region.start || offset > region.end) return undefined;
  const contents = parseFrontMatter(text, region);
  const rel = offset - region.start;
  const inside = (n: YamlNode | null | undefined): boolean => n?.start !== undefined && n.start <= rel && rel <= n.end!;
  const found = (key: string, part: PairAt['part'], node: YamlScalar, context: FieldContext): PairAt =>
    ({ key, part, value: String(node.value ?? ''), context, ...scalarSpan(text, node, region.start) });
  const walk = (node: YamlNode | null | undefined, context: FieldContext, key: string): PairAt | undefined => {
    if (node?.kind === 'seq') {
      for (const item of node.items) {
        if (!inside(item)) continue;
        return item.kind === 'scalar' ? found(key, 'value', item, context) : walk(item, context, key);
      }
    }
    if (node?.kind !== 'map') return undefined;
    for (const pair of node.pairs) {
      const k = pair.key;
      if (k?.kind !== 'scalar') continue;
      const name = String(k.value);
      if (inside(k)) return found(name, 'key', k, context);
      const v = pair.value;
      if (!inside(v)) continue;
      return v!.kind === 'scalar' ? found(name, 'value', v as YamlScalar, context) : walk(v, childContext(context, name) ?? context, name);
    }
    return undefined;
  };
  return walk(contents, new FrontMatterLines(text, region).contextAt(region.start, 0) ?? 'topic', '');
}

/** File offsets of a scalar's text without its quotes (`base` = offset of the parsed YAML). */
function scalarSpan(text: string, node: YamlScalar, base: number): { start: number; end: number } {
  const s = base + node.start!;
  const e = base + node.end!;
  const quoted = text[s] === '"' || text[s] === "'";
  return quoted ? { start: s + 1, end: Math.max(s + 1, e - 1) } : { start: s, end: e };
}

/** The topic a `prefer` entry names: a topic id, a status code or a method. */
function preferredTopic(index: CorpusIndex, value: string): Topic | undefined {
  return index.topics.get(value) ?? (/^\d{3}$/.test(value) ? index.topicForStatus(Number(value)) : index.topicForMethod(value));
}

/** Hover on a field name (its documentation), a guideline id (the guideline) or a `prefer` entry (the topic). */
export function hoverCorpusPage(text: string, offset: number, index: CorpusIndex, options: AuthoringOptions = {}): AuthoringHover | undefined {
  const at = pairAt(text, offset);
  if (!at) return undefined;
  const span = { start: at.start, end: at.end };
  if (at.part === 'key' && at.context === 'topicReferences') {
    const topic = index.topics.get(at.key);
    return { markdown: topic ? renderTopic(topic, options) : `**Unknown topic id** ${inlineCode(at.key)}: no topic in the active corpus has it.`, ...span };
  }
  if (at.part === 'key') {
    const field = FIELDS[at.context].find((f) => f.key === at.key);
    if (!field) return undefined;
    return { markdown: `**${escapeMarkdown(field.key)}** (${field.required ? 'required' : 'optional'})\n\n${field.doc}`, ...span };
  }
  if (at.key === 'guideline_id') return { markdown: renderGuideline(index, at.value, options), ...span };
  const topic = at.key === 'prefer' ? preferredTopic(index, at.value) : undefined;
  return topic && { markdown: renderTopic(topic, options), ...span };
}

/** The guideline page behind a guideline id, or the topic behind a `prefer` entry. */
export function defineCorpusPage(text: string, offset: number, index: CorpusIndex): { file: string; range: SourceRange } | undefined {
  const at = pairAt(text, offset);
  if (at?.part === 'key' && at.context === 'topicReferences') {
    const topic = index.topics.get(at.key);
    return topic && { file: topic.file, range: topic.range };
  }
  if (!at || at.part !== 'value') return undefined;
  const target = at.key === 'guideline_id' ? index.guidelines.get(at.value) : at.key === 'prefer' ? preferredTopic(index, at.value) : undefined;
  return target && { file: target.file, range: target.range };
}

function renderGuideline(index: CorpusIndex, id: string, options: AuthoringOptions): string {
  const g: Guideline | undefined = index.guidelines.get(id);
  const citing = [...index.topics.values()].filter((t) => t.guidelines.some((x) => x.guidelineId === id)).length;
  const cited = `Cited by ${citing} topic${citing === 1 ? '' : 's'} in the active corpus.`;
  if (!g) {
    return `**Unknown guideline id** ${inlineCode(id)}: no guideline page in the active corpus defines it, so the entry needs \`guideline_title\` and \`guideline_company\`.\n\n${cited}`;
  }
  const meta = [`*${escapeMarkdown(g.company)}*`];
  if (g.date) meta.push(escapeMarkdown(g.date.slice(0, 10)));
  const page = options.fileLink?.(g.file, g.range.start.line);
  if (page) meta.push(`[guideline page](${encodeLinkTarget(page)})`);
  const out = [`### ${escapeMarkdown(g.title)}`, meta.join(' · ')];
  if (g.url) out.push(link(g.url, g.url));
  if (g.description) out.push(escapeMarkdown(g.description.split(/\n\s*\n/)[0]));
  out.push(cited);
  return out.join('\n\n');
}

/** Links in the front matter: reference URLs, and guideline ids or `prefer` entries to their pages. */
export function linkCorpusPage(text: string, index: CorpusIndex, options: AuthoringOptions = {}): AuthoringLink[] {
  const region = frontMatterRegion(text);
  if (!region?.closed) return [];
  const contents = parseFrontMatter(text, region);
  const links: AuthoringLink[] = [];
  const add = (key: string, node: YamlScalar) => {
    const value = String(node.value ?? '');
    const span = scalarSpan(text, node, region.start);
    if ((key === 'url' || key === 'guideline_url') && isWebUrl(value)) {
      links.push({ ...span, target: value, tooltip: 'Open the guideline reference' });
      return;
    }
    const page = key === 'guideline_id' ? index.guidelines.get(value) : key === 'prefer' ? preferredTopic(index, value) : undefined;
    const target = page && options.fileLink?.(page.file, page.range.start.line);
    if (target) links.push({ ...span, target, tooltip: key === 'prefer' ? 'Open the topic page' : 'Open the guideline page' });
  };
  const walk = (node: YamlNode | null | undefined, key: string): void => {
    if (node?.kind === 'scalar' && node.start !== undefined) add(key, node);
    else if (node?.kind === 'seq') for (const item of node.items) walk(item, key);
    else if (node?.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key?.kind !== 'scalar') continue;
        const name = String(pair.key.value);
        if (key === 'topics' && pair.key.start !== undefined) {
          // A topic id under `topics:` links to its topic page.
          const topic = index.topics.get(name);
          const target = topic && options.fileLink?.(topic.file, topic.range.start.line);
          if (target) links.push({ ...scalarSpan(text, pair.key, region.start), target, tooltip: 'Open the topic page' });
        }
        walk(pair.value, name);
      }
    }
  };
  walk(contents, '');
  return links;
}
