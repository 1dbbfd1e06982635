/** Loads corpus roots through a file-system interface and keeps the index current as files change. */
import { addCollationOrder, CorpusIndex } from './corpusIndex';
import type { CorpusProblem, ParsedFile } from './model';
import { LineMap } from './lineMap';
import { parseStylebookGuideline, parseStylebookTopics } from './stylebookData';
import { reviveFiles, reviveFinished, type CompiledRoot } from './compiledCorpus';
import { parseCorpusPage } from './topicPage';

/** What a walk of one corpus root found. */
export interface CorpusListing {
  files: string[];
  /** Links not followed, unreadable folders, limits reached: warnings on the root. */
  skipped: { path: string; reason: string }[];
  /** The folders walked (root first), as reached and as real paths: what a watcher watches. */
  folders?: { path: string; real: string }[];
}

/** File access for the corpus reader (the only way the pure core touches disk). */
export interface CorpusFileSystem {
  /** Paths of corpus candidate files below `root`, recursively; never follows links out of the root. */
  listFiles(root: string): Promise<CorpusListing>;
  readFile(path: string): Promise<string>;
  /** Reads several files at once where that is cheaper; an Error in place of each file that could not be read. */
  readFiles?(paths: string[]): Promise<(string | Error)[]>;
  /** The build's compile of a root (`compiledCorpus.ts`) when it is there and not stale; undefined otherwise (the root is parsed). */
  readCompiled?(root: string): Promise<CompiledRoot | undefined>;
}

/** Largest corpus file read; bigger ones are reported and skipped. */
export const MAX_CORPUS_FILE_BYTES = 2 * 1024 * 1024;
/** Files read at once: a few milliseconds of reading and parsing between two turns of the event loop. */
const READ_BATCH = 128;
const IGNORED_PAGES = /(^|\/)(readme|license|licence|changelog|contributing|code_of_conduct)\.(md|markdown)$/i;

export type CorpusFileKind = 'page' | 'stylebook-topics' | 'stylebook-guideline';

/** Which reader a file needs, from its path relative to its root; undefined = not a corpus file. */
export function corpusFileKind(relativePath: string): CorpusFileKind | undefined {
  const p = relativePath.replace(/\\/g, '/');
  if (/\.(md|markdown)$/i.test(p)) return IGNORED_PAGES.test(p) ? undefined : 'page';
  if (/(^|\/)topics\.ya?ml$/i.test(p)) return 'stylebook-topics';
  if (/(^|\/)guidelines\/[^/]+\.ya?ml$/i.test(p)) return 'stylebook-guideline';
  return undefined;
}

export function parseCorpusFile(path: string, text: string, kind: CorpusFileKind, root: number): ParsedFile {
  try {
    switch (kind) {
      case 'page': return parseCorpusPage({ path, text }, root);
      case 'stylebook-topics': return parseStylebookTopics({ path, text }, root);
      case 'stylebook-guideline': return parseStylebookGuideline({ path, text });
    }
  } catch (e) {
    // A reader bug must cost one file, never the corpus.
    const range = new LineMap('').range(0, 0);
    return { file: path, topics: [], guidelines: [], problems: [{ file: path, range, severity: 'error', code: 'internal', message: `Could not read this file: ${(e as Error).message}` }] };
  }
}

class RootState {
  private parsed?: Map<string, ParsedFile>;
  readonly notes: CorpusProblem[] = [];
  /** Folders walked: path as reached → real path (none when the root is missing). */
  readonly folders = new Map<string, string>();

  /** `compiled`: the build's compile of the root, whose parsed files are taken when first asked for. */
  constructor(readonly path: string, readonly compiled?: { root: CompiledRoot; files: () => ParsedFile[] }) {}

  /** The root's parsed files by path. */
  get files(): Map<string, ParsedFile> {
    if (!this.parsed) this.parsed = new Map(this.compiled?.files().map((f) => [f.file, f]));
    return this.parsed;
  }
}

