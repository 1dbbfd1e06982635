/** Runs the VS Code integration suite in a downloaded VS Code (`npm run test:vscode`; needs network, so not part of test/run.mjs). */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Bundled to out/test/vscode/runTests.js: the repository is three levels up.
  const root = path.resolve(__dirname, '..', '..', '..');
  const exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
    launchArgs: [path.join(root, 'test', 'vscode', 'workspace'), '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
  });
  process.exitCode = exitCode;
}

main().catch((e) => {
  console.error(`VS Code tests failed to run: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
