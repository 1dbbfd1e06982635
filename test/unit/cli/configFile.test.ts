import * as assert from 'assert';
import * as path from 'path';
import { UsageError } from '../../../server/src/cli/args';
import { findConfigFile, loadConfig, parseConfig } from '../../../server/src/cli/configFile';
import { scratch } from './cliHarness';

describe('cli: config file', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('reads the settings shape and fills the rest with defaults', () => {
    const { settings, warnings } = parseConfig(JSON.stringify({
      $schema: './schema.json',
      corpus: { paths: ['guidelines'], builtin: false },
      diagnostics: { rules: { 'uncovered-status': 'information' }, exclude: ['vendor/**'], disabledLanguages: ['yaml'] },
    }), 'c.json');
    assert.deepStrictEqual(warnings, []);
    assert.deepStrictEqual(settings.corpus, { paths: ['guidelines'], builtin: false });
    assert.deepStrictEqual(settings.diagnostics, { enable: true, rules: { 'uncovered-status': 'information' }, exclude: ['vendor/**'], disabledLanguages: ['yaml'] });
  });

  it('warns about unknown keys and rejects wrong types', () => {
    const { warnings } = parseConfig('{"corpus": {"pathz": []}, "extra": 1}', 'c.json');
    assert.deepStrictEqual(warnings, ["c.json: unknown key 'corpus.pathz' ignored", "c.json: unknown key 'extra' ignored"]);
    assert.throws(() => parseConfig('{"corpus": {"paths": "one"}, "diagnostics": {"rules": {"policy": "loud"}}}', 'c.json'), (e: Error) =>
      e instanceof UsageError
      && e.message.includes("c.json: 'corpus.paths' must be an array of strings")
      && e.message.includes("c.json: 'diagnostics.rules' must be an object mapping rule ids to one of off, hint, information, warning, error"));
    assert.throws(() => parseConfig('[]', 'c.json'), /the config must be a JSON object/);
  });

  it('gives the line and column of a JSON syntax error, and accepts comments and trailing commas', () => {
    assert.throws(() => parseConfig('{\n  "corpus": {\n    "paths": ["a" "b"]\n  }\n}', 'c.json'), (e: Error) => e.message === 'c.json:3:19: invalid JSON: CommaExpected');
    const { settings } = parseConfig('\uFEFF{\n  // company corpus\n  "corpus": { "paths": ["a",], },\n}', 'c.json');
    assert.deepStrictEqual(settings.corpus.paths, ['a']);
  });

  it('is found in the nearest ancestor, and resolves corpus paths from its own folder', async () => {
    const s = scratch({ '.api-guidelines.json': '{"corpus": {"paths": ["guides", "/abs/corpus"]}}', 'a/b/.keep': '' });
    cleanup = s.cleanup;
    const nested = path.join(s.dir, 'a', 'b');
    assert.strictEqual(await findConfigFile(nested), path.join(s.dir, '.api-guidelines.json'));
    const loaded = await loadConfig(nested, undefined, true);
    assert.strictEqual(loaded.root, s.dir);
    assert.deepStrictEqual(loaded.settings.corpus.paths, [path.join(s.dir, 'guides'), path.resolve('/abs/corpus')]);
    const none = await loadConfig(nested, undefined, false);
    assert.strictEqual(none.file, undefined);
    assert.strictEqual(none.root, nested);
    await assert.rejects(loadConfig(nested, 'missing.json', true), /cannot read the config file .*missing\.json: ENOENT/);
  });
});
