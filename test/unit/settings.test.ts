import * as assert from 'assert';
import { configuredSeverity, RULES } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS, RULE_IDS, validateSettings } from '../../server/src/settings';

describe('settings: validation', () => {
  it('knows the same rule ids as the diagnostics module', () => {
    assert.deepStrictEqual([...RULE_IDS], RULES.map((r) => r.id));
  });

  it('gives the defaults for nothing at all, without a problem', () => {
    for (const raw of [undefined, null, {}]) assert.deepStrictEqual(validateSettings(raw), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('drops each bad entry with a problem and keeps the good ones', () => {
    const raw = JSON.parse(`{
      "corpus": {"paths": ["a", 3, "b"], "builtin": "yes"},
      "hover": 1,
      "guidelines": {"follow": " zalando ", "hide": ["*"]},
      "diagnostics": {"enable": false, "rules": {"constructor": "error", "__proto__": "off", "policy": "toString", "deprecated-status": "WARN", "zalando/150": "error"},
                      "exclude": ["ok/**", "{a"], "disabledLanguages": [null, "yaml"]}
    }`);
    const { settings, problems } = validateSettings(raw);
    assert.deepStrictEqual(settings, {
      corpus: { paths: ['a', 'b'], builtin: true },
      hover: { enable: true },
      guidelines: { follow: [], hide: ['*'] },
      diagnostics: { enable: false, rules: { 'deprecated-status': 'warning', 'zalando/150': 'error' }, disabledLanguages: ['yaml'], exclude: ['ok/**'] },
    });
    assert.deepStrictEqual(problems.map((p) => p.path.join('.')).sort(), [
      'hover', 'corpus.paths.1', 'corpus.builtin', 'guidelines.follow', 'diagnostics.disabledLanguages.0', 'diagnostics.exclude.1',
      'diagnostics.rules.constructor', 'diagnostics.rules.__proto__', 'diagnostics.rules.policy',
    ].sort());
    assert.strictEqual(problems.length, 9);
  });

  it('reads only a rule table\'s own entries: inherited names have no severity', () => {
    assert.strictEqual(configuredSeverity({}, 'constructor'), undefined);
    assert.strictEqual(configuredSeverity({ policy: 'constructor' }, 'policy'), undefined);
    assert.strictEqual(configuredSeverity(Object.create({ policy: 'error' }), 'policy'), undefined);
    assert.strictEqual(configuredSeverity({ policy: 'Info' }, 'policy'), 'information');
  });
});
