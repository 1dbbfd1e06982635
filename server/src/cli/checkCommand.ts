/** `check [paths…]`: the editor's diagnostics for every source file below some paths, for CI and terminals. */
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { CorpusProblem, Severity } from '../corpus/model';
import { configuredSeverity, levelSeverity, RULES, type RuleInfo as DiagnosticRule } from '../features/diagnostics';
import { globError } from '../features/glob';
import { followedRules, ruleLabel } from '../features/guidelineView';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_OPENAPI_BYTES, formatBytes, parseByteSize, walkFiles, type WalkResult } from '../node/fileWalker';
import { languageForPath, type ApiGuidelinesSettings } from '../settings';
import { suggest, UsageError, type CommandSpec, type ParsedArgs } from './args';
import { COLOR_OPTIONS, CORPUS_OPTIONS, GUIDELINE_OPTIONS, HELP_OPTION, PROGRAM, displayPath, emit, loadIndex, resolveSettings, styleFor, warnUnknownFollows, type CliIo } from './cliContext';
import { CheckPool, ignoredByCheck, MIN_FILES_FOR_WORKERS, workersFor, type CheckJob, type FileOutcome } from './checkFiles';
import { CONFIG_FILE_NAME } from './configFile';
import { isMachineFormat, OUTPUT_FORMATS, reportOptions, type OutputFormat } from './outputFormats';
import { Progress } from './progress';
import { reachesSeverity, sortReport, type ReportFile, type ReportNote, type RuleInfo } from './report';
import { terminalSafe } from './terminalStyle';
import { formatCount, Timing, timingEnabled } from './timing';
import { toolInfo } from './toolInfo';

/** The bundled worker script, next to the CLI bundle. */
const WORKER_SCRIPT = path.join(__dirname, 'checkWorker.js');
/** Corpus problems listed on stderr before the rest is summed up. */
const MAX_CORPUS_PROBLEMS_SHOWN = 10;

export const checkSpec: CommandSpec = {
  name: 'check',
  summary: 'Report the diagnostics the editor shows, for every source file below the paths (default: the working folder).',
  positionals: '[paths…]',
  details: [
    'Folders are walked as git sees them: .gitignore files (nested, negations, .git/info/exclude)',
    'are honoured, and .git and node_modules are always skipped. Files of no supported language are',
    'passed over; binary files and files over --max-file-size (OpenAPI documents: --max-openapi-size)',
    'are skipped with a note. Files named on the command line are checked whatever their size.',
    `Settings come from ${CONFIG_FILE_NAME} in the working folder or its nearest ancestor, then the flags.`,
    '',
    'Exit code: 0 nothing at or above --max-severity, 1 something, 2 bad arguments, a missing path,',
    'no file to check (unless --no-error-on-unmatched) or errors in a corpus (run `validate` for them).',
  ].join('\n'),
  options: [
    ...reportOptions('text', 'finding'),
    { name: 'rule', kind: 'list', arg: 'ID=LEVEL', help: 'Set a rule\'s severity (off, hint, information, warning, error); repeatable' },
    { name: 'exclude', kind: 'list', arg: 'GLOB', help: 'Leave out matching files, on top of diagnostics.exclude; repeatable' },
    { name: 'max-file-size', kind: 'value', arg: 'SIZE', help: `Skip files found in folders that are larger than SIZE, e.g. 500KB, 4MB (default: ${formatBytes(DEFAULT_MAX_FILE_BYTES)})` },
    { name: 'max-openapi-size', kind: 'value', arg: 'SIZE', help: `The same for OpenAPI documents (default: ${formatBytes(DEFAULT_MAX_OPENAPI_BYTES)})` },
    { name: 'no-error-on-unmatched', kind: 'flag', help: 'Exit 0, not 2, when there is no file to check (e.g. in a pre-commit hook)' },
    { name: 'no-progress', kind: 'flag', help: 'No progress counter on stderr (shown only on terminals, for long runs)' },
    { name: 'jobs', kind: 'value', arg: 'N', help: 'Check files on N threads, at most one per CPU and one per file (default: one per CPU for large runs; 1: no worker threads)' },
    ...GUIDELINE_OPTIONS,
    ...CORPUS_OPTIONS,
    ...COLOR_OPTIONS,
    HELP_OPTION,
  ],
  examples: [
    `${PROGRAM} check`,
    `${PROGRAM} check src --max-severity warning`,
    `${PROGRAM} check --corpus ./guidelines --format sarif --output api-guidelines.sarif`,
    `${PROGRAM} check --format github --rule uncovered-status=off`,
    `${PROGRAM} check src --follow zalando --rule zalando/150=error`,
  ],
};

interface CheckOptions {
  format: OutputFormat;
  maxSeverity: Severity;
  maxBytes: number;
  maxOpenApiBytes: number;
  jobs?: number;
}

