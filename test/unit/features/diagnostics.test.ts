import * as assert from 'assert';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { IANA_REGISTRY_URL, RULES, configuredSeverity, isExcluded } from '../../../server/src/features/diagnostics';
import { brief, loadIndex, run, tokensAt, topicPage } from './diagnosticsFixtures';

describe('features/diagnostics: rules', () => {
  let index: CorpusIndex;
  let builtin: CorpusIndex;
  before(async () => {
    index = await loadIndex();
    builtin = await loadIndex(['/builtin']);
  });

  describe('unregistered-status', () => {
    it('warns on a code that is not in the IANA registry, naming its class and linking the registry', () => {
      const text = 'app.get("/", (req, res) => res.status(520).end());';
      const findings = run(builtin, text);
      assert.deepStrictEqual(brief(text, findings), [['unregistered-status', 'warning', '520']]);
      assert.match(findings[0].message, /^520 is not in the IANA HTTP Status Code Registry: .*5xx Server Error/);
      assert.strictEqual(findings[0].href, IANA_REGISTRY_URL);
      assert.strictEqual(findings[0].token?.value, 520);
    });

    it('stays quiet when a corpus topic documents the code (a company may define 499)', () => {
      assert.deepStrictEqual(run(index, 'res.status(499)'), []);
      assert.deepStrictEqual(brief('res.status(499)', run(builtin, 'res.status(499)')), [['unregistered-status', 'warning', '499']]);
    });

    it('never fires for registered codes', () => {
      assert.deepStrictEqual(run(builtin, 'res.status(200); res.status(303);'), []);
    });
  });

  describe('deprecated-status', () => {
    it('warns on 305, 306 and 418, explaining why', () => {
      const text = 'res.status(305); res.status(306); res.status(418);';
      const findings = run(builtin, text);
      assert.deepStrictEqual(brief(text, findings), [
        ['deprecated-status', 'warning', '305'], ['deprecated-status', 'warning', '306'], ['deprecated-status', 'warning', '418'],
      ]);
      assert.match(findings[0].message, /^305 Use Proxy is deprecated: clients ignore it/);
      assert.match(findings[1].message, /^306 \(Unused\) is unused/);
      assert.match(findings[2].message, /RFC 2324/);
    });

    it('links the topic’s guideline reference when the corpus has one, else the registry', () => {
      const findings = run(builtin, 'res.status(305); res.status(306); res.status(418);');
      assert.deepStrictEqual(findings.map((f) => f.href), [
        'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.4.6', IANA_REGISTRY_URL, IANA_REGISTRY_URL,
      ]);
      assert.deepStrictEqual(findings.map((f) => f.topicId), ['http-status-305', 'http-status-306', undefined]);
    });
  });

  describe('uncovered-status', () => {
    it('reports a registered code without a topic as information when a company corpus is active', () => {
      const text = 'res.status(404)';
      assert.deepStrictEqual(brief(text, run(index, text)), [['uncovered-status', 'information', '404']]);
      assert.match(run(index, text)[0].message, /^404 Not Found: no topic in the active guideline corpus covers/);
    });

    it('is off by default with only the built-in corpus, or with no corpus at all', async () => {
      assert.deepStrictEqual(run(builtin, 'res.status(404)', { builtinOnly: true }), []);
      assert.deepStrictEqual(run(await loadIndex([]), 'res.status(404)'), []);
    });

    it('fires with only the built-in corpus when the user turns it on', () => {
      const findings = run(builtin, 'res.status(404)', { builtinOnly: true, settings: { rules: { 'uncovered-status': 'warning' } } });
      assert.deepStrictEqual(findings.map((f) => [f.rule, f.severity]), [['uncovered-status', 'warning']]);
    });

    it('leaves unregistered codes to unregistered-status (one finding per token)', () => {
      assert.deepStrictEqual(run(builtin, 'res.status(520)').map((f) => f.rule), ['unregistered-status']);
    });
  });

  describe('policy', () => {
    it('turns every use of a code into a finding with the corpus severity, message and alternatives', () => {
      const text = 'if (moved) return res.status(302).set("Location", url);';
      const [f, ...rest] = run(index, text);
      assert.deepStrictEqual(rest, []);
      assert.deepStrictEqual([f.rule, f.severity, text.slice(f.start, f.end)], ['policy', 'error', '302']);
      assert.strictEqual(f.message, '302 Found: Use 303 or 307 instead of 302.');
      assert.deepStrictEqual(f.prefer, ['303', '307']);
      assert.strictEqual(f.topicId, 'http-status-302');
    });

    it('links the company guideline, or the topic page when the editor can open it', () => {
      assert.strictEqual(run(index, 'res.status(302)')[0].href, 'https://acme.example/api-guide#redirects');
      const findings = run(index, 'res.status(302)', { topicLink: (t) => `file://${t.file}#L2` });
      assert.strictEqual(findings[0].href, 'file:///company/302.md#L2');
    });

    it('composes a message from the alternatives when the page gives none', () => {
      const text = 'fetch(url, { method: "PATCH" })';
      const f = run(index, text, { tokens: tokensAt(text, 'PATCH', 'method', 'PATCH') });
      assert.deepStrictEqual(brief(text, f), [['policy', 'hint', 'PATCH']]);
      assert.strictEqual(f[0].message, 'PATCH is discouraged by your guidelines (PATCH). Prefer PUT.');
      assert.deepStrictEqual(f[0].prefer, ['http-methods-put']);
    });

    it('applies to headers, with warning as the default severity', () => {
      const text = 'headers["X-Request-ID"] = id';
      const f = run(index, text, { tokens: tokensAt(text, 'X-Request-ID', 'header', 'X-Request-ID') });
      assert.deepStrictEqual(brief(text, f), [['policy', 'warning', 'X-Request-ID']]);
      assert.match(f[0].message, /Prefer X-Correlation-ID\.$/);
    });

    it('takes precedence over the registry rules, which return when the policy rule is off', async () => {
      const withPolicy = await loadIndex(['/builtin', '/company'], { '/company/305.md': topicPage('http-status-305', 'topic_policy:\n  severity: error\n') });
      assert.deepStrictEqual(run(withPolicy, 'res.status(305)').map((f) => f.rule), ['policy']);
      assert.deepStrictEqual(run(withPolicy, 'res.status(305)', { settings: { rules: { policy: 'off' } } }).map((f) => f.rule), ['deprecated-status']);
    });

    it('lets the user override every policy severity', () => {
      assert.deepStrictEqual(run(index, 'res.status(302)', { settings: { rules: { policy: 'information' } } }).map((f) => f.severity), ['information']);
    });
  });

  describe('settings', () => {
    it('has every rule id in the table with a default severity', () => {
      assert.deepStrictEqual(RULES.map((r) => [r.id, r.defaultSeverity]), [
        ['policy', 'corpus'], ['guideline-rule', 'corpus'], ['deprecated-status', 'warning'], ['unregistered-status', 'warning'], ['uncovered-status', 'information'],
        ['openapi-syntax', 'error'],
      ]);
    });

    it('reads severities, accepting info and warn, ignoring junk', () => {
      assert.strictEqual(configuredSeverity({ a: 'info' }, 'a'), 'information');
      assert.strictEqual(configuredSeverity({ a: 'WARN' }, 'a'), 'warning');
      assert.strictEqual(configuredSeverity({ a: 'loud' }, 'a'), undefined);
      assert.strictEqual(configuredSeverity({ a: 3 }, 'a'), undefined);
      assert.deepStrictEqual(run(builtin, 'res.status(520)', { settings: { rules: { 'unregistered-status': 'loud' as never } } }).map((f) => f.severity), ['warning']);
    });

    it('sets severities per rule and turns rules off', () => {
      const text = 'res.status(520); res.status(305);';
      assert.deepStrictEqual(run(builtin, text, { settings: { rules: { 'unregistered-status': 'error', 'deprecated-status': 'off' } } }).map((f) => [f.rule, f.severity]),
        [['unregistered-status', 'error']]);
    });

    it('reports nothing when disabled, for disabled languages, and for prose', () => {
      const text = 'res.status(520)';
      assert.deepStrictEqual(run(builtin, text, { settings: { enable: false } }), []);
      assert.deepStrictEqual(run(builtin, text, { settings: { disabledLanguages: ['javascript'] } }), []);
      assert.strictEqual(run(builtin, text, { settings: { disabledLanguages: ['python'] } }).length, 1);
      assert.deepStrictEqual(run(builtin, 'The API answers with status: 520 here.', { languageId: 'markdown' }), []);
    });

    it('returns findings in document order', () => {
      const text = 'res.status(520);\nres.status(305);\nres.status(599);';
      assert.deepStrictEqual(run(builtin, text).map((f) => text.slice(f.start, f.end)), ['520', '305', '599']);
    });
  });

  describe('suppression', () => {
    it('honours same-line and next-line comments, for all rules or the listed ones', () => {
      const t1 = 'res.status(520); // api-guidelines-disable-line';
      assert.deepStrictEqual(run(builtin, t1), []);
      const t2 = '// api-guidelines-disable-next-line unregistered-status -- nginx convention\nres.status(520);\nres.status(521);';
      assert.deepStrictEqual(brief(t2, run(builtin, t2)), [['unregistered-status', 'warning', '521']]);
      const t3 = 'res.status(520); // api-guidelines-disable-line policy';
      assert.deepStrictEqual(run(builtin, t3).map((f) => f.rule), ['unregistered-status']);
    });

    it('does not hand a suppressed token to the next rule', async () => {
      const withPolicy = await loadIndex();
      const t = 'res.status(302); // api-guidelines-disable-line policy';
      assert.deepStrictEqual(run(withPolicy, t), []);
    });
  });
});

