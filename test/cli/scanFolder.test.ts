import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findHttpTokens } from '../../server/src/detect/findHttpTokens';
import { languageForPath } from '../../server/src/settings';
import { repoRoot } from '../helpers/testEnv';

/** Runs the folder scanner as a developer would, from the repository root. */
function scanFolder(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(repoRoot, 'bench', 'scanFolder.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('bench/scanFolder.mjs: the detector over a folder', function () {
  this.timeout(60_000);
  const folder = path.join('test', 'fixtures', 'quiet');

  it('counts the tokens of every file per language and kind, as findHttpTokens finds them', () => {
    const expected = new Map<string, Record<string, number>>();
    for (const name of fs.readdirSync(path.join(repoRoot, folder))) {
      const language = languageForPath(name);
      if (!language) continue;
      const counts = expected.get(language) ?? { files: 0, status: 0, method: 0, header: 0 };
      counts.files++;
      for (const t of findHttpTokens(fs.readFileSync(path.join(repoRoot, folder, name), 'utf8'), language)) counts[t.kind]++;
      expected.set(language, counts);
    }
    const report = JSON.parse(scanFolder(folder, '--json')) as { languages: Record<string, Record<string, number>>; total: Record<string, number> };
    for (const [language, counts] of expected) {
      const { files, status, method, header } = report.languages[language];
      assert.deepStrictEqual({ files, status, method, header }, counts, language);
    }
    assert.strictEqual(report.total.files, [...expected.values()].reduce((n, c) => n + c.files, 0));
    assert.ok(report.total.status > 0, 'the quiet fixtures hold some real status codes');
  });

  it('prints a table, families and a seeded sample of tokens with their lines', () => {
    const table = scanFolder(folder, '--families');
    assert.match(table, /^language\s+files\s+status\s+method\s+header\s+tokens$/m);
    assert.match(table, /^total\s+\d+/m);
    assert.match(table, /status-literal/);
    const sample = scanFolder(folder, '--sample', '3', '--seed', '7');
    assert.strictEqual(sample, scanFolder(folder, '--sample', '3', '--seed', '7'), 'the same seed draws the same tokens');
    assert.strictEqual(sample.split('\n').filter((l) => / \| /.test(l)).length, 3);
  });
});
