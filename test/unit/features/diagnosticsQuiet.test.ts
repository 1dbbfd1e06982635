import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { diagnose } from '../../../server/src/features/diagnostics';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import { DEFAULT_SETTINGS, languageForPath } from '../../../server/src/settings';
import { builtinCorpus, repoRoot, requireShared, sharedPath } from '../../helpers/testEnv';

/** Real-world-looking files full of numbers (prices, ports, timeouts, sizes; 305, 306, 418, 499, 520 among them): not one diagnostic. */
const dir = path.join(repoRoot, 'test', 'fixtures', 'quiet');
const files = fs.readdirSync(dir).sort();

describe('features/diagnostics: quiet on ordinary code', () => {
  const check = (index: CorpusIndex, builtinOnly: boolean) => {
    const report: string[] = [];
    let numbers = 0;
    let tokens = 0;
    for (const name of files) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const languageId = languageForPath(name)!;
      const found = findHttpTokens(text, languageId);
      numbers += (text.match(/\b\d+\b/g) ?? []).length;
      tokens += found.length;
      for (const f of diagnose({ text, languageId, tokens: found, index, settings: DEFAULT_SETTINGS.diagnostics, builtinOnly })) {
        const line = text.slice(0, f.start).split('\n').length;
        report.push(`${name}:${line}: ${f.rule}: ${f.message}`);
      }
    }
    return { report, numbers, tokens };
  };

  it('covers several languages, with many numbers and some real status codes', () => {
    const languages = new Set(files.map((f) => languageForPath(f)));
    assert.ok(languages.size >= 8, [...languages].join(', '));
    assert.ok(!languages.has(undefined), 'every fixture has a known language');
  });

  it('raises zero diagnostics with the built-in corpus and default settings', async () => {
    const index = await new CorpusSet(new NodeCorpusFileSystem()).load([builtinCorpus]);
    const { report, numbers, tokens } = check(index, true);
    assert.ok(numbers > 250, `only ${numbers} numbers`);
    assert.ok(tokens >= 10, `the detector found only ${tokens} tokens: the fixtures should hold real HTTP code too`);
    assert.deepStrictEqual(report, []);
  });

  it('raises zero diagnostics with the API Stylebook corpus added', async function () {
    requireShared(this);
    const index = await new CorpusSet(new NodeCorpusFileSystem()).load([builtinCorpus, sharedPath('corpora', 'apistylebook')]);
    assert.deepStrictEqual(check(index, false).report, []);
  });
});