export async function runCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  const timing = new Timing(timingEnabled(io.env));
  timing.mark('start and settings');
  const options = checkOptions(args);
  const style = styleFor(args, io);
  const resolved = await resolveSettings(args, io);
  const { settings, root } = resolved;
  applyRuleFlags(settings, args.lists.get('rule') ?? []);
  for (const glob of args.lists.get('exclude') ?? []) {
    const error = globError(glob);
    // A malformed glob would match nothing: said once, and the other globs and every finding still apply.
    if (error) io.stderr.write(`${PROGRAM}: warning: --exclude '${terminalSafe(glob)}' is malformed (${terminalSafe(error)}) and matches nothing; ignored\n`);
    else settings.diagnostics.exclude.push(glob);
  }
  if (!settings.diagnostics.enable) io.stderr.write(`${PROGRAM}: warning: diagnostics.enable is false in ${terminalSafe(resolved.configFile ?? '')}: nothing is reported\n`);

  const given = args.positionals.length ? args.positionals : ['.'];
  const paths = given.map((p) => path.resolve(io.cwd, p));
  const job: CheckJob = { settings, cwd: io.cwd, maxBytes: options.maxBytes, maxOpenApiBytes: options.maxOpenApiBytes };
  const workers = workersFor(options.jobs);
  const pool = new CheckPool(workers && fs.existsSync(WORKER_SCRIPT) ? WORKER_SCRIPT : undefined, workers, { job, roots: resolved.roots, builtinCorpus: io.builtinCorpus });
  // The index loads while the folders are walked; a bad path is still reported before a bad corpus folder.
  const loading = loadIndex(resolved.roots, io.builtinCorpus);
  loading.catch(() => undefined);
  let walk: WalkResult;
  let index: CorpusIndex;
  let outcomes: FileOutcome[];
  try {
    let accepted = 0;
    walk = await walkFiles(paths, {
      accept: (file) => {
        if (languageForPath(file) === undefined) return false;
        // Enough files for workers to pay: they start now and load while the walk goes on. With --jobs, one more
        // per file found, up to the cap: never more threads than files.
        if (++accepted === MIN_FILES_FOR_WORKERS) pool.start();
        else if (options.jobs !== undefined) pool.start(accepted - 1);
        return true;
      },
      ignore: ignoredByCheck(settings, root, resolved.roots),
    });
    if (walk.missing.length) throw new UsageError(`path not found: ${walk.missing.map((m) => terminalSafe(displayPath(io.cwd, m))).join(', ')}`);
    timing.mark(`walk (${formatCount(walk.files.length)} files)`);
    index = await loading;
    timing.mark('corpus');
    warnUnknownFollows(index, settings, io);
    const codes = followedRules(index, settings.guidelines.follow).map((r) => r.code);
    for (const id of Object.keys(settings.diagnostics.rules)) {
      if (id.includes('/') && !codes.includes(id)) io.stderr.write(`${PROGRAM}: warning: '${terminalSafe(id)}' is no checkable rule of a followed guideline${suggest(id, codes).replace(/--/g, '')}: its setting has no effect\n`);
    }
    const progress = new Progress(io.stderr, !args.flags.has('no-progress'));
    const threads = walk.files.length < MIN_FILES_FOR_WORKERS && options.jobs === undefined ? 1 : undefined;
    const results = await pool.run(walk.files, index, { named: walk.named, threads, progress: (done) => progress.update(done, walk.files.length) });
    outcomes = results.flatMap((r) => r.outcomes);
    timing.threads.push(...results.map((r) => r.timing));
    timing.mark(`check (${results.length} thread(s))`);
    progress.clear();
  } finally {
    pool.close();
  }
  const notes: ReportNote[] = walk.skipped.map((s) => ({ path: s.path, message: s.reason }));
  const files: ReportFile[] = [];
  for (const o of outcomes) {
    if ('file' in o) files.push(o.file);
    else notes.push(o.note);
  }

  const report = sortReport({
    root: path.resolve(io.cwd),
    files,
    notes: notes.map((n) => ({ ...n, path: displayPath(io.cwd, n.path) })).sort((a, b) => a.path.localeCompare(b.path)),
    rules: ruleTable(settings, index),
    checked: files.length,
  });
  const corpusErrors = index.problems.filter((p) => p.severity === 'error');
  // A run that checked nothing must not pass a CI gate: it says so and fails, as ESLint does, unless allowed.
  if (report.checked === 0 && !args.flags.has('no-error-on-unmatched')) {
    printNotes(report.notes, io);
    reportCorpusErrors(corpusErrors, io);
    io.stderr.write(`${PROGRAM}: no files to check in ${terminalSafe(given.join(', '))}`
      + `${walk.files.length ? `: all ${walk.files.length} skipped` : ''} (--no-error-on-unmatched allows it)\n`);
    return 2;
  }
  if (!isMachineFormat(options.format)) printNotes(report.notes, io);
  reportCorpusErrors(corpusErrors, io);
  await emit(io, OUTPUT_FORMATS[options.format](report, { style, tool: toolInfo() }), args.values.get('output'));
  timing.mark('report');
  io.stderr.write(timing.render());
  if (corpusErrors.length) return 2;
  return reachesSeverity(report, options.maxSeverity) ? 1 : 0;
}

