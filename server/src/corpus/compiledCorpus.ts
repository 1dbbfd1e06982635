/**
 * A corpus folder compiled by the build, so that the built-in corpus loads from one file without reading or parsing a
 * page: first the finished index of the folder alone (topics with their guideline entries attached, resolved and
 * sorted, with the ranges that links point at), then every file's parse result, read only when the folder is combined
 * with other corpora or a page is edited. Pages are parsed only for other folders, a stale compile, and authoring.
 */
import { collationOrder, CorpusIndex, type FinishedIndex } from './corpusIndex';
import type { ParsedFile } from './model';

/** Bumped whenever the saved shape changes: an older file is then ignored (the folder is parsed). */
export const COMPILED_CORPUS_VERSION = 2;

/** A folder below the root ('' for the root itself, `/` between names) and its modification time when compiled. */
export interface CompiledFolder {
  path: string;
  mtime: number;
}

/** One compiled file: where it is below the root, its size and modification time when compiled. */
export interface CompiledFile extends CompiledFolder {
  size: number;
}

/**
 * The first line of a compile. Every folder walked and every file with its size and time let a reader tell a stale
 * compile cheaply (`NodeCorpusFileSystem.readCompiled`); topics and guidelines name their file by its place in `files`.
 */
export interface CompiledHeader {
  version: number;
  folders: CompiledFolder[];
  files: CompiledFile[];
  /** The guideline names (companies, titles) in collation order, so that the index sorts them without a collator. */
  collation: string[][];
  index: FinishedIndex;
}

/** A fresh compile of one root as a file system hands it back: the header, and the files' parse results when asked. */
export interface CompiledRoot {
  header: CompiledHeader;
  /** Absolute paths of `header.files`, in order. */
  paths: string[];
  /** The folders of `header.folders`, as reached and as real paths: what a watcher watches. */
  folders: { path: string; real: string }[];
  /** The second line, parsed: each file's parse result, in the order of `paths`. */
  parsed: () => unknown[];
}

/** The saved text: two lines of JSON, non-ASCII characters escaped so that the file can be read as one-byte text. */
export function compileCorpus(folders: CompiledFolder[], files: { path: string; size: number; mtime: number; parsed: ParsedFile }[]): string | undefined {
  // A file with problems: the folder is parsed, so that every problem is reported as parsing reports it.
  if (files.some((f) => f.parsed.problems.length > 0)) return undefined;
  const names: string[] = [];
  for (const { parsed } of files) {
    for (const g of parsed.guidelines) names.push(g.company, g.title);
    for (const t of parsed.topics) for (const g of t.guidelines) names.push(g.company, g.title);
  }
  const fileIndex = new Map(files.map((f, i) => [f.parsed.file, i]));
  const index = new CorpusIndex([files.map((f) => f.parsed)]);
  const referenced = new Set(files.flatMap((f) => (f.parsed.topicReferences ?? []).map((tr) => tr.topicId)));
  const header: CompiledHeader = {
    version: COMPILED_CORPUS_VERSION,
    folders,
    files: files.map(({ path, size, mtime }) => ({ path, size, mtime })),
    collation: collationOrder(names),
    index: { topics: [...index.topics.values()], guidelines: [...index.guidelines.values()], referenced: [...referenced] },
  };
  // The file is where the compile is read from (by its place in `files`); field ranges are for authoring, which parses.
  const plain = (key: string, value: unknown) => {
    if (key === 'fields' || key === 'problems') return undefined;
    if (key === 'file') return fileIndex.get(value as string);
    return value;
  };
  const parsed = files.map((f) => ({
    ...f.parsed,
    // A reference to the page's own guideline, by position: JSON would copy it for every topic.
    topicReferences: f.parsed.topicReferences?.map((tr) => ({ ...tr, guideline: f.parsed.guidelines.indexOf(tr.guideline) })),
  }));
  return `${ascii(JSON.stringify(header, plain))}\n${ascii(JSON.stringify(parsed, plain))}\n`;
}

function ascii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The header of a compile (its whole text, or its first line alone), when it is this version's; undefined otherwise. */
export function readCompiledHeader(text: string): CompiledHeader | undefined {
  const end = text.indexOf('\n');
  let header: CompiledHeader;
  try {
    header = JSON.parse(end === -1 ? text : text.slice(0, end)) as CompiledHeader;
  } catch {
    return undefined;
  }
  const ok = !!header && typeof header === 'object' && header.version === COMPILED_CORPUS_VERSION && Array.isArray(header.folders)
    && Array.isArray(header.files) && Array.isArray(header.collation) && !!header.index && Array.isArray(header.index.topics);
  return ok ? header : undefined;
}

/** The second line of a compile's text, parsed. */
export function readCompiledFiles(text: string): unknown[] {
  const start = text.indexOf('\n') + 1;
  const parsed = JSON.parse(text.slice(start, text.indexOf('\n', start))) as unknown;
  if (!Array.isArray(parsed)) throw new Error('not a compiled corpus');
  return parsed;
}

/** Puts back what the compile left out of the finished index: file paths, the corpus root, field ranges. */
export function reviveFinished(compiled: CompiledRoot, root: number): FinishedIndex {
  const { index } = compiled.header;
  // Saved as the file's place in `paths`.
  const pathOf = (saved: unknown) => compiled.paths[saved as number];
  for (const t of index.topics) {
    t.file = pathOf(t.file);
    t.root = root;
    t.fields = {};
  }
  for (const g of index.guidelines) g.file = pathOf(g.file);
  return index;
}

/** Puts back what the compile left out of the files' parse results: paths, the root, problems, shared guideline objects. */
export function reviveFiles(compiled: CompiledRoot, root: number): ParsedFile[] {
  return compiled.parsed().map((saved, i) => {
    const file = compiled.paths[i];
    const parsed = saved as ParsedFile & { topicReferences?: { guideline: unknown }[] };
    parsed.file = file;
    parsed.problems = [];
    for (const t of parsed.topics) {
      t.file = file;
      t.root = root;
      t.fields = {};
    }
    for (const g of parsed.guidelines) g.file = file;
    for (const tr of parsed.topicReferences ?? []) tr.guideline = parsed.guidelines[tr.guideline as unknown as number];
    return parsed;
  });
}
