// `api-guidelines check` over the generated source tree, against ripgrep searching the same tree for the same tokens.
import { spawn, spawnSync } from 'child_process';
import { mb, median, ms, row, skipped } from './measure.mjs';

const ROUNDS = 3;
const GOAL = '≤ 3× ripgrep';

/**
 * What the detector looks for in the generated code, as one regex: framework status constants,
 * status literals in a status context, method constants and the header names used there.
 */
export const RIPGREP_PATTERN = [
  String.raw`\b(HttpStatus|HTTPStatus|HttpStatusCode|StatusCodes)\.[A-Za-z_]+`,
  String.raw`\bhttp\.(Status|Method)[A-Z][A-Za-z]*`,
  String.raw`\bstatus\.HTTP_[1-5][0-9][0-9]_[A-Z_]+`,
  String.raw`\.(status|sendStatus|writeHead|WriteHeader)\(\s*[1-5][0-9][0-9]`,
  String.raw`\b(status|status_code|statusCode)\s*[:=]\s*:?[1-5a-z][0-9a-z_]*`,
  String.raw`\bhead :[a-z_]+`,
  String.raw`['"](Retry-After|Location|ETag|Cache-Control|Content-Type|Link|WWW-Authenticate|Vary)['"]`,
  String.raw`@(Get|Post|Put|Delete|Patch)Mapping|\brouter\.(get|post|put|delete|patch)\(`,
].join('|');

export function ripgrepVersion() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Runs a command to its end, counting output lines; resolves with milliseconds and the count. */
export function timeCommand(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines++;
      if (stdout.length < 1_000_000) stdout += d;
    });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`));
      // `rg --count` prints `file:count`; the sum is the number of matching lines.
      else resolve({ ms: performance.now() - t0, lines, total: stdout.split('\n').reduce((n, l) => n + (Number(/:(\d+)$/.exec(l)?.[1]) || 0), 0) });
    });
  });
}

export async function benchCheck(ctx) {
  const figure = `check over ${mb(ctx.data.tree.bytes)} of source (${ctx.data.tree.files.toLocaleString('en')} files, ${ctx.data.tree.languages.join('/')})`;
  const rg = ripgrepVersion();
  if (!rg) return skipped(figure, GOAL, 'ripgrep (rg) is not installed: apt-get install -y ripgrep (or brew install ripgrep), then run again');
  const tree = ctx.data.tree.dir;
  const check = () => timeCommand(process.execPath, [ctx.cli, 'check', '.', '--no-progress', '--no-color'], tree);
  // --no-ignore: bench/.data is git-ignored, and check is given the folder explicitly. --count: both
  // read every file and print a summary (check reports findings, not every token it saw).
  const ripgrep = () => timeCommand('rg', ['--no-config', '--no-ignore', '--count', '-e', RIPGREP_PATTERN, '.'], tree);
  // The floor under any Node CLI, in the same rounds: Node starting on an empty script, and the CLI loading and exiting.
  const nodeAlone = () => timeCommand(process.execPath, [ctx.emptyScript], tree);
  const cliAlone = () => timeCommand(process.execPath, [ctx.cli, '--version'], tree);
  await check();
  await ripgrep();
  const ours = [];
  const theirs = [];
  const floors = { node: [], cli: [] };
  let findings = 0;
  let matches = 0;
  let matchCount = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const c = await check();
    const r = await ripgrep();
    ours.push(c.ms);
    theirs.push(r.ms);
    floors.node.push((await nodeAlone()).ms);
    floors.cli.push((await cliAlone()).ms);
    findings = c.lines;
    matches = r.lines;
    matchCount = r.total;
  }
  const value = median(ours);
  const reference = median(theirs);
  const floor = (name, runs) => `${name} ${ms(median(runs))} (${(median(runs) / reference).toFixed(1)}× ripgrep)`;
  return row({
    figure, value: ms(value), reference: `ripgrep ${ms(reference)}`,
    ratio: value / reference, limit: 3, goal: GOAL,
    note: `median of ${ROUNDS} interleaved runs, warm file cache; check printed ${findings.toLocaleString('en')} line(s); ${rg} counted ${matchCount.toLocaleString('en')} matching lines in ${matches.toLocaleString('en')} files; floor in the same rounds: ${floor('node on an empty script', floors.node)}, ${floor('api-guidelines --version', floors.cli)}`,
  });
}
