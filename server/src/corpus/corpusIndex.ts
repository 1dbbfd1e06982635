/** Merges parsed corpus files into one index: topics by id, status code, method and header, plus text search. */
import type { CorpusProblem, Guideline, ParsedFile, Topic, TopicGuideline } from './model';

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

export class CorpusIndex {
  readonly topics = new Map<string, Topic>();
  readonly guidelines = new Map<string, Guideline>();
  readonly byStatus = new Map<number, Topic>();
  readonly byMethod = new Map<string, Topic>();
  readonly byHeader = new Map<string, Topic>();
  readonly problems: CorpusProblem[] = [];
  /** Problems grouped by file, for per-file diagnostics. */
  readonly problemsByFile = new Map<string, CorpusProblem[]>();
  private search?: Map<Topic, SearchFields>;

  /** Builds the index from parsed files, grouped by corpus root in priority order (later wins). */
  constructor(readonly roots: ParsedFile[][]) {
    const topicRoot = new Map<string, number>();
    const guidelineRoot = new Map<string, number>();
    roots.forEach((files, root) => {
      for (const f of files) {
        this.problems.push(...f.problems);
        for (const g of f.guidelines) {
          if (guidelineRoot.get(g.id) === root) {
            this.problem(g.file, g.range, 'duplicate-id', `Guideline id '${g.id}' is defined twice in this corpus (also in ${this.guidelines.get(g.id)!.file})`);
            continue;
          }
          guidelineRoot.set(g.id, root);
          this.guidelines.set(g.id, g);
        }
        for (const t of f.topics) {
          if (topicRoot.get(t.id) === root) {
            this.problem(t.file, t.range, 'duplicate-id', `Topic id '${t.id}' is defined twice in this corpus (also in ${this.topics.get(t.id)!.file})`);
            continue;
          }
          topicRoot.set(t.id, root);
          this.topics.set(t.id, { ...t, root, guidelines: [...t.guidelines] });
        }
      }
    });
    // Stylebook data files attach references to topics defined elsewhere.
    for (const files of roots) {
      for (const f of files) {
        for (const tr of f.topicReferences ?? []) {
          const topic = this.topics.get(tr.topicId);
          if (!topic) {
            this.problem(f.file, tr.range, 'unknown-topic', `Unknown topic id '${tr.topicId}': no topic with this id in the loaded corpora`);
            continue;
          }
          topic.guidelines.push({
            guidelineId: tr.guideline.id, title: tr.guideline.title, company: tr.guideline.company,
            url: tr.guideline.url, date: tr.guideline.date, references: tr.references, range: tr.range,
          });
        }
      }
    }
    for (const topic of this.topics.values()) {
      topic.guidelines = topic.guidelines.flatMap((g) => this.resolveGuideline(topic, g));
      topic.guidelines.sort((a, b) => a.company.localeCompare(b.company) || a.title.localeCompare(b.title));
      if (topic.status !== undefined) this.byStatus.set(topic.status, topic);
      if (topic.method) this.byMethod.set(topic.method, topic);
      if (topic.header) this.byHeader.set(topic.header.toLowerCase(), topic);
    }
    for (const p of this.problems) {
      let list = this.problemsByFile.get(p.file);
      if (!list) this.problemsByFile.set(p.file, (list = []));
      list.push(p);
    }
  }

  private problem(file: string, range: Topic['range'], code: string, message: string, severity: CorpusProblem['severity'] = 'error'): void {
    this.problems.push({ file, range, severity, code, message });
  }

  /** Fills title/company/url from the guideline page; reports ids that cannot be resolved. */
  private resolveGuideline(topic: Topic, g: TopicGuideline): TopicGuideline[] {
    const page = this.guidelines.get(g.guidelineId);
    if (page) {
      return [{ ...g, title: g.title || page.title, company: g.company || page.company, url: g.url ?? page.url, date: g.date ?? page.date }];
    }
    if (!g.title || !g.company) {
      this.problem(topic.file, g.range, 'unknown-guideline',
        `Unknown guideline id '${g.guidelineId}': no guideline page defines it, and the entry has no guideline_title and guideline_company of its own`);
      return [];
    }
    return [g];
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

  /** Ranked text search over code, name, category, description, companies and reference names. */
  searchTopics(query: string, limit = 50): SearchHit[] {
    const words = query.toLowerCase().split(/[\s,]+/).filter(Boolean);
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
    hits.sort((a, b) => b.score - a.score || a.topic.name.localeCompare(b.topic.name));
    return hits.slice(0, limit);
  }

  private searchFields(): Map<Topic, SearchFields> {
    if (this.search) return this.search;
    this.search = new Map();
    for (const t of this.topics.values()) {
      this.search.set(t, {
        id: t.id.toLowerCase(),
        name: t.name.toLowerCase(),
        category: t.category.toLowerCase(),
        description: t.description.toLowerCase(),
        companies: t.guidelines.map((g) => `${g.company} ${g.title}`).join(' ').toLowerCase(),
        references: t.guidelines.flatMap((g) => g.references.map((r) => r.name)).join(' ').toLowerCase(),
        code: String(t.status ?? t.method ?? t.header ?? '').toLowerCase(),
      });
    }
    return this.search;
  }
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
