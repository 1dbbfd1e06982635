/** Parses the command line and runs one command; returns the exit code (0 ok, 1 findings, 2 usage or corpus errors). */
import { parseArgs, renderCommandHelp, suggest, UsageError, type CommandSpec, type ParsedArgs } from './args';
import { checkSpec, runCheck } from './checkCommand';
import { PROGRAM, type CliIo } from './cliContext';
import { CONFIG_FILE_NAME } from './configFile';
import { guidelinesSpec, runGuidelines, runSearch, runTopic, searchSpec, topicSpec } from './lookupCommands';
import { terminalSafe } from './terminalStyle';
import { toolInfo } from './toolInfo';
import { mcpSpec, runMcp } from './mcpCommand';
import { runValidate, validateSpec } from './validateCommand';

export type { CliIo } from './cliContext';

interface Command {
  spec: CommandSpec;
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
}

const COMMANDS: readonly Command[] = [
  { spec: checkSpec, run: runCheck },
  { spec: topicSpec, run: runTopic },
  { spec: searchSpec, run: runSearch },
  { spec: guidelinesSpec, run: runGuidelines },
  { spec: validateSpec, run: runValidate },
  { spec: mcpSpec, run: runMcp },
];

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
  const command = COMMANDS.find((c) => c.spec.name === first);
  if (!command) {
    const hint = suggest(first, COMMANDS.map((c) => c.spec.name));
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
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) return usageError(io, '', `unknown command '${name}'${suggest(name, COMMANDS.map((c) => c.spec.name))}`, `${PROGRAM} --help`);
  io.stdout.write(renderCommandHelp(PROGRAM, command.spec));
  return 0;
}

/** `api-guidelines check: unknown option …` plus where to read the usage; exit code 2. */
function usageError(io: CliIo, scope: string, message: string, helpCommand: string): number {
  io.stderr.write(`${PROGRAM}${scope}: ${terminalSafe(message, true)}\nRun '${helpCommand}' for usage.\n`);
  return 2;
}

function renderMainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'API design guidelines for HTTP status codes, methods and headers, from the command line.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
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
