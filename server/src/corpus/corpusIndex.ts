/** Merges parsed corpus files into one index: topics by id, status code, method and header, plus text search. */
import type { CorpusProblem, Guideline, ParsedFile, Topic, TopicGuideline } from './model';
import { exactSize } from './exactSize';
import { boundMessage } from './yamlFields';

export interface SearchHit {
  topic: Topic;
  score: number;
}

interface SearchFields {
  id: string;
  name: string;
  category: string;
  description: string;
  companies: string;
  references: string;
  code: string;
}

/** Sorts guideline entries as `localeCompare` does, at a fraction of its cost per call; set up on first use (~5 ms). */
let collator: Intl.Collator | undefined;
/**
 * Collation ranks of names, as the build's compile of the built-in corpus lists them (`addCollationOrder`): sorting
 * its guideline entries then sets up no collator. Names of other corpora are compared by the collator.
 */
const ranks = new Map<string, number>();

/** Takes in names in collation order, each group equal for the collator (ranks follow those already known). */
export function addCollationOrder(groups: readonly (readonly string[])[]): void {
  // Any two names of one order compare right, so the first order taken in is enough (a later one may know more names).
  if (ranks.size) return;
  groups.forEach((group, rank) => { for (const name of group) ranks.set(name, rank); });
}

function compareNames(a: string, b: string): number {
  const ra = ranks.get(a);
  const rb = ranks.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  return (collator ??= new Intl.Collator()).compare(a, b);
}

/** Names in collation order, grouped where the collator finds them equal: what `addCollationOrder` takes. */
export function collationOrder(names: Iterable<string>): string[][] {
  const c = (collator ??= new Intl.Collator());
  const sorted = [...new Set(names)].sort(c.compare);
  const groups: string[][] = [];
  for (const name of sorted) {
    const last = groups[groups.length - 1];
    if (last && c.compare(last[0], name) === 0) last.push(name);
    else groups.push([name]);
  }
  return groups;
}

/** Everything an index holds; a patched index shares most of it with its predecessor. */
interface IndexParts {
  topics: Map<string, Topic>;
  guidelines: Map<string, Guideline>;
  byStatus: Map<number, Topic>;
  byMethod: Map<string, Topic>;
  byHeader: Map<string, Topic>;
  /** Per root, per file (parallel to `roots`): the file's problems and the duplicates found in it. */
  fileProblems: CorpusProblem[][][];
  /** Stylebook references to unknown topics. */
  referenceProblems: CorpusProblem[];
  /** Unresolvable guideline entries, by topic id. */
  guidelineProblems: Map<string, CorpusProblem[]>;
  /** How many times each topic id is defined across all roots. */
  definitions: Map<string, number>;
  /** Topic ids that stylebook data files attach references to. */
  referenced: Set<string>;
}

/** Longest search query read, in characters; the rest is ignored. */
export const MAX_QUERY_CHARS = 256;
/** Most distinct words of a query used. */
export const MAX_QUERY_WORDS = 16;

/**
 * A root's index as the build compiles it (`compiledCorpus.ts`): its topics finished (guideline entries attached,
 * resolved and sorted) and its guidelines, valid while that root is indexed alone and has no problems.
 */
export interface FinishedIndex {
  topics: Topic[];
  guidelines: Guideline[];
  /** Topic ids that the root's data files or guideline pages attach references to. */
  referenced: string[];
}

export class CorpusIndex {
  readonly topics: Map<string, Topic>;
  readonly guidelines: Map<string, Guideline>;
  readonly byStatus: Map<number, Topic>;
  readonly byMethod: Map<string, Topic>;
  readonly byHeader: Map<string, Topic>;
  private readonly parts: IndexParts;
  private allProblems?: CorpusProblem[];
  private byFile?: Map<string, CorpusProblem[]>;
  private search?: Map<Topic, SearchFields>;

  private rootFiles: ParsedFile[][] | (() => ParsedFile[][]);

  /** Builds the index from parsed files, grouped by corpus root in priority order (later wins). */
  constructor(roots: ParsedFile[][], parts?: IndexParts) {
    this.rootFiles = roots;
    this.parts = parts ?? buildParts(roots);
    ({ topics: this.topics, guidelines: this.guidelines, byStatus: this.byStatus, byMethod: this.byMethod, byHeader: this.byHeader } = this.parts);
  }

