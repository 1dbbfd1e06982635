import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { languageForPath } from '../../../server/src/settings';
import { repoRoot } from '../../helpers/testEnv';
import { parseLabels, score } from './fixtureMarkers';

const dir = path.join(repoRoot, 'test', 'fixtures', 'detect');
const files = fs.readdirSync(dir).filter((f) => languageForPath(f)).sort();

interface Tally { positives: number; negatives: number; tp: number; fp: number; fn: number }

describe('detect: labelled fixtures (precision and recall)', () => {
  const byLanguage = new Map<string, Tally>();
  const problems: string[] = [];
  before(() => {
    for (const name of files) {
      const language = languageForPath(name)!;
      const labelled = parseLabels(fs.readFileSync(path.join(dir, name), 'utf8'));
      const s = score(labelled, findHttpTokens(labelled.text, language), name);
      const t = byLanguage.get(language) ?? { positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0 };
      t.positives += labelled.positives.length;
      t.negatives += labelled.negatives.length;
      t.tp += s.truePositives;
      t.fp += s.falsePositives.length;
      t.fn += s.falseNegatives.length;
      byLanguage.set(language, t);
      problems.push(...s.falsePositives, ...s.falseNegatives);
    }
  });

  it('labels at least 300 positions, positives and negatives, over at least 15 languages', () => {
    const all = [...byLanguage.values()];
    const positions = all.reduce((n, t) => n + t.positives + t.negatives, 0);
    assert.ok(byLanguage.size >= 15, `${byLanguage.size} languages`);
    assert.ok(positions >= 300, `${positions} positions`);
    assert.ok(all.every((t) => t.positives > 0), 'every language has positives');
    assert.ok(all.reduce((n, t) => n + t.negatives, 0) >= 100, 'at least 100 negatives');
  });

  it('finds every labelled token and nothing else (100% precision and recall)', () => {
    const lines = [...byLanguage].sort(([a], [b]) => a.localeCompare(b)).map(([language, t]) => {
      const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
      const recall = t.positives ? t.tp / t.positives : 1;
      return `  ${language.padEnd(16)} ${String(t.positives).padStart(4)} positives ${String(t.negatives).padStart(4)} negatives  precision ${(precision * 100).toFixed(1).padStart(5)}%  recall ${(recall * 100).toFixed(1).padStart(5)}%`;
    });
    const total = [...byLanguage.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, pos: a.pos + t.positives, neg: a.neg + t.negatives }), { tp: 0, fp: 0, pos: 0, neg: 0 });
    console.log(`      detector on ${files.length} fixture files:\n${lines.join('\n')}\n  total: ${total.pos} positives, ${total.neg} negatives, precision ${((total.tp / Math.max(1, total.tp + total.fp)) * 100).toFixed(1)}%, recall ${((total.tp / Math.max(1, total.pos)) * 100).toFixed(1)}%`);
    assert.deepStrictEqual(problems, []);
  });
});