function printNotes(notes: readonly ReportNote[], io: CliIo): void {
  for (const n of notes) io.stderr.write(`${PROGRAM}: skipped ${terminalSafe(n.path)}: ${terminalSafe(n.message)}\n`);
}

function checkOptions(args: ParsedArgs): CheckOptions {
  const jobsText = args.values.get('jobs');
  const jobs = jobsText === undefined ? undefined : Number(jobsText);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`'--jobs' needs a whole number of threads, 1 or more, not '${jobsText}'`);
  return {
    format: (args.values.get('format') ?? 'text') as OutputFormat,
    maxSeverity: (args.values.get('max-severity') ?? 'error') as Severity,
    maxBytes: sizeOption(args, 'max-file-size', DEFAULT_MAX_FILE_BYTES),
    maxOpenApiBytes: sizeOption(args, 'max-openapi-size', DEFAULT_MAX_OPENAPI_BYTES),
    jobs,
  };
}

function sizeOption(args: ParsedArgs, name: string, fallback: number): number {
  const text = args.values.get(name);
  if (text === undefined) return fallback;
  const bytes = parseByteSize(text);
  if (bytes === undefined) throw new UsageError(`'--${name}' needs a size like 500KB or 4MB, not '${text}'`);
  return bytes;
}

/** `--rule id=level` over the config's rules; unknown ids and levels are usage errors. */
export function applyRuleFlags(settings: ApiGuidelinesSettings, flags: readonly string[]): void {
  for (const flag of flags) {
    const m = /^([^=:]+)[=:](.*)$/.exec(flag);
    if (!m) throw new UsageError(`'--rule' needs ID=LEVEL, e.g. unregistered-status=error, not '${flag}'`);
    const [, id, level] = m;
    // A followed guideline's rule (`zalando/150`) is known once the corpus is loaded.
    if (!id.includes('/') && !RULES.some((r) => r.id === id)) {
      throw new UsageError(`unknown rule '${id}'${suggest(id, RULES.map((r) => r.id))}; rules: ${RULES.map((r) => r.id).join(', ')}`);
    }
    const severity = configuredSeverity({ [id]: level }, id);
    if (!severity) throw new UsageError(`invalid level '${level}' for rule '${id}': expected off, hint, information, warning or error`);
    settings.diagnostics.rules[id] = severity;
  }
}

/** The diagnostics module's rules with the severity this run gives them, then the followed guidelines' rules (SARIF's rule table). */
function ruleTable(settings: ApiGuidelinesSettings, index: CorpusIndex): RuleInfo[] {
  const own = RULES.map((r: DiagnosticRule) => {
    const configured = configuredSeverity(settings.diagnostics.rules, r.id);
    const level = configured ?? r.defaultSeverity;
    return {
      id: r.id,
      severity: level === 'off' || level === 'corpus' ? 'warning' : level,
      description: r.summary,
      helpUri: r.helpUri,
      enabled: configured !== 'off',
    } satisfies RuleInfo;
  });
  const family = configuredSeverity(settings.diagnostics.rules, 'guideline-rule');
  // One entry per code: a guideline may state one rule at two levels (two checks, one id).
  const byCode = new Map(followedRules(index, settings.guidelines.follow).map((r) => [r.code, r] as const));
  const followed = [...byCode.values()].map(({ guideline, rule, code }) => {
    const configured = configuredSeverity(settings.diagnostics.rules, code) ?? family;
    const level = configured ?? levelSeverity(rule.level);
    return {
      id: code,
      severity: level === 'off' ? levelSeverity(rule.level) : level,
      description: `${guideline.company} ${ruleLabel(rule.id)}${rule.level ? ` (${rule.level})` : ''}: ${rule.name}`,
      helpUri: rule.url ?? guideline.url,
      enabled: configured !== 'off',
    } satisfies RuleInfo;
  });
  return [...own, ...followed];
}

function reportCorpusErrors(problems: readonly CorpusProblem[], io: CliIo): void {
  if (!problems.length) return;
  io.stderr.write(`${PROGRAM}: ${problems.length} error(s) in the corpus; run \`${PROGRAM} validate\` to see them all:\n`);
  for (const p of problems.slice(0, MAX_CORPUS_PROBLEMS_SHOWN)) {
    io.stderr.write(`  ${terminalSafe(displayPath(io.cwd, p.file))}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${terminalSafe(p.message)} [${p.code}]\n`);
  }
  if (problems.length > MAX_CORPUS_PROBLEMS_SHOWN) io.stderr.write(`  … and ${problems.length - MAX_CORPUS_PROBLEMS_SHOWN} more\n`);
}
