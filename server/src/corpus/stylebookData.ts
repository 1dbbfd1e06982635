/** Reads the API Stylebook source data format: `topics.yaml` and `guidelines/*.yaml`. */
import { exactSize } from './exactSize';
import { LineMap } from './lineMap';
import type { CorpusFile, ParsedFile, Reference } from './model';
import { methodFromId, readReference, readUrl, statusFromId } from './topicPage';
import { MapReader, ProblemSink, describe, parseYaml } from './yamlFields';

/** `topics.yaml`: topic id → { category, name, description }. */
export function parseStylebookTopics(input: CorpusFile, root = 0): ParsedFile {
  const lines = new LineMap(input.text);
  const sink = new ProblemSink(input.path, lines);
  const result: ParsedFile = { file: input.path, topics: [], guidelines: [], problems: sink.problems };
  const { contents, ok } = parseYaml(input.text, sink);
  if (!ok) return result;
  if (contents?.kind !== 'map') {
    sink.add(lines.lineRange(0), 'error', 'wrong-type', `topics.yaml must map topic ids to topics, found ${describe(contents)}`);
    return result;
  }
  for (const pair of contents.pairs) {
    const id = pair.key?.kind === 'scalar' ? String(pair.key.value) : undefined;
    if (!id) continue;
    const t = MapReader.of(pair.value, sink, `topic '${id}'`);
    if (!t) {
      sink.add(sink.rangeOf(pair.value ?? pair.key), 'error', 'wrong-type', `topic '${id}' must be a mapping (category, name, description), found ${describe(pair.value)}`);
      continue;
    }
    const category = t.string('category', true);
    const name = t.string('name', true);
    const description = t.string('description', false) ?? '';
    if (!category || !name) continue;
    const range = sink.rangeOf(pair.key);
    result.topics.push({
      id, category, name, description, guidelines: [],
      status: statusFromId(id), method: methodFromId(id),
      file: input.path, range, fields: { topic_id: range }, root,
    });
  }
  return result;
}

/** `guidelines/<id>.yaml`: the guideline's fields plus `topics:` topic id → references. */
export function parseStylebookGuideline(input: CorpusFile): ParsedFile {
  const lines = new LineMap(input.text);
  const sink = new ProblemSink(input.path, lines);
  const result: ParsedFile = { file: input.path, topics: [], guidelines: [], problems: sink.problems, topicReferences: [] };
  const { contents, ok } = parseYaml(input.text, sink);
  if (!ok) return result;
  const g = MapReader.of(contents, sink, 'guideline');
  if (!g) {
    sink.add(lines.lineRange(0), 'error', 'wrong-type', `A guideline file must be a mapping, found ${describe(contents)}`);
    return result;
  }
  const id = g.string('id', true);
  const title = g.string('title', true);
  const company = g.string('company', true);
  const url = readUrl(g, 'url', sink);
  if (!id || !title || !company) return result;
  const guideline = {
    id, title, company, url,
    date: g.string('date', false), reviewDate: g.string('reviewDate', false),
    file: input.path, range: g.range('id'),
  };
  result.guidelines.push(guideline);
  const topics = MapReader.of(g.node('topics'), sink, 'topics');
  if (g.has('topics') && !topics) {
    sink.add(g.range('topics'), 'error', 'wrong-type', `'topics' must map topic ids to lists of references, found ${describe(g.node('topics'))}`);
  }
  for (const topicId of topics?.keys() ?? []) {
    const references: Reference[] = [];
    topics!.list(topicId, 'reference').forEach((node, i) => {
      const ref = readReference(node, sink, `topics.${topicId}[${i}]`);
      if (ref) references.push(ref);
    });
    result.topicReferences!.push({ guideline, topicId, references: exactSize(references), range: topics!.range(topicId) });
  }
  return result;
}
