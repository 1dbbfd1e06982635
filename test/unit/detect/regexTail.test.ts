import * as assert from 'assert';
import { lastCharsOf, START } from '../../../server/src/detect/regexTail';
import { RULES } from '../../../server/src/detect/vocabularies';

const chars = (source: string) => {
  const set = lastCharsOf(source);
  return set ? [...set].sort().join('') : undefined;
};

describe('detect/regexTail', () => {
  it('names the characters a context can end with, whitespace aside', () => {
    assert.strictEqual(chars(String.raw`\.\s*status\s*\(\s*`), '(');
    assert.strictEqual(chars(String.raw`\bstatus\s*(?:===?|!==?|=|:)\s*`), ':=');
    assert.strictEqual(chars(String.raw`(?<![.\w])head\s*\(?\s*`), '(d');
    assert.strictEqual(chars(String.raw`\bcase\s+(?:[1-5]\d\d\s*,\s*)*`), ',e');
    assert.strictEqual(chars(String.raw`\bhalt|\bstatus[ \t]+`), 'st');
    assert.strictEqual(chars(String.raw`[{,]\s*['"]?code['"]?\s*:\s*`), ':');
    assert.strictEqual(chars(String.raw`\bfoo\[\s*`), '[');
    assert.strictEqual(chars(String.raw`\bcase\s+(?:\d{3}\s*,\s*){0,20}`), ',e');
    assert.strictEqual(chars(String.raw`ab{2}`), 'b');
  });

  it('answers "any character" for what it cannot bound', () => {
    for (const source of [String.raw`\w+.`, String.raw`[^)]`, String.raw`a{0,2}`, String.raw`(?:^|\n|,)?`, '']) assert.strictEqual(chars(source), undefined, source);
  });

  it('says when a context can end a line or be empty at the start of the text', () => {
    const set = lastCharsOf(String.raw`(?:^|\n|,)\s*`);
    assert.deepStrictEqual(set && [...set].sort(), [START, '\n', ','].sort());
  });

  it('reads every number rule of the vocabularies without throwing', () => {
    const bounded = RULES.filter((r) => r.on === 'number' && r.before && lastCharsOf(r.before));
    assert.ok(bounded.length >= 30, `${bounded.length} rules bounded`);
  });
});
