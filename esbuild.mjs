// Bundles the extension, the language server and the CLI into dist/, and the tests into out/test/.
import * as esbuild from 'esbuild';
import { execFileSync } from 'child_process';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const testsOnly = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/checkWorker.ts'], outfile: 'dist/checkWorker.js' },
  { ...common, entryPoints: ['server/src/mcp.ts'], outfile: 'dist/mcp.js' },
];

function testFiles(dir) {
  let out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'workspace' && name !== 'fixtures' && name !== 'node_modules') out = out.concat(testFiles(p));
    } else if (/\.test\.ts$/.test(name) || (dir.includes(join('test', 'vscode')) && /\.ts$/.test(name))) out.push(p);
  }
  return out;
}

const tests = {
  ...common,
  sourcemap: true,
  minify: false,
  entryPoints: [...testFiles('test'), ...testFiles('bench').filter((f) => f.endsWith('.ts'))],
  outdir: 'out',
  outbase: '.',
  external: ['vscode', 'mocha', 'playwright-core', 'fast-check'],
};

/** Build step, not shipped: saves the built-in corpus's parse results next to the bundles (server/src/corpus/snapshot.ts). */
const snapshotWriter = { ...common, sourcemap: false, minify: false, entryPoints: ['server/src/node/writeCorpusSnapshot.ts'], outfile: 'out/writeCorpusSnapshot.js' };

function writeSnapshot() {
  execFileSync(process.execPath, [snapshotWriter.outfile, 'corpus', join('dist', 'builtin-corpus.json')], { stdio: 'inherit' });
}

const configs = testsOnly ? [tests] : [...bundles, snapshotWriter, tests];
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  writeSnapshot();
  console.log('esbuild: watching (the corpus snapshot is made once; edited corpus pages are parsed as they change)');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  if (!testsOnly) writeSnapshot();
}
