// The fixed cost and the scale of the CLI and the server (issue 19): one small file and a 4 MB OpenAPI document
// against `node` on an empty script and ripgrep, real-code trees of 50 and 100 MB against ripgrep, a cold start with
// a grown built-in corpus, and the server's memory with the built-in corpus. Every figure is measured against its
// reference in the same rounds, interleaved.
import { execFileSync } from 'child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import { RIPGREP_PATTERN, ripgrepVersion, timeCommand } from './checkBench.mjs';
import { GUIDELINE_COUNT, guidelinePage, topicPage } from './corpusTemplates.mjs';
import { BenchClient } from './lspClient.mjs';
import { mb, median, ms, row, skipped } from './measure.mjs';
import { generatedOnce } from './generate.mjs';
import { seededRandom } from './random.mjs';

/** Bump when a generator below changes, so that stale data is rebuilt. */
const DATA_VERSION = 1;
const SMALL_ROUNDS = 15;
const SPEC_ROUNDS = 7;
const TREE_ROUNDS = 3;
const COLD_ROUNDS = 10;
const SPEC_BYTES = 4 * 1024 * 1024;
/** Topic pages added to the built-in corpus for the grown-corpus cold start (the built-in corpus has ~230 pages). */
const GROWN_TOPICS = 1_000;
/** Real code for the trees: the system's Python library and packages, then this project's installed packages, as they are. */
const REAL_SOURCES = [['/usr/lib/python3.11', /\.py$/], ['/usr/lib/python3', /\.py$/], ['node_modules', /\.(m?js|cjs|ts|tsx|jsx)$/]];
/** Files larger than this are left out of the real-code trees (`check` skips them too, by default). */
const REAL_MAX_FILE_BYTES = 4 * 1024 * 1024;
/** ripgrep's count of response keys in an OpenAPI document: `'404':`, `"200":`, `default:` under `responses`. */
const RESPONSE_KEYS = String.raw`^\s+['"]?([1-5][0-9][0-9]|[1-5]XX|default)['"]?:`;

function once(dir, write) {
  return generatedOnce(dir, DATA_VERSION, write);
}

/** A 4 MB OpenAPI 3 document (YAML) of many resources, each operation with its responses: the shape of large public specs. */
function writeSpec(dir) {
  const r = seededRandom(19);
  const codes = { get: ['200', '304', '400', '401', '403', '404', '429', '500'], post: ['201', '202', '400', '401', '403', '409', '415', '422', '500'],
    put: ['200', '204', '400', '401', '403', '404', '409', '412', '500'], delete: ['204', '401', '403', '404', '410', '500'] };
  const words = ['account', 'order', 'invoice', 'shipment', 'payment', 'customer', 'product', 'review', 'webhook', 'token', 'report', 'team'];
  const lines = ['openapi: 3.0.3', 'info:', '  title: Generated platform API', '  version: 1.0.0', 'paths:'];
  let bytes = 0;
  let operations = 0;
  for (let i = 0; bytes < SPEC_BYTES; i++) {
    const noun = `${r.pick(words)}-${i}`;
    const block = [`  /v1/${noun}s/{id}:`];
    for (const method of ['get', 'post', 'put', 'delete']) {
      if (method !== 'get' && r.chance(0.3)) continue;
      operations++;
      block.push(`    ${method}:`, `      operationId: ${method}${noun.replace(/-(\w)/g, (_, c) => c.toUpperCase())}`, `      summary: ${method} one ${noun}`,
        '      parameters:', '        - name: id', '          in: path', '          required: true', '          schema:', '            type: string',
        '        - name: If-Match', '          in: header', '          schema:', '            type: string', '      responses:');
      for (const code of codes[method]) {
        block.push(`        '${code}':`, `          description: ${code} for ${noun}`);
        if (code.startsWith('2') && code !== '204') block.push('          content:', '            application/json:', '              schema:', `                $ref: '#/components/schemas/Thing'`);
        if (code === '429') block.push('          headers:', '            Retry-After:', '              schema:', '                type: integer');
      }
    }
    const text = block.join('\n');
    lines.push(text);
    bytes += text.length + 1;
  }
  lines.push('components:', '  schemas:', '    Thing:', '      type: object', '      properties:', '        id:', '          type: string', '');
  const text = lines.join('\n');
  writeFileSync(join(dir, 'openapi.yaml'), text);
  return { file: join(dir, 'openapi.yaml'), bytes: Buffer.byteLength(text), operations };
}

