/** Checking source files for `check`: one file at a time, in this thread or spread over worker threads that share a file counter. */
import * as os from 'os';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { isInside } from '../corpus/corpusSet';
import { LineMap } from '../corpus/lineMap';
import { findHttpTokens } from '../detect/findHttpTokens';
import type { HttpToken, TokenFilter, TokenKind } from '../detect/token';
import { mayBeOpenApiDocument, OPENAPI_LANGUAGES } from '../detect/openApi';
import { HTTP_HEADERS, HTTP_METHODS } from '../detect/httpVocabulary';
import { LITERAL_FAMILY } from '../detect/vocabulary';
import { diagnose, diagnosesLanguage, isExcluded, type DiagnoseInput } from '../features/diagnostics';
import { overLimit, readSourceFileSync, type FileIdentity } from '../node/fileWalker';
import { languageForPath, type ApiGuidelinesSettings } from '../settings';
import { displayPath } from './cliContext';
import { offsetsPosition, type ReportFile, type ReportNote } from './report';
import { now, type ThreadTiming } from './timing';

/**
 * What a walk for `check` (and the MCP server's check_files) leaves out: files the exclude globs match (relative to
 * `root`), files of disabled languages, and the corpus folders, which hold guidelines, not API code (the editor does
 * not diagnose them either).
 */
export function ignoredByCheck(settings: ApiGuidelinesSettings, root: string, corpusRoots: readonly string[]): (file: string, isDirectory: boolean) => boolean {
  const { exclude, disabledLanguages } = settings.diagnostics;
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  return (file, isDirectory) => (exclude.length > 0 && isExcluded(relative(file), exclude))
    || corpusRoots.some((r) => isInside(r, file))
    || (!isDirectory && disabledLanguages.includes(languageForPath(file)!));
}

/** What every thread needs to check a file the same way; plain data, so it can be sent to a worker. */
export interface CheckJob {
  settings: ApiGuidelinesSettings;
  cwd: string;
  /** Size limit of files found by walking folders (files named explicitly have none). */
  maxBytes: number;
  /** The limit of OpenAPI documents found by walking folders, when larger than `maxBytes`. */
  maxOpenApiBytes: number;
}

/** One file's outcome: its findings, or why it was left out. */
export type FileOutcome = { file: ReportFile } | { note: ReportNote };

/** Checks files against one corpus index and one set of settings (one per thread). */
export class FileChecker {
  /** The tokens worth finding, in every language diagnostics look at (`wanted`). */
  private filter?: TokenFilter;

  constructor(private readonly index: CorpusIndex, private readonly job: CheckJob) {}

  /**
   * Reads and checks one file. A file `named` on the command line is read whatever its size; one found in a folder
   * within `maxBytes`, or within `maxOpenApiBytes` when it is an OpenAPI document.
   */
  /** `identity`: the file read must be the one judged (see `readSourceFileSync`). */
  checkFile(file: string, named = false, identity?: FileIdentity): FileOutcome {
    const { maxBytes, maxOpenApiBytes } = this.job;
    const language = languageForPath(file) ?? '';
    const openApiLimit = OPENAPI_LANGUAGES.has(language) && maxOpenApiBytes > maxBytes;
    const read = named ? readSourceFileSync(file, Infinity, undefined, identity)
      : openApiLimit ? readSourceFileSync(file, maxOpenApiBytes, '--max-openapi-size, for OpenAPI documents', identity) : readSourceFileSync(file, maxBytes, undefined, identity);
    if ('skipped' in read) return { note: { path: file, message: read.skipped } };
    if (!named && read.bytes > maxBytes && !mayBeOpenApiDocument(read.text, language)) {
      return { note: { path: file, message: `${overLimit(read.bytes, maxBytes, '--max-file-size')}, and it is not an OpenAPI document` } };
    }
    return { file: this.checkText(file, read.text) };
  }