/** A set of corpus roots in priority order; `index` is rebuilt after each change. */
export class CorpusSet {
  private roots: RootState[] = [];
  private current = new CorpusIndex([]);
  /** Files the last load took from the build's compile instead of reading and parsing them. */
  fromCompiled = 0;

  constructor(private readonly fs: CorpusFileSystem) {}

  get index(): CorpusIndex {
    return this.current;
  }

  get rootPaths(): string[] {
    return this.roots.map((r) => r.path);
  }

  /** Reads every root from scratch. A missing root is one problem, not a failure. */
  async load(rootPaths: string[], token?: { isCancellationRequested: boolean }): Promise<CorpusIndex> {
    const roots: RootState[] = [];
    this.fromCompiled = 0;
    for (const [i, path] of rootPaths.entries()) {
      const state = await this.loadRoot(i, path, token);
      if (!state) return this.current;
      roots.push(state);
    }
    this.roots = roots;
    // Alone, a compiled root's index is the one the build finished; with other roots, it is built from its files.
    const alone = roots.length === 1 ? roots[0] : undefined;
    if (alone?.compiled) {
      this.current = CorpusIndex.finished(reviveFinished(alone.compiled.root, 0), () => [...alone.files.values()]);
      return this.current;
    }
    return this.rebuild();
  }

  /**
   * Reads one root again from scratch, by the same rules as the first load (links, loops, limits):
   * after a folder appeared or went, a link was added, or the root itself was deleted or recreated.
   */
  async reloadRoot(rootPath: string): Promise<CorpusIndex> {
    const i = this.roots.findIndex((r) => r.path === rootPath);
    if (i === -1) return this.current;
    const state = await this.loadRoot(i, rootPath);
    // The roots may have been reloaded meanwhile: only a root still in place is replaced.
    if (state && this.roots[i]?.path === rootPath) {
      this.roots[i] = state;
      this.rebuild();
    }
    return this.current;
  }

  /** Folders walked per root (path as reached → real path): what watchers watch. */
  folders(rootPath: string): ReadonlyMap<string, string> | undefined {
    return this.roots.find((r) => r.path === rootPath)?.folders;
  }

  /** The files indexed (or reported) under one root. */
  filesOf(rootPath: string): Iterable<string> {
    return this.roots.find((r) => r.path === rootPath)?.files.keys() ?? [];
  }

  /** Whether the file is indexed (or reported) under this path. */
  has(path: string): boolean {
    const root = this.rootOf(path);
    return root !== -1 && this.roots[root].files.has(path);
  }

  private async loadRoot(i: number, path: string, token?: { isCancellationRequested: boolean }): Promise<RootState | undefined> {
    // One read instead of listing, reading and parsing every page.
    const compiled = this.fs.readCompiled ? await this.fs.readCompiled(path).catch(() => undefined) : undefined;
    if (compiled) {
      addCollationOrder(compiled.header.collation);
      const state = new RootState(path, { root: compiled, files: () => reviveFiles(compiled, i) });
      for (const f of compiled.folders) state.folders.set(f.path, f.real);
      this.fromCompiled += compiled.paths.length;
      return state;
    }
    const state = new RootState(path);
    let listing: CorpusListing;
    try {
      listing = await this.fs.listFiles(path);
    } catch (e) {
      state.notes.push(note(path, 'missing-root', `Corpus folder not found or not readable: ${(e as Error).message}`));
      return state;
    }
    for (const f of listing.folders ?? []) state.folders.set(f.path, f.real);
    for (const s of listing.skipped) state.notes.push(note(s.path, 'skipped', s.reason, 'warning'));
    const files: string[] = [];
    const kinds: CorpusFileKind[] = [];
    for (const file of listing.files) {
      const kind = corpusFileKind(relative(path, file));
      if (!kind) continue;
      files.push(file);
      kinds.push(kind);
    }
    for (let from = 0; from < files.length; from += READ_BATCH) {
      if (token?.isCancellationRequested) return undefined;
      const batch = files.slice(from, from + READ_BATCH);
      const texts = await this.readBatch(batch);
      texts.forEach((text, j) => {
        const file = batch[j];
        if (typeof text !== 'string') state.notes.push(note(file, 'unreadable', `Could not read corpus file: ${text.message}`));
        else state.files.set(file, parseCorpusFile(file, text, kinds[from + j], i));
      });
    }
    return state;
  }

