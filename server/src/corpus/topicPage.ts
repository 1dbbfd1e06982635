/** Parses topic and guideline pages (Markdown with YAML front matter) into the corpus model. */
import type matterType from 'gray-matter';
import { LineMap } from './lineMap';
import type { CorpusFile, Guideline, GuidelineRevision, GuidelineRule, ParsedFile, Reference, RuleCheck, Severity, SourceRange, Topic, TopicGuideline, TopicPolicy } from './model';
import { exactSize } from './exactSize';
import { MapReader, ProblemSink, describe, parseYaml, sharedValue } from './yamlFields';
import type { YamlNode } from './yamlNode';

const TOPIC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** gray-matter must always get options: it caches option-less calls and hands back shared objects. */
const MATTER_OPTIONS = { engines: { yaml: () => ({}) }, language: 'yaml' } as const;
/**
 * gray-matter, loaded when a page first needs it: it brings js-yaml and esprima, whose loading is a good part of a
 * CLI run's start, and pages in the usual form never need it.
 */
let matterModule: typeof matterType | undefined;
function matter(...args: Parameters<typeof matterType>): ReturnType<typeof matterType> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  matterModule ??= require('gray-matter') as typeof matterType;
  return matterModule(...args);
}
const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
/** A closing delimiter line, at a given place. */
const CLOSING_LINE = /\n---[ \t]*\r?(\n|$)/y;

export interface FrontMatter {
  /** Raw YAML text between the delimiters. */
  yaml: string;
  /** Offset of `yaml` in the file. */
  offset: number;
  /** Markdown after the closing delimiter. */
  body: string;
  bodyOffset: number;
}

/**
 * Splits a page into front matter and body; undefined when the page has none. Pages in the usual
 * form (`---` alone on the first line) are sliced directly: gray-matter costs about 20 µs a page,
 * a fifth of the 10,000-page index budget, and reports no offsets. Its variants (a language after
 * the opening delimiter, `---yaml`) go through gray-matter, which defines the format.
 */
export function splitFrontMatter(text: string): FrontMatter | undefined | 'unclosed' {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const firstLineEnd = text.indexOf('\n', bom);
  const opening = text.slice(bom + 3, firstLineEnd === -1 ? text.length : firstLineEnd).replace(/\r$/, '');
  const language = opening.trim().toLowerCase();
  if (language !== '' && language !== 'yaml') return undefined;
  const afterOpen = bom + 3 + opening.length;
  const firstDashes = text.indexOf('\n---', afterOpen);
  if (firstDashes === -1) return 'unclosed';
  // Usually the first line starting with `---` closes: checked there before searching the rest of the page.
  CLOSING_LINE.lastIndex = firstDashes;
  if (!CLOSING_LINE.test(text) && !/\n---[ \t]*\r?(\n|$)/.test(text.slice(afterOpen))) return 'unclosed';
  let yaml: string;
  let offset: number;
  if (language === '') {
    // As gray-matter reads it: the front matter ends at the first line that starts with `---`.
    offset = afterOpen;
    yaml = text.slice(afterOpen, firstDashes);
  } else {
    yaml = matter(text, MATTER_OPTIONS).matter;
    offset = text.indexOf(yaml, afterOpen);
  }
  const close = text.indexOf('\n', offset + yaml.length + 1);
  const bodyOffset = close === -1 ? text.length : close + 1;
  return { yaml, offset, body: text.slice(bodyOffset), bodyOffset };
}

/**
 * Whether a Markdown text looks like a topic or guideline page: its front matter has a `topic_id` or `guideline_id`
 * key. Cheap (a regular expression over the front matter): editors ask it of every Markdown file they open.
 */
export function hasCorpusFrontMatter(text: string): boolean {
  const front = splitFrontMatter(text);
  return typeof front === 'object' && /^(?:topic_id|guideline_id)[ \t]*:/m.test(front.yaml);
}