/** Source files below `root` matching `pattern`, sorted, no larger than REAL_MAX_FILE_BYTES; links are not followed. */
function sourceFiles(root, pattern) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && pattern.test(e.name)) {
        const size = statSync(p).size;
        if (size <= REAL_MAX_FILE_BYTES) out.push({ path: p, size, root });
      }
    }
  };
  walk(root);
  return out;
}

/**
 * A tree of real code of at least `bytes`: every file of each source in turn, copied so that no folder is named
 * node_modules (which `check` skips, as the editor does), each source below a folder of its own.
 */
function writeRealTree(dir, bytes, root) {
  const sources = REAL_SOURCES.map(([src, pattern]) => sourceFiles(src.startsWith('/') ? src : join(root, src), pattern));
  let total = 0;
  let files = 0;
  const languages = new Set();
  for (const list of sources) {
    for (const f of list) {
      if (total >= bytes) break;
      const rel = join(`source-${sources.indexOf(list)}`, relative(f.root, f.path)).split(sep).map((part) => (part === 'node_modules' ? 'packages' : part)).join(sep);
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      copyFileSync(f.path, join(dir, rel));
      total += f.size;
      files++;
      languages.add(/\.py$/.test(f.path) ? 'py' : /\.tsx?$/.test(f.path) ? 'ts' : 'js');
    }
  }
  if (total < bytes * 0.9) throw new Error(`only ${mb(total)} of real code found for a ${mb(bytes)} tree (node_modules installed? /usr/lib/python3.11?)`);
  return { bytes: total, files, languages: [...languages].sort() };
}

/** The bundles as built, beside a copy of the built-in corpus grown by generated pages, compiled as the build does. */
function writeGrownInstall(dir, root) {
  mkdirSync(join(dir, 'dist'));
  for (const f of readdirSync(join(root, 'dist'))) if (/^(server|lib\w+)\.js$/.test(f)) copyFileSync(join(root, 'dist', f), join(dir, 'dist', f));
  const corpus = join(dir, 'corpus');
  cpSync(join(root, 'corpus'), corpus, { recursive: true });
  const r = seededRandom(190);
  mkdirSync(join(corpus, 'grown', 'guidelines'), { recursive: true });
  for (let i = 0; i < GUIDELINE_COUNT; i++) writeFileSync(join(corpus, 'grown', 'guidelines', `guideline-${i}.md`), guidelinePage(r, i));
  for (let i = 0; i < GROWN_TOPICS; i++) {
    const sub = join(corpus, 'grown', 'topics', `part-${Math.floor(i / 250)}`);
    if (i % 250 === 0) mkdirSync(sub, { recursive: true });
    const { id, text } = topicPage(r, i);
    writeFileSync(join(sub, `${id}.md`), text);
  }
  const pages = readdirSync(corpus, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
  return { pages };
}

function smallFile(ctx) {
  const small = join(ctx.dataDir, 'small');
  mkdirSync(small, { recursive: true });
  writeFileSync(join(small, 'handler.js'), "app.get('/orders/:id', (req, res) => res.status(403).json({ error: 'forbidden' }));\n");
  return join(small, 'handler.js');
}

/** Runs `commands` (name → () => Promise<{ms}>) interleaved for `rounds` rounds after one warm-up each; medians by name. */
async function interleaved(rounds, commands) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const last = {};
  for (const run of Object.values(commands)) await run();
  for (let round = 0; round < rounds; round++) {
    // The order turns each round, so that no command always follows the same one.
    const names = Object.keys(commands);
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const result = await commands[name]();
      times[name].push(result.ms);
      last[name] = result;
    }
  }
  return { medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])), last };
}

const checkArgs = ['check', '--no-progress', '--no-color', '--no-config'];

