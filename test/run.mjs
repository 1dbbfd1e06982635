// Runs the test suites with mocha and closes with one summary line: "tests: N passed, N failed, N skipped".
// Usage: node test/run.mjs [unit] [lsp] [cli] [e2e] [--grep PATTERN]   (default: all suites)
import Mocha from 'mocha';
import { execFileSync } from 'child_process';
import { readdirSync, statSync, existsSync } from 'fs';
import { join, resolve, dirname } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.REPO_ROOT = root;
const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
const suites = args.length ? args : ['unit', 'lsp', 'cli', 'e2e'];

execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { stdio: 'inherit' });
if (!existsSync('dist/server.js')) execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.test\.js$/.test(n) ? [p] : [];
  });
}

const mocha = new Mocha({ reporter: 'spec', timeout: 20000, grep });
for (const s of suites) for (const f of files(join('out', 'test', s)).sort()) mocha.addFile(resolve(f));

const runner = mocha.run((failures) => {
  const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
  console.log(`\ntests: ${passes} passed, ${failed} failed, ${pending} skipped`);
  process.exitCode = failures || passes === 0 ? 1 : 0;
});
