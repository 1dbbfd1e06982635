/** `mcp`: the corpus and the checks as an MCP server over stdio (tools topic, search, check_code, guidelines). */
import { existsSync } from 'fs';
import * as path from 'path';
import type { McpContext } from '../mcp/mcpServer';
import { UsageError, type CommandSpec, type ParsedArgs } from './args';
import { CORPUS_OPTIONS, GUIDELINE_OPTIONS, HELP_OPTION, PROGRAM, loadIndex, resolveSettings, warnUnknownFollows, type CliIo } from './cliContext';
import { toolInfo } from './toolInfo';

/** The MCP bundle, next to the CLI bundle: the SDK is loaded only by this command. */
const MCP_BUNDLE = path.join(__dirname, 'mcp.js');

export const mcpSpec: CommandSpec = {
  name: 'mcp',
  summary: 'Serve the guidelines to AI assistants: an MCP server over stdio (tools topic, search, check_code, guidelines).',
  positionals: '',
  details: [
    'Speaks the Model Context Protocol on stdin/stdout until stdin closes; logs go to stderr.',
    'Tools: topic (what a code, method, header or design topic means and what guidelines ask),',
    'search (topics by words), check_code (diagnostics for a piece of code or an OpenAPI document)',
    'and guidelines (the ids to follow). --follow sets the default guidelines every tool follows.',
    '',
    'Example client configuration:',
    `  { "command": "npx", "args": ["${PROGRAM}", "mcp", "--follow", "zalando"] }`,
    '',
    'Exit code: 0 when the client disconnects, 2 for bad arguments or a missing corpus folder.',
  ].join('\n'),
  options: [...GUIDELINE_OPTIONS, ...CORPUS_OPTIONS, HELP_OPTION],
  examples: [`${PROGRAM} mcp`, `${PROGRAM} mcp --follow zalando --corpus ./guidelines`],
};

export async function runMcp(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`mcp takes no arguments, found '${args.positionals[0]}'`);
  const { settings, roots } = await resolveSettings(args, io);
  const index = await loadIndex(roots, io.builtinCorpus);
  warnUnknownFollows(index, settings, io);
  if (!existsSync(MCP_BUNDLE)) throw new Error(`the MCP server bundle is missing next to the CLI (${MCP_BUNDLE}): build with npm run build`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveMcp } = require(MCP_BUNDLE) as { serveMcp: (ctx: McpContext) => Promise<void> };
  io.stderr.write(`${PROGRAM} mcp: serving ${index.size} topics and ${index.guidelines.size} guidelines on stdio\n`);
  await serveMcp({ index, settings, cwd: io.cwd, version: toolInfo().version });
  return 0;
}
