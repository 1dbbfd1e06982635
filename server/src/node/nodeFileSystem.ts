/** The corpus file system on Node: bounded, no links followed out of a root, no loops. */
import { isAscii } from 'buffer';
import { closeSync, constants, fstatSync, promises as fs, openSync, readFileSync, readSync, realpathSync, statSync } from 'fs';
import * as path from 'path';
import { readCompiledFiles, readCompiledHeader, type CompiledRoot } from '../corpus/compiledCorpus';
import { isInside, MAX_CORPUS_FILE_BYTES, type CorpusFileSystem, type CorpusListing } from '../corpus/corpusSet';
import { NONBLOCKING_READ } from './regularFile';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** How far one corpus folder is walked: a root such as `/` must cost seconds and a few thousand watches, not the disk. */
export interface WalkLimits {
  /** Files listed (corpus pages or not). */
  maxFiles: number;
  /** Folders walked, the root included: each is one watch on Linux. */
  maxFolders: number;
  /** Levels of folders below the root. */
  maxDepth: number;
  /** Time for the whole walk, in milliseconds. */
  maxMs: number;
}

export const WALK_LIMITS: Readonly<WalkLimits> = { maxFiles: 50_000, maxFolders: 5_000, maxDepth: 24, maxMs: 10_000 };
/** Longest stretch of synchronous reading and parsing before other requests get a turn. */
const YIELD_AFTER_MS = 8;
/** Bytes of small files read into one buffer and decoded at once (larger files are read on their own). */
const CHUNK_BYTES = 256 * 1024;

/** The built-in corpus compiled by the build, next to the bundles (see corpus/compiledCorpus.ts). */
export const BUILTIN_COMPILED_FILE = 'builtin-corpus.json';

export class NodeCorpusFileSystem implements CorpusFileSystem {
  private readonly limits: WalkLimits;

  /** `compiled`: a corpus root and the file the build compiled it to (only that root is offered it). */
  constructor(private readonly compiled?: { root: string; file: string }, limits: Partial<WalkLimits> = {}) {
    this.limits = { ...WALK_LIMITS, ...limits };
  }