/** `check` of one small file and of a 4 MB OpenAPI document, against `node` on an empty script (and ripgrep for the document). */
export async function benchSmallAndSpec(ctx) {
  const data = { small: smallFile(ctx), spec: once(join(ctx.dataDir, 'spec'), writeSpec) };
  const node = () => timeCommand(process.execPath, [ctx.emptyScript], ctx.dataDir);
  const small = await interleaved(SMALL_ROUNDS, {
    node,
    check: () => timeCommand(process.execPath, [ctx.cli, ...checkArgs, data.small], ctx.dataDir),
  });
  const rows = [row({
    figure: 'check of one small file (one handler, 1 line)',
    value: ms(small.medians.check), reference: `node empty script ${ms(small.medians.node)}`,
    ratio: small.medians.check / small.medians.node, limit: 2, goal: '≤ 2× node (aim 1.5×)',
    note: `median of ${SMALL_ROUNDS} interleaved runs; check printed ${small.last.check.lines} line(s)`,
  })];
  const rg = ripgrepVersion();
  const spec = data.spec;
  const specCommands = {
    node,
    check: () => timeCommand(process.execPath, [ctx.cli, ...checkArgs, spec.file], ctx.dataDir),
    ...(rg ? { ripgrep: () => timeCommand('rg', ['--no-config', '--with-filename', '--count', '-e', RESPONSE_KEYS, spec.file], ctx.dataDir) } : {}),
  };
  const s = await interleaved(SPEC_ROUNDS, specCommands);
  const figure = `check of a ${mb(spec.bytes)} OpenAPI document (${spec.operations.toLocaleString('en')} operations)`;
  rows.push(row({
    figure: `${figure} vs node`,
    value: ms(s.medians.check), reference: `node empty script ${ms(s.medians.node)}`,
    ratio: s.medians.check / s.medians.node, compare: NaN, goal: 'report',
    note: `median of ${SPEC_ROUNDS} interleaved runs; check printed ${s.last.check.lines} line(s)`,
  }));
  if (!rg) rows.push(skipped(`${figure} vs ripgrep`, 'report', 'ripgrep (rg) is not installed'));
  else {
    rows.push(row({
      figure: `${figure} vs ripgrep`,
      value: ms(s.medians.check), reference: `ripgrep counting response keys ${ms(s.medians.ripgrep)}`,
      ratio: s.medians.check / s.medians.ripgrep, compare: NaN, goal: 'report',
      note: `same rounds; ${rg} counted ${s.last.ripgrep.total.toLocaleString('en')} response keys`,
    }));
  }
  return rows.map((r) => (r.result === 'n/a' ? { ...r, result: 'info' } : r));
}

/** `check` of the real-code trees against ripgrep searching them for the same tokens. */
export async function benchRealTrees(ctx) {
  const rg = ripgrepVersion();
  const rows = [];
  for (const size of [50, 100]) {
    const tree = once(join(ctx.dataDir, `real-${size}`), (dir) => writeRealTree(dir, size * 1024 * 1024, ctx.root));
    const figure = `check over ${mb(tree.bytes)} of real code (${tree.files.toLocaleString('en')} files, ${tree.languages.join('/')})`;
    if (!rg) {
      rows.push(skipped(figure, '≤ 3× ripgrep', 'ripgrep (rg) is not installed'));
      continue;
    }
    const t = await interleaved(TREE_ROUNDS, {
      check: () => timeCommand(process.execPath, [ctx.cli, ...checkArgs, '.'], tree.dir),
      // ASCII word boundaries: with Unicode ones ripgrep leaves its fast engine on real code (5-10× slower), a reference too easy to beat.
      ripgrep: () => timeCommand('rg', ['--no-config', '--no-ignore', '--count', '-e', `(?-u)${RIPGREP_PATTERN}`, '.'], tree.dir),
      walk: () => timeCommand('rg', ['--no-config', '--no-ignore', '--files', '.'], tree.dir),
    });
    rows.push(row({
      figure, value: ms(t.medians.check), reference: `ripgrep ${ms(t.medians.ripgrep)}`,
      ratio: t.medians.check / t.medians.ripgrep, limit: 3, goal: '≤ 3× ripgrep',
      note: `median of ${TREE_ROUNDS} interleaved runs, warm file cache; check printed ${t.last.check.lines.toLocaleString('en')} line(s); `
        + `ripgrep counted ${t.last.ripgrep.total.toLocaleString('en')} matching lines; \`rg --files\` alone ${ms(t.medians.walk)}`,
    }));
  }
  return rows;
}

