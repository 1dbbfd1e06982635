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

  it('warns about unknown keys and wrong types with their line and column, and keeps the good settings', () => {
    const { warnings } = parseConfig('{"corpus": {"pathz": []}, "extra": 1}', 'c.json');
    assert.deepStrictEqual(warnings, ["c.json:1:13: unknown key 'corpus.pathz' ignored", "c.json:1:27: unknown key 'extra' ignored"]);
    const text = '{\n  "corpus": {"paths": "one", "builtin": false},\n  "diagnostics": {"rules": {"policy": "loud", "deprecated-status": "error"}}\n}';
    const bad = parseConfig(text, 'c.json');
    assert.deepStrictEqual(bad.warnings, [
      "c.json:2:23: 'corpus.paths' must be an array of strings; ignored",
      "c.json:3:29: 'diagnostics.rules.policy' \"loud\" is no severity: expected off, hint, information, warning or error; ignored",
    ]);
    assert.deepStrictEqual(bad.settings.corpus, { paths: [], builtin: false });
    assert.deepStrictEqual(bad.settings.diagnostics.rules, { 'deprecated-status': 'error' });
    assert.throws(() => parseConfig('[]', 'c.json'), /the config must be a JSON object/);
  });

  it('drops rules named constructor, __proto__ or anything unknown, and severities that are no severity', () => {
    const text = '{"diagnostics": {"rules": {\n"constructor": "error",\n"__proto__": "error",\n"policy": "constructor",\n"toString": "warning",\n"zalando/150": "error",\n"uncovered-status": "Info"}}}';
    const { settings, warnings } = parseConfig(text, 'c.json');
    assert.deepStrictEqual(warnings.map((w) => w.replace(/: expected.*/, '')), [
      "c.json:2:1: 'diagnostics.rules.constructor' unknown rule 'constructor'",
      "c.json:3:1: 'diagnostics.rules.__proto__' unknown rule '__proto__'",
      "c.json:4:1: 'diagnostics.rules.policy' \"constructor\" is no severity",
      "c.json:5:1: 'diagnostics.rules.toString' unknown rule 'toString'",
    ]);
    assert.deepStrictEqual(Object.entries(settings.diagnostics.rules), [['zalando/150', 'error'], ['uncovered-status', 'information']]);
    assert.strictEqual(Object.getPrototypeOf(settings.diagnostics.rules), Object.prototype);
  });

  it('refuses a file nested far too deep with its line, without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"corpus":\n${'['.repeat(depth)}${']'.repeat(depth)}}`;
    assert.throws(() => parseConfig(text, 'c.json'), (e: Error) => e instanceof UsageError && e.message === 'c.json:2:32: nested deeper than 32 levels; the settings need three');
  });

  it('reports a malformed exclude glob once, at its place, and keeps the others', () => {
    const { settings, warnings } = parseConfig('{"diagnostics": {"exclude": ["vendor/**", "{a", "[z-a]"]}}', 'c.json');
    assert.deepStrictEqual(settings.diagnostics.exclude, ['vendor/**']);
    assert.deepStrictEqual(warnings, [
      "c.json:1:43: 'diagnostics.exclude[1]' the glob '{a' is malformed ('{' at column 1 is never closed) and matches nothing; ignored",
      "c.json:1:49: 'diagnostics.exclude[2]' the glob '[z-a]' is malformed (the range 'z-a' runs backwards) and matches nothing; ignored",
    ]);
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
