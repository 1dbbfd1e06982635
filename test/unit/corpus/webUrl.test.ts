import * as assert from 'assert';
import fc from 'fast-check';
import { isWebUrl } from '../../../server/src/corpus/topicPage';

/** The WHATWG parser's verdict, as isWebUrl had it before its shortcut. */
function parsedAsWebUrl(url: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

describe('corpus/isWebUrl', () => {
  it('agrees with the URL parser on plain and odd hosts', () => {
    const label = fc.oneof(
      fc.constantFrom('example', 'com', 'xn--a', 'xn--bcher-kva', 'xn--', 'a--b', '-', '1', '255', '0x1f', 'localhost', 'ÄÖ', 'a_b', ''),
      fc.stringMatching(/^[a-z0-9-]{1,6}$/),
    );
    const url = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'http:/'), fc.array(label, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('', '/', '/a b', '/path?q=1#frag', ':80/', ':99999', '#x', '\\x', '/%zz'))
      .map(([scheme, labels, rest]) => scheme + labels.join('.') + rest);
    fc.assert(fc.property(url, (u) => assert.strictEqual(isWebUrl(u), parsedAsWebUrl(u), u)), { numRuns: 3000, seed: 11 });
  });

  it('accepts corpus URLs and rejects the rest', () => {
    assert.ok(isWebUrl('https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4'));
    assert.ok(isWebUrl('http://zalando.github.io/restful-api-guidelines/'));
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://', 'http://999.1.1.1/', 'https://a b.com/', 'mailto:a@b.c']) {
      assert.ok(!isWebUrl(bad), bad);
    }
  });
});
