/** `mcp`: the corpus and the checks as an MCP server over stdio (tools lookup_topic, search_topics, check_code, check_files, list_guidelines). */
import { existsSync } from 'fs';
import * as path from 'path';
import type { McpOptions } from '../mcp';
import { UsageError, type CommandSpec, type ParsedArgs } from './args';
import { applyRuleFlags } from './checkCommand';
import { CORPUS_OPTIONS, GUIDELINE_OPTIONS, HELP_OPTION, PROGRAM, requireFolders, resolveSettings, type CliIo } from './cliContext';
import { toolInfo } from './toolInfo';

/** The MCP bundle, next to the CLI bundle: the SDK is loaded only by this command. */
const MCP_BUNDLE = path.join(__dirname, 'mcp.js');

export const mcpSpec: CommandSpec = {
  name: 'mcp',
  summary: 'Serve the guidelines to coding agents: an MCP server over stdio (tools lookup_topic, search_topics, check_code, check_files, list_guidelines).',
  positionals: '',
  details: [
    'Speaks the Model Context Protocol on stdin/stdout until stdin closes; logs go to stderr.',
    'Tools: lookup_topic (what a code, method, header or design topic means and what guidelines ask),',
    'search_topics (topics by words), check_code (findings for a piece of code or an OpenAPI document),',
    'check_files (the same for workspace files) and list_guidelines (the ids to follow). Resources: every',
    'topic page as api-guidelines://topic/<id>. Corpus folders are watched and re-indexed when they change.',
    'check_files reads only below the workspace (the client\'s roots, else the working folder) and the',
    'corpus folders. --follow sets the guidelines every tool follows unless a call names others.',
    '',
    'Example client configuration (docs/mcp.md):',
    `  { "command": "npx", "args": ["${PROGRAM}", "mcp", "--follow", "zalando"] }`,
    '',
    'Exit code: 0 when the client disconnects, 2 for bad arguments or a missing corpus folder.',
  ].join('\n'),
  options: [
    { name: 'rule', kind: 'list', arg: 'ID=LEVEL', help: 'Set a rule\'s severity for the checks (off, hint, information, warning, error); repeatable' },
    ...GUIDELINE_OPTIONS,
    ...CORPUS_OPTIONS,
    HELP_OPTION,
  ],
  examples: [`${PROGRAM} mcp`, `${PROGRAM} mcp --follow zalando --corpus ./guidelines`],
};

export async function runMcp(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`mcp takes no arguments, found '${args.positionals[0]}'`);
  const { settings, roots, root } = await resolveSettings(args, io);
  applyRuleFlags(settings, args.lists.get('rule') ?? []);
  await requireFolders(roots, 'corpus folder');
  if (!existsSync(MCP_BUNDLE)) throw new Error(`the MCP server bundle is missing next to the CLI (${MCP_BUNDLE}): build with npm run build`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveMcp } = require(MCP_BUNDLE) as { serveMcp: (options: McpOptions) => Promise<void> };
  const log = (message: string) => io.stderr.write(`${PROGRAM} mcp: ${message}\n`);
  await serveMcp({ roots, builtinCorpus: io.builtinCorpus, settings, cwd: io.cwd, configRoot: root, version: toolInfo().version, log });
  return 0;
}