/** Cold start to the first hover with the built-in corpus grown by generated pages (compiled as the build does), against `node`. */
export async function benchGrownColdStart(ctx) {
  const compiler = join(ctx.root, 'out', 'writeCompiledCorpus.js');
  if (!existsSync(compiler)) return skipped('Cold start, grown corpus', '≤ 4× node', 'out/writeCompiledCorpus.js is missing: run the build');
  // Made afresh each run: it holds this build's bundles.
  const dir = join(ctx.dataDir, 'grown');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { pages } = writeGrownInstall(dir, ctx.root);
  execFileSync(process.execPath, [compiler, join(dir, 'corpus'), join(dir, 'dist', 'builtin-corpus.json')], { stdio: 'inherit' });
  if (!existsSync(join(dir, 'dist', 'builtin-corpus.json'))) throw new Error('the grown corpus was not compiled');
  const server = join(dir, 'dist', 'server.js');
  const text = 'app.get("/x", (req, res) => res.status(404).end());\n';
  const times = { server: [], node: [] };
  let compiledLine = '';
  for (let round = 0; round <= COLD_ROUNDS; round++) {
    const bare = await timeCommand(process.execPath, [ctx.emptyScript], ctx.dataDir);
    const client = new BenchClient(server);
    const logs = [];
    client.connection.onNotification('window/logMessage', (p) => logs.push(p.message));
    await client.initialize();
    client.open('file:///bench/cold.js', 'javascript', text);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///bench/cold.js' }, position: { line: 0, character: 39 } });
    const took = performance.now() - client.spawnedAt;
    await client.request('apiGuidelines/status', {});
    compiledLine = logs.find((l) => l.startsWith('Indexed ')) ?? compiledLine;
    await client.stop();
    if (!hover?.contents?.value?.includes('404')) throw new Error('grown cold start: the first hover did not show 404');
    if (round > 0) { times.server.push(took); times.node.push(bare.ms); }
  }
  const value = median(times.server);
  const reference = median(times.node);
  return row({
    figure: `Cold start, grown corpus (${pages.toLocaleString('en')} pages): spawn → first hover`,
    value: ms(value), reference: `node empty script ${ms(reference)}`,
    ratio: value / reference, limit: 4, goal: '≤ 4× node',
    note: `median of ${COLD_ROUNDS} rounds each, interleaved; the built-in corpus plus ${GROWN_TOPICS.toLocaleString('en')} generated topic pages and ${GUIDELINE_COUNT} guideline pages; server: ${compiledLine || 'no index line logged'}`,
  });
}

/** The server's resident memory once the built-in corpus is indexed, against a server with no corpus at all. */
export async function benchServerMemory(ctx) {
  const rss = { builtin: [], none: [] };
  for (let round = 0; round < 3; round++) {
    for (const [name, builtin] of [['builtin', true], ['none', false]]) {
      const client = new BenchClient(ctx.server, { settings: { corpus: { paths: [], builtin } }, folder: ctx.dataDir });
      try {
        await client.initialize();
        await client.request('apiGuidelines/status', {});
        const memory = client.memory();
        if (!memory) return skipped('Server memory, built-in corpus', 'report', 'no /proc on this system');
        rss[name].push(memory.rss);
      } finally {
        await client.stop();
      }
    }
  }
  const value = median(rss.builtin);
  const reference = median(rss.none);
  return {
    ...row({ figure: 'Server memory with the built-in corpus (RSS after indexing)', value: mb(value), reference: `no corpus ${mb(reference)}`, ratio: value / reference, compare: NaN, goal: 'report (no growth from the atlas)' }),
    result: 'info',
    note: `median of 3 servers each; the corpus itself costs ${((value - reference) / 1024 / 1024).toFixed(1)} MB`,
  };
}