describe('features/diagnostics: isExcluded', () => {
  const cases: [string, string[], boolean][] = [
    ['vendor/lib/a.js', ['vendor'], true],
    ['src/vendor/a.js', ['vendor'], true],
    ['src/vendors/a.js', ['vendor'], false],
    ['src/app.min.js', ['*.min.js'], true],
    ['src/app.js', ['*.min.js'], false],
    ['src/generated/api.ts', ['src/generated/**'], true],
    ['lib/generated/api.ts', ['src/generated/**'], false],
    ['a/b/c/test/x.py', ['**/test/**'], true],
    ['tests/x.py', ['**/test/**'], false],
    ['spec/x.test.ts', ['**/*.{test,spec}.ts'], true],
    ['spec/x.spec.ts', ['**/*.{test,spec}.ts'], true],
    ['spec/x.e2e.ts', ['**/*.{test,spec}.ts'], false],
    ['src\\win\\file.go', ['src/win'], true],
    ['./build/out.js', ['build/'], true],
    ['api/v1.yaml', ['api/v[12].yaml'], true],
    ['api/v3.yaml', ['api/v[12].yaml'], false],
    ['api/v3.yaml', ['api/v[!12].yaml'], true],
    ['a.js', [], false],
    ['file(1).js', ['file(1).js'], true],
  ];
  for (const [path, globs, expected] of cases) {
    it(`${path} ${expected ? 'matches' : 'does not match'} ${globs.join(', ') || '(none)'}`, () => {
      assert.strictEqual(isExcluded(path, globs), expected);
    });
  }
});
