/** Owns the loaded corpora: one CorpusSet per distinct list of roots, kept current by file watching. */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { CorpusSet, isInside, type CorpusFileSystem } from '../corpus/corpusSet';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { ApiGuidelinesSettings } from '../settings';

export interface CorpusManagerOptions {
  fs: CorpusFileSystem;
  builtinPath: string;
  log: (message: string) => void;
  /** Called after any corpus changed (file edit, re-index). */
  onChange: () => void;
}

interface Entry {
  roots: string[];
  set: CorpusSet;
  ready: Promise<CorpusSet>;
  /** By folder. */
  watchers: Map<string, fs.FSWatcher>;
  closed?: boolean;
}

/**
 * Recursive watching is native on macOS and Windows. Elsewhere Node emulates it with a watcher and
 * a stat per file (10,000 pages: 10,000 inotify watches), so there each folder is watched on its own.
 */
const NATIVE_RECURSIVE_WATCH = process.platform === 'darwin' || process.platform === 'win32';
const UNWATCHED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_WATCHED_FOLDERS = 5_000;
/** Quiet time after an edit of an open corpus page before it is indexed, unless a request needs the corpus sooner. */
const OVERLAY_PAUSE_MS = 100;

export class CorpusManager {
  private readonly entries = new Map<string, Entry>();
  /** Unsaved text of open corpus files, which wins over the disk. */
  private readonly overlays = new Map<string, string>();
  private pending = new Map<string, NodeJS.Timeout>();
  /** Open corpus files whose latest text is not indexed yet (`setOverlay`). */
  private readonly unindexed = new Set<string>();
  private overlayTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CorpusManagerOptions) {}

  /** The corpus roots for a resource: built-in first, then the configured folders in order. */
  rootsFor(settings: ApiGuidelinesSettings, folder: string | undefined): string[] {
    const roots = settings.corpus.builtin ? [this.options.builtinPath] : [];
    for (const p of settings.corpus.paths) {
      const expanded = p.replace(/^~(?=$|\/)/, process.env.HOME ?? '~');
      roots.push(path.resolve(folder ?? process.cwd(), expanded));
    }
    return roots;
  }

  async corpus(roots: string[]): Promise<CorpusSet> {
    this.indexOverlays();
    const key = roots.join('\0');
    let entry = this.entries.get(key);
    if (!entry) {
      const set = new CorpusSet(this.options.fs);
      const started = Date.now();
      const ready = withYoungGenerationCapped(() => set.load(roots)).then(() => {
        for (const [file, text] of this.overlays) set.update(file, text);
        const saved = set.fromSnapshot ? `; ${set.fromSnapshot} file(s) from the build's snapshot` : '';
        this.options.log(`Indexed ${set.index.size} topics from ${roots.length} corpus folder(s) in ${Date.now() - started} ms (${set.index.problems.length} problem(s)${saved})`);
        return set;
      });
      entry = { roots, set, ready, watchers: new Map() };
      this.entries.set(key, entry);
      this.watch(entry);
    }
    return entry.ready;
  }

  async index(roots: string[]): Promise<CorpusIndex> {
    return (await this.corpus(roots)).index;
  }

  /** All corpus sets loaded so far (for status and for corpus-file diagnostics). */
  async all(): Promise<CorpusSet[]> {
    this.indexOverlays();
    return Promise.all([...this.entries.values()].map((e) => e.ready));
  }

  /** Whether a file lies in any loaded corpus root. */
  isCorpusFile(file: string): boolean {
    for (const e of this.entries.values()) if (e.roots.some((r) => isInside(r, file))) return true;
    return false;
  }

  /** Drops every loaded corpus; the next request reloads from disk. */
  reset(): void {
    for (const e of this.entries.values()) unwatch(e);
    this.entries.clear();
    this.options.onChange();
  }

  /** Drops the corpora no longer used by any of the given root lists. */
  retain(rootLists: string[][]): void {
    const keep = new Set(rootLists.map((r) => r.join('\0')));
    for (const [key, e] of this.entries) {
      if (keep.has(key)) continue;
      unwatch(e);
      this.entries.delete(key);
    }
  }

  /**
   * An open editor's text for a corpus file (live validation and hover while typing). It is indexed when a request
   * next needs the corpus, or after a pause in typing: a burst of keystrokes costs one parse of the page, not one
   * each (on a large page, each parse queued behind the others and answers waited seconds).
   */
  setOverlay(file: string, text: string | undefined): void {
    if (text === undefined) {
      this.overlays.delete(file);
      this.unindexed.delete(file);
      for (const e of this.entries.values()) if (e.roots.some((r) => isInside(r, file))) this.reloadFile(e, file);
      return;
    }
    this.overlays.set(file, text);
    this.unindexed.add(file);
    clearTimeout(this.overlayTimer);
    this.overlayTimer = setTimeout(() => this.indexOverlays(), OVERLAY_PAUSE_MS).unref();
  }

  /** Indexes the latest text of the open corpus files edited since they were last indexed. */
  indexOverlays(): void {
    clearTimeout(this.overlayTimer);
    if (!this.unindexed.size) return;
    let changed = false;
    for (const file of this.unindexed) {
      const text = this.overlays.get(file)!;
      for (const e of this.entries.values()) if (e.roots.some((r) => isInside(r, file))) changed = e.set.update(file, text) || changed;
    }
    this.unindexed.clear();
    if (changed) this.options.onChange();
  }

  private watch(entry: Entry): void {
    for (const root of entry.roots) {
      if (NATIVE_RECURSIVE_WATCH) this.watchFolder(entry, root, true);
      else void this.watchTree(entry, root);
    }
  }

  private watchFolder(entry: Entry, folder: string, recursive: boolean): void {
    if (entry.closed || entry.watchers.has(folder) || entry.watchers.size >= MAX_WATCHED_FOLDERS) return;
    try {
      const w = fs.watch(folder, { recursive, persistent: false }, (_event, name) => {
        if (name) this.schedule(entry, path.join(folder, name.toString()));
      });
      w.on('error', () => {
        w.close();
        entry.watchers.delete(folder);
      });
      entry.watchers.set(folder, w);
    } catch {
      // A missing root is already reported as a corpus problem; nothing to watch.
    }
  }

  /** Watches a folder and the folders below it, one watcher each. */
  private async watchTree(entry: Entry, folder: string): Promise<void> {
    this.watchFolder(entry, folder, false);
    let children: fs.Dirent[];
    try {
      children = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const c of children) {
      if (c.isDirectory() && !UNWATCHED_FOLDERS.has(c.name)) await this.watchTree(entry, path.join(folder, c.name));
    }
  }

  /** Debounces bursts of file events (editors write files in several steps). */
  private schedule(entry: Entry, file: string): void {
    const key = `${entry.roots.join('\0')}\0${file}`;
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (this.overlays.has(file)) return;
      this.reloadFile(entry, file);
    }, 50));
  }

  private reloadFile(entry: Entry, file: string): void {
    void entry.ready.then(async (set) => {
      let changed: boolean;
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (stat?.isDirectory()) {
        changed = await this.reloadFolder(entry, set, file);
      } else {
        try {
          changed = set.update(file, await this.options.fs.readFile(file));
        } catch {
          // Gone (a file, or a folder with its files) or unreadable.
          changed = set.remove(file);
        }
      }
      if (changed) {
        this.options.log(`Re-indexed ${file}`);
        this.options.onChange();
      }
    });
  }

  /** A folder appeared (created, moved in, checked out): watch it and read its corpus files. */
  private async reloadFolder(entry: Entry, set: CorpusSet, folder: string): Promise<boolean> {
    if (!NATIVE_RECURSIVE_WATCH) await this.watchTree(entry, folder);
    const { files } = await this.options.fs.listFiles(folder).catch(() => ({ files: [] as string[] }));
    const texts: [string, string][] = [];
    for (const file of files) {
      if (this.overlays.has(file)) continue;
      try {
        texts.push([file, await this.options.fs.readFile(file)]);
      } catch {
        // Unreadable files are reported when the corpus is next loaded in full.
      }
    }
    return set.updateAll(texts);
  }
}

let loading = 0;
/** Young-generation size (two semi-spaces) past which a corpus load stops it growing. */
const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;

/**
 * What a corpus load allocates and keeps survives young-generation collections, and V8 answers so
 * much survival by growing that generation to its maximum: ~32 MB of resident memory that stays.
 * While corpora load, growth is stopped once the generation reaches 8 MB (smaller makes the many
 * collections cost more than they save). `--semi-space-growth-factor` is read at each growth.
 */
async function withYoungGenerationCapped<T>(load: () => Promise<T>): Promise<T> {
  let poll: NodeJS.Timeout | undefined;
  if (loading++ === 0) {
    poll = setInterval(() => {
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (young && young.space_size < YOUNG_GENERATION_CAP) return;
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      clearInterval(poll);
    }, 5);
  }
  try {
    return await load();
  } finally {
    clearInterval(poll);
    // V8's default growth factor.
    if (--loading === 0) v8.setFlagsFromString('--semi-space-growth-factor=2');
  }
}

function unwatch(entry: Entry): void {
  entry.closed = true;
  for (const w of entry.watchers.values()) w.close();
  entry.watchers.clear();
}
