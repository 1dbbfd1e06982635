/** Build step (not shipped): parses the built-in corpus and saves the results next to the bundles, for fast starts. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { corpusFileKind, parseCorpusFile } from '../corpus/corpusSet';
import { makeSnapshot } from '../corpus/snapshot';
import { NodeCorpusFileSystem } from './nodeFileSystem';

/** Writes `out` for the corpus folder `root`; returns the number of files saved and left out (files with problems). */
export async function writeCorpusSnapshot(root: string, out: string): Promise<{ saved: number; left: number }> {
  const nodeFs = new NodeCorpusFileSystem();
  const { files } = await nodeFs.listFiles(root);
  const entries: Parameters<typeof makeSnapshot>[0] = [];
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const kind = corpusFileKind(rel);
    if (!kind) continue;
    const text = await nodeFs.readFile(file);
    entries.push({ path: rel, text, parsed: parseCorpusFile(file, text, kind, 0) });
  }
  const snapshot = makeSnapshot(entries);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, JSON.stringify(snapshot));
  return { saved: snapshot.files.length, left: entries.length - snapshot.files.length };
}

if (require.main === module) {
  const [root, out] = process.argv.slice(2);
  writeCorpusSnapshot(path.resolve(root), path.resolve(out)).then(
    ({ saved, left }) => { if (left) console.warn(`corpus snapshot: ${left} file(s) with problems left out (run \`node dist/cli.js validate corpus\`)`); void saved; },
    (e: Error) => { console.error(`corpus snapshot: ${e.message}`); process.exitCode = 1; },
  );
}