/** Parses one page. Never throws: problems are returned with what could still be read. */
export function parseCorpusPage(input: CorpusFile, root = 0): ParsedFile {
  const lines = new LineMap(input.text);
  const result: ParsedFile = { file: input.path, topics: [], guidelines: [], problems: [] };
  const fm = splitFrontMatter(input.text);
  if (fm === undefined || fm === 'unclosed') {
    const sink = new ProblemSink(input.path, lines);
    sink.add(lines.lineRange(0), 'error', fm ? 'front-matter-unclosed' : 'no-front-matter',
      fm ? 'The front matter is not closed by a `---` line' : 'A corpus page must start with YAML front matter between `---` lines');
    result.problems = sink.problems;
    return result;
  }
  const sink = new ProblemSink(input.path, lines, fm.offset);
  result.problems = sink.problems;
  const { contents, ok } = parseYaml(fm.yaml, sink);
  if (!ok) return result;
  const top = MapReader.of(contents, sink, 'front matter');
  if (!top) {
    sink.add(sink.rangeOf(contents, lines.lineRange(0)), 'error', 'wrong-type',
      `The front matter must be a mapping of fields, found ${describe(contents)}`);
    return result;
  }
  const layout = top.string('layout', false);
  const isGuideline = layout === 'guideline' || (layout === undefined && top.has('guideline_id') && !top.has('topic_id'));
  if (layout !== undefined && layout !== 'topic' && layout !== 'guideline') {
    sink.add(top.range('layout'), 'warning', 'unknown-layout', `Unknown layout '${layout}': expected 'topic' or 'guideline'`);
  }
  if (isGuideline) {
    const g = readGuideline(top, sink, input.path);
    if (g) {
      g.description = fm.body.trim() || undefined;
      result.guidelines = [g];
      if (top.has('topics')) result.topicReferences = readTopicReferences(top, sink, g);
    }
  } else {
    const t = readTopic(top, sink, input.path, root, fm.body);
    if (t) result.topics = [t];
  }
  return result;
}

