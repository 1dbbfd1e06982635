import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import * as fc from 'fast-check';
import { pathToFileURL } from 'url';
import { TestClient } from '../helpers/lspClient';
import { builtinCorpus } from '../helpers/testEnv';
import { applyAll, mutations, runs } from '../unit/property/corpusArbitraries';
import { parseCorpusPage } from '../../server/src/corpus/topicPage';
import { Requests } from '../../server/src/protocol';

/**
 * Preloaded into the server: on SIGUSR2 it collects garbage and prints its memory on stderr.
 * The server itself needs no debug hook for this.
 */
const MEMORY_PROBE = `
process.on('SIGUSR2', () => {
  for (let i = 0; i < 4; i++) global.gc();
  process.stderr.write('memory ' + JSON.stringify(process.memoryUsage()) + '\\n');
});
`;

interface Memory {
  rss: number;
  heapUsed: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** The server's memory after a full collection. */
async function memoryOf(client: TestClient): Promise<Memory> {
  const reports = () => [...client.stderr.matchAll(/^memory (\{.*\})$/gm)].map((m) => m[1]);
  const before = reports().length;
  client.process.kill('SIGUSR2');
  await client.until(() => reports().length > before, 'memory report', 20_000);
  return JSON.parse(reports().at(-1)!);
}

const CODES = [200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 422, 429, 500, 503];
const PHRASE: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};
/** About 4 KB of ordinary code below the line that matters, so that a leaked document shows in the heap. */
const FILLER = Array.from({ length: 80 }, (_, i) => `function helper${i}(req, res) { return res.json({ id: req.params.id, n: ${i} }); }`).join('\n');
const source = (code: number) => `const app = require('express')();\napp.get('/a', (req, res) => res.status(${code}).end());\n${FILLER}\n`;
/** Where the status code stands in `source`: line 1, after `res.status(`. */
const CODE_AT = { line: 1, character: source(200).split('\n')[1].indexOf('200') };

/** A request that must be answered; failures are collected, not thrown, so one bad answer does not hide the others. */
class Outstanding {
  readonly pending: Promise<void>[] = [];
  answered = 0;
  /** Answered as outdated: the document changed while the answer was computed (e.g. during the first corpus load). */
  outdated = 0;
  readonly failures: string[] = [];

