/** The `mcp` command's bundle (dist/mcp.js): the MCP server over stdio, loaded only when asked for, so other commands start without the SDK. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer, type McpContext } from './mcp/mcpServer';

export type { McpContext } from './mcp/mcpServer';

/** Serves until the client closes stdin; resolves then. */
export async function serveMcp(ctx: McpContext, stdin: NodeJS.ReadableStream = process.stdin, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  const server = createMcpServer(ctx);
  const ended = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  await server.connect(new StdioServerTransport(stdin as never, stdout as never));
  await ended;
  await server.close();
}
