// Where worker threads start to pay for `check`: the same files checked with `--jobs 1` and `--jobs 2`, interleaved,
// on samples of the generated tree (64 files up to all of it) and on the real-code trees of `npm run bench`.
// Run after `npm run bench` has made the data: node bench/workerCrossover.mjs [--rounds 5]
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { fileURLToPath } from 'url';
import { median } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'bench', '.data');
const cli = join(root, 'dist', 'cli.js');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 5;
const tree = join(dataDir, 'tree');
if (!existsSync(tree)) {
  console.error(`${tree} is missing: run \`npm run bench\` first`);
  process.exit(2);
}

/** Every `step`-th file of the tree, copied with its folders. */
function sample(count) {
  const files = readdirSync(tree, { recursive: true }).map(String).filter((f) => /\.\w+$/.test(f) && !f.endsWith('.json')).sort();
  const dir = join(dataDir, 'crossover', String(count));
  rmSync(dir, { recursive: true, force: true });
  const step = Math.max(1, Math.floor(files.length / count));
  for (const f of files.filter((_, i) => i % step === 0).slice(0, count)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(tree, f), join(dir, f));
  }
  return dir;
}

const sets = [64, 256, 1024].map((n) => [`${n} files of the generated tree`, sample(n)]);
sets.push(['the generated tree (50 MB)', tree]);
for (const size of [50, 100]) if (existsSync(join(dataDir, `real-${size}`))) sets.push([`real code, ${size} MB`, join(dataDir, `real-${size}`)]);

console.log(`node ${process.version}, ${(await import('os')).availableParallelism()} cores, load average ${(await import('os')).loadavg()[0].toFixed(1)}; median of ${rounds} interleaved runs`);
for (const [name, dir] of sets) {
  const times = { 1: [], 2: [] };
  for (let r = 0; r < rounds; r++) {
    for (const jobs of r % 2 ? [1, 2] : [2, 1]) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [cli, 'check', '.', '--no-progress', '--no-config', '--jobs', String(jobs)], { cwd: dir, stdio: 'ignore' });
      if (run.status !== 0 && run.status !== 1) throw new Error(`check in ${relative(root, dir)} exited with ${run.status}`);
      times[jobs].push(performance.now() - t0);
    }
  }
  const one = median(times[1]);
  const two = median(times[2]);
  console.log(`${name.padEnd(32)} --jobs 1 ${one.toFixed(0).padStart(5)} ms   --jobs 2 ${two.toFixed(0).padStart(5)} ms   ${(two / one).toFixed(2)}×`);
}
rmSync(join(dataDir, 'crossover'), { recursive: true, force: true });
