/** `validate [dirs…]`: the problems of corpus folders, with file:line:col, in any output format. */
import * as path from 'path';
import { isInside } from '../corpus/corpusSet';
import type { CorpusProblem, Severity } from '../corpus/model';
import type { CommandSpec, ParsedArgs } from './args';
import { COLOR_OPTIONS, CORPUS_OPTIONS, HELP_OPTION, PROGRAM, displayPath, emit, loadIndex, requireFolders, resolveSettings, styleFor, type CliIo } from './cliContext';
import { OUTPUT_FORMATS, reportOptions, type OutputFormat } from './outputFormats';
import { itemPosition, reachesSeverity, sortReport, type Report, type ReportFile } from './report';
import { toolInfo } from './toolInfo';

export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'Report the problems of corpus folders: missing fields, YAML errors, unknown guideline ids, duplicates.',
  positionals: '[dirs…]',
  details: [
    'With folders, they are validated on top of the configured corpora (so a company corpus may use',
    'guideline ids defined by the built-in one) and only their problems are shown. Without, every',
    'configured corpus is validated.',
    '',
    'Exit code: 0 no problem at or above --max-severity, 1 some, 2 bad arguments or a missing folder.',
  ].join('\n'),
  options: [
    ...reportOptions('compact', 'problem'),
    ...CORPUS_OPTIONS,
    ...COLOR_OPTIONS,
    HELP_OPTION,
  ],
  examples: [`${PROGRAM} validate corpus`, `${PROGRAM} validate company-guidelines --format github`],
};

export async function runValidate(args: ParsedArgs, io: CliIo): Promise<number> {
  const resolved = await resolveSettings(args, io);
  const dirs = args.positionals.map((d) => path.resolve(io.cwd, d));
  await requireFolders(dirs, 'folder');
  const roots = [...resolved.roots.filter((r) => !dirs.some((d) => path.resolve(r) === d)), ...dirs];
  const index = await loadIndex(roots, io.builtinCorpus);
  const inScope = (file: string) => !dirs.length || dirs.some((d) => isInside(d, file));
  const report = problemReport(index.problems.filter((p) => inScope(p.file)), io.cwd, index.roots.flat().filter((f) => inScope(f.file)).length);
  const format = (args.values.get('format') ?? 'compact') as OutputFormat;
  const text = OUTPUT_FORMATS[format](report, { style: styleFor(args, io), tool: toolInfo() });
  await emit(io, text, args.values.get('output'));
  if (format === 'text' || format === 'compact') {
    io.stderr.write(`${index.size} topics, ${index.guidelines.size} guidelines from ${roots.length} corpus folder(s)\n`);
  }
  return reachesSeverity(report, (args.values.get('max-severity') ?? 'error') as Severity) ? 1 : 0;
}

/** Corpus problems as a report; a problem's code is its rule. */
export function problemReport(problems: readonly CorpusProblem[], cwd: string, checked: number): Report {
  const files = new Map<string, ReportFile>();
  for (const p of problems) {
    let file = files.get(p.file);
    if (!file) files.set(p.file, (file = { path: displayPath(cwd, p.file), absolute: p.file, items: [] }));
    file.items.push({ rule: p.code, severity: p.severity, message: p.message, ...itemPosition(p.range) });
  }
  return sortReport({ root: path.resolve(cwd), files: [...files.values()], notes: [], rules: [], checked });
}
