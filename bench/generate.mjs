// Generates the benchmark data under bench/.data/ (seeded, so identical everywhere); reuses it when current.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { seededRandom } from './random.mjs';
import { generateSource, SOURCE_LANGUAGES } from './sourceTemplates.mjs';
import { GUIDELINE_COUNT, guidelinePage, topicPage } from './corpusTemplates.mjs';

/** Bump when a generator changes, so stale data is rebuilt. */
const DATA_VERSION = 4;
export const TREE_MIN_BYTES = 50 * 1024 * 1024;
export const CORPUS_TOPICS = 10_000;
export const LARGE_FILE_LINES = 50_000;

/** Builds (or reuses) every data set; returns their paths and sizes. */
export function ensureData(dataDir) {
  return {
    largeFile: once(dataDir, 'large', (dir) => writeLargeFile(dir)),
    tree: once(dataDir, 'tree', (dir) => writeTree(dir)),
    corpus: once(dataDir, 'corpus', (dir) => writeCorpus(dir)),
  };
}

function once(dataDir, name, write) {
  return generatedOnce(join(dataDir, name), DATA_VERSION, write);
}

/** Reuses `dir` when a generator of this `version` made it; otherwise makes it with `write` (returns facts kept in a stamp). */
export function generatedOnce(dir, version, write) {
  const stamp = join(dir, '.complete.json');
  if (existsSync(stamp)) {
    const info = JSON.parse(readFileSync(stamp, 'utf8'));
    if (info.version === version) return { dir, ...info };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const info = { version, ...write(dir) };
  writeFileSync(stamp, JSON.stringify(info));
  return { dir, ...info };
}

/** One TypeScript service file of exactly LARGE_FILE_LINES lines. */
function writeLargeFile(dir) {
  const r = seededRandom(1);
  const lines = generateSource(r, 'ts', LARGE_FILE_LINES * 40).split('\n');
  while (lines.length < LARGE_FILE_LINES) lines.push(...generateSource(r, 'ts', 200_000).split('\n'));
  const text = lines.slice(0, LARGE_FILE_LINES).join('\n') + '\n';
  const file = join(dir, 'routes.ts');
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), lines: LARGE_FILE_LINES };
}

/** Services of a few languages each, files of 4-40 KB, until the tree holds TREE_MIN_BYTES. */
function writeTree(dir) {
  const r = seededRandom(2);
  let bytes = 0;
  let files = 0;
  for (let svc = 0; bytes < TREE_MIN_BYTES; svc++) {
    const lang = SOURCE_LANGUAGES[svc % SOURCE_LANGUAGES.length];
    const svcDir = join(dir, `service-${String(svc).padStart(3, '0')}`, 'src');
    mkdirSync(svcDir, { recursive: true });
    for (let f = r.int(10, 40); f > 0; f--) {
      const text = generateSource(r, lang, r.int(4_000, 40_000));
      writeFileSync(join(svcDir, `module${f}.${lang}`), text);
      bytes += Buffer.byteLength(text);
      files++;
    }
  }
  return { bytes, files, languages: SOURCE_LANGUAGES };
}

/** CORPUS_TOPICS topic pages in folders of 500, plus the guideline pages they cite. */
function writeCorpus(dir) {
  const r = seededRandom(3);
  let bytes = 0;
  mkdirSync(join(dir, 'guidelines'), { recursive: true });
  for (let i = 0; i < GUIDELINE_COUNT; i++) {
    const text = guidelinePage(r, i);
    writeFileSync(join(dir, 'guidelines', `guideline-${i}.md`), text);
    bytes += text.length;
  }
  const pages = [];
  for (let i = 0; i < CORPUS_TOPICS; i++) {
    const sub = join(dir, 'topics', `part-${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const { id, text } = topicPage(r, i);
    const file = join(sub, `${id}.md`);
    writeFileSync(file, text);
    bytes += text.length;
    if (i === CORPUS_TOPICS / 2) pages.push(file);
  }
  return { bytes, topics: CORPUS_TOPICS, guidelines: GUIDELINE_COUNT, editPage: pages[0] };
}
