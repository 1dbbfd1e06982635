import * as assert from 'assert';
import { IgnoreFile, IgnoreStack, parseIgnoreLine } from '../../../server/src/node/gitignore';

/** [patterns, path, isDirectory, ignored?] */
const CASES: [string, string, boolean, boolean][] = [
  ['*.log', 'debug.log', false, true],
  ['*.log', 'logs/deep/debug.log', false, true],
  ['*.log', 'debug.log.txt', false, false],
  ['build/', 'build', true, true],
  ['build/', 'build', false, false],
  ['build/', 'src/build', true, true],
  ['/build', 'build', true, true],
  ['/build', 'src/build', true, false],
  ['doc/frotz', 'doc/frotz', true, true],
  ['doc/frotz', 'a/doc/frotz', true, false],
  ['**/foo', 'a/b/foo', false, true],
  ['**/foo', 'foo', false, true],
  ['foo/**', 'foo/a/b', false, true],
  ['foo/**', 'foo', true, false],
  ['a/**/b', 'a/b', false, true],
  ['a/**/b', 'a/x/y/b', false, true],
  ['a/**/b', 'a/xb', false, false],
  ['?.js', 'a.js', false, true],
  ['?.js', 'ab.js', false, false],
  ['*.[ch]', 'x.c', false, true],
  ['*.[ch]', 'x.o', false, false],
  ['*.[!o]', 'x.c', false, true],
  ['*.[!o]', 'x.o', false, false],
  ['# comment', '# comment', false, false],
  ['\\#hash', '#hash', false, true],
  ['\\!bang', '!bang', false, true],
  ['*.js\n!keep.js', 'keep.js', false, false],
  ['*.js\n!keep.js', 'drop.js', false, true],
  ['!keep.js\n*.js', 'keep.js', false, true],
  ['trailing.txt   ', 'trailing.txt', false, true],
  ['a*b', 'a/b', false, false],
  ['', 'anything', false, false],
];

describe('cli: gitignore patterns', () => {
  for (const [patterns, p, isDir, expected] of CASES) {
    it(`${JSON.stringify(patterns)} ${expected ? 'ignores' : 'keeps'} ${p}${isDir ? '/' : ''}`, () => {
      assert.strictEqual(new IgnoreStack().push(new IgnoreFile('', patterns)).ignores(p, isDir), expected);
    });
  }

  it('lets a deeper ignore file override an outer one, and applies it only below its folder', () => {
    const stack = new IgnoreStack().push(new IgnoreFile('', '*.gen.ts')).push(new IgnoreFile('src', '!keep.gen.ts\n/local.ts'));
    assert.strictEqual(stack.ignores('src/keep.gen.ts', false), false);
    assert.strictEqual(stack.ignores('lib/keep.gen.ts', false), true);
    assert.strictEqual(stack.ignores('src/local.ts', false), true);
    assert.strictEqual(stack.ignores('local.ts', false), false);
    assert.strictEqual(stack.ignores('src/sub/local.ts', false), false);
  });

  it('reads blank lines and comments as no rule', () => {
    assert.strictEqual(parseIgnoreLine(''), undefined);
    assert.strictEqual(parseIgnoreLine('   '), undefined);
    assert.strictEqual(parseIgnoreLine('# note'), undefined);
    assert.strictEqual(parseIgnoreLine('/'), undefined);
    assert.ok(parseIgnoreLine('[unclosed')?.pattern.matches('[unclosed'));
  });
});