function readGuideline(top: MapReader, sink: ProblemSink, file: string): Guideline | undefined {
  const id = top.string('guideline_id', true);
  const title = top.string('guideline_title', true) ?? top.string('title', false);
  const company = top.string('guideline_company', true);
  const url = readUrl(top, 'guideline_url', sink);
  const kind = top.string('guideline_kind', false);
  if (kind !== undefined && kind !== 'standard' && kind !== 'guideline') {
    sink.add(top.range('guideline_kind'), 'error', 'invalid-value', `guideline_kind must be 'standard' or 'guideline', found '${kind.slice(0, 40)}'`);
  }
  const revision = readRevision(top, sink);
  const rules = top.has('guideline_rules') ? readRules(top, sink) : undefined;
  if (!id || !title || !company) return undefined;
  return {
    id, title, company, url,
    date: top.string('guideline_date', false),
    reviewDate: top.string('guideline_reviewDate', false),
    kind: kind === 'standard' ? 'standard' : undefined,
    summary: top.string('guideline_summary', false),
    revision,
    rules,
    file,
    range: top.range('guideline_id'),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
const COMMIT = /^[0-9a-f]{7,40}$/;

/** `guideline_revision: {date, repository, commit}`: what was read, and when. */
function readRevision(top: MapReader, sink: ProblemSink): GuidelineRevision | undefined {
  if (!top.has('guideline_revision')) return undefined;
  const r = MapReader.of(top.node('guideline_revision'), sink, 'guideline_revision');
  if (!r) {
    sink.add(top.range('guideline_revision'), 'error', 'wrong-type', `guideline_revision must be a mapping (date, repository, commit), found ${describe(top.node('guideline_revision'))}`);
    return undefined;
  }
  const date = r.string('date', true);
  if (date !== undefined && !DATE.test(date)) sink.add(r.range('date'), 'error', 'invalid-value', `guideline_revision.date must be a date (YYYY-MM-DD), found '${date.slice(0, 40)}'`);
  const commit = r.string('commit', false);
  if (commit !== undefined && !COMMIT.test(commit)) sink.add(r.range('commit'), 'error', 'invalid-value', `guideline_revision.commit must be a git commit id (7 to 40 hex digits), found '${commit.slice(0, 48)}'`);
  if (commit !== undefined && !r.has('repository')) sink.add(r.range('commit'), 'warning', 'missing-field', 'guideline_revision: a commit needs the repository it belongs to');
  return { date: date?.slice(0, 10), repository: readUrl(r, 'repository', sink), commit };
}

/** `topics:` on a guideline page: topic id → the guideline's sections about it, attached to the topics at index time. */
function readTopicReferences(top: MapReader, sink: ProblemSink, guideline: Guideline): NonNullable<ParsedFile['topicReferences']> {
  const found: NonNullable<ParsedFile['topicReferences']> = [];
  const readReferences = (list: YamlNode[], where: string): Reference[] => {
    const references: Reference[] = [];
    list.forEach((node, i) => {
      const ref = readReference(node, sink, `${where}[${i}]`);
      if (ref) references.push(ref);
    });
    return exactSize(references);
  };
  const node = top.node('topics');
  if (node?.kind === 'seq') {
    // The API Stylebook's own guideline pages: a list of `{topic_id, …, references}`.
    top.list('topics', 'topic').forEach((item, i) => {
      const t = MapReader.of(item, sink, `topics[${i}]`);
      const topicId = t?.string('topic_id', true);
      if (!t || !topicId) {
        if (!t) sink.add(sink.rangeOf(item), 'error', 'wrong-type', `topics[${i}] must be a mapping with topic_id and references, found ${describe(item)}`);
        return;
      }
      found.push({ guideline, topicId, references: readReferences(t.list('references', 'reference'), `topics[${i}].references`), range: t.range('topic_id') });
    });
    return found;
  }
  const topics = MapReader.of(node, sink, 'topics');
  if (!topics) {
    sink.add(top.range('topics'), 'error', 'wrong-type', `'topics' must map topic ids to lists of references, found ${describe(node)}`);
    return found;
  }
  for (const topicId of topics.keys()) {
    found.push({ guideline, topicId, references: readReferences(topics.list(topicId, 'reference'), `topics.${topicId}`), range: topics.range(topicId) });
  }
  return found;
}

/** `guideline_rules`: the guideline's checkable rules about status codes, methods and headers. */
function readRules(top: MapReader, sink: ProblemSink): GuidelineRule[] {
  const rules: GuidelineRule[] = [];
  top.list('guideline_rules', 'rule').forEach((node, i) => {
    const where = `guideline_rules[${i}]`;
    const r = MapReader.of(node, sink, where);
    if (!r) {
      sink.add(sink.rangeOf(node), 'error', 'wrong-type', `${where} must be a mapping (rule, name, level, url, check), found ${describe(node)}`);
      return;
    }
    const id = r.string('rule', true);
    const name = r.string('name', true);
    const level = readLevel(r, sink);
    const url = readUrl(r, 'url', sink);
    const check = readRuleCheck(r, sink, where);
    if (!id || !name || !check) return;
    rules.push({ id, name, level, url, message: r.string('message', false), check, prefer: readAlternatives(r, 'prefer', sink, `${where}.prefer`), range: sink.rangeOf(node) });
  });
  return rules;
}

const CHECK_KEYS = ['status_allowed', 'status_forbidden', 'methods_allowed', 'methods_forbidden', 'headers_forbidden'] as const;

function readRuleCheck(r: MapReader, sink: ProblemSink, where: string): RuleCheck | undefined {
  const c = MapReader.of(r.node('check'), sink, `${where}.check`);
  if (!c) {
    sink.add(r.range('check'), 'error', r.has('check') ? 'wrong-type' : 'missing-field',
      `${where}.check must be a mapping with one of ${CHECK_KEYS.join(', ')}`);
    return undefined;
  }
  for (const key of c.keys()) {
    if (!(CHECK_KEYS as readonly string[]).includes(key)) sink.add(c.range(key), 'warning', 'unknown-field', `${where}.check: unknown key '${key.slice(0, 40)}' (expected ${CHECK_KEYS.join(', ')})`);
  }
  const codes = (key: string): number[] | undefined => {
    if (!c.has(key)) return undefined;
    const list: number[] = [];
    for (const item of c.list(key, 'status code')) {
      const v = item.kind === 'scalar' ? String(item.value) : '';
      if (/^[1-5]\d\d$/.test(v)) list.push(Number(v));
      else sink.add(sink.rangeOf(item), 'error', 'wrong-type', `${where}.check.${key} items must be status codes, found ${describe(item)}`);
    }
    return list;
  };
  const words = (key: string, upper: boolean): string[] | undefined => {
    if (!c.has(key)) return undefined;
    const list: string[] = [];
    for (const item of c.list(key, 'name')) {
      const v = item.kind === 'scalar' && typeof item.value === 'string' ? item.value.trim() : '';
      if (/^[A-Za-z][A-Za-z0-9-]*$/.test(v)) list.push(upper ? v.toUpperCase() : v);
      else sink.add(sink.rangeOf(item), 'error', 'wrong-type', `${where}.check.${key} items must be ${upper ? 'method' : 'header'} names, found ${describe(item)}`);
    }
    return list;
  };
  const check: RuleCheck = {
    statusAllowed: codes('status_allowed'), statusForbidden: codes('status_forbidden'),
    methodsAllowed: words('methods_allowed', true), methodsForbidden: words('methods_forbidden', true),
    headersForbidden: words('headers_forbidden', false),
  };
  if (!Object.values(check).some((v) => v !== undefined)) {
    sink.add(r.range('check'), 'error', 'missing-field', `${where}.check needs one of ${CHECK_KEYS.join(', ')}`);
    return undefined;
  }
  return check;
}

/** Requirement levels as guidelines write them (RFC 2119, and Microsoft's DO / DON'T / CONSIDER / AVOID). */
export const LEVELS = ['MUST', 'MUST NOT', 'REQUIRED', 'SHALL', 'SHALL NOT', 'SHOULD', 'SHOULD NOT', 'RECOMMENDED', 'NOT RECOMMENDED', 'MAY', 'OPTIONAL', 'COULD', 'DO', 'DO NOT', 'YOU SHOULD', 'YOU SHOULD NOT', 'YOU MAY', 'CONSIDER', 'AVOID'] as const;

const LEVEL_SET: ReadonlySet<string> = new Set(LEVELS);

function readLevel(r: MapReader, sink: ProblemSink): string | undefined {
  const text = r.string('level', false);
  if (text === undefined) return undefined;
  // Levels are mostly written as they should be: no normalising then (a corpus has thousands).
  if (LEVEL_SET.has(text)) return text;
  const level = text.toUpperCase().replace(/\s+/g, ' ').replace(/^DON'?T$/, 'DO NOT');
  if (!(LEVELS as readonly string[]).includes(level)) {
    sink.add(r.range('level'), 'warning', 'invalid-value', `${r.where}: unknown level '${text.slice(0, 40)}' (expected one of ${LEVELS.join(', ')})`);
    return undefined;
  }
  return level;
}
function readTopic(top: MapReader, sink: ProblemSink, file: string, root: number, body: string): Topic | undefined {
  const id = top.string('topic_id', true);
  const category = sharedValue(top.string('topic_category', true));
  const name = top.string('topic_name', true);
  const description = top.string('topic_description', true);
  if (id && !TOPIC_ID.test(id)) {
    sink.add(top.range('topic_id'), 'error', 'invalid-id', `topic_id '${id}' may only contain letters, digits, '.', '_' and '-'`);
    return undefined;
  }
  const guidelines: TopicGuideline[] = [];
  top.list('guidelines', 'guideline').forEach((node, i) => {
    const g = readTopicGuideline(node, sink, `guidelines[${i}]`);
    if (g) guidelines.push(g);
  });
  const status = readStatus(top, sink);
  const method = top.string('topic_method', false)?.toUpperCase();
  const header = top.string('topic_header', false);
  const policy = readPolicy(top, sink);
  if (!id || !category || !name || description === undefined) return undefined;
  // Kept for every topic, read by few: computed on first use.
  const fields = top.lazyRanges();
  return {
    id, category, name, description,
    guidelines: exactSize(guidelines),
    status: status ?? statusFromId(id),
    method: method ?? methodFromId(id),
    header,
    policy,
    file,
    range: top.range('topic_id'),
    fields,
    root,
    // In the literal, not added later: a property added afterwards costs every topic one more object.
    body: body.trim() || undefined,
  };
}

function readStatus(top: MapReader, sink: ProblemSink): number | undefined {
  const text = top.string('topic_status', false);
  if (text === undefined) return undefined;
  if (!/^[1-5]\d\d$/.test(text)) {
    sink.add(top.range('topic_status'), 'error', 'wrong-type', `topic_status must be a three-digit status code, found '${text}'`);
    return undefined;
  }
  return Number(text);
}

/** `http-status-403` → 403: the API Stylebook's id convention. */
export function statusFromId(id: string): number | undefined {
  const m = /^http-status-([1-5]\d\d)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** `http-methods-patch` → PATCH. */
export function methodFromId(id: string): string | undefined {
  const m = /^http-methods-(get|head|post|put|delete|patch|options|trace|connect)$/.exec(id);
  return m ? m[1].toUpperCase() : undefined;
}

function readPolicy(top: MapReader, sink: ProblemSink): TopicPolicy | undefined {
  if (!top.has('topic_policy')) return undefined;
  const node = top.node('topic_policy');
  const p = MapReader.of(node, sink, 'topic_policy');
  if (!p) {
    sink.add(top.range('topic_policy'), 'error', 'wrong-type', `topic_policy must be a mapping (severity, message, prefer), found ${describe(node)}`);
    return undefined;
  }
  const sev = (p.string('severity', false) ?? 'warning').toLowerCase();
  const severity = (sev === 'info' ? 'information' : sev) as Severity;
  if (!SEVERITIES.includes(severity)) {
    sink.add(p.range('severity'), 'error', 'invalid-value', `topic_policy.severity must be one of ${SEVERITIES.join(', ')}, found '${sev}'`);
    return undefined;
  }
  return { severity, message: p.string('message', false), prefer: readAlternatives(p, 'prefer', sink, 'topic_policy.prefer'), range: top.range('topic_policy') };
}

/** A `prefer:` value: one alternative or a list of them (status codes, methods or topic ids). */
function readAlternatives(r: MapReader, key: string, sink: ProblemSink, where: string): string[] {
  const prefer: string[] = [];
  const node = r.node(key);
  if (node === undefined || node === null) return prefer;
  const items = node.kind === 'seq' || node.kind === 'map' ? r.list(key, 'alternative') : [node];
  for (const item of items) {
    const v = item.kind === 'scalar' ? item.value : undefined;
    if (typeof v === 'string' || typeof v === 'number') prefer.push(String(v));
    else sink.add(sink.rangeOf(item), 'error', 'wrong-type', `${where} items must be codes, methods or topic ids, found ${describe(item)}`);
  }
  return prefer;
}

function readTopicGuideline(node: YamlNode, sink: ProblemSink, where: string): TopicGuideline | undefined {
  const g = MapReader.of(node, sink, where);
  if (!g) {
    sink.add(sink.rangeOf(node), 'error', 'wrong-type', `${where} must be a mapping with guideline_id and references, found ${describe(node)}`);
    return undefined;
  }
  const guidelineId = g.string('guideline_id', true);
  if (!guidelineId) return undefined;
  const references: Reference[] = [];
  g.list('references', 'reference').forEach((r, i) => {
    const ref = readReference(r, sink, `${where}.references[${i}]`);
    if (ref) references.push(ref);
  });
  return {
    guidelineId: sharedValue(guidelineId),
    // Title and company may come from a guideline page: the index resolves them.
    title: sharedValue(g.string('guideline_title', false) ?? ''),
    company: sharedValue(g.string('guideline_company', false) ?? ''),
    url: sharedValue(readUrl(g, 'guideline_url', sink)),
    date: sharedValue(g.string('guideline_date', false)),
    references: exactSize(references),
    range: sink.rangeOf(node),
  };
}

/** Reads one `{name, url}` reference; also used by the stylebook data reader. */
export function readReference(node: YamlNode, sink: ProblemSink, where: string): Reference | undefined {
  const r = MapReader.of(node, sink, where);
  if (!r) {
    sink.add(sink.rangeOf(node), 'error', 'wrong-type', `${where} must be a mapping with name and url, found ${describe(node)}`);
    return undefined;
  }
  const url = readUrl(r, 'url', sink);
  const name = r.string('name', false) ?? url;
  if (!r.has('url')) {
    sink.add(sink.rangeOf(node), 'warning', 'missing-url', `${where}: the reference has no 'url'; it is shown without a link`);
  }
  if (!name) return undefined;
  // Most references are `{name, url}` only: the optional fields are added only when present.
  if (!r.has('rule') && !r.has('level') && !r.has('asks')) return { name, url };
  const ref: Reference = { name, url };
  const rule = r.string('rule', false);
  const level = readLevel(r, sink);
  const asks = r.string('asks', false);
  if (rule !== undefined) ref.rule = rule;
  if (level !== undefined) ref.level = level;
  if (asks !== undefined) ref.asks = asks;
  return ref;
}

/** URLs are limited to http(s): corpus text is untrusted and ends up as clickable links. */
export function readUrl(r: MapReader, key: string, sink: ProblemSink, required = false): string | undefined {
  const url = r.string(key, required);
  if (url === undefined) return undefined;
  if (!isWebUrl(url)) {
    sink.add(r.range(key), 'error', 'invalid-url', `${r.where}: '${key}' must be an http(s) URL, found '${url.slice(0, 80)}'`);
    return undefined;
  }
  return url;
}

export function isWebUrl(url: string): boolean {
  if (PLAIN_WEB_URL.test(url)) return true;
  const known = checkedUrls.get(url);
  if (known !== undefined) return known;
  if (checkedUrls.size >= MAX_CHECKED_URLS) checkedUrls.clear();
  const ok = checkWebUrl(url);
  checkedUrls.set(url, ok);
  return ok;
}

/**
 * URLs the WHATWG parser always accepts as http(s) with a host: a plain host name whose last label
 * starts with a letter (`1`, `0x1f` would make it an IPv4 address), no punycode, no port, any path. Checked
 * without parsing; everything else is parsed (once: pages repeat their URLs).
 */
const PLAIN_WEB_URL = /^https?:\/\/(?![^/?#]*xn--)(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?:[/?#][^\s]*)?$/i;

const checkedUrls = new Map<string, boolean>();
const MAX_CHECKED_URLS = 20_000;

function checkWebUrl(url: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
