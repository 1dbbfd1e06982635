/** Runs code-server for the tests: packages and installs the extension, starts the server in its own process group, stops it. */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { repoRoot } from '../../helpers/testEnv';
import { poll, type CodeServerTool } from '../e2eEnv';

export const vsixPath = path.join(repoRoot, 'api-guidelines.vsix');

/** What goes into the .vsix: when any of it is newer than the package, the package is stale. */
const PACKAGED_SOURCES = ['package.json', 'README.md', 'LICENSE', 'client/src', 'server/src', 'corpus', 'images'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/** Builds api-guidelines.vsix with `npm run package` unless it is newer than everything it packages. */
export function ensureVsix(): { path: string; built: boolean } {
  const sources = Math.max(...PACKAGED_SOURCES.map((p) => newestMtime(path.join(repoRoot, p))));
  if (fs.existsSync(vsixPath) && fs.statSync(vsixPath).mtimeMs > sources) return { path: vsixPath, built: false };
  const scripts = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.package) throw new Error('package.json has no "package" script to build api-guidelines.vsix');
  try {
    execFileSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180000 });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run package failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
  if (!fs.existsSync(vsixPath)) throw new Error('npm run package did not produce api-guidelines.vsix');
  return { path: vsixPath, built: true };
}

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

/** The profile a first-time user would have, minus what gets in the way of a test: tours, chat, telemetry, update checks. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
  // Below the line there is room for the whole hover in the screenshot.
  'editor.hover.above': false,
  // A steady caret keeps the screenshots in docs/images the same from run to run.
  'editor.cursorBlinking': 'solid',
};

/** Creates the user data dir (with settings) and installs the .vsix into a fresh extensions dir. */
export function prepareProfile(tool: CodeServerTool, root: string, vsix: string): CodeServerDirs {
  const dirs: CodeServerDirs = {
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.writeFileSync(dirs.configFile, 'auth: none\n');
  execFileSync(tool.node, [tool.entry, ...profileArgs(dirs), '--install-extension', vsix], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
  return dirs;
}

function profileArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--config', dirs.configFile];
}

export function installedExtensions(dirs: CodeServerDirs): string[] {
  return fs.readdirSync(dirs.extensionsDir).filter((n) => fs.statSync(path.join(dirs.extensionsDir, n)).isDirectory());
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class CodeServer {
  output = '';
  private exited = false;

  private constructor(readonly url: string, private readonly child: ChildProcess) {
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    child.on('exit', () => (this.exited = true));
  }

  /** Starts code-server in a new session (its own process group) and polls /healthz until it answers. */
  static async start(tool: CodeServerTool, dirs: CodeServerDirs): Promise<CodeServer> {
    const port = await freePort();
    const args = [tool.entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--reconnection-grace-time', '5', ...profileArgs(dirs)];
    // detached: setsid(), so stop() can signal code-server and every process it spawned (extension host, language server).
    const child = spawn(tool.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new CodeServer(`http://127.0.0.1:${port}`, child);
    // Should mocha die before the after hook runs, the process group must not outlive it.
    process.once('exit', () => signal(-child.pid!, 'SIGKILL'));
    try {
      await poll(`code-server on port ${port} to answer /healthz`, 60000, async () => {
        if (server.exited) throw new Error(`code-server exited:\n${server.output}`);
        return fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
      });
    } catch (e) {
      await server.stop();
      throw e;
    }
    return server;
  }

  /** Process ids in code-server's group whose command line matches `pattern` (`pgrep -f`): the language server, say. */
  processes(pattern: string): number[] {
    try {
      return execFileSync('pgrep', ['-g', String(this.child.pid), '-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      // pgrep exits with 1 when nothing matches.
      return [];
    }
  }

  /** Ends the whole process group: TERM, then KILL whatever is still there after a grace period. */
  async stop(): Promise<void> {
    const group = -this.child.pid!;
    if (!signal(group, 'SIGTERM')) return;
    const gone = await poll('code-server to exit', 10000, async () => !signal(group, 0)).then(() => true, () => false);
    if (!gone) signal(group, 'SIGKILL');
  }
}

/** Sends a signal; false when no such process (group) exists any more. */
function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}
