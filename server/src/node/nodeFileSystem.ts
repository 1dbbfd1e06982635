/** The corpus file system on Node: bounded, no links followed out of a root, no loops. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { MAX_CORPUS_FILE_BYTES, type CorpusFileSystem } from '../corpus/corpusSet';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_FILES = 50_000;

export class NodeCorpusFileSystem implements CorpusFileSystem {
  async listFiles(root: string): Promise<{ files: string[]; skipped: { path: string; reason: string }[] }> {
    const realRoot = await fs.realpath(root);
    const stat = await fs.stat(realRoot);
    if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
    const files: string[] = [];
    const skipped: { path: string; reason: string }[] = [];
    const seen = new Set<string>([realRoot]);
    const walk = async (dir: string): Promise<void> => {
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
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) await walk(full);
          continue;
        }
        let target = full;
        if (e.isSymbolicLink()) {
          // Links are followed only while they stay inside the root, and each folder once.
          try {
            target = await fs.realpath(full);
          } catch {
            skipped.push({ path: full, reason: 'Broken symbolic link skipped' });
            continue;
          }
          if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
            skipped.push({ path: full, reason: 'Symbolic link to a place outside the corpus folder skipped' });
            continue;
          }
          const st = await fs.stat(target);
          if (st.isDirectory()) {
            if (seen.has(target)) {
              skipped.push({ path: full, reason: 'Symbolic link loop skipped' });
              continue;
            }
            seen.add(target);
            await walk(full);
            continue;
          }
        } else if (!e.isFile()) continue;
        if (files.length >= MAX_FILES) {
          skipped.push({ path: full, reason: `More than ${MAX_FILES} files in the corpus: the rest is not read` });
          return;
        }
        files.push(full);
      }
    };
    await walk(root);
    return { files, skipped };
  }

  async readFile(file: string): Promise<string> {
    const st = await fs.stat(file);
    if (st.size > MAX_CORPUS_FILE_BYTES) {
      throw new Error(`${st.size} bytes is over the ${MAX_CORPUS_FILE_BYTES}-byte limit for corpus files; skipped`);
    }
    return fs.readFile(file, 'utf8');
  }
}
