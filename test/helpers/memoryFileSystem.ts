/** An in-memory corpus file system: the whole service runs on it in unit tests. */
import type { CorpusFileSystem } from '../../server/src/corpus/corpusSet';

export class MemoryFileSystem implements CorpusFileSystem {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  async listFiles(root: string) {
    const prefix = root.replace(/\/+$/, '') + '/';
    const files = [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort();
    if (!files.length) throw new Error(`${root} does not exist`);
    return { files, skipped: [] };
  }

  async readFile(path: string): Promise<string> {
    const t = this.files.get(path);
    if (t === undefined) throw new Error(`${path} does not exist`);
    return t;
  }
}
