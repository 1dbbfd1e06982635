/** Entry of the bundled language server: `node dist/server.js --stdio` (or --node-ipc from the VS Code client). */
import * as path from 'path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/languageServer';
import './lsp/features';

// The bundle lives in dist/; the built-in corpus ships beside it.
const builtinCorpus = process.env.API_GUIDELINES_BUILTIN_CORPUS ?? path.join(__dirname, '..', 'corpus');

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));
startLanguageServer(connection, builtinCorpus);
