import * as assert from 'assert';
import { parseArgs, renderCommandHelp, suggest, UsageError, type CommandSpec } from '../../../server/src/cli/args';

const SPEC: CommandSpec = {
  name: 'demo',
  summary: 'A demo command.',
  positionals: '[things…]',
  details: 'Exit code: 0.',
  options: [
    { name: 'format', short: 'f', kind: 'value', arg: 'FORMAT', choices: ['text', 'json'], help: 'Output format' },
    { name: 'corpus', kind: 'list', arg: 'DIR', help: 'Corpus folder' },
    { name: 'no-builtin', kind: 'flag', help: 'No built-in corpus' },
  ],
  examples: ['api-guidelines demo x'],
};

describe('cli: arguments', () => {
  it('reads flags, values in both spellings, repeated lists, and positionals around them', () => {
    const a = parseArgs(['x', '--format=json', '--corpus', 'a', '-f', 'text', '--corpus=b', '--no-builtin', 'y', '--', '--not-an-option'], SPEC);
    assert.strictEqual(a.values.get('format'), 'text');
    assert.deepStrictEqual(a.lists.get('corpus'), ['a', 'b']);
    assert.ok(a.flags.has('no-builtin'));
    assert.deepStrictEqual(a.positionals, ['x', 'y', '--not-an-option']);
  });

  const ERRORS: [string[], RegExp][] = [
    [['--fromat', 'json'], /unknown option '--fromat' \(did you mean '--format'\?\)/],
    [['--bogus'], /^unknown option '--bogus'$/],
    [['--format'], /option '--format' needs a value \(FORMAT\)/],
    [['--corpus', '--no-builtin'], /option '--corpus' needs a value/],
    [['--format', 'xml'], /invalid value 'xml' for '--format': expected one of text, json/],
    [['--no-builtin=yes'], /option '--no-builtin' takes no value/],
  ];
  for (const [argv, message] of ERRORS) {
    it(`rejects ${argv.join(' ')}`, () => {
      assert.throws(() => parseArgs(argv, SPEC), (e: Error) => e instanceof UsageError && message.test(e.message));
    });
  }

  it('suggests only close names', () => {
    assert.strictEqual(suggest('chek', ['check', 'topic']), " (did you mean 'check'?)");
    assert.strictEqual(suggest('zzzzz', ['check', 'topic']), '');
  });

  it('renders help with usage, options, choices and examples', () => {
    const help = renderCommandHelp('api-guidelines', SPEC);
    assert.match(help, /^Usage: api-guidelines demo \[things…\] \[options\]\n/);
    assert.match(help, /-f, --format FORMAT {2}Output format \[text\|json\]/);
    assert.match(help, / {4}--no-builtin {5}No built-in corpus/);
    assert.match(help, /Examples:\n {2}api-guidelines demo x\n$/);
  });
});
