import * as assert from 'assert';
import * as fc from 'fast-check';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { compileGlob, globError, liveGlobStates, MAX_GLOB_LENGTH, MAX_LIVE_STATES } from '../../../server/src/features/glob';
import { isExcluded } from '../../../server/src/features/diagnostics';
import { IgnoreFile, IgnoreStack, parseIgnoreLine } from '../../../server/src/node/gitignore';

const BUDGET_PROBE = 'glob-state-budget';

/** In the worker: 300 patterns that each pass through ~240 distinct states on one path (72,000 without a budget). */
if (!isMainThread && workerData === BUDGET_PROBE) {
  const patterns = Array.from({ length: 300 }, (_, i) => compileGlob(`${'*a'.repeat(240)}${i}`, 'gitignore'));
  const path = 'a'.repeat(250);
  for (const p of patterns) p.matches(path);
  parentPort!.postMessage({ live: liveGlobStates(), max: MAX_LIVE_STATES, matchedAfterDrop: patterns[7].matches(`${path}7`) });
  // The rest of this file declares mocha suites, which a worker has not got.
  Object.assign(globalThis, { describe: () => undefined });
}

/** Operations (characters read, automaton states visited) to match `path`, on a fresh compile. */
function workFor(pattern: string, dialect: 'exclude' | 'gitignore', path: string, unanchored = false): number {
  const glob = compileGlob(pattern, dialect, unanchored);
  glob.matchesSelfOrParent(path);
  return glob.work;
}

/** The growth of the work per doubling of the path, worst over a few doublings. */
function worstGrowth(measure: (n: number) => number, from: number, doublings: number): number {
  let worst = 0;
  let previous = measure(from);
  for (let n = from * 2, k = 0; k < doublings; n *= 2, k++) {
    const w = measure(n);
    worst = Math.max(worst, w / previous);
    previous = w;
  }
  return worst;
}

