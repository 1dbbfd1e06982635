import * as assert from 'assert';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { STATUS_CODES, headerFromName, statusPhrases } from '../../../server/src/detect/httpVocabulary';
import { phraseWords, spell } from '../../../server/src/detect/spelling';
import { FAMILIES, RULES } from '../../../server/src/detect/vocabularies';
import { buildFamilyNames } from '../../../server/src/detect/vocabulary';
import { SUPPORTED_LANGUAGES } from '../../../server/src/settings';

describe('detect/vocabulary tables', () => {
  it('compiles the rules of every supported language (and of an unknown one)', () => {
    for (const language of [...SUPPORTED_LANGUAGES, 'plaintext', 'cobol']) assert.deepStrictEqual(findHttpTokens('', language), [], language);
  });

  it('uses every family in a rule, or in a document reader', () => {
    const used = new Set(RULES.flatMap((r) => (r.on === 'name' ? [r.family] : r.on === 'string' && r.family ? [r.family] : [])));
    const structural = /^(?:status|method|header)-literal$|^openapi-|^http-(?:request|header)-line$/;
    const unused = [...FAMILIES.keys()].filter((id) => !used.has(id) && !structural.test(id));
    assert.deepStrictEqual(unused, []);
  });

  it('gives every family one name per value that reads back to that value', () => {
    let names = 0;
    for (const family of FAMILIES.values()) {
      const { byName, byValue } = buildFamilyNames(family);
      for (const [value, name] of byValue) {
        assert.strictEqual(byName.get(name), value, `${family.id}: ${name}`);
        names++;
      }
    }
    assert.ok(names > 1500, `${names} names`);
  });

  it('spells the phrases the way frameworks do', () => {
    const teapot = statusPhrases(STATUS_CODES.find((s) => s.code === 418)!)[0];
    assert.strictEqual(spell('{UPPER}', 'status', 418, teapot), 'IM_A_TEAPOT');
    assert.strictEqual(spell('Status{code}{Pascal}', 'status', 418, teapot), 'Status418ImATeapot');
    assert.strictEqual(spell('{camel}', 'status', 505, 'HTTP Version Not Supported'), 'httpVersionNotSupported');
    assert.strictEqual(spell('{camel}', 'header', 'ETag', 'ETag'), 'eTag');
    assert.strictEqual(spell('Http{Pascal}', 'method', 'PATCH', 'PATCH'), 'HttpPatch');
    assert.strictEqual(spell(':{snake}', 'status', 203, 'Non-Authoritative Information'), ':non_authoritative_information');
    assert.deepStrictEqual(phraseWords('header', 'X-RateLimit-Limit'), ['X', 'RateLimit', 'Limit']);
  });

  it('knows the constants frameworks actually define', () => {
    const has = (family: string, name: string, value: number | string) => assert.strictEqual(buildFamilyNames(FAMILIES.get(family)!).byName.get(name), value, `${family} ${name}`);
    has('go-net-http', 'StatusTeapot', 418);
    has('go-net-http', 'StatusRequestURITooLong', 414);
    has('go-net-http', 'StatusHTTPVersionNotSupported', 505);
    has('spring-httpstatus', 'I_AM_A_TEAPOT', 418);
    has('spring-httpstatus', 'BANDWIDTH_LIMIT_EXCEEDED', 509);
    has('http-status-codes', 'MOVED_TEMPORARILY', 302);
    has('http-status-codes', 'REQUEST_TOO_LONG', 413);
    has('dotnet-httpstatuscode', 'RedirectKeepVerb', 307);
    has('aspnet-statuscodes', 'Status505HttpVersionNotsupported', 505);
    has('ktor-httpstatuscode', 'RequestHeaderFieldTooLarge', 431);
    has('symfony-response', 'HTTP_PERMANENTLY_REDIRECT', 308);
    has('rack-symbol', 'unprocessable_content', 422);
    has('swift-httpstatus', 'imATeapot', 418);
    has('ktor-httpheaders', 'XRequestId', 'X-Request-ID');
    assert.strictEqual(headerFromName('WWW_AUTHENTICATE'), 'WWW-Authenticate');
  });
});
