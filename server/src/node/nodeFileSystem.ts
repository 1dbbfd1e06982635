/** The corpus file system on Node: bounded, no links followed out of a root, no loops. */
import { promises as fs, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { MAX_CORPUS_FILE_BYTES, type CorpusFileSystem } from '../corpus/corpusSet';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_FILES = 50_000;
/** Longest stretch of synchronous reading and parsing before other requests get a turn. */
const YIELD_AFTER_MS = 8;

export class NodeCorpusFileSystem implements CorpusFileSystem {
  async listFiles(root: string): Promise<{ files: string[]; skipped: { path: string; reason: string }[] }> {
    const realRoot = await fs.realpath(root);
    const stat = await fs.stat(realRoot);
    if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
    const skipped: { path: string; reason: string }[] = [];
    // Real paths of the folders walked and of the pages listed: each is read once, whatever links lead to it.
    const seen = new Set<string>([realRoot]);
    const listed = new Map<string, { path: string; viaLink: boolean }>();
    const walk = async (dir: string, realDir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        skipped.push({ path: dir, reason: `Folder not readable: ${(e as Error).message}` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const full = path.join(dir, e.name);
        const viaLink = e.isSymbolicLink();
        let real = path.join(realDir, e.name);
        let isDirectory = e.isDirectory();
        if (viaLink) {
          // Links are followed only while they stay inside the root.
          try {
            real = await fs.realpath(full);
            isDirectory = (await fs.stat(real)).isDirectory();
          } catch {
            skipped.push({ path: full, reason: 'Broken symbolic link skipped' });
            continue;
          }
          if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
            skipped.push({ path: full, reason: 'Symbolic link to a place outside the corpus folder skipped' });
            continue;
          }
        } else if (!isDirectory && !e.isFile()) continue;
        if (isDirectory) {
          if (SKIP_DIRS.has(e.name)) continue;
          if (seen.has(real)) {
            if (viaLink) skipped.push({ path: full, reason: 'Symbolic link to a folder already read (a loop) skipped' });
            continue;
          }
          seen.add(real);
          await walk(full, real);
          continue;
        }
        const known = listed.get(real);
        if (known) {
          // A page reached by a link and by its own name is read once, under its own name.
          if (known.viaLink && !viaLink) listed.set(real, { path: full, viaLink });
          continue;
        }
        if (listed.size >= MAX_FILES) {
          skipped.push({ path: full, reason: `More than ${MAX_FILES} files in the corpus: the rest is not read` });
          return;
        }
        listed.set(real, { path: full, viaLink });
      }
    };
    await walk(root, realRoot);
    return { files: [...listed.values()].map((f) => f.path), skipped };
  }

  private sliceStart = 0;

  /**
   * Reads synchronously: a corpus is thousands of small pages, and a promise read costs ~100 µs of
   * thread-pool round trips per file against ~15 µs. It yields to the event loop every few
   * milliseconds (parsing included), so requests are still answered while a corpus loads.
   */
  async readFile(file: string): Promise<string> {
    if (performance.now() - this.sliceStart > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.sliceStart = performance.now();
    }
    // Checked before opening: opening a FIFO in a corpus folder would hang the server.
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a regular file; skipped');
    if (st.size > MAX_CORPUS_FILE_BYTES) {
      throw new Error(`${st.size} bytes is over the ${MAX_CORPUS_FILE_BYTES}-byte limit for corpus files; skipped`);
    }
    return readFileSync(file, 'utf8');
  }
}