  /**
   * The index of one root from the build's compile, without building it; `files` gives the root's parsed files when
   * something asks for them (validation, an edit), so that they are not even read before.
   */
  static finished(index: FinishedIndex, files: () => ParsedFile[]): CorpusIndex {
    const parts: IndexParts = {
      topics: new Map(), guidelines: new Map(index.guidelines.map((g) => [g.id, g])), byStatus: new Map(), byMethod: new Map(), byHeader: new Map(),
      fileProblems: [[]], referenceProblems: [], guidelineProblems: new Map(), definitions: new Map(), referenced: new Set(index.referenced),
    };
    for (const topic of index.topics) {
      parts.topics.set(topic.id, topic);
      parts.definitions.set(topic.id, 1);
      if (topic.status !== undefined) parts.byStatus.set(topic.status, topic);
      if (topic.method) parts.byMethod.set(topic.method, topic);
      if (topic.header) parts.byHeader.set(topic.header.toLowerCase(), topic);
    }
    const built = new CorpusIndex([], parts);
    built.rootFiles = () => [files()];
    return built;
  }

  /** The parsed files, per root, that the index holds. */
  get roots(): ParsedFile[][] {
    if (typeof this.rootFiles === 'function') this.rootFiles = this.rootFiles();
    return this.rootFiles;
  }

  /** Every problem: per file in corpus order, then unknown topics, then unresolvable guideline entries in topic order. */
  get problems(): CorpusProblem[] {
    if (this.allProblems) return this.allProblems;
    const { fileProblems, referenceProblems, guidelineProblems } = this.parts;
    const all = fileProblems.flat(2).concat(referenceProblems);
    if (guidelineProblems.size) {
      for (const id of this.topics.keys()) {
        const list = guidelineProblems.get(id);
        if (list) all.push(...list);
      }
    }
    return (this.allProblems = all);
  }

  /** Problems grouped by file, for per-file diagnostics. */
  get problemsByFile(): Map<string, CorpusProblem[]> {
    if (this.byFile) return this.byFile;
    const byFile = new Map<string, CorpusProblem[]>();
    for (const p of this.problems) {
      let list = byFile.get(p.file);
      if (!list) byFile.set(p.file, (list = []));
      list.push(p);
    }
    return (this.byFile = byFile);
  }

  /**
   * Takes in one file that changed from `previous` to `next`, in time proportional to that file: for
   * the common edit of a topic page that keeps its topic ids, defines them nowhere else and has no
   * guideline pages or stylebook references in play. Returns false (and changes nothing) when the
   * change needs a full rebuild. The index is changed in place: copying its maps would cost more
   * than the edit.
   */
  patchFile(root: number, previous: ParsedFile, next: ParsedFile): boolean {
    const parts = this.parts;
    if (previous.guidelines.length || next.guidelines.length || previous.topicReferences?.length || next.topicReferences?.length) return false;
    if (previous.topics.length !== next.topics.length) return false;
    const at = this.roots[root]?.indexOf(previous) ?? -1;
    if (at === -1) return false;
    for (const [i, t] of next.topics.entries()) {
      const old = this.topics.get(t.id);
      if (previous.topics[i].id !== t.id || parts.definitions.get(t.id) !== 1 || parts.referenced.has(t.id) || !old || old.file !== previous.file) return false;
      if (old.status !== t.status || old.method !== t.method || old.header?.toLowerCase() !== t.header?.toLowerCase()) return false;
    }
    this.roots[root][at] = next;
    parts.fileProblems[root][at] = next.problems;
    for (const t of next.topics) {
      const old = this.topics.get(t.id)!;
      const topic = finishTopic({ ...t, root }, parts);
      this.topics.set(t.id, topic);
      // Same status, method and header as before: only the maps that pointed at the old topic change.
      if (t.status !== undefined && this.byStatus.get(t.status) === old) this.byStatus.set(t.status, topic);
      if (t.method && this.byMethod.get(t.method) === old) this.byMethod.set(t.method, topic);
      if (t.header && this.byHeader.get(t.header.toLowerCase()) === old) this.byHeader.set(t.header.toLowerCase(), topic);
      if (this.search) {
        this.search.delete(old);
        this.search.set(topic, searchFieldsOf(topic));
      }
    }
    this.allProblems = undefined;
    this.byFile = undefined;
    return true;
  }

  get size(): number {
    return this.topics.size;
  }

  topicForStatus(code: number): Topic | undefined {
    return this.byStatus.get(code);
  }

  topicForMethod(method: string): Topic | undefined {
    return this.byMethod.get(method.toUpperCase());
  }

  topicForHeader(header: string): Topic | undefined {
    return this.byHeader.get(header.toLowerCase());
  }

