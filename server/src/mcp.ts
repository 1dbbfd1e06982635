/**
 * The `mcp` command's bundle (dist/mcp.js): the MCP server over stdio, loaded only when asked for, so other commands
 * start without the SDK. It keeps the corpus index current by watching the corpus folders, as the language server does.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { ignoredByCheck } from './cli/checkFiles';
import { corpusFileSystem } from './cli/cliContext';
import { unknownFollows } from './features/guidelineView';
import { CorpusManager } from './node/corpusManager';
import { createMcpServer } from './mcp/mcpServer';
import { WorkspaceFiles } from './mcp/workspaceFiles';
import type { ApiGuidelinesSettings } from './settings';

export interface McpOptions {
  /** Corpus folders in priority order (built-in first), as `check` resolves them. */
  roots: string[];
  builtinCorpus: string;
  settings: ApiGuidelinesSettings;
  cwd: string;
  /** The folder exclude globs are relative to: the config file's, else the working folder. */
  configRoot: string;
  version: string;
  log: (message: string) => void;
}

/** How long the server waits for the client's roots before it falls back to the working folder. */
const ROOTS_TIMEOUT_MS = 10_000;

/** Loads the corpus, then serves until the client closes stdin; resolves then. */
export async function serveMcp(options: McpOptions, stdin: NodeJS.ReadableStream = process.stdin, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  let server: ReturnType<typeof createMcpServer> | undefined;
  const corpora = new CorpusManager({
    fs: corpusFileSystem(options.builtinCorpus),
    builtinPath: options.builtinCorpus,
    log: options.log,
    // Clients that show resources learn that the topic list may have changed.
    onChange: () => {
      if (server?.isConnected()) server.sendResourceListChanged();
    },
  });
  const corpus = await corpora.corpus(options.roots);
  for (const item of unknownFollows(corpus.index, options.settings.guidelines.follow)) {
    options.log(`warning: no guideline '${item}' in the loaded corpora to follow; list_guidelines gives the ids`);
  }

  /** The client's roots, asked once and again after it says they changed; undefined when it has none. */
  let roots: Promise<string[] | undefined> | undefined;
  const clientRoots = () => {
    if (!server?.server.getClientCapabilities()?.roots) return Promise.resolve(undefined);
    roots ??= server.server.listRoots(undefined, { timeout: ROOTS_TIMEOUT_MS })
      .then((r) => r.roots.map((root) => root.uri))
      .catch((e: Error) => {
        options.log(`The client did not list its roots (${e.message}): the workspace is ${options.cwd}`);
        roots = undefined;
        return undefined;
      });
    return roots;
  };

  server = createMcpServer({
    index: () => corpus.index,
    settings: options.settings,
    cwd: options.cwd,
    version: options.version,
    workspace: new WorkspaceFiles(options.cwd, () => options.roots, clientRoots, ignoredByCheck(options.settings, options.configRoot, options.roots)),
  });
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
    roots = undefined;
  });
  const ended = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  await server.connect(new StdioServerTransport(stdin as never, stdout as never));
  await ended;
  corpora.retain([]);
  await server.close();
}
