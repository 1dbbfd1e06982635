import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lspClient';
import { cliBundle, repoRoot } from '../helpers/testEnv';
import { Requests } from '../../server/src/protocol';

/**
 * Preloaded into the process under test: every way Node opens a network connection (TCP, TLS, HTTP,
 * fetch, DNS, UDP, listening sockets) is recorded in a log file and refused. The stdio pipes are not
 * affected: Node opens them from file descriptors, never through `connect`.
 */
const NETWORK_PROBE = `
const fs = require('fs');
const log = process.env.NETWORK_PROBE_LOG;
const record = (what) => fs.appendFileSync(log, process.pid + ' ' + what + '\\n');
const refuse = (what) => {
  record(what);
  const e = new Error('network access refused by the test probe: ' + what);
  e.code = 'ENETUNREACH';
  throw e;
};
const net = require('net');
net.Socket.prototype.connect = function (...args) { refuse('net.Socket.connect ' + String(JSON.stringify(args[0])).slice(0, 80)); };
net.Server.prototype.listen = function () { refuse('net.Server.listen'); };
require('tls').connect = () => refuse('tls.connect');
for (const name of ['http', 'https', 'http2']) {
  const mod = require(name);
  for (const f of ['request', 'get', 'connect']) if (typeof mod[f] === 'function') mod[f] = () => refuse(name + '.' + f);
}
const dns = require('dns');
for (const f of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveSrv']) {
  dns[f] = () => refuse('dns.' + f);
  dns.promises[f] = async () => refuse('dns.promises.' + f);
}
require('dgram').createSocket = () => refuse('dgram.createSocket');
globalThis.fetch = async () => refuse('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = function () { refuse('WebSocket'); };
record('probe-loaded');
`;

describe('lsp: the server and the CLI never open a network connection', function () {
  this.timeout(120_000);
  let tmp: string;
  let probe: string;
  let logFile: string;
  const env = () => ({ NODE_OPTIONS: `--require ${probe}`, NETWORK_PROBE_LOG: logFile });
  const attempts = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').map((l) => l.replace(/^\d+ /, '')) : []);

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-net-'));
    probe = path.join(tmp, 'networkProbe.js');
    logFile = path.join(tmp, 'network.log');
    fs.writeFileSync(probe, NETWORK_PROBE);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('has a probe that catches every kind of attempt (control)', () => {
    const script = `
      const tryIt = (f) => { try { const r = f(); if (r && r.catch) r.catch(() => {}); } catch {} };
      tryIt(() => require('net').connect(80, '127.0.0.1'));
      tryIt(() => require('https').get('https://example.com/'));
      tryIt(() => require('http').request('http://example.com/'));
      tryIt(() => require('tls').connect(443, 'example.com'));
      tryIt(() => require('dns').lookup('example.com', () => {}));
      tryIt(() => require('dns').promises.resolve4('example.com'));
      tryIt(() => fetch('https://example.com/'));
      tryIt(() => require('dgram').createSocket('udp4'));
      tryIt(() => require('net').createServer().listen(0));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ...env() }, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    const seen = attempts().map((a) => a.split(' ')[0]);
    assert.deepStrictEqual(seen, ['probe-loaded', 'net.Socket.connect', 'https.get', 'http.request', 'tls.connect', 'dns.lookup',
      'dns.promises.resolve4', 'fetch', 'dgram.createSocket', 'net.Server.listen']);
  });

  it('serves a whole editing session with the built-in and a company corpus: zero attempts', async () => {
    const examples = path.join(repoRoot, 'examples');
    const client = new TestClient({ folder: examples, settings: { corpus: { paths: ['company-corpus'] } }, env: env() });
    try {
      const init = await client.initialize();
      const files: [string, string][] = [
        ['express/orders.js', 'javascript'], ['spring/OrderController.java', 'java'], ['fastapi/main.py', 'python'],
        ['go/server.go', 'go'], ['openapi/orders.yaml', 'yaml'], ['company-corpus/http-status-302.md', 'markdown'],
      ];
      let hovers = 0;
      for (const [file, language] of files) {
        const full = path.join(examples, file);
        const uri = await client.openFile(full, language);
        const lines = fs.readFileSync(full, 'utf8').split('\n');
        // Hover on every word start of the first 80 lines: tokens, corpus fields and plain text alike.
        for (const [line, text] of lines.slice(0, 80).entries()) {
          for (const m of text.matchAll(/\b\w/g)) if ((await client.hover(uri, line, m.index! + 1)) !== null) hovers++;
        }
        await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 5, character: 5 } });
        if (init.capabilities.diagnosticProvider) await client.request('textDocument/diagnostic', { textDocument: { uri } });
        if (init.capabilities.codeActionProvider) {
          await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: [] } });
        }
        if (init.capabilities.completionProvider) await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
        if (init.capabilities.documentLinkProvider) await client.request('textDocument/documentLink', { textDocument: { uri } });
      }
      await client.request('workspace/symbol', { query: 'redirect' });
      await client.request(Requests.searchTopics, { query: 'rate limit' });
      await client.request(Requests.status, { uri: pathToFileURL(examples).href });
      await client.request(Requests.reindex, null);
      assert.ok(hovers > 20, `${hovers} hovers answered`);
      console.log(`      network: ${files.length} files, ${hovers} hovers with content, every other request kind: ${attempts().length - 1} attempts`);
    } finally {
      await client.stop();
    }
    assert.deepStrictEqual(attempts(), ['probe-loaded']);
  });

  it('runs every CLI command with zero attempts', () => {
    const runs = [
      ['check', 'examples'], ['check', 'examples', '--format', 'sarif'], ['validate', '--corpus', 'examples/company-corpus'],
      ['topic', '403'], ['search', 'pagination'], ['--help'],
    ];
    for (const args of runs) {
      const run = spawnSync(process.execPath, [cliBundle, ...args], { cwd: repoRoot, env: { ...process.env, ...env() }, encoding: 'utf8' });
      assert.ok(run.status !== null && run.status <= 1, `${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
    }
    assert.deepStrictEqual(attempts(), Array(runs.length).fill('probe-loaded'));
  });
});
