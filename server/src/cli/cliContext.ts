/** What every command shares: the streams, the options for corpora and config, and loading the corpus index. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CorpusSet } from '../corpus/corpusSet';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { BUILTIN_COMPILED_FILE, NodeCorpusFileSystem } from '../node/nodeFileSystem';
import type { ApiGuidelinesSettings } from '../settings';
import { unknownFollows } from '../features/guidelineView';
import { suggest, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { CONFIG_FILE_NAME, loadConfig, resolveUserPath } from './configFile';
import { makeStyle, terminalSafe, wantsColor, type Style } from './terminalStyle';

export type CliStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface CliIo {
  /** The built-in corpus folder (next to the bundle when installed). */
  builtinCorpus: string;
  stdout: CliStream;
  stderr: CliStream;
  cwd: string;
  /** Environment for NO_COLOR, FORCE_COLOR (default: none, so tests are not affected by the caller's). */
  env?: Record<string, string | undefined>;
}

export const PROGRAM = 'api-guidelines';

export const CORPUS_OPTIONS: readonly OptionSpec[] = [
  { name: 'corpus', kind: 'list', arg: 'DIR', help: 'Corpus folder, loaded after the built-in one (repeatable; replaces corpus.paths of the config)' },
  { name: 'no-builtin', kind: 'flag', help: 'Leave out the built-in corpus' },
  { name: 'config', kind: 'value', arg: 'FILE', help: `Config file to read instead of the nearest ${CONFIG_FILE_NAME}` },
  { name: 'no-config', kind: 'flag', help: 'Read no config file' },
];

export const GUIDELINE_OPTIONS: readonly OptionSpec[] = [
  { name: 'follow', kind: 'list', arg: 'ID', help: 'A guideline the team follows (id or organisation): listed first, its checkable rules reported; repeatable (replaces guidelines.follow of the config)' },
  { name: 'hide', kind: 'list', arg: 'ID', help: 'A guideline to leave out (id or organisation, * for all not followed); repeatable (replaces guidelines.hide)' },
];

export const COLOR_OPTIONS: readonly OptionSpec[] = [
  { name: 'color', kind: 'flag', help: 'Color the output even when it is not a terminal' },
  { name: 'no-color', kind: 'flag', help: 'Never color the output (as does NO_COLOR)' },
];

export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', kind: 'flag', help: 'Show this help' };

export interface ResolvedSettings {
  settings: ApiGuidelinesSettings;
  /** The folder exclude globs and relative paths refer to: the config file's folder, else the working folder. */
  root: string;
  configFile?: string;
  /** Corpus roots in priority order (built-in first). */
  roots: string[];
}

/** Settings from the config file, then the command-line flags over them. */
export async function resolveSettings(args: ParsedArgs, io: CliIo): Promise<ResolvedSettings> {
  if (args.flags.has('no-config') && args.values.has('config')) throw new UsageError(`'--config' and '--no-config' cannot be used together`);
  const config = await loadConfig(io.cwd, args.values.get('config'), !args.flags.has('no-config'));
  for (const w of config.warnings) io.stderr.write(`${PROGRAM}: warning: ${terminalSafe(w)}\n`);
  const settings = config.settings;
  const corpora = args.lists.get('corpus');
  if (corpora) settings.corpus.paths = corpora.map((c) => resolveUserPath(io.cwd, c));
  if (args.flags.has('no-builtin')) settings.corpus.builtin = false;
  const follow = args.lists.get('follow');
  if (follow) settings.guidelines.follow = follow.map((f) => f.trim()).filter(Boolean);
  const hide = args.lists.get('hide');
  if (hide) settings.guidelines.hide = hide.map((h) => h.trim()).filter(Boolean);
  const roots = [...(settings.corpus.builtin ? [io.builtinCorpus] : []), ...settings.corpus.paths];
  return { settings, root: config.root, configFile: config.file, roots: dedupe(roots) };
}

function dedupe(paths: string[]): string[] {
  return [...new Map(paths.map((p) => [path.resolve(p), p])).values()];
}

/** Warns about followed guidelines that no loaded corpus defines (a typo would otherwise follow nothing). */
export function warnUnknownFollows(index: CorpusIndex, settings: ApiGuidelinesSettings, io: CliIo): void {
  const ids = [...index.guidelines.keys()];
  for (const item of unknownFollows(index, settings.guidelines.follow)) {
    io.stderr.write(`${PROGRAM}: warning: no guideline '${terminalSafe(item)}' in the loaded corpora to follow${terminalSafe(suggest(item, ids).replace(/--/g, ''))}; \`${PROGRAM} guidelines\` lists them\n`);
  }
}

/** Fails with a usage error when a corpus folder is missing, then loads the index. */
export async function loadIndex(roots: string[], builtinCorpus?: string): Promise<CorpusIndex> {
  await requireFolders(roots, 'corpus folder');
  return new CorpusSet(corpusFileSystem(builtinCorpus)).load(roots);
}

/** The corpus file system, offering the built-in corpus the compile the build saved next to the bundle. */
export function corpusFileSystem(builtinCorpus: string | undefined): NodeCorpusFileSystem {
  return new NodeCorpusFileSystem(builtinCorpus ? { root: builtinCorpus, file: path.join(__dirname, BUILTIN_COMPILED_FILE) } : undefined);
}

export async function requireFolders(folders: readonly string[], what: string): Promise<void> {
  for (const f of folders) {
    let st;
    try {
      st = await fs.stat(f);
    } catch {
      throw new UsageError(`${what} not found: ${f}`);
    }
    if (!st.isDirectory()) throw new UsageError(`${what} is not a folder: ${f}`);
  }
}

export function styleFor(args: ParsedArgs, io: CliIo, stream: CliStream = io.stdout): Style {
  if (args.flags.has('color') && args.flags.has('no-color')) throw new UsageError(`'--color' and '--no-color' cannot be used together`);
  const flag = args.flags.has('color') ? true : args.flags.has('no-color') ? false : undefined;
  return makeStyle(wantsColor(flag, io.env ?? {}, stream.isTTY));
}

/** `path` relative to the working folder, with `/`, for display. */
export function displayPath(cwd: string, file: string): string {
  // Most paths are below the working folder: no need for `path.relative`, which costs as much as checking a small file.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (file.startsWith(prefix)) {
    const rest = file.slice(prefix.length).split(path.sep);
    if (rest.every((part) => part !== '' && part !== '.' && part !== '..')) return rest.join('/');
  }
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

/** Writes the output to a file (--output) or stdout. */
export async function emit(io: CliIo, text: string, output: string | undefined): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  try {
    await fs.writeFile(path.resolve(io.cwd, output), text);
  } catch (e) {
    throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