  track<T>(what: string, request: Promise<T>, check: (answer: T) => string | undefined = () => undefined): void {
    this.pending.push(request.then((answer) => {
      this.answered++;
      const wrong = check(answer);
      if (wrong) this.failures.push(`${what}: ${wrong}`);
    }, (e: Error) => {
      if (e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified) {
        this.answered++;
        this.outdated++;
      } else {
        this.failures.push(`${what}: ${e.message}`);
      }
    }));
  }

  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/** The hover at the code must be the one for the code just written there. */
const hoverFor = (code: number) => (hover: any) =>
  hover?.contents?.value?.startsWith(`### ${code} ${PHRASE[code]}`) ? undefined : `expected ${code}, got ${JSON.stringify(hover)?.slice(0, 80)}`;

describe('lsp: soak over stdio (10,000 edits, 1,000 documents)', function () {
  this.timeout(600_000);
  let client: TestClient;
  let tmp: string;
  let diagnostics = false;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-soak-'));
    const probe = path.join(tmp, 'memoryProbe.js');
    fs.writeFileSync(probe, MEMORY_PROBE);
    client = new TestClient({ env: { NODE_OPTIONS: `--expose-gc --require ${probe}` } });
    diagnostics = !!(await client.initialize()).capabilities.diagnosticProvider;
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Edits one document `edits` times, hovering every 10th edit and pulling diagnostics every 50th. */
  async function editMany(uri: string, edits: number, requests: Outstanding, first = 0): Promise<void> {
    for (let i = first; i < first + edits; i++) {
      const code = CODES[i % CODES.length];
      const range = { start: CODE_AT, end: { line: CODE_AT.line, character: CODE_AT.character + 3 } };
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: String(code) }] });
      if (i % 10 === 0) requests.track(`hover after edit ${i}`, client.hover(uri, CODE_AT.line, CODE_AT.character + 1), hoverFor(code));
      if (diagnostics && i % 50 === 0) requests.track(`diagnostics after edit ${i}`, client.request('textDocument/diagnostic', { textDocument: { uri } }));
    }
  }

  /** Opens `count` documents, hovers each, then closes them all. */
  async function openAndClose(count: number, requests: Outstanding, tag: string): Promise<void> {
    const uris = Array.from({ length: count }, (_, i) => `file:///soak/${tag}/doc${i}.js`);
    for (const [i, uri] of uris.entries()) {
      const code = CODES[i % CODES.length];
      await client.open(uri, 'javascript', source(code));
      requests.track(`hover on ${uri}`, client.hover(uri, CODE_AT.line, CODE_AT.character + 1), hoverFor(code));
      if (diagnostics && i % 10 === 0) requests.track(`diagnostics on ${uri}`, client.request('textDocument/diagnostic', { textDocument: { uri } }));
    }
    await requests.settle();
    for (const uri of uris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  it('answers every request, stays up and returns to its baseline memory', async () => {
    const uri = 'file:///soak/edited.js';
    await client.open(uri, 'javascript', source(200));
    // Warm-up: the corpus loads, code is compiled, caches reach their steady size.
    const warm = new Outstanding();
    await editMany(uri, 500, warm, 0);
    await openAndClose(100, warm, 'warm');
    await warm.settle();
    assert.deepStrictEqual(warm.failures, []);
    await client.request(Requests.ping, null);
    const baseline = await memoryOf(client);

    const soak = new Outstanding();
    await editMany(uri, 10_000, soak, 500);
    await openAndClose(1_000, soak, 'soak');
    await soak.settle();
    await client.request(Requests.ping, null);
    const after = await memoryOf(client);

    const expected = 1_000 + (diagnostics ? 200 : 0) + 1_000 + (diagnostics ? 100 : 0);
    console.log(`      soak: ${soak.answered} of ${expected} requests answered (${soak.outdated} as outdated); heap ${mb(baseline.heapUsed)} → ${mb(after.heapUsed)} MB, rss ${mb(baseline.rss)} → ${mb(after.rss)} MB`);
    assert.deepStrictEqual(soak.failures, []);
    assert.strictEqual(soak.answered, expected);
    assert.strictEqual(client.process.exitCode, null, 'the server is still running');
    assert.doesNotMatch(client.stderr, /Uncaught|Unhandled/);
    assert.deepStrictEqual(client.logs.filter((l) => / failed: /.test(l)), [], 'no handler threw');
    // Bounded growth, not a timing: 1,000 documents left open would add ~8 MB; closed, they must leave (almost) nothing.
    assert.ok(after.heapUsed - baseline.heapUsed < 4 * MB, `heap grew by ${mb(after.heapUsed - baseline.heapUsed)} MB`);
    assert.ok(after.rss - baseline.rss < 100 * MB, `rss grew by ${mb(after.rss - baseline.rss)} MB`);
  });

  it('answers cancelled requests (cancelled or with a result) while a long scan runs, and stays responsive', async () => {
    const uri = 'file:///soak/huge.js';
    const huge = Array.from({ length: 100_000 }, (_, i) => `res.status(${CODES[i % CODES.length]});`).join('\n');
    await client.open(uri, 'javascript', huge);
    const last = { line: 99_999, character: 'res.status('.length + 1 };
    const results = new Outstanding();
    let cancelled = 0;
    // The first hover scans the whole document; the ones behind it are cancelled as soon as they are sent.
    results.track('first hover', client.hover(uri, last.line, last.character), hoverFor(CODES[99_999 % CODES.length]));
    for (let i = 0; i < 100; i++) {
      const cts = new CancellationTokenSource();
      const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: i, character: last.character } }, cts.token)
        .catch((e: unknown) => {
          if (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled) return cancelled++;
          throw e;
        });
      cts.cancel();
      results.track(`cancelled hover ${i}`, request);
    }
    if (diagnostics) {
      const cts = new CancellationTokenSource();
      const pull = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, cts.token)
        .catch((e: unknown) => (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled ? cancelled++ : Promise.reject(e)));
      cts.cancel();
      results.track('cancelled diagnostics', pull);
    }
    await results.settle();
    console.log(`      cancellation: ${cancelled} of ${results.answered - 1} cancelled requests answered as cancelled, the rest with a result`);
    assert.deepStrictEqual(results.failures, []);
    assert.strictEqual(results.answered, 101 + (diagnostics ? 1 : 0));
    assert.strictEqual(await client.request(Requests.ping, null), null);
    const hover = await client.hover(uri, 3, last.character);
    assert.match(hover.contents.value, new RegExp(`^### ${CODES[3]} `));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('keeps serving, and reports the page, while an open corpus page is broken in every way', async () => {
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    for (const id of ['http-status-403', 'http-status-404', 'http-status-302']) fs.copyFileSync(path.join(builtinCorpus, 'topics', `${id}.md`), path.join(corpus, `${id}.md`));
    const own = new TestClient({ settings: { corpus: { paths: [corpus], builtin: false } } });
    try {
      const caps = (await own.initialize()).capabilities;
      const pageFile = path.join(corpus, 'http-status-403.md');
      const original = fs.readFileSync(pageFile, 'utf8');
      const page = pathToFileURL(pageFile).href;
      await own.open(page, 'markdown', original);
      const app = 'file:///soak/app.js';
      await own.open(app, 'javascript', source(404));
      let broken = 0;
      await fc.assert(fc.asyncProperty(mutations, async (ms) => {
        const text = applyAll(original, ms);
        await own.change(page, text);
        const hover = await own.hover(app, CODE_AT.line, CODE_AT.character + 1);
        assert.strictEqual(hoverFor(404)(hover), undefined, 'the other topics stay indexed');
        if (!caps.diagnosticProvider) return;
        const report = await own.request('textDocument/diagnostic', { textDocument: { uri: page } });
        if (parseCorpusPage({ path: pageFile, text }).topics.length === 0) {
          broken++;
          assert.ok(report.items.some((d: any) => d.severity === 1 && d.range.start.line >= 0), 'a broken page is reported');
        }
      }), runs(150));
      await own.change(page, original);
      assert.match((await own.hover(app, CODE_AT.line, CODE_AT.character + 1)).contents.value, /^### 404 Not Found/);
      console.log(`      corpus page: ${runs(150).numRuns} broken versions served, ${broken} of them yielding no topic and reported`);
      assert.strictEqual(own.process.exitCode, null);
      assert.deepStrictEqual(own.logs.filter((l) => / failed: /.test(l)), []);
    } finally {
      await own.stop();
    }
  });
});
