import * as assert from 'assert';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import type { HttpToken } from '../../../server/src/detect/token';
import { OPEN_REFERENCE_COMMAND, planCodeActions, preferTarget, type ActionPlan } from '../../../server/src/features/codeActions';
import { IANA_REGISTRY_URL } from '../../../server/src/features/diagnostics';
import { loadIndex, run, tokensAt, type Options } from './diagnosticsFixtures';

const apply = (text: string, p: ActionPlan) => text.slice(0, p.edit!.start) + p.edit!.newText + text.slice(p.edit!.end);
const summary = (plans: ActionPlan[]) => plans.map((p) => [p.title, p.edit?.newText ?? p.command?.arguments[0], !!p.isPreferred]);

describe('features/codeActions', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await loadIndex();
  });
  /** The actions for the first finding in `text`. */
  const plan = (text: string, options: Options = {}) => {
    const [finding] = run(index, text, options);
    return planCodeActions({ text, languageId: options.languageId ?? 'javascript', finding, index });
  };

  it('offers the policy alternatives (first preferred), a suppression and the guideline links for a literal', () => {
    const text = 'res.status(302).set("Location", "/orders/1");';
    const plans = plan(text);
    assert.deepStrictEqual(summary(plans), [
      ['Replace with 303 See Other', '303', true],
      ['Replace with 307 Temporary Redirect', '307', false],
      ["Suppress 'policy' on this line", '// api-guidelines-disable-next-line policy\n', false],
      ['Open guideline: Acme API Guide (Redirects)', 'https://acme.example/api-guide#redirects', false],
    ]);
    assert.strictEqual(apply(text, plans[0]), 'res.status(303).set("Location", "/orders/1");');
    assert.ok(plans.slice(3).every((p) => p.command?.command === OPEN_REFERENCE_COMMAND && !p.edit));
  });

  const constants: [string, string, string, string][] = [
    ['java', 'return ResponseEntity.status(HttpStatus.FOUND).build();', 'HttpStatus.SEE_OTHER', 'HttpStatus.TEMPORARY_REDIRECT'],
    ['go', 'w.WriteHeader(http.StatusFound)', 'http.StatusSeeOther', 'http.StatusTemporaryRedirect'],
    ['python', 'return Response(status=status.HTTP_302_FOUND)', 'status.HTTP_303_SEE_OTHER', 'status.HTTP_307_TEMPORARY_REDIRECT'],
  ];
  for (const [languageId, text, see, temporary] of constants) {
    it(`rewrites the ${languageId} constant in the framework's own spelling`, () => {
      const plans = plan(text, { languageId });
      assert.deepStrictEqual(summary(plans).slice(0, 2), [
        [`Replace with ${see} (303 See Other)`, see, true],
        [`Replace with ${temporary} (307 Temporary Redirect)`, temporary, false],
      ]);
      assert.ok(apply(text, plans[0]).includes(see));
    });
  }

  it('resolves topic ids in prefer and keeps the spelling of methods', () => {
    const text = "fetch(url, { method: 'patch' })";
    assert.deepStrictEqual(summary(plan(text, { tokens: tokensAt(text, 'patch', 'method', 'PATCH') }))[0], ['Replace with put', 'put', true]);
  });

  it('replaces a header by the preferred one', () => {
    const text = "req.headers['x-request-id']";
    const tokens = tokensAt(text, 'x-request-id', 'header', 'X-Request-ID');
    assert.deepStrictEqual(summary(plan(text, { tokens }))[0], ['Replace with x-correlation-id', 'x-correlation-id', true]);
  });

  it('links the registry for an unregistered code and offers no replacement', () => {
    assert.deepStrictEqual(summary(plan('res.status(520)')), [
      ["Suppress 'unregistered-status' on this line", '// api-guidelines-disable-next-line unregistered-status\n', false],
      ['Open guideline: IANA HTTP Status Code Registry', IANA_REGISTRY_URL, false],
    ]);
  });

  it('maps prefer items onto the token’s kind only', () => {
    const status: HttpToken = { kind: 'status', value: 302, start: 0, end: 3, confidence: 'literal', family: 'literal' };
    const header: HttpToken = { ...status, kind: 'header', value: 'X-Request-ID' };
    assert.strictEqual(preferTarget('303', status, index), 303);
    assert.strictEqual(preferTarget('http-status-303', status, index), 303);
    assert.strictEqual(preferTarget('PUT', status, index), undefined);
    assert.strictEqual(preferTarget('http-methods-put', { ...status, kind: 'method', value: 'PATCH' }, index), 'PUT');
    assert.strictEqual(preferTarget('x-correlation-id', header, index), 'X-Correlation-ID');
    assert.strictEqual(preferTarget('not a header', header, index), undefined);
  });
});
