/** Owns the loaded corpora: one CorpusSet per distinct list of roots, kept current by file watching. */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { CorpusSet, corpusFileKind, isInside, type CorpusFileSystem } from '../corpus/corpusSet';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { ApiGuidelinesSettings } from '../settings';

export interface CorpusManagerOptions {
  fs: CorpusFileSystem;
  builtinPath: string;
  log: (message: string) => void;
  /** Called after any corpus changed (file edit, re-index). */
  onChange: () => void;
  /** Tells the user (a walk limit cut a corpus folder short). */
  warn?: (message: string) => void;
}

interface Entry {
  key: string;
  roots: string[];
  set: CorpusSet;
  ready: Promise<CorpusSet>;
  /** By folder, with the folder's inode when watched (a folder deleted and recreated needs a new watcher). */
  watchers: Map<string, { watcher: fs.FSWatcher; ino: number }>;
  /** Missing roots, polled until they appear. */
  polls: Map<string, NodeJS.Timeout>;
  /** Roots to read again, and whether a re-read is running (one at a time per corpus). */
  rescans: Set<string>;
  rescanning?: Promise<void>;
  /** Debounced file events, by path. */
  pending: Map<string, NodeJS.Timeout>;
  closed?: boolean;
}

/**
 * Recursive watching is native on macOS and Windows. Elsewhere Node emulates it with a watcher and
 * a stat per file (10,000 pages: 10,000 inotify watches), so there each folder that the walk read
 * (at most 5,000: `WALK_LIMITS`) is watched on its own.
 */
const NATIVE_RECURSIVE_WATCH = process.platform === 'darwin' || process.platform === 'win32';
/** How often a missing corpus root is looked for (a deleted root that comes back is read and watched again). */
const MISSING_ROOT_POLL_MS = 1000;
/** Quiet time after an edit of an open corpus page before it is indexed, unless a request needs the corpus sooner. */
const OVERLAY_PAUSE_MS = 100;

export class CorpusManager {
  private readonly entries = new Map<string, Entry>();
  /** Unsaved text of open corpus files, which wins over the disk. */
  private readonly overlays = new Map<string, string>();
  /** Roots whose walk limits were already reported. */
  private readonly warnedLimits = new Set<string>();
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
      const created: Entry = { key, roots, set, ready: undefined as unknown as Promise<CorpusSet>, watchers: new Map(), polls: new Map(), rescans: new Set(), pending: new Map() };
      created.ready = withYoungGenerationCapped(() => set.load(roots)).then(async () => {
        for (const [file, text] of this.overlays) set.update(file, text);
        const saved = set.fromCompiled ? `; ${set.fromCompiled} file(s) from the build's compile` : '';
        this.options.log(`Indexed ${set.index.size} topics from ${roots.length} corpus folder(s) in ${Date.now() - started} ms (${set.index.problems.length} problem(s)${saved})`);
        this.reportLimits(set);
        await this.syncWatchers(created);
        return set;
      });
      entry = created;
      this.entries.set(key, entry);
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

  /** Corpus sets held and folders watched: what `retain` bounds when settings change. */
  stats(): { corpora: number; watchers: number; polls: number } {
    let watchers = 0;
    let polls = 0;
    for (const e of this.entries.values()) {
      watchers += e.watchers.size;
      polls += e.polls.size;
    }
    return { corpora: this.entries.size, watchers, polls };
  }

  /** Whether a file lies in any loaded corpus root. */
  isCorpusFile(file: string): boolean {
    for (const e of this.entries.values()) if (e.roots.some((r) => isInside(r, file))) return true;
    return false;
  }

  /** Drops every loaded corpus; the next request reloads from disk. */
  reset(): void {
    for (const e of this.entries.values()) this.close(e);
    this.entries.clear();
    this.options.onChange();
  }

