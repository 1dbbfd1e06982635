// Runs the detector over folders of real code and prints what it finds: tokens per language and kind, so recall can be
// sampled on code nobody here wrote. Files are found as `check` finds them (.gitignore honoured, node_modules skipped).
// Usage: node bench/scanFolder.mjs PATH... [--families] [--list] [--sample N] [--seed S] [--unread] [--json]
//   --families  tokens per family too
//   --list      every token: path:line:column kind value family, and the line
//   --sample N  N tokens drawn at random (seeded by --seed, default 1) with their lines, to check precision by hand
//   --unread    lines with a registered status code as a bare number or a string, outside every token: where to look
//               for missed statuses (most are sizes, ports and counts, so this is a list to read, not a measure)
//   --json      the counts as JSON
// No assertions: a measurement, not a test.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join, relative, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const showFamilies = flag('--families');
const list = flag('--list');
const unread = flag('--unread');
const json = flag('--json');
const sample = Number(option('--sample', '0'));
const seed = Number(option('--seed', '1'));
if (!args.length || args.some((a) => a.startsWith('--'))) {
  console.error('usage: node bench/scanFolder.mjs PATH... [--families] [--list] [--sample N] [--seed S] [--unread] [--json]');
  process.exit(2);
}

const outfile = join(root, 'out', 'bench', 'scanFolder.cjs');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  stdin: {
    contents: [
      "export { findHttpTokens } from './server/src/detect/findHttpTokens';",
      "export { STATUS_BY_CODE } from './server/src/detect/httpVocabulary';",
      "export { languageForPath } from './server/src/settings';",
      "export { walkFilesSync } from './server/src/node/fileWalker';",
      "export { LineMap } from './server/src/corpus/lineMap';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
});
const { findHttpTokens, STATUS_BY_CODE, languageForPath, walkFilesSync, LineMap } = createRequire(import.meta.url)(outfile);

const KINDS = ['status', 'method', 'header'];
const { files } = walkFilesSync(args.map((a) => resolve(a)), { accept: (f) => languageForPath(f) !== undefined });
/** language → { files, bytes, status, method, header } */
const byLanguage = new Map();
const byFamily = new Map();
const picked = [];
let seen = 0;
let random = seed >>> 0 || 1;
const next = () => ((random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 2 ** 32);
const where = (file) => relative(process.cwd(), file) || file;

for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  if (text.length > 2 * 1024 * 1024) continue;
  const language = languageForPath(file);
  const tokens = findHttpTokens(text, language);
  const counts = byLanguage.get(language) ?? { files: 0, bytes: 0, status: 0, method: 0, header: 0 };
  counts.files++;
  counts.bytes += text.length;
  const lines = new LineMap(text);
  for (const t of tokens) {
    counts[t.kind]++;
    const key = `${t.kind}\t${t.family}`;
    byFamily.set(key, (byFamily.get(key) ?? 0) + 1);
    if (list || sample) {
      const item = () => describe(file, text, lines, t);
      if (list) console.log(item());
      // Reservoir sampling: every token has the same chance, in one pass.
      else if (picked.length < sample) picked.push(item());
      else if (next() * (seen + 1) < sample) picked[Math.floor(next() * sample)] = item();
      seen++;
    }
  }
  if (unread) for (const line of unreadLines(text, lines, tokens)) console.log(`${where(file)}:${line.number}: ${line.text}`);
  byLanguage.set(language, counts);
}

for (const item of picked) console.log(item);
const languages = [...byLanguage].sort(([a], [b]) => a.localeCompare(b));
const total = { files: 0, bytes: 0, status: 0, method: 0, header: 0 };
for (const [, c] of languages) for (const k of Object.keys(total)) total[k] += c[k];
if (json) {
  console.log(JSON.stringify({ languages: Object.fromEntries(languages), total, families: showFamilies ? Object.fromEntries(byFamily) : undefined }, null, 2));
} else {
  const row = (name, c) => `${name.padEnd(16)}${String(c.files).padStart(7)}${String(c.status).padStart(9)}${String(c.method).padStart(9)}${String(c.header).padStart(9)}${String(c.status + c.method + c.header).padStart(9)}`;
  console.log(`${'language'.padEnd(16)}${'files'.padStart(7)}${'status'.padStart(9)}${'method'.padStart(9)}${'header'.padStart(9)}${'tokens'.padStart(9)}`);
  for (const [language, c] of languages) console.log(row(language, c));
  console.log(row('total', total));
  if (showFamilies) {
    console.log('');
    for (const [key, n] of [...byFamily].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`${String(n).padStart(7)}  ${key.replace('\t', '  ')}`);
  }
}

/** A line's text, trimmed and cut short. */
function lineText(lines, line) {
  const { start, end } = lines.lineRange(line);
  return lines.text.slice(start.offset, end.offset).trim().slice(0, 160);
}

function describe(file, text, lines, t) {
  const { line, character } = lines.pos(t.start);
  return `${where(file)}:${line + 1}:${character + 1}  ${t.kind} ${t.value}  ${t.family}  | ${lineText(lines, line)}`;
}

/** Lines with a registered code (a whole number, or a string's whole content) that no token covers. */
function unreadLines(text, lines, tokens) {
  const covered = new Set(tokens.map((t) => lines.pos(t.start).line));
  const found = new Map();
  for (const m of text.matchAll(/(?<![\w.$-])['"]?([1-5]\d\d)['"]?(?![\w.-])/g)) {
    if (!STATUS_BY_CODE.has(Number(m[1]))) continue;
    const { line } = lines.pos(m.index);
    if (covered.has(line) || found.has(line)) continue;
    found.set(line, { number: line + 1, text: lineText(lines, line) });
  }
  return [...found.values()];
}
