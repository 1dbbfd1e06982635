/** The command line over the same engine as the language server: check, topic, search, validate. */
import * as path from 'path';
import { runCli } from './cli/main';

const builtinCorpus = process.env.API_GUIDELINES_BUILTIN_CORPUS ?? path.join(__dirname, '..', 'corpus');

// A reader that stops early (`| head`) closes the pipe: stop quietly instead of failing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), { builtinCorpus, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`api-guidelines: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; },
);