  /** Drops the corpora (and closes the watchers) of every root list not given: after settings changed. */
  retain(rootLists: string[][]): void {
    const keep = new Set(rootLists.map((r) => r.join('\0')));
    for (const [key, e] of this.entries) {
      if (keep.has(key)) continue;
      this.close(e);
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
      for (const e of this.entries.values()) if (e.roots.some((r) => isInside(r, file))) this.schedule(e, file);
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

  /** Tells the user once per root that a walk limit cut it short (the warning names the limit). */
  private reportLimits(set: CorpusSet): void {
    for (const p of set.index.problems) {
      if (p.code !== 'skipped' || !/neither read nor watched|are not read \(the first one\)/.test(p.message)) continue;
      const root = set.rootPaths.find((r) => isInside(r, p.file)) ?? p.file;
      const key = `${root}\0${p.message}`;
      if (this.warnedLimits.has(key)) continue;
      this.warnedLimits.add(key);
      this.options.warn?.(`Corpus folder ${root}: ${p.message}.`);
    }
  }

  /**
   * Watches exactly the folders the walk read (or each root, where watching is recursive); polls for missing roots.
   * Returns the folders that got a new watcher.
   */
  private async syncWatchers(entry: Entry): Promise<string[]> {
    const added: string[] = [];
    if (entry.closed) return added;
    const wanted = new Set<string>();
    for (const root of entry.roots) {
      const folders = entry.set.folders(root);
      if (!folders?.size) {
        this.pollRoot(entry, root);
        continue;
      }
      if (NATIVE_RECURSIVE_WATCH) wanted.add(root);
      else for (const folder of folders.keys()) wanted.add(folder);
    }
    for (const [folder, w] of entry.watchers) {
      if (wanted.has(folder)) continue;
      w.watcher.close();
      entry.watchers.delete(folder);
    }
    for (const folder of wanted) {
      const ino = (await fs.promises.stat(folder).catch(() => undefined))?.ino;
      if (entry.closed) return added;
      if (ino === undefined) continue;
      const known = entry.watchers.get(folder);
      if (known?.ino === ino) continue;
      known?.watcher.close();
      entry.watchers.delete(folder);
      if (this.watchFolder(entry, folder, ino)) added.push(folder);
    }
    return added;
  }

  /**
   * A page written or deleted in a folder after a re-read listed it but before its new watcher existed sent no event:
   * list each newly watched folder once and treat every difference as an event.
   */
  private async catchUp(entry: Entry, set: CorpusSet, root: string, folders: readonly string[]): Promise<void> {
    if (!folders.length) return;
    const known = new Map<string, Set<string>>(folders.map((f) => [f, new Set<string>()]));
    for (const file of set.filesOf(root)) known.get(path.dirname(file))?.add(file);
    for (const folder of folders) {
      const names = await fs.promises.readdir(folder, { withFileTypes: true }).catch(() => undefined);
      if (!names || entry.closed) continue;
      const indexed = known.get(folder)!;
      for (const d of names) {
        const file = path.join(folder, d.name);
        if (d.isFile() && !indexed.delete(file) && corpusFileKind(path.relative(root, file))) this.schedule(entry, file);
        indexed.delete(file);
      }
      for (const gone of indexed) this.schedule(entry, gone);
    }
  }

  private watchFolder(entry: Entry, folder: string, ino: number): boolean {
    try {
      const watcher = fs.watch(folder, { recursive: NATIVE_RECURSIVE_WATCH, persistent: false }, (_event, name) => {
        this.schedule(entry, name ? path.join(folder, name.toString()) : folder);
      });
      watcher.on('error', () => {
        watcher.close();
        if (entry.watchers.get(folder)?.watcher === watcher) entry.watchers.delete(folder);
        // The folder went (or its watch did): the walk decides what is left.
        this.schedule(entry, folder);
      });
      entry.watchers.set(folder, { watcher, ino });
      return true;
    } catch {
      // Gone between the walk and now: the next event or the root poll reads it again.
      return false;
    }
  }

  /** Looks for a missing root every second; once it is there, reads and watches it. */
  private pollRoot(entry: Entry, root: string): void {
    if (entry.closed || entry.polls.has(root)) return;
    const timer = setInterval(() => {
      void fs.promises.stat(root).then((st) => {
        if (!st.isDirectory() || entry.closed) return;
        clearInterval(timer);
        entry.polls.delete(root);
        this.rescan(entry, root);
      }, () => undefined);
    }, MISSING_ROOT_POLL_MS);
    timer.unref();
    entry.polls.set(root, timer);
  }

  /** Debounces bursts of file events (editors write files in several steps). */
  private schedule(entry: Entry, file: string): void {
    if (entry.closed) return;
    clearTimeout(entry.pending.get(file));
    entry.pending.set(file, setTimeout(() => {
      entry.pending.delete(file);
      if (entry.closed || this.overlays.has(file)) return;
      void this.fileEvent(entry, file).catch((e) => this.options.log(`Could not re-index ${file}: ${(e as Error).message}`));
    }, 50));
  }

  /**
   * One path changed. An edited or new page in a folder the walk read is read on its own; a page
   * gone is dropped; anything else (a folder, a link, a page replaced by a folder, the root itself
   * gone or back) re-reads the root by the walk's rules, so links and loops are judged the same way
   * as at the first load, and the watchers follow the folders read.
   */
  private async fileEvent(entry: Entry, file: string): Promise<void> {
    const set = await entry.ready;
    if (entry.closed) return;
    const root = entry.roots.filter((r) => isInside(r, file)).pop();
    if (!root) return;
    const folders = set.folders(root);
    const rootGone = !(await isFolder(root));
    if (rootGone || !folders?.size) return this.rescan(entry, root);
    const stat = await fs.promises.lstat(file).catch(() => undefined);
    let changed = false;
    // Constant work per event (a checkout writes thousands of files): lookups, not scans of the corpus.
    if (!stat) {
      // Gone: a page is dropped; a folder that was read (and maybe watched) is a walk's business.
      if (folders.has(file)) return this.rescan(entry, root);
      changed = set.has(file) && set.remove(file);
    } else if (stat.isFile() && !folders.has(file) && (await this.inWalkedFolder(folders, file))) {
      if (!corpusFileKind(path.relative(root, file))) return;
      try {
        changed = set.update(file, await this.options.fs.readFile(file));
      } catch {
        changed = set.remove(file);
      }
    } else {
      return this.rescan(entry, root);
    }
    if (changed) {
      this.options.log(`Re-indexed ${file}`);
      this.options.onChange();
    }
  }

  /** The file's folder is one the walk read, and still the same real folder (not swapped for a link since). */
  private async inWalkedFolder(folders: ReadonlyMap<string, string>, file: string): Promise<boolean> {
    const folder = path.dirname(file);
    const real = folders.get(folder);
    return real !== undefined && (await fs.promises.realpath(folder).catch(() => undefined)) === real;
  }

  /** Re-reads a root (one re-read at a time per corpus; requests that come meanwhile are merged). */
  private rescan(entry: Entry, root: string): void {
    if (entry.closed) return;
    entry.rescans.add(root);
    if (entry.rescanning) return;
    entry.rescanning = (async () => {
      const set = await entry.ready;
      while (entry.rescans.size && !entry.closed) {
        const next = [...entry.rescans][0];
        entry.rescans.delete(next);
        await set.reloadRoot(next);
        if (entry.closed) break;
        for (const [file, text] of this.overlays) if (isInside(next, file)) set.update(file, text);
        this.options.log(`Re-read corpus folder ${next}`);
        this.reportLimits(set);
        const watched = await this.syncWatchers(entry);
        this.options.onChange();
        await this.catchUp(entry, set, next, watched.filter((f) => isInside(next, f)));
      }
    })().catch((e) => this.options.log(`Could not re-read ${root}: ${(e as Error).message}`)).finally(() => {
      entry.rescanning = undefined;
      if (entry.rescans.size && !entry.closed) this.rescan(entry, [...entry.rescans][0]);
    });
  }

  private close(entry: Entry): void {
    entry.closed = true;
    for (const w of entry.watchers.values()) w.watcher.close();
    entry.watchers.clear();
    for (const t of entry.polls.values()) clearInterval(t);
    entry.polls.clear();
    entry.rescans.clear();
    for (const timer of entry.pending.values()) clearTimeout(timer);
    entry.pending.clear();
  }
}

async function isFolder(folder: string): Promise<boolean> {
  return (await fs.promises.stat(folder).catch(() => undefined))?.isDirectory() ?? false;
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
