import * as assert from 'assert';
import { fork, spawn } from 'child_process';
import { TestClient } from '../helpers/lspClient';
import { serverBundle } from '../helpers/testEnv';

/** Spawns the server, writes raw bytes to its stdin and waits for it to exit (or for `waitMs` to pass). */
function runRaw(bytes: Buffer | string, waitMs = 8000): Promise<{ code: number | null; stderr: string; stdout: string; alive: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => {
      child.kill();
      resolve({ code: null, stderr, stdout, alive: true });
    }, waitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout, alive: false });
    });
    child.stdin.write(bytes);
  });
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const ping = (id: number) => frame(JSON.stringify({ jsonrpc: '2.0', id, method: 'apiGuidelines/ping', params: null }));

describe('lsp: protocol framing and lifecycle over real stdio', function () {
  this.timeout(30000);

  const broken: [string, string, RegExp][] = [
    ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}', /without Content-Length/],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}', /not a non-negative number \(-5\)/],
    ['a non-numeric Content-Length', 'Content-Length: abc\r\n\r\n{}', /not a non-negative number \(abc\)/],
    ['a Content-Length over 512 MiB', `Content-Length: ${600 * 1024 * 1024}\r\n\r\n{`, /over the 536870912-byte limit/],
    ['a header line without a colon', 'Content-Length 10\r\n\r\n{}', /without ':'/],
  ];
  for (const [what, bytes, message] of broken) {
    it(`exits with a message on stderr after ${what}, instead of going deaf`, async () => {
      const r = await runRaw(bytes);
      assert.strictEqual(r.alive, false, 'the server should have exited');
      assert.notStrictEqual(r.code, 0);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /cannot be read any further, exiting/);
    });
  }

  it('exits on a broken header that follows valid messages, split across writes', async () => {
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Two requests before initialize, one split in the middle of its header: both answered -32002.
    const two = ping(1) + ping(2);
    child.stdin.write(two.slice(0, 10));
    child.stdin.write(two.slice(10, two.length - 3));
    child.stdin.write(two.slice(two.length - 3));
    const deadline = Date.now() + 10000;
    while ((stdout.match(/-32002/g) ?? []).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.strictEqual((stdout.match(/-32002/g) ?? []).length, 2, stdout);
    assert.strictEqual(child.exitCode, null, 'still running after valid frames');
    child.stdin.write('Content-Length: -1\r\n\r\n');
    assert.notStrictEqual(await exited, 0);
    assert.match(stderr, /Content-Length that is not a non-negative number/);
  });

  it('answers requests before initialize with -32002 and after shutdown with -32600', async () => {
    const client = new TestClient();
    try {
      await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'file:///a.js' }, position: { line: 0, character: 0 } }), (e: any) => e.code === -32002);
      await assert.rejects(client.request('apiGuidelines/ping', null), (e: any) => e.code === -32002);
      await assert.rejects(client.request('no/suchMethod', {}), (e: any) => e.code === -32002);
      await client.initialize();
      assert.strictEqual(await client.request('apiGuidelines/ping', null), null);
      await client.request('shutdown', null);
      await assert.rejects(client.request('apiGuidelines/ping', null), (e: any) => e.code === -32600);
      await assert.rejects(client.request('workspace/symbol', { query: 'x' }), (e: any) => e.code === -32600);
      const exited = new Promise<number | null>((resolve) => client.process.on('exit', resolve));
      await client.connection.sendNotification('exit');
      assert.strictEqual(await exited, 0);
    } finally {
      await client.stop();
    }
  });

  it('answers a hover with default settings when the client never answers workspace/configuration, and says so once', async () => {
    const client = new TestClient();
    try {
      client.connection.onRequest('workspace/configuration', () => new Promise(() => undefined));
      await client.initialize();
      const uri = 'file:///work/app.js';
      await client.open(uri, 'javascript', 'res.status(404).end();');
      const first = await client.hover(uri, 0, 12);
      assert.match(first.contents.value, /404 Not Found/);
      const second = await client.hover(uri, 0, 12);
      assert.match(second.contents.value, /404 Not Found/);
      await client.until(() => client.logs.some((l) => /did not answer workspace\/configuration within 3 s/.test(l)), 'the warning');
      assert.strictEqual(client.logs.filter((l) => /did not answer workspace\/configuration/.test(l)).length, 1);
    } finally {
      await client.stop();
    }
  });

  it('keeps the same lifecycle over Node IPC, the VS Code client\'s transport', async () => {
    const child = fork(serverBundle, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const received: any[] = [];
    child.on('message', (m: any) => {
      received.push(m);
      if (m.method && m.id !== undefined) child.send({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? m.params.items.map(() => ({})) : null });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const answer = async (id: number, message: object): Promise<any> => {
      child.send({ jsonrpc: '2.0', id, ...message });
      const deadline = Date.now() + 10000;
      for (;;) {
        const found = received.find((m) => m.id === id && !m.method);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no answer to ${id}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      assert.strictEqual((await answer(1, { method: 'apiGuidelines/ping', params: null })).error?.code, -32002);
      assert.ok((await answer(2, { method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })).result.capabilities.hoverProvider);
      child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      child.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///w/a.js', languageId: 'javascript', version: 1, text: 'res.status(404)' } } });
      const hover = await answer(3, { method: 'textDocument/hover', params: { textDocument: { uri: 'file:///w/a.js' }, position: { line: 0, character: 12 } } });
      assert.match(hover.result.contents.value, /^### 404 Not Found/);
      assert.strictEqual((await answer(4, { method: 'shutdown' })).error, undefined);
      assert.strictEqual((await answer(5, { method: 'apiGuidelines/ping', params: null })).error?.code, -32600);
      child.send({ jsonrpc: '2.0', method: 'exit' });
      assert.strictEqual(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });
});