  /**
   * The compile, read in one go, unless the folder changed after it was compiled. One `stat` per file and folder
   * (~1 ms for 230 files), no page read. Stale: a compiled file or folder is gone or a file's size differs, or some
   * files or folders have other modification times than when compiled while others kept theirs (edited in place;
   * adding, removing or renaming a file changes its folder's time). When every time differs, the folder was copied
   * whole (installed: npm gives every file one fixed date, VS Code the time it unpacked it) and the sizes decide.
   */
  async readCompiled(root: string): Promise<CompiledRoot | undefined> {
    if (!this.compiled || path.resolve(root) !== path.resolve(this.compiled.root)) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.compiled.file);
    } catch {
      // None (a development tree before its first build) or unreadable: the root is parsed.
      return undefined;
    }
    // Written in ASCII: read as one-byte text, with no UTF-8 to decode (a file that is not is decoded all the same).
    // Only the first line is decoded now; the files' parse results when they are asked for.
    const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
    const firstLine = bytes.indexOf(10);
    const header = readCompiledHeader(bytes.toString(encoding, 0, firstLine === -1 ? bytes.length : firstLine));
    if (!header) return undefined;
    const prefix = folderPrefix(root);
    const at = (rel: string) => (rel === '' ? root : prefix + (path.sep === '/' ? rel : rel.split('/').join(path.sep)));
    let kept = 0;
    let changed = 0;
    for (const folder of header.folders) {
      const st = statSync(at(folder.path), { throwIfNoEntry: false });
      if (!st?.isDirectory()) return undefined;
      if (st.mtimeMs === folder.mtime) kept++;
      else changed++;
    }
    const paths: string[] = [];
    for (const f of header.files) {
      const file = at(f.path);
      const st = statSync(file, { throwIfNoEntry: false });
      if (!st?.isFile() || st.size !== f.size) return undefined;
      if (st.mtimeMs === f.mtime) kept++;
      else changed++;
      paths.push(file);
    }
    if (kept && changed) return undefined;
    // What a watcher watches: the compiled folders hold no link (the build does not compile one that does).
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      return undefined;
    }
    const folders = header.folders.map((f) => ({ path: at(f.path), real: f.path === '' ? realRoot : path.join(realRoot, f.path) }));
    return { header, paths, folders, parsed: () => readCompiledFiles(bytes.toString(encoding)) };
  }

  async listFiles(root: string): Promise<CorpusListing> {
    const limits = this.limits;
    const deadline = Date.now() + limits.maxMs;
    const realRoot = await fs.realpath(root);
    const stat = await fs.stat(realRoot);
    if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
    const skipped: { path: string; reason: string }[] = [];
    // Real paths of the folders walked and of the pages listed: each is read once, whatever links lead to it.
    const seen = new Set<string>([realRoot]);
    const folders: { path: string; real: string }[] = [{ path: root, real: realRoot }];
    const listed = new Map<string, { path: string; viaLink: boolean }>();
    // A walk that reaches a limit stops there and says so once, naming the limit (`corpus.paths: ["/"]`).
    let stopped = false;
    const stop = (at: string, reason: string) => {
      stopped = true;
      skipped.push({ path: at, reason: `${reason}: the rest of ${root} is neither read nor watched` });
    };
    let tooDeep = 0;
    const walk = async (dir: string, realDir: string, depth: number): Promise<void> => {
      if (stopped) return;
      if (Date.now() > deadline) return stop(dir, `Reading the corpus folder took over ${limits.maxMs / 1000} s`);
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        skipped.push({ path: dir, reason: `Folder not readable: ${(e as Error).message}` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      // `path.join` per entry, at the cost of one per folder: names hold no separator.
      const dirPrefix = folderPrefix(dir);
      const realPrefix = folderPrefix(realDir);
      for (const e of entries) {
        if (stopped) return;
        const full = dirPrefix + e.name;
        const viaLink = e.isSymbolicLink();
        let real = realPrefix + e.name;
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
          if (!isInside(realRoot, real)) {
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
          if (depth >= limits.maxDepth) {
            if (tooDeep++ === 0) skipped.push({ path: full, reason: `Folders more than ${limits.maxDepth} levels below the corpus folder are not read (the first one)` });
            continue;
          }
          if (folders.length >= limits.maxFolders) return stop(full, `More than ${limits.maxFolders} folders in the corpus folder`);
          seen.add(real);
          folders.push({ path: full, real });
          await walk(full, real, depth + 1);
          continue;
        }
        const known = listed.get(real);
        if (known) {
          // A page reached by a link and by its own name is read once, under its own name.
          if (known.viaLink && !viaLink) listed.set(real, { path: full, viaLink });
          continue;
        }
        if (listed.size >= limits.maxFiles) return stop(full, `More than ${limits.maxFiles} files in the corpus folder`);
        listed.set(real, { path: full, viaLink });
      }
    };
    await walk(root, realRoot, 0);
    return { files: [...listed.values()].map((f) => f.path), skipped, folders };
  }

  private sliceStart = 0;
  private chunk: Buffer | undefined;

  async readFile(file: string): Promise<string> {
    const [text] = await this.readFiles([file]);
    if (typeof text !== 'string') throw text;
    return text;
  }

  /**
   * Reads synchronously: a corpus is thousands of small pages, and a promise read costs ~100 µs of
   * thread-pool round trips per file against ~15 µs. It yields to the event loop every few
   * milliseconds (parsing included), so requests are still answered while a corpus loads.
   * Pages are read into one buffer, four system calls each, and ASCII ones are cut from one string
   * decoded per 256 KB: a string that large is allocated where the garbage collector never moves
   * it, while 10,000 page-sized strings would each be copied twice as they survive.
   */
  async readFiles(files: string[]): Promise<(string | Error)[]> {
    if (performance.now() - this.sliceStart > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      this.sliceStart = performance.now();
    }
    const chunk = (this.chunk ??= Buffer.allocUnsafe(CHUNK_BYTES));
    const texts: (string | Error)[] = [];
    /** Per file in the chunk: its index in `texts`, then its start and end in the chunk. */
    const spans: number[] = [];
    let used = 0;
    const decode = () => {
      const whole = chunk.toString('latin1', 0, used);
      const ascii = isAscii(chunk.subarray(0, used));
      for (let i = 0; i < spans.length; i += 3) {
        const start = spans[i + 1];
        const end = spans[i + 2];
        texts[spans[i]] = ascii || isAscii(chunk.subarray(start, end)) ? whole.slice(start, end) : chunk.toString('utf8', start, end);
      }
      spans.length = 0;
      used = 0;
    };
    for (const file of files) {
      let fd: number | undefined;
      try {
        // Non-blocking: opening a FIFO in a corpus folder must not hang the server (the check comes after opening).
        fd = openSync(file, NONBLOCKING_READ);
        const st = fstatSync(fd);
        if (!st.isFile()) throw new Error('not a regular file; skipped');
        if (st.size > MAX_CORPUS_FILE_BYTES) {
          throw new Error(`${st.size} bytes is over the ${MAX_CORPUS_FILE_BYTES}-byte limit for corpus files; skipped`);
        }
        if (st.size > CHUNK_BYTES / 4) {
          texts.push(readFileSync(fd, 'utf8'));
          continue;
        }
        if (used + st.size > CHUNK_BYTES) decode();
        spans.push(texts.length, used, used + readFrom(fd, chunk, used, st.size));
        texts.push('');
        used = spans[spans.length - 1];
      } catch (e) {
        texts.push(e as Error);
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    decode();
    return texts;
  }
}

/** What `path.join(folder, name)` puts before `name`. */
function folderPrefix(folder: string): string {
  return path.join(folder, '_').slice(0, -1);
}

/** Reads up to `length` bytes from the start of a file into `buffer` at `offset`; fewer if the file is shorter. */
function readFrom(fd: number, buffer: Buffer, offset: number, length: number): number {
  let n = 0;
  while (n < length) {
    const r = readSync(fd, buffer, offset + n, length - n, n);
    if (r === 0) break;
    n += r;
  }
  return n;
}
