/**
 * A corpus folder compiled by the build into what the index needs (every file's topics, guidelines and references, with
 * the ranges that links and definitions point at), so that the built-in corpus loads from one file without reading or
 * parsing a page. Pages are parsed only for other folders, for a stale compile, and when an editor opens one.
 */
import { collationOrder } from './corpusIndex';
import type { ParsedFile } from './model';

/** Bumped whenever the saved shape changes: an older file is then ignored (the folder is parsed). */
export const COMPILED_CORPUS_VERSION = 2;

/** A folder below the root ('' for the root itself, `/` between names) and its modification time when compiled. */
export interface CompiledFolder {
  path: string;
  mtime: number;
}

/** One compiled file: where it is below the root, its size and modification time when compiled, what parsing it gave. */
export interface CompiledFile extends CompiledFolder {
  size: number;
  parsed: unknown;
}

/**
 * The saved form. Every folder walked and every file with its size and time let a reader tell a stale compile
 * cheaply: see `NodeCorpusFileSystem.readCompiled`.
 */
export interface CompiledCorpus {
  version: number;
  folders: CompiledFolder[];
  files: CompiledFile[];
  /** The guideline names (companies, titles) in collation order, so that the index sorts them without a collator. */
  collation: string[][];
}

/** What a file system hands back for a fresh compile: each file's absolute path and its saved parse result. */
export interface CompiledEntry {
  file: string;
  parsed: unknown;
}

/** A fresh compile of one root, as the file system hands it back. */
export interface CompiledRoot {
  files: CompiledEntry[];
  collation: string[][];
}

/**
 * Compiles parsed files (paths relative to the root, with `/`); undefined when a file has problems, so that the folder
 * is parsed and every problem reported as parsing reports it.
 */
export function compileCorpus(folders: CompiledFolder[], files: { path: string; size: number; mtime: number; parsed: ParsedFile }[]): CompiledCorpus | undefined {
  if (files.some((f) => f.parsed.problems.length > 0)) return undefined;
  const names: string[] = [];
  for (const { parsed } of files) {
    for (const g of parsed.guidelines) names.push(g.company, g.title);
    for (const t of parsed.topics) for (const g of t.guidelines) names.push(g.company, g.title);
  }
  return {
    version: COMPILED_CORPUS_VERSION,
    folders,
    collation: collationOrder(names),
    files: files.map((f) => {
      const { guidelines } = f.parsed;
      const plain = {
        ...f.parsed,
        // A reference to the page's own guideline, by position: JSON would copy it for every topic.
        topicReferences: f.parsed.topicReferences?.map((tr) => ({ ...tr, guideline: guidelines.indexOf(tr.guideline) })),
      };
      // The file is where the compile is read from; field ranges are for authoring, which parses the open page.
      // Ranges stay objects: reading them as JSON costs less than walking the whole result to rebuild them.
      const parsed: unknown = JSON.parse(JSON.stringify(plain, (key, value) => (key === 'file' || key === 'fields' || key === 'problems' ? undefined : value)));
      return { path: f.path, size: f.size, mtime: f.mtime, parsed };
    }),
  };
}

/** Whether a value read from disk has the shape of this version's compile (its contents are the build's own). */
export function isCompiledCorpus(value: unknown): value is CompiledCorpus {
  const c = value as CompiledCorpus;
  return !!c && typeof c === 'object' && c.version === COMPILED_CORPUS_VERSION && Array.isArray(c.folders) && Array.isArray(c.files) && Array.isArray(c.collation);
}

/** Puts back what the compile left out: file paths, the corpus root, shared guideline objects. */
export function reviveCompiled(entries: readonly CompiledEntry[], root: number): ParsedFile[] {
  return entries.map(({ file, parsed: saved }) => {
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
