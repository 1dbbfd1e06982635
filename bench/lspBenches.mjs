// The language-server figures: hover latency, cold start, corpus indexing and re-indexing, diagnostics after an edit.
import { spawn } from 'child_process';
import { BenchClient } from './lspClient.mjs';
import { mb, median, ms, percentile, row } from './measure.mjs';

export const HOVER_REQUESTS = 2_000;
const COLD_START_ROUNDS = 10;
const CORPUS_ROUNDS = 3;
const EDIT_ROUNDS = 60;

/** Line and character of a character offset. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Positions inside status tokens the detector knows: `res.status(404)` literals and `StatusCodes.NOT_FOUND` constants. */
function tokenPositions(text) {
  const found = [];
  for (const m of text.matchAll(/\.status\(([1-5]\d\d)\)|StatusCodes\.[A-Z_]+/g)) {
    const at = m[1] ? m.index + m[0].indexOf(m[1]) + 1 : m.index + 4;
    found.push(positionAt(text, at));
  }
  return found;
}

/** Hover over a large file, interleaved with no-op requests to the same server: p50 and p99 of each. */
export async function benchHover(ctx) {
  const client = new BenchClient(ctx.server);
  try {
    await client.initialize();
    const { uri, text } = client.openFile(ctx.data.largeFile.file, 'typescript');
    const all = tokenPositions(text);
    // Spread over the whole file, not only its start.
    const positions = Array.from({ length: Math.min(500, all.length) }, (_, i) => all[Math.floor((i * all.length) / Math.min(500, all.length))]);
    const hover = (i) => client.timed('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
    for (let i = 0; i < 200; i++) { await hover(i); await client.ping(); }
    const hovers = [];
    const pings = [];
    let answered = 0;
    for (let i = 0; i < HOVER_REQUESTS; i++) {
      // Alternate which goes first, so neither always follows the other.
      if (i % 2) pings.push((await client.ping()).ms);
      const h = await hover(i);
      hovers.push(h.ms);
      if (h.result?.contents?.value) answered++;
      if (!(i % 2)) pings.push((await client.ping()).ms);
    }
    if (answered < HOVER_REQUESTS * 0.9) throw new Error(`only ${answered} of ${HOVER_REQUESTS} hovers had content`);
    const p99 = percentile(hovers, 99);
    const ref99 = percentile(pings, 99);
    return row({
      figure: `Hover p99 (${HOVER_REQUESTS} requests, ${ctx.data.largeFile.lines.toLocaleString('en')}-line file)`,
      value: `${ms(p99)} (p50 ${ms(median(hovers))})`,
      reference: `no-op ${ms(ref99)} (p50 ${ms(median(pings))})`,
      ratio: p99 / ref99, limit: 1.5, goal: '≤ 1.5× no-op',
      note: `${answered}/${HOVER_REQUESTS} hovers answered with content at ${positions.length} token positions`,
    });
  } finally {
    await client.stop();
  }
}

/** Spawn → initialize → first hover answered (built-in corpus), against `node` running an empty script. */
export async function benchColdStart(ctx) {
  const server = [];
  const bare = [];
  const text = 'app.get("/x", (req, res) => res.status(404).end());\n';
  for (let round = 0; round < COLD_START_ROUNDS + 1; round++) {
    const t0 = performance.now();
    await new Promise((resolve, reject) => spawn(process.execPath, [ctx.emptyScript], { stdio: 'ignore' }).on('exit', resolve).on('error', reject));
    const nodeMs = performance.now() - t0;
    const client = new BenchClient(ctx.server);
    await client.initialize();
    client.open('file:///bench/cold.js', 'javascript', text);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///bench/cold.js' }, position: { line: 0, character: 39 } });
    const serverMs = performance.now() - client.spawnedAt;
    await client.stop();
    if (!hover?.contents?.value?.includes('404')) throw new Error('cold start: the first hover did not show 404');
    // The first round warms the file cache for both.
    if (round > 0) { server.push(serverMs); bare.push(nodeMs); }
  }
  const value = median(server);
  const reference = median(bare);
  return row({
    figure: 'Cold start: spawn → initialize → first hover',
    value: ms(value), reference: `node empty script ${ms(reference)}`,
    ratio: value / reference, limit: 4, goal: '≤ 4× node',
    note: `median of ${COLD_START_ROUNDS} rounds each, interleaved`,
  });
}

/**
 * Indexes the 10,000-page corpus in a fresh server (status request → answer), reads its memory, then
 * edits one open page and times the edit until a no-op request queued behind it is answered.
 */
export async function benchCorpus(ctx) {
  const corpus = ctx.data.corpus;
  const settings = { corpus: { paths: [corpus.dir], builtin: true } };
  const indexMs = [];
  const indexCpuMs = [];
  const builtinMs = [];
  let memory;
  let baseMemory;
  let edits;
  for (let round = 0; round < CORPUS_ROUNDS; round++) {
    const base = new BenchClient(ctx.server, { settings: { corpus: { paths: [], builtin: true } }, folder: ctx.dataDir });
    await base.initialize();
    builtinMs.push((await base.timed('apiGuidelines/status', {})).ms);
    baseMemory = base.memory();
    await base.stop();

    const client = new BenchClient(ctx.server, { settings, folder: ctx.dataDir });
    try {
      await client.initialize();
      const cpu0 = client.cpuMs();
      const { ms: took, result } = await client.timed('apiGuidelines/status', {});
      if (cpu0 !== undefined) indexCpuMs.push(client.cpuMs() - cpu0);
      if (result.topics < corpus.topics) throw new Error(`indexed ${result.topics} topics, expected ${corpus.topics}+`);
      if (result.problems) throw new Error(`the generated corpus has ${result.problems} problem(s)`);
      indexMs.push(took);
      memory = client.memory();
      if (round === CORPUS_ROUNDS - 1) edits = await editPage(client, corpus.editPage);
    } finally {
      await client.stop();
    }
  }
  const index = median(indexMs);
  const rows = [
    row({
      figure: `Corpus index: ${corpus.topics.toLocaleString('en')} topic pages (${mb(corpus.bytes)})`,
      value: ms(index), reference: `built-in corpus only ${ms(median(builtinMs))}`,
      ratio: index / median(builtinMs), compare: index, limit: 1000, goal: '≤ 1 s',
      note: `median of ${CORPUS_ROUNDS} fresh servers; includes the built-in corpus and one round trip${indexCpuMs.length ? `; server CPU time ${ms(median(indexCpuMs))}` : ''}`,
    }),
  ];
  if (memory) {
    rows.push(row({
      figure: 'Server memory with that corpus (RSS after indexing)',
      value: `${mb(memory.rss)} (peak ${mb(memory.peak)})`, reference: `built-in corpus only ${mb(baseMemory.rss)}`,
      ratio: memory.rss / baseMemory.rss, compare: memory.rss / 1024 / 1024, limit: 150, goal: '≤ 150 MB',
    }));
  }
  rows.push(row({
    figure: 'Re-index after editing one page',
    value: `${ms(edits.p50)} (p95 ${ms(edits.p95)})`, reference: `no-op ${ms(edits.ping)}`,
    ratio: edits.p50 / edits.ping, compare: edits.p50, limit: 20, goal: '≤ 20 ms',
    note: `median of ${EDIT_ROUNDS} edits of an open page (didChange + no-op answered); the last edit is checked in a search`,
  }));
  return rows;
}

async function editPage(client, file) {
  const { uri, text } = client.openFile(file, 'markdown');
  await client.ping();
  const original = /topic_name: '([^']*)'/.exec(text);
  const times = [];
  const pings = [];
  let marker = '';
  for (let i = 0; i < EDIT_ROUNDS; i++) {
    marker = `Edited${i}x`;
    const edited = text.replace(original[0], `topic_name: '${original[1]} ${marker}'`);
    pings.push((await client.ping()).ms);
    const t0 = performance.now();
    client.change(uri, [{ text: edited }]);
    await client.ping();
    times.push(performance.now() - t0);
  }
  const hits = await client.request('apiGuidelines/searchTopics', { query: marker, limit: 5 });
  if (!hits.some((h) => h.name.includes(marker))) throw new Error('the edited page was not re-indexed');
  return { p50: median(times), p95: percentile(times, 95), ping: median(pings) };
}

