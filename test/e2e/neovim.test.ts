import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { positionOf } from '../helpers/lspClient';
import { builtinCorpus, repoRoot, requireShared, serverBundle, sharedPath } from '../helpers/testEnv';
import { fixtureWorkspace, reportE2eTotal, requireTool, timeSuite, toolVersion } from './e2eEnv';

/** What test/e2e/neovim/probe.lua reports: the hover floats Neovim opened, its diagnostics, where go-to-definition landed. */
interface ProbeResult {
  error?: string;
  filetype: string;
  hovers: { result: any; float: string[] }[];
  diagnostics?: { lnum: number; col: number; end_col: number; severity: number; message: string; source: string; code: string }[];
  definition?: { jumped: boolean; file: string; line: number; firstLine: string };
  log: string[];
}

interface ProbeSpec {
  file: string;
  initOptions?: Record<string, unknown>;
  hovers?: { line: number; character: number }[];
  diagnostics?: boolean;
  definition?: { line: number; character: number };
}

const probeScript = path.join(repoRoot, 'test', 'e2e', 'neovim', 'probe.lua');
const routesFile = path.join(fixtureWorkspace, 'src', 'routes.js');
const controllerFile = path.join(fixtureWorkspace, 'src', 'main', 'java', 'com', 'example', 'orders', 'OrderController.java');
const routes = fs.readFileSync(routesFile, 'utf8');
const controller = fs.readFileSync(controllerFile, 'utf8');
/**
 * The float's text without Markdown backslash escapes: Neovim 0.7 shows the Markdown source
 * (highlighted), and the server escapes corpus punctuation.
 */
function floatText(float: string[]): string {
  return float.join('\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Neovim severities: 1 error, 2 warning. */
const WARNING = 2;

reportE2eTotal();

describe('e2e: Neovim (headless, built-in LSP client)', function () {
  this.timeout(90000);
  timeSuite('Neovim suite');
  let tmp = '';
  let runs = 0;

  before(function () {
    const version = requireTool(this, toolVersion('nvim'), 'Neovim (nvim)');
    console.log(`      ${version}`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-nvim-'));
  });
  after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  /** Runs Neovim on one file with the bundled server and returns what the probe saw. */
  async function probe(spec: ProbeSpec): Promise<ProbeResult> {
    const run = ++runs;
    const specFile = path.join(tmp, `spec-${run}.json`);
    const out = path.join(tmp, `out-${run}.json`);
    fs.writeFileSync(specFile, JSON.stringify({ ...spec, cmd: [process.execPath, serverBundle, '--stdio'], root: fixtureWorkspace, out }));
    const nvim = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${probeScript}`], {
      env: { ...process.env, PROBE_SPEC: specFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    nvim.stdout.on('data', (d) => (output += d));
    nvim.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => nvim.on('exit', resolve));
    assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${code}): ${output}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
    assert.strictEqual(result.error, undefined, `probe failed: ${result.error}\n${output}\nserver log:\n${result.log.join('\n')}`);
    assert.strictEqual(code, 0, output);
    return result;
  }

  it('hover on res.status(403) opens a float with the built-in 403 topic and its guidelines', async () => {
    const at = positionOf(routes, 'res.status(403)', 'res.status('.length + 1);
    const { hovers, filetype } = await probe({ file: routesFile, hovers: [at] });
    assert.strictEqual(filetype, 'javascript');
    const [hover] = hovers;
    assert.strictEqual(hover.result.contents.kind, 'markdown');
    assert.deepStrictEqual(hover.result.range.start, { line: at.line, character: at.character - 1 });
    const float = floatText(hover.float);
    assert.match(float, /^### 403 Forbidden/);
    assert.match(float, /refuses to carry it out/);
    assert.match(float, /RFC 9110: 15\.5\.4\. 403 Forbidden/);
    assert.match(float, /Zalando/);
  });

  it('hover on HttpStatus.FORBIDDEN in a Spring controller shows the same topic', async () => {
    const at = positionOf(controller, 'HttpStatus.FORBIDDEN', 'HttpStatus.'.length + 2);
    const { hovers, filetype } = await probe({ file: controllerFile, hovers: [at] });
    assert.strictEqual(filetype, 'java');
    assert.match(floatText(hovers[0].float), /^### 403 Forbidden[\s\S]*RFC 9110/);
  });

  it('hover lists the API Stylebook companies when the corpus comes from init_options settings', async function () {
    requireShared(this);
    const at = positionOf(routes, 'res.status(403)', 'res.status('.length);
    const settings = { corpus: { paths: [sharedPath('corpora', 'apistylebook')], builtin: true } };
    const { hovers } = await probe({ file: routesFile, initOptions: { settings }, hovers: [at] });
    const float = floatText(hovers[0].float);
    assert.match(float, /^### 403 Forbidden/);
    // The API Stylebook's four, beside the built-in atlas: shown on a line each or in the folded line of names.
    for (const company of ['Cloud Foundry', 'Haufe', 'Heroku', 'Zalando']) assert.ok(float.includes(`**${company}**`) || float.includes(`[${company}`), `${company} missing from:\n${float}`);
    assert.ok(float.includes('https://github.com/cloudfoundry/cc-api-v3-style-guide#client-errors'), 'the API Stylebook\'s own link for Cloud Foundry');
  });

  it('pushes a diagnostic for res.status(499), which Neovim lists for the buffer', async () => {
    const { diagnostics } = await probe({ file: routesFile, diagnostics: true });
    const at = positionOf(routes, 'res.status(499)', 'res.status('.length);
    const found = diagnostics?.find((d) => d.lnum === at.line);
    assert.ok(found, `no diagnostic on line ${at.line}: ${JSON.stringify(diagnostics)}`);
    assert.deepStrictEqual([found.col, found.end_col, found.severity, found.source], [at.character, at.character + 3, WARNING, 'api-guidelines']);
    assert.match(found.message, /^499 is not in the IANA HTTP Status Code Registry/);
  });

  it('pushes a deprecation warning for HttpStatus.USE_PROXY', async () => {
    const { diagnostics } = await probe({ file: controllerFile, diagnostics: true });
    const line = positionOf(controller, 'HttpStatus.USE_PROXY').line;
    const found = diagnostics?.find((d) => d.lnum === line);
    assert.ok(found, `no diagnostic on line ${line}: ${JSON.stringify(diagnostics)}`);
    assert.strictEqual(found.severity, WARNING);
    assert.match(found.message, /^305 Use Proxy is deprecated/);
  });

  it('go to definition on 403 jumps to corpus/topics/http-status-403.md', async () => {
    const at = positionOf(routes, 'res.status(403)', 'res.status('.length + 2);
    const { definition } = await probe({ file: routesFile, definition: at });
    assert.ok(definition?.jumped, 'Neovim did not leave the source buffer');
    assert.strictEqual(definition.file, path.join(builtinCorpus, 'topics', 'http-status-403.md'));
    assert.match(definition.firstLine, /http-status-403/);
  });
});
