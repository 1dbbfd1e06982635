/** Build step (not shipped): compiles the built-in corpus next to the bundles, so that it loads in one read. */
import { promises as fs, readdirSync, rmSync, statSync } from 'fs';
import * as path from 'path';
import { compileCorpus, type CompiledFolder } from '../corpus/compiledCorpus';
import { corpusFileKind, parseCorpusFile } from '../corpus/corpusSet';
import { NodeCorpusFileSystem } from './nodeFileSystem';

/** Every folder below `root` that the corpus reader walks ('' for the root), or undefined when it holds a link. */
function foldersOf(root: string): CompiledFolder[] | undefined {
  const folders: CompiledFolder[] = [];
  const walk = (rel: string): boolean => {
    const folder = rel ? path.join(root, rel) : root;
    folders.push({ path: rel, mtime: statSync(folder).mtimeMs });
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      // Links are resolved by the reader (and may leave the root): such a folder is parsed, never compiled.
      if (e.isSymbolicLink()) return false;
      if (e.isDirectory() && !['node_modules', '.git', '.hg', '.svn'].includes(e.name) && !walk(rel ? `${rel}/${e.name}` : e.name)) return false;
    }
    return true;
  };
  return walk('') ? folders : undefined;
}

/**
 * Writes the compile of the corpus folder `root` to `out`. When the folder cannot be compiled (a file with problems,
 * an unreadable file, a link), `out` is removed, so that a stale compile is never left behind, and the reason returned.
 */
export async function writeCompiledCorpus(root: string, out: string): Promise<{ files: number } | { reason: string }> {
  const nodeFs = new NodeCorpusFileSystem();
  const folders = foldersOf(root);
  const { files, skipped } = await nodeFs.listFiles(root);
  const entries: Parameters<typeof compileCorpus>[1] = [];
  let reason = !folders ? 'it holds a symbolic link' : skipped.length ? `${skipped[0].path}: ${skipped[0].reason}` : undefined;
  for (const file of reason ? [] : files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const kind = corpusFileKind(rel);
    if (!kind) continue;
    const { size, mtimeMs: mtime } = statSync(file);
    const text = await nodeFs.readFile(file);
    entries.push({ path: rel, size, mtime, parsed: parseCorpusFile(file, text, kind, 0) });
  }
  const compiled = reason ? undefined : compileCorpus(folders!, entries);
  if (!compiled) {
    rmSync(out, { force: true });
    return { reason: reason ?? 'a file has problems (run `node dist/cli.js validate corpus`)' };
  }
  await fs.mkdir(path.dirname(out), { recursive: true });
  // Written whole, then renamed: a reader never sees half a file.
  const partial = `${out}.${process.pid}.tmp`;
  await fs.writeFile(partial, compiled);
  await fs.rename(partial, out);
  return { files: entries.length };
}

if (require.main === module) {
  const [root, out] = process.argv.slice(2);
  writeCompiledCorpus(path.resolve(root), path.resolve(out)).then(
    (r) => { if ('reason' in r) console.warn(`corpus compile: ${root} is not compiled, ${r.reason}; it is parsed at every start`); },
    (e: Error) => { console.error(`corpus compile: ${e.message}`); process.exitCode = 1; },
  );
}