/** One-character edits in the middle of a 50,000-line file, each followed by a diagnostics pull. */
export async function benchDiagnostics(ctx) {
  const client = new BenchClient(ctx.server);
  try {
    const init = await client.initialize();
    if (!init.capabilities.diagnosticProvider) return undefined;
    const { uri, text } = client.openFile(ctx.data.largeFile.file, 'typescript');
    const pull = () => client.request('textDocument/diagnostic', { textDocument: { uri } });
    const first = await pull();
    const count = first.items?.length ?? 0;
    // Toggle one digit of a status literal near the middle: 404 ⇄ 403 changes what is reported there.
    const at = text.indexOf('.status(404)', Math.floor(text.length / 2)) + '.status(40'.length;
    const pos = positionAt(text, at);
    const times = [];
    const pings = [];
    for (let i = 0; i < EDIT_ROUNDS; i++) {
      pings.push((await client.ping()).ms);
      const t0 = performance.now();
      client.change(uri, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: i % 2 ? '4' : '3' }]);
      const report = await pull();
      times.push(performance.now() - t0);
      if (!Array.isArray(report.items)) throw new Error('diagnostics: no full report after an edit');
    }
    const value = median(times);
    return row({
      figure: `Diagnostics after a 1-character edit (${ctx.data.largeFile.lines.toLocaleString('en')} lines)`,
      value: `${ms(value)} (p95 ${ms(percentile(times, 95))})`, reference: `no-op ${ms(median(pings))}`,
      ratio: value / median(pings), compare: value, limit: 30, goal: '≤ 30 ms',
      note: `median of ${EDIT_ROUNDS} edits (incremental didChange + textDocument/diagnostic); ${count} diagnostics in the file`,
    });
  } finally {
    await client.stop();
  }
}
