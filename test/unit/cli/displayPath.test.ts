import * as assert from 'assert';
import * as fc from 'fast-check';
import * as path from 'path';
import { displayPath } from '../../../server/src/cli/cliContext';

/** What `displayPath` gave before its fast path: `path.relative` when the file is below the folder, else the file. */
function reference(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

describe('cli/displayPath', () => {
  it('shows files below the working folder relative to it, others as given', () => {
    assert.strictEqual(displayPath('/repo', '/repo/src/a.ts'), 'src/a.ts');
    assert.strictEqual(displayPath('/repo/', '/repo/src/a.ts'), 'src/a.ts');
    assert.strictEqual(displayPath('/repo', '/repo'), '/repo');
    assert.strictEqual(displayPath('/repo', '/other/a.ts'), '/other/a.ts');
    assert.strictEqual(displayPath('/repo', '/repository/a.ts'), '/repository/a.ts');
  });

  it('agrees with path.relative on any path', () => {
    const segment = fc.constantFrom('repo', 'src', 'a.ts', '..', '.', '', 'repo2', 'b');
    const p = fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`);
    fc.assert(fc.property(p, p, (cwd, file) => {
      assert.strictEqual(displayPath(cwd, file), reference(cwd, file));
    }), { numRuns: 3000 });
  });
});