  /**
   * Ranked text search over code, name, category, description, companies and reference names. Among hits of equal
   * score, topics `preferred` picks (e.g. covered by a followed guideline) come first.
   */
  searchTopics(query: string, limit = 50, preferred?: (topic: Topic) => boolean): SearchHit[] {
    // A query is typed: what is longer (a 2 MB workspace/symbol query) is cut, so one search costs at most a few words per topic.
    const words = [...new Set(query.slice(0, MAX_QUERY_CHARS).toLowerCase().split(/[\s,]+/).filter(Boolean))].slice(0, MAX_QUERY_WORDS);
    const all = [...this.topics.values()];
    if (words.length === 0) {
      return all.sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name)).slice(0, limit).map((topic) => ({ topic, score: 0 }));
    }
    const fields = this.searchFields();
    const hits: SearchHit[] = [];
    for (const topic of all) {
      const f = fields.get(topic)!;
      let score = 0;
      for (const w of words) {
        const s = scoreWord(f, w);
        if (s === 0) { score = 0; break; }
        score += s;
      }
      if (score > 0) hits.push({ topic, score });
    }
    const first = preferred ? new Set(hits.filter((h) => preferred(h.topic)).map((h) => h.topic)) : undefined;
    const rank = (h: SearchHit) => (first?.has(h.topic) ? 0 : 1);
    hits.sort((a, b) => b.score - a.score || rank(a) - rank(b) || a.topic.name.localeCompare(b.topic.name));
    return hits.slice(0, limit);
  }

  private searchFields(): Map<Topic, SearchFields> {
    if (this.search) return this.search;
    this.search = new Map();
    for (const t of this.topics.values()) this.search.set(t, searchFieldsOf(t));
    return this.search;
  }
}

function searchFieldsOf(t: Topic): SearchFields {
  return {
    id: t.id.toLowerCase(),
    name: t.name.toLowerCase(),
    category: t.category.toLowerCase(),
    description: t.description.toLowerCase(),
    companies: t.guidelines.map((g) => `${g.company} ${g.title}`).join(' ').toLowerCase(),
    references: t.guidelines.flatMap((g) => g.references.map((r) => r.name)).join(' ').toLowerCase(),
    code: String(t.status ?? t.method ?? t.header ?? '').toLowerCase(),
  };
}

/** The full build: every file of every root, in priority order. */
function buildParts(roots: ParsedFile[][]): IndexParts {
  const parts: IndexParts = {
    topics: new Map(), guidelines: new Map(), byStatus: new Map(), byMethod: new Map(), byHeader: new Map(),
    fileProblems: [], referenceProblems: [], guidelineProblems: new Map(), definitions: new Map(), referenced: new Set(),
  };
  const { topics, guidelines } = parts;
  const topicRoot = new Map<string, number>();
  const guidelineRoot = new Map<string, number>();
  roots.forEach((files, root) => {
    parts.fileProblems.push(files.map((f) => {
      // The file's own list unless duplicates are added to it: most files have none.
      let found = f.problems;
      for (const g of f.guidelines) {
        if (guidelineRoot.get(g.id) === root) {
          found = withProblem(found, f.problems, problem(g.file, g.range, 'duplicate-id', `Guideline id '${g.id}' is defined twice in this corpus (also in ${guidelines.get(g.id)!.file})`));
          continue;
        }
        guidelineRoot.set(g.id, root);
        guidelines.set(g.id, g);
      }
      for (const t of f.topics) {
        parts.definitions.set(t.id, (parts.definitions.get(t.id) ?? 0) + 1);
        if (topicRoot.get(t.id) === root) {
          found = withProblem(found, f.problems, problem(t.file, t.range, 'duplicate-id', `Topic id '${t.id}' is defined twice in this corpus (also in ${topics.get(t.id)!.file})`));
          continue;
        }
        topicRoot.set(t.id, root);
        // The parsed topic's guideline list is shared: `finishTopic` replaces it, attached references copy it first.
        topics.set(t.id, { ...t, root });
      }
      return found;
    }));
  });
  // Stylebook data files attach references to topics defined elsewhere.
  const extended = new Set<Topic>();
  for (const files of roots) {
    for (const f of files) {
      for (const tr of f.topicReferences ?? []) {
        parts.referenced.add(tr.topicId);
        const topic = topics.get(tr.topicId);
        if (!topic) {
          parts.referenceProblems.push(problem(f.file, tr.range, 'unknown-topic', `Unknown topic id '${tr.topicId}': no topic with this id in the loaded corpora`));
          continue;
        }
        if (!extended.has(topic)) {
          extended.add(topic);
          topic.guidelines = [...topic.guidelines];
        }
        // Title, company, home and kind come from the guideline page that wins for this id (a later corpus may replace it).
        topic.guidelines.push({ guidelineId: tr.guideline.id, title: '', company: '', references: tr.references, range: tr.range, attached: true });
      }
    }
  }
  for (const topic of topics.values()) {
    finishTopic(topic, parts);
    if (topic.status !== undefined) parts.byStatus.set(topic.status, topic);
    if (topic.method) parts.byMethod.set(topic.method, topic);
    if (topic.header) parts.byHeader.set(topic.header.toLowerCase(), topic);
  }
  return parts;
}