  /** The findings of one file as a report entry; the language is the file name's unless given. */
  checkText(file: string, text: string, languageId = languageForPath(file) ?? 'plaintext'): ReportFile {
    const { job } = this;
    const input = this.diagnoseInput(languageId);
    // A language diagnostics leave out (disabled, or prose) has no findings: its files are not even scanned.
    const findings = diagnosesLanguage(job.settings.diagnostics, languageId) ? diagnose({ ...input, text, tokens: findHttpTokens(text, languageId, this.wanted(languageId)) }) : [];
    const lines = findings.length ? new LineMap(text) : undefined;
    return {
      path: displayPath(job.cwd, file),
      absolute: file,
      items: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        ...offsetsPosition(lines!, f.start, f.end),
        href: f.href,
        topicId: f.topicId,
        prefer: f.prefer,
      })),
    };
  }

  private diagnoseInput(languageId: string): Omit<DiagnoseInput, 'text' | 'tokens'> {
    const { settings } = this.job;
    return { languageId, index: this.index, settings: settings.diagnostics, builtinOnly: settings.corpus.paths.length === 0, follow: settings.guidelines.follow };
  }

  /**
   * The tokens worth finding: those of a kind and value some rule reports, asked of `diagnose` itself with a lone token
   * (a finding depends on the token's kind and value, its topic and the settings, and suppressions only take findings
   * away). The report is the same; the detector skips what cannot matter.
   */
  private wanted(languageId: string): TokenFilter {
    if (this.filter) return this.filter;
    // Past `diagnosesLanguage`, findings do not depend on the language: the first one diagnosed stands for all.
    const input = this.diagnoseInput(languageId);
    const reported = (kind: TokenKind, value: number | string) =>
      diagnose({ ...input, text: '', tokens: [{ kind, value, start: 0, end: 1, confidence: 'literal', family: LITERAL_FAMILY[kind] }] }).length > 0;
    const statuses: (boolean | undefined)[] = [];
    const names = { method: new Map<string, boolean>(), header: new Map<string, boolean>() };
    let allStatuses = false;
    let allNames = false;
    return (this.filter = (kind, value) => {
      if (kind === 'status') {
        if (!allStatuses) {
          // The detector asks about every code from 100 to 599: one diagnose of them all, findings being per token,
          // answers the same as one call per code at a fraction of the calls (a few milliseconds of every run).
          allStatuses = true;
          const tokens: HttpToken[] = [];
          for (let code = 100; code < 600; code++) tokens.push({ kind, value: code, start: 0, end: 1, confidence: 'literal', family: LITERAL_FAMILY[kind] });
          for (let code = 100; code < 600; code++) statuses[code] = false;
          for (const finding of diagnose({ ...input, text: '', tokens })) {
            // A finding about the document, not a token, would have been reported for every code alone.
            if (finding.token) statuses[finding.token.value as number] = true;
            else statuses.fill(true, 100, 600);
          }
        }
        return (statuses[value as number] ??= reported(kind, value));
      }
      if (!allNames) {
        // The same for every method and header the vocabulary knows; a value it does not know is asked alone.
        allNames = true;
        const tokens: HttpToken[] = [];
        for (const [kind, values] of [['method', HTTP_METHODS], ['header', HTTP_HEADERS]] as const) {
          for (const v of values) {
            names[kind].set(v, false);
            tokens.push({ kind, value: v, start: 0, end: 1, confidence: 'literal', family: LITERAL_FAMILY[kind] });
          }
        }
        for (const finding of diagnose({ ...input, text: '', tokens })) {
          if (finding.token) names[finding.token.kind as 'method' | 'header'].set(finding.token.value as string, true);
          else for (const known of Object.values(names)) for (const v of known.keys()) known.set(v, true);
        }
      }
      const known = names[kind];
      let wanted = known.get(value as string);
      if (wanted === undefined) known.set(value as string, (wanted = reported(kind, value)));
      return wanted;
    });
  }
}

/** What a worker is given when it starts: enough to load the corpus index while this thread walks the folders. */
export interface WorkerSetup {
  job: CheckJob;
  roots: string[];
  /** The built-in corpus folder, offered the parse results the build saved. */
  builtinCorpus?: string;
}

/**
 * The work, sent once the files are known: the files grouped by language, and shared counters (per group the next
 * file to claim, then the files finished); `thread` is the receiver's place among `threads`.
 */
export interface WorkOrder {
  groups: string[][];
  /** Files named on the command line: no size limit. */
  named: string[];
  counters: SharedArrayBuffer;
  thread: number;
  threads: number;
}

/** A thread's work: the outcomes of the files it claimed, and its timing. */
export interface ThreadResult {
  outcomes: FileOutcome[];
  timing: ThreadTiming;
}

/**
 * Claims files until none is left; `done` runs after each. A thread starts on its own share of the languages and
 * moves on to the next ones when its share runs out: each compiles the detector for fewer languages.
 */
