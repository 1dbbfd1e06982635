import * as assert from 'assert';
import { mcpServerArgs, type McpLaunchSettings } from '../../../client/src/mcpLaunch';

const DEFAULTS: McpLaunchSettings = { corpusPaths: [], builtin: true, follow: [], hide: [], rules: {} };

describe('client: the MCP server command line', () => {
  it('runs the bundled CLI\'s mcp command without a config file: the editor\'s settings stand in for it', () => {
    assert.deepStrictEqual(mcpServerArgs('/ext/dist/cli.js', DEFAULTS, true), ['/ext/dist/cli.js', 'mcp', '--no-config']);
  });

  it('passes corpus folders, the built-in switch, followed and hidden guidelines and rule levels', () => {
    const args = mcpServerArgs('cli.js', {
      corpusPaths: ['./guidelines', '~/corp', ' '], builtin: false, follow: ['zalando', ' google-aip '], hide: ['*'],
      rules: { 'uncovered-status': 'off', 'zalando/150': 'error' },
    }, true);
    assert.deepStrictEqual(args.slice(2), [
      '--no-config', '--corpus=./guidelines', '--corpus=~/corp', '--no-builtin', '--follow=zalando', '--follow=google-aip', '--hide=*',
      '--rule=uncovered-status=off', '--rule=zalando/150=error',
    ]);
  });

  it('leaves out corpus folders in Restricted Mode, as the language server does', () => {
    assert.deepStrictEqual(mcpServerArgs('cli.js', { ...DEFAULTS, corpusPaths: ['/etc'], follow: ['acme'] }, false).slice(2), ['--no-config', '--follow=acme']);
  });

  it('drops rule settings the CLI would refuse, so that they cannot keep the server from starting', () => {
    const args = mcpServerArgs('cli.js', { ...DEFAULTS, rules: { 'no-such-rule': 'error', 'policy': 'loud', 'deprecated-status': 3, 'openapi-syntax': 'hint', 'a b/c': 'error', 'uncovered-status': 'constructor' } }, true);
    assert.deepStrictEqual(args.slice(3), ['--rule=openapi-syntax=hint']);
  });

  it('keeps a value that starts with dashes one argument (--name=value)', () => {
    assert.deepStrictEqual(mcpServerArgs('cli.js', { ...DEFAULTS, follow: ['--help'] }, true).slice(3), ['--follow=--help']);
  });
});