/** Resolves and sorts a topic's guideline entries (in place), recording the ones that cannot be resolved. */
function finishTopic(topic: Topic, parts: IndexParts): Topic {
  let unresolved: CorpusProblem[] | undefined;
  const resolved: TopicGuideline[] = [];
  let seen: Map<string, number> | undefined;
  for (const g of topic.guidelines) {
    const entry = resolveGuideline(topic, g, parts.guidelines);
    if (entry.problem) {
      (unresolved ??= []).push(entry.problem);
      continue;
    }
    // One entry per guideline: a topic page and the guideline's own page may both list its sections.
    const at = (seen ??= new Map()).get(g.guidelineId);
    if (at === undefined) {
      seen.set(g.guidelineId, resolved.length);
      resolved.push(entry.guideline);
    } else {
      const first = resolved[at];
      const more = entry.guideline.references.filter((r) => !first.references.some((f) => f.url === r.url && f.name === r.name));
      if (more.length) resolved[at] = { ...first, references: [...first.references, ...more] };
    }
  }
  if (resolved.length > 1) resolved.sort(compareGuidelines);
  topic.guidelines = exactSize(resolved);
  if (unresolved) parts.guidelineProblems.set(topic.id, unresolved);
  else parts.guidelineProblems.delete(topic.id);
  return topic;
}

/** `list` with `p` added, copied first while it is still the parsed file's own list. */
function withProblem(list: CorpusProblem[], own: CorpusProblem[], p: CorpusProblem): CorpusProblem[] {
  const result = list === own ? list.slice() : list;
  result.push(p);
  return result;
}

function compareGuidelines(a: TopicGuideline, b: TopicGuideline): number {
  return compareNames(a.company, b.company) || compareNames(a.title, b.title);
}

/** Fills title/company/url from the guideline page; reports ids that cannot be resolved. */
function resolveGuideline(topic: Topic, g: TopicGuideline, guidelines: Map<string, Guideline>): { guideline: TopicGuideline; problem?: undefined } | { problem: CorpusProblem } {
  const page = guidelines.get(g.guidelineId);
  if (page) {
    const title = g.title || page.title;
    const company = g.company || page.company;
    const url = g.url ?? page.url;
    const date = g.date ?? page.date;
    const kind = page.kind;
    // A complete entry is kept as it is: no copy per topic and index.
    if (title === g.title && company === g.company && url === g.url && date === g.date && kind === g.kind) return { guideline: g };
    return { guideline: { ...g, title, company, url, date, kind } };
  }
  if (!g.title || !g.company) {
    return { problem: problem(topic.file, g.range, 'unknown-guideline',
      `Unknown guideline id '${g.guidelineId}': no guideline page defines it, and the entry has no guideline_title and guideline_company of its own`) };
  }
  return { guideline: g };
}

function problem(file: string, range: Topic['range'], code: string, message: string, severity: CorpusProblem['severity'] = 'error'): CorpusProblem {
  return { file, range, severity, code, message: boundMessage(message) };
}

function scoreWord(f: SearchFields, w: string): number {
  if (f.code === w) return 100;
  if (f.id === w) return 90;
  if (f.name === w) return 80;
  if (startsWord(f.name, w)) return 40;
  if (f.name.includes(w)) return 25;
  if (f.id.includes(w)) return 20;
  if (startsWord(f.category, w)) return 15;
  if (startsWord(f.companies, w)) return 12;
  if (startsWord(f.references, w)) return 10;
  if (startsWord(f.description, w)) return 6;
  if (f.description.includes(w) || f.references.includes(w)) return 2;
  return 0;
}

function startsWord(text: string, w: string): boolean {
  for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) {
    if (i === 0 || !/[a-z0-9]/.test(text[i - 1])) return true;
  }
  return false;
}
