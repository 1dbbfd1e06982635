/**
 * A corpus folder compiled by the build into what the index needs (every file's topics, guidelines and references, with
 * the ranges that links and definitions point at), so that the built-in corpus loads from one file without reading or
 * parsing a page. Pages are parsed only for other folders, for a stale compile, and when an editor opens one.
 */
import type { ParsedFile, SourceRange } from './model';

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
}

/** What a file system hands back for a fresh compile: each file's absolute path and its saved parse result. */
export interface CompiledEntry {
  file: string;
  parsed: unknown;
}

function isRange(v: unknown): v is SourceRange {
  const r = v as SourceRange;
  return !!r && typeof r === 'object' && typeof r.start?.offset === 'number' && typeof r.end?.offset === 'number' && typeof r.start.line === 'number';
}

/**
 * Compiles parsed files (paths relative to the root, with `/`); undefined when a file has problems, so that the folder
 * is parsed and every problem reported as parsing reports it.
 */
export function compileCorpus(folders: CompiledFolder[], files: { path: string; size: number; mtime: number; parsed: ParsedFile }[]): CompiledCorpus | undefined {
  if (files.some((f) => f.parsed.problems.length > 0)) return undefined;
  return {
    version: COMPILED_CORPUS_VERSION,
    folders,
    files: files.map((f) => {
      const { guidelines } = f.parsed;
      const plain = {
        ...f.parsed,
        // A reference to the page's own guideline, by position: JSON would copy it for every topic.
        topicReferences: f.parsed.topicReferences?.map((tr) => ({ ...tr, guideline: guidelines.indexOf(tr.guideline) })),
      };
      const parsed: unknown = JSON.parse(JSON.stringify(plain, (key, value) => {
        // The file is where the compile is read from; field ranges are for authoring, which parses the open page.
        if (key === 'file' || key === 'fields' || key === 'problems') return undefined;
        if (isRange(value)) {
          const { start: s, end: e } = value;
          return { $r: [s.line, s.character, s.offset, e.line, e.character, e.offset] };
        }
        return value;
      }));
      return { path: f.path, size: f.size, mtime: f.mtime, parsed };
    }),
  };
}

/** Whether a value read from disk has the shape of this version's compile (its contents are the build's own). */
export function isCompiledCorpus(value: unknown): value is CompiledCorpus {
  const c = value as CompiledCorpus;
  return !!c && typeof c === 'object' && c.version === COMPILED_CORPUS_VERSION && Array.isArray(c.folders) && Array.isArray(c.files);
}

/** Puts back what the compile left out: range objects, file paths, the corpus root, shared guideline objects. */
export function reviveCompiled(entries: readonly CompiledEntry[], root: number): ParsedFile[] {
  return entries.map(({ file, parsed: saved }) => {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
        return v;
      }
      if (!v || typeof v !== 'object') return v;
      const o = v as Record<string, unknown>;
      const r = o.$r as number[] | undefined;
      if (r) return { start: { line: r[0], character: r[1], offset: r[2] }, end: { line: r[3], character: r[4], offset: r[5] } };
      for (const k in o) o[k] = walk(o[k]);
      return o;
    };
    const parsed = walk(saved) as ParsedFile & { topicReferences?: { guideline: unknown }[] };
    parsed.file = file;
    parsed.problems = [];
    for (const t of parsed.topics) Object.assign(t, { file, root, fields: {} });
    for (const g of parsed.guidelines) g.file = file;
    for (const tr of parsed.topicReferences ?? []) tr.guideline = parsed.guidelines[tr.guideline as unknown as number];
    return parsed;
  });
}
