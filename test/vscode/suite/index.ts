/** Entry that VS Code's extension host calls (`--extensionTestsPath`): runs the suite with mocha. */
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: true });
  mocha.addFile(path.join(__dirname, 'extension.suite.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`\ntests: ${passes} passed, ${failures} failed, ${pending} skipped`);
      if (failures || passes === 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
  });
}
