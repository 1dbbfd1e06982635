/** Entry of the bundled language server: `node dist/server.js --stdio` (or --node-ipc from the VS Code client). */
import * as path from 'path';
import { format } from 'util';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/languageServer';
import { FrameChecker, LifecycleReader } from './lsp/protocolGuard';
import './lsp/features';

// The bundle lives in dist/; the built-in corpus ships beside it.
const builtinCorpus = process.env.API_GUIDELINES_BUILTIN_CORPUS ?? path.join(__dirname, '..', 'corpus');

const connection = connect();
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));
startLanguageServer(connection, builtinCorpus);

/**
 * Stdio and Node IPC are read through the lifecycle guard; stdio also through the framing check,
 * which ends the process on a header the JSON-RPC reader would go deaf on, so the editor restarts it.
 * Sockets and pipes are left to the library as they are.
 */
function connect(): Connection {
  const args = process.argv.slice(2);
  if (args.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    const reader = new LifecycleReader(new IPCMessageReader(process), writer);
    return createConnection(ProposedFeatures.all, reader, writer);
  }
  if (!args.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const frames = new FrameChecker();
  process.stdin.on('data', (chunk: Buffer) => {
    const problem = frames.push(chunk);
    if (!problem) return;
    process.stderr.write(`api-guidelines language server: the client sent ${problem}; the message stream cannot be read any further, exiting.\n`);
    process.exit(2);
  });
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new LifecycleReader(new StreamMessageReader(process.stdin), writer);
  // As the library does for --stdio: the end of input ends the server (0 after a shutdown request).
  const end = () => process.exit(reader.state === 'shutdown' ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const conn = createConnection(ProposedFeatures.all, reader, writer);
  // Stdout carries the protocol: anything printed goes to the client's log instead.
  console.log = console.info = console.debug = (...a: unknown[]) => conn.console.log(format(...a));
  return conn;
}
