// A minimal LSP client for the benchmarks: spawns the bundled server over stdio and times requests.
import { spawn } from 'child_process';
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import { basename } from 'path';
import { pathToFileURL } from 'url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const PING = 'apiGuidelines/ping';

export class BenchClient {
  /** `settings`: the apiGuidelines section answered to workspace/configuration. */
  constructor(serverPath, { settings = {}, folder } = {}) {
    this.settings = settings;
    this.folder = folder;
    this.versions = new Map();
    this.spawnedAt = performance.now();
    // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the server under the benchmark's load.
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    this.process = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => this.settings));
    // Refresh requests and registrations are acknowledged; the benchmark pulls what it measures itself.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize() {
    const folderUri = this.folder ? pathToFileURL(this.folder).href : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: basename(this.folder) }] : null,
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true } },
      },
    });
    this.connection.sendNotification('initialized', {});
    return result;
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** Milliseconds from sending a request to its answer, and the answer. */
  async timed(method, params) {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - t0, result };
  }

  ping() {
    return this.timed(PING, null);
  }

  open(uri, languageId, text) {
    this.versions.set(uri, 1);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  openFile(file, languageId) {
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    this.open(uri, languageId, text);
    return { uri, text };
  }

  /** Sends one didChange: `changes` are LSP content changes (ranged, or `{ text }` for the whole document). */
  change(uri, changes) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resident and peak memory of the server process in bytes (Linux /proc), or undefined elsewhere. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }

  /** CPU time the server process used so far in ms (Linux /proc, 10 ms resolution), or undefined elsewhere. */
  cpuMs() {
    try {
      const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const exited = new Promise((r) => (this.process.exitCode === null ? this.process.once('exit', r) : r()));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
