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

/**
 * Libraries the server and the CLI load on first use only (most runs never do): bundled on their own, so that starting
 * does not compile them. Each `require` of one becomes a `require` of its bundle next to the requiring bundle.
 */
const LAZY_LIBRARIES = { 'yaml': 'libYaml', 'gray-matter': 'libGrayMatter', 'js-yaml': 'libJsYaml' };
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: /^(yaml|gray-matter|js-yaml)$/ }, (args) => ({ path: `./${LAZY_LIBRARIES[args.path]}.js`, external: true }));
  },
};

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [lazyLibraries] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyLibraries] },
  { ...common, entryPoints: ['server/src/cli/checkWorker.ts'], outfile: 'dist/checkWorker.js', plugins: [lazyLibraries] },
  ...Object.entries(LAZY_LIBRARIES).map(([name, file]) => ({ ...common, entryPoints: [name], outfile: `dist/${file}.js` })),
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

/** Build step, not shipped: compiles the built-in corpus next to the bundles (server/src/corpus/compiledCorpus.ts). */
const corpusCompiler = { ...common, sourcemap: false, minify: false, entryPoints: ['server/src/node/writeCompiledCorpus.ts'], outfile: 'out/writeCompiledCorpus.js' };

function compileCorpus() {
  execFileSync(process.execPath, [corpusCompiler.outfile, 'corpus', join('dist', 'builtin-corpus.json')], { stdio: 'inherit' });
}

const configs = testsOnly ? [tests] : [...bundles, corpusCompiler, tests];
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  compileCorpus();
  console.log('esbuild: watching (the corpus is compiled once; once a page is edited, the corpus is parsed at each start until the next build)');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  if (!testsOnly) compileCorpus();
}
