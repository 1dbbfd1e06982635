/** Owns the loaded corpora: one CorpusSet per distinct list of roots, kept current by file watching. */
import * as fs from 'fs';
import * as path from 'path';
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
  watchers: fs.FSWatcher[];
}

export class CorpusManager {
  private readonly entries = new Map<string, Entry>();
  /** Unsaved text of open corpus files, which wins over the disk. */
  private readonly overlays = new Map<string, string>();
  private pending = new Map<string, NodeJS.Timeout>();

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
    const key = roots.join('\0');
    let entry = this.entries.get(key);
    if (!entry) {
      const set = new CorpusSet(this.options.fs);
      const started = Date.now();
      const ready = set.load(roots).then(() => {
        for (const [file, text] of this.overlays) set.update(file, text);
        this.options.log(`Indexed ${set.index.size} topics from ${roots.length} corpus folder(s) in ${Date.now() - started} ms (${set.index.problems.length} problem(s))`);
        return set;
      });
      entry = { roots, set, ready, watchers: [] };
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
    return Promise.all([...this.entries.values()].map((e) => e.ready));
  }

  /** Whether a file lies in any loaded corpus root. */
  isCorpusFile(file: string): boolean {
    for (const e of this.entries.values()) if (e.roots.some((r) => isInside(r, file))) return true;
    return false;
  }

  /** Drops every loaded corpus; the next request reloads from disk. */
  reset(): void {
    for (const e of this.entries.values()) for (const w of e.watchers) w.close();
    this.entries.clear();
    this.options.onChange();
  }

  /** Drops the corpora no longer used by any of the given root lists. */
  retain(rootLists: string[][]): void {
    const keep = new Set(rootLists.map((r) => r.join('\0')));
    for (const [key, e] of this.entries) {
      if (keep.has(key)) continue;
      for (const w of e.watchers) w.close();
      this.entries.delete(key);
    }
  }

  /** An open editor's text for a corpus file (live validation and hover while typing). */
  setOverlay(file: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
    let changed = false;
    for (const e of this.entries.values()) {
      if (!e.roots.some((r) => isInside(r, file))) continue;
      if (text !== undefined) changed = e.set.update(file, text) || changed;
      else this.reloadFile(e, file);
    }
    if (changed) this.options.onChange();
  }

  private watch(entry: Entry): void {
    for (const root of entry.roots) {
      try {
        const w = fs.watch(root, { recursive: true, persistent: false }, (_event, name) => {
          if (name) this.schedule(entry, path.join(root, name.toString()));
        });
        w.on('error', () => w.close());
        entry.watchers.push(w);
      } catch {
        // A missing root is already reported as a corpus problem; nothing to watch.
      }
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
      try {
        changed = set.update(file, await this.options.fs.readFile(file));
      } catch {
        changed = set.remove(file);
      }
      if (changed) {
        this.options.log(`Re-indexed ${file}`);
        this.options.onChange();
      }
    });
  }
}