  private async readBatch(files: string[]): Promise<(string | Error)[]> {
    if (this.fs.readFiles) return this.fs.readFiles(files);
    const texts: (string | Error)[] = [];
    for (const file of files) texts.push(await this.fs.readFile(file).catch((e: Error) => e));
    return texts;
  }

  /** Root index of a path, or -1 (the last matching root wins: nested roots are allowed). */
  rootOf(path: string): number {
    for (let i = this.roots.length - 1; i >= 0; i--) {
      if (isInside(this.roots[i].path, path)) return i;
    }
    return -1;
  }

  /** Re-reads one file (created or changed) with the given text; returns false if it is no corpus file. */
  update(path: string, text: string): boolean {
    const stored = this.store(path, text);
    if (!stored) return false;
    // An edited topic page patches the index; anything else rebuilds it.
    if (!stored.previous || !this.current.patchFile(stored.root, stored.previous, stored.next)) this.rebuild();
    return true;
  }

  /** Re-reads several files with one rebuild (a folder moved in or checked out); false if none is a corpus file. */
  updateAll(files: Iterable<[path: string, text: string]>): boolean {
    let stored = false;
    for (const [path, text] of files) stored = !!this.store(path, text) || stored;
    if (stored) this.rebuild();
    return stored;
  }

  private store(path: string, text: string): { root: number; previous?: ParsedFile; next: ParsedFile } | undefined {
    const root = this.rootOf(path);
    if (root === -1) return undefined;
    const kind = corpusFileKind(relative(this.roots[root].path, path));
    if (!kind) return undefined;
    const files = this.roots[root].files;
    const previous = files.get(path);
    const next = parseCorpusFile(path, text, kind, root);
    files.set(path, next);
    return { root, previous, next };
  }

  /** Drops a file, or every file below a folder (a deleted or renamed folder). */
  remove(path: string): boolean {
    const root = this.rootOf(path);
    if (root === -1) return false;
    const files = this.roots[root].files;
    let removed = files.delete(path);
    if (!removed) {
      for (const file of [...files.keys()]) if (isInside(path, file)) removed = files.delete(file) || removed;
    }
    if (removed) this.rebuild();
    return removed;
  }

  /** Parses text as if it were the file at `path` without changing the set: for live validation of unsaved edits. */
  preview(path: string, text: string): ParsedFile | undefined {
    const root = this.rootOf(path);
    const kind = corpusFileKind(root === -1 ? path : relative(this.roots[root].path, path));
    return kind ? parseCorpusFile(path, text, kind, Math.max(root, 0)) : undefined;
  }

  private rebuild(): CorpusIndex {
    const parsed = this.roots.map((r) => {
      const files = [...r.files.values()];
      if (r.notes.length) files.unshift({ file: r.path, topics: [], guidelines: [], problems: r.notes });
      return files;
    });
    this.current = new CorpusIndex(parsed);
    return this.current;
  }
}

function note(file: string, code: string, message: string, severity: CorpusProblem['severity'] = 'error'): CorpusProblem {
  return { file, range: new LineMap('').range(0, 0), severity, code, message };
}

function normal(p: string): string {
  // Called per file while loading: most paths need no change.
  if (!p.includes('\\') && !p.endsWith('/')) return p;
  return p.replace(/\\/g, '/').replace(/\/+$/, '');
}

export function isInside(root: string, path: string): boolean {
  const r = normal(root);
  const p = normal(path);
  return p === r || p.startsWith(r + '/');
}

function relative(root: string, path: string): string {
  return normal(path).slice(normal(root).length + 1);
}
