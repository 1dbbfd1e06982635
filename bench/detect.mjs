// Times the detector on 5 MB source files: generated service code and the labelled fixtures repeated, per language.
// Usage: node bench/detect.mjs [--size MB] [--runs N] [--only LANGUAGE]
// Prints CPU milliseconds per scan (median of N, after a few warm-up scans) and the ratio to one plain identifier regex pass over the same text,
// a figure that stays comparable on a busy machine. No assertions: this is a measurement, not a test.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZE = Math.round(Number(arg('--size', '5')) * 1024 * 1024);
const RUNS = Number(arg('--runs', '7'));
const ONLY = arg('--only');
const WARM_UP_SCANS = 3;

const outfile = join(root, 'out', 'bench', 'detect.cjs');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  stdin: {
    contents: "export { findHttpTokens } from './server/src/detect/findHttpTokens'; export { languageForPath } from './server/src/settings';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
});
const { findHttpTokens, languageForPath } = createRequire(import.meta.url)(outfile);

/** The text as a file read or an editor buffer holds it: one flat string (V8 reads a sliced or repeated one slower). */
const flat = (text) => Buffer.from(text, 'utf8').toString('utf8');

/** [label, languageId, text] inputs of about SIZE characters. */
async function inputs() {
  const list = [];
  const templates = join(root, 'bench', 'sourceTemplates.mjs');
  if (existsSync(templates)) {
    const { generateSource, SOURCE_LANGUAGES } = await import(templates);
    const { seededRandom } = await import(join(root, 'bench', 'random.mjs'));
    const ids = { ts: 'typescript', js: 'javascript', py: 'python', java: 'java', go: 'go', rb: 'ruby', cs: 'csharp', kt: 'kotlin', php: 'php', rs: 'rust' };
    for (const lang of SOURCE_LANGUAGES) if (ids[lang]) list.push([`generated ${lang}`, ids[lang], generateSource(seededRandom(7), lang, SIZE)]);
  }
  const dir = join(root, 'test', 'fixtures', 'detect');
  const byLanguage = new Map();
  for (const name of readdirSync(dir).sort()) {
    const language = languageForPath(name);
    if (!language) continue;
    const text = readFileSync(join(dir, name), 'utf8').replace(/⟦([^⟦⟧]*)⟧/g, (_, body) => body.replace(/\|[^|]*$/, '')).replace(/[⟪⟫]/g, '');
    byLanguage.set(language, (byLanguage.get(language) ?? '') + text + '\n');
  }
  for (const [language, text] of byLanguage) {
    // OpenAPI and .http files are one document: repeating the body keeps the header (`openapi:`) once.
    list.push([`fixtures ${language}`, language, flat(text.repeat(Math.ceil(SIZE / text.length)).slice(0, SIZE))]);
  }
  return list.filter(([, id]) => !ONLY || id === ONLY);
}

const cpu = (f) => {
  const start = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(start);
  return [(used.user + used.system) / 1000, result];
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`detector: ${RUNS} runs per input, ${(SIZE / 1024 / 1024).toFixed(1)} MB each; CPU ms (median), ratio to one /[A-Za-z_]\\w*/g pass`);
const rows = [];
for (const [label, languageId, text] of await inputs()) {
  // Compile, and let the JIT settle: process CPU counts its background threads, and a language server scans for hours.
  for (let i = 0; i < WARM_UP_SCANS; i++) findHttpTokens(text, languageId);
  const scans = [];
  const baselines = [];
  let tokens = 0;
  for (let i = 0; i < RUNS; i++) {
    baselines.push(cpu(() => { let n = 0; for (const _ of text.matchAll(/[A-Za-z_]\w*/g)) n++; return n; })[0]);
    const [ms, found] = cpu(() => findHttpTokens(text, languageId));
    scans.push(ms);
    tokens = found.length;
  }
  const ms = median(scans);
  const ratio = ms / median(baselines);
  rows.push([label, ms]);
  console.log(`  ${label.padEnd(26)} ${String(tokens).padStart(7)} tokens  ${ms.toFixed(1).padStart(7)} ms  ×${ratio.toFixed(2)} identifier pass`);
}
const worst = rows.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
console.log(`slowest: ${worst[0]} at ${worst[1].toFixed(1)} ms CPU for ${(SIZE / 1024 / 1024).toFixed(1)} MB`);
