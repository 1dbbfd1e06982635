// `npm run bench`: builds nothing itself (npm does), generates the data once, measures every figure
// against its reference in the same run and prints one table. Options: --only hover,cold,check,corpus,diagnostics,detect,small,trees,grown,memory
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';
import { spawnSync } from 'child_process';
import { benchCheck } from './checkBench.mjs';
import { benchGrownColdStart, benchRealTrees, benchServerMemory, benchSmallAndSpec } from './fixedCostBench.mjs';
import { ensureData } from './generate.mjs';
import { benchColdStart, benchCorpus, benchDiagnostics, benchHover } from './lspBenches.mjs';
import { markdownTable, skipped, textTable } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'bench', '.data');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : undefined;

const ctx = {
  root,
  dataDir,
  server: join(root, 'dist', 'server.js'),
  cli: join(root, 'dist', 'cli.js'),
  emptyScript: join(dataDir, 'empty.js'),
};
for (const bundle of [ctx.server, ctx.cli]) {
  if (!existsSync(bundle)) {
    console.error(`${bundle} is missing: run \`npm run bench\` (it builds first) or \`npm run build\`.`);
    process.exit(2);
  }
}

mkdirSync(dataDir, { recursive: true });
writeFileSync(ctx.emptyScript, '');
let t0 = performance.now();
ctx.data = ensureData(dataDir);
console.log(`data: ${dataDir} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const DETECT_TIMEOUT_MS = 90_000;

/** The detector's own benchmark (bench/detect.mjs, kept by the detector's authors), run as it is; its slowest input is reported. */
function benchDetect() {
  const figure = 'Detector: 5 MB scan, slowest input (bench/detect.mjs)';
  const script = join(root, 'bench', 'detect.mjs');
  if (!existsSync(script)) return skipped(figure, '—', 'bench/detect.mjs not found');
  const r = spawnSync(process.execPath, [script, '--runs', '3'], { encoding: 'utf8', cwd: root, timeout: DETECT_TIMEOUT_MS });
  const slowest = /slowest: (.+) at ([\d.]+) ms CPU/.exec(r.stdout);
  if (r.error?.code === 'ETIMEDOUT') {
    const last = r.stdout.trim().split('\n').pop();
    throw new Error(`bench/detect.mjs did not finish in ${DETECT_TIMEOUT_MS / 1000} s; last line: ${last}`);
  }
  if (r.status !== 0 || !slowest) throw new Error(`bench/detect.mjs failed: ${(r.stderr || r.stdout).slice(0, 300)}`);
  const line = r.stdout.split('\n').find((l) => l.trim().startsWith(slowest[1]));
  const ratio = Number(/×([\d.]+) identifier pass/.exec(line ?? '')?.[1]);
  return {
    figure, value: `${slowest[2]} ms CPU (${slowest[1]})`, reference: 'one identifier-regex pass over the same text',
    ratio: Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—', goal: '—', result: 'info',
    note: 'from the detector\'s own benchmark: `node bench/detect.mjs` prints every input',
  };
}

const BENCHES = [
  ['hover', 'Hover', () => benchHover(ctx)],
  ['cold', 'Cold start', () => benchColdStart(ctx)],
  ['check', 'check vs ripgrep', () => benchCheck(ctx)],
  ['corpus', 'Corpus', () => benchCorpus(ctx)],
  ['diagnostics', 'Diagnostics', async () => (await benchDiagnostics(ctx)) ?? skipped('Diagnostics after a 1-character edit', '≤ 30 ms', 'the server offers no pull diagnostics yet')],
  ['detect', 'Detector', benchDetect],
  ['small', 'check of one small file and of a 4 MB OpenAPI document', () => benchSmallAndSpec(ctx)],
  ['trees', 'check of real-code trees vs ripgrep', () => benchRealTrees(ctx)],
  ['grown', 'Cold start, grown corpus', () => benchGrownColdStart(ctx)],
  ['memory', 'Server memory, built-in corpus', () => benchServerMemory(ctx)],
];

const rows = [];
for (const [key, name, run] of BENCHES) {
  if (only && !only.has(key)) continue;
  t0 = performance.now();
  process.stdout.write(`${name}… `);
  try {
    const result = await run();
    rows.push(...[result].flat());
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.log('error');
    rows.push({ figure: name, value: '—', reference: '—', ratio: '—', goal: '—', result: 'error', note: e.message });
  }
}

const machine = `${process.platform} ${process.arch}, node ${process.version}, ${(await import('os')).cpus().length} cores`;
console.log(`\n${textTable(rows)}\n\n${machine}`);
writeFileSync(join(dataDir, 'results.md'), `${markdownTable(rows)}\n\n${machine}, ${new Date().toISOString().slice(0, 10)}\n`);
writeFileSync(join(dataDir, 'results.json'), JSON.stringify({ machine, rows }, null, 2));
if (rows.some((r) => r.result === 'FAIL' || r.result === 'error')) process.exitCode = 1;