export function checkClaimedFiles(order: WorkOrder, checker: FileChecker, done?: () => void): ThreadResult {
  const readyAt = now();
  const counters = new Int32Array(order.counters);
  const { groups } = order;
  const named = new Set(order.named);
  const outcomes: FileOutcome[] = [];
  const first = Math.floor((order.thread * groups.length) / order.threads);
  for (let k = 0; k < groups.length; k++) {
    const g = (first + k) % groups.length;
    const files = groups[g];
    for (let i = Atomics.add(counters, g, 1); i < files.length; i = Atomics.add(counters, g, 1)) {
      outcomes.push(checker.checkFile(files[i], named.has(files[i])));
      Atomics.add(counters, groups.length, 1);
      done?.();
    }
  }
  return { outcomes, timing: { thread: order.thread, files: outcomes.length, readyAt, doneAt: now() } };
}

/** Files by language, in their order. */
function groupByLanguage(files: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const language = languageForPath(f) ?? '';
    let group = groups.get(language);
    if (!group) groups.set(language, (group = []));
    group.push(f);
  }
  return [...groups.values()];
}

/**
 * Worker threads for `check`, started (`start`) as soon as the run looks large, usually while the folders are still
 * walked, so that they load meanwhile; each loads its own corpus index. `run` spreads the files over them and this thread.
 */
export class CheckPool {
  private readonly workers: { worker: Worker; result: Promise<ThreadResult> }[] = [];

  constructor(private readonly workerScript: string | undefined, private readonly size: number, private readonly setup: WorkerSetup) {}

  /** Starts the workers, at most `limit` in all (a run of n files needs no more than n - 1 beside this thread). */
  start(limit = Infinity): void {
    if (!this.workerScript) return;
    while (this.workers.length < Math.min(this.size, limit)) this.workers.push(startWorker(this.workerScript, this.setup));
  }

  /**
   * Checks the files with this thread and up to `threads - 1` workers (all by default); outcomes come in no
   * particular order (the report sorts them).
   */
  async run(files: readonly string[], index: CorpusIndex, options: { named?: string[]; threads?: number; progress?: (done: number) => void } = {}): Promise<ThreadResult[]> {
    const workers = this.workers.slice(0, Math.max(0, Math.min(options.threads ?? Infinity, files.length) - 1));
    const groups = groupByLanguage(files);
    const counters = new SharedArrayBuffer((groups.length + 1) * Int32Array.BYTES_PER_ELEMENT);
    const shared = new Int32Array(counters);
    const threads = workers.length + 1;
    const named = options.named ?? [];
    const fromWorkers = workers.map(({ worker, result }, i) => {
      worker.postMessage({ groups, named, counters, thread: i + 1, threads } satisfies WorkOrder);
      return result;
    });
    const { progress } = options;
    const own = checkClaimedFiles({ groups, named, counters, thread: 0, threads }, new FileChecker(index, this.setup.job), progress && (() => progress(Atomics.load(shared, groups.length))));
    const results = [own, ...(await Promise.all(fromWorkers))];
    progress?.(Atomics.load(shared, groups.length));
    return results;
  }

  /** Stops the workers: the run is over, or failed. */
  close(): void {
    for (const { worker } of this.workers) {
      // The process need not wait for a worker that is still starting up.
      worker.unref();
      void worker.terminate();
    }
  }
}

/** A worker and the result it will post; it fails if the worker fails or stops without posting it. */
function startWorker(script: string, setup: WorkerSetup): { worker: Worker; result: Promise<ThreadResult> } {
  // Loaded here: most runs start no worker, and loading the module costs about a millisecond and a half.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker: WorkerThread } = require('worker_threads') as typeof import('worker_threads');
  const worker = new WorkerThread(script, { workerData: setup });
  const result = new Promise<ThreadResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a check worker stopped (exit code ${code}) before it finished`)));
  });
  // A worker that is never given work is stopped, and nobody waits for it.
  result.catch(() => undefined);
  return { worker, result };
}

/**
 * Worker threads worth starting on this machine: none when `--jobs 1` or on one CPU. `--jobs` is capped at the CPUs:
 * each worker holds its own corpus index (tens of MB), and more threads than CPUs only wait for each other.
 */
export function workersFor(jobs: number | undefined, cpus = os.availableParallelism()): number {
  return Math.max(0, Math.min(jobs ?? cpus, cpus) - 1);
}

/**
 * Below this many files everything is checked in this thread: a worker loads Node, the bundle and the corpus again and
 * shares the two cores with it. Measured with `bench/workerCrossover.mjs` on 2 shared cores: a second thread was
 * 1.2-1.5× slower from 64 files to 5,200 files (50 MB of real code) and 0.94× at 8,300 files (100 MB); docs/bench.md.
 */
export const MIN_FILES_FOR_WORKERS = 8_000;