describe('features/glob: bounded matching', () => {
  it('matches the ReDoS patterns of the attack run, in work linear in the path', () => {
    const excludeGlob = '**a**a**a**a**a**a**a**a**a**ab';
    const ignoreLine = '*a*a*a*a*a*a*a*a*a*ab';
    const long = (n: number) => 'a'.repeat(n);
    assert.strictEqual(isExcluded(long(5000), [excludeGlob]), false);
    assert.strictEqual(isExcluded(`${long(50)}b`, [excludeGlob]), true);
    assert.strictEqual(new IgnoreStack().push(new IgnoreFile('', ignoreLine)).ignores(long(5000), false), false);
    assert.strictEqual(new IgnoreStack().push(new IgnoreFile('', ignoreLine)).ignores(`x/${long(20)}b`, false), true);
    const excludeGrowth = worstGrowth((n) => workFor(excludeGlob, 'exclude', long(n)), 1000, 4);
    const ignoreGrowth = worstGrowth((n) => workFor(ignoreLine, 'gitignore', long(n), true), 1000, 4);
    const folderGrowth = worstGrowth((n) => workFor('**/a/**/a/**/a/**/b', 'exclude', 'a/'.repeat(n)), 500, 4);
    for (const g of [excludeGrowth, ignoreGrowth, folderGrowth]) assert.ok(g <= 2.2, `work grew ×${g.toFixed(2)} per doubling`);
  });

  it('keeps the states of all patterns together within a budget (a hostile ignore file of many lines)', async () => {
    // In a worker thread of its own: the budget is shared by the module, and filling it would slow later tests.
    const result = await new Promise<{ live: number; max: number; matchedAfterDrop: boolean }>((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: BUDGET_PROBE });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    assert.ok(result.live <= result.max + 300, `${result.live} states held`);
    assert.ok(result.live > 0);
    assert.strictEqual(result.matchedAfterDrop, true, 'a pattern whose cache was dropped still matches');
  });

  it('holds for generated patterns of stars, letters and braces (work at most ×2.2 per doubling)', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom('*', '**', 'a', 'b', '?', '/', '{a,b}', '[ab]', '**/'), { minLength: 1, maxLength: 16 }),
      fc.constantFrom('a', 'ab', 'a/', 'ba/'),
      (parts, unit) => {
        const pattern = parts.join('');
        const growth = worstGrowth((n) => workFor(pattern, 'exclude', unit.repeat(n)), 256, 3);
        return growth <= 2.2;
      },
    ), { numRuns: 60 });
  });

  it('agrees with a regular-expression reading of the same globs on short paths', () => {
    // The reference: what the regex translation gave before (fine on short inputs, where backtracking is cheap).
    const reference = (glob: string, path: string): boolean => {
      // Runs of three or more stars read as `**`.
      let g = glob.replace(/\*{3,}/g, '**').replace(/^\.\//, '').replace(/\/+$/, '');
      g = g.includes('/') ? g.replace(/^\/+/, '') : `**/${g}`;
      const re = g.replace(/\*\*\/|\*\*|\*|\?|[.+^$()|\\]/g, (t) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' } as Record<string, string>)[t] ?? `\\${t}`);
      const parts = path.split('/');
      return parts.some((_, i) => new RegExp(`^${re}$`).test(parts.slice(0, i + 1).join('/')));
    };
    fc.assert(fc.property(
      fc.array(fc.constantFrom('*', '**', 'a', 'b', '.', '?', '/', '**/'), { minLength: 1, maxLength: 7 }).map((p) => p.join('')),
      fc.array(fc.constantFrom('a', 'b', '.', '/'), { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
      (glob, path) => {
        fc.pre(!/\/\/|^\/|^\.\//.test(path) && !path.endsWith('/'));
        return isExcluded(path, [glob]) === reference(glob, path);
      },
    ), { numRuns: 500 });
  });
});

describe('features/glob: malformed globs', () => {
  it('says what is wrong with a malformed exclude glob, which then matches nothing', () => {
    assert.strictEqual(globError('{a'), "'{' at column 1 is never closed");
    assert.strictEqual(globError('src/[z-a].js'), "the range 'z-a' runs backwards");
    assert.strictEqual(globError('[[:alfa:]]'), "unknown character class '[:alfa:]'");
    assert.strictEqual(globError('x'.repeat(MAX_GLOB_LENGTH + 1)), `longer than ${MAX_GLOB_LENGTH} characters`);
    assert.strictEqual(globError('**/*.{ts,js}'), undefined);
    assert.strictEqual(isExcluded('a', ['{a']), false);
  });

  it('keeps the good globs when one is malformed', () => {
    assert.strictEqual(isExcluded('vendor/x.js', ['{a', '[z-a]', 'vendor']), true);
    assert.strictEqual(isExcluded('src/x.js', ['{a', '[z-a]', 'vendor']), false);
  });

  it('reads a reversed range in an ignore file as matching nothing, as git does, and keeps the line', () => {
    const stack = new IgnoreStack().push(new IgnoreFile('', '[z-a]x\n*.log'));
    assert.strictEqual(stack.ignores('bx', false), false);
    assert.strictEqual(stack.ignores('a.log', false), true);
  });
});

describe('features/glob: character classes', () => {
  const cases: [string, string, boolean][] = [
    ['[[:alpha:]]*.js', 'app.js', true],
    ['[[:alpha:]]*.js', '1app.js', false],
    ['[[:digit:]][[:digit:]].txt', '42.txt', true],
    ['[[:digit:]][[:digit:]].txt', '4x.txt', false],
    ['[![:upper:]]*', 'Readme', false],
    ['[![:upper:]]*', 'readme', true],
    ['[[:upper:][:digit:]]x', '7x', true],
    ['[[:space:]]x', ' x', true],
    ['[[:xdigit:]]', 'F', true],
    ['[[:xdigit:]]', 'g', false],
    ['[[:punct:]]y', '_y', true],
    ['[]a]z', ']z', true],
    ['a[\\]]b', 'a]b', true],
    ['[a-c]d', 'bd', true],
    ['[a-c]d', 'ed', false],
    ['a[/]b', 'a/b', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`gitignore '${pattern}' ${expected ? 'matches' : 'does not match'} '${path}'`, () => {
      assert.strictEqual(parseIgnoreLine(pattern)?.pattern.matches(path) ?? false, expected);
    });
  }

  it('reads POSIX classes in exclude globs too', () => {
    assert.strictEqual(isExcluded('src/gen1/a.ts', ['src/gen[[:digit:]]']), true);
    assert.strictEqual(isExcluded('src/genx/a.ts', ['src/gen[[:digit:]]']), false);
  });

  it('never lets a star, a question mark or a class cross a slash', () => {
    assert.strictEqual(compileGlob('a*b', 'gitignore').matches('a/b'), false);
    assert.strictEqual(compileGlob('a?b', 'gitignore').matches('a/b'), false);
    assert.strictEqual(compileGlob('a[!x]b', 'gitignore').matches('a/b'), false);
    assert.strictEqual(compileGlob('a/**/b', 'gitignore').matches('a/x/y/b'), true);
    assert.strictEqual(compileGlob('a/**/b', 'gitignore').matches('a//b'), false);
  });
});
