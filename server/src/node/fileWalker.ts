/** Finds the source files below the paths given on a command line, as git would see them: .gitignore honoured. */
import * as fsSync from 'fs';
import * as path from 'path';
import { IgnoreFile, IgnoreStack } from './gitignore';
import { fsPath, readFolderEntries, recoverArgumentPath, type FolderEntry } from './rawPath';
import { readRegularFile, specialFileKind, type FileIdentity } from './regularFile';

export type { FileIdentity } from './regularFile';

/** Folders never walked into, whatever the ignore files say. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);
/** Bytes inspected for a NUL to tell a binary file, as git and grep do. */
const BINARY_PROBE_BYTES = 8 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** OpenAPI documents are big by nature (GitHub's public spec is over 10 MB); they get a limit of their own. */
export const DEFAULT_MAX_OPENAPI_BYTES = 64 * 1024 * 1024;

export interface SkippedPath {
  path: string;
  reason: string;
}

export interface WalkOptions {
  /** Whether a file found while walking a folder is a candidate (e.g. it has a known language). */
  accept: (file: string) => boolean;
  /** Paths left out on top of the ignore files (e.g. exclude globs, corpus folders); asked for folders too. */
  ignore?: (path: string, isDirectory: boolean) => boolean;
}

export interface WalkResult {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** The files among `files` that were named explicitly (not found by walking a folder). */
  named: string[];
  /** Explicitly named files that were not accepted. */
  skipped: SkippedPath[];
  /** Paths given that do not exist. */
  missing: string[];
}

/**
 * Files below `paths` (absolute). Folders are walked with the .gitignore files from the
 * enclosing git repository down; a path named explicitly is taken even if git ignores it.
 * Synchronous inside: listings come from the page cache in microseconds, and a promise per folder and file
 * cost several times the walk itself.
 */
export async function walkFiles(paths: readonly string[], options: WalkOptions): Promise<WalkResult> {
  return walkFilesSync(paths, options);
}

export function walkFilesSync(paths: readonly string[], options: WalkOptions): WalkResult {
  const found = new Set<string>();
  const named = new Set<string>();
  const skipped: SkippedPath[] = [];
  const missing: string[] = [];
  for (const argument of paths) {
    let st;
    let given = argument;
    try {
      st = fsSync.statSync(given);
    } catch {
      // A name that is not UTF-8 reaches us with U+FFFD for its bad bytes: found again in its folder's raw listing.
      const recovered = recoverArgumentPath(given);
      st = recovered === undefined ? undefined : fsSync.statSync(fsPath(recovered), { throwIfNoEntry: false });
      if (!st) {
        missing.push(given);
        continue;
      }
      given = recovered!;
    }
    const special = specialFileKind(st);
    if (special) {
      // Never opened: reading a FIFO would wait for a writer forever.
      skipped.push({ path: given, reason: `${special}, not a regular file: not read` });
    } else if (st.isDirectory()) {
      const dir = path.resolve(given);
      const { origin, stack } = ignoreStackFor(dir);
      walkFolder(dir, toPosix(path.relative(origin, dir)), stack, { found, accept: options.accept, ignore: options.ignore ?? (() => false) });
    } else if (!options.accept(given)) {
      skipped.push({ path: given, reason: 'no supported language for this file name' });
    } else if (options.ignore?.(given, false)) {
      skipped.push({ path: given, reason: 'excluded by the settings' });
    } else {
      named.add(path.resolve(given));
    }
  }
  for (const file of named) found.add(file);
  return { files: [...found].sort(), named: [...named].sort(), skipped, missing };
}

interface WalkState {
  found: Set<string>;
  accept: (file: string) => boolean;
  ignore: (path: string, isDirectory: boolean) => boolean;
}

/** `relative`: the folder's path from the ignore files' origin, `/`-separated ('' for the origin itself). */
function walkFolder(dir: string, relative: string, inherited: IgnoreStack, state: WalkState): void {
  let entries: FolderEntry[];
  try {
    entries = readFolderEntries(dir);
  } catch {
    return; // An unreadable folder is one git would not list either.
  }
  const stack = entries.some((e) => e.name === '.gitignore') ? inherited.push(readIgnoreFile(path.join(dir, '.gitignore'), relative)) : inherited;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefix = relative ? `${relative}/` : '';
  for (const e of entries) {
    // `dir` is resolved and a name holds no separator: plain concatenation is `path.join`, at a fraction of its cost.
    const full = dir.endsWith(path.sep) ? dir + e.name : dir + path.sep + e.name;
    const rel = prefix + e.name;
    if (e.isDirectory()) {
      if (ALWAYS_SKIPPED.has(e.name) || stack.ignores(rel, true) || state.ignore(full, true)) continue;
      walkFolder(full, rel, stack, state);
    } else if (e.isFile() || (e.isSymbolicLink() && isFile(full))) {
      // Linked folders are not followed (git does not either), which also rules out loops.
      if (!stack.ignores(rel, false) && state.accept(full) && !state.ignore(full, false)) state.found.add(full);
    }
  }
}

function isFile(p: string): boolean {
  try {
    return fsSync.statSync(fsPath(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * The ignore files that apply above a walked folder: from the enclosing git repository's
 * root (with .git/info/exclude) down to the folder's parent. Without a repository, none.
 */
function ignoreStackFor(start: string): { origin: string; stack: IgnoreStack } {
  const repo = findGitRoot(start);
  if (!repo) return { origin: start, stack: new IgnoreStack() };
  let stack = new IgnoreStack().push(readIgnoreFile(path.join(repo, '.git', 'info', 'exclude'), ''));
  const parts = path.relative(repo, start).split(path.sep).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const folder = path.join(repo, ...parts.slice(0, i));
    stack = stack.push(readIgnoreFile(path.join(folder, '.gitignore'), parts.slice(0, i).join('/')));
  }
  return { origin: repo, stack };
}

function findGitRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fsSync.existsSync(fsPath(path.join(d, '.git')))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

function readIgnoreFile(file: string, base: string): IgnoreFile {
  try {
    return new IgnoreFile(base, fsSync.readFileSync(fsPath(file), 'utf8'));
  } catch {
    return new IgnoreFile(base, '');
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The text and its size on disk, or why the file was not read. */
export type SourceRead = { text: string; bytes: number } | { skipped: string };

/** Reads a source file as text, or says why not (see `readSourceFileSync`, which does the reading). */
export async function readSourceFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES, limitName?: string): Promise<SourceRead> {
  return readSourceFileSync(file, maxBytes, limitName);
}

/**
 * Reads a source file as text, or says why not: over the size limit, or binary (a NUL byte near the start).
 * Synchronous: `check` reads files on worker threads and between files, where a read blocks nothing else, and a
 * promise per small file costs more than the read. `limitName` is the option a skipped file's note names.
 */
/** Reads a source file whole, within a size limit; with `identity`, only if it is still that file (`readRegularFile`). */
export function readSourceFileSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES, limitName = '--max-file-size', identity?: FileIdentity): SourceRead {
  try {
    // Without blocking, and checked on the open handle: a FIFO put in a file's place is refused, not waited on.
    const read = readRegularFile(fsPath(file), maxBytes, identity);
    if ('bytes' in read) return sourceText(read.bytes);
    if (read.refused === 'special') return { skipped: `${read.kind}, not a regular file: not read` };
    if (read.refused === 'replaced') return { skipped: 'replaced since it was checked to be inside the allowed folders: not read' };
    return { skipped: overLimit(read.size, maxBytes, limitName) };
  } catch (e) {
    return { skipped: `not readable: ${(e as Error).message}` };
  }
}

/** `5 MB is over the 2 MB limit (--max-file-size)`. */
export function overLimit(size: number, maxBytes: number, limitName: string): string {
  return `${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit (${limitName})`;
}

function sourceText(bytes: Buffer): SourceRead {
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { skipped: 'binary file (NUL byte in the first 8 KB)' };
  // Editors drop a byte-order mark, so columns match theirs without it.
  return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), bytes: bytes.length };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

const BYTE_UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Parses a size like `2MB`, `500k`, `1048576`; undefined if it is not one. */
export function parseByteSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * BYTE_UNITS[(m[2] ?? 'b').toLowerCase()[0]]);
}
