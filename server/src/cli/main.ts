/** Parses the command line and runs one command; returns the exit code (0 ok, 1 findings, 2 usage or corpus errors). */
import { parseArgs, renderCommandHelp, suggest, UsageError, type CommandSpec, type ParsedArgs } from './args';
import { PROGRAM, type CliIo } from './cliContext';
import { CONFIG_FILE_NAME } from './configFile';
import { terminalSafe } from './terminalStyle';
import { toolInfo } from './toolInfo';

export type { CliIo } from './cliContext';

interface Command {
  spec: CommandSpec;
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
}

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Each command's module is loaded when that command runs (the bundler defers a required module's code until then):
 * `topic` does not set up the checker, `check` not the lookups. Listing them all (the main help) loads them all.
 */
const COMMANDS: readonly { name: string; load: () => Command }[] = [
  { name: 'check', load: () => { const m = require('./checkCommand') as typeof import('./checkCommand'); return { spec: m.checkSpec, run: m.runCheck }; } },
  { name: 'topic', load: () => { const m = require('./lookupCommands') as typeof import('./lookupCommands'); return { spec: m.topicSpec, run: m.runTopic }; } },
  { name: 'search', load: () => { const m = require('./lookupCommands') as typeof import('./lookupCommands'); return { spec: m.searchSpec, run: m.runSearch }; } },
  { name: 'guidelines', load: () => { const m = require('./lookupCommands') as typeof import('./lookupCommands'); return { spec: m.guidelinesSpec, run: m.runGuidelines }; } },
  { name: 'validate', load: () => { const m = require('./validateCommand') as typeof import('./validateCommand'); return { spec: m.validateSpec, run: m.runValidate }; } },
  { name: 'mcp', load: () => { const m = require('./mcpCommand') as typeof import('./mcpCommand'); return { spec: m.mcpSpec, run: m.runMcp }; } },
];
/* eslint-enable @typescript-eslint/no-require-imports */

const NAMES = COMMANDS.map((c) => c.name);

function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)?.load();
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout.write(renderMainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${toolInfo().version}\n`);
    return 0;
  }
  if (first === 'help') return showHelp(rest[0], io);
  const command = commandNamed(first);
  if (!command) {
    const hint = suggest(first, NAMES);
    return usageError(io, '', `unknown command '${first}'${hint}`, `${PROGRAM} --help`);
  }
  try {
    const args = parseArgs(rest, command.spec);
    if (args.flags.has('help')) {
      io.stdout.write(renderCommandHelp(PROGRAM, command.spec));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, ` ${command.spec.name}`, e.message, `${PROGRAM} ${command.spec.name} --help`);
    throw e;
  }
}

function showHelp(name: string | undefined, io: CliIo): number {
  if (name === undefined) {
    io.stdout.write(renderMainHelp());
    return 0;
  }
  const command = commandNamed(name);
  if (!command) return usageError(io, '', `unknown command '${name}'${suggest(name, NAMES)}`, `${PROGRAM} --help`);
  io.stdout.write(renderCommandHelp(PROGRAM, command.spec));
  return 0;
}

/** `api-guidelines check: unknown option …` plus where to read the usage; exit code 2. */
function usageError(io: CliIo, scope: string, message: string, helpCommand: string): number {
  io.stderr.write(`${PROGRAM}${scope}: ${terminalSafe(message, true)}\nRun '${helpCommand}' for usage.\n`);
  return 2;
}

function renderMainHelp(): string {
  const commands = COMMANDS.map((c) => c.load());
  const width = Math.max(...NAMES.map((n) => n.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'API design guidelines for HTTP status codes, methods and headers, from the command line.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    '',
    `Run '${PROGRAM} <command> --help' for a command's options.`,
    `Settings are read from ${CONFIG_FILE_NAME} in the working folder or its nearest ancestor.`,
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Print the version',
    '',
  ].join('\n');
}
