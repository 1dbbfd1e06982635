/** Speaks LSP to the bundled server over stdio, as an editor would. */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { serverBundle } from './testEnv';

export interface TestClientOptions {
  /** The `apiGuidelines` settings section answered to workspace/configuration. */
  settings?: unknown;
  /** Workspace folder (path). */
  folder?: string;
  /** Client capabilities beyond the defaults. */
  capabilities?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Server bundle to spawn (default: dist/server.js), e.g. one unpacked from the .vsix. */
  serverPath?: string;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly notifications: { method: string; params: any }[] = [];
  readonly serverRequests: { method: string; params: any }[] = [];
  readonly logs: string[] = [];
  stderr = '';
  settings: unknown;
  private version = new Map<string, number>();

  constructor(private readonly options: TestClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [options.serverPath ?? serverBundle, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: any) => {
      this.serverRequests.push({ method: 'workspace/configuration', params });
      return params.items.map(() => this.settings);
    });
    this.connection.onRequest((method: string, params: any) => {
      this.serverRequests.push({ method, params });
      return null;
    });
    this.connection.onNotification((method: string, params: any) => {
      if (method === 'window/logMessage') this.logs.push(params.message);
      this.notifications.push({ method, params });
    });
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.options.folder;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} },
        ...this.options.capabilities,
      },
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.version.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Opens a file from disk under its file URI. */
  async openFile(file: string, languageId: string): Promise<string> {
    const uri = pathToFileURL(file).href;
    await this.open(uri, languageId, fs.readFileSync(file, 'utf8'));
    return uri;
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  hover(uri: string, line: number, character: number): Promise<any> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Polls until `check` returns a truthy value (never a fixed sleep). */
  async until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** Position (line, character) of the first occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
