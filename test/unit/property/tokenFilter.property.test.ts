import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import type { TokenFilter } from '../../../server/src/detect/token';
import { languageForPath } from '../../../server/src/settings';
import { repoRoot } from '../../helpers/testEnv';
import { runs } from './corpusArbitraries';

const dir = path.join(repoRoot, 'test', 'fixtures', 'detect');
/** The labelled fixtures without their labels: dense, real-looking code in every language. */
const FIXTURES = fs.readdirSync(dir).filter((f) => languageForPath(f)).map((f) => ({
  language: languageForPath(f)!,
  text: fs.readFileSync(path.join(dir, f), 'utf8').replace(/⟦([^⟦⟧]*)⟧/g, (_, body: string) => body.replace(/\|[^|]*$/, '')).replace(/[⟪⟫]/g, ''),
}));

/** A fixture with pieces of others cut in, read as any fixture's language. */
const spliced = fc.tuple(fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(200)), { maxLength: 4 }))
  .map(([base, language, cuts]) => {
    let text = FIXTURES[base % FIXTURES.length].text;
    for (const [at, from, length] of cuts) {
      const other = FIXTURES[from % FIXTURES.length].text;
      const i = at % (text.length + 1);
      text = text.slice(0, i) + other.slice(from % other.length, (from % other.length) + length) + text.slice(i);
    }
    return { text, language: FIXTURES[language % FIXTURES.length].language };
  });

/** Wants a pseudo-random half of the values, and a given kind always or never. */
const filters = fc.tuple(fc.integer(), fc.constantFrom<(string | undefined)[]>(['status'], ['method', 'header'], [undefined]))
  .map(([seed, kinds]): TokenFilter => (kind, value) => (kinds[0] === undefined ? hash(`${seed}${value}`) % 2 === 0 : kinds.includes(kind)));

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

describe('property: asking the detector for some tokens only', function () {
  this.timeout(120_000);

  it('gives exactly the wanted ones among all tokens', () => {
    fc.assert(fc.property(spliced, filters, ({ text, language }, wanted) => {
      assert.deepStrictEqual(findHttpTokens(text, language, wanted), findHttpTokens(text, language).filter((t) => wanted(t.kind, t.value)));
    }), runs(1000));
  });
});
