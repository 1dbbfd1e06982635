/** Runs the CLI in-process with captured streams and a scratch folder per test. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { runCli } from '../../../server/src/cli/main';
import type { ReportItem } from '../../../server/src/cli/report';
import { builtinCorpus } from '../../helpers/testEnv';

export class CapturedStream extends Writable {
  text = '';
  constructor(public isTTY = false) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], options: { cwd?: string; stderrTTY?: boolean; env?: Record<string, string> } = {}): Promise<CliRun> {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream(options.stderrTTY);
  const code = await runCli(argv, { builtinCorpus, stdout, stderr, cwd: options.cwd ?? process.cwd(), env: options.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A temporary folder filled from a map of relative paths to contents; removed by `cleanup`. */
export function scratch(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface JsonReport {
  version: number;
  files: { path: string; findings: ReportItem[] }[];
  notes: { path: string; message: string }[];
  summary: { checked: number; error: number; warning: number; information: number; hint: number };
}

/** Findings of a `--format json` run as `path:line:col rule` strings, for compact assertions. */
export function findingKeys(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.rule}`));
}
