/** Where the tests find the repository, the shared public data and the bundles. */
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = process.env.REPO_ROOT ?? process.cwd();
const sharedCandidate = process.env.API_GUIDELINES_SHARED ?? path.resolve(repoRoot, '..', 'shared');
/** ../shared (read-only public data) or undefined when absent: tests that need it skip. */
export const sharedDir = fs.existsSync(path.join(sharedCandidate, 'corpora')) ? sharedCandidate : undefined;

export const builtinCorpus = path.join(repoRoot, 'corpus');
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');
export const cliBundle = path.join(repoRoot, 'dist', 'cli.js');

export function sharedPath(...parts: string[]): string {
  if (!sharedDir) throw new Error('../shared is not present');
  return path.join(sharedDir, ...parts);
}

/** Skips the calling suite or test when ../shared is absent (CI and developers have it). */
export function requireShared(ctx: Mocha.Context): void {
  if (!sharedDir) ctx.skip();
}

/** Splits `res.status(4|03)` into the text without the caret and the caret's offset. */
export function caret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error(`no caret in ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
